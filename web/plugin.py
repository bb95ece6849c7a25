"""The MkDocs plugin `health-insurance-guide`: the guide's data made into the site, the MkDocs way.

Events, in the order MkDocs calls them (static-i18n runs a whole build per language, so most run per
language):

- config: the extra languages of data/translations/ join the i18n plugin's; the published address, the
  university's name, logo and colours stylesheet; the texts of the bilingual 404 page; the storage key for the
  head script; and the same check of the pages as `make check`, so that a plain `mkdocs build` is safe too;
- files: a route page per situation and the university's colours, as files in memory (after static-i18n has
  sorted the language's files, so they are born in their language), and which page shows each step;
- page_markdown: the page's description, then its widget calls rendered;
- page_context, post_page: the page's security policy, alternates, phrases of another language, phone numbers
  and glossary terms linked, the typography of each text's language;
- post_build: a sitemap beside each page, then, once every language is built, the search index
  (web/search.py), the handouts, the theme's stylesheet without the rules no page uses (web/prune.py) and the
  offline copy.
"""

from __future__ import annotations

import json
import logging
import os
import re
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from html import escape, unescape
from pathlib import Path

from jinja2 import Environment, StrictUndefined, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide.errors import DataError
from guide.project import Project, load_project
from guide.report import history_notes
from guide.siteaddress import SiteAddress
from guide.ui import UnknownLabel
from handouts.kinds import catalogue
from macros.check import not_shown, page_problems
from macros.pages import step_pages, widget_calls
from macros.registry import widgets
from macros.widget import WidgetContext, WidgetInputError
from render.changes import atom_feed
from render.palette import university_css
from render.report import report_url
from render.site import (
    CHECKLIST_SCRIPT,
    CHOOSER_SCRIPT,
    GLOSSARY_PAGE,
    HANDOUTS_FOLDER,
    OFFLINE_SCRIPT,
    OFFLINE_WORKER,
    OFFLINE_ZIP,
    PAGE_OPENING_SCRIPTS,
    REMINDERS_SCRIPT,
    ROUTES_FOLDER,
    SEARCH_BUNDLE,
    SEARCH_SCRIPT,
    SEARCH_STYLES,
    STORAGE_KEY,
    UNIVERSITY_CSS,
    changes_feed,
    route_source,
    route_url,
)
from render.typography import link_phones, link_words, typeset

from . import head
from .compiled import COMPILED
from .config import config_languages
from .handouts import HandoutJob, make_handouts
from .offline import SEARCH_HEADER, offline_copy
from .offline_worker import write_worker
from .prune import minify_own, prune_theme_css
from .search import MARK, index_site

log = logging.getLogger("mkdocs.plugins.health-insurance-guide")
# Renders a page's widget calls, and nothing else: each page is parsed for them first (macros.pages), and the
# environment is sandboxed too, so that a page that slipped past the check still reaches no Python internals.
PAGES = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
# Each script, only on the pages that hold what it works on.
PAGE_SCRIPTS = ((CHECKLIST_SCRIPT, 'data-task="'), (CHOOSER_SCRIPT, 'class="hig-chooser"'))
THEME_SCRIPT = re.compile(r'(<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js")>')  # gets `defer`
RENDERED_MARKDOWN = "GUIDE_RENDERED_MARKDOWN"  # a folder: each page's Markdown, widgets rendered, is written there
# Files of the theme that no page of this guide loads: search (turned off), its workers, and source maps.
UNUSED_THEME_FILES = re.compile(r"^assets/javascripts/(lunr|workers)/|\.map$")
ARTICLE = '<article class="md-content__inner md-typeset">'  # the theme's: what a page says, without menus
HEADER = 'class="md-header__inner md-grid"'  # the theme's header bar
# A run of blank space that holds a line break, outside <script>, <pre>, <textarea> and <style>: one line break
# shows the same, and the theme's indentation is a tenth of a page's bytes.
BLANK_RUN = re.compile(r"(<(script|pre|textarea|style)\b.*?</\2>)|[ \t]*\n\s*", re.S)


def _children_cpu() -> float:
    """CPU seconds of the child processes ended so far (Pagefind's, for `make bench`)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    """What the data files look like now: a new signature means `mkdocs serve` must reload them."""
    files = sorted([*(root / "data").rglob("*.yaml"), *(root / "content").rglob("*.md")])
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file())


@lru_cache(maxsize=4)
def _load(root: Path, languages: tuple[str, ...], signature: object) -> Project:
    """The checked data, once per change of the data or the pages (static-i18n configures the site once per
    language)."""
    try:
        return load_project(root, languages)
    except DataError as exc:
        raise Abort("The guide's data has problems:\n" + exc.report()) from None


@lru_cache(maxsize=4)
def _check_pages(root: Path, languages: tuple[str, ...], signature: object) -> None:
    """The same check of the pages as `make check`, once per change of the data or the pages."""
    problems = page_problems(_load(root, languages, signature))
    if problems:
        raise Abort("The pages have problems:\n" + DataError(problems).report())


def _quick() -> bool:
    """`make serve-quick`: no handouts and no offline copy while editing."""
    return bool(os.environ.get("GUIDE_QUICK"))


def route_markdown(profile_id: str) -> str:
    """A route page: two widget calls and no data text, which would otherwise be read as Markdown."""
    quoted = json.dumps(profile_id)  # an id is [a-z0-9-]; quoted all the same, since this is template source
    # Not searched: its steps are found on the pages that explain them.
    front = "---\nsearch:\n  exclude: true\n---\n"
    return f"{front}# {{{{ route_title({quoted}) }}}}\n\n{{{{ route({quoted}) }}}}\n"


def page_calling(pages: list[tuple[File, str]], widget: str) -> File | None:
    """The first of `pages` (file, Markdown source) whose source calls `widget`."""
    return next((f for f, source in pages if any(c.name == widget for c in widget_calls(source))), None)


@dataclass(frozen=True)
class PageLinks:
    """Links from one page, worked out from MkDocs' own files and URLs."""

    page: Page
    steps: dict[str, File]  # step id -> the file of the page that shows it, in the page's language
    routes: dict[str, File]
    lang: str

    def step(self, step_id: str) -> str:
        if step_id not in self.steps:
            raise not_shown(step_id, self.lang)
        return get_relative_url(self.steps[step_id].url, self.page.url) + "#" + step_id

    def route(self, profile_id: str) -> str:
        return get_relative_url(self.routes[profile_id].url, self.page.url)

    def file(self, site_path: str) -> str:
        return get_relative_url(site_path, self.page.url)

    def alternate(self, lang: str) -> str | None:
        other = getattr(self.page.file, "alternates", {}).get(lang)
        return get_relative_url(other.url, self.page.url) if other is not None else None


class GuidePlugin(BasePlugin):
    """The guide's layer on MkDocs (see the module's docstring)."""

    def __init__(self) -> None:
        self.serving = False
        self.project: Project | None = None
        self.steps: dict[str, dict[str, File]] = {}  # language -> step id -> page file
        self.routes: dict[str, dict[str, File]] = {}  # language -> profile id -> route page file
        self.pages: dict[str, dict[str, File]] = {}  # language -> source ('fr/glossaire.md') -> page file
        self.search: dict[str, File] = {}  # language -> the page that calls the search widget
        self.hashes: dict[tuple[str, str], list[str]] = {}  # (config file, base URL) -> inline script hashes
        self.csp: dict[str, str] = {}  # page source -> its CSP meta tag, from page_context to post_page
        self.not_found: dict[str, str] = {}  # config file -> the default language's 404 page
        self.job: HandoutJob | None = None  # the PDFs, made alongside the pages
        self.page_seconds: dict[str, float] = {}  # page -> time spent on it by this plugin, for `make bench`
        self.started = 0.0
        self.added_languages: set[str] = set()  # from data/translations/, added to static-i18n's list

    # -- config ---------------------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this process serves a preview: then the served address is the site's."""
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        """However the build ended (stopped by a signal too, which on_build_error does not see): no PDF
        folder is left behind."""
        self._cancel_handouts()

    @event_priority(50)  # before mkdocs-static-i18n (-100) reads the languages
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        # The languages of mkdocs.yml, without those this plugin adds (static-i18n configures the site again for
        # each language, by then with the extra languages in its list: the project is loaded once all the same).
        languages = tuple(code for code in config_languages(config) if code not in self.added_languages)
        key = (root, languages, _signature(root))
        project = _load(*key)
        if self.serving:  # the handouts and links point to the preview being served
            project = replace(project, site=SiteAddress(config.site_url, "preview"))
        self.project = project
        i18n = config.plugins["i18n"]
        if not i18n.building:
            self.started, self.page_seconds = time.perf_counter(), {}
            for note in history_notes(project):  # said once a build, as it starts
                log.info("Note: %s", note)
        _check_pages(*key)  # first: the PDF processes then start with the templates compiled and the QR codes made
        if self.job is None and not (i18n.building or self.serving or _quick()):
            self.job = HandoutJob(project)  # once per build: the other languages' configs come during it
        self._add_languages(config, project)
        if not self.serving:
            config.site_url = project.site_url
        university = project.university
        lang = config.plugins["i18n"].current_language or project.languages[0]
        config.copyright = escape(university.name(lang))  # Material prints it as HTML
        for scheme in config.theme.get("palette") or []:  # the colour scheme switch, named in the page's language
            if isinstance(scheme, dict) and isinstance(scheme.get("toggle"), dict):
                to = "theme_to_light" if scheme.get("scheme") == "slate" else "theme_to_dark"
                scheme["toggle"]["name"] = escape(project.labels.get(to, lang))
        if university.logo:
            config.theme["logo"] = university.logo
            config.theme["favicon"] = university.logo
        if UNIVERSITY_CSS not in config.extra_css:
            config.extra_css.append(UNIVERSITY_CSS)
        config.extra["storage_key"] = STORAGE_KEY  # overrides/partials/hig-head.html hands it to the scripts
        config.extra["not_found"] = [
            {
                "lang": code,
                "title": project.labels.get("not_found_title", code),
                "text": project.labels.get("not_found_text", code),
                "home": project.labels.get("not_found_home", code),
                "href": config.site_url if code == project.languages[0] else f"{config.site_url}{code}/",
            }
            for code in project.languages
        ]
        return config

    def _add_languages(self, config: MkDocsConfig, project: Project) -> None:
        """Each extra language joins the i18n plugin's list (once: static-i18n calls on_config per language)."""
        from mkdocs_static_i18n.config import I18nPluginLanguage

        i18n = config.plugins["i18n"].config
        known = {lang.locale for lang in i18n.languages}
        for tr in project.translations:
            if tr.code in known:
                continue
            language = I18nPluginLanguage()
            # Material prints both as HTML: escaped here, since a translation is data.
            language.load_dict(
                {"locale": tr.code, "name": escape(tr.name), "build": True, "site_name": escape(tr.site_name)}
            )
            failed, _ = language.validate()
            if failed:
                raise Abort(f"data/translations/{tr.code}.yaml: {failed[0][0]}: {failed[0][1]}")
            i18n.languages.append(language)
            self.added_languages.add(tr.code)

    # -- files ----------------------------------------------------------------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has kept the files of the language being built
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        project = self._project()
        i18n = config.plugins["i18n"]
        lang = i18n.current_language or project.languages[0]
        feed = changes_feed(lang, project.languages[0])
        generated = {f"{lang}/{route_source(p.id)}" for p in project.guide.profiles} | {UNIVERSITY_CSS, feed}
        for stale in [f for f in files if f.src_uri in generated]:  # left on the disk by an older version
            files.remove(stale)
        for unused in [f for f in files if UNUSED_THEME_FILES.search(f.src_uri)]:
            files.remove(unused)
        routes = {}
        for profile in project.guide.profiles:
            versions = {code: self._route_file(config, code, profile.id) for code in project.languages}
            for version in versions.values():
                version.alternates = versions
            routes[profile.id] = versions[lang]
            files.append(versions[lang])
        files.append(File.generated(config, UNIVERSITY_CSS, content=university_css(project.university)))
        if hasattr(i18n, "i18n_files_per_language"):  # what static-i18n's sitemap lists, route pages included
            i18n.i18n_files_per_language[lang] = files.documentation_pages()
        pages = [
            (f, f.content_string)
            for f in files.documentation_pages()
            if getattr(f, "locale", lang) == lang and not f.generated_by
        ]
        by_name = {f.src_uri: f for f, _ in pages}
        files.append(self._feed_file(config, lang, [(f, source) for f, source in pages]))
        shown = step_pages(((f.src_uri, source) for f, source in pages), project.university)
        self.steps[lang] = {step_id: by_name[name] for step_id, name in shown.items()}
        self.routes[lang] = routes
        self.pages[lang] = {f.src_uri: f for f, _ in pages}
        searcher = page_calling(pages, "search")
        if searcher is not None:
            self.search[lang] = searcher
        else:
            self.search.pop(lang, None)
        return files

    def _feed_file(self, config: MkDocsConfig, lang: str, pages: list[tuple[File, str]]) -> File:
        """The Atom feed of what changed, for `lang`; its entries link to the page that lists the changes
        (the one that calls the `changes` widget; the home page if none does)."""
        project = self._project()
        path = changes_feed(lang, project.languages[0])
        lister = page_calling(pages, "changes")
        home = "" if lang == project.languages[0] else f"{lang}/"
        page_url = project.site_url + (lister.url if lister else home)
        content = atom_feed(project, lang, project.history, project.site_url + path, page_url)
        file = File.generated(config, path, content=content)
        file.dest_uri = path
        return file

    def _route_file(self, config: MkDocsConfig, lang: str, profile_id: str) -> File:
        """A situation's route page in `lang`, in memory, placed and named as static-i18n places its pages."""
        project = self._project()
        file = File.generated(config, f"{lang}/{route_source(profile_id)}", content=route_markdown(profile_id))
        url = route_url(profile_id, lang, project.languages[0])
        file.dest_uri = url + "index.html" if config.use_directory_urls else url.rstrip("/") + ".html"
        file.locale = file.localization = lang
        file.locale_alternate_of = config.plugins["i18n"].current_language or lang
        file.norm_src_uri = route_source(profile_id)
        return file

    # -- pages ----------------------------------------------------------------------------------------------

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """The theme's templates compiled once per process, not once per language (web/compiled.py)."""
        env.bytecode_cache = COMPILED
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The page's description from the data, then its widget calls rendered in the page's language."""
        with self._timed(page):
            return self._page_markdown(markdown, page)

    def _page_markdown(self, markdown: str, page: Page) -> str:
        project = self._project()
        lang = page.file.locale
        if lang not in project.languages:
            raise Abort(f"content/{page.file.src_uri}: page language '{lang}' is not a language of the site")
        page.meta["description"] = escape(self._description(page, project))  # Material writes it as it is
        links = PageLinks(page, self.steps.get(lang, {}), self.routes.get(lang, {}), lang)
        context = WidgetContext(project, lang, links)
        calls = {name: partial(widget.function, context) for name, widget in widgets().items()}
        try:
            widget_calls(markdown)  # text and widget calls only, whatever the page's file is called
        except TemplateSyntaxError as exc:
            raise Abort(f"content/{page.file.src_uri}:{exc.lineno}: {exc.message}") from None
        try:
            html = PAGES.from_string(markdown).render(calls)
        except (WidgetInputError, UnknownLabel, TypeError) as exc:
            raise Abort(f"content/{page.file.src_uri}: {exc}") from None
        for script, marker in PAGE_SCRIPTS:
            if marker in html:
                html += f'\n\n<script src="{get_relative_url(script, page.url)}" defer></script>\n'
        if dump := os.environ.get(RENDERED_MARKDOWN):  # for `make bench`: the same pages without this plugin
            target = Path(dump) / page.file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        return html

    def _description(self, page: Page, project: Project) -> str:
        lang, _, rest = page.file.src_uri.partition("/")
        stem = rest[: -len(".md")]
        folder, _, profile_id = stem.partition("/")
        if folder == ROUTES_FOLDER and profile_id in {p.id for p in project.guide.profiles}:
            return project.guide.profile(profile_id).description(lang)
        if stem in project.labels.page_descriptions:
            return project.labels.page_descriptions[stem][lang]
        raise Abort(f"content/{page.file.src_uri}: no description in data/ui.yaml (page_descriptions: {stem})")

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
        """Work out the page's policy from its base URL, the one thing that varies in our inline scripts."""
        self.csp[page.file.src_uri] = self._csp(config, context["base_url"])
        lang = page.file.locale
        searcher = self.search.get(lang)
        project = self._project()
        if project.repository:  # "report a problem with this page" (overrides/main.html)
            context["hig_report"] = {
                "href": report_url(
                    project.repository,
                    config.site_url + page.url,
                    lang,
                    self._steps_shown(page, lang),
                    project.labels.get("report_title", lang).format(page=unescape(page.title or "")),
                ),
                "label": project.labels.get("report_page", lang),
            }
        if not self.serving:  # offline after the first visit (overrides/main.html): not in a preview being edited
            context["hig_offline"] = {
                "worker": get_relative_url(OFFLINE_WORKER, page.url),
                "script": get_relative_url(OFFLINE_SCRIPT, page.url),
            }
        if searcher is not None:  # the header's search field (overrides/partials/hig-search.html)
            labels = self._project().labels
            context["hig_search"] = {
                "href": get_relative_url(searcher.url, page.url),
                "label": labels.get("search_label", lang),
                "placeholder": labels.get("search_field", lang),
            }
        return context

    def _steps_shown(self, page: Page, lang: str) -> list[str]:
        """The ids of the steps a page shows: in full (a topic page), or a situation's (its route page)."""
        shown = [step_id for step_id, file in self.steps.get(lang, {}).items() if file is page.file]
        for profile_id, file in self.routes.get(lang, {}).items():
            if file is page.file:
                shown = [s.id for s in self._project().guide.steps_for(profile_id)]
        return shown

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        with self._timed(page):
            return self._post_page(output, page, config)

    def _post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        project = self._project()
        default = project.languages[0]
        output = head.absolute_alternates(output, config.site_url + page.url, default)
        lang = page.file.src_uri.split("/", 1)[0]
        output = head.mark_phrases(output, lang, project.labels.phrases)
        phones = [n for c in project.guide.contacts for n in (c.phone, c.phone_abroad) if n]
        output = head.in_article(output, lambda a: link_phones(a, phones, lang))
        if not page.file.src_uri.endswith("/" + GLOSSARY_PAGE):
            glossary = self.pages.get(lang, {}).get(f"{lang}/{GLOSSARY_PAGE}")
            if glossary is not None:
                href = get_relative_url(glossary.url, page.url)
                terms = {g.term.split(" (")[0]: f"{href}#term-{g.id}" for g in project.guide.glossary}
                output = head.in_article(output, lambda a: link_words(a, terms, lang))
        output = typeset(output, lang)
        if not (page.meta.get("search") or {}).get("exclude"):  # what the search index holds (web/search.py)
            output = output.replace(ARTICLE, ARTICLE[:-1] + f" {MARK}>", 1)
        if 'id="hig-search"' in output:  # the header keeps room for its search field (assets/guide.css)
            output = output.replace(HEADER, HEADER[:-1] + f' {SEARCH_HEADER}"', 1)
        output = BLANK_RUN.sub(lambda m: m.group(1) or "\n", output)
        # The theme's script needs the whole page, and the first paint need not wait for it.
        output = THEME_SCRIPT.sub(r"\1 defer>", output, count=1)
        return output.replace("<head>", f"<head>\n    {self.csp.pop(page.file.src_uri)}", 1)

    # -- the 404 page ---------------------------------------------------------------------------------------

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig) -> dict:
        if template_name == "404.html":
            self.csp["404.html"] = self._csp(config, context["base_url"])
        return context

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """Keep the default language's 404 page: the other language builds write to the same place."""
        if template_name != "404.html":
            return output
        project = self._project()
        if config.plugins["i18n"].current_language in (None, project.languages[0]):
            output = output.replace("<head>", f"<head>\n    {self.csp.pop('404.html')}", 1)
            output = THEME_SCRIPT.sub(r"\1 defer>", output, count=1)
            self.not_found[config.config_file_path] = output
            return output
        return self.not_found.get(config.config_file_path, output)

    # -- after the build ------------------------------------------------------------------------------------

    def _sitemaps(self, config: MkDocsConfig) -> None:
        head.write_page_sitemaps(Path(config.site_dir), config.site_url)

    @event_priority(-200)  # after mkdocs-static-i18n (-100), which builds the other languages in its post_build
    def _extras(self, config: MkDocsConfig) -> None:
        """Once every language is built: the search index, the theme's stylesheets pruned and our scripts and
        styles minified, the PDFs moved in, then the offline copy that holds them."""
        if config.plugins["i18n"].building:
            return  # a language build inside static-i18n's run
        pages = time.perf_counter() - self.started
        slowest = sorted(self.page_seconds.items(), key=lambda item: -item[1])[:5]
        log.info("Timing: pages %.2f s; slowest: %s", pages, ", ".join(f"{p} {t * 1000:.0f} ms" for p, t in slowest))
        site = Path(config.site_dir)
        indexed, index_cpu = time.perf_counter(), _children_cpu()  # search works in a quick preview too
        log.info("Search: %s", index_site(site))
        indexed, index_cpu = time.perf_counter() - indexed, _children_cpu() - index_cpu
        if _quick():
            log.info("Quick preview (GUIDE_QUICK): no handouts and no offline copy; their links lead nowhere here.")
            return
        lighter = time.perf_counter()  # while the PDFs are still being made
        css_before, css_after = prune_theme_css(site)
        # extra_css: guide.css and the university's colours
        minify_own(site, (*PAGE_OPENING_SCRIPTS, REMINDERS_SCRIPT, SEARCH_SCRIPT, *config.extra_css, SEARCH_STYLES))
        lighter = time.perf_counter() - lighter
        job, self.job = self.job, None
        waited = time.perf_counter()
        notes = job.finish(site) if job else make_handouts(site, self._project())
        waited = time.perf_counter() - waited
        for note in notes:  # tools.build repeats these lines after the build
            log.info("Note: %s", note)
        worker = write_worker(site, self._project(), self._site_names(config), self._icons(config))
        log.info(
            "Offline worker: %s, %d bytes (%d gzipped), version %s",
            OFFLINE_WORKER,
            worker.size,
            worker.gzip_size,
            worker.version,
        )
        zipped = time.perf_counter()
        online_only = (
            {  # the slides, for staff; search, which needs a server
                f"{HANDOUTS_FOLDER}/{h.filename}" for h in catalogue(self._project().guide) if not h.record.offline
            }
            | {f"{SEARCH_BUNDLE}/", SEARCH_SCRIPT, SEARCH_STYLES, OFFLINE_WORKER}  # a disk has no worker either
            | {f.dest_uri for f in self.search.values()}
        )
        offline_copy(site, site / OFFLINE_ZIP, config.site_url or "", frozenset(online_only))
        log.info(
            "Timing: theme stylesheets pruned from %d to %d bytes and our scripts and styles minified %.2f s; "
            "search index %.2f s (its CPU %.2f s); "
            "PDFs %.2f s (their CPU %.2f s, in a thread beside the pages; %.2f s more waited for them); "
            "offline copy %.2f s",
            css_before,
            css_after,
            lighter,
            indexed,
            index_cpu,
            job.seconds if job else waited,
            job.cpu if job else waited,
            waited if job else 0.0,
            time.perf_counter() - zipped,
        )

    on_post_build = CombinedEvent(_sitemaps, _extras)

    def on_build_error(self, error: Exception) -> None:
        """A failed build leaves no PDF process running."""
        self._cancel_handouts()

    def _cancel_handouts(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None

    # -- helpers --------------------------------------------------------------------------------------------

    def _site_names(self, config: MkDocsConfig) -> dict[str, str]:
        """The site's name in each language (the i18n plugin's, or the config's)."""
        names = {lang.locale: lang.site_name for lang in config.plugins["i18n"].config.languages if lang.site_name}
        return {code: unescape(names.get(code) or config.site_name) for code in self._project().languages}

    def _icons(self, config: MkDocsConfig) -> list[str]:
        """The favicon and the logo, as paths below the site root."""
        return [name for name in (config.theme.get("favicon"), config.theme.get("logo")) if isinstance(name, str)]

    @contextmanager
    def _timed(self, page: Page) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            key = page.file.src_uri
            self.page_seconds[key] = self.page_seconds.get(key, 0.0) + time.perf_counter() - start

    def _project(self) -> Project:
        if self.project is None:
            raise Abort("the guide's plugin was not configured (on_config did not run)")
        return self.project

    def _csp(self, config: MkDocsConfig, base_url: str) -> str:
        key = (config.config_file_path, base_url)
        if key not in self.hashes:
            self.hashes[key] = head.shipped_script_hashes(config, base_url)
        return head.csp_meta(self.hashes[key])
