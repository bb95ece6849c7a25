"""The rules a data file must follow beyond its schema, collected as located problems while the model is built."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from .errors import Problem
from .model import Question, Text
from .urls import address_problem
from .yamlfile import LocatedData, Path_


class Checker:
    """Collects rule violations while the model is built."""

    def __init__(self, doc: LocatedData, languages: tuple[str, ...]):
        self.doc = doc
        self.languages = languages
        self.problems: list[Problem] = []

    def add(self, path: Path_, message: str) -> None:
        self.problems.append(self.doc.problem(path, message))

    def text(self, raw: dict[str, str] | None, path: Path_) -> Text | None:
        """A Text with exactly the declared languages, or a problem."""
        if raw is None:
            return None
        for lang in self.languages:
            if lang not in raw:
                self.add(path, f"missing the '{lang}' text")
        for lang in raw:
            if lang not in self.languages:
                self.add(path + (lang,), f"'{lang}' is not a language of the site ({', '.join(self.languages)})")
        return Text({lang: raw.get(lang, "") for lang in self.languages})

    def ref(self, ids: Iterable[str], wanted: str, path: Path_, what: str) -> bool:
        """True if `wanted` is among `ids`, else a problem with a likely intended id."""
        ids = list(ids)
        if wanted in ids:
            return True
        close = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        self.add(path, f"unknown {what} '{wanted}'{hint}")
        return False

    def unique(self, items: list[dict[str, Any]], path: Path_, what: str, key: str = "id") -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            value = item[key]
            if value in seen:
                self.add(path + (i, key), f"duplicate {what} id '{value}' (first at {path[-1]}[{seen[value]}])")
            else:
                seen[value] = i

    def url(self, url: str, hosts: tuple[str, ...], path: Path_) -> None:
        if problem := address_problem(url):
            self.add(path, problem)
        elif urlsplit(url).hostname not in hosts:
            self.add(path, f"host '{urlsplit(url).hostname}' is not in allowed_hosts")

    def answers(self, answers: dict[str, str], questions: list[Question], path: Path_) -> dict[str, str]:
        """Answers that name known questions (asked earlier) and their options."""
        by_id = {q.id: q for q in questions}
        for qid, oid in answers.items():
            if self.ref(by_id, qid, path + (qid,), "question"):
                self.ref([o.id for o in by_id[qid].options], oid, path + (qid,), f"answer to '{qid}'")
        return dict(answers)

    def date(self, value: str, path: Path_, past: bool = True) -> date | None:
        """A real date (and, if `past`, not in the future)."""
        try:
            checked = date.fromisoformat(value)
        except ValueError:
            self.add(path, f"'{value}' is not a real date")
            return None
        if past and checked > date.today():
            self.add(path, f"'{value}' is in the future")
        return checked
