"""mkdocs.yml, read through MkDocs' own loader: the one way this project reads it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import yaml_load

from guide.errors import DataError, Problem
from guide.project import Project, load_project

CONFIG_FILE = "mkdocs.yml"


@cache
def site_config(config_file: Path) -> MkDocsConfig:
    """The validated configuration of `config_file` (plugins loaded, no build started), read once."""
    try:
        return load_config(str(config_file))
    except Exception as exc:  # MkDocs, YAML and file errors alike
        raise DataError([Problem(str(config_file), None, "", f"cannot read the site configuration: {exc}")]) from None


def raw_config(config_file: Path) -> dict[str, Any]:
    """`config_file` as written (tags such as !ENV read as MkDocs reads them), before any validation."""
    with config_file.open(encoding="utf-8") as f:
        return yaml_load(f)


def config_languages(config: MkDocsConfig) -> tuple[str, ...]:
    """The languages the i18n plugin builds, default first."""
    languages = sorted(config.plugins["i18n"].config.languages, key=lambda lang: not lang.default)
    return tuple(lang.locale for lang in languages if lang.build)


def site_languages(root: Path) -> tuple[str, ...]:
    """The languages of the project at `root`'s mkdocs.yml, default first."""
    return config_languages(site_config((root / CONFIG_FILE).resolve()))


def project_at(root: Path) -> Project:
    """The checked project at `root`, with the languages of its mkdocs.yml (and of data/translations/)."""
    return load_project(root, site_languages(root))
