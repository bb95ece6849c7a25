"""A card per contact: number, hours, cost, address, website."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext


def contacts(w: WidgetContext) -> Markup:
    """A card per contact of the guide (the university's desk and CPAM first when it has them)."""
    return w.render("contacts/contacts.html", contacts=w.project.guide.contacts)
