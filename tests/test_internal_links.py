"""Every internal link and anchor of the built site resolves (linkchecker over HTTP on 127.0.0.1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from handouts.kinds import catalogue
from links.internal import linkchecker
from render.site import HANDOUTS_FOLDER, OFFLINE_ZIP
from tests.conftest import own_url
from tests.support.small import small_project
from tools.serve import serve_site
from web.config import project_at

ROOT = Path(__file__).resolve().parent.parent


def test_every_internal_link_and_anchor_resolves(base):
    result = linkchecker(base)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 errors found" in result.stdout


def test_a_broken_link_or_anchor_is_caught_with_the_page_that_holds_it(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.zip"))
    page = site / "en" / "aide" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace(
            "</article>", '<a href="../no-such-page/">x</a><a href="../glossaire/#nowhere">y</a></article>', 1
        ),
        encoding="utf-8",
    )
    with serve_site(site, url=own_url()) as base:
        result = linkchecker(base + "en/aide/", depth=1, site_root=base)  # the page and its links are enough
    assert result.returncode == 1
    assert "no-such-page" in result.stdout and "404" in result.stdout
    assert "nowhere" in result.stdout
    assert "en/aide/" in result.stdout


def test_a_plain_mkdocs_build_gives_the_whole_site_with_no_broken_link(tmp_path):
    """What a MkDocs user types: `mkdocs build` makes the handouts and the offline copy too (on the small guide
    of tests/fixtures/small-guide/, a whole site of its own)."""
    site = tmp_path / "site"
    project = small_project(tmp_path / "project")
    url = own_url()
    result = subprocess.run(
        [str(Path(sys.executable).with_name("mkdocs")), "build", "--site-dir", str(site)],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=url),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / OFFLINE_ZIP).is_file()
    for handout in catalogue(project_at(project).guide):
        assert (site / HANDOUTS_FOLDER / handout.filename).is_file(), handout.filename
    with serve_site(site, url=url) as base:
        crawl = linkchecker(base)
    assert crawl.returncode == 0 and "0 errors found" in crawl.stdout, crawl.stdout[-4000:]
