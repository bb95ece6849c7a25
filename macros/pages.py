"""Which page shows each step in full, read from the pages' macro calls."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from guide.errors import Problem

STEP_CALL = re.compile(r"""\{\{\s*step\(\s*["']([a-z0-9-]+)["']""")


def page_url(src: str, lang: str, default_lang: str, directory_urls: bool) -> str:
    """The URL below the site root of page `src` ('inscription.md') of `lang`, as MkDocs writes it."""
    stem = src[: -len(".md")]
    if directory_urls:
        url = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    else:
        url = stem + ".html"
    return url if lang == default_lang else f"{lang}/{url}"


def step_pages(docs_dir: str | Path, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """For each language, step id -> source of the page that shows it, like 'inscription.md'."""
    found: dict[str, dict[str, str]] = {}
    for lang in languages:
        folder = Path(docs_dir) / lang
        found[lang] = {}
        for md in sorted(folder.rglob("*.md")):
            rel = md.relative_to(folder).as_posix()
            for step_id in STEP_CALL.findall(md.read_text(encoding="utf-8")):
                found[lang].setdefault(step_id, rel)
    return found


def step_pages_with_local(
    docs_dir: str | Path, languages: tuple[str, ...], local_steps: Iterable[tuple[str, str]]
) -> dict[str, dict[str, str]]:
    """step_pages(), with each university step (id, the national step it follows) on that step's page."""
    pages = step_pages(docs_dir, languages)
    for lang in languages:
        for step_id, after in local_steps:
            if after in pages[lang]:
                pages[lang][step_id] = pages[lang][after]
    return pages


def parity_problems(docs_dir: str | Path, languages: tuple[str, ...], skip: str = "") -> list[Problem]:
    """Pages that one language has and another lacks (generated folders such as `skip` aside)."""
    found = {}
    for lang in languages:
        folder = Path(docs_dir) / lang
        found[lang] = {
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*.md")
            if not (skip and p.relative_to(folder).as_posix().startswith(skip + "/"))
        }
    every = set().union(*found.values())
    return [
        Problem(
            f"content/{lang}/{page}",
            None,
            "",
            f"missing, while content/{other}/{page} exists: every language needs the same pages",
        )
        for lang in languages
        for page in sorted(every - found[lang])
        for other in [next(x for x in languages if page in found[x])]
    ]


def step_page(pages: dict[str, dict[str, str]], lang: str, step_id: str) -> str:
    """The source of the page of `lang` that shows the step in full; WidgetInputError if there is none."""
    from .render import WidgetInputError

    target = pages[lang].get(step_id)
    if target is None:
        raise WidgetInputError(
            f"step '{step_id}' is shown in full on no page of content/{lang}/: add {{{{ step(\"{step_id}\") }}}} to one"
        )
    return target
