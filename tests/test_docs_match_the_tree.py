"""What README.md and CONTRIBUTING.md say of the tree stays true: every folder of the repository is in the
README's layout table and every folder the table names exists; every size they give ("about 1,200 lines") is
within a tenth of the code's (at least 100 lines) as `python -m tools.imports` counts it."""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

from tools.imports import line_counts

ROOT = Path(__file__).resolve().parent.parent
DOCS = ("README.md", "CONTRIBUTING.md")
# "`web/` (about 1,200 lines" in prose, or a table row "| `web/` | ... | about 1,200 |"
SIZE = re.compile(r"`([a-z]+)/`[^|\n]*?\(about ([\d,]+) lines|^\| `([a-z]+)/` \|.*\| about ([\d,]+) \|$", re.M)
LAYOUT_ROW = re.compile(r"^\| `([^`]+?)/?`", re.M)  # a row's first path


def project_folders(root: Path) -> set[str]:
    """The project's top-level folders: not hidden (.github, .ci), not what .gitignore leaves out (site/, the
    virtual environment, the build's caches)."""
    ignored = [line.strip().rstrip("/") for line in (root / ".gitignore").read_text(encoding="utf-8").splitlines()]
    return {
        p.name
        for p in root.iterdir()
        if p.is_dir()
        and not p.name.startswith(".")
        and not any(fnmatch(p.name, pattern) for pattern in ignored if pattern)
    }


def layout_table(readme: str) -> str:
    start = readme.index("## How the project is laid out")
    return readme[start : readme.index("\n## ", start + 1)]


def stated_sizes(text: str) -> list[tuple[str, int]]:
    return [((m.group(1) or m.group(3)), int((m.group(2) or m.group(4)).replace(",", ""))) for m in SIZE.finditer(text)]


def size_problems(root: Path) -> list[str]:
    counts = line_counts(root)
    problems = []
    for doc in DOCS:
        for package, stated in stated_sizes((root / doc).read_text(encoding="utf-8")):
            actual = counts.get(package)
            if actual is None:
                problems.append(f"{doc}: `{package}/` has no count: not a package of tools.imports")
            elif abs(stated - actual) > max(100, actual // 10):
                problems.append(f"{doc}: `{package}/` is said to be about {stated} lines; it is {actual}")
    return problems


def test_every_folder_of_the_repository_is_in_the_readme_layout_and_every_folder_it_names_exists():
    named = set()
    for entry in LAYOUT_ROW.findall(layout_table((ROOT / "README.md").read_text(encoding="utf-8"))):
        top = entry.split("/", 1)[0]
        named.add(top)
        assert list(ROOT.glob(entry)) or (ROOT / top).is_dir(), f"the README's layout names {entry}, which is not there"
    assert project_folders(ROOT) - named == set(), "folders the README's layout table does not name"


def test_every_size_the_docs_give_is_the_tree_s():
    assert stated_sizes((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")), "CONTRIBUTING gives no size"
    assert size_problems(ROOT) == []


def test_a_size_that_drifted_is_named_with_its_file(tmp_path):
    for package in ("guide", "render", "handouts", "macros", "web", "links", "tools", "tests"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "a.py").write_text("x = 1\n" * 1000, encoding="utf-8")
    (tmp_path / "README.md").write_text("`web/` (about 1,000 lines: the plugin)\n", encoding="utf-8")
    (tmp_path / "CONTRIBUTING.md").write_text("| `guide/` | reads | about 3,000 |\n", encoding="utf-8")
    assert size_problems(tmp_path) == ["CONTRIBUTING.md: `guide/` is said to be about 3000 lines; it is 1000"]
