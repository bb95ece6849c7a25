"""A build that stops (SIGTERM, Ctrl-C, or the `make` that started it killed) leaves the site as it was, no
half-written folder and no process behind; two builds at once each use their own folder and both finish."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import copy_project
from tests.support.need import need

SENTINEL = "the site as it was before the build"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("stops") / "project")


def old_site(folder: Path) -> Path:
    site = folder / "site"
    site.mkdir()
    (site / "index.html").write_text(SENTINEL, encoding="utf-8")
    return site


def leftovers(folder: Path) -> list[str]:
    """What a build may have left beside its site: its working folder, the old site set aside."""
    names = (p.name for p in folder.iterdir())
    return sorted(n for n in names if ".building-" in n or ".old-" in n or n.endswith(".tmp"))  # .tmp: before


def build_command(project: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "tools.build", "--project", str(project), "--out", str(site)]


def environment(tmp: Path) -> dict[str, str]:
    """Temporary files (the PDFs' working folder) in a folder of the test's own, to be seen to go."""
    (tmp / "tmp").mkdir()
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", TMPDIR=str(tmp / "tmp"))


def wait_for_pages(folder: Path, process: subprocess.Popen) -> None:
    """Until the build is writing its pages (the PDFs are then being laid out beside them)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if any(folder.glob(".site.building-*/**/index.html")) or any(folder.glob("site.tmp/**/index.html")):
            return
        time.sleep(0.02)
    pytest.fail("the build never started writing its pages")


def alive(pid: int) -> bool:
    """True while the process runs (a zombie waiting for its parent counts as ended)."""
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_build_stopped_by_sigterm_leaves_the_site_and_nothing_else(project, tmp_path):
    site = old_site(tmp_path)
    env = environment(tmp_path)
    process = subprocess.Popen(
        build_command(project, site), cwd=project, env=env, start_new_session=True, stderr=subprocess.PIPE, text=True
    )
    wait_for_pages(tmp_path, process)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr[-2000:]
    assert "Build stopped (SIGTERM)" in stderr and "Traceback" not in stderr, stderr[-2000:]
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == SENTINEL
    assert leftovers(tmp_path) == []
    assert list(Path(env["TMPDIR"]).iterdir()) == []  # the PDFs' working folder too
    deadline = time.monotonic() + 10
    while group_alive(process.pid) and time.monotonic() < deadline:  # the search indexer, if it had started
        time.sleep(0.1)
    assert not group_alive(process.pid), "a process of the stopped build runs on"


def test_a_build_whose_starter_is_killed_stops_too(project, tmp_path):
    """`make build` killed: the build it started notices that nobody waits for it any more, and stops."""
    need(Path("/proc/self/stat").exists(), "/proc (Linux)")
    site = old_site(tmp_path)
    env = environment(tmp_path)
    starter = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import subprocess, sys; p = subprocess.Popen(sys.argv[1:]); print(p.pid, flush=True); p.wait()",
            *build_command(project, site),
        ],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    child = int(starter.stdout.readline())
    wait_for_pages(tmp_path, starter)
    starter.kill()
    starter.wait()
    deadline = time.monotonic() + 30
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(child), "the build runs on without the process that started it"
    assert (site / "index.html").read_text(encoding="utf-8") == SENTINEL
    assert leftovers(tmp_path) == []
    assert list(Path(env["TMPDIR"]).iterdir()) == []


def test_two_builds_at_once_both_finish_and_leave_one_whole_site(project, tmp_path):
    site = old_site(tmp_path)
    env = environment(tmp_path)
    builds = [
        subprocess.Popen(build_command(project, site), cwd=project, env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    said = [b.communicate(timeout=600)[1] for b in builds]
    assert [b.returncode for b in builds] == [0, 0], said
    from handouts.kinds import catalogue
    from web.config import project_at

    expected = {h.filename for h in catalogue(project_at(project).guide)}
    assert {p.name for p in (site / "handouts").iterdir()} == expected
    assert SENTINEL not in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "en" / "index.html").is_file() and (site / "sitemap.xml").is_file()
    assert leftovers(tmp_path) == []
