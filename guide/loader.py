"""Load data/steps.yaml: check it against its schema and its rules, build the model."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from .builder import References, add_links, add_sources, build_step, make_contact, profile_set
from .checker import Checker
from .delays import check_delays
from .errors import DataError, Problem
from .model import (
    Disagreement,
    Document,
    DocumentUse,
    GlossaryEntry,
    Guide,
    Note,
    Option,
    Phase,
    Profile,
    Question,
    Step,
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


def _build(raw: dict[str, Any], check: Checker) -> Guide:
    for key in ("questions", "links", "sources", "profiles", "phases", "steps", "documents", "contacts", "glossary"):
        check.unique(raw[key], (key,), key.rstrip("s") if key != "glossary" else "glossary")
    refs = References(tuple(raw["allowed_hosts"]))
    add_links(raw["links"], refs, check, ("links",))
    add_sources(raw["sources"], refs, check, ("sources",))
    questions = _questions(raw, check)
    refs.profiles = _profiles(raw, check, questions)
    for i, q in enumerate(raw["questions"]):
        if "ask_for" in q:
            asked = profile_set(
                q["ask_for"], refs, check, ("questions", i, "ask_for"), refs.profile_ids, "the profiles"
            )
            questions[i] = replace(questions[i], ask_for=asked)
    refs.phases = {
        p["id"]: Phase(p["id"], check.text(p["title"], ("phases", i, "title"))) for i, p in enumerate(raw["phases"])
    }
    for i, c in enumerate(raw["contacts"]):
        refs.contacts[c["id"]] = make_contact(c, refs, check, ("contacts", i))
    documents, uses_by_step = _documents(raw, refs, check)
    steps = _steps(raw, refs, check, uses_by_step)
    _check_task_ids(raw, check)
    for pid in refs.profile_ids:
        if not any(pid in s.applies_to for s in steps):
            check.add(("profiles", refs.profile_ids.index(pid)), f"no step applies to profile '{pid}'")
    guide = Guide(
        languages=check.languages,
        allowed_hosts=refs.hosts,
        questions=tuple(questions),
        links=refs.links,
        sources=refs.sources,
        profiles=refs.profiles,
        phases=tuple(refs.phases.values()),
        steps=steps,
        documents=tuple(documents),
        contacts=tuple(refs.contacts.values()),
        glossary=tuple(
            GlossaryEntry(
                g["id"], g["term"], check.text(g["definition"], ("glossary", i, "definition")), g.get("on_paper", False)
            )
            for i, g in enumerate(raw["glossary"])
        ),
        disagreements=_disagreements(raw, refs, check),
    )
    check_delays(raw["steps"], check)
    if not check.problems:
        _check_one_profile_per_answers(guide, check)
    return guide


def _questions(raw: dict[str, Any], check: Checker) -> list[Question]:
    """The chooser's questions, each asked only after the answers it depends on."""
    questions: list[Question] = []
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
    return questions


def _profiles(raw: dict[str, Any], check: Checker, questions: list[Question]) -> tuple[Profile, ...]:
    return tuple(
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


def _documents(
    raw: dict[str, Any], refs: References, check: Checker
) -> tuple[list[Document], dict[str, list[DocumentUse]]]:
    """The documents, each with the steps that use it; and each step's uses."""
    step_raw = {s["id"]: s for s in raw["steps"]}
    documents: list[Document] = []
    uses_by_step: dict[str, list[DocumentUse]] = {sid: [] for sid in step_raw}
    for i, d in enumerate(raw["documents"]):
        path: Path_ = ("documents", i)
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
                        n["profiles"], refs, check, path + ("notes", j, "profiles"), refs.profile_ids, "the profiles"
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
            step = step_raw[u["step"]]
            profiles = profile_set(
                u["profiles"], refs, check, upath + ("profiles",), step["applies_to"], "the step's profiles"
            )
            condition = check.text(u.get("condition"), upath + ("condition",))
            use = DocumentUse(doc, u["step"], profiles, u["required"], condition, not step.get("by_post", False))
            uses.append(use)
            uses_by_step[u["step"]].append(use)
        documents.append(replace(doc, uses=tuple(uses)))  # each use names the document as it was before
    return documents, uses_by_step


def _steps(
    raw: dict[str, Any], refs: References, check: Checker, uses_by_step: dict[str, list[DocumentUse]]
) -> tuple[Step, ...]:
    """The steps, in phase order (data order within a phase), numbered; their order and reminders checked."""
    order = list(refs.phases)
    built = [
        step
        for i, s in enumerate(raw["steps"])
        if (step := build_step(s, ("steps", i), refs, check, tuple(uses_by_step[s["id"]]))) is not None
    ]
    built.sort(key=lambda st: order.index(st.phase.id))  # stable: data order within a phase
    steps = number_steps(built, refs.profiles)
    raw_ids = [s["id"] for s in raw["steps"]]
    for i, st in enumerate(steps):
        if st.either_order_with and (i + 1 >= len(steps) or steps[i + 1].id != st.either_order_with):
            where = ("steps", raw_ids.index(st.id), "either_order_with")
            check.add(where, f"'{st.either_order_with}' must be the step right after '{st.id}'")
    _check_reminders(steps, raw_ids, check)
    return steps


def _check_reminders(steps: tuple[Step, ...], raw_ids: list[str], check: Checker) -> None:
    """Each reminder id once, each counted from a day of its step or of an earlier one that has a moment."""
    seen_reminders: set[str] = set()
    for i, st in enumerate(steps):
        raw_index = raw_ids.index(st.id)
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


def _disagreements(raw: dict[str, Any], refs: References, check: Checker) -> tuple[Disagreement, ...]:
    return tuple(
        Disagreement(
            check.text(d["text"], ("disagreements", i, "text")),
            tuple(
                refs.sources[sid]
                for j, sid in enumerate(d["sources"])
                if check.ref(refs.sources, sid, ("disagreements", i, "sources", j), "source")
            ),
        )
        for i, d in enumerate(raw.get("disagreements", []))
    )


def _check_one_profile_per_answers(guide: Guide, check: Checker) -> None:
    """Every set of answers the chooser can be given leads to exactly one profile."""
    for answers in guide.answer_sets():
        found = [p.id for p in guide.profiles_matching(answers)]
        if len(found) != 1:
            what = "no profile" if not found else f"several profiles ({', '.join(found)})"
            check.add(("profiles",), f"the answers {answers} lead to {what}; each set of answers needs exactly one")


def _check_task_ids(raw: dict[str, Any], check: Checker) -> None:
    seen: dict[str, Path_] = {}
    for i, s in enumerate(raw["steps"]):
        for j, t in enumerate(s["tasks"]):
            path = ("steps", i, "tasks", j, "id")
            if t["id"] in seen:
                check.add(path, f"duplicate task id '{t['id']}'")
            seen.setdefault(t["id"], path)
