"""The site's widgets: one folder each (its function, template and examples), found by macros.registry.

No MkDocs here: the web layer (web/) calls the widgets for the pages; macros.check calls them as the build
would, without building. See CONTRIBUTING.md, "Adding a widget".
"""
