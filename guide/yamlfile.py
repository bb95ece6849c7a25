"""Read a YAML file into plain data, remembering the line of every value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem, format_path

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings: the loader checks them itself."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
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


def read_yaml(path: Path, display_name: str | None = None) -> LocatedData:
    """Parse `path`; a syntax error or duplicate key raises DataError."""
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError([Problem(name, None, "", f"cannot read the file: {exc.strerror}")]) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "invalid YAML"
        raise DataError([Problem(name, line, "", f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(name, None, "", f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    if node is None:
        raise DataError([Problem(name, None, "", "the file is empty")])
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    data = _build(loader, node, (), lines, problems, name)
    if problems:
        raise DataError(problems)
    return LocatedData(name, data, lines)


def _build(
    loader: _Loader,
    node: yaml.Node,
    path: Path_,
    lines: dict[Path_, int],
    problems: list[Problem],
    name: str,
) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                problems.append(
                    Problem(name, key_node.start_mark.line + 1, format_path(path + (key,)), f"duplicate key '{key}'")
                )
            out[key] = _build(loader, value_node, path + (key,), lines, problems, name)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), lines, problems, name) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node)
    except yaml.YAMLError as exc:
        problems.append(Problem(name, node.start_mark.line + 1, format_path(path), f"cannot read value: {exc}"))
        return None
