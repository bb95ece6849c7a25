"""Links to the printable handouts of the page's language (the bilingual sheet in every language)."""

from __future__ import annotations

from markupsafe import Markup

from handouts.kinds import catalogue
from macros.widget import WidgetContext
from render.site import HANDOUTS_FOLDER


def handouts(w: WidgetContext) -> Markup:
    """Links to the handouts (PDF) in this language: the overviews and bilingual sheets, then a checklist per
    situation."""
    items = [h for h in catalogue(w.project.guide) if w.lang in h.langs]
    return w.render(
        "handouts/handouts.html", handouts=items, href=lambda h: w.links.file(f"{HANDOUTS_FOLDER}/{h.filename}")
    )
