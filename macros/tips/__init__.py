"""The university's local tips."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext


def tips(w: WidgetContext) -> Markup:
    """The university's local tips, under a heading (nothing when it has none)."""
    return w.render("tips/tips.html", tips=w.project.university.tips)
