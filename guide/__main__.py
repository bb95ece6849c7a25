"""Command line: `python -m guide check` validates the data and says what is wrong."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError
from .loader import load_guide
from .siteconfig import MKDOCS_FILE, language_codes
from .ui import load_labels


def check(data_dir: Path, mkdocs_file: Path) -> int:
    """Validate every data file; print one line per problem. Returns the exit status."""
    try:
        languages = language_codes(mkdocs_file)
        guide = load_guide(languages, data_dir / "steps.yaml")
        load_labels(languages, data_dir / "ui.yaml")
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(
        f"Data OK: {len(guide.steps)} steps, {len(guide.documents)} documents, {len(guide.contacts)} contacts, "
        f"{len(guide.glossary)} glossary terms, {len(guide.profiles)} profiles, in {', '.join(languages)}."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide", description="Tools for the guide's data.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate the data files and list every problem")
    p_check.add_argument("--data", type=Path, default=MKDOCS_FILE.parent / "data", help="data folder")
    p_check.add_argument("--mkdocs", type=Path, default=MKDOCS_FILE, help="mkdocs.yml declaring the languages")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.data, args.mkdocs)
    return 2


if __name__ == "__main__":
    sys.exit(main())
