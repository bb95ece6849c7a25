"""What changed in the facts, for the reader of one language: the values as they read, the fields' labels,
and the Atom feed of the same (guide/changes.py reads the record from git)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from guide.changes import History, in_language
from guide.project import Project

from .context import render

FIELD_LABELS = {  # field of guide.changes.FIELDS -> its label in data/ui.yaml
    "title": "field_title",
    "summary": "field_summary",
    "duration": "duration",
    "while_waiting": "while_waiting",
    "if_stuck": "if_stuck",
    "text": "field_text",
    "name": "field_name",
    "description": "field_description",
    "formats": "formats",
    "max_size_mb": "field_max_size",
    "phone": "phone",
    "hours": "hours",
    "cost": "cost",
    "email": "email",
    "address": "address",
    "link": "field_link",
    "url": "field_url",
    "label": "field_label",
}


def field_label(field: str) -> str:
    return FIELD_LABELS[field]


def value_in(lang: str, nothing: str) -> Callable[[Any], str]:
    """A value of the data as a reader of `lang` reads it: a text in `lang`, a list joined, `nothing` for none."""

    def value(raw: Any) -> str:
        raw = in_language(raw, lang)
        if raw is None or raw == "":
            return nothing
        if isinstance(raw, list):
            return ", ".join(str(x) for x in raw)
        if isinstance(raw, float) and raw.is_integer():
            return str(int(raw))
        return str(raw)

    return value


def change_context(project: Project, lang: str) -> dict[str, Any]:
    """What the change list needs besides the base context."""
    return {"value": value_in(lang, project.labels.get("changes_nothing", lang)), "field_label": field_label}


def atom_feed(project: Project, lang: str, history: History, feed_url: str, page_url: str) -> str:
    """The Atom feed (RFC 4287) of the changes a reader of `lang` sees, newest first; an entry per update."""
    commits = [c for c in history.commits if c.shown_in(lang)]
    last = commits[0].date.isoformat() if commits else f"{project.guide.last_checked.isoformat()}T00:00:00Z"
    return render(
        "components/feed.xml",
        project,
        lang,
        commits=commits,
        feed_url=feed_url,
        page_url=page_url,
        updated=last,
        history=history,
        **change_context(project, lang),
    )
