"""What may be under content/: each language's pages and the assets the site ships, nothing else.

MkDocs publishes whatever it finds there: a page in another Markdown extension (`.markdown`) would escape the
pages' rules, a script would run on the guide's origin, a symbolic link would publish a file from outside the
repository, an SVG with a script would run when opened. Each is refused with its path, by `make check` and by the
build, before anything is written.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import Problem

CONTENT = "content"
ASSETS = "assets"
PAGE_SUFFIX = ".md"
ASSET_SUFFIXES = frozenset({".css", ".svg", ".png", ".jpg", ".jpeg", ".webp"})
# What makes an SVG more than a picture: a script, an event handler, a foreign object, or anything it would fetch
# (a link, a stylesheet, an entity) from elsewhere than itself.
SVG_ACTIVE = re.compile(
    r"<\s*script|<\s*foreignObject|<\s*iframe|<\s*embed|<\s*object|<!DOCTYPE|<!ENTITY|@import"
    r"|\son[a-z]+\s*=|(?:xlink:)?href\s*=\s*[\"']?\s*(?!#)|url\(\s*[\"']?\s*(?!#)",
    re.IGNORECASE,
)


def content_problems(root: Path, languages: tuple[str, ...]) -> list[Problem]:
    """Every file or folder under content/ that the site must not publish, one located line each."""
    base = root / CONTENT
    if not base.is_dir():
        return [Problem(CONTENT, None, "", "missing: the pages live in content/<language>/")]
    problems = []
    for folder, dirs, files in os.walk(base, followlinks=False):
        here = Path(folder)
        for name in sorted([*dirs, *files]):
            path = here / name
            rel = path.relative_to(base).as_posix()
            problem = _refused(path, rel, languages)
            if problem:
                problems.append(Problem(f"{CONTENT}/{rel}", None, "", problem))
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink())
    return problems


def _refused(path: Path, rel: str, languages: tuple[str, ...]) -> str | None:
    """Why `path` (`rel` below content/) may not be published, or None."""
    if path.is_symlink():
        return "a symbolic link: the site publishes files of the repository only; copy the file here instead"
    top, _, rest = rel.partition("/")
    if path.is_dir():
        if not rest and top not in (*languages, ASSETS):
            folders = ", ".join(languages)
            return f"not a folder of the site: content/ holds a folder per language ({folders}) and {ASSETS}/"
        return None
    if not rest:
        return f"a file outside the language folders: put a page in content/<language>/, a picture in {ASSETS}/"
    if top in languages:
        if path.suffix != PAGE_SUFFIX:
            return f"not a page: the pages of a language are {PAGE_SUFFIX} files, and nothing else goes beside them"
        return None
    if path.suffix in (".js", ".mjs"):
        # The site's own scripts are built from browser/ (web/scripts.py); one here would run on the guide's origin.
        return "a script: the site ships its own scripts only, built from browser/ (its policy runs no other)"
    if path.suffix.lower() not in ASSET_SUFFIXES:
        allowed = ", ".join(sorted(ASSET_SUFFIXES))
        return f"not a picture or a stylesheet: {ASSETS}/ takes {allowed} files"
    if path.suffix.lower() == ".svg":
        return svg_problem(path)
    return None


def svg_problem(path: Path) -> str | None:
    """Why an SVG is refused (a script, an event handler, something fetched from elsewhere), or None."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return f"cannot be read as an SVG: {exc}"
    found = SVG_ACTIVE.search(text)
    if found:
        return (
            f"an SVG holding {found.group(0).strip()!r}: a picture may not run a script or fetch anything; "
            "export it again as a plain drawing, or use a PNG"
        )
    return None
