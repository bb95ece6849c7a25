"""What changed in the facts, read from the repository's history of the data files (git), commit by commit.

Each commit that touches data/steps.yaml or data/university.yaml is compared with its parent, thing by
thing and by stable id: steps (title, summary, duration, waits, what to do if stuck), their tasks,
documents, contacts and links. A commit whose message has the line `Wording-only: yes` is left out: it
changed how the facts are said, not the facts. A file's first version is where the record starts; merges
are left out (their commits are listed on their own), so a fork's record has upstream's commits and its own.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import DataError
from .university import DESK_ID, FORK_FILE, LOCAL_CPAM_ID
from .yamlfile import parse_yaml

DATA_FILES = ("data/steps.yaml", f"data/{FORK_FILE}")
WORDING_ONLY = re.compile(r"^Wording-only:\s*(yes|true)\s*$", re.IGNORECASE | re.MULTILINE)
NO_BLOB = "0" * 40

# What is compared, by kind of thing: its fields that carry a fact.
FIELDS = {
    "step": ("title", "summary", "duration", "while_waiting", "if_stuck"),
    "task": ("text",),
    "document": ("name", "description", "formats", "max_size_mb"),
    "contact": ("name", "phone", "hours", "cost", "email", "address", "link"),
    "link": ("url", "label"),
}
NAME_FIELD = {"step": "title", "task": "text", "document": "name", "contact": "name", "link": "label"}


@dataclass(frozen=True)
class Change:
    """One fact before and after a commit. `before` is None for a thing added, `after` for one removed; a
    text is a {language: text} dict, other values are as the data gives them."""

    kind: str  # step, task, document, contact or link
    id: str
    field: str  # one of FIELDS[kind]; "" when the whole thing was added or removed
    before: Any
    after: Any
    name: dict[str, str] | str  # what the thing is called (after the change, or before it when removed)
    step: dict[str, str] | None = None  # for a task: its step's title

    def shown_in(self, lang: str) -> bool:
        """Whether a reader of `lang` sees a difference (a text changed in another language only is not one)."""
        if not self.field:  # added or removed
            return True
        return in_language(self.before, lang) != in_language(self.after, lang)


@dataclass(frozen=True)
class Commit:
    sha: str
    date: datetime
    subject: str
    changes: tuple[Change, ...]

    @property
    def day(self) -> date:
        return self.date.date()

    def shown_in(self, lang: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.shown_in(lang))


@dataclass(frozen=True)
class History:
    """The commits that changed a fact, newest first; or why there is no record (`unavailable`)."""

    commits: tuple[Commit, ...] = ()
    unavailable: str | None = None  # "no-git" (not a repository, or no git) or "shallow" (part of the history)
    skipped: tuple[str, ...] = ()  # past versions of a data file that could not be read, and why, one line each


def in_language(value: Any, lang: str) -> Any:
    """A text in `lang` ({fr: ..., en: ...} -> the `lang` one); any other value as it is."""
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return value.get(lang)
    return value


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False)
    except OSError:  # no git on this machine
        return None
    return result.stdout if result.returncode == 0 else None


def read_history(root: Path) -> History:
    """The record of what changed in the data of the project at `root`."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or Path(top.decode().strip()).resolve() != root.resolve():
        return History(unavailable="no-git")
    if (_git(root, "rev-parse", "--is-shallow-repository") or b"").strip() == b"true":
        return History(unavailable="shallow")
    log = _git(
        root,
        "log",
        "--no-merges",
        "--no-renames",
        "--raw",
        "--no-abbrev",
        "--format=%x1e%H%x1f%cI%x1f%B%x1f",
        "--",
        *DATA_FILES,
    )
    if log is None:  # a repository with no commit yet
        return History()
    entries = list(_entries(log.decode("utf-8", "replace")))
    blobs, unreadable = _blobs(root, {blob for *_, files in entries for pair in files.values() for blob in pair})
    commits = []
    skipped: dict[str, str] = {}  # blob -> its first (newest) mention: each bad version is said once
    for sha, when, message, files in entries:
        if WORDING_ONLY.search(message):
            continue
        changes: list[Change] = []
        for path, (old, new) in files.items():
            if old == NO_BLOB or new == NO_BLOB:
                continue  # a file's first version starts the record; a removed file is not a change of fact
            if old in unreadable and old not in skipped:  # until the commit that brought it in is read
                skipped[old] = f"{path} before commit {sha[:12]} ({when[:10]}): {unreadable[old]}"
            if new in unreadable:  # the commit that wrote this version names it
                skipped[new] = f"{path} as of commit {sha[:12]} ({when[:10]}): {unreadable[new]}"
            before, after = blobs.get(old), blobs.get(new)
            if isinstance(before, dict) and isinstance(after, dict):
                changes += compare(_things(before, path), _things(after, path))
        if changes:
            subject = message.strip().splitlines()[0] if message.strip() else ""
            commits.append(Commit(sha, datetime.fromisoformat(when), subject, tuple(changes)))
    return History(tuple(sorted(commits, key=lambda c: c.date, reverse=True)), skipped=tuple(skipped.values()))


def _entries(log: str) -> Iterator[tuple[str, str, str, dict[str, tuple[str, str]]]]:
    """(sha, date, message, {path: (old blob, new blob)}) for each commit of `git log --raw`."""
    for record in log.split("\x1e")[1:]:
        sha, date, message, raw = record.split("\x1f", 3)
        files = {}
        for line in raw.splitlines():
            if line.startswith(":"):
                meta, path = line.split("\t", 1)
                _, _, old, new, _ = meta.split()
                files[path] = (old, new)
        yield sha, date, message, files


def _blobs(root: Path, ids: set[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Each blob's data, read in one `git cat-file --batch` with every check of the working tree's files
    (no alias, no merge key, size, invisible characters); and, for a blob that fails them, why."""
    wanted = sorted(i for i in ids if i != NO_BLOB)
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{i}\n" for i in wanted).encode())
    parsed: dict[str, Any] = {}
    unreadable: dict[str, str] = {}
    at = 0
    while out and at < len(out):
        header_end = out.index(b"\n", at)
        blob, kind, *rest = out[at:header_end].decode().split()
        if kind == "missing":
            at = header_end + 1
            continue
        size = int(rest[0])
        content = out[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1
        try:
            parsed[blob] = parse_yaml(content, "version").data
        except DataError as exc:
            first = exc.problems[0]
            unreadable[blob] = (f"line {first.line}: " if first.line else "") + first.message
    return parsed, unreadable


Things = dict[tuple[str, str], dict[str, Any]]  # (kind, id) -> its fields (tasks carry their step's title)


def _things(doc: dict[str, Any], path: str) -> Things:
    """Every thing of a data file whose facts are compared, by kind and id."""
    things: Things = {}

    def add_steps(steps: list[Any]) -> None:
        for step in (s for s in steps if isinstance(s, dict) and "id" in s):
            things[("step", step["id"])] = step
            for task in (t for t in step.get("tasks") or [] if isinstance(t, dict) and "id" in t):
                things[("task", task["id"])] = {**task, "_step": step.get("title")}

    def add(kind: str, items: Any) -> None:
        for item in (i for i in items or [] if isinstance(i, dict) and "id" in i):
            things[(kind, item["id"])] = item

    if path.endswith("steps.yaml"):
        add_steps(doc.get("steps") or [])
        add("document", doc.get("documents"))
        add("contact", doc.get("contacts"))
    else:  # the university's layer: its desk, its CPAM and its own steps
        add_steps([s.get("step") for s in doc.get("steps") or [] if isinstance(s, dict)])
        for contact_id, key in ((DESK_ID, "desk"), (LOCAL_CPAM_ID, "cpam")):
            if isinstance(doc.get(key), dict):
                things[("contact", contact_id)] = doc[key]
    add("link", doc.get("links"))
    return things


def compare(before: Things, after: Things) -> list[Change]:
    """The changes from one version's things to the next one's, in the order of the newer file."""
    changes = []
    for key in [*after, *(k for k in before if k not in after)]:
        kind, thing_id = key
        old, new = before.get(key), after.get(key)
        current = new if new is not None else old
        step = current.get("_step") if kind == "task" else None
        if old is None or new is None:
            facts = (old and _facts(old, kind), new and _facts(new, kind))
            changes.append(Change(kind, thing_id, "", *facts, _name(current, kind), step))
            continue
        for field in (f for f in FIELDS[kind] if old.get(f) != new.get(f)):
            changes.append(Change(kind, thing_id, field, old.get(field), new.get(field), _name(current, kind), step))
    return changes


def _name(thing: dict[str, Any], kind: str) -> dict[str, str] | str:
    return thing.get(NAME_FIELD[kind]) or thing.get("id", "")


def _facts(thing: dict[str, Any], kind: str) -> dict[str, Any]:
    return {field: thing[field] for field in FIELDS[kind] if field in thing}
