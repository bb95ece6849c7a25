"""Command line: `python -m guide check` validates the data and says in plain words what is wrong or missing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError
from .project import ROOT, Project, load_project
from .university import EXAMPLE_FILE, FORK_FILE


def missing_local_details(project: Project) -> list[str]:
    """What a university has not filled in yet: not errors, but students would miss them."""
    u = project.university
    if not (project.root / "data" / FORK_FILE).is_file():
        return [
            f"data/{FORK_FILE} does not exist: this is upstream's national edition. A university copies "
            f"data/{EXAMPLE_FILE} to data/{FORK_FILE} and fills it in (FORKING.md)."
        ]
    notes = []
    own = project.root / "data" / FORK_FILE
    leftovers = [
        n
        for n, line in enumerate(own.read_text(encoding="utf-8").splitlines(), start=1)
        if "valmont" in line.split("#", 1)[0].lower()
    ]
    if leftovers:
        lines = ", ".join(map(str, leftovers[:10])) + (" ..." if len(leftovers) > 10 else "")
        notes.append(
            f"data/{FORK_FILE}: lines {lines} still describe the fictional University of Valmont of the example: "
            "replace them with your own details or delete them."
        )
    if u.desk is None:
        notes.append("university: desk is not set: students will not see your international desk's contact.")
    elif not (u.desk.email or u.desk.phone):
        notes.append("university: desk has neither an e-mail nor a phone: students cannot reach it from the guide.")
    if u.cpam is None:
        notes.append("university: cpam is not set: students only get the national CPAM finder, not your local CPAM.")
    if u.logo is None:
        notes.append("university: logo is not set: the site and the handouts show no logo.")
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
    for problem in project.notes:
        print(f"Note: {problem}")
    for note in missing_local_details(project):
        print(f"Note: {note}")
    site = project.site
    if site.preview:
        print(
            f"Note: no published address is known, so this is a preview: QR codes and links will point to "
            f"{site.url} (this computer). Set site_url in data/university.yaml, push to GitHub, or set SITE_URL."
        )
    else:
        print(f"Published address: {site.url} (from {site.origin}).")
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
