"""The search index, one per language, made by Pagefind from the built pages (no network, no server).

Pagefind reads the pages whose <article> the plugin marked `data-pagefind-body` (every page but the route
pages, the record of changes and the search page itself: front matter `search: exclude: true`), sorts them
by their <html lang> and writes the index in fragments that a search fetches as it needs them. Of its bundle,
the search page uses the script, its worker and WebAssembly, and the index: the ready-made interfaces go.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

from render.site import SEARCH_BUNDLE

UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")
MARK = "data-pagefind-body"  # on a page's <article>: Pagefind indexes that page, and that part of it


def index_site(site: Path) -> str:
    """Index the built `site` into site/pagefind/; Pagefind's summary lines. Abort (no site) if it fails."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", SEARCH_BUNDLE],
        cwd=site,  # no pagefind.yml of the project or the user is read
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise Abort(f"The search index could not be made (Pagefind):\n{result.stderr or result.stdout}")
    bundle = site / SEARCH_BUNDLE
    for pattern in UNUSED:
        for unused in bundle.glob(pattern):
            unused.unlink()
    summary = [line.strip() for line in result.stdout.splitlines() if "Indexed" in line]
    return "; ".join(summary)
