"""MkDocs hook: one page per profile and language, the student's path.

Each page is `content/<lang>/parcours/<profile>.md`: a title and one `path`
macro call, written from the data before MkDocs collects the files (the folder
is generated, not committed; mkdocs-static-i18n then treats it like any page).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

# Hooks are imported before mkdocs-macros-plugin adds the project to sys.path.
PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from guide.errors import DataError  # noqa: E402
from guide.paths import PATHS_FOLDER, path_page_markdown  # noqa: E402
from macros.check import page_problems  # noqa: E402
from macros.model_cache import load_once  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Write the path pages of every profile in every language, and remove stale ones."""
    try:
        project = load_once(Path(config.config_file_path).resolve().parent)
    except DataError as exc:
        raise Abort("The guide's data has problems:\n" + exc.report()) from None
    docs = Path(config.docs_dir)
    problems = page_problems(project)  # the same check as `make check`, so that plain `mkdocs build` is safe too
    if problems:
        raise Abort("The pages have problems:\n" + DataError(problems).report())
    wanted = {
        docs / lang / PATHS_FOLDER / f"{profile_id}.md": md
        for (lang, profile_id), md in path_page_markdown(project).items()
    }
    for lang in project.languages:
        for old in (docs / lang / PATHS_FOLDER).glob("*.md"):
            if old not in wanted:
                old.unlink()
    for file, markdown in wanted.items():
        file.parent.mkdir(parents=True, exist_ok=True)
        if not file.exists() or file.read_text(encoding="utf-8") != markdown:
            file.write_text(markdown, encoding="utf-8")
    return config
