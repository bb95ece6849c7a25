"""The handouts (PDF) of the site, laid out by Typst in a thread while MkDocs writes the pages, and moved in once
the pages are built.

So that a plain `mkdocs build` or `mkdocs serve` gives the whole site, with no link to a file that does not exist.
The plugin's `quick` option (GUIDE_QUICK=true) skips them while you edit (`make serve-quick`): the print page's
links then lead nowhere, and the log says so. Typst lets other threads run while it lays a page out, and every PDF
`make check` laid out before is taken from the cache (handouts/engine.py).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from pathlib import Path

from mkdocs.exceptions import Abort

from guide.errors import DataError, Problem
from guide.project import Project
from handouts.build import qr_problems, render_handouts
from render.site import HANDOUTS_FOLDER


class HandoutJob:
    """The PDFs, made in a thread while MkDocs writes the pages: they need the data, not the pages. `finish`
    waits for them, checks that each QR code leads to a page of the built site and moves them in."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.seconds = 0.0  # how long the PDFs took in their thread
        self.cpu = 0.0  # the processor time they took
        self.folder = Path(tempfile.mkdtemp(prefix="guide-handouts-"))
        self.notes: list[Problem] = []
        self.failure: DataError | None = None
        self.cancelled = threading.Event()
        self.thread = threading.Thread(target=self._run, name="handouts", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            render_handouts(self.folder, self.project, self.notes)
        except DataError as exc:
            self.failure = exc
        except OSError:
            if not self.cancelled.is_set():  # else its folder was removed under it: the build is over
                raise
        if self.cancelled.is_set():  # cancelled while it wrote: what it wrote goes too
            shutil.rmtree(self.folder, ignore_errors=True)
        self.seconds, self.cpu = time.perf_counter() - start, time.thread_time() - cpu

    def finish(self, site: Path) -> list[Problem]:
        """Wait for the PDFs, check their QR codes against the built `site`, move them in; the notes."""
        try:
            self.thread.join()
            failures = self.failure.problems if self.failure else qr_problems(site, self.project)
            if failures:
                raise Abort("The handouts could not be made:\n" + DataError(failures).report())
            shutil.rmtree(site / HANDOUTS_FOLDER, ignore_errors=True)
            shutil.move(self.folder / HANDOUTS_FOLDER, site / HANDOUTS_FOLDER)
            return sorted(self.notes, key=str)
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Remove what the thread wrote (the build failed or finished); a thread still laying out is left to end
        on its own: it writes only into this job's folder, which is then gone (it removes again what it wrote
        after this)."""
        self.cancelled.set()
        shutil.rmtree(self.folder, ignore_errors=True)


def make_handouts(site: Path, project: Project) -> list[Problem]:
    """Every PDF into site/handouts/ (in this thread); the notes (a handout over its page budget, say)."""
    notes: list[Problem] = []
    problems = qr_problems(site, project)
    try:
        if problems:
            raise DataError(problems)
        render_handouts(site, project, notes)
    except DataError as exc:
        raise Abort("The handouts could not be made:\n" + exc.report()) from None
    return notes
