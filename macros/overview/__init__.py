"""The overview: every phase and its steps in order, each linking to the step in full."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext


def overview(w: WidgetContext, profile: str | None = None) -> Markup:
    """Every phase and its steps, in order and numbered as the reader's journey numbers them, each linking to
    the step in full.

    profile: a situation's id, to list only its steps (default: every registering student's steps, then apart
    the steps of the situations that do not register).
    """
    chosen = w.profile(profile)
    guide = w.project.guide
    journey = guide.journey(chosen.id) if chosen else guide.everyone()
    groups = []
    for phase in guide.phases:
        placed = [p for p in journey if p.step.phase.id == phase.id]
        if placed:
            groups.append((phase, placed))
    # the steps of situations that do not register (keep your card, ask first): apart, named by their situation
    others = [] if chosen else [s for s in guide.steps if not set(s.applies_to) & guide.registering()]
    return w.render("overview/overview.html", groups=groups, others=others)
