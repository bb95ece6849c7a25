"""Paper and projector for every reader, measured in the built PDFs: type of 9 points at least (8 in a footer), an
address a tap opens wherever one is written, the French words explained on the sheet that uses them, every
slide's text inside the projector's safe area, and one structure for every deck so that one set of speaker
notes fits them all. Expectations come from the data, so that a fork's handouts pass with the fork's texts."""

from __future__ import annotations

import random
import re

import pytest

from handouts.build import fit_deck
from handouts.kinds import catalogue
from handouts.slides import _chunks
from render.site import HANDOUTS_FOLDER
from tests.conftest import ROOT
from tests.support.pdf import Page, layout, normal
from web.config import project_at

BODY_PT, FOOTER_PT = 9, 8
FOOTER_ZONE_PT = 14 / 25.4 * 72  # the sheets' bottom margin, where the footer sits (handouts/typst/base.typ)
SAFE = 0.05  # of the slide's width and height, on each side
# A web address or an e-mail address as a text writes it: ameli.fr, www.ameli.fr/assure/..., name@host.fr
ADDRESS = re.compile(
    r"(?i)^\W*((https?://)?[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?|\S+@\S+\.[a-z]{2,})\W*$"
)


@pytest.fixture(scope="module")
def inputs():
    return project_at(ROOT)


@pytest.fixture(scope="module")
def every_pdf(built_site, guide):
    return {h: built_site / HANDOUTS_FOLDER / h.filename for h in catalogue(guide)}


def _decks(every_pdf):
    return {h: path for h, path in every_pdf.items() if h.record.max_pages is None}


def test_every_sheets_text_is_at_least_9_points_and_its_footer_at_least_8(every_pdf):
    small = []
    for handout, path in every_pdf.items():
        if handout.record.max_pages is None:
            continue  # slides: 24 points at least (test_slides.py)
        for page in layout(path):
            for text, size, up in page.sizes:
                floor = FOOTER_PT if up < FOOTER_ZONE_PT else BODY_PT
                if size < floor - 0.01:
                    small.append(f"{handout.filename} p. {page.number}: {size} pt < {floor} pt: {text[:40]!r}")
    assert not small, "\n".join(small)


def _in_a_link(page: Page, word) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2
    return any(x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1 for x0, y0, x1, y1 in page.links)


def test_every_address_written_in_a_handout_opens_when_tapped(every_pdf):
    found, unlinked = 0, []
    for handout, path in every_pdf.items():
        for page in layout(path):
            for word in page.words:
                if ADDRESS.match(word.text):
                    found += 1
                    if not _in_a_link(page, word):
                        unlinked.append(f"{handout.filename} p. {page.number}: {word.text}")
    assert found, "no address was found in any handout"
    assert not unlinked, "\n".join(unlinked)


def test_each_sheet_explains_the_french_words_it_uses(every_pdf, inputs, labels):
    guide = inputs.guide
    for handout, path in every_pdf.items():
        if handout.kind not in ("checklist", "overview", "bilingual"):
            continue
        text = normal(" ".join(" ".join(w.text for w in page.words) for page in layout(path)))
        wanted = guide.words_to_explain(text, overview=handout.kind != "checklist")
        if wanted:
            for lang in handout.langs:
                assert normal(labels.get("paper_words", lang)) in text, (handout.filename, lang)
        for g in wanted:
            for lang in handout.langs:
                assert normal(g.definition(lang))[:50] in text, (handout.filename, g.id, lang)


def test_every_slides_text_stays_inside_the_safe_area(every_pdf):
    outside = []
    for handout, path in _decks(every_pdf).items():
        for page in layout(path):
            left, top = page.width * SAFE, page.height * SAFE
            right, bottom = page.width - left, page.height - top
            for w in page.words:
                if w.x0 < left or w.x1 > right or w.y0 < top or w.y1 > bottom:
                    outside.append(
                        f"{handout.filename} slide {page.number}: {w.text!r} at {w.x0:.0f}–{w.x1:.0f}, "
                        f"{w.y0:.0f}–{w.y1:.0f} pt (safe area {left:.0f}–{right:.0f}, {top:.0f}–{bottom:.0f})"
                    )
    assert not outside, "\n".join(outside[:40])


def test_every_deck_has_the_same_slides_so_that_one_set_of_notes_fits_each(every_pdf, inputs):
    decks = _decks(every_pdf)
    assert len(decks) > 1
    structures = {h.filename: fit_deck(h, inputs)[0] for h in decks}
    first = next(iter(structures.values()))
    for filename, slides in structures.items():
        assert [(s.kind, s.where, s.items, s.part) for s in slides] == [
            (s.kind, s.where, s.items, s.part) for s in first
        ], filename
    for handout, path in decks.items():
        assert len(layout(path)) == len(first), handout.filename


def test_a_list_cut_into_slides_leaves_no_item_alone_beside_a_slide_with_room():
    rng = random.Random(29)
    for _ in range(2000):
        height = rng.randint(3, 12)
        costs = [rng.randint(1, height) for _ in range(rng.randint(1, 14))]
        runs = _chunks(list(range(len(costs))), costs.__getitem__, height)
        assert [i for run in runs for i in run] == list(range(len(costs)))
        for at, run in enumerate(runs):
            if len(run) != 1:
                continue
            for near in (runs[at - 1] if at else None, runs[at + 1] if at + 1 < len(runs) else None):
                if near:
                    assert sum(costs[i] for i in near) + costs[run[0]] > height, (costs, height, runs)
