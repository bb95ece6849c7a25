"""Run the data-dependent tests again as a forking university would: in a copy of the project whose
university layer is the fictional one of tests/fixtures/other-university/ (another name, desk with a
phone, CPAM, colours, logo, hosts, a local step with its own link and source).

The tests take their expectations from the data they are given, so a university's copy passes its
own suite; this proves it on every `make test`.

Usage: python -m tools.as_fork [pytest arguments]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "other-university"
# The tests whose expectations come from the data; the others test code that the university layer
# does not reach (the loader's errors, the link checker, the workflows) or the fork itself.
DATA_TESTS = (
    "tests/test_data_file.py",
    "tests/test_site.py",
    "tests/test_route_pages.py",
    "tests/test_handouts.py",
    "tests/test_slides.py",
    "tests/test_seo_and_policy.py",
    "tests/test_external_urls.py",
    "tests/test_internal_links.py",
    "tests/test_browser_checklist.py",
    "tests/test_search.py",
)
SKIP = {".git", ".venv", "site", "build", "__pycache__", ".pytest_cache", ".ruff_cache"}


def make_fork(dest: Path) -> Path:
    """A copy of the project with the fictional university as its own layer (as FORKING.md says to do it)."""
    shutil.copytree(ROOT, dest, ignore=lambda folder, names: [n for n in names if n in SKIP or n.endswith(".tmp")])
    shutil.copy(FIXTURE / "university.yaml", dest / "data" / "university.yaml")
    shutil.copy(FIXTURE / "valmont-logo.svg", dest / "content" / "assets" / "valmont-logo.svg")
    return dest


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="guide-fork-") as tmp:
        fork = make_fork(Path(tmp) / "health-insurance-guide")
        print(f"Running the data-dependent tests in a fork with {FIXTURE.relative_to(ROOT)}/university.yaml")
        env = dict(os.environ)
        env.pop("SITE_URL", None)
        # `python -m` puts the fork's folder first on the import path: its own code runs, not this one's.
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *DATA_TESTS, *argv]
        return subprocess.run(command, cwd=fork, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
