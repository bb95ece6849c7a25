"""The handouts (PDF) of the site, made alongside its pages and moved in once the pages are built.

So that a plain `mkdocs build` or `mkdocs serve` gives the whole site, with no link to a file that does not
exist. `GUIDE_QUICK=1` skips them while you edit (`make serve-quick`): the print page's links then lead
nowhere, and the log says so.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
import tempfile
import time
from pathlib import Path

from mkdocs.exceptions import Abort

from guide.errors import DataError, Problem
from guide.project import Project
from handouts.build import build_handouts, qr_problems, render_handouts
from handouts.kinds import shares as handout_shares
from render.site import HANDOUTS_FOLDER


class HandoutJob:
    """The PDFs, made by other processes while MkDocs writes the pages: they need the data, not the pages.
    `finish` waits for them, checks that each QR code leads to a page of the built site and moves them in."""

    def __init__(self, project: Project, workers: int = min(2, os.cpu_count() or 1)) -> None:
        self.project = project
        self.seconds = 0.0  # how long the longest share of the PDFs took in its process
        self.folder = Path(tempfile.mkdtemp(prefix="guide-handouts-"))
        shares = [set(share) for share in handout_shares(project.guide, workers)]
        # fork: each child has the loaded project already, nothing to send it (there are no threads to copy in
        # `mkdocs build`; `mkdocs serve` makes the PDFs in its own process instead).
        context = multiprocessing.get_context("fork")
        self.processes = [
            context.Process(target=_render_into, args=(self.folder, project, share, i))
            for i, share in enumerate(shares)
        ]
        for process in self.processes:
            process.start()

    def finish(self, site: Path) -> list[Problem]:
        try:
            notes: list[Problem] = []
            failures: list[Problem] = []
            for i, process in enumerate(self.processes):
                process.join()
                result = self.folder / f"result-{i}.pickle"
                if not result.is_file():
                    raise Abort(f"The handouts could not be made: their process ended with status {process.exitcode}")
                failed, problems, seconds = pickle.loads(result.read_bytes())
                (failures if failed else notes).extend(problems)
                self.seconds = max(self.seconds, seconds)
            failures = failures or qr_problems(site, self.project)
            if failures:
                raise Abort("The handouts could not be made:\n" + DataError(failures).report())
            shutil.rmtree(site / HANDOUTS_FOLDER, ignore_errors=True)
            shutil.move(self.folder / HANDOUTS_FOLDER, site / HANDOUTS_FOLDER)
            return sorted(notes, key=str)
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the processes still running (the build failed), and remove what they wrote."""
        for process in self.processes:
            if process.is_alive():
                process.terminate()
                process.join()
        shutil.rmtree(self.folder, ignore_errors=True)


def _render_into(folder: Path, project: Project, share: set[str], index: int) -> None:
    """In a child process: the PDFs of `share` into folder/handouts/, and what happened into
    folder/result-<index>.pickle: (failed, problems, seconds), the notes or why they could not be made."""
    notes: list[Problem] = []
    start = time.perf_counter()
    try:
        render_handouts(folder, project, notes, only=share)
        result = (False, notes, time.perf_counter() - start)
    except DataError as exc:
        result = (True, exc.problems, time.perf_counter() - start)
    (folder / f"result-{index}.pickle").write_bytes(pickle.dumps(result))


def make_handouts(site: Path, project: Project) -> list[Problem]:
    """Every PDF into site/handouts/; the notes (a handout over its page budget, say) are returned."""
    notes: list[Problem] = []
    try:
        build_handouts(site, project, notes)
    except DataError as exc:
        raise Abort("The handouts could not be made:\n" + exc.report()) from None
    return notes
