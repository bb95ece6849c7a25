"""Shared fixtures: the real data, a built copy of the site, and broken copies."""

from __future__ import annotations

import fcntl
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.model import Guide
from guide.ui import Labels
from handouts.engine import CACHE_VARIABLE
from tests.support.need import need
from tools.browser import chromium_path, launch_chromium
from tools.serve import PREFIX, serve_site, serving
from web.config import project_at
from web.scripts import BROWSER

ROOT = Path(__file__).resolve().parent.parent


SHARED_VARIABLE = "GUIDE_TEST_SHARED"  # a folder every worker of one test run shares: the real site, built once
STABLE_PORTS = range(8765, 8775)  # the test address, the same from run to run when a port is free: the PDFs
# carry it in their QR codes, so the same address means the same PDFs, taken from the cache (handouts/engine.py)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def own_url() -> str:
    """An address of its own on this computer, for a site a test builds and serves apart from the real one."""
    return f"http://127.0.0.1:{free_port()}/health-insurance-guide/"


def _stable_server(root: Path) -> http.server.ThreadingHTTPServer:
    """A server of `root` on the first free port of STABLE_PORTS (any free port if none is)."""
    for port in STABLE_PORTS:
        try:
            return serving(root, port)
        except OSError:
            continue
    return serving(root, 0)


def pytest_configure(config: pytest.Config) -> None:
    """Once per test run, in the process that starts the workers (they inherit what it sets): a folder they
    share, the test address, and a server there for the real site, which the first worker to need it builds."""
    if hasattr(config, "workerinput"):
        return
    shared = Path(tempfile.mkdtemp(prefix="guide-tests-"))
    (shared / "site").mkdir()
    server = _stable_server(shared / "site")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    os.environ[SHARED_VARIABLE] = str(shared)
    os.environ["SITE_URL"] = f"http://127.0.0.1:{server.server_port}{PREFIX}"
    os.environ.setdefault(CACHE_VARIABLE, str(ROOT / "build" / "pdf-cache"))  # shared by the fork run too
    # Where readers report a problem: the repository GitHub Actions runs in, else a test one (as a clone of a fork).
    os.environ.setdefault("GITHUB_REPOSITORY", "some-university/health-insurance-guide")
    config.stash[_SHARED] = (shared, server)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _SHARED in config.stash:
        shared, server = config.stash[_SHARED]
        server.shutdown()
        server.server_close()
        shutil.rmtree(shared, ignore_errors=True)


_SHARED = pytest.StashKey[tuple[Path, http.server.ThreadingHTTPServer]]()


# What a copy of the project needs in order to build (its code runs from the copy: `python -m` puts the
# working folder first on the import path).
PROJECT_PARTS = (
    "mkdocs.yml",
    "overrides",
    "browser",
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


def run_build(
    project: Path, site_dir: Path, config: str = "mkdocs.yml", url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of `project` into `site_dir`, as `make build` runs it (for `url`, if given)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **({"SITE_URL": url} if url else {}))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config, "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def run_full_build(
    project: Path, site_dir: Path, own_url: bool = False, url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The whole build (site, handouts, offline copy) as `make build` runs it; `own_url`: the project's address;
    `url`: this address (default: the test address)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **({"SITE_URL": url} if url else {}))
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
def built_site() -> Path:
    """The real site with its handouts, built once per test run (by the first worker to need it, the others
    waiting), for the test address, where the run's server serves it."""
    shared = Path(os.environ[SHARED_VARIABLE])
    site = shared / "site"
    with (shared / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / "site.built").exists():
            result = run_full_build(ROOT, shared / "build" / "site")
            assert result.returncode == 0, result.stdout + result.stderr
            for item in (shared / "build" / "site").iterdir():  # into the folder the server was started on
                item.rename(site / item.name)
            (shared / "site.built").touch()
    return site


@pytest.fixture
def project_copy(tmp_path: Path) -> Callable[[], Path]:
    """Make a fresh copy of the project to break."""
    return lambda: copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def browser():
    """The system's Chromium, closed to the network, one per worker (a missing Chromium fails in CI, skips loudly
    elsewhere)."""
    need(chromium_path() is not None, "Chromium")
    with launch_chromium() as b:
        yield b


@pytest.fixture(scope="module")
def modules(browser):
    """A page that imports the browser code's modules as they are written (browser/, served as it is), from
    browser/tests/: `await import("../lib/calendar.js")`."""
    with serve_site(BROWSER, prefix="/") as served:
        page = browser.new_page()
        page.goto(served + "tests/")
        yield page
        page.close()


@pytest.fixture(scope="session")
def base(built_site: Path) -> str:
    """The base URL the run's server serves the real site at (the test address it was built for)."""
    return os.environ["SITE_URL"]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A copy of the project as the fictional university's fork (its file and its SVG logo), made once per test
    module, for the hostile-input tests to copy for each case."""
    fixture = Path(__file__).resolve().parent / "fixtures" / "other-university"
    project = copy_project(tmp_path_factory.mktemp("pristine") / "project")
    shutil.copy(fixture / "university.yaml", project / "data" / "university.yaml")
    shutil.copy(fixture / "valmont-logo.svg", project / "content" / "assets" / "valmont-logo.svg")
    return project
