"""The whole build: data check, then `mkdocs build` (site, handouts, offline copy); `site/` is replaced only on success.

Usage: python -m tools.build [--project DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from guide.errors import DataError
from guide.project import Project
from macros.check import page_problems
from web.config import project_at


class BuildFailed(Exception):
    """A step of the build failed; its message says which and why."""


def mkdocs(project: Path, config: str, site_dir: Path) -> list[str]:
    """`mkdocs build`; the guide's plugin adds the handouts and the offline copy once every language is built.
    Returns the notes the plugin logged (a handout longer than its page budget, say)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--config-file", config, "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        # MkDocs' own log is the error report (mkdocs-macros logs its errors at warning level): keep the lines
        # that say something, not the INFO chatter.
        lines = [
            line
            for line in (result.stdout + result.stderr).splitlines()
            if line.strip() and not line.startswith("INFO") and "Material for MkDocs" not in line
        ]
        raise BuildFailed("\n".join(lines) or f"mkdocs build exited with status {result.returncode}")
    notes = re.compile(r"^INFO\s+-\s+Note: (.*)$", re.M)  # what web/plugin.py logs
    return notes.findall(result.stdout + result.stderr)


def build(project: Path, out: Path, timings: dict[str, float] | None = None, notes: list[str] | None = None) -> Project:
    """Build everything into a staging folder, then swap it in place of `out`. Returns the checked project;
    what is worth telling but does not stop the build goes into `notes`."""
    timings = timings if timings is not None else {}
    notes = notes if notes is not None else []
    stage = out.parent / (out.name + ".tmp")
    shutil.rmtree(stage, ignore_errors=True)
    try:
        checked = project_at(project)  # every data file first, then the pages as the build will use them
        problems = page_problems(checked)
        if problems:
            raise DataError(problems)
    except DataError as exc:
        raise BuildFailed("The guide's data or pages have problems:\n" + exc.report()) from None
    start = time.perf_counter()
    try:
        notes.extend(mkdocs(project, "mkdocs.yml", stage))
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
    try:
        project = build(args.project, out, timings, notes)
    except BuildFailed as exc:
        print(f"Build failed; {out} was left as it was.\n{exc}", file=sys.stderr)
        return 1
    spent = ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
    print(f"Built {out} ({spent}).")
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
