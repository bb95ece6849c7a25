"""One step in full: its tasks with boxes, documents, where, how long, whom to ask, sources."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext
from render.journey import places as places_of


def step(w: WidgetContext, step_id: str, profile: str | None = None, level: int = 2) -> Markup:
    """One step in full (tasks, documents, where, how long, help, sources), then the university's steps after it.

    step_id: the step's id in data/steps.yaml.
    profile: a situation's id, to show only what applies to it (default: everything, with who it is for).
    level: the heading level of the step's title (2: `##`).
    """
    guide = w.project.guide
    w.known("step", step_id, [s.id for s in guide.steps])
    local = [ls.step.id for ls in w.project.university.steps if ls.after == step_id]
    chosen = w.profile(profile)
    places = places_of(guide.journey(chosen.id) if chosen else guide.everyone())
    return Markup("\n\n").join(
        w.render("step/step.html", step=guide.step(sid), placed=places.get(sid), profile=chosen, level=level)
        for sid in [step_id, *local]
    )
