"""Every source, where the sources disagree, and each step's sources with the date they were checked."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext


def sources(w: WidgetContext) -> Markup:
    """Each source (title, publisher, date, pages), where sources disagree, then each step's sources with the
    date they were checked."""
    return w.render("sources/sources.html")
