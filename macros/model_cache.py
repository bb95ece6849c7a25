"""Load the project's data once per build, whatever the number of languages, and again when it changes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from guide.project import Project, load_project


def _signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    """What the data files look like now: a new signature means `mkdocs serve` must reload them."""
    files = sorted([*(root / "data").glob("*.yaml"), root / "mkdocs.yml"])
    return tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file())


@lru_cache(maxsize=4)
def _load(root: Path, signature: tuple[tuple[str, int, int], ...]) -> Project:
    return load_project(root)


def load_once(root: Path) -> Project:
    """The checked project; static-i18n runs one build per language, this loads once per change of the data."""
    return _load(root, _signature(root))
