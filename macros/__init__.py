"""MkDocs glue: give mkdocs-macros-plugin one macro per widget, in the page's language.

Everything MkDocs-specific stays in this file; the rendering lives in
`macros.render` and the data in `guide`, so another generator could reuse both.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from mkdocs.exceptions import Abort

from guide.errors import DataError
from guide.paths import path_source
from guide.ui import UnknownLabel
from handouts.catalogue import FOLDER
from tools.zip_site import OFFLINE_ZIP

from .model_cache import load_once
from .pages import page_url, step_page, step_pages_with_local
from .render import WIDGETS, WidgetInputError, Widgets, make_environment


def _languages(env: Any) -> tuple[str, ...]:
    """Locales of the i18n plugin, default first."""
    i18n = env.conf["plugins"]["i18n"].config
    langs = sorted(i18n.languages, key=lambda lang: not lang.default)
    return tuple(lang.locale for lang in langs if lang.build)


def fail(message: str) -> NoReturn:
    """Stop the build with one clear line. SystemExit passes through mkdocs-macros, which would add a traceback."""
    raise SystemExit(f"Error: {message}")


def relative(here: str, target: str) -> str:
    """A relative link from page URL `here` to site path `target` (both below the site root)."""
    here_dir = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    rel = posixpath.relpath("/" + target, "/" + here_dir)
    folder = target.endswith("/") or not target
    if rel == ".":
        return "./" if folder else posixpath.basename(target)
    return rel + "/" if folder else rel


CHECKLIST_SCRIPT = "assets/checklist.js"
HEAD_SCRIPT = "overrides/partials/hig-head.html"  # names the localStorage key, for the scripts and this page


def storage_key(script: Path) -> str:
    """The localStorage key the checklist uses, read from the one script that names it."""
    match = re.search(r'\bkey:"([^"]+)"', script.read_text(encoding="utf-8"))
    if not match:
        fail(f"{script}: no storage key found")
    return match.group(1)


def define_env(env: Any) -> None:
    """Called by mkdocs-macros-plugin once per language build."""
    root = Path(env.conf["config_file_path"]).resolve().parent
    try:
        project = load_once(root)
    except DataError as exc:
        raise Abort("The guide's data has problems:\n" + exc.report()) from None
    languages = project.languages
    if languages != _languages(env):
        raise Abort(f"mkdocs.yml builds {_languages(env)} but declares {languages}")
    guide, labels = project.guide, project.labels
    jinja = make_environment()
    docs_dir = env.conf["docs_dir"]
    default_lang = languages[0]
    # Unknown steps in pages were reported before this runs (macros.check, from hooks/paths.py).
    pages = step_pages_with_local(docs_dir, languages, [(s.step.id, s.after) for s in project.university.steps])
    directory_urls = bool(env.conf["use_directory_urls"])

    def call(render: Callable[[Widgets], str]) -> str:
        """Run a widget for the current page; a bad argument in the page stops the build clearly."""
        try:
            return render(widgets())
        except (WidgetInputError, UnknownLabel, TypeError) as exc:
            fail(f"content/{env.page.file.src_uri}: {exc}")

    def widgets() -> Widgets:
        page = env.page
        lang = page.file.locale
        if lang not in languages:
            fail(f"{page.file.src_uri}: page language '{lang}' is not a language of the site")

        def step_href(step_id: str) -> str:
            """A relative link from this page to the page that shows the step in full."""
            return relative(page.url, page_url(step_page(pages, lang, step_id), lang, default_lang, directory_urls))

        def path_href(profile_id: str) -> str:
            return relative(page.url, page_url(path_source(profile_id), lang, default_lang, directory_urls))

        return Widgets(
            guide,
            labels,
            lang,
            lambda step_id: step_href(step_id) + "#" + step_id,
            path_href,
            jinja,
            project.university,
            lambda h: relative(page.url, f"{FOLDER}/{h.filename}"),
            storage_key(root / HEAD_SCRIPT),
            lambda other: relative(page.url, page_url("index.md", other, default_lang, directory_urls)),
            bool(env.conf["extra"].get("offline")),
            relative(page.url, OFFLINE_ZIP),
        )

    for name in WIDGETS:
        env.macro(_macro(name, call), name)


def _macro(name: str, call: Callable[[Callable[[Widgets], str]], str]) -> Callable[..., str]:
    """The page macro of widget `name`: the method of the same name, for the current page."""

    def macro(*args: object, **kwargs: object) -> str:
        return call(lambda w: getattr(w, name)(*args, **kwargs))

    macro.__doc__ = getattr(Widgets, name).__doc__
    return macro


def on_post_page_macros(env: Any) -> None:
    """Load the checklist script on the pages that need it, and only there."""
    if 'data-task="' in env.markdown or 'class="hig-chooser"' in env.markdown:
        src = relative(env.page.url, CHECKLIST_SCRIPT)
        env.markdown += f'\n\n<script src="{src}" defer></script>\n'
