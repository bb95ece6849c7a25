"""Command line: `python -m guide check` validates the data and says in plain words what is wrong or missing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError
from .project import ROOT, Project, load_project


def missing_local_details(project: Project) -> list[str]:
    """What a university has not filled in yet: not errors, but students would miss them."""
    u = project.university
    notes = []
    if u.site_url is None:
        notes.append(
            "site_url is not set: QR codes use $SITE_URL when GitHub Actions publishes the site, "
            "or mkdocs.yml's local address otherwise."
        )
    if u.desk is None:
        notes.append("desk is not set: students will not see your international desk's contact.")
    elif not (u.desk.email or u.desk.phone):
        notes.append("desk has neither an e-mail nor a phone: students cannot reach it from the guide.")
    if u.cpam is None:
        notes.append("cpam is not set: students only get the national CPAM finder, not your local CPAM.")
    if u.logo is None:
        notes.append("logo is not set: the site and the handouts show no logo.")
    return notes


def check(root: Path) -> int:
    """Validate every data file; print one line per problem. Returns the exit status."""
    try:
        project = load_project(root)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    guide = project.guide
    print(
        f"Data OK: {len(guide.steps)} steps, {len(guide.documents)} documents, {len(guide.contacts)} contacts, "
        f"{len(guide.glossary)} glossary terms, {len(guide.profiles)} profiles, in {', '.join(project.languages)}."
    )
    for note in missing_local_details(project):
        print(f"Note: data/university.yaml: {note}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide", description="Tools for the guide's data.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate the data files and list every problem")
    p_check.add_argument("--project", type=Path, default=ROOT, help="project folder (with mkdocs.yml and data/)")
    args = parser.parse_args(argv)
    return check(args.project)


if __name__ == "__main__":
    sys.exit(main())
