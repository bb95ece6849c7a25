"""Run the data-dependent tests again as a forking university would: in a copy of the project whose
university layer is a fictional one of tests/fixtures/ (another name, desk, CPAM, colours, logo, hosts and
local steps).

The tests take their expectations from the data they are given, so a university's copy passes its
own suite; this proves it on every `make test`, with two universities unlike each other:
`other-university` (short texts, a site address, an SVG logo, a local step early in most paths) and
`long-university` (long texts, a very dark red, a PNG logo, a preview, a local step late in two paths).

Usage: python -m tools.as_fork [--university FOLDER] [pytest arguments]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from guide.content import ASSETS, CONTENT
from handouts.engine import CACHE_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
UNIVERSITIES = ("other-university", "long-university")  # each a folder of tests/fixtures/
UNIVERSITY_FILE = "university.yaml"
# The tests whose expectations come from the data; the others test code that the university layer
# does not reach (the loader's errors, the link checker, the workflows) or the fork itself.
DATA_TESTS = (
    "tests/test_data_file.py",
    "tests/test_site.py",
    "tests/test_route_pages.py",
    "tests/test_handouts.py",
    "tests/test_handouts_read_by_everyone.py",
    "tests/test_slides.py",
    "tests/test_seo_and_policy.py",
    "tests/test_external_urls.py",
    "tests/test_internal_links.py",
    "tests/test_browser_checklist.py",
    "tests/test_search.py",
    "tests/test_scope.py",
    "tests/test_numbering.py",
)
SKIP = {".git", ".venv", "site", "build", "__pycache__", ".pytest_cache", ".ruff_cache"}


def make_fork(dest: Path, university: Path = FIXTURES / UNIVERSITIES[0]) -> Path:
    """A copy of the project with a fictional university as its own layer, as FORKING.md says to do it: its
    `university.yaml` into data/, every other file of its folder (the logo) into content/assets/."""
    shutil.copytree(ROOT, dest, ignore=lambda folder, names: [n for n in names if n in SKIP or ".building-" in n])
    for item in sorted(university.iterdir()):
        target = dest / "data" if item.name == UNIVERSITY_FILE else dest / CONTENT / ASSETS
        shutil.copy(item, target / item.name)
    return dest


def run(university: Path, pytest_args: list[str]) -> int:
    """The data tests in a fork made with `university`; pytest's exit status."""
    with tempfile.TemporaryDirectory(prefix="guide-fork-") as tmp:
        fork = make_fork(Path(tmp) / "health-insurance-guide", university)
        print(f"Running the data-dependent tests in a fork with {university.relative_to(ROOT)}/{UNIVERSITY_FILE}")
        env = dict(os.environ)
        env.pop("SITE_URL", None)
        env.setdefault(CACHE_VARIABLE, str(ROOT / "build" / "pdf-cache"))  # the PDFs this run made already
        # `python -m` puts the fork's folder first on the import path: its own code runs, not this one's.
        tests = [a for a in pytest_args if a.startswith("tests/")] or list(DATA_TESTS)
        options = [a for a in pytest_args if not a.startswith("tests/")]
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *tests, *options]
        return subprocess.run(command, cwd=fork, env=env).returncode


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--university",
        action="append",
        type=Path,
        help="a folder of tests/fixtures/ with a university.yaml (repeatable; default: every test university)",
    )
    args, pytest_args = parser.parse_known_args(argv)
    folders = [f.resolve() for f in args.university] if args.university else [FIXTURES / u for u in UNIVERSITIES]
    status = 0
    for folder in folders:
        status = run(folder, pytest_args) or status
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
