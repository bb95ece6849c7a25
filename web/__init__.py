"""The web layer: everything that knows MkDocs, and nothing else does.

`web.plugin` is the MkDocs plugin `health-insurance-guide` (mkdocs.yml lists it; pyproject.toml registers
it): it adds the extra languages, the university's layer, the route pages and the university's colours as
files in memory, renders the pages' widget calls, finishes each page's head, and makes the handouts and the
offline copy after the build. `web.config` reads mkdocs.yml with MkDocs' own loader; `python -m web check`
is `make check`.
"""
