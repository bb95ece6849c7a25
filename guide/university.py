"""Load the university layer (who publishes this copy) and merge it into the guide.

Upstream ships its own edition in data/university.default.yaml. A university that
forks the guide creates data/university.yaml (from data/university.example.yaml):
a file upstream never ships, so that updates from upstream never conflict with it.
Every top-level field it gives replaces upstream's; the others keep upstream's value.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from .builder import References, add_links, add_sources, build_step, make_contact
from .checker import Checker
from .colors import too_light
from .content import CONTENT
from .errors import DataError, Problem
from .model import Contact, DocumentUse, Guide, Step, Text, number_steps
from .schema import load_schema, schema_problems
from .translations import Translation, text_keys
from .translations import apply as apply_translations
from .urls import address_problem
from .yamlfile import LayeredData, LocatedData, display_name, read_yaml

DEFAULT_FILE = "university.default.yaml"  # upstream's edition and defaults
FORK_FILE = "university.yaml"  # a fork's own, never shipped upstream
EXAMPLE_FILE = "university.example.yaml"
FORK_REQUIRED = ["name", "short_name"]  # a university that makes its own file names itself
DESK_ID = "university-desk"
LOCAL_CPAM_ID = "local-cpam"


@dataclass(frozen=True)
class Session:
    day: date
    time: str | None
    place: Text
    description: Text


@dataclass(frozen=True)
class Tip:
    id: str
    text: Text


@dataclass(frozen=True)
class LocalStep:
    after: str
    step: Step


@dataclass(frozen=True)
class University:
    name: Text
    short_name: Text
    site_url: str | None
    logo: str | None
    colors: dict[str, str]
    hosting: Text | None = None
    desk: Contact | None = None
    cpam: Contact | None = None
    sessions: tuple[Session, ...] = ()
    tips: tuple[Tip, ...] = ()
    steps: tuple[LocalStep, ...] = ()
    allowed_hosts: tuple[str, ...] = ()  # the university's own hosts, beside the national ones
    notes: tuple[Problem, ...] = ()  # not errors, but worth telling whoever keeps the file
    repository: str | None = None  # its GitHub repository, when the build cannot find it by itself


def read_layers(
    data_dir: Path, translations: list[Translation] | None = None, notes: list[Problem] | None = None
) -> LocatedData:
    """Upstream's defaults with the fork's own file over them, each checked against the schema; what the extra
    languages do not translate yet goes to `notes` (shown in the language it was translated from)."""
    schema = load_schema("university.schema.json")
    default = read_yaml(data_dir / DEFAULT_FILE, display_name(data_dir / DEFAULT_FILE))
    untranslated = apply_translations(default.data, "university", translations or [])
    problems = schema_problems(default, schema)
    layers = [default]
    own = data_dir / FORK_FILE
    if own.is_file():
        fork = read_yaml(own, display_name(own))
        own_keys = {key for tr in translations or [] for key in text_keys(fork.data, "university", tr.source)}
        untranslated = [  # a text of the fork's file replaces upstream's default: only its own counts
            note for note in untranslated if _key_of(note) not in own_keys
        ] + apply_translations(fork.data, "university", translations or [])
        problems += schema_problems(fork, dict(schema, required=FORK_REQUIRED))
        layers.append(fork)
    if problems:
        raise DataError(problems)
    if notes is not None:
        notes += untranslated
    return LayeredData(layers) if len(layers) > 1 else default


def _key_of(note: Problem) -> str:
    """The text key a translation note is about ("university:name")."""
    return note.message.split(": ", 1)[0]


def load_university(
    languages: tuple[str, ...],
    data_dir: Path,
    guide: Guide | None = None,
    translations: list[Translation] | None = None,
) -> University:
    """Read and check the university layer; with the national `guide`, also check and build its local steps."""
    untranslated: list[Problem] = []
    doc = read_layers(data_dir, translations, untranslated)
    check = Checker(doc, languages)
    raw = doc.data
    _check_address_logo_colors(raw, data_dir.parent / CONTENT, check)
    refs = References(tuple(raw.get("allowed_hosts", ())))
    if guide is not None:
        refs = References(
            guide.allowed_hosts + refs.hosts,
            dict(guide.links),
            dict(guide.sources),
            {c.id: c for c in guide.contacts},
            guide.profiles,
            {p.id: p for p in guide.phases},
        )
    add_links(raw.get("links", []), refs, check, ("links",))
    add_sources(raw.get("sources", []), refs, check, ("sources",))
    offices = {}
    for key, contact_id in (("desk", DESK_ID), ("cpam", LOCAL_CPAM_ID)):
        if key in raw:
            office = dict(raw[key], id=contact_id, kind="office")
            offices[key] = refs.contacts[contact_id] = make_contact(office, refs, check, (key,))
    notes = list(untranslated)
    sessions = _sessions(raw, doc, check, notes)
    check.unique(raw.get("tips", []), ("tips",), "tip")
    university = University(
        check.text(raw["name"], ("name",)),
        check.text(raw["short_name"], ("short_name",)),
        raw.get("site_url"),
        raw.get("logo"),
        dict(raw["colors"]),
        check.text(raw["hosting"], ("hosting",)),
        offices.get("desk"),
        offices.get("cpam"),
        sessions,
        tuple(Tip(t["id"], check.text(t["text"], ("tips", i, "text"))) for i, t in enumerate(raw.get("tips", []))),
        _local_steps(raw, guide, refs, check) if guide is not None else (),
        tuple(raw.get("allowed_hosts", ())),
        tuple(notes),
        raw.get("repository"),
    )
    if check.problems:
        raise DataError(check.problems)
    return university


def _check_address_logo_colors(raw: dict[str, Any], content: Path, check: Checker) -> None:
    """The published address, the logo (a file below content/) and the colours white text stands on."""
    url = raw.get("site_url")
    if url is not None and (address_problem(url) or not url.endswith("/")):
        check.add(
            ("site_url",),
            f"'{url}' should be a full https address ending with /, like https://example.org/guide/"
            + (f" ({address_problem(url)})" if address_problem(url) else ""),
        )
    logo = raw.get("logo")
    if logo and (Path(logo).is_absolute() or ".." in Path(logo).parts or (content / logo).is_symlink()):
        check.add(("logo",), f"'{logo}' is not a file of content/: give its path below content/, like assets/logo.svg")
    elif logo and not (content / logo).is_file():
        check.add(("logo",), f"no file content/{logo}")
    for key, color in raw["colors"].items():
        if problem := too_light(color):
            check.add(("colors", key), problem)


def _sessions(raw: dict[str, Any], doc: LocatedData, check: Checker, notes: list[Problem]) -> tuple[Session, ...]:
    """The coming information sessions, by date; a past one is left out, and `notes` says so."""
    sessions = []
    for i, s in enumerate(raw.get("sessions", [])):
        day = check.date(s["date"], ("sessions", i, "date"), past=False)
        if day is None:
            continue
        if day < date.today():
            notes.append(doc.problem(("sessions", i, "date"), f"{day} is past: the session is no longer shown"))
            continue
        sessions.append(
            Session(
                day,
                s.get("time"),
                check.text(s["place"], ("sessions", i, "place")),
                check.text(s["description"], ("sessions", i, "description")),
            )
        )
    return tuple(sorted(sessions, key=lambda s: (s.day, s.time or "")))


def _local_steps(raw: dict[str, Any], guide: Guide, refs: References, check: Checker) -> tuple[LocalStep, ...]:
    """The university's own steps, each after a national one, with ids of their own."""
    national = {s.id for s in guide.steps}
    task_ids = {t.id for s in guide.steps for t in s.tasks}
    documents = {d.id: d for d in guide.documents}
    local_steps: list[LocalStep] = []
    for i, item in enumerate(raw.get("steps", [])):
        path_ = ("steps", i)
        s = item["step"]
        if s["id"] in national or any(ls.step.id == s["id"] for ls in local_steps):
            check.add(path_ + ("step", "id"), f"step id '{s['id']}' is already used")
        for j, t in enumerate(s["tasks"]):
            if t["id"] in task_ids:
                check.add(path_ + ("step", "tasks", j, "id"), f"task id '{t['id']}' is already used")
        check.ref(national, item["after"], path_ + ("after",), "step")
        uses = []
        for j, d in enumerate(item.get("documents", [])):
            if check.ref(documents, d["document"], path_ + ("documents", j, "document"), "document"):
                uses.append(
                    DocumentUse(documents[d["document"]], s["id"], frozenset(s["applies_to"]), d["required"], None)
                )
        step = build_step(s, path_ + ("step",), refs, check, tuple(uses))
        if step is not None:
            local_steps.append(LocalStep(item["after"], step))
    return tuple(local_steps)


def merge(guide: Guide, university: University) -> Guide:
    """The guide with the university's contacts and local steps in place, steps renumbered."""
    local_contacts = tuple(c for c in (university.desk, university.cpam) if c is not None)

    def with_local_help(step: Step) -> Step:
        # The university's CPAM in place of the national "your CPAM" (the one rule, for pages and handouts alike).
        contacts = [university.cpam if university.cpam and c.id == "cpam" else c for c in step.contacts]
        if university.desk:
            contacts.append(university.desk)
        return replace(step, contacts=tuple(contacts))

    steps: list[Step] = []
    for step in guide.steps:
        steps.append(with_local_help(step))
        steps += [local.step for local in university.steps if local.after == step.id]
    numbered = number_steps(steps, guide.profiles)
    documents = tuple(
        replace(
            d, uses=d.uses + tuple(u for ls in university.steps for u in ls.step.documents if u.document.id == d.id)
        )
        for d in guide.documents
    )
    links = dict(guide.links)
    sources = dict(guide.sources)
    for local in university.steps:
        links.update({link.id: link for link in local.step.links})
        sources.update({c.source.id: c.source for c in local.step.sources})
    for contact in local_contacts:
        if contact.link:
            links[contact.link.id] = contact.link
    return replace(
        guide,
        allowed_hosts=guide.allowed_hosts + tuple(h for h in university.allowed_hosts if h not in guide.allowed_hosts),
        steps=numbered,
        documents=documents,
        contacts=tuple(c for c in guide.contacts if not (university.cpam and c.id == "cpam")) + local_contacts,
        links=links,
        sources=sources,
    )
