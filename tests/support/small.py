"""The small fictional guide of tests/fixtures/small-guide/, as a project of its own in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from guide.project import Project, load_project

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
FIXTURE = TESTS / "fixtures" / "small-guide"
LANGUAGES = ("fr", "en")


SITE_PARTS = ("overrides", "browser", "guide", "render", "macros", "handouts", "web", "links", "tools")
NAV = "nav:\n  - index.md\n  - inscription.md\n  - glossaire.md\n  - sources.md\n  - changements.md\n"


def small_project(dest: Path) -> Path:
    """A runnable project: the small guide's data and pages, with the project's labels (data/ui.yaml), schemas, theme,
    scripts, code and mkdocs.yml (its page list made the small guide's)."""
    shutil.copytree(FIXTURE / "data", dest / "data")
    for name in ("ui.yaml", *(p.name for p in (ROOT / "data").glob("*.schema.json"))):
        shutil.copy(ROOT / "data" / name, dest / "data" / name)
    shutil.copytree(FIXTURE / "content", dest / "content")
    shutil.copytree(ROOT / "content" / "assets", dest / "content" / "assets")
    for part in SITE_PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / part, dest / part)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(config[: config.index("\nnav:")] + "\n" + NAV, encoding="utf-8")
    return dest


def load_small(dest: Path) -> Project:
    return load_project(small_project(dest), LANGUAGES)
