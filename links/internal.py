"""Crawl the built site with linkchecker, served over HTTP under its site_url path, anchors included."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000

[filtering]
checkextern=0
internlinks=^{internal}
# The theme's scripts are not pages.
ignore=
  /assets/javascripts/

[AnchorCheck]
"""


def linkchecker(
    base_url: str, depth: int | None = None, site_root: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run linkchecker from `base_url` (`depth` levels deep, or the whole site); exit 0 only if all resolves.

    Every URL below `site_root` (default: `base_url`) counts as internal and is checked."""
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text(CONFIG.replace("{internal}", re.escape(site_root or base_url)), encoding="utf-8")
        config.chmod(0o644)
        Path(tmp).chmod(0o755)  # linkchecker running as root drops to 'nobody', who must read it
        command = [
            str(Path(sys.executable).with_name("linkchecker")),
            "--config",
            str(config),
            "--no-status",
            "--output",
            "text",
            *(["--recursion-level", str(depth)] if depth is not None else []),
            base_url,
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=900)
