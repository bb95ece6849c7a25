"""What the site stores, under which key, and who hosts and publishes it."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext
from render.site import STORAGE_KEY


def privacy(w: WidgetContext) -> Markup:
    """What the site stores in the reader's browser and under which key, who hosts it and who publishes it."""
    return w.render("privacy/privacy.html", storage_key=STORAGE_KEY)
