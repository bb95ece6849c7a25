"""Command line: `python -m web check` checks the data, then the pages and handouts as the build would.

`make check` runs it: when it says OK, `make build` will not stop on the data or the pages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide.errors import DataError, fork_hint
from guide.report import notes, published, summary
from handouts.build import handout_problems
from macros.check import page_problems

from .config import project_at


def check(root: Path) -> int:
    """Validate every data file, then every page, then lay out every handout as the build will (keeping the PDFs
    for it); print one line per problem, and the notes. The exit status."""
    try:
        project = project_at(root)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        if hint := fork_hint(exc.problems):
            print(f"Note: {hint}")
        return 1
    print(summary(project))
    for note in notes(project):
        print(f"Note: {note}")
    if address := published(project):
        print(address)
    problems = page_problems(project)
    if not problems:
        problems, sheets = handout_problems(project)
        for note in sheets:
            print(f"Note: {note}")
    if problems:
        print(DataError(problems).report(), file=sys.stderr)
        return 1
    print("Pages OK: every page's widgets render in every language.")
    print("Handouts OK: every handout is laid out, and every slide of every deck fits its page.")
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
