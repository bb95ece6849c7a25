"""Each kind of handout, made without MkDocs from the small guide of tests/fixtures/small-guide/: the right
files, titles, languages and contents, a PDF within its page budget, columns cut evenly, and a cache that
gives the same PDF for the same inputs without laying it out again."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from guide.project import Project
from handouts import engine
from handouts.build import lay_out_handout
from handouts.kinds import KINDS, catalogue
from handouts.sheets import DECKS, LINE, SHEETS, columns, even_cut, sheet_data
from tests.support.pdf import normal
from tests.support.small import load_small


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return load_small(tmp_path_factory.mktemp("small") / "project")


def text_of(handout, project: Project) -> str:
    _, laid = lay_out_handout(handout, project)
    return normal(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(laid.pdf)).pages))


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
    assert normal(overview.title(small.guide, small.labels)) in text
    for step in small.guide.steps:
        assert normal(step.title("en")) in text, step.id
    for doc in small.guide.documents:
        assert normal(doc.name("en")) in text, doc.id
    assert "01 99 00 00 01" in text
    assert normal(small.guide.step("register").title("fr")) not in text


def test_the_bilingual_sheet_says_each_thing_in_both_languages(small: Project) -> None:
    [sheet] = [h for h in catalogue(small.guide) if h.kind == "bilingual"]
    text = text_of(sheet, small)
    for step in small.guide.steps:
        assert normal(step.title("fr")).replace("'", "’") in text.replace("'", "’"), step.id
        assert normal(step.title("en")) in text, step.id


def test_a_checklist_has_its_situations_tasks_and_names_the_steps_it_skips(small: Project) -> None:
    [checklist] = [h for h in catalogue(small.guide) if h.kind == "checklist" and h.profile == "far" and h.lang == "fr"]
    data = sheet_data(checklist, small)
    tasks = [task for step in data["steps"] for task in step["tasks"]]
    for step in small.guide.steps_for("far"):
        for task in step.tasks_for("far"):
            assert any(normal(task.text("fr")) == normal(t).replace("’", "'") for t in tasks), task.id
    assert normal(small.guide.step("keep-card").tasks[0].text("fr")) not in " ".join(tasks)
    skipped = small.guide.step("keep-card")
    assert data["skipped"]["steps"] == [normal(skipped.title("fr")).replace("'", "’")]  # named, without a number
    assert checklist.qr_page("fr") == "parcours/far/"


def test_columns_are_cut_in_order_where_the_longest_is_shortest_the_first_ones_longer_on_a_tie() -> None:
    assert even_cut([], 2) == [0, 0]
    assert even_cut([10], 2) == [0, 1]
    assert even_cut([10, 500, 10], 2) == [0, 2]
    assert even_cut([100] * 4, 2) == [0, 2]
    assert even_cut([100] * 3, 2) == [0, 2]
    assert even_cut([100] * 7, 3) == [0, 3, 5]
    items = ["x" * n for n in (30, 80, 20, 60, 40, 10)]
    cut = columns(items, len, 3)
    assert [i for part in cut for i in part] == items  # nothing lost, nothing reordered
    longest = max(sum(len(i) + LINE for i in part) for part in cut)
    for a in range(len(items) + 1):  # no other cut into three makes its longest column shorter
        for b in range(a, len(items) + 1):
            parts = [items[:a], items[a:b], items[b:]]
            assert max(sum(len(i) + LINE for i in part) for part in parts) >= longest


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_prints_within_its_page_budget(small: Project, kind: str) -> None:
    handout = next(h for h in catalogue(small.guide) if h.kind == kind)
    slides, laid = lay_out_handout(handout, small)
    reader = PdfReader(io.BytesIO(laid.pdf))
    budget = KINDS[kind].max_pages
    if budget is None:  # a deck: each slide on a page of its own
        assert len(reader.pages) == len(slides) > 3
        assert laid.measured["crowded"] == []
    else:
        assert 1 <= len(reader.pages) <= budget
    assert laid.pages == len(reader.pages)
    text = normal(" ".join(p.extract_text() for p in reader.pages))
    assert normal(small.guide.steps[1].title(handout.lang)) in text.replace("’", "'")


def test_a_pdf_laid_out_once_is_taken_from_the_cache_the_next_time(small: Project, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(engine.CACHE_VARIABLE, str(tmp_path / "cache"))
    [handout] = [h for h in catalogue(small.guide) if h.filename == "checklist-far-en.pdf"]
    data = sheet_data(handout, small)
    first = engine.lay_out(handout.record.template, data, small.guide.last_checked, small.root)
    kept = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert len(kept) == 2  # the PDF and what its template measured
    monkeypatch.setattr(engine, "_compiler", lambda template: pytest.fail("laid out again"))
    again = engine.lay_out(handout.record.template, data, small.guide.last_checked, small.root)
    assert again == first
    changed = dict(data, intro=data["intro"] + " Une phrase de plus.")
    with pytest.raises(pytest.fail.Exception):  # another text: another PDF, laid out
        engine.lay_out(handout.record.template, changed, small.guide.last_checked, small.root)


def test_a_pdf_says_the_day_its_facts_were_checked_and_is_the_same_for_the_same_facts(
    small: Project, tmp_path, monkeypatch
):
    monkeypatch.setenv(engine.CACHE_VARIABLE, str(tmp_path / "cache"))
    [handout] = [h for h in catalogue(small.guide) if h.filename == "guide-en.pdf"]
    data = sheet_data(handout, small)
    made = engine.lay_out(handout.record.template, data, small.guide.last_checked, small.root).pdf
    monkeypatch.setenv(engine.CACHE_VARIABLE, str(tmp_path / "other"))
    assert engine.lay_out(handout.record.template, data, small.guide.last_checked, small.root).pdf == made
    day = small.guide.last_checked
    assert PdfReader(io.BytesIO(made)).metadata["/CreationDate"].startswith(f"D:{day:%Y%m%d}")


def test_every_kind_has_a_function_that_makes_its_data_and_a_kind_without_one_is_named(
    small: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert {k.layout or k.name for k in KINDS.values()} <= set(SHEETS) | set(DECKS)
    handout = next(h for h in catalogue(small.guide) if h.record.section != "slides")
    monkeypatch.setitem(KINDS, "poster", replace(handout.record, name="poster", layout=None))
    orphan = replace(handout, kind="poster")
    with pytest.raises(LookupError, match=r"no function makes the 'poster' handouts: mark one @sheet\('poster'\)"):
        sheet_data(orphan, small)
