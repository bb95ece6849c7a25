"""This page in the site's other languages, each named in its own words."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext


def languages(w: WidgetContext) -> Markup:
    """Links to this page in the site's other languages, each named in its own language."""
    others = [(lang, w.links.alternate(lang)) for lang in w.project.languages if lang != w.lang]
    return w.render("languages/languages.html", others=[(lang, href) for lang, href in others if href])
