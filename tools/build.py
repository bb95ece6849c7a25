"""The whole build: data check, site, handouts, offline copy; `site/` is replaced only on success.

Usage: python -m tools.build [--project DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from guide.errors import DataError
from guide.project import load_project
from handouts.build import build_handouts
from handouts.catalogue import FOLDER
from tools.zip_site import zip_site

OFFLINE_ZIP = "health-insurance-guide-offline.zip"  # linked from the home pages


class BuildFailed(Exception):
    """A step of the build failed; its message says which and why."""


def mkdocs(project: Path, config: str, site_dir: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config, "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildFailed((result.stdout + result.stderr).strip())


def build(project: Path, out: Path, timings: dict[str, float] | None = None) -> None:
    """Build everything into a staging folder, then swap it in place of `out`."""
    timings = timings if timings is not None else {}
    stage = out.parent / (out.name + ".tmp")
    offline = out.parent / (out.name + ".offline.tmp")
    for folder in (stage, offline):
        shutil.rmtree(folder, ignore_errors=True)
    try:
        start = time.perf_counter()
        checked = load_project(project)  # checks every data file first
        mkdocs(project, "mkdocs.yml", stage)
        timings["site"] = time.perf_counter() - start

        start = time.perf_counter()
        try:
            build_handouts(stage, checked)
        except DataError as exc:
            raise BuildFailed("The handouts could not be made:\n" + exc.report()) from None
        timings["handouts"] = time.perf_counter() - start

        start = time.perf_counter()
        mkdocs(project, "mkdocs.offline.yml", offline)
        shutil.copytree(stage / FOLDER, offline / FOLDER)
        zip_site(offline, stage / OFFLINE_ZIP)
        timings["offline"] = time.perf_counter() - start
    except DataError as exc:
        raise BuildFailed("The guide's data has problems:\n" + exc.report()) from None
    finally:
        shutil.rmtree(offline, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    stage.rename(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--out", type=Path, default=None, help="where the site goes (default: PROJECT/site)")
    args = parser.parse_args()
    out = args.out or args.project / "site"
    timings: dict[str, float] = {}
    try:
        build(args.project, out, timings)
    except BuildFailed as exc:
        print(f"Build failed; {out} was left as it was.\n{exc}", file=sys.stderr)
        return 1
    spent = ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
    print(f"Built {out} ({spent})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
