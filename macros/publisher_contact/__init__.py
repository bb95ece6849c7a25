"""How a reader reaches whoever publishes this copy of the guide: its desk, or its repository's issues."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext


def publisher_contact(w: WidgetContext) -> Markup:
    """The university's international desk as a contact card; without one, the publisher's GitHub issues."""
    desk = w.project.university.desk
    issues = f"{w.project.repository}/issues" if w.project.repository and desk is None else None
    return w.render("publisher_contact/publisher_contact.html", contacts=[desk] if desk else [], issues=issues)
