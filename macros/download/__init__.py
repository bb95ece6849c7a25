"""The link to the offline copy of the site."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext
from render.site import OFFLINE_ZIP


def download(w: WidgetContext) -> Markup:
    """The link to the offline copy, a zip to read without a connection (the copy itself leaves it out)."""
    return w.render("download/download.html", href=w.links.file(OFFLINE_ZIP))
