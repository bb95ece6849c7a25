"""A situation's route: where the student is, the steps that apply with boxes to tick, the steps that do not."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

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
    reminders, from_steps = _reminders(w, steps)
    return w.render(
        "route/route.html",
        reminders=reminders,
        from_steps=from_steps,
        uid_domain=urlsplit(w.project.site_url).hostname or "localhost",
        profile=chosen,
        level=2,
        progress_steps=json.dumps(progress, separators=(",", ":")),
        task_total=sum(len(p["tasks"]) for p in progress),
        skipped=list(skipped.values()),
    )


def _reminders(w: WidgetContext, steps: tuple[Step, ...]) -> tuple[list[dict], list[Step]]:
    """The route's reminders, as the page and its script need them (what, from which day the student knows, when,
    which step's page), and the steps whose days they count from, in the route's order. A reminder counting from
    a step that is not on the route is left out."""
    on_route = {s.id: s for s in steps}
    reminders = []
    for step in steps:
        for r in step.reminders:
            if r.after not in on_route:
                continue
            after = on_route[r.after]
            reminders.append(
                {
                    "id": r.id,
                    "after": r.after,
                    "moment": after.moment(w.lang) if after.moment else "",
                    "days": r.days,
                    "text": r.text(w.lang),
                    "href": w.links.step(step.id),
                }
            )
    used = {r["after"] for r in reminders}
    return reminders, [s for s in steps if s.id in used]
