"""Adding a language: a folder of pages and the translations in the data; every check then covers it.

The fixture makes a third language, 'es', from the English texts written in capitals (outside
placeholders, macro calls and HTML), so that no text of it is a copy of another language's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from guide.project import load_project
from guide.yamlfile import _Loader
from handouts.catalogue import catalogue
from tests.conftest import copy_project, run_full_build
from tests.support.site import foreign_texts, language_pages, missing_data_texts

NEW = "es"
KEEP = re.compile(r"(\{\{.*?\}\}|\{[a-z_]+\}|<[^>]+>|\([^)]*\.md[^)]*\))")


def shout(text: str) -> str:
    """Capitals outside placeholders, macro calls, HTML tags and Markdown link targets."""
    return "".join(part if KEEP.fullmatch(part) else part.upper() for part in KEEP.split(text))


def add_language(value: object) -> object:
    """Every {fr, en} text gains an 'es' one; per-language tables (months, formats) too."""
    if isinstance(value, dict):
        value = {k: add_language(v) for k, v in value.items()}
        if "en" in value and "fr" in value:
            en = value["en"]
            value[NEW] = shout(en) if isinstance(en, str) else [shout(x) for x in en] if isinstance(en, list) else en
        return value
    if isinstance(value, list):
        return [add_language(v) for v in value]
    return value


def make_three_language_project(root: Path) -> Path:
    project = copy_project(root)
    for name in ("steps.yaml", "ui.yaml", "university.yaml"):
        path = project / "data" / name
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        path.write_text(yaml.safe_dump(add_language(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    mkdocs = project / "mkdocs.yml"
    mkdocs.write_text(
        mkdocs.read_text().replace(
            "          site_name: French health insurance, the international students' guide\n",
            "          site_name: French health insurance, the international students' guide\n"
            f"        - locale: {NEW}\n          name: Español\n          build: true\n"
            "          site_name: SEGURO DE SALUD FRANCÉS\n",
            1,
        )
    )
    for page in (project / "content" / "en").glob("*.md"):
        target = project / "content" / NEW / page.name
        target.parent.mkdir(exist_ok=True)
        target.write_text(shout(page.read_text(encoding="utf-8")), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    project = make_three_language_project(tmp_path_factory.mktemp("three") / "project")
    site = project.parent / "site"
    result = run_full_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site


def test_the_third_language_is_built_with_every_page_and_fact(three):
    project, site = three
    loaded = load_project(project)
    assert loaded.languages == ("fr", "en", NEW)
    pages = language_pages(site, loaded.languages)
    assert {p.url[len(NEW) + 1 :] for p in pages[NEW]} == {p.url for p in pages["fr"]}
    for lang in loaded.languages:
        assert not missing_data_texts(loaded.guide, lang, pages[lang]), lang
        assert not foreign_texts(loaded.guide, lang, loaded.languages, pages[lang]), lang
    assert pages[NEW][0].soup.html["lang"] == NEW


def test_the_third_language_gets_its_handouts(three):
    project, site = three
    loaded = load_project(project)
    names = {h.filename for h in catalogue(loaded.guide)}
    assert {f"guide-{NEW}.pdf", "guide-fr-es.pdf", "guide-fr-en.pdf"} | {
        f"checklist-{p.id}-{NEW}.pdf" for p in loaded.guide.profiles
    } <= names
    for name in names:
        assert (site / "handouts" / name).is_file(), name
    reader = PdfReader(site / "handouts" / f"guide-{NEW}.pdf")
    assert reader.trailer["/Root"]["/Lang"] == NEW
    assert shout("Apply for your carte Vitale") in " ".join(p.extract_text() for p in reader.pages)


def test_a_missing_translation_or_page_in_the_third_language_fails_the_build(tmp_path):
    project = make_three_language_project(tmp_path / "project")
    steps = project / "data" / "steps.yaml"
    text = steps.read_text(encoding="utf-8")
    steps.write_text(text.replace(f"    {NEW}: {shout('Apply for your carte Vitale')}\n", "", 1), encoding="utf-8")
    result = run_full_build(project, tmp_path / "site")
    assert result.returncode != 0 and f"title: missing the '{NEW}' text" in result.stderr, result.stderr

    steps.write_text(text, encoding="utf-8")
    (project / "content" / NEW / "aide.md").unlink()
    result = run_full_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"content/{NEW}/aide.md is missing (content/fr/aide.md exists)" in result.stderr, result.stderr
    assert not (tmp_path / "site").exists()
