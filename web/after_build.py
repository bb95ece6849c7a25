"""Once every language is built: the search index, the theme's stylesheets pruned and our scripts and styles
minified, the PDFs moved in, the offline worker, then the offline copy that holds them. Each part is timed."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from guide.project import Project
from handouts.kinds import catalogue
from render.site import (
    HANDOUTS_FOLDER,
    OFFLINE_WORKER,
    OFFLINE_ZIP,
    SEARCH_BUNDLE,
    SEARCH_SCRIPT,
    SEARCH_STYLES,
)

from .handouts import HandoutJob, make_handouts
from .languages import site_names
from .minify import minify_css
from .offline import offline_copy
from .offline_worker import write_worker
from .prune import prune_theme_css
from .search import index_site
from .timings import BuildTimings, children_cpu

log = logging.getLogger("mkdocs.plugins.health-insurance-guide")


def index_search(site: Path, timings: BuildTimings) -> None:
    """The search index (a quick preview has search too)."""
    start, cpu = time.perf_counter(), children_cpu()
    log.info("Search: %s", index_site(site))
    timings.search, timings.search_cpu = time.perf_counter() - start, children_cpu() - cpu


def lighten(site: Path, config: MkDocsConfig, timings: BuildTimings) -> None:
    """The theme's stylesheets without the rules no page uses; our styles minified (extra_css: guide.css and the
    university's colours; the scripts are built minified, web/scripts.py)."""
    start = time.perf_counter()
    timings.css_before, timings.css_after = prune_theme_css(site)
    minify_css(site, (*config.extra_css, SEARCH_STYLES))
    timings.lighter = time.perf_counter() - start


def move_handouts(site: Path, project: Project, job: HandoutJob | None, timings: BuildTimings) -> list[str]:
    """The PDFs made beside the pages moved in (made now if no job made them); the notes they leave."""
    start = time.perf_counter()
    notes = job.finish(site) if job else make_handouts(site, project)
    spent = time.perf_counter() - start
    if job:  # made in a thread beside the pages: `spent` is what the build waited for them after
        timings.pdfs, timings.pdfs_cpu, timings.pdfs_waited = job.seconds, job.cpu, spent
    else:
        timings.pdfs = timings.pdfs_cpu = spent
    for note in notes:  # said by a plain `mkdocs build` too
        log.info("Note: %s", note)
    return [str(note) for note in notes]


def offline(site: Path, config: MkDocsConfig, project: Project, search_pages: set[str], timings: BuildTimings) -> None:
    """The offline worker, then the zip (which holds neither the worker, nor search, nor the slides)."""
    icons = [name for name in (config.theme.get("favicon"), config.theme.get("logo")) if isinstance(name, str)]
    worker = write_worker(site, project, site_names(config, project), icons)
    log.info(
        "Offline worker: %s, %d bytes (%d gzipped), version %s",
        OFFLINE_WORKER,
        worker.size,
        worker.gzip_size,
        worker.version,
    )
    start = time.perf_counter()
    online_only = (
        {  # the slides, for staff; search, which needs a server
            f"{HANDOUTS_FOLDER}/{h.filename}" for h in catalogue(project.guide) if not h.record.offline
        }
        | {f"{SEARCH_BUNDLE}/", SEARCH_SCRIPT, SEARCH_STYLES, OFFLINE_WORKER}  # a disk has no worker either
        | search_pages
    )
    offline_copy(site, site / OFFLINE_ZIP, config.site_url or "", frozenset(online_only))
    timings.offline = time.perf_counter() - start
