"""Each kind of handout, made without MkDocs from the small guide of tests/fixtures/small-guide/: the right
files, titles, languages and contents, and a PDF within its page budget."""

from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from guide.project import Project
from handouts.build import render_html
from handouts.kinds import KINDS, catalogue
from render.environment import LINE, even_cut
from render.typography import typeset
from tests.support.site import fold
from tests.support.small import load_small


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return load_small(tmp_path_factory.mktemp("small") / "project")


def text_of(handout, project: Project) -> str:
    soup = BeautifulSoup(render_html(handout, project), "html.parser")
    for style in soup.find_all("style"):
        style.decompose()
    return fold(soup.get_text(" "))


def test_each_kind_makes_its_files_for_the_languages_and_situations(small: Project) -> None:
    names = {h.kind: [] for h in catalogue(small.guide)}
    for h in catalogue(small.guide):
        names[h.kind].append(h.filename)
    assert set(names) == set(KINDS)
    assert names["overview"] == ["guide-fr.pdf", "guide-en.pdf"]
    assert names["bilingual"] == ["guide-fr-en.pdf"]
    assert names["checklist"] == [f"checklist-{p}-{lang}.pdf" for lang in ("fr", "en") for p in ("far", "near")]
    assert names["slides"] == ["slides-fr.pdf", "slides-en.pdf"]
    assert names["slides_bilingual"] == ["slides-fr-en.pdf"]
    assert names["slide_notes"] == ["slides-notes-fr.pdf", "slides-notes-en.pdf"]


def test_the_overview_carries_every_step_document_and_contact_in_its_language(small: Project) -> None:
    [overview] = [h for h in catalogue(small.guide) if h.kind == "overview" and h.lang == "en"]
    text = text_of(overview, small)
    assert overview.title(small.guide, small.labels) in text
    for step in small.guide.steps:
        assert fold(step.title("en")) in text, step.id
    for doc in small.guide.documents:
        assert fold(doc.name("en")) in text, doc.id
    assert "01 99 00 00 01" in text
    assert fold(small.guide.step("register").title("fr")) not in text


def test_the_bilingual_sheet_says_each_thing_in_both_languages(small: Project) -> None:
    [sheet] = [h for h in catalogue(small.guide) if h.kind == "bilingual"]
    text = text_of(sheet, small)
    for step in small.guide.steps:
        assert fold(step.title("fr")) in text and fold(step.title("en")) in text, step.id


def test_a_checklist_has_its_situations_tasks_and_names_the_steps_it_skips(small: Project) -> None:
    [checklist] = [h for h in catalogue(small.guide) if h.kind == "checklist" and h.profile == "far" and h.lang == "fr"]
    text = text_of(checklist, small)
    for step in small.guide.steps_for("far"):
        for task in step.tasks_for("far"):
            assert fold(task.text("fr")) in text, task.id
    assert fold(small.guide.step("keep-card").tasks[0].text("fr")) not in text
    assert "1. " + fold(small.guide.step("keep-card").title("fr")) in text  # named among the skipped steps
    assert checklist.qr_page("fr") == "parcours/far/"


def test_a_checklist_cuts_its_documents_into_two_columns_in_order_and_as_even_as_whole_ones_can_be(
    small: Project,
) -> None:
    checklists = [h for h in catalogue(small.guide) if h.kind == "checklist"]
    assert any(small.guide.documents_for(h.profile) for h in checklists)
    for checklist in (h for h in checklists if small.guide.documents_for(h.profile)):
        soup = BeautifulSoup(render_html(checklist, small), "html.parser")
        left, right = soup.select(".pair > div")
        columns = [[len(" ".join(p.get_text().split())) + LINE for p in c.select("p.doc")] for c in (left, right)]
        names = [p.select_one(".label").get_text() for p in soup.select(".pair p.doc")]
        assert names == [d.name(checklist.lang) for d in small.guide.documents_for(checklist.profile)]
        cuts = [(columns[0] + columns[1])[:k] for k in range(len(names) + 1)]
        total = sum(columns[0]) + sum(columns[1])
        best = min(max(sum(first), total - sum(first)) for first in cuts)
        assert max(sum(columns[0]), sum(columns[1])) == best


def test_paragraphs_are_cut_where_the_longer_column_is_shortest_the_first_one_longer_on_a_tie() -> None:
    paragraph = "<p>{}</p>".format
    assert even_cut([]) == 0
    assert even_cut([paragraph("x" * 10)]) == 1
    assert even_cut([paragraph("x" * 10), paragraph("x" * 500), paragraph("x" * 10)]) == 2
    assert even_cut([paragraph("x" * 100)] * 4) == 2
    assert even_cut([paragraph("<b>x</b>" * 100)] * 3) == 2  # text is counted, not markup


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_prints_within_its_page_budget(small: Project, kind: str) -> None:
    from weasyprint import HTML

    handout = next(h for h in catalogue(small.guide) if h.kind == kind)
    html = render_html(handout, small)
    pdf = HTML(string=typeset(html, handout.lang)).write_pdf()
    reader = PdfReader(io.BytesIO(pdf))
    budget = KINDS[kind].max_pages
    if budget is None:  # a deck: each slide on a page of its own
        assert len(reader.pages) == html.count('<section class="slide ') > 3
    else:
        assert 1 <= len(reader.pages) <= budget
    assert fold(small.guide.steps[1].title(handout.lang)) in fold(" ".join(p.extract_text() for p in reader.pages))
