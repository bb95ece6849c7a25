"""The orientation slide deck, as a list of slides made from the model: what each slide shows, in order.

The slide and notes templates both walk this list, so a slide and its speaker notes share a number. A list
that would crowd a slide (the situations, the documents, the waits, the contacts) is cut into several slides
by a budget of lines; laying the deck out (handouts/build.py) tells whether that was enough: if not, the
lists are cut again with a smaller budget, and a slide that cannot be cut (a step) stops the build, named.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from guide.model import Contact, Document, Profile, Step, Text
from guide.project import Project

# What a slide's body holds at the deck's type size, by the number of languages side by side: (characters
# of a line, lines). Measured on the laid-out deck; a cut too generous still fails the build, naming the slide.
BUDGET = {1: (52, 9), 2: (28, 11)}
CUT = ("who", "documents", "waiting", "contacts", "desk")  # the kinds of slide a list is cut into


@dataclass(frozen=True)
class Slide:
    """One slide: its kind (a template block of handouts/templates/slides.html), where its content comes from
    (for messages: 'steps.<id>' or 'slides.<kind>'), and what it shows."""

    kind: str
    where: str
    step: Step | None = None
    items: tuple[Any, ...] = ()
    heading: Text | None = None  # what a documents slide is about: the situation's name
    part: int = 1
    parts: int = 1


def _greedy(costs: Sequence[int], height: int) -> list[int]:
    """Where runs start, filling each up to `height` lines (an item alone may take more)."""
    starts, used = [0], 0
    for i, cost in enumerate(costs):
        if i > starts[-1] and used + cost > height:
            starts.append(i)
            used = 0
        used += cost
    return starts


def _chunks(items: Sequence[Any], size: Callable[[Any], int], height: int) -> list[list[Any]]:
    """Items in order, cut into as few runs of at most `height` lines as can be, and as even as can be (two
    half-full slides rather than a full one and a last item alone)."""
    costs = [size(item) for item in items]
    starts = _greedy(costs, height)
    even = -(-sum(costs) // len(starts))  # lines per run if they could be shared out exactly
    while even < height and len(_greedy(costs, even)) > len(starts):
        even += 1
    starts = _greedy(costs, min(even, height))
    bounds = [*starts, len(items)]
    return [list(items[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _cut(kind: str, items: Sequence[Any], size: Callable[[Any], int], height: int, **kwargs: Any) -> list[Slide]:
    runs = _chunks(items, size, height)
    return [
        Slide(kind, f"slides.{kind}", items=tuple(run), part=i + 1, parts=len(runs), **kwargs)
        for i, run in enumerate(runs)
    ]


def waiting_text(step: Step) -> Text | None:
    return step.slide_while_waiting or step.while_waiting


def phone_line(c: Contact, say: Callable[[str], str]) -> str | None:
    """A contact's number as a slide writes it, with how it is dialled from abroad or that it is French only."""
    if not c.phone:
        return None
    if c.phone_abroad:
        return f"{c.phone}{say('separator')}{say('from_abroad')}{say('colon')} {c.phone_abroad}"
    return f"{c.phone} ({say('french_phone_only')})" if c.french_phone_only else c.phone


def _campus_lines(item: tuple[str, Any], say: Callable[[str], str], lang: str) -> tuple[str | None, ...]:
    """The lines a desk or a session takes on the campus slide."""
    kind, value = item
    if kind == "desk":
        hours = value.hours(lang) if value.hours else None
        return (value.name(lang), value.address, hours, phone_line(value, say), value.email)
    return (f"{value.day} {value.time or ''}: {value.place(lang)}",)


def slide_documents(project: Project, profile: Profile) -> list[tuple[Document, Text | None]]:
    """The documents a situation needs, each with the case it is needed in (None: always)."""
    needed = []
    for doc in project.guide.documents_needed(profile.id):
        conditions = [u.condition for u in doc.uses if profile.id in u.profiles]
        needed.append((doc, None if any(c is None for c in conditions) else conditions[0]))
    return needed


def deck(
    project: Project,
    register_groups: list[tuple[str, list[Profile]]],
    contacts: list[Contact],
    fit: float = 1.0,
) -> list[Slide]:
    """Every slide of the deck; `fit` below 1 cuts the lists into shorter slides (for texts longer than the
    budget expects). Every deck has the same slides, whatever its languages: the lists are cut for the
    longest language in the narrowest column (two languages side by side), so that "slide 12" of the speaker's
    notes is slide 12 of every deck."""
    guide, university, labels = project.guide, project.university, project.labels
    langs = guide.languages
    width, lines = BUDGET[min(len(langs), 2)]
    budget = max(1, int(lines * fit))

    def say(lang: str) -> Callable[[str], str]:
        return lambda key: labels.get(key, lang)

    def size(texts: Callable[[str], Sequence[str | None]]) -> Callable[[Any], int]:
        """An item's lines in its longest language: each of its texts starts a line."""
        return lambda item: max(sum(-(-len(x) // width) for x in texts(lang)(item) if x) for lang in langs)

    slides = [Slide("preview", "slides.preview")] if project.site.preview else []  # not for the hall
    slides.append(Slide("title", "slides.title"))
    slides += _cut(
        "who",
        register_groups,
        size(lambda lang: lambda group: [labels.get(group[0], lang), *(p.name(lang) for p in group[1])]),
        budget,
    )
    slides += [Slide("step", f"steps.{step.id}", step=step) for step in guide.steps]
    for profile in (p for label, group in register_groups if label == "must_register" for p in group):
        slides += _cut(
            "documents",
            slide_documents(project, profile),
            size(lambda lang: lambda pair: (pair[0].name(lang) + (f" ({pair[1](lang)})" if pair[1] else ""),)),
            budget - size(lambda lang: lambda name: (name(lang),))(profile.name),  # below its heading
            heading=profile.name,
        )
    waits = [step for step in guide.steps if waiting_text(step)]
    slides += _cut("waiting", waits, size(lambda lang: lambda s: (s.title(lang), waiting_text(s)(lang))), budget)
    slides += _cut(
        "contacts",
        contacts,
        size(
            lambda lang: (
                lambda c: (
                    f"{c.name(lang)}: {phone_line(c, say(lang)) or (c.link.url if c.link else '')}",
                    "; ".join(x(lang) for x in (c.hours, c.cost) if x) or None,
                )
            )
        ),
        budget,
    )
    campus = [("desk", university.desk)] if university.desk else []
    campus += [("session", s) for s in university.sessions]
    slides += _cut("desk", campus, size(lambda lang: lambda item: _campus_lines(item, say(lang), lang)), budget)
    slides.append(Slide("closing", "slides.closing"))
    return slides
