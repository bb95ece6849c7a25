"""The files of one language's build that the data and the code make: a route page per situation, the university's
colours, the feed of what changed and the scripts (built from browser/), all in memory; and which page shows each
step, which calls the search widget.

MkDocs keeps files, not pages, at this point: what each page says is worked out later (web/pages.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from guide.project import Project
from macros.pages import step_pages, widget_calls
from render.changes import atom_feed
from render.palette import university_css
from render.site import UNIVERSITY_CSS, changes_feed, home_path, route_source, route_url

from .scripts import site_scripts

# Files of the theme that no page of this guide loads: search (turned off), its workers, and source maps.
UNUSED_THEME_FILES = re.compile(r"^assets/javascripts/(lunr|workers)/|\.map$")
# A route page's only text: it is not searched, since its steps are found on the pages that explain them. What
# it shows is rendered from the data directly (web/pages.py), never written here as template source.
ROUTE_PAGE = "---\nsearch:\n  exclude: true\n---\n"


@dataclass
class LanguageFiles:
    """One language's pages, as MkDocs files."""

    steps: dict[str, File] = field(default_factory=dict)  # step id -> the page that shows it in full
    routes: dict[str, File] = field(default_factory=dict)  # profile id -> its route page
    pages: dict[str, File] = field(default_factory=dict)  # source ('fr/glossaire.md') -> the writers' pages
    search: File | None = None  # the page that calls the search widget

    def route_of(self, file: File) -> str | None:
        """The profile whose route page `file` is, if it is one."""
        return next((profile_id for profile_id, f in self.routes.items() if f is file), None)


def page_calling(pages: list[tuple[File, str]], widget: str) -> File | None:
    """The first of `pages` (file, Markdown source) whose source calls `widget`."""
    return next((f for f, source in pages if any(c.name == widget for c in widget_calls(source))), None)


def add_files(files: Files, config: MkDocsConfig, project: Project, lang: str) -> LanguageFiles:
    """Add the data's files to `files` (the language being built); where its pages are."""
    feed = changes_feed(lang, project.languages[0])
    scripts = site_scripts()
    generated = {f"{lang}/{route_source(p.id)}" for p in project.guide.profiles} | {UNIVERSITY_CSS, feed, *scripts}
    for stale in [f for f in files if f.src_uri in generated]:  # left on the disk by an older version
        files.remove(stale)
    for unused in [f for f in files if UNUSED_THEME_FILES.search(f.src_uri)]:
        files.remove(unused)
    found = LanguageFiles()
    for profile in project.guide.profiles:
        versions = {code: _route_file(config, project, code, profile.id) for code in project.languages}
        for version in versions.values():
            version.alternates = versions
        found.routes[profile.id] = versions[lang]
        files.append(versions[lang])
    files.append(File.generated(config, UNIVERSITY_CSS, content=university_css(project.university)))
    for path, text in scripts.items():  # built from browser/ (web/scripts.py)
        files.append(File.generated(config, path, content=text))
    i18n = config.plugins["i18n"]
    if hasattr(i18n, "i18n_files_per_language"):  # what static-i18n's sitemap lists, route pages included
        i18n.i18n_files_per_language[lang] = files.documentation_pages()
    pages = [
        (f, f.content_string)
        for f in files.documentation_pages()
        if getattr(f, "locale", lang) == lang and not f.generated_by
    ]
    found.pages = {f.src_uri: f for f, _ in pages}
    files.append(_feed_file(config, project, lang, pages))
    shown = step_pages(((f.src_uri, source) for f, source in pages), project.university)
    found.steps = {step_id: found.pages[name] for step_id, name in shown.items()}
    found.search = page_calling(pages, "search")
    return found


def _feed_file(config: MkDocsConfig, project: Project, lang: str, pages: list[tuple[File, str]]) -> File:
    """The Atom feed of what changed, for `lang`; its entries link to the page that lists the changes (the one
    that calls the `changes` widget; the home page if none does)."""
    path = changes_feed(lang, project.languages[0])
    lister = page_calling(pages, "changes")
    page_url = project.site_url + (lister.url if lister else home_path(lang, project.languages[0]))
    content = atom_feed(project, lang, project.history, project.site_url + path, page_url)
    file = File.generated(config, path, content=content)
    file.dest_uri = path
    return file


def _route_file(config: MkDocsConfig, project: Project, lang: str, profile_id: str) -> File:
    """A situation's route page in `lang`, in memory, placed and named as static-i18n places its pages."""
    file = File.generated(config, f"{lang}/{route_source(profile_id)}", content=ROUTE_PAGE)
    url = route_url(profile_id, lang, project.languages[0])
    file.dest_uri = url + "index.html" if config.use_directory_urls else url.rstrip("/") + ".html"
    file.locale = file.localization = lang
    file.locale_alternate_of = config.plugins["i18n"].current_language or lang
    file.norm_src_uri = route_source(profile_id)
    return file
