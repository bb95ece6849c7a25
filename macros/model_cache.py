"""Load the project's data once per build process, whatever the number of languages."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from guide.project import Project, load_project


@cache
def load_once(root: Path) -> Project:
    """The checked project; static-i18n runs one build per language, this loads once."""
    return load_project(root)
