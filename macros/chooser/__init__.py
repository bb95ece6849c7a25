"""The questions that lead a student to their route, and the list of routes."""

from __future__ import annotations

import json

from markupsafe import Markup

from macros.widget import WidgetContext
from render.site import CHOOSER_ANCHOR


def chooser(w: WidgetContext) -> Markup:
    """The questions that lead a student to their route, and the list of every route (which works without
    JavaScript)."""
    rules = json.dumps([{"id": p.id, "answers": p.answers} for p in w.project.guide.profiles])
    return w.render("chooser/chooser.html", rules=rules, anchor=CHOOSER_ANCHOR)
