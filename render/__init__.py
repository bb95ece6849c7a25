"""The rendering layer: one Jinja environment and one context for the site's widgets and the PDF handouts.

It turns the validated model of `guide` into HTML and knows nothing of MkDocs: the widgets live in `macros/`,
the handouts in `handouts/`, and this package holds what they share (the environment and its filters, the
context every template gets, the shared component macros, the typography, the site's file names).
"""
