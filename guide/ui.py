"""Load data/ui.yaml: the widgets' labels in every language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from string import Formatter

from .errors import DataError, Problem
from .schema import load_schema, schema_problems
from .translations import Translation
from .translations import apply as apply_translations
from .yamlfile import display_name, read_yaml


class UnknownLabel(KeyError):
    """A template asked for a label that data/ui.yaml does not define."""


@dataclass(frozen=True)
class Labels:
    """Widget labels and date formatting, per language."""

    labels: dict[str, dict[str, str]]
    months: dict[str, list[str]]
    date_format: dict[str, str]
    page_descriptions: dict[str, dict[str, str]]
    phrases: dict[str, list[str]] = field(default_factory=dict)

    def get(self, key: str, lang: str) -> str:
        if key not in self.labels:
            raise UnknownLabel(f"label '{key}' is not defined in data/ui.yaml")
        return self.labels[key][lang]

    def date(self, value: date, lang: str) -> str:
        """`value` written out in `lang`, e.g. '23 novembre 2026'."""
        month = self.months[lang][value.month - 1]
        return self.date_format[lang].format(day=value.day, month=month, year=value.year)


def load_labels(
    languages: tuple[str, ...],
    path: Path,
    translations: list[Translation] | None = None,
    notes: list[Problem] | None = None,
) -> Labels:
    """Read and check the labels; every label must exist in every language (extra languages from their files)."""
    doc = read_yaml(path, display_name(path))
    data = doc.data
    for tr in translations or []:
        if isinstance(data, dict):
            for section, value in (("months", list(tr.months)), ("date_format", tr.date_format)):
                if isinstance(data.get(section), dict):
                    data[section][tr.code] = value
            data.setdefault("phrases", {})[tr.code] = list(tr.phrases)
    found = apply_translations(data, "ui", translations or [], marked=False)
    if notes is not None:
        notes += found
    problems = schema_problems(doc, load_schema("ui.schema.json"))
    if not problems:
        for section in ("months", "date_format"):
            for lang in languages:
                if lang not in doc.data[section]:
                    problems.append(doc.problem((section,), f"missing the '{lang}' entry"))
        for section in ("labels", "page_descriptions"):
            for key, texts in doc.data[section].items():
                for lang in languages:
                    if lang not in texts:
                        problems.append(doc.problem((section, key), f"missing the '{lang}' text"))
    if not problems:
        problems += _placeholder_problems(doc, languages)
    if problems:
        raise DataError(problems)
    return Labels(
        doc.data["labels"],
        doc.data["months"],
        doc.data["date_format"],
        doc.data["page_descriptions"],
        doc.data.get("phrases", {}),
    )


def placeholders(text: str) -> set[str]:
    """The {names} of a text; ValueError if its braces are not well formed, or if a field is more than a name:
    an attribute or an index (`{name.__class__}` would print Python's internals), a width or a precision
    (`{day:>300000000}` would take minutes), a conversion (`{name!r}`)."""
    names = set()
    for _, name, spec, conversion in Formatter().parse(text):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise ValueError(f"{{{shown}}} is more than a name")
        names.add(name)
    return names


def _placeholder_problems(doc, languages: tuple[str, ...]) -> list[Problem]:
    """Each label's {placeholders} are those of the first language's text; dates use {day}, {month}, {year}."""
    problems = []
    checks = [(("labels", key), texts) for key, texts in doc.data["labels"].items()]
    checks += [(("page_descriptions", key), texts) for key, texts in doc.data["page_descriptions"].items()]
    checks.append((("date_format",), doc.data["date_format"]))
    for path, texts in checks:
        expected = None
        for lang in languages:
            where = path + (lang,)
            try:
                found = placeholders(texts[lang])
                if any(c in texts[lang] for c in "{}") and ("{%" in texts[lang] or "{{" in texts[lang]):
                    raise ValueError("'{{' or '{%' is not a placeholder")
            except ValueError as exc:
                problems.append(doc.problem(where, f"the braces are not well formed ({exc}): write {{name}}"))
                break
            allowed = {"day", "month", "year"} if path == ("date_format",) else expected
            if allowed is None:
                expected = found
            elif found != allowed:
                wanted = _names(allowed)
                problems.append(
                    doc.problem(
                        where,
                        f"uses {_names(found)}; it should use {wanted}",
                    )
                )
    return problems


def _names(names: set[str]) -> str:
    return ", ".join("{" + n + "}" for n in sorted(names)) or "no placeholder"
