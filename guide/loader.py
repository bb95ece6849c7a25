"""Load data/steps.yaml: check it against its schema and its rules, build the model."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .checker import Checker
from .delays import check_delays
from .errors import DataError, Problem
from .model import (
    Contact,
    Disagreement,
    Document,
    DocumentUse,
    GlossaryEntry,
    Guide,
    Link,
    Note,
    Option,
    Phase,
    Profile,
    Question,
    Reminder,
    Source,
    SourceCheck,
    Step,
    Task,
    number_steps,
)
from .schema import load_schema, schema_problems
from .translations import Translation
from .translations import apply as apply_translations
from .yamlfile import Path_, display_name, read_yaml


def load_guide(
    languages: tuple[str, ...],
    path: Path,
    shown_as: str | None = None,
    translations: list[Translation] | None = None,
    notes: list[Problem] | None = None,
) -> Guide:
    """Read, validate and model the national data, with the extra languages' texts; raise DataError listing
    every problem. What is out of date in a translation goes to `notes`."""
    name = shown_as or display_name(path)
    doc = read_yaml(path, name)
    found = apply_translations(doc.data, "steps", translations or [])
    if notes is not None:
        notes += found
    problems = schema_problems(doc, load_schema("steps.schema.json"))
    if problems:
        raise DataError(problems)
    check = Checker(doc, languages)
    guide = _build(doc.data, check)
    if check.problems:
        raise DataError(check.problems)
    return guide


@dataclass
class Registry:
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


def add_links(items: list[dict[str, Any]], reg: Registry, check: Checker, at: Path_) -> None:
    """Links, each an https URL on an allowed host, each URL written once."""
    seen = {link.url: link.id for link in reg.links.values()}
    for i, item in enumerate(items):
        path = at + (i,)
        check.url(item["url"], reg.hosts, path + ("url",))
        if item["url"] in seen:
            check.add(path + ("url",), f"same address as link '{seen[item['url']]}': write each URL once")
        if item["id"] in reg.links:
            check.add(path + ("id",), f"link id '{item['id']}' is already used")
        seen.setdefault(item["url"], item["id"])
        reg.links[item["id"]] = Link(item["id"], item["url"], check.text(item["label"], path + ("label",)))


def link_list(ids: list[str], reg: Registry, check: Checker, path: Path_) -> tuple[Link, ...]:
    return tuple(reg.links[x] for j, x in enumerate(ids) if check.ref(reg.links, x, path + (j,), "link"))


def add_sources(items: list[dict[str, Any]], reg: Registry, check: Checker, at: Path_) -> None:
    """Sources: title, publisher, date and public pages, so that a reader can find each again."""
    for i, item in enumerate(items):
        path = at + (i,)
        ids = ([item["link"]] if "link" in item else []) + item.get("more_links", [])
        reg.sources[item["id"]] = Source(
            item["id"],
            check.text(item["title"], path + ("title",)),
            check.text(item["publisher"], path + ("publisher",)),
            check.text(item["dated"], path + ("dated",)),
            link_list(ids, reg, check, path + ("link",)),
            item.get("read_as", "document"),
        )


def make_contact(c: dict[str, Any], reg: Registry, check: Checker, path: Path_) -> Contact:
    link = None
    if "link" in c and check.ref(reg.links, c["link"], path + ("link",), "link"):
        link = reg.links[c["link"]]
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
    ids: list[str], reg: Registry, check: Checker, path: Path_, within: Iterable[str], where: str
) -> frozenset[str]:
    """Known profile ids, each within `within`."""
    within = list(within)
    good = set()
    for j, pid in enumerate(ids):
        if not check.ref(reg.profile_ids, pid, path + (j,), "profile"):
            continue
        if pid not in within:
            check.add(path + (j,), f"profile '{pid}' is not one of {where} ({', '.join(within)})")
            continue
        good.add(pid)
    return frozenset(good)


def build_step(
    s: dict[str, Any], path: Path_, reg: Registry, check: Checker, uses: tuple[DocumentUse, ...], number: int = 0
) -> Step | None:
    """One step from its raw data; None if its phase is unknown."""
    if not check.ref(reg.phases, s["phase"], path + ("phase",), "phase"):
        return None
    applies = profile_set(s["applies_to"], reg, check, path + ("applies_to",), reg.profile_ids, "the profiles")
    reasons = {}
    for pid, text in s.get("skip_reasons", {}).items():
        rpath = path + ("skip_reasons", pid)
        if check.ref(reg.profile_ids, pid, rpath, "profile"):
            if pid in applies:
                check.add(rpath, f"the step applies to '{pid}', so it needs no reason to skip it")
            reasons[pid] = check.text(text, rpath)
    tasks = []
    for j, t in enumerate(s["tasks"]):
        tpath = path + ("tasks", j)
        if not t["id"].startswith(s["id"] + "."):
            check.add(tpath + ("id",), f"task id '{t['id']}' must start with the step id '{s['id']}.'")
        task_profiles = profile_set(
            t.get("profiles", s["applies_to"]), reg, check, tpath + ("profiles",), applies, "the step's profiles"
        )
        slide = check.text(t.get("slide"), tpath + ("slide",))
        tasks.append(Task(t["id"], check.text(t["text"], tpath + ("text",)), task_profiles, slide))
    for pid in applies:
        if not any(pid in t.profiles for t in tasks):
            check.add(path + ("tasks",), f"no task for profile '{pid}'")
    notes = tuple(
        Note(
            check.text(n["text"], path + ("notes", j, "text")),
            profile_set(
                n.get("profiles", s["applies_to"]),
                reg,
                check,
                path + ("notes", j, "profiles"),
                applies,
                "the step's profiles",
            ),
        )
        for j, n in enumerate(s.get("notes", []))
    )
    checks = []
    for j, ref in enumerate(s["sources"]):
        spath = path + ("sources", j)
        checked = check.date(ref["checked"], spath + ("checked",))
        if check.ref(reg.sources, ref["source"], spath + ("source",), "source") and checked:
            checks.append(SourceCheck(reg.sources[ref["source"]], checked))
    contacts = tuple(
        reg.contacts[c]
        for j, c in enumerate(s["contacts"])
        if check.ref(reg.contacts, c, path + ("contacts", j), "contact")
    )
    link_profiles = {}
    for link_id, ids in s.get("link_profiles", {}).items():
        lpath = path + ("link_profiles", link_id)
        if link_id not in s["links"]:
            check.add(lpath, f"link '{link_id}' is not one of the step's links")
        link_profiles[link_id] = profile_set(ids, reg, check, lpath, applies, "the step's profiles")
    return Step(
        id=s["id"],
        number=number,
        phase=reg.phases[s["phase"]],
        title=check.text(s["title"], path + ("title",)),
        summary=check.text(s["summary"], path + ("summary",)),
        applies_to=tuple(p for p in reg.profile_ids if p in applies),
        skip_reasons=reasons,
        tasks=tuple(tasks),
        links=link_list(s["links"], reg, check, path + ("links",)),
        duration=check.text(s["duration"], path + ("duration",)),
        while_waiting=check.text(s.get("while_waiting"), path + ("while_waiting",)),
        if_stuck=check.text(s["if_stuck"], path + ("if_stuck",)),
        contacts=contacts,
        notes=notes,
        sources=tuple(checks),
        documents=uses,
        link_profiles=link_profiles,
        either_order_with=s.get("either_order_with"),
        reminders=tuple(
            Reminder(r["id"], r["from"], r["days"], check.text(r["text"], path + ("reminders", j, "text")))
            for j, r in enumerate(s.get("reminders", []))
        ),
        slide_title=check.text(s.get("slide", {}).get("title"), path + ("slide", "title")),
        slide_duration=check.text(s.get("slide", {}).get("duration"), path + ("slide", "duration")),
        slide_while_waiting=check.text(s.get("slide", {}).get("while_waiting"), path + ("slide", "while_waiting")),
        moment=check.text(s.get("moment"), path + ("moment",)),
    )


def _build(raw: dict[str, Any], check: Checker) -> Guide:
    for key in ("questions", "links", "sources", "profiles", "phases", "steps", "documents", "contacts", "glossary"):
        check.unique(raw[key], (key,), key.rstrip("s") if key != "glossary" else "glossary")
    reg = Registry(tuple(raw["allowed_hosts"]))
    add_links(raw["links"], reg, check, ("links",))
    add_sources(raw["sources"], reg, check, ("sources",))

    questions = []
    for i, q in enumerate(raw["questions"]):
        path: Path_ = ("questions", i)
        check.unique(q["options"], path + ("options",), "option")
        options = tuple(
            Option(o["id"], check.text(o["text"], path + ("options", j, "text"))) for j, o in enumerate(q["options"])
        )
        advice = {}
        for oid, text in q.get("advice", {}).items():
            if check.ref([o.id for o in options], oid, path + ("advice", oid), f"answer to '{q['id']}'"):
                advice[oid] = check.text(text, path + ("advice", oid))
        questions.append(
            Question(q["id"], check.text(q["text"], path + ("text",)), options, q.get("ask_if", {}), advice)
        )
        check.answers(q.get("ask_if", {}), questions[:-1], path + ("ask_if",))
    reg.profiles = tuple(
        Profile(
            p["id"],
            check.answers(p["answers"], questions, ("profiles", i, "answers")),
            check.text(p["name"], ("profiles", i, "name")),
            check.text(p["description"], ("profiles", i, "description")),
            check.text(p["skip_note"], ("profiles", i, "skip_note")),
            p.get("registration", "must"),
            check.text(p.get("short"), ("profiles", i, "short")),
        )
        for i, p in enumerate(raw["profiles"])
    )
    for i, q in enumerate(raw["questions"]):
        if "ask_for" in q:
            asked = profile_set(q["ask_for"], reg, check, ("questions", i, "ask_for"), reg.profile_ids, "the profiles")
            questions[i] = replace(questions[i], ask_for=asked)
    reg.phases = {
        p["id"]: Phase(p["id"], check.text(p["title"], ("phases", i, "title"))) for i, p in enumerate(raw["phases"])
    }
    for i, c in enumerate(raw["contacts"]):
        reg.contacts[c["id"]] = make_contact(c, reg, check, ("contacts", i))

    step_raw = {s["id"]: s for s in raw["steps"]}
    documents: list[Document] = []
    uses_by_step: dict[str, list[DocumentUse]] = {sid: [] for sid in step_raw}
    for i, d in enumerate(raw["documents"]):
        path = ("documents", i)
        doc = Document(
            d["id"],
            check.text(d["name"], path + ("name",)),
            check.text(d["description"], path + ("description",)),
            tuple(d.get("formats", ())),
            d.get("max_size_mb"),
            notes=tuple(
                Note(
                    check.text(n["text"], path + ("notes", j, "text")),
                    profile_set(
                        n["profiles"], reg, check, path + ("notes", j, "profiles"), reg.profile_ids, "the profiles"
                    ),
                )
                for j, n in enumerate(d.get("notes", []))
            ),
        )
        uses: list[DocumentUse] = []
        for j, u in enumerate(d["uses"]):
            upath = path + ("uses", j)
            if not check.ref(step_raw, u["step"], upath + ("step",), "step"):
                continue
            use = DocumentUse(
                doc,
                u["step"],
                profile_set(
                    u["profiles"],
                    reg,
                    check,
                    upath + ("profiles",),
                    step_raw[u["step"]]["applies_to"],
                    "the step's profiles",
                ),
                u["required"],
                check.text(u.get("condition"), upath + ("condition",)),
                not step_raw[u["step"]].get("by_post", False),
            )
            uses.append(use)
            uses_by_step[u["step"]].append(use)
        documents.append(replace(doc, uses=tuple(uses)))  # each use names the document as it was before

    order = list(reg.phases)
    built = [
        step
        for i, s in enumerate(raw["steps"])
        if (step := build_step(s, ("steps", i), reg, check, tuple(uses_by_step[s["id"]]))) is not None
    ]
    built.sort(key=lambda st: order.index(st.phase.id))  # stable: data order within a phase
    steps = number_steps(built, reg.profiles)
    for i, st in enumerate(steps):
        if st.either_order_with and (i + 1 >= len(steps) or steps[i + 1].id != st.either_order_with):
            where = ("steps", [s["id"] for s in raw["steps"]].index(st.id), "either_order_with")
            check.add(where, f"'{st.either_order_with}' must be the step right after '{st.id}'")

    seen_reminders: set[str] = set()
    for i, st in enumerate(steps):
        raw_index = [s["id"] for s in raw["steps"]].index(st.id)
        for j, reminder in enumerate(st.reminders):
            if reminder.id in seen_reminders:  # a calendar keeps one event per id
                check.add(("steps", raw_index, "reminders", j, "id"), f"reminder id '{reminder.id}' is used twice")
            seen_reminders.add(reminder.id)
            if reminder.after not in [s.id for s in steps[: i + 1]]:
                check.add(
                    ("steps", raw_index, "reminders", j, "from"),
                    f"'{reminder.after}' is neither '{st.id}' nor a step before it: a reminder counts from the "
                    "day the student did this step or an earlier one",
                )
            elif next(s for s in steps if s.id == reminder.after).moment is None:
                check.add(
                    ("steps", raw_index, "reminders", j, "from"),
                    f"step '{reminder.after}' has no 'moment': say which day of it a student knows (the day "
                    "they registered, say), which the reminder counts from",
                )
    _check_task_ids(raw, check)
    for pid in reg.profile_ids:
        if not any(pid in s.applies_to for s in steps):
            check.add(("profiles", reg.profile_ids.index(pid)), f"no step applies to profile '{pid}'")

    glossary = tuple(
        GlossaryEntry(
            g["id"], g["term"], check.text(g["definition"], ("glossary", i, "definition")), g.get("on_paper", False)
        )
        for i, g in enumerate(raw["glossary"])
    )
    disagreements = tuple(
        Disagreement(
            check.text(d["text"], ("disagreements", i, "text")),
            tuple(
                reg.sources[sid]
                for j, sid in enumerate(d["sources"])
                if check.ref(reg.sources, sid, ("disagreements", i, "sources", j), "source")
            ),
        )
        for i, d in enumerate(raw.get("disagreements", []))
    )
    guide = Guide(
        languages=check.languages,
        allowed_hosts=reg.hosts,
        questions=tuple(questions),
        links=reg.links,
        sources=reg.sources,
        profiles=reg.profiles,
        phases=tuple(reg.phases.values()),
        steps=steps,
        documents=tuple(documents),
        contacts=tuple(reg.contacts.values()),
        glossary=glossary,
        disagreements=disagreements,
    )
    check_delays(raw["steps"], check)
    if not check.problems:
        for answers in guide.answer_sets():
            found = [p.id for p in guide.profiles_matching(answers)]
            if len(found) != 1:
                what = "no profile" if not found else f"several profiles ({', '.join(found)})"
                check.add(("profiles",), f"the answers {answers} lead to {what}; each set of answers needs exactly one")
    return guide


def _check_task_ids(raw: dict[str, Any], check: Checker) -> None:
    seen: dict[str, Path_] = {}
    for i, s in enumerate(raw["steps"]):
        for j, t in enumerate(s["tasks"]):
            path = ("steps", i, "tasks", j, "id")
            if t["id"] in seen:
                check.add(path, f"duplicate task id '{t['id']}'")
            seen.setdefault(t["id"], path)
