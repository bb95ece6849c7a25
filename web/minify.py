"""Our own scripts and stylesheets minified in the built site; the readable source stays where it is."""

from __future__ import annotations

from pathlib import Path


def minify_own(site: Path, names: tuple[str, ...]) -> tuple[int, int]:
    """Our scripts and stylesheets (site paths) minified in place, the readable source staying in content/;
    (bytes before, after)."""
    import rcssmin
    import rjsmin

    minifiers = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}
    before = after = 0
    for name in names:
        file = site / name
        source = file.read_text(encoding="utf-8")
        small = minifiers[file.suffix](source)
        before, after = before + len(source), after + len(small)
        file.write_text(small, encoding="utf-8")
    return before, after
