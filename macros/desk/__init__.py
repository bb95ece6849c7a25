"""The university's international desk, as a contact card."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext


def desk(w: WidgetContext) -> Markup:
    """The university's international desk as a contact card (nothing when the university has given none)."""
    desk = w.project.university.desk
    return w.render("desk/desk.html", contacts=[desk] if desk else [])
