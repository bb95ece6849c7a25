"""One figure per delay: what a slide or a reminder says about how long something takes must be a figure the
step's page gives ("7 à 10 jours", "2 to 3 weeks"), so that a room, a calendar and a page never disagree."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .checker import Checker
from .yamlfile import Path_

UNITS = {  # the words of a delay, in each language the guide ships, and the unit they count in
    "jour": "day", "jours": "day", "semaine": "week", "semaines": "week", "mois": "month",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
}  # fmt: skip
FIGURE = re.compile(
    r"(?<![\d,.])(\d+)(?:[\s\u00a0\u202f]*(?:à|to|-|–|or|ou)[\s\u00a0\u202f]*(\d+))?[\s\u00a0\u202f]*([^\W\d_]+)",
)

Figure = tuple[int, int, str]


def figures(text: str) -> set[Figure]:
    """The delays a text gives, as (from, to, unit): "7 à 10 jours" -> (7, 10, 'day'), "4 weeks" -> (4, 4, 'week')."""
    found = set()
    for first, last, word in FIGURE.findall(text):
        unit = UNITS.get(word.casefold())
        if unit:
            found.add((int(first), int(last or first), unit))
    return found


def _texts(raw: Any, path: Path_) -> Iterator[tuple[Path_, dict[str, str]]]:
    """Every translated text below `raw`, with its place."""
    if isinstance(raw, dict):
        if raw and all(isinstance(v, str) for v in raw.values()) and all(len(k) <= 3 for k in raw):
            yield path, raw
            return
        for key, value in raw.items():
            yield from _texts(value, (*path, key))
    elif isinstance(raw, list):
        for i, value in enumerate(raw):
            yield from _texts(value, (*path, i))


SAID_ELSEWHERE = ("slide", "reminders")  # the parts of a step (or of a task) that repeat what its page says


def check_delays(steps: list[dict[str, Any]], check: Checker, at: Path_ = ("steps",)) -> None:
    """Each delay a step's slide texts or reminders give must be one its page gives, in the same language."""
    for i, step in enumerate(steps):
        texts = list(_texts(step, (*at, i)))
        given: dict[str, set[Figure]] = {}
        for path, text in texts:
            if not set(path) & set(SAID_ELSEWHERE):
                for lang, value in text.items():
                    given.setdefault(lang, set()).update(figures(value))
        for path, text in texts:
            if set(path) & set(SAID_ELSEWHERE):
                for lang, value in text.items():
                    for first, last, unit in sorted(figures(value) - given.get(lang, set())):
                        said = f"{first}" if first == last else f"{first}-{last}"
                        check.add(
                            (*path, lang),
                            f"gives a delay of {said} {unit}(s) that the step's page does not give: say the same "
                            "figure on the page, the slides and the reminders",
                        )
