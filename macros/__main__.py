"""Command line: `python -m macros check` checks the data, then the pages and handouts as the build would.

`make check` runs it: when it says OK, `make build` will not stop on the data or the pages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide.__main__ import check as check_data
from guide.errors import DataError
from guide.project import ROOT, load_project

from .check import page_problems


def check(root: Path) -> int:
    status = check_data(root)
    if status:
        return status
    problems = page_problems(load_project(root))
    if problems:
        print(DataError(problems).report(), file=sys.stderr)
        return 1
    print("Pages OK: every page's widgets and every handout render in every language.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="check the data, the pages and the handouts")
    p_check.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    return check(args.project)


if __name__ == "__main__":
    sys.exit(main())
