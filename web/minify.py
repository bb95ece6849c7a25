"""Our own stylesheets minified in the built site; the readable source stays in content/assets/ (the scripts are
built minified from browser/, web/scripts.py)."""

from __future__ import annotations

from pathlib import Path


def minify_own(site: Path, names: tuple[str, ...]) -> tuple[int, int]:
    """Our stylesheets (site paths) minified in place; (bytes before, after)."""
    import rcssmin

    minifiers = {".css": rcssmin.cssmin}
    before = after = 0
    for name in names:
        file = site / name
        source = file.read_text(encoding="utf-8")
        small = minifiers[file.suffix](source)
        before, after = before + len(source), after + len(small)
        file.write_text(small, encoding="utf-8")
    return before, after
