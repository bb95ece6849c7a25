"""Command line: `python -m web check` checks the data, then the pages and handouts as the build would.

`make check` runs it: when it says OK, `make build` will not stop on the data or the pages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide.errors import DataError
from guide.report import notes, published, summary
from macros.check import page_problems

from .config import project_at


def check(root: Path) -> int:
    """Validate every data file, then every page and handout; print one line per problem. The exit status."""
    try:
        project = project_at(root)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(summary(project))
    for note in notes(project):
        print(f"Note: {note}")
    if address := published(project):
        print(address)
    problems = page_problems(project)
    if problems:
        print(DataError(problems).report(), file=sys.stderr)
        return 1
    print("Pages OK: every page's widgets and every handout render in every language.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m web", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="check the data, the pages and the handouts")
    p_check.add_argument("--project", type=Path, default=Path.cwd(), help="project folder (default: here)")
    args = parser.parse_args(argv)
    return check(args.project.resolve())


if __name__ == "__main__":
    sys.exit(main())
