"""Read a YAML file into plain data, remembering the line of every value."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem, format_path

Path_ = tuple[str | int, ...]


def display_name(path: Path) -> str:
    """How messages name a data file: 'data/steps.yaml' for a project's data, else relative to here."""
    if path.parent.name == "data":
        return f"data/{path.name}"
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# libyaml's parser when PyYAML has it (about 15 times faster on steps.yaml; its nodes carry lines too).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataLoader(_SafeLoader):
    """The safe loader, keeping dates as strings: the loader checks them itself."""


DataLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


class LocatedData:
    """Plain data from a YAML file plus the line (1-based) of each path in it."""

    def __init__(self, file: str, data: Any, lines: dict[Path_, int]):
        self.file = file
        self.data = data
        self.lines = lines

    def line(self, path: Path_) -> int | None:
        """The line of `path`, or of its nearest parent that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    def problem(self, path: Path_, message: str) -> Problem:
        """A Problem located at `path` in this file."""
        return Problem(self.file, self.line(path), format_path(path), message)


# YAML's own wording of common mistakes, and what to do about each, in plain words.
_HINTS = (
    ("mapping values are not allowed", "a text containing ': ' needs quotes around it, like  place: \"Hall : A\""),
    ("found character '\\t'", "a tab is used for indentation: indent with spaces only"),
    ("could not find expected ':'", "a line is missing its ':' after the field name, or its indentation is off"),
    ("did not find expected key", "the indentation is off: this line should line up with the fields around it"),
    ("expected <block end>", "the indentation is off: this line should line up with the fields around it"),
    ("did not find expected '-' indicator", "a list item is not lined up with the items before it"),
    ("found unexpected end of stream", "a quote opened on this line is never closed"),
    ("found undefined alias", "'*' starts a YAML alias: put the text in quotes"),
    ("found character '@'", "a text starting with '@' or '`' needs quotes around it"),
    ("found character '`'", "a text starting with '@' or '`' needs quotes around it"),
)
MAX_DEPTH = 50  # far more than any data file of the guide needs
MAX_BYTES = 2_000_000  # steps.yaml is about 65 kB


def _plain(problem: str) -> str:
    for wording, hint in _HINTS:
        if wording in problem:
            return f"YAML syntax error ({problem}): {hint}"
    return f"YAML syntax error: {problem}"


class LayeredData(LocatedData):
    """A mapping read from several files, later ones overriding earlier ones field by field (top level).

    Problems are located in the file that gave the field they are about.
    """

    def __init__(self, layers: list[LocatedData]):
        data: dict[str, Any] = {}
        self.owner: dict[str, LocatedData] = {}
        for layer in layers:
            for key, value in layer.data.items():
                data[key] = value
                self.owner[key] = layer
        self.layers = layers
        super().__init__(layers[-1].file, data, {})

    def _layer(self, path: Path_) -> LocatedData:
        return self.owner.get(path[0], self.layers[-1]) if path else self.layers[-1]

    def line(self, path: Path_) -> int | None:
        return self._layer(path).line(path)

    def problem(self, path: Path_, message: str) -> Problem:
        return self._layer(path).problem(path, message)


def read_yaml(path: Path, display_name: str | None = None) -> LocatedData:
    """Parse `path`; a syntax error, a duplicate key or an alias raises DataError with its line."""
    name = display_name or str(path)
    if path.is_symlink() or path.parent.is_symlink():  # it would read a file from outside the repository
        raise DataError([Problem(name, None, "", f"{_SYMLINK}: copy the file here instead")])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError([Problem(name, None, "", f"cannot read the file: {exc.strerror}")]) from None
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> LocatedData:
    """Parse the bytes of a data file called `name` (a file, or a past version of one) with every check of
    read_yaml: size, UTF-8, syntax, no alias, merge key, duplicate key or invisible character."""
    if len(raw) > MAX_BYTES:
        raise DataError(
            [Problem(name, None, "", f"the file is {len(raw):,} bytes, more than the {MAX_BYTES:,} allowed")]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            [Problem(name, line, "", "the file is not UTF-8 text: save it with the UTF-8 encoding")]
        ) from None
    loader = DataLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "invalid YAML"
        if "found character that cannot start any token" in what and mark:  # libyaml does not say which
            row = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
            if mark.column < len(row):
                what = what.replace("found character", f"found character {row[mark.column]!r}")
        raise DataError([Problem(name, line, "", _plain(what))]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(name, None, "", f"YAML error: {exc}")]) from None
    except RecursionError:
        raise DataError([Problem(name, None, "", f"nested more than {MAX_DEPTH} levels deep")]) from None
    finally:
        loader.dispose()
    if node is None:
        raise DataError([Problem(name, None, "", "the file is empty")])
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    try:
        data = _build(loader, node, (), lines, problems, name, set())
    except _Stop:
        raise DataError(problems[-1:]) from None
    if problems:
        raise DataError(problems)
    return LocatedData(name, data, lines)


_NOT_ALLOWED = "not allowed in the guide's data"
_SYMLINK = "a symbolic link: the guide reads the repository's own files only"


# Characters a reader cannot see that change what a text shows or where it goes: C0 and C1 controls (a line
# break and a tab aside), DEL, and the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069).
HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _Stop(Exception):
    """Reading stops at the first alias or at too deep a nesting: one message, no cascade."""


def _build(
    loader: DataLoader,
    node: yaml.Node,
    path: Path_,
    lines: dict[Path_, int],
    problems: list[Problem],
    name: str,
    seen: set[int],
) -> Any:
    lines[path] = node.start_mark.line + 1
    if id(node) in seen:  # the same node twice: an alias (*name)
        problems.append(
            Problem(
                name, node.start_mark.line + 1, format_path(path), f"YAML aliases (&name, *name) are {_NOT_ALLOWED}"
            )
        )
        raise _Stop
    if len(path) > MAX_DEPTH:
        problems.append(
            Problem(name, node.start_mark.line + 1, format_path(path[:3]), f"nested more than {MAX_DEPTH} levels deep")
        )
        raise _Stop
    if isinstance(node, yaml.MappingNode):
        seen.add(id(node))
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # <<: the fields of another mapping, merged in
                said = f"YAML merge keys (<<) are {_NOT_ALLOWED}: write the fields out"
                problems.append(Problem(name, key_node.start_mark.line + 1, format_path(path), said))
                raise _Stop
            key = loader.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                problems.append(
                    Problem(name, key_node.start_mark.line + 1, format_path(path + (key,)), f"duplicate key '{key}'")
                )
            out[key] = _build(loader, value_node, path + (key,), lines, problems, name, seen)
            lines[path + (key,)] = key_node.start_mark.line + 1  # a field is where its name is written
        return out
    if isinstance(node, yaml.SequenceNode):
        seen.add(id(node))
        return [_build(loader, item, path + (i,), lines, problems, name, seen) for i, item in enumerate(node.value)]
    try:
        value = loader.construct_object(node)
    except yaml.YAMLError as exc:
        problems.append(Problem(name, node.start_mark.line + 1, format_path(path), f"cannot read value: {exc}"))
        return None
    if isinstance(value, str) and (bad := HIDDEN.search(value)):
        said = f"holds the invisible character U+{ord(bad.group(0)):04X} (a control or a direction change): remove it"
        problems.append(Problem(name, node.start_mark.line + 1, format_path(path), said))
    return value
