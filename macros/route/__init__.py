"""A situation's route: where the student is, the steps that apply with boxes to tick, the steps that do not."""

from __future__ import annotations

import json

from markupsafe import Markup

from guide.model import Step, Text
from macros.widget import WidgetContext


def route(w: WidgetContext, profile: str) -> Markup:
    """A situation's route: the progress box and next step, the steps that apply with their tasks, then the
    steps that do not apply, grouped by the reason they do not, and how to carry the ticks to another device.

    profile: the situation's id.
    """
    chosen = w.profile(profile)
    guide = w.project.guide
    steps = guide.steps_for(chosen.id)
    progress = [{"id": s.id, "tasks": [task.id for task in s.tasks_for(chosen.id)]} for s in steps]
    skipped: dict[str, tuple[Text, list[Step]]] = {}
    for s in guide.steps:
        if not s.applies(chosen.id):
            reason = s.skip_reason(chosen)
            skipped.setdefault(reason(w.lang), (reason, []))[1].append(s)
    return w.render(
        "route/route.html",
        profile=chosen,
        level=2,
        progress_steps=json.dumps(progress, separators=(",", ":")),
        task_total=sum(len(p["tasks"]) for p in progress),
        skipped=list(skipped.values()),
    )
