"""Our own stylesheets minified in the built site; the readable source stays in content/assets/ (the scripts are
built minified from browser/, web/scripts.py)."""

from __future__ import annotations

from pathlib import Path

import rcssmin


def minify_css(site: Path, names: tuple[str, ...]) -> None:
    """Our stylesheets (site paths) minified in place."""
    for name in names:
        file = site / name
        file.write_text(rcssmin.cssmin(file.read_text(encoding="utf-8")), encoding="utf-8")
