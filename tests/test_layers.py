"""Three layers, arrows one way: guide (data) -> rendering (render, handouts, macros) -> web (MkDocs)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tools.imports import ALLOWED, package_graph, problems, shape_problems

ROOT = Path(__file__).resolve().parent.parent


def test_no_import_points_up_no_cycle_and_mkdocs_only_in_the_web_layer():
    assert problems(ROOT) == []


def test_the_data_and_rendering_layers_import_no_mkdocs_and_nothing_above_them():
    graph = package_graph(ROOT)
    assert graph["guide"] == {}
    assert set(graph["render"]) <= {"guide"}
    assert "web" not in {*graph["macros"], *graph["handouts"], *graph["render"]}


def planted(tmp_path: Path, package: str, name: str, code: str) -> Path:
    """A copy of the packages with one more module."""
    for part in ALLOWED:
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__", "fixtures"))
    (tmp_path / package / name).write_text(code, encoding="utf-8")
    return tmp_path


def test_an_upward_import_is_reported_with_its_place(tmp_path):
    root = planted(tmp_path, "guide", "upward.py", "from macros.registry import widgets\n")
    assert problems(root) == [
        "guide/upward.py:1: guide.upward imports macros.registry: guide may import only nothing of the project"
    ]


def test_mkdocs_below_the_web_layer_is_reported(tmp_path):
    root = planted(tmp_path, "render", "pages.py", "def f():\n    from mkdocs.utils import get_relative_url\n")
    assert problems(root) == [
        "render/pages.py:2: render.pages imports mkdocs.utils: only the web layer may import MkDocs"
    ]


def test_a_cycle_is_reported(tmp_path):
    model = (ROOT / "guide" / "model.py").read_text(encoding="utf-8")
    root = planted(tmp_path, "guide", "model.py", model + "\nfrom . import project\n")
    assert any(p.startswith("import cycle: ") and "guide.model" in p for p in problems(root)), problems(root)


def test_the_command_prints_the_graph_and_succeeds():
    result = subprocess.run([sys.executable, "-m", "tools.imports"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "MkDocs is imported by: web" in result.stdout


def test_no_function_over_sixty_lines_in_guide_render_or_web_and_a_thin_plugin_class():
    assert shape_problems(ROOT) == []


def test_a_long_function_and_a_grown_plugin_class_are_reported_with_their_place(tmp_path):
    body = "".join(f"    x{i} = {i}\n" for i in range(60))
    root = planted(tmp_path, "render", "long.py", f"@decorated\ndef long():\n{body}")
    plugin = (ROOT / "web" / "plugin.py").read_text(encoding="utf-8")
    grown = plugin.replace(
        "    def _project(self)", f"    def grown(self):\n{body.replace('    ', '        ')}\n    def _project(self)"
    )
    (root / "web" / "plugin.py").write_text(grown, encoding="utf-8")
    found = shape_problems(root)
    assert "render/long.py:2: long is 62 lines long, more than 60" in found
    assert any(p.startswith("web/plugin.py: GuidePlugin is ") for p in found), found
    assert any(p.startswith("web/plugin.py:") and "grown is 61 lines long" in p for p in found), found
