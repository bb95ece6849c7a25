"""Which page shows each step in full, read from the pages' macro calls."""

from __future__ import annotations

import re
from pathlib import Path

STEP_CALL = re.compile(r"""\{\{\s*step\(\s*["']([a-z0-9-]+)["']""")


def step_pages(docs_dir: str | Path, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """For each language, step id -> page path (like 'inscription/'), from content/<lang>/*.md."""
    found: dict[str, dict[str, str]] = {}
    for lang in languages:
        folder = Path(docs_dir) / lang
        found[lang] = {}
        for md in sorted(folder.rglob("*.md")):
            rel = md.relative_to(folder).with_suffix("").as_posix()
            url = "" if rel == "index" else (rel[: -len("/index")] if rel.endswith("/index") else rel) + "/"
            for step_id in STEP_CALL.findall(md.read_text(encoding="utf-8")):
                found[lang].setdefault(step_id, url)
    return found
