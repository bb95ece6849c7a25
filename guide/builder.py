"""What the national data and a university's share: the things a step may refer to by id, and the builders that
check a raw item and make it into the model (links, sources, contacts, profile sets, steps). The loader
(guide/loader.py) and the university layer (guide/university.py) both build with these."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from .checker import Checker
from .model import Contact, DocumentUse, Link, Note, Phase, Profile, Reminder, Source, SourceCheck, Step, Task, Text
from .yamlfile import Path_


@dataclass
class References:
    """What steps may refer to, by id: filled from the national data, then by a university's."""

    hosts: tuple[str, ...]
    links: dict[str, Link] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    profiles: tuple[Profile, ...] = ()
    phases: dict[str, Phase] = field(default_factory=dict)

    @property
    def profile_ids(self) -> list[str]:
        return [p.id for p in self.profiles]


def add_links(items: list[dict[str, Any]], refs: References, check: Checker, at: Path_) -> None:
    """Links, each an https URL on an allowed host, each URL written once."""
    seen = {link.url: link.id for link in refs.links.values()}
    for i, item in enumerate(items):
        path = at + (i,)
        check.url(item["url"], refs.hosts, path + ("url",))
        if item["url"] in seen:
            check.add(path + ("url",), f"same address as link '{seen[item['url']]}': write each URL once")
        if item["id"] in refs.links:
            check.add(path + ("id",), f"link id '{item['id']}' is already used")
        seen.setdefault(item["url"], item["id"])
        refs.links[item["id"]] = Link(item["id"], item["url"], check.text(item["label"], path + ("label",)))


def link_list(ids: list[str], refs: References, check: Checker, path: Path_) -> tuple[Link, ...]:
    return tuple(refs.links[x] for j, x in enumerate(ids) if check.ref(refs.links, x, path + (j,), "link"))


def add_sources(items: list[dict[str, Any]], refs: References, check: Checker, at: Path_) -> None:
    """Sources: title, publisher, date and public pages, so that a reader can find each again."""
    for i, item in enumerate(items):
        path = at + (i,)
        ids = ([item["link"]] if "link" in item else []) + item.get("more_links", [])
        refs.sources[item["id"]] = Source(
            item["id"],
            check.text(item["title"], path + ("title",)),
            check.text(item["publisher"], path + ("publisher",)),
            check.text(item["dated"], path + ("dated",)),
            link_list(ids, refs, check, path + ("link",)),
            item.get("read_as", "document"),
        )


def make_contact(c: dict[str, Any], refs: References, check: Checker, path: Path_) -> Contact:
    link = None
    if "link" in c and check.ref(refs.links, c["link"], path + ("link",), "link"):
        link = refs.links[c["link"]]
    if c["kind"] == "phone" and "phone" not in c:
        check.add(path, "a phone contact needs a 'phone' number")
    if c["kind"] != "phone" and "link" not in c and "address" not in c:
        check.add(path, f"a {c['kind']} contact needs a 'link' or an 'address'")
    return Contact(
        c["id"],
        c["kind"],
        check.text(c["name"], path + ("name",)),
        check.text(c["description"], path + ("description",)),
        c.get("phone"),
        check.text(c.get("hours"), path + ("hours",)),
        check.text(c.get("cost"), path + ("cost",)),
        link,
        c.get("email"),
        c.get("address"),
    )


def profile_set(
    ids: list[str], refs: References, check: Checker, path: Path_, within: Iterable[str], where: str
) -> frozenset[str]:
    """Known profile ids, each within `within`."""
    within = list(within)
    good = set()
    for j, pid in enumerate(ids):
        if not check.ref(refs.profile_ids, pid, path + (j,), "profile"):
            continue
        if pid not in within:
            check.add(path + (j,), f"profile '{pid}' is not one of {where} ({', '.join(within)})")
            continue
        good.add(pid)
    return frozenset(good)


def build_step(
    s: dict[str, Any], path: Path_, refs: References, check: Checker, uses: tuple[DocumentUse, ...], number: int = 0
) -> Step | None:
    """One step from its raw data; None if its phase is unknown."""
    if not check.ref(refs.phases, s["phase"], path + ("phase",), "phase"):
        return None
    applies = profile_set(s["applies_to"], refs, check, path + ("applies_to",), refs.profile_ids, "the profiles")
    within = partial(profile_set, refs=refs, check=check, within=applies, where="the step's profiles")
    slide = s.get("slide", {})
    return Step(
        id=s["id"],
        number=number,
        phase=refs.phases[s["phase"]],
        title=check.text(s["title"], path + ("title",)),
        summary=check.text(s["summary"], path + ("summary",)),
        applies_to=tuple(p for p in refs.profile_ids if p in applies),
        skip_reasons=_skip_reasons(s, path, refs, check, applies),
        tasks=_tasks(s, path, check, applies, within),
        links=link_list(s["links"], refs, check, path + ("links",)),
        duration=check.text(s["duration"], path + ("duration",)),
        while_waiting=check.text(s.get("while_waiting"), path + ("while_waiting",)),
        if_stuck=check.text(s["if_stuck"], path + ("if_stuck",)),
        contacts=tuple(
            refs.contacts[c]
            for j, c in enumerate(s["contacts"])
            if check.ref(refs.contacts, c, path + ("contacts", j), "contact")
        ),
        notes=tuple(
            Note(
                check.text(n["text"], path + ("notes", j, "text")),
                within(n.get("profiles", s["applies_to"]), path=path + ("notes", j, "profiles")),
            )
            for j, n in enumerate(s.get("notes", []))
        ),
        sources=_source_checks(s, path, refs, check),
        documents=uses,
        link_profiles=_link_profiles(s, path, within, check),
        either_order_with=s.get("either_order_with"),
        reminders=tuple(
            Reminder(r["id"], r["from"], r["days"], check.text(r["text"], path + ("reminders", j, "text")))
            for j, r in enumerate(s.get("reminders", []))
        ),
        slide_title=check.text(slide.get("title"), path + ("slide", "title")),
        slide_duration=check.text(slide.get("duration"), path + ("slide", "duration")),
        slide_while_waiting=check.text(slide.get("while_waiting"), path + ("slide", "while_waiting")),
        moment=check.text(s.get("moment"), path + ("moment",)),
    )


def _skip_reasons(
    s: dict[str, Any], path: Path_, refs: References, check: Checker, applies: frozenset[str]
) -> dict[str, Text]:
    """Why the step does not apply to a profile, for the profiles it does not apply to."""
    reasons = {}
    for pid, text in s.get("skip_reasons", {}).items():
        rpath = path + ("skip_reasons", pid)
        if check.ref(refs.profile_ids, pid, rpath, "profile"):
            if pid in applies:
                check.add(rpath, f"the step applies to '{pid}', so it needs no reason to skip it")
            reasons[pid] = check.text(text, rpath)
    return reasons


def _tasks(
    s: dict[str, Any], path: Path_, check: Checker, applies: frozenset[str], within: Callable[..., frozenset[str]]
) -> tuple[Task, ...]:
    """The step's tasks, each named below the step and for some of its profiles; every profile has one."""
    tasks = []
    for j, t in enumerate(s["tasks"]):
        tpath = path + ("tasks", j)
        if not t["id"].startswith(s["id"] + "."):
            check.add(tpath + ("id",), f"task id '{t['id']}' must start with the step id '{s['id']}.'")
        task_profiles = within(t.get("profiles", s["applies_to"]), path=tpath + ("profiles",))
        slide = check.text(t.get("slide"), tpath + ("slide",))
        tasks.append(Task(t["id"], check.text(t["text"], tpath + ("text",)), task_profiles, slide))
    for pid in applies:
        if not any(pid in t.profiles for t in tasks):
            check.add(path + ("tasks",), f"no task for profile '{pid}'")
    return tuple(tasks)


def _source_checks(s: dict[str, Any], path: Path_, refs: References, check: Checker) -> tuple[SourceCheck, ...]:
    """Where the step's facts come from, and when each source was last checked."""
    checks = []
    for j, ref in enumerate(s["sources"]):
        spath = path + ("sources", j)
        checked = check.date(ref["checked"], spath + ("checked",))
        if check.ref(refs.sources, ref["source"], spath + ("source",), "source") and checked:
            checks.append(SourceCheck(refs.sources[ref["source"]], checked))
    return tuple(checks)


def _link_profiles(
    s: dict[str, Any], path: Path_, within: Callable[..., frozenset[str]], check: Checker
) -> dict[str, frozenset[str]]:
    """The step's links that only some of its profiles need."""
    link_profiles = {}
    for link_id, ids in s.get("link_profiles", {}).items():
        lpath = path + ("link_profiles", link_id)
        if link_id not in s["links"]:
            check.add(lpath, f"link '{link_id}' is not one of the step's links")
        link_profiles[link_id] = within(ids, path=lpath)
    return link_profiles
