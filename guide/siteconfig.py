"""What the data layer needs from the site configuration: its languages (mkdocs.yml and data/translations/)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DataError, Problem

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_FILE = ROOT / "mkdocs.yml"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs' own tags such as !ENV or !!python/name."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool


def site_languages(path: Path = MKDOCS_FILE) -> tuple[Language, ...]:
    """The languages declared for the i18n plugin in mkdocs.yml, default first."""
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
        plugins = config.get("plugins", {})
        if isinstance(plugins, list):  # MkDocs accepts a list of plugins or a mapping
            plugins = {k: v for p in plugins if isinstance(p, dict) for k, v in p.items()}
        i18n = plugins["i18n"]
        languages = [Language(x["locale"], x["name"], bool(x.get("default"))) for x in i18n["languages"]]
    except (OSError, yaml.YAMLError, StopIteration, KeyError, TypeError) as exc:
        raise DataError(
            [Problem(str(path), None, "plugins.i18n.languages", f"cannot read the languages: {exc!r}")]
        ) from None
    return tuple(sorted(languages, key=lambda lang: not lang.default))


def language_codes(path: Path = MKDOCS_FILE) -> tuple[str, ...]:
    """The site's languages: mkdocs.yml's, default first, then one per file in data/translations/."""
    from .translations import translation_files

    base = tuple(lang.code for lang in site_languages(path))
    extra = tuple(f.stem for f in translation_files(path.parent / "data") if f.stem not in base)
    return base + extra
