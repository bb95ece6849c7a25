"""CHANGELOG.md: a section per release, newest first, each a git tag where the clone has its tags; the package's
version is the newest; and whatever a university file may hold is told to forks (in the example file, or in a
"For forks" line of the release that changed it)."""

from __future__ import annotations

import json
import re
import subprocess
import tomllib
from datetime import date
from pathlib import Path

import pytest
from packaging.version import Version

from guide.university import FORK_REQUIRED

ROOT = Path(__file__).resolve().parent.parent
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
RELEASE = re.compile(r"^## (?:(?P<version>\d+\.\d+\.\d+) — (?P<day>\d{4}-\d\d-\d\d)|Unreleased)$", re.M)


def releases() -> list[tuple[Version, date]]:
    return [(Version(m["version"]), date.fromisoformat(m["day"])) for m in RELEASE.finditer(CHANGELOG) if m["version"]]


def test_releases_are_listed_newest_first_and_the_package_is_the_newest():
    headings = re.findall(r"^## .*$", CHANGELOG, re.M)
    assert headings and all(RELEASE.match(h) for h in headings), headings
    assert "## Unreleased" not in headings[1:]  # only on top
    found = releases()
    assert found == sorted(found, reverse=True)
    version = Version(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])
    newest = found[0][0]
    assert version > newest if headings[0] == "## Unreleased" else version == newest


def test_each_release_is_a_git_tag_where_the_clone_has_its_tags():
    tags = subprocess.run(
        ["git", "-C", str(ROOT), "tag", "--list", "v*"], capture_output=True, text=True
    ).stdout.split()
    if not tags:
        pytest.skip("this clone has no tags (git fetch --tags brings them)")
    for version, _ in releases():
        assert f"v{version}" in tags, version


def test_every_field_of_the_university_file_is_told_to_forks():
    schema = json.loads((ROOT / "data" / "university.schema.json").read_text(encoding="utf-8"))
    example = (ROOT / "data" / "university.example.yaml").read_text(encoding="utf-8")
    items = re.findall(r"^- .*(?:\n  .*)*", CHANGELOG, re.M)  # a list item, with its wrapped lines
    for_forks = " ".join(item for item in items if "**For forks**" in item)
    for field in schema["properties"]:
        shown = re.search(rf"^#? ?{field}:", example, re.M) or f"`{field}" in for_forks
        assert shown, f"{field}: show it in data/university.example.yaml or name it in a 'For forks' line"
    for field in FORK_REQUIRED:  # what a fork's own file must give (upstream's defaults give the rest)
        assert f"`{field}`" in for_forks, f"{field} is required: a 'For forks' line must say when it became so"
