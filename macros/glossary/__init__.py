"""The French terms a student meets, explained."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext
from render.environment import sort_key


def glossary(w: WidgetContext) -> Markup:
    """The French terms with their definitions, in the alphabetical order a reader expects."""
    entries = sorted(w.project.guide.glossary, key=lambda g: sort_key(g.term))
    return w.render("glossary/glossary.html", entries=entries)
