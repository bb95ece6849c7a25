"""The handouts (PDF) of the site, made alongside its pages and moved in once the pages are built.

So that a plain `mkdocs build` or `mkdocs serve` gives the whole site, with no link to a file that does not
exist. `GUIDE_QUICK=1` skips them while you edit (`make serve-quick`): the print page's links then lead
nowhere, and the log says so.
"""

from __future__ import annotations

import multiprocessing
import pickle
import shutil
import tempfile
from pathlib import Path

from mkdocs.exceptions import Abort

from guide.errors import DataError, Problem
from guide.project import Project
from handouts.build import build_handouts, qr_problems, render_handouts
from render.site import HANDOUTS_FOLDER


class HandoutJob:
    """The PDFs, made by another process while MkDocs writes the pages: they need the data, not the pages.
    `finish` waits for them, checks that each QR code leads to a page of the built site and moves them in."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.folder = Path(tempfile.mkdtemp(prefix="guide-handouts-"))
        # fork: the child has the loaded project already, nothing to send it (there are no threads to copy in
        # `mkdocs build`; `mkdocs serve` makes the PDFs in its own process instead).
        self.process = multiprocessing.get_context("fork").Process(target=_render_into, args=(self.folder, project))
        self.process.start()

    def finish(self, site: Path) -> list[Problem]:
        try:
            self.process.join()
            result = self.folder / RESULT
            if not result.is_file():
                raise Abort(f"The handouts could not be made: their process ended with status {self.process.exitcode}")
            failed, problems = pickle.loads(result.read_bytes())
            if not failed and (missing := qr_problems(site, self.project)):
                failed, problems = True, missing
            if failed:
                raise Abort("The handouts could not be made:\n" + DataError(problems).report())
            shutil.rmtree(site / HANDOUTS_FOLDER, ignore_errors=True)
            shutil.move(self.folder / HANDOUTS_FOLDER, site / HANDOUTS_FOLDER)
            return problems
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the process if it still runs (the build failed), and remove what it wrote."""
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
        shutil.rmtree(self.folder, ignore_errors=True)


RESULT = "result.pickle"  # (failed, problems): the notes of the handouts made, or why they could not be


def _render_into(folder: Path, project: Project) -> None:
    """In the child process: every PDF into folder/handouts/, and what happened into folder/result.pickle."""
    notes: list[Problem] = []
    try:
        render_handouts(folder, project, notes)
        result = (False, notes)
    except DataError as exc:
        result = (True, exc.problems)
    (folder / RESULT).write_bytes(pickle.dumps(result))


def make_handouts(site: Path, project: Project) -> list[Problem]:
    """Every PDF into site/handouts/; the notes (a handout over its page budget, say) are returned."""
    notes: list[Problem] = []
    try:
        build_handouts(site, project, notes)
    except DataError as exc:
        raise Abort("The handouts could not be made:\n" + exc.report()) from None
    return notes
