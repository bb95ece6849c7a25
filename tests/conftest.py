"""Shared fixtures: the real data, a built copy of the site, and broken copies."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.model import Guide
from guide.ui import Labels
from tests.support.need import need
from tools.browser import chromium_path, launch_chromium
from tools.serve import serve_site
from web.config import project_at

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The test site is built for the address it is served at, so that its absolute links
# (alternates, language switch on the home page, QR codes) lead to the test server.
# Each pytest-xdist worker serves its own copy of the site, on a port of its own.
if "PYTEST_XDIST_WORKER" in os.environ or "SITE_URL" not in os.environ:
    os.environ["SITE_URL"] = f"http://127.0.0.1:{_free_port()}/health-insurance-guide/"
# What a copy of the project needs in order to build (its code runs from the copy: `python -m` puts the
# working folder first on the import path).
PROJECT_PARTS = (
    "mkdocs.yml",
    "overrides",
    "content",
    "data",
    "guide",
    "render",
    "macros",
    "handouts",
    "web",
    "links",
    "tools",
)


@pytest.fixture(scope="session")
def languages() -> tuple[str, ...]:
    return project_at(ROOT).languages


@pytest.fixture(scope="session")
def guide() -> Guide:
    """The guide as published: national facts with the university's layer."""
    return project_at(ROOT).guide


@pytest.fixture(scope="session")
def labels() -> Labels:
    return project_at(ROOT).labels


def copy_project(dest: Path) -> Path:
    """A copy of the buildable parts of the project in `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def run_build(project: Path, site_dir: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of `project` into `site_dir`, as `make build` runs it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config, "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def run_full_build(project: Path, site_dir: Path, own_url: bool = False) -> subprocess.CompletedProcess[str]:
    """The whole build (site, handouts, offline copy) as `make build` runs it; `own_url`: the project's address."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if own_url:
        env.pop("SITE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "tools.build", "--project", str(project), "--out", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with its handouts, built once per test session into a temporary folder."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_full_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def project_copy(tmp_path: Path) -> Callable[[], Path]:
    """Make a fresh copy of the project to break."""
    return lambda: copy_project(tmp_path / "project")


@pytest.fixture(scope="module")
def browser():
    """The system's Chromium, closed to the network (a missing Chromium fails in CI, skips loudly elsewhere)."""
    need(chromium_path() is not None, "Chromium")
    with launch_chromium() as b:
        yield b


@pytest.fixture(scope="module")
def base(built_site):
    """The built site served on 127.0.0.1 under its site_url path; yields its base URL."""
    with serve_site(built_site) as url:
        yield url
