"""The typed model of the guide, built by the loader from validated data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from . import phones


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
    ask_for: frozenset[str] = frozenset()  # asked only once the answers lead to one of these profiles (if given)

    def concerns(self, profile_id: str) -> bool:
        """Whether this question is asked of a student of `profile_id` (its answer can change their path)."""
        return not self.ask_for or profile_id in self.ask_for


REGISTRATIONS = ("must", "need-not", "ask")  # a situation registers, does not, or is to ask first


@dataclass(frozen=True)
class Profile:
    id: str
    answers: dict[str, str]
    name: Text
    description: Text
    skip_note: Text
    registration: str = "must"  # one of REGISTRATIONS
    short: Text | None = None  # its name in a few words, where space is short (the slides)

    @property
    def registers(self) -> bool:
        return self.registration == "must"


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

    def meets(self, ids: frozenset[str]) -> bool:
        """Whether it is for any of the situations `ids`."""
        return bool(self.profiles & ids)


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

    @property
    def phone_abroad(self) -> str | None:
        """The number as it is dialled from a foreign phone, where the French numbering plan gives it."""
        return phones.from_abroad(self.phone) if self.phone else None

    @property
    def french_phone_only(self) -> bool:
        """Whether the number can only be called from a French phone (a short number)."""
        return bool(self.phone) and phones.french_only(self.phone or "")


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
    notes: tuple[Note, ...] = ()  # what it is or may be for some situations only

    def notes_for(self, profile_id: str | None) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if profile_id is None or profile_id in n.profiles)


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
    label: str = ""  # its number in the journey every student who registers shares ("4"), "" when it has none
    joined: str | None = None  # in that journey: "either" (with the step before, in either order), "some" (for
    # some situations only, with the step before), or None (it has its own number)
    moment: Text | None = None  # the day a student knows, that a reminder counts from ("the day I registered")
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

    def for_some(self, ids: frozenset[str]) -> bool:
        """Whether a part of it (a task, a note, a document) that concerns `ids` is for only some of its situations."""
        return len(ids & set(self.applies_to)) < len(self.applies_to)

    def document_uses(self, profile_id: str | None) -> tuple[DocumentUse, ...]:
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


@dataclass(frozen=True)
class Placed:
    """A step where one journey puts it: the number of its stage, and whether it has that number itself or comes
    with the step before it ("and", as GOV.UK's step-by-step pages say it)."""

    step: Step
    number: int
    joined: str | None  # None: the number is its own; "either": with the step before, in either order; "some":
    # for some of the journey's situations, with the step before


def place(steps: list[Step] | tuple[Step, ...], group: frozenset[str]) -> tuple[Placed, ...]:
    """Number `steps` (in order) for the situations of `group`: a step every one of them does has a number, from 1,
    without a gap; a step that may come before the one it follows (sources disagree) comes "and" with it, in
    either order; a step for some of them only comes "and" with the step before it, so that a step they all do
    has the same number whoever reads it."""
    placed: list[Placed] = []
    n = 0
    for step in steps:
        shared = group <= set(step.applies_to)
        prev = placed[-1] if placed else None
        if shared and prev is not None and prev.step.either_order_with == step.id and prev.joined is None:
            placed.append(Placed(step, prev.number, "either"))
        elif shared or n == 0:
            n += 1
            placed.append(Placed(step, n, None))
        else:
            placed.append(Placed(step, n, "some"))
    return tuple(placed)


def number_steps(steps: list[Step] | tuple[Step, ...], profiles: tuple[Profile, ...]) -> tuple[Step, ...]:
    """The steps with the numbers of the journey every registering student shares (`label`, `joined`); a step
    that no registering student does has no number there (it has one in its own situation's journey)."""
    group = frozenset(p.id for p in profiles if p.registers)
    journey = {p.step.id: p for p in place([s for s in steps if group & set(s.applies_to)], group)}
    out = []
    for step in steps:
        where = journey.get(step.id)
        label = str(where.number) if where and where.joined is None else ""
        out.append(
            replace(step, number=where.number if where else 0, label=label, joined=where.joined if where else None)
        )
    return tuple(out)


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
    on_paper: bool = False


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

    def words_to_explain(self, text: str, *, overview: bool = False) -> tuple[GlossaryEntry, ...]:
        """The glossary terms a handout explains in its box of French words: those marked `on_paper` that its
        `text` uses (the term before any bracket, as whole words, in any case). The overview, which covers every
        situation, explains every term marked `on_paper` and every other term its text uses."""

        def used(g: GlossaryEntry) -> bool:
            return re.search(_whole(g.term.split(" (")[0]), text, re.IGNORECASE) is not None

        return tuple(g for g in self.glossary if (g.on_paper and (overview or used(g))) or (overview and used(g)))

    def registering(self) -> frozenset[str]:
        """The situations that must register."""
        return frozenset(p.id for p in self.profiles if p.registers)

    def journey(self, profile_id: str) -> tuple[Placed, ...]:
        """A situation's steps, numbered for it: a registering student's shared steps carry the numbers every
        registering student reads (the overview's, the slides'); another situation's are numbered on their own."""
        group = self.registering() if profile_id in self.registering() else frozenset({profile_id})
        return place(self.steps_for(profile_id), group)

    def everyone(self) -> tuple[Placed, ...]:
        """The journey of every registering student: the steps any of them does, numbered as they all read them."""
        group = self.registering()
        return place([s for s in self.steps if group & set(s.applies_to)], group)

    def audience(self, ids: frozenset[str] | tuple[str, ...]) -> tuple[Profile, ...]:
        """The situations among `ids`, in the data's order."""
        return tuple(p for p in self.profiles if p.id in ids)

    def steps_for(self, profile_id: str) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.applies(profile_id))

    def documents_needed(self, profile_id: str) -> tuple[Document, ...]:
        """Documents a profile needs at some step, in data order."""
        return tuple(d for d in self.documents if any(profile_id in u.profiles for u in d.uses))

    @property
    def last_checked(self) -> date:
        return max(s.last_checked for s in self.steps)

    def answer_sets(self) -> list[dict[str, str]]:
        """Every complete set of answers a student can give, asking questions in order (a question with
        `ask_for` once the answers so far lead to one of its profiles)."""
        sets: list[dict[str, str]] = [{}]
        for q in self.questions:
            grown = []
            for answers in sets:
                found = self.profiles_matching(answers)
                asked = all(answers.get(k) == v for k, v in q.ask_if.items()) and (
                    not q.ask_for or (len(found) == 1 and found[0].id in q.ask_for)
                )
                if asked:
                    grown += [{**answers, q.id: o.id} for o in q.options]
                else:
                    grown.append(answers)
            sets = grown
        return sets

    def profiles_matching(self, answers: dict[str, str]) -> list[Profile]:
        """Profiles whose answers are all among `answers`."""
        return [p for p in self.profiles if all(answers.get(k) == v for k, v in p.answers.items())]


def _whole(term: str) -> str:
    """A pattern finding `term` as whole words, whatever the spaces between them (a typeset text has no-break
    spaces)."""
    return r"(?<!\w)" + r"\s+".join(re.escape(word) for word in term.split()) + r"(?!\w)"
