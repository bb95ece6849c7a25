"""The whole build: `mkdocs build` (site, handouts, offline copy) into a staging folder; `site/` is replaced only
on success.

Usage: python -m tools.build [--project DIR] [--out DIR] [--timings FILE.json]
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from guide.errors import DataError
from guide.project import Project
from web.build import BuildFailed, Built, build_site
from web.config import project_at


def build(project: Path, out: Path) -> tuple[Project, Built, float]:
    """Build everything into a staging folder, then swap it in place of `out`. The checked project, what the
    build left to tell (notes, timings by part) and its seconds."""
    try:
        checked = project_at(project)  # the data and the pages are checked again by the plugin, as it starts
    except DataError as exc:
        raise BuildFailed("The guide's data has problems:\n" + exc.report()) from None
    out.parent.mkdir(parents=True, exist_ok=True)
    # A folder of this build's own: two builds at once never write into each other's.
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    start = time.perf_counter()
    try:
        built = build_site(project, stage)
        seconds = time.perf_counter() - start
        _swap(stage, out)
    except BaseException:  # failed, or stopped (Ctrl-C, SIGTERM): nothing half-written is left behind
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return checked, built, seconds


STOPPING = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C or SIGTERM wait until the two renames are done: `out` is the old site or the new, never none."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """One build at a time puts its folder in place of `out` (a lock file beside it)."""
    with open(out.parent / f".{out.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _swap(stage: Path, out: Path) -> None:
    """`stage` becomes `out`; the old `out` is set aside by a rename first, then removed."""
    with _locked(out), _signals_held():
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            out.rename(old / out.name)
        stage.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def stop_like_ctrl_c() -> None:
    """SIGTERM and SIGHUP stop the build as Ctrl-C does, so that it cleans up: its folder is removed, the PDF
    thread and the search indexer end with it. So does the loss of the process that started it (`make`
    killed): a build nobody waits for does not run on."""

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(signal.Signals(signum).name)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    parser.add_argument("--out", type=Path, default=None, help="where the site goes (default: PROJECT/site)")
    parser.add_argument("--timings", type=Path, default=None, help="also write what each part took there, as JSON")
    args = parser.parse_args()
    args.project = args.project.resolve()
    out = args.out or args.project / "site"
    stop_like_ctrl_c()
    try:
        project, built, seconds = build(args.project, out)
    except BuildFailed as exc:
        print(f"Build failed; {out} was left as it was.\n{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:
        print(f"Build stopped ({exc or 'Ctrl-C'}); {out} was left as it was.", file=sys.stderr)
        return 130
    print(f"Built {out} (site, handouts and offline copy {seconds:.1f} s: {'; '.join(built.timings.parts())}).")
    if args.timings:
        args.timings.write_text(json.dumps({"seconds": seconds, **built.timings.as_dict()}, indent=1), encoding="utf-8")
    for note in built.notes:
        print(f"Note: {note}")
    if project.site.preview:
        print(
            f"PREVIEW ONLY: no published address is known, so the handouts' QR codes and the links point to "
            f"{project.site_url} (this computer). Do not print these handouts: set site_url in "
            f"data/university.yaml, push to GitHub, or set SITE_URL, then build again."
        )
    else:
        print(f"Published address: {project.site_url} (from {project.site.origin}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
