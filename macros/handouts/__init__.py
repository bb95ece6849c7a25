"""Links to the printable handouts of the page's language (the bilingual sheet in every language)."""

from __future__ import annotations

from markupsafe import Markup

from handouts.kinds import catalogue
from macros.widget import WidgetContext
from render.site import HANDOUTS_FOLDER

SECTIONS = (  # (section of handouts/kinds.py, its heading's label, its anchor)
    ("steps", "print_title_overview", "overview-handouts"),
    ("checklists", "print_title_checklists", "checklist-handouts"),
    ("slides", "print_title_slides", "slides-handouts"),
)


def handouts(w: WidgetContext) -> Markup:
    """Links to the handouts (PDF) in this language: the steps on a page and side by side with another
    language, then a checklist per situation."""
    items = [h for h in catalogue(w.project.guide) if w.lang in h.langs]
    guide, labels = w.project.guide, w.project.labels
    return w.render(
        "handouts/handouts.html",
        handouts=items,
        sections=SECTIONS,
        href=lambda h: w.links.file(f"{HANDOUTS_FOLDER}/{h.filename}"),
        link_text=lambda h, lang: h.link_text(guide, labels, lang),
    )
