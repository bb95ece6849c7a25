"""MkDocs glue: give mkdocs-macros-plugin one macro per widget, in the page's language.

Everything MkDocs-specific stays in this file; the rendering lives in
`macros.render` and the data in `guide`, so another generator could reuse both.
"""

from __future__ import annotations

import difflib
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

from .model_cache import load_once
from .pages import page_url, step_pages
from .render import WidgetInputError, Widgets, make_environment


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


def storage_key(script: Path) -> str:
    """The localStorage key the checklist script uses, read from the script itself."""
    match = re.search(r'STORE_KEY = "([^"]+)"', script.read_text(encoding="utf-8"))
    if not match:
        fail(f"{script}: no STORE_KEY found")
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
    pages = step_pages(docs_dir, languages)
    step_ids = [s.id for s in guide.steps]
    for lang in languages:  # a page naming an unknown step stops the build before anything renders
        for step_id, source in pages[lang].items():
            if step_id not in step_ids:
                close = difflib.get_close_matches(step_id, step_ids, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                fail(f"content/{lang}/{source}: unknown step '{step_id}'{hint}")
    for lang in languages:  # a university's step is shown on the page of the step it follows
        for local in project.university.steps:
            if local.after in pages[lang]:
                pages[lang][local.step.id] = pages[lang][local.after]
    directory_urls = bool(env.conf["use_directory_urls"])

    def call(render: Callable[[Widgets], str]) -> str:
        """Run a widget for the current page; a bad argument in the page stops the build clearly."""
        try:
            return render(widgets())
        except (WidgetInputError, UnknownLabel) as exc:
            fail(f"content/{env.page.file.src_uri}: {exc}")

    def widgets() -> Widgets:
        page = env.page
        lang = page.file.locale
        if lang not in languages:
            fail(f"{page.file.src_uri}: page language '{lang}' is not a language of the site")

        def step_href(step_id: str) -> str:
            """A relative link from this page to the page that shows the step in full."""
            target = pages[lang].get(step_id)
            if target is None:
                fail(
                    f"step '{step_id}' is shown in full on no page of content/{lang}/: "
                    f'add {{{{ step("{step_id}") }}}} to one'
                )
            return relative(page.url, page_url(target, lang, default_lang, directory_urls)) + "#" + step_id

        def path_href(profile_id: str) -> str:
            return relative(page.url, page_url(path_source(profile_id), lang, default_lang, directory_urls))

        return Widgets(guide, labels, lang, step_href, path_href, jinja, project.university)

    @env.macro
    def overview(profile: str | None = None) -> str:
        """The steps in order, grouped by phase."""
        return call(lambda w: w.overview(profile))

    @env.macro
    def step(step_id: str, profile: str | None = None, level: int = 2) -> str:
        """One step in full."""
        return call(lambda w: w.step(step_id, profile, level))

    @env.macro
    def path(profile: str) -> str:
        """A profile's path, with its checklist."""
        return call(lambda w: w.path(profile))

    @env.macro
    def path_title(profile: str) -> str:
        """The title of a profile's path page, written for Markdown (its heading)."""
        return call(lambda w: w.path_title(profile))

    @env.macro
    def chooser() -> str:
        """The questions leading to a path."""
        return call(lambda w: w.chooser())

    @env.macro
    def handouts() -> str:
        """Links to the printable PDFs."""
        page = env.page
        return call(lambda w: w.handouts(lambda h: relative(page.url, f"{FOLDER}/{h.filename}")))

    @env.macro
    def tips() -> str:
        """The university's local tips."""
        return call(lambda w: w.tips())

    @env.macro
    def sessions() -> str:
        """The university's help sessions."""
        return call(lambda w: w.sessions())

    @env.macro
    def privacy() -> str:
        """What the site stores and who hosts it."""
        return call(lambda w: w.privacy(storage_key(root / "content" / CHECKLIST_SCRIPT)))

    @env.macro
    def desk() -> str:
        """The university's international desk."""
        return call(lambda w: w.desk())

    @env.macro
    def documents(profile: str | None = None) -> str:
        """The documents to prepare."""
        return call(lambda w: w.documents(profile))

    @env.macro
    def contacts() -> str:
        """The contact cards."""
        return call(lambda w: w.contacts())

    @env.macro
    def glossary() -> str:
        """The French terms."""
        return call(lambda w: w.glossary())

    @env.macro
    def sources() -> str:
        """The sources and when each step was checked."""
        return call(lambda w: w.sources())


def on_post_page_macros(env: Any) -> None:
    """Load the checklist script on the pages that need it, and only there."""
    if 'data-task="' in env.markdown or 'class="hig-chooser"' in env.markdown:
        src = relative(env.page.url, CHECKLIST_SCRIPT)
        env.markdown += f'\n\n<script src="{src}" defer></script>\n'
