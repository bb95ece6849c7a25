"""What `make check` says of valid data: a summary, and what is worth telling (notes), in plain words."""

from __future__ import annotations

from .project import Project
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


def summary(project: Project) -> str:
    """One line: what the data holds."""
    guide = project.guide
    return (
        f"Data OK: {len(guide.steps)} steps, {len(guide.documents)} documents, {len(guide.contacts)} contacts, "
        f"{len(guide.glossary)} glossary terms, {len(guide.profiles)} profiles, in {', '.join(project.languages)}."
    )


HISTORY_NOTES = {
    "no-git": "this copy has no git history (an exported copy, or git is not installed): the 'what changed' "
    "page and its feed say that the record of changes is unavailable.",
    "shallow": "this clone has only part of its git history (a shallow clone): the 'what changed' page and its "
    "feed say that the record of changes is unavailable. Clone it whole (in GitHub Actions: fetch-depth: 0).",
}


def history_notes(project: Project) -> list[str]:
    """Why the record of what changed is unavailable, if it is, and each past version it had to leave out."""
    history = project.history
    notes = [HISTORY_NOTES[history.unavailable]] if history.unavailable in HISTORY_NOTES else []
    return notes + [f"the record of changes leaves out a past version it cannot read: {s}." for s in history.skipped]


def notes(project: Project) -> list[str]:
    """What is out of date, past or not filled in yet, where the record of changes is missing, then where
    the site will be published."""
    lines = [str(problem) for problem in project.notes] + missing_local_details(project)
    lines += history_notes(project)
    if project.repository is None:
        lines.append(
            "no GitHub repository is known, so the pages have no 'report a problem' link"
            + ("" if project.university.desk else " and the accessibility statement gives no way to reach you")
            + ". Set repository in data/university.yaml, or push to GitHub (the build finds it in GitHub Actions "
            "or from the remote)."
        )
    site = project.site
    if site.preview:
        lines.append(
            f"no published address is known, so this is a preview: QR codes and links will point to "
            f"{site.url} (this computer). Set site_url in data/university.yaml, push to GitHub, or set SITE_URL."
        )
    return lines


def published(project: Project) -> str | None:
    """'Published address: ...' when one is known."""
    site = project.site
    return None if site.preview else f"Published address: {site.url} (from {site.origin})."
