"""The data files' JSON Schemas (data/*.schema.json): read once, and their violations said in plain words."""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from .errors import Problem
from .yamlfile import LocatedData, Path_

# The schemas sit beside the data so that editors find them (`# yaml-language-server: $schema=...`), but they
# are the code's: they are read from the project the code belongs to.
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data"
SCHEMAS = ("steps.schema.json", "ui.schema.json", "university.schema.json", "translation.schema.json")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema `name` of the project, read once (schemas are code: a data copy cannot change them).
    Callers must not change the dict they get: `dict(schema, required=...)` makes a copy."""
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    """The project's schemas, so that one may refer to another by file name."""
    resources = [(name, Resource.from_contents(load_schema(name), default_specification=DRAFT7)) for name in SCHEMAS]
    return Registry().with_resources(resources)


def schema_problems(doc: LocatedData, schema: dict[str, Any]) -> list[Problem]:
    """Every schema violation in `doc`, each as one readable line at the line it is about.

    A misspelled field is reported once, at its own line, with the likely intended name; the
    "missing required field" that the same typo causes is not reported again.
    """
    validator = jsonschema.Draft7Validator(schema, registry=_registry())
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path])
    problems = []
    meant: set[tuple[Path_, str]] = set()  # (path, field) that an unknown field probably meant
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            path = tuple(error.absolute_path)
            allowed = list(error.schema.get("properties", {}))
            for key in (k for k in error.instance if k not in allowed):
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f"; allowed: {', '.join(allowed)}"
                problems.append(doc.problem(path + (key,), f"unknown field '{key}'{hint}"))
                if close:
                    meant.add((path, close[0]))
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            continue
        if error.validator == "required":
            missing = [k for k in error.validator_value if k not in error.instance and (path, k) not in meant]
            if not missing:
                continue
            s = "s" if len(missing) > 1 else ""
            problems.append(doc.problem(path, f"missing required field{s}: {', '.join(missing)}"))
            continue
        problems.append(doc.problem(path, _describe(error)))
    return problems


def _describe(error: jsonschema.ValidationError) -> str:
    """A short message for a schema error, without dumping the whole value."""
    kind = error.validator
    if kind == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return f"missing required field{'s' if len(missing) > 1 else ''}: {', '.join(missing)}"
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        hints = []
        for key in extra:
            close = difflib.get_close_matches(key, allowed, n=1)
            hints.append(f"'{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        return f"unknown field {', '.join(hints)}; allowed: {', '.join(allowed)}"
    if kind == "type":
        return f"expected {error.validator_value}, found {type(error.instance).__name__} {_short(error.instance)}"
    if kind == "enum":
        return f"{_short(error.instance)} is not one of {', '.join(map(str, error.validator_value))}"
    if kind == "pattern":
        hint = error.schema.get("description", "")
        return f"{_short(error.instance)} is not in the expected form" + (f" ({hint})" if hint else "")
    if kind in ("minItems", "minProperties") and error.validator_value > 1:
        return f"has {len(error.instance)} entries; it needs at least {error.validator_value}"
    if kind in ("minItems", "minLength", "minProperties"):
        return "must not be empty"
    if kind == "maxLength":
        return f"is {len(error.instance)} characters long, more than the {error.validator_value} allowed"
    if kind in ("maxItems", "maxProperties"):
        return f"has {len(error.instance)} entries, more than the {error.validator_value} allowed"
    if kind == "uniqueItems":
        return "lists the same item twice"
    return error.message if len(error.message) < 200 else error.message[:197] + "..."


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
