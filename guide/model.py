"""The typed model of the guide, built by the loader from validated data."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date


@dataclass(frozen=True)
class Text:
    """A text in every language of the site."""

    values: dict[str, str]

    def __call__(self, lang: str) -> str:
        """The text in `lang` (the loader guarantees it exists)."""
        return self.values[lang]


@dataclass(frozen=True)
class Link:
    id: str
    url: str
    label: Text


@dataclass(frozen=True)
class Source:
    id: str
    title: Text
    publisher: Text
    dated: Text
    links: tuple[Link, ...]
    read_as: str = "document"  # or "notes": the facts were checked against notes taken from the page


@dataclass(frozen=True)
class SourceCheck:
    """A step's source and the date its facts were last checked against it."""

    source: Source
    checked: date


@dataclass(frozen=True)
class Option:
    id: str
    text: Text


@dataclass(frozen=True)
class Question:
    """A question of the path chooser; asked only once `ask_if` answers are given."""

    id: str
    text: Text
    options: tuple[Option, ...]
    ask_if: dict[str, str]
    advice: dict[str, Text]  # option id -> what to do, shown on the path


@dataclass(frozen=True)
class Profile:
    id: str
    answers: dict[str, str]
    name: Text
    description: Text
    skip_note: Text


@dataclass(frozen=True)
class Phase:
    id: str
    title: Text


@dataclass(frozen=True)
class Task:
    id: str
    text: Text
    profiles: frozenset[str]
    slide: Text | None = None  # the task in a few words, as the orientation slides say it (a key task)


@dataclass(frozen=True)
class Reminder:
    """A date to check something: `days` after the day the student did step `after`."""

    id: str
    after: str  # a step id
    days: int
    text: Text


@dataclass(frozen=True)
class Note:
    text: Text
    profiles: frozenset[str]


@dataclass(frozen=True)
class Contact:
    id: str
    kind: str
    name: Text
    description: Text
    phone: str | None
    hours: Text | None
    cost: Text | None
    link: Link | None
    email: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class DocumentUse:
    """A document needed at a step by some profiles, perhaps only in a case."""

    document: Document
    step_id: str
    profiles: frozenset[str]
    required: bool
    condition: Text | None
    upload: bool = True  # uploaded online at this step: the formats and the size limit apply


@dataclass(frozen=True)
class Document:
    id: str
    name: Text
    description: Text
    formats: tuple[str, ...]
    max_size_mb: float | None
    uses: tuple[DocumentUse, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    phase: Phase
    title: Text
    summary: Text
    applies_to: tuple[str, ...]
    skip_reasons: dict[str, Text]
    tasks: tuple[Task, ...]
    links: tuple[Link, ...]
    duration: Text
    while_waiting: Text | None
    if_stuck: Text
    contacts: tuple[Contact, ...]
    notes: tuple[Note, ...]
    sources: tuple[SourceCheck, ...]
    documents: tuple[DocumentUse, ...] = field(default=(), compare=False, repr=False)
    link_profiles: dict[str, frozenset[str]] = field(default_factory=dict)  # links for some profiles only
    either_order_with: str | None = None  # the next step, which may come before this one (sources disagree)
    label: str = ""  # its number as shown: "5", or "5a" and "5b" for two steps that may come in either order
    slide_title: Text | None = None  # the title in a few words, for the slides
    slide_duration: Text | None = None  # the delay in a few words, for the slides
    slide_while_waiting: Text | None = None  # what to do while waiting, in a few words, for the slides
    reminders: tuple[Reminder, ...] = ()  # dates a student may put in their calendar

    def applies(self, profile_id: str) -> bool:
        return profile_id in self.applies_to

    def tasks_for(self, profile_id: str | None) -> tuple[Task, ...]:
        """The step's tasks for a profile (all of them when profile is None)."""
        return tuple(t for t in self.tasks if profile_id is None or profile_id in t.profiles)

    def links_for(self, profile_id: str | None) -> tuple[Link, ...]:
        """The step's links for a profile (all of them when profile is None)."""
        return tuple(
            link
            for link in self.links
            if profile_id is None or profile_id in self.link_profiles.get(link.id, frozenset({profile_id}))
        )

    def notes_for(self, profile_id: str | None) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if profile_id is None or profile_id in n.profiles)

    def documents_for(self, profile_id: str | None) -> tuple[DocumentUse, ...]:
        """Documents of this step; for a profile, only those it needs."""
        return tuple(u for u in self.documents if profile_id is None or profile_id in u.profiles)

    def skip_reason(self, profile: Profile) -> Text:
        """Why this step does not apply to `profile`."""
        return self.skip_reasons.get(profile.id, profile.skip_note)

    @property
    def last_checked(self) -> date:
        return max(s.checked for s in self.sources)

    @property
    def key_tasks(self) -> tuple[Task, ...]:
        """The tasks its slide shows: those with a slide text, or every task when none has one."""
        return tuple(t for t in self.tasks if t.slide) or self.tasks


def number_steps(steps: list[Step] | tuple[Step, ...]) -> tuple[Step, ...]:
    """Number steps in order; a step and the one it may swap with share a number, as "5a" and "5b"."""
    numbered: list[Step] = []
    n = 0
    for step in steps:
        prev = numbered[-1] if numbered else None
        if prev is not None and prev.either_order_with == step.id:
            numbered[-1] = replace(prev, label=f"{prev.number}a")
            numbered.append(replace(step, number=prev.number, label=f"{prev.number}b"))
            continue
        n += 1
        numbered.append(replace(step, number=n, label=str(n)))
    return tuple(numbered)


@dataclass(frozen=True)
class Disagreement:
    """Where sources disagree, and what the guide does about it (for the people who keep the facts)."""

    text: Text
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    term: str
    definition: Text


@dataclass(frozen=True)
class Guide:
    """Everything the site and the handouts show, in every language."""

    languages: tuple[str, ...]
    allowed_hosts: tuple[str, ...]
    questions: tuple[Question, ...]
    links: dict[str, Link]
    sources: dict[str, Source]
    profiles: tuple[Profile, ...]
    phases: tuple[Phase, ...]
    steps: tuple[Step, ...]
    documents: tuple[Document, ...]
    contacts: tuple[Contact, ...]
    glossary: tuple[GlossaryEntry, ...]
    disagreements: tuple[Disagreement, ...] = ()

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    def profile(self, profile_id: str) -> Profile:
        return next(p for p in self.profiles if p.id == profile_id)

    def contact(self, contact_id: str) -> Contact:
        return next(c for c in self.contacts if c.id == contact_id)

    def steps_in(self, phase: Phase) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.phase.id == phase.id)

    def steps_for(self, profile_id: str) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.applies(profile_id))

    def documents_for(self, profile_id: str) -> tuple[Document, ...]:
        """Documents a profile needs at some step, in data order."""
        return tuple(d for d in self.documents if any(profile_id in u.profiles for u in d.uses))

    @property
    def last_checked(self) -> date:
        return max(s.last_checked for s in self.steps)

    def answer_sets(self) -> list[dict[str, str]]:
        """Every complete set of answers a student can give, asking questions in order."""
        sets: list[dict[str, str]] = [{}]
        for q in self.questions:
            grown = []
            for answers in sets:
                if all(answers.get(k) == v for k, v in q.ask_if.items()):
                    grown += [{**answers, q.id: o.id} for o in q.options]
                else:
                    grown.append(answers)
            sets = grown
        return sets

    def profiles_matching(self, answers: dict[str, str]) -> list[Profile]:
        """Profiles whose answers are all among `answers`."""
        return [p for p in self.profiles if all(answers.get(k) == v for k, v in p.answers.items())]
