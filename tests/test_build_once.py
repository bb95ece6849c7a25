"""What a build does once however many languages it builds: each template is compiled once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import jinja2
import pytest

from tests.support.small import small_project
from web.build import build_site


def test_a_build_compiles_each_template_once_whatever_the_number_of_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs makes a template environment for each language it builds; the theme's templates, ours and the
    widgets' are compiled in the first language's build only (and the handouts' before the PDF processes start,
    which have them compiled)."""
    project = small_project(tmp_path / "project")
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, *args, **kwargs):
        if filename:
            compiled.append(filename)
        return compile_template(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    build_site(project, tmp_path / "site")
    assert (tmp_path / "site" / "en" / "index.html").is_file()
    assert any(name.endswith("main.html") for name in compiled), compiled
    twice = [name for name, times in Counter(compiled).items() if times > 1]
    assert twice == [], "\n".join(twice)
