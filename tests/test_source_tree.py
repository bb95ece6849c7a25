"""The build writes into its output folder only: the route pages and the colours are made in memory."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_full_build
from tests.support.small import small_project


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the project, but the compiled Python and what the build keeps in build/ (its cache of PDFs,
    a folder git ignores)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and p.relative_to(root).parts[0] != "build"
    }


def test_a_build_leaves_the_project_folder_as_it_was(tmp_path):
    project = small_project(tmp_path / "project")
    before = snapshot(project)
    result = run_full_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "parcours" / "far" / "index.html").is_file()
    assert (tmp_path / "site" / "assets" / "university.css").is_file()
    assert snapshot(project) == before
