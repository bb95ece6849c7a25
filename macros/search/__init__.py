"""The search page: a field and the results, found in this language's index only (Pagefind, built with the site)."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext
from render.site import SEARCH_BUNDLE, SEARCH_SCRIPT, SEARCH_STYLES


def search(w: WidgetContext) -> Markup:
    """A search field and its results, which the search script finds in this language's pages (and, when they
    have none, in the other languages'); nothing is fetched before a search, and nothing leaves the site."""
    others = [
        {"lang": lang, "heading": w.project.labels.get("search_in_language", lang), "href": href}
        for lang in w.project.languages
        if lang != w.lang and (href := w.links.alternate(lang))
    ]
    return w.render(
        "search/search.html",
        bundle=w.links.file(f"{SEARCH_BUNDLE}/pagefind.js"),
        script=w.links.file(SEARCH_SCRIPT),
        styles=w.links.file(SEARCH_STYLES),
        others=others,
    )
