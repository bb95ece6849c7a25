"""Pack a built site into a zip that students can download and open from the disk."""

from __future__ import annotations

import zipfile
from pathlib import Path

OFFLINE_ZIP = "health-insurance-guide-offline.zip"  # linked from the home pages
# What only a web server uses: read from the disk, nothing shows the 404 page, and its links are absolute.
SERVER_ONLY = ("404.html",)


def zip_site(site: Path, target: Path, folder: str = "health-insurance-guide") -> None:
    """Write every file of `site` (but what only a server uses) into `target`, below one top folder, in a
    stable order."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        kept = (p for p in site.rglob("*") if p.is_file() and p.relative_to(site).as_posix() not in SERVER_ONLY)
        for file in sorted(kept):
            archive.write(file, f"{folder}/{file.relative_to(site).as_posix()}")
