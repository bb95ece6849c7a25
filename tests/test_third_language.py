"""Adding a language: a folder of pages and a file of translations; every check then covers it.

The fixture makes a third language, 'es', from the English texts written in capitals (outside
placeholders, macro calls and HTML), so that no text of it is a copy of another language's.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from guide.translations import text_keys
from guide.yamlfile import DataLoader
from handouts.kinds import catalogue
from render.site import SEARCH_BUNDLE
from tests.conftest import copy_project, run_full_build
from tests.support.site import foreign_texts, language_pages, missing_data_texts
from web.config import project_at

NEW = "es"
KEEP = re.compile(r"(\A---\n.*?\n---\n|\{\{.*?\}\}|\{[a-z_]+\}|<[^>]+>|\([^)]*\.md[^)]*\))", re.S)


def shout(text: str) -> str:
    """Capitals outside front matter, placeholders, macro calls, HTML tags and Markdown link targets."""
    return "".join(part if KEEP.fullmatch(part) else part.upper() for part in KEEP.split(text))


def translation_of(project: Path) -> dict:
    """data/translations/es.yaml for `project`: every text of the data, from English, in capitals."""
    texts = {}
    files = (("steps", "steps.yaml"), ("ui", "ui.yaml"), ("university", "university.default.yaml"))
    if (project / "data" / "university.yaml").is_file():  # a fork's own texts, translated as its translator would
        files += (("university", "university.yaml"),)
    for prefix, name in files:
        data = yaml.load((project / "data" / name).read_text(encoding="utf-8"), Loader=DataLoader)
        for key, text in text_keys(data, prefix, "en").items():
            if key != "ui:date_format":
                texts[key] = {"text": shout(text["en"]), "from": text["en"]}
    months = yaml.safe_load((project / "data" / "ui.yaml").read_text(encoding="utf-8"))["months"]["en"]
    return {
        "language": {
            "name": "Español",
            "site_name": "SEGURO DE SALUD FRANCÉS",
            "translated_from": "en",
            "outdated_note": "(TEXTO EN INGLÉS: TRADUCCIÓN PENDIENTE)",
        },
        "months": [m.upper() for m in months],
        "date_format": "{day} {month} {year}",
        "texts": texts,
    }


def make_three_language_project(root: Path) -> Path:
    """A third language as a fork adds it: a translation file and a folder of pages, no upstream file touched."""
    project = copy_project(root)
    target = project / "data" / "translations" / f"{NEW}.yaml"
    target.parent.mkdir(exist_ok=True)
    target.write_text(yaml.safe_dump(translation_of(project), allow_unicode=True, sort_keys=False), encoding="utf-8")
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
    loaded = project_at(project)
    assert loaded.languages == ("fr", "en", NEW)
    pages = language_pages(site, loaded.languages)
    assert {p.url[len(NEW) + 1 :] for p in pages[NEW]} == {p.url for p in pages["fr"]}
    for lang in loaded.languages:
        assert not missing_data_texts(loaded.guide, lang, pages[lang]), lang
        assert not foreign_texts(loaded.guide, lang, loaded.languages, pages[lang]), lang
    assert pages[NEW][0].soup.html["lang"] == NEW
    index = json.loads((site / SEARCH_BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    searched = [p for p in pages[NEW] if "data-pagefind-body" in p.html]
    assert searched and index[NEW]["page_count"] == len(searched)  # its own index, of its own pages
    assert len(searched) == len([p for p in pages["en"] if "data-pagefind-body" in p.html])


def test_the_third_language_gets_its_handouts(three):
    project, site = three
    loaded = project_at(project)
    names = {h.filename for h in catalogue(loaded.guide)}
    assert {f"guide-{NEW}.pdf", "guide-fr-es.pdf", "guide-fr-en.pdf"} | {
        f"checklist-{p.id}-{NEW}.pdf" for p in loaded.guide.profiles
    } <= names
    for name in names:
        assert (site / "handouts" / name).is_file(), name
    reader = PdfReader(site / "handouts" / f"guide-{NEW}.pdf")
    assert reader.trailer["/Root"]["/Lang"] == NEW
    assert shout("Apply for your carte Vitale") in " ".join(p.extract_text() for p in reader.pages)


def test_a_text_changed_upstream_is_reported_and_shown_from_english_marked(tmp_path):
    project = make_three_language_project(tmp_path / "project")
    steps = project / "data" / "steps.yaml"
    steps.write_text(
        steps.read_text(encoding="utf-8").replace(
            "en: Apply for your carte Vitale\n", "en: Ask for your carte Vitale\n", 1
        ),
        encoding="utf-8",
    )
    check = subprocess.run(
        [sys.executable, "-m", "web", "check", "--project", str(project)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    assert (
        "steps:steps/carte-vitale/title: the en text changed since it was translated ('Ask for your carte Vitale')"
        in check.stdout
    ), check.stdout
    loaded = project_at(project)
    assert (
        loaded.guide.step("carte-vitale").title(NEW)
        == "Ask for your carte Vitale (TEXTO EN INGLÉS: TRADUCCIÓN PENDIENTE)"
    )
    assert loaded.guide.step("carte-vitale").title("fr") == "Demandez votre carte Vitale"


def test_a_missing_page_in_the_third_language_fails_the_build(tmp_path):
    project = make_three_language_project(tmp_path / "project")
    (project / "content" / NEW / "aide.md").unlink()
    result = run_full_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"content/{NEW}/aide.md: missing, while content/fr/aide.md exists" in result.stderr, result.stderr
    assert not (tmp_path / "site").exists()
