"""A route page's title, for its Markdown heading."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext
from render.environment import markdown_text


def route_title(w: WidgetContext, profile: str) -> Markup:
    """A situation's route title ("Your steps: non-EU students"), written for a Markdown heading.

    profile: the situation's id.
    """
    name = w.profile(profile).name(w.lang)
    return markdown_text(w.project.labels.get("path_title", w.lang).format(name=name))
