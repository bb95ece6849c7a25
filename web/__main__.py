"""Command line: `python -m web check` checks the data, then the pages and handouts as the build would.

`make check` runs it: when it says OK, `make build` will not stop on the data or the pages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide.errors import DataError
from guide.report import notes, published, summary
from handouts.build import slide_problems
from macros.check import page_problems

from .config import project_at


def check(root: Path, slides: bool = True) -> int:
    """Validate every data file, then every page and handout, and lay out the slides (unless `slides` is
    False: the build lays them out anyway); print one line per problem. The exit status."""
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
    if slides and not problems:
        problems = slide_problems(project)  # laid out as the build will: a slide too full stops it
    if problems:
        print(DataError(problems).report(), file=sys.stderr)
        return 1
    print("Pages OK: every page's widgets and every handout render in every language.")
    if slides:
        print("Slides OK: every slide of every deck fits its page.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m web", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="check the data, the pages and the handouts")
    p_check.add_argument("--project", type=Path, default=Path.cwd(), help="project folder (default: here)")
    p_check.add_argument(
        "--no-slides", action="store_true", help="do not lay out the slides (make build: the build does)"
    )
    args = parser.parse_args(argv)
    return check(args.project.resolve(), slides=not args.no_slides)


if __name__ == "__main__":
    sys.exit(main())
