"""MkDocs hook: after the last language is built, the handouts (PDF) and the offline copy (zip).

So that a plain `mkdocs build` or `mkdocs serve` gives the whole site, with no link
to a file that does not exist. `GUIDE_QUICK=1` skips both while you edit (`make
serve-quick`): the print page's links then lead nowhere, and the log says so.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from guide.errors import DataError  # noqa: E402
from guide.siteaddress import SiteAddress  # noqa: E402
from handouts.build import build_handouts  # noqa: E402
from handouts.catalogue import FOLDER  # noqa: E402
from macros.model_cache import load_once  # noqa: E402
from tools.zip_site import OFFLINE_ZIP, zip_site  # noqa: E402

OFFLINE_CONFIG = "mkdocs.offline.yml"
SERVING = "GUIDE_MKDOCS_SERVE"  # set by hooks/university.py while `mkdocs serve` runs
log = logging.getLogger("mkdocs.hooks.extras")


def _offline(config: MkDocsConfig) -> bool:
    """True for the offline copy (mkdocs.offline.yml)."""
    return bool(config.extra.get("offline"))


@event_priority(-200)  # after mkdocs-static-i18n (-100), which builds the other languages in its own post_build
def on_post_build(config: MkDocsConfig) -> None:
    """Once every language is built: the PDFs, then the offline copy that holds them."""
    if config.plugins["i18n"].building or _offline(config):
        return  # a language build inside static-i18n's run, or the offline copy itself
    if os.environ.get("GUIDE_QUICK"):
        log.warning("GUIDE_QUICK is set: no handouts and no offline copy; their links lead nowhere in this preview.")
        return
    root = Path(config.config_file_path).resolve().parent
    site = Path(config.site_dir)
    try:
        project = load_once(root)
        if os.environ.get(SERVING):  # `mkdocs serve`: the handouts point to the preview being served
            project = replace(project, site=SiteAddress(config.site_url, "preview"))
        notes: list = []
        build_handouts(site, project, notes)
        for note in notes:  # tools.build repeats these lines after the build
            log.info("Note: %s", note)
    except DataError as exc:
        raise Abort("The handouts could not be made:\n" + exc.report()) from None
    with tempfile.TemporaryDirectory(prefix="guide-offline-") as tmp:
        offline = Path(tmp) / "site"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", OFFLINE_CONFIG, "-d", str(offline)],
            cwd=root,
            env=dict(os.environ, SITE_URL=config.site_url or ""),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise Abort("The offline copy could not be built:\n" + (result.stdout + result.stderr).strip())
        shutil.copytree(site / FOLDER, offline / FOLDER)
        zip_site(offline, site / OFFLINE_ZIP)
