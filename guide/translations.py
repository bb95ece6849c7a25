"""Extra languages, each in a file of its own: data/translations/<code>.yaml.

A fork that adds a language touches none of upstream's files: the language's
texts are keyed by the stable ids of the data ("steps:steps/carte-vitale/title"),
and each remembers the text it was translated from. When upstream changes that
text, or adds a new one, the translation is out of date: `make check` says so,
and the site shows the text of the language it was translated from, followed
by the file's `outdated_note`, until a translator updates it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DataError, Problem
from .schema import load_schema, schema_problems
from .yamlfile import LocatedData, read_yaml

FOLDER = "translations"
TEXT_KEY = re.compile(r"^[a-z]{2}$")


@dataclass(frozen=True)
class Translation:
    """One extra language: its name, what it was translated from, and its texts by key."""

    code: str
    name: str
    site_name: str
    source: str  # the language the texts were translated from, shown when a text is out of date
    outdated_note: str
    months: tuple[str, ...]
    date_format: str
    phrases: tuple[str, ...]
    doc: LocatedData

    def entry(self, key: str) -> dict[str, str] | None:
        entry = self.doc.data.get("texts", {}).get(key)
        return entry if isinstance(entry, dict) else None


def translation_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / FOLDER).glob("*.yaml"))


def load_translations(data_dir: Path, base: tuple[str, ...]) -> list[Translation]:
    """Every data/translations/*.yaml, checked against its schema; `base` are the languages of mkdocs.yml."""
    found, problems = [], []
    for path in translation_files(data_dir):
        name = f"data/{FOLDER}/{path.name}"
        doc = read_yaml(path, name)
        these = schema_problems(doc, load_schema("translation.schema.json"))
        code = path.stem
        if not these:
            lang = doc.data["language"]
            if code in base:
                these.append(doc.problem((), f"'{code}' is already a language of mkdocs.yml"))
            elif not TEXT_KEY.match(code):
                these.append(doc.problem((), "the file name should be a two-letter language code, like es.yaml"))
            if lang["translated_from"] not in base:
                these.append(
                    doc.problem(
                        ("language", "translated_from"),
                        f"'{lang['translated_from']}' is not one of {', '.join(base)}",
                    )
                )
        problems += these
        if not these:
            lang = doc.data["language"]
            found.append(
                Translation(
                    code,
                    lang["name"],
                    lang["site_name"],
                    lang["translated_from"],
                    lang["outdated_note"],
                    tuple(doc.data["months"]),
                    doc.data["date_format"],
                    tuple(doc.data.get("phrases", ())),
                    doc,
                )
            )
    if problems:
        raise DataError(problems)
    return found


def _is_text(value: Any, source: str) -> bool:
    return (
        isinstance(value, dict)
        and source in value
        and all(isinstance(k, str) and TEXT_KEY.match(k) and isinstance(v, str) for k, v in value.items())
    )


def _key_part(item: Any, index: int) -> str:
    return item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else str(index)


def text_keys(data: Any, prefix: str, source: str) -> dict[str, dict[str, str]]:
    """Every text of a data file (a {language: string} mapping), by its stable key."""
    found: dict[str, dict[str, str]] = {}

    def walk(value: Any, key: str) -> None:
        if _is_text(value, source):
            found[key] = value
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{key}/{k}" if not key.endswith(":") else f"{key}{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{key}/{_key_part(v, i)}" if not key.endswith(":") else f"{key}{_key_part(v, i)}")

    walk(data, f"{prefix}:")
    return found


def apply(data: Any, prefix: str, translations: list[Translation], marked: bool = True) -> list[Problem]:
    """Give every text of `data` its text in each extra language, in place; notes on what is out of date.

    A text whose source changed since it was translated, or that has no translation yet, gets the
    source language's text (followed by the outdated note when `marked`).
    """
    notes = []
    for tr in translations:
        for key, text in text_keys(data, prefix, tr.source).items():
            if tr.code in text:
                continue  # written in the data file itself (a fork's own file, say)
            entry = tr.entry(key)
            current = text[tr.source]
            if entry is not None and entry.get("from") == current:
                text[tr.code] = entry["text"]
                continue
            shown = f"{current} {tr.outdated_note}" if marked else current
            text[tr.code] = shown
            where = ("texts", key) if entry is not None else ("texts",)
            what = "changed since it was translated" if entry is not None else "has no translation yet"
            notes.append(
                tr.doc.problem(where, f"{key}: the {tr.source} text {what} ({current!r}); shown in {tr.source}")
            )
    return notes
