"""Pack a built site into a zip that students can download and open from the disk."""

from __future__ import annotations

import zipfile
from pathlib import Path

OFFLINE_ZIP = "health-insurance-guide-offline.zip"  # linked from the home pages


def zip_site(site: Path, target: Path, folder: str = "health-insurance-guide") -> None:
    """Write every file of `site` into `target`, below one top folder, in a stable order."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for file in sorted(p for p in site.rglob("*") if p.is_file()):
            archive.write(file, f"{folder}/{file.relative_to(site).as_posix()}")
