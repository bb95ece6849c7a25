"""After the last language is built: the handouts (PDF) and the offline copy (zip).

So that a plain `mkdocs build` or `mkdocs serve` gives the whole site, with no link to a file that does not
exist. `GUIDE_QUICK=1` skips both while you edit (`make serve-quick`): the print page's links then lead
nowhere, and the log says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.exceptions import Abort

from guide.errors import DataError, Problem
from guide.project import Project
from handouts.build import build_handouts
from render.site import HANDOUTS_FOLDER, OFFLINE_ZIP

OFFLINE_CONFIG = "mkdocs.offline.yml"
# What only a web server uses: read from the disk, nothing shows the 404 page, and its links are absolute.
SERVER_ONLY = ("404.html",)


def make_handouts(site: Path, project: Project) -> list[Problem]:
    """Every PDF into site/handouts/; the notes (a handout over its page budget, say) are returned."""
    notes: list[Problem] = []
    try:
        build_handouts(site, project, notes)
    except DataError as exc:
        raise Abort("The handouts could not be made:\n" + exc.report()) from None
    return notes


def make_offline_copy(root: Path, site: Path, site_url: str) -> None:
    """The site built again with links to files (mkdocs.offline.yml), with the handouts, zipped into the site."""
    with tempfile.TemporaryDirectory(prefix="guide-offline-") as tmp:
        offline = Path(tmp) / "site"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", OFFLINE_CONFIG, "-d", str(offline)],
            cwd=root,
            env=dict(os.environ, SITE_URL=site_url),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise Abort("The offline copy could not be built:\n" + (result.stdout + result.stderr).strip())
        shutil.copytree(site / HANDOUTS_FOLDER, offline / HANDOUTS_FOLDER)
        zip_site(offline, site / OFFLINE_ZIP)


def zip_site(site: Path, target: Path, folder: str = "health-insurance-guide") -> None:
    """Write every file of `site` (but what only a server uses) into `target`, below one top folder, in a
    stable order."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        kept = (p for p in site.rglob("*") if p.is_file() and p.relative_to(site).as_posix() not in SERVER_ONLY)
        for file in sorted(kept):
            archive.write(file, f"{folder}/{file.relative_to(site).as_posix()}")
