"""The address this copy of the guide is published at, worked out at build time.

In order: `$SITE_URL` (set by the GitHub Pages workflow to the address GitHub
gives, and by the tests), `site_url` in the university layer, the git remote
`origin` when it is a GitHub repository (`https://github.com/OWNER/REPO` is
published at `https://OWNER.github.io/REPO/`); with none of these the build
is a preview whose QR codes and absolute links point to this computer.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .errors import DataError, Problem
from .urls import SAFE

PREVIEW_URL = "http://127.0.0.1:8000/health-insurance-guide/"
GITHUB_REMOTE = re.compile(
    r"^(?:https://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
    r"(?P<owner>[A-Za-z0-9-]+)/(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?$"
)


@dataclass(frozen=True)
class SiteAddress:
    url: str  # always ends with "/"
    origin: str  # where it came from, said in plain words

    @property
    def preview(self) -> bool:
        """True when nothing says where the site is published: links point to this computer."""
        return self.origin == "preview"


def pages_url(remote: str) -> str | None:
    """The GitHub Pages address of a GitHub remote URL, or None for any other remote."""
    match = GITHUB_REMOTE.match(remote.strip())
    if not match:
        return None
    owner, repo = match["owner"].lower(), match["repo"]
    if repo.lower() == f"{owner}.github.io":
        return f"https://{owner}.github.io/"
    return f"https://{owner}.github.io/{repo}/"


def git_remote(root: Path) -> str | None:
    """The URL of the remote `origin` of the repository holding `root`, if there is one."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None if result.returncode == 0 else None


def github_repository(remote: str) -> str | None:
    """https://github.com/OWNER/REPO for a GitHub remote URL, or None for any other remote."""
    match = GITHUB_REMOTE.match(remote.strip())
    return f"https://github.com/{match['owner']}/{match['repo']}" if match else None


def repository(root: Path, university_repository: str | None) -> str | None:
    """The GitHub repository readers report problems to: the one GitHub Actions runs in ($GITHUB_REPOSITORY),
    `repository` in the university layer, or the git remote `origin` when it is on GitHub; None without any."""
    running = os.environ.get("GITHUB_REPOSITORY", "").strip()
    if re.fullmatch(r"[A-Za-z0-9-]+/[A-Za-z0-9._-]+", running):
        return f"https://github.com/{running}"
    if university_repository:
        return university_repository
    remote = git_remote(root)
    return github_repository(remote) if remote else None


def resolve(root: Path, university_url: str | None) -> SiteAddress:
    """Where the site at `root` is published (see the module's docstring for the order)."""
    explicit = os.environ.get("SITE_URL", "").strip()
    if explicit:
        url = explicit if explicit.endswith("/") else explicit + "/"
        if not SAFE.fullmatch(url) or urlsplit(url).scheme not in ("http", "https"):
            said = f"{url[:200]!r} is not an http(s) address of plain characters"
            raise DataError([Problem("SITE_URL", None, "", said)])
        return SiteAddress(url, "SITE_URL")
    if university_url:
        return SiteAddress(university_url, "data/university.yaml (site_url)")
    remote = git_remote(root)
    if remote and (url := pages_url(remote)):
        return SiteAddress(url, "the git remote origin, a GitHub repository")
    return SiteAddress(PREVIEW_URL, "preview")
