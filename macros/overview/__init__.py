"""The overview: every phase and its steps in order, each linking to the step in full."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext


def overview(w: WidgetContext, profile: str | None = None) -> Markup:
    """Every phase and its steps, in order, each linking to the step in full.

    profile: a situation's id, to list only its steps (default: every step).
    """
    chosen = w.profile(profile)
    guide = w.project.guide
    groups = []
    for phase in guide.phases:
        steps = [s for s in guide.steps_in(phase) if chosen is None or s.applies(chosen.id)]
        if steps:
            groups.append((phase, steps))
    return w.render("overview/overview.html", groups=groups)
