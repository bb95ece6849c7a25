"""Compare the site as ProperDocs builds it with the site `make build` makes with MkDocs.

ProperDocs is the maintained continuation of MkDocs 1.x (same plugins, same themes, installed apart): a
weekly GitHub Actions run (.github/workflows/canary.yml, `make canary`) builds the guide with it, then this
says whether the two sites differ in anything but the generator's name. README.md, "The platform, and its
plan", says what that tells.

Usage: python -m tools.canary MKDOCS_SITE PROPERDOCS_SITE   (exit 1 if they differ)
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')  # names the generator and its version


def _same(name: str, a: bytes, b: bytes) -> bool:
    """Whether two versions of a file say the same: the generator's name aside (HTML), keys in any order
    (JSON), the same members with the same contents (zip, whose dates differ)."""
    if name.endswith(".html"):
        return GENERATOR.sub(b"", a) == GENERATOR.sub(b"", b)
    if name.endswith(".json"):
        return json.loads(a) == json.loads(b)
    return a == b


def _zip_members(data: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(data) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def differences(mkdocs_site: Path, properdocs_site: Path) -> list[str]:
    """What differs between the two built sites, one line each (empty: the same site)."""
    files = {
        site: {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
        for site in (mkdocs_site, properdocs_site)
    }
    found = [f"only in the MkDocs build: {name}" for name in sorted(files[mkdocs_site] - files[properdocs_site])]
    found += [f"only in the ProperDocs build: {name}" for name in sorted(files[properdocs_site] - files[mkdocs_site])]
    for name in sorted(files[mkdocs_site] & files[properdocs_site]):
        a, b = mkdocs_site / name, properdocs_site / name
        if name.endswith(".zip"):
            members = _zip_members(a), _zip_members(b)
            if members[0].keys() != members[1].keys():
                found.append(f"{name}: not the same files")
            found += [
                f"{name}: {m} differs" for m in sorted(members[0]) if not _same(m, *(z.get(m, b"") for z in members))
            ]
        elif not _same(name, a.read_bytes(), b.read_bytes()):
            found.append(f"{name} differs")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    mkdocs_site, properdocs_site = (Path(arg) for arg in argv)
    found = differences(mkdocs_site, properdocs_site)
    pages = sum(1 for _ in mkdocs_site.rglob("*.html"))
    if found:
        print(f"ProperDocs builds another site than MkDocs ({len(found)} differences):")
        print("\n".join(f"- {line}" for line in found[:50]))
        return 1
    print(f"ProperDocs builds the same site as MkDocs: {pages} pages, every file the same but the generator's name.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
