"""The MkDocs plugin `health-insurance-guide`: the guide's data made into the site, the MkDocs way.

The plugin only says when each job runs; each job is a module of its own. In the order MkDocs calls the events
(static-i18n runs a whole build per language, so most run per language):

- config: the data loaded and checked as `make check` checks it (guide/), the extra languages and what the
  configuration says in each (web/languages.py), the PDFs started in a thread (web/handouts.py);
- files: the route pages, the university's colours and the feed, in memory (web/site_files.py);
- page_markdown, page_context: what each page says and shows around it (web/pages.py);
- post_page, post_template: each page finished, the 404 page kept (web/finishing.py);
- post_build: sitemaps (web/sitemaps.py), then once every language is built the search index, lighter files,
  the PDFs and the offline copy (web/after_build.py).

Its options (web/options.py) are typed; timings and notes are kept as data (`timings`, `notes`).
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.content import CONTENT
from guide.errors import DataError
from guide.project import Project, load_project
from guide.report import history_notes
from guide.siteaddress import SiteAddress
from macros.check import page_problems

from . import after_build, finishing, languages, pages
from .compiled import COMPILED
from .config import config_languages
from .handouts import HandoutJob
from .options import GuideOptions
from .site_files import LanguageFiles, add_files
from .sitemaps import write_page_sitemaps
from .timings import BuildTimings

log = logging.getLogger("mkdocs.plugins.health-insurance-guide")


def _signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    """What the data files look like now: a new signature means `mkdocs serve` must reload them."""
    files = sorted([*(root / "data").rglob("*.yaml"), *(root / CONTENT).rglob("*.md")])
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file())


@lru_cache(maxsize=4)
def _load(root: Path, langs: tuple[str, ...], signature: object) -> Project:
    """The checked data and pages, once per change of either (static-i18n configures the site once per
    language)."""
    try:
        project = load_project(root, langs)
    except DataError as exc:
        raise Abort("The guide's data has problems:\n" + exc.report()) from None
    if problems := page_problems(project):
        raise Abort("The pages have problems:\n" + DataError(problems).report())
    return project


class GuidePlugin(BasePlugin[GuideOptions]):
    """The guide's layer on MkDocs (see the module's docstring)."""

    def __init__(self) -> None:
        self.serving = False
        self.project: Project | None = None
        self.files: dict[str, LanguageFiles] = {}  # language -> its pages
        self.policies = finishing.Policies()
        self.policy: dict[str, str] = {}  # page source -> its CSP meta tag, from page_context to post_page
        self.not_found: dict[str, str] = {}  # config file -> the default language's 404 page
        self.job: HandoutJob | None = None  # the PDFs, made alongside the pages
        self.timings, self.notes, self.started = BuildTimings(), list[str](), 0.0  # for tools.build
        self.added_languages: set[str] = set()  # from data/translations/, added to static-i18n's list

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"  # then the handouts and links point to the preview being served

    @event_priority(50)  # before mkdocs-static-i18n (-100) reads the languages
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        # The languages of mkdocs.yml (static-i18n configures the site again per language, with ours added).
        langs = tuple(code for code in config_languages(config) if code not in self.added_languages)
        project = self.project = _load(root, langs, _signature(root))
        if self.serving:
            project = self.project = replace(project, site=SiteAddress(config.site_url, "preview"))
        if not config.plugins["i18n"].building:  # once a build, as it starts
            self.timings, self.notes, self.started = BuildTimings(), history_notes(project), time.perf_counter()
            for note in self.notes:
                log.info("Note: %s", note)
            if self.job is None and not (self.serving or self.config.quick):
                self.job = HandoutJob(project)
        self.added_languages |= languages.add_languages(config, project)
        if not self.serving:
            config.site_url = project.site_url
        languages.configure_site(config, project)
        return config

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has kept the files of the language being built
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        lang = languages.current_language(config, self._project())
        self.files[lang] = add_files(files, config, self._project(), lang)
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = COMPILED  # the theme's templates compiled once per process (web/compiled.py)
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        with self.timings.page(page.file.src_uri):
            files_of = self._files_of(page)
            return pages.page_markdown(markdown, page, self._project(), files_of, self.config.rendered_markdown)

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
        self.policy[page.file.src_uri] = self.policies.meta(config, context["base_url"])
        files_of = self._files_of(page)
        pages.page_context(context, page, config.site_url, self._project(), files_of, offline=not self.serving)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        with self.timings.page(page.file.src_uri):
            output = finishing.finish_page(output, page, config.site_url, self._project(), self._files_of(page))
            return finishing.with_policy(output, self.policy.pop(page.file.src_uri))

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig) -> dict:
        if template_name == "404.html":
            self.policy["404.html"] = self.policies.meta(config, context["base_url"])
        return context

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """The default language's 404 page, for every language: they all write it to the same place."""
        if template_name != "404.html":
            return output
        if config.plugins["i18n"].current_language in (None, self._project().languages[0]):
            output = self.not_found[config.config_file_path] = finishing.with_policy(
                output, self.policy.pop("404.html")
            )
        return self.not_found.get(config.config_file_path, output)

    def _sitemaps(self, config: MkDocsConfig) -> None:
        write_page_sitemaps(Path(config.site_dir), config.site_url)

    @event_priority(-200)  # after mkdocs-static-i18n (-100), which builds the other languages in its post_build
    def _after_build(self, config: MkDocsConfig) -> None:
        if config.plugins["i18n"].building:
            return  # a language build inside static-i18n's run
        site, project, timings = Path(config.site_dir), self._project(), self.timings
        timings.pages = time.perf_counter() - self.started
        after_build.index_search(site, timings)
        if self.config.quick:
            log.info("Quick preview (quick: true): no handouts and no offline copy; their links lead nowhere here.")
            return
        after_build.lighten(site, config, timings)
        job, self.job = self.job, None
        self.notes += after_build.move_handouts(site, project, job, timings)
        searchers = {f.search.dest_uri for f in self.files.values() if f.search is not None}
        after_build.offline(site, config, project, searchers, timings)

    on_post_build = CombinedEvent(_sitemaps, _after_build)

    def on_build_error(self, error: Exception) -> None:
        self._cancel_handouts()  # a failed build leaves no PDF process running

    def on_shutdown(self) -> None:
        self._cancel_handouts()  # however the build ended (a signal too, which on_build_error does not see)

    def _cancel_handouts(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def _files_of(self, page: Page) -> LanguageFiles:
        """The pages of `page`'s language (static-i18n sets each file's `locale`)."""
        return self.files.get(page.file.locale, LanguageFiles())

    def _project(self) -> Project:
        if self.project is None:
            raise Abort("the guide's plugin was not configured (on_config did not run)")
        return self.project
