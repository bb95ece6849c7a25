"""What each page says: its description from the data, its widget calls rendered in its language (a route page
rendered from the data directly), the scripts it needs; and what the theme's templates get to show around it
(report a problem, the offline notice, the search field)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from html import escape, unescape
from pathlib import Path

from jinja2 import StrictUndefined, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.exceptions import Abort
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide.project import Project
from guide.ui import UnknownLabel
from macros.check import not_shown
from macros.pages import widget_calls
from macros.registry import widgets
from macros.widget import WidgetContext, WidgetInputError
from render.report import report_url
from render.site import CHECKLIST_SCRIPT, CHOOSER_SCRIPT, OFFLINE_SCRIPT, OFFLINE_WORKER, ROUTES_FOLDER

from .site_files import LanguageFiles

# Renders a page's widget calls, and nothing else: each page is parsed for them first (macros.pages), and the
# environment is sandboxed too, so that a page that slipped past the check still reaches no Python internals.
PAGES = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
# Each script, only on the pages that hold what it works on.
PAGE_SCRIPTS = ((CHECKLIST_SCRIPT, 'data-task="'), (CHOOSER_SCRIPT, 'class="hig-chooser"'))


@dataclass(frozen=True)
class PageLinks:
    """Links from one page, worked out from MkDocs' own files and URLs."""

    page: Page
    files: LanguageFiles
    lang: str

    def step(self, step_id: str) -> str:
        if step_id not in self.files.steps:
            raise not_shown(step_id, self.lang)
        return get_relative_url(self.files.steps[step_id].url, self.page.url) + "#" + step_id

    def route(self, profile_id: str) -> str:
        return get_relative_url(self.files.routes[profile_id].url, self.page.url)

    def file(self, site_path: str) -> str:
        return get_relative_url(site_path, self.page.url)

    def alternate(self, lang: str) -> str | None:
        other = getattr(self.page.file, "alternates", {}).get(lang)
        return get_relative_url(other.url, self.page.url) if other is not None else None


def page_markdown(markdown: str, page: Page, project: Project, files: LanguageFiles, dump: str | None) -> str:
    """The page's Markdown with its widgets rendered and the scripts it needs; its description set. A copy goes
    below `dump` if given (`make bench`)."""
    lang = page.file.locale
    if lang not in project.languages:
        raise Abort(f"content/{page.file.src_uri}: page language '{lang}' is not a language of the site")
    page.meta["description"] = escape(description(page, project))  # Material writes it as it is
    context = WidgetContext(project, lang, PageLinks(page, files, lang))
    calls = {name: partial(widget.function, context) for name, widget in widgets().items()}
    profile_id = files.route_of(page.file)
    try:
        if profile_id is not None:  # a route page: its two widgets called directly, no template in between
            html = f"# {calls['route_title'](profile_id)}\n\n{calls['route'](profile_id)}\n"
        else:
            html = _render_calls(markdown, page, calls)
    except (WidgetInputError, UnknownLabel, TypeError) as exc:
        raise Abort(f"content/{page.file.src_uri}: {exc}") from None
    for script, marker in PAGE_SCRIPTS:
        if marker in html:
            html += f'\n\n<script src="{get_relative_url(script, page.url)}" defer></script>\n'
    if dump:
        target = Path(dump) / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return html


def _render_calls(markdown: str, page: Page, calls: dict[str, partial]) -> str:
    try:
        widget_calls(markdown)  # text and widget calls only, whatever the page's file is called
    except TemplateSyntaxError as exc:
        raise Abort(f"content/{page.file.src_uri}:{exc.lineno}: {exc.message}") from None
    return PAGES.from_string(markdown).render(calls)


def description(page: Page, project: Project) -> str:
    """The page's description: its situation's for a route page, else data/ui.yaml's."""
    lang, _, rest = page.file.src_uri.partition("/")
    stem = rest[: -len(".md")]
    folder, _, profile_id = stem.partition("/")
    if folder == ROUTES_FOLDER and profile_id in {p.id for p in project.guide.profiles}:
        return project.guide.profile(profile_id).description(lang)
    if stem in project.labels.page_descriptions:
        return project.labels.page_descriptions[stem][lang]
    raise Abort(f"content/{page.file.src_uri}: no description in data/ui.yaml (page_descriptions: {stem})")


def page_context(
    context: dict, page: Page, site_url: str, project: Project, files: LanguageFiles, offline: bool
) -> None:
    """What overrides/main.html and its partials show around the page: "report a problem", the offline
    notice's scripts (not in a preview being edited) and the header's search field."""
    lang = page.file.locale
    if project.repository:
        title = project.labels.get("report_title", lang).format(page=unescape(page.title or ""))
        context["hig_report"] = {
            "href": report_url(project.repository, site_url + page.url, lang, steps_shown(page, project, files), title),
            "label": project.labels.get("report_page", lang),
        }
    if offline:
        context["hig_offline"] = {
            "worker": get_relative_url(OFFLINE_WORKER, page.url),
            "script": get_relative_url(OFFLINE_SCRIPT, page.url),
        }
    if files.search is not None:  # overrides/partials/hig-search.html
        context["hig_search"] = {
            "href": get_relative_url(files.search.url, page.url),
            "label": project.labels.get("search_label", lang),
            "placeholder": project.labels.get("search_field", lang),
        }


def steps_shown(page: Page, project: Project, files: LanguageFiles) -> list[str]:
    """The ids of the steps a page shows: in full (a topic page), or a situation's (its route page)."""
    profile_id = files.route_of(page.file)
    if profile_id is not None:
        return [s.id for s in project.guide.steps_for(profile_id)]
    return [step_id for step_id, file in files.steps.items() if file is page.file]
