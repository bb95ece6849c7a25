"""The university's help sessions to come."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext


def sessions(w: WidgetContext) -> Markup:
    """The university's help sessions to come, by date (nothing when there are none)."""
    return w.render("sessions/sessions.html", sessions=w.project.university.sessions)
