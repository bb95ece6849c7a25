"""The whole build: `mkdocs build` (site, handouts, offline copy) into a staging folder; `site/` is replaced only
on success.

Usage: python -m tools.build [--project DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from guide.errors import DataError
from guide.project import Project
from web.build import BuildFailed, build_site
from web.config import project_at


def build(
    project: Path,
    out: Path,
    timings: dict[str, float] | None = None,
    notes: list[str] | None = None,
    parts: list[str] | None = None,
) -> Project:
    """Build everything into a staging folder, then swap it in place of `out`. Returns the checked project;
    what is worth telling but does not stop the build goes into `notes`, what each part took into `parts`."""
    timings = timings if timings is not None else {}
    notes = notes if notes is not None else []
    stage = out.parent / (out.name + ".tmp")
    shutil.rmtree(stage, ignore_errors=True)
    try:
        checked = project_at(project)  # the data and the pages are checked again by the plugin, as it starts
    except DataError as exc:
        raise BuildFailed("The guide's data has problems:\n" + exc.report()) from None
    start = time.perf_counter()
    try:
        notes.extend(build_site(project, stage, parts))
    except BuildFailed:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    timings["site, handouts and offline copy"] = time.perf_counter() - start
    shutil.rmtree(out, ignore_errors=True)
    stage.rename(out)
    return checked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    parser.add_argument("--out", type=Path, default=None, help="where the site goes (default: PROJECT/site)")
    args = parser.parse_args()
    args.project = args.project.resolve()
    out = args.out or args.project / "site"
    timings: dict[str, float] = {}
    notes: list[str] = []
    parts: list[str] = []
    try:
        project = build(args.project, out, timings, notes, parts)
    except BuildFailed as exc:
        print(f"Build failed; {out} was left as it was.\n{exc}", file=sys.stderr)
        return 1
    spent = ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
    print(f"Built {out} ({spent}: {'; '.join(parts)}).")
    for note in notes:
        print(f"Note: {note}")
    if project.site.preview:
        print(
            f"PREVIEW ONLY: no published address is known, so the handouts' QR codes and the links point to "
            f"{project.site_url} (this computer). Do not print these handouts: set site_url in "
            f"data/university.yaml, push to GitHub, or set SITE_URL, then build again."
        )
    else:
        print(f"Published address: {project.site_url} (from {project.site.origin}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
