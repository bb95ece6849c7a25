"""The service worker that keeps the pages a student opened readable offline (sw.js at the site's root).

Its code is web/offline_worker.js; the build puts in what it needs to know: a version that changes with every
file of the site (a new build replaces what phones kept), the theme's files to keep at once, what is never kept
(search, the offline zip), the folder of the path pages (kept in every language), and for each language what
the pages say offline and the page shown for a page never opened, its texts escaped for HTML. It is our own
script: the site's policy allows scripts from the site only.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
from dataclasses import dataclass
from pathlib import Path

import rjsmin

from guide.project import Project
from render.site import (
    OFFLINE_WORKER,
    OFFLINE_ZIP,
    PAGE_OPENING_SCRIPTS,
    ROUTES_FOLDER,
    SEARCH_BUNDLE,
    SEARCH_SCRIPT,
    SEARCH_STYLES,
    UNIVERSITY_CSS,
    home_path,
)

from .scripts import BROWSER

SOURCE = BROWSER / "offline_worker.js"
DATA = "var OFFLINE = {};"  # what the build replaces in the source
NEVER_KEPT = (f"{SEARCH_BUNDLE}/", SEARCH_SCRIPT, SEARCH_STYLES, OFFLINE_ZIP)
OWN_FILES = ("assets/guide.css", UNIVERSITY_CSS, *PAGE_OPENING_SCRIPTS)


@dataclass(frozen=True)
class Worker:
    """What was written: its size, and the version the pages kept now belong to."""

    version: str
    size: int
    gzip_size: int


def site_version(site: Path) -> str:
    """A digest of every file of the built site (but the worker and the zip): it changes when any page does."""
    digest = hashlib.sha256()
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = file.relative_to(site).as_posix()
        if rel in (OFFLINE_WORKER, OFFLINE_ZIP):
            continue
        digest.update(rel.encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:16]


def theme_files(site: Path, icons: list[str]) -> list[str]:
    """The files every page's look needs, as paths below the site root: the theme's stylesheets and script,
    ours, the icons (favicon, logo). Not the search's, and not the scripts fetched on demand."""
    found = sorted(p.relative_to(site).as_posix() for p in (site / "assets" / "stylesheets").glob("*.css"))
    found += sorted(p.relative_to(site).as_posix() for p in (site / "assets" / "javascripts").glob("bundle.*.js"))
    found += [name for name in (*OWN_FILES, *icons) if (site / name).is_file()]
    return list(dict.fromkeys(found))


def not_kept_page(project: Project, lang: str, stylesheets: list[str], site_name: str, home: str) -> str:
    """The page for an address never opened, in `lang`: the theme's look, the texts of data/ui.yaml, no script.
    `{root}` stands for the site's root address, which the worker knows."""
    labels = project.labels
    title, text = labels.get("offline_page_title", lang), labels.get("offline_page_text", lang)
    links = "".join(f'<link rel="stylesheet" href="{{root}}{html.escape(s)}">' for s in stylesheets)
    return (
        f'<!doctype html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{html.escape(title)} - {html.escape(site_name)}</title>{links}</head>"
        '<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">'
        '<header class="md-header"><nav class="md-header__inner md-grid"><div class="md-header__title">'
        f'<div class="md-header__topic"><span class="md-ellipsis">{html.escape(site_name)}</span></div>'
        "</div></nav></header>"
        '<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">'
        '<div class="md-content"><article class="md-content__inner md-typeset">'
        f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p>"
        f'<p><a href="{{root}}{html.escape(home)}">{html.escape(labels.get("offline_page_home", lang))}</a></p>'
        "</article></div></div></main></div></body></html>"
    )


def write_worker(site: Path, project: Project, site_names: dict[str, str], icons: list[str]) -> Worker:
    """sw.js, minified, at the root of the built `site`; `site_names`: the site's name in each language."""
    version = site_version(site)
    shell = theme_files(site, icons)
    stylesheets = [s for s in shell if s.endswith(".css")]
    default = project.languages[0]
    prefixes = {lang: home_path(lang, default) for lang in project.languages}  # each one's home
    languages = [
        {
            "prefix": prefix,
            "offline": project.labels.get("offline_reading", lang),
            "updated": project.labels.get("offline_updated", lang),
            "html": not_kept_page(project, lang, stylesheets, site_names.get(lang, ""), prefix),
        }
        for lang, prefix in prefixes.items()
    ]
    data = {
        "version": version,
        "shell": shell,
        "skip": list(NEVER_KEPT),
        "paths": f"{ROUTES_FOLDER}/",
        "languages": languages,
    }
    source = SOURCE.read_text(encoding="utf-8")
    if DATA not in source:
        raise RuntimeError(f"{SOURCE.name} lost its line {DATA!r}, where the build writes what the worker knows")
    code = rjsmin.jsmin(source.replace(DATA, f"var OFFLINE = {json.dumps(data, ensure_ascii=True)};", 1))
    (site / OFFLINE_WORKER).write_text(code, encoding="utf-8")
    raw = code.encode("utf-8")
    return Worker(version, len(raw), len(gzip.compress(raw, 9)))
