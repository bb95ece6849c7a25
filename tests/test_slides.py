"""The orientation slides, read back from the built PDFs: 16:9, one page per slide of the deck, the steps and
situations in the deck's language (both languages on every slide of the bilingual deck), type a hall can
read, the university's colour, and a closing QR code that opens the path chooser. Expectations come from
the data, so that a fork's deck passes with the fork's name, desk and local steps."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from guide.errors import DataError
from handouts.build import crowded_slides, fit_deck, lay_out_handout, render_handouts
from handouts.kinds import catalogue, leader
from handouts.slides import Slide
from render.site import CHOOSER_ANCHOR, HANDOUTS_FOLDER
from tests.conftest import ROOT
from tests.support.pdf import decode_qr_codes, normal
from tests.support.pdf import page_texts as pdf_pages
from tests.support.small import load_small
from web.__main__ import check
from web.config import project_at

SLIDE_KINDS = ("slides", "slides_bilingual")
MIN_PT = 24


@pytest.fixture(scope="module")
def inputs():
    return project_at(ROOT)


@pytest.fixture(scope="module")
def decks(built_site, inputs):
    """Each deck's handout, its PDF and the slides it must have, in order."""
    guide = inputs.guide
    found = {}
    for handout in catalogue(guide):
        if handout.kind in SLIDE_KINDS:
            slides = fit_deck(handout, inputs)[0]  # as the build cut them
            found[handout] = (built_site / HANDOUTS_FOLDER / handout.filename, slides)
    return found


def page_texts(path: Path) -> list[str]:
    return [normal(text) for text in pdf_pages(path)]


def marker(slide: Slide, lang: str, inputs) -> str:
    """A text that slide `slide` must show in `lang`, whatever the data: its heading, or its step's title."""
    labels = inputs.labels
    if slide.kind == "step":
        return (slide.step.slide_title or slide.step.title)(lang)
    if slide.kind == "documents":
        return slide.heading(lang)
    if slide.kind == "preview":
        return labels.get("preview_notice", lang)[:30]
    label = {
        "title": "slides_title",
        "who": "who_registers",
        "waiting": "while_waiting",
        "contacts": "contacts",
        "desk": "slides_desk",
        "closing": "slides_closing",
    }[slide.kind]
    return labels.get(label, lang)


def test_every_deck_is_16_9_with_one_page_per_slide(decks):
    assert {h.kind for h in decks} == set(SLIDE_KINDS)
    for handout, (path, slides) in decks.items():
        reader = PdfReader(path)
        assert len(reader.pages) == len(slides), handout.filename
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width / height - 16 / 9) < 0.001, (handout.filename, width, height)


def test_each_slide_shows_what_the_deck_says_in_each_of_its_languages(decks, inputs):
    for handout, (path, slides) in decks.items():
        for number, (slide, text) in enumerate(zip(slides, page_texts(path), strict=True), start=1):
            for lang in handout.langs:
                assert normal(marker(slide, lang, inputs)) in text, (handout.filename, number, slide.kind, lang)


def test_each_deck_has_every_step_and_every_situation_in_its_languages_only(decks, inputs):
    guide = inputs.guide
    for handout, (path, _) in decks.items():
        text = " ".join(page_texts(path))
        for lang in handout.langs:
            for step in guide.steps:
                assert normal((step.slide_title or step.title)(lang)) in text, (handout.filename, step.id)
                for task in step.key_tasks:
                    assert normal((task.slide or task.text)(lang)) in text, (handout.filename, task.id)
            for profile in guide.profiles:
                assert normal(profile.name(lang)) in text, (handout.filename, profile.id)
        for other in (lang for lang in guide.languages if lang not in handout.langs):
            foreign = [s.id for s in guide.steps if normal((s.slide_title or s.title)(other)) in text]
            assert not foreign, (handout.filename, other, foreign)


def test_the_bilingual_deck_says_every_slide_in_both_languages(decks, inputs):
    bilingual = [h for h in decks if h.kind == "slides_bilingual"]
    assert len(bilingual) == len(inputs.guide.languages) - 1
    for handout in bilingual:
        path, slides = decks[handout]
        for number, (slide, text) in enumerate(zip(slides, page_texts(path), strict=True), start=1):
            if slide.kind == "step":
                for task in slide.step.key_tasks:
                    for lang in handout.langs:
                        assert normal((task.slide or task.text)(lang)) in text, (number, task.id, lang)


def font_sizes(path: Path) -> list[tuple[float, int, str]]:
    """(size in points as printed, page number, text) for every run of text of the PDF."""
    runs = []
    for number, page in enumerate(PdfReader(path).pages, start=1):

        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
                c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
                runs.append((size * abs(a * d - b * c) ** 0.5, number, text.strip()))

        page.extract_text(visitor_text=visit)
    return runs


def logo_texts(inputs) -> set[str]:
    """The words drawn inside the university's logo, when it is an SVG that has some: the logo's, not the
    slide's type."""
    logo = inputs.university.logo
    if not logo or not logo.endswith(".svg"):
        return set()
    svg = (inputs.root / "content" / logo).read_text(encoding="utf-8")
    return {m.strip() for m in re.findall(r"<text[^>]*>([^<]*)</text>", svg) if m.strip()}


def test_no_text_on_a_slide_is_smaller_than_24_points(decks, inputs):
    artwork = logo_texts(inputs)
    for handout, (path, _) in decks.items():
        runs = [r for r in font_sizes(path) if r[2] not in artwork]
        assert runs, handout.filename
        small = [r for r in runs if r[0] < MIN_PT - 0.05]
        assert not small, (handout.filename, small[:5])


def test_the_closing_slide_qr_codes_open_the_path_chooser(decks, inputs, built_site, tmp_path):
    default = inputs.guide.languages[0]
    for handout, (path, slides) in decks.items():
        assert slides[-1].kind == "closing"
        homes = {lang: "" if lang == default else f"{lang}/" for lang in handout.langs}
        expected = {f"{inputs.site_url}{home}#{CHOOSER_ANCHOR}" for home in homes.values()}
        assert decode_qr_codes(path, tmp_path, len(slides)) == expected, handout.filename
        closing = "".join(page_texts(path)[-1].split())
        for home in homes.values():  # the address in full too, for whoever types it from the back of the hall
            typed = (inputs.site_url + home).split("://", 1)[1].rstrip("/")
            assert typed in closing, (handout.filename, typed)
        for home in homes.values():
            assert f'id="{CHOOSER_ANCHOR}"' in (built_site / home / "index.html").read_text(encoding="utf-8")


def colours_used(path: Path) -> set[tuple[float, float, float]]:
    """The fill colours (r, g, b from 0 to 1) that the PDF's pages paint with."""
    found = set()
    for page in PdfReader(path).pages:
        data = page.get_contents().get_data().decode("latin-1")
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|scn?)\b", data):  # device RGB, or a colour space
            found.add((float(r), float(g), float(b)))
    return found


def test_the_slides_headings_stand_on_the_university_colour(decks, inputs):
    primary = inputs.university.colors["primary"]
    wanted = tuple(int(primary[i : i + 2], 16) / 255 for i in (1, 3, 5))
    for handout, (path, _) in decks.items():
        assert any(all(abs(a - b) < 0.01 for a, b in zip(c, wanted, strict=True)) for c in colours_used(path)), (
            handout.filename,
            primary,
        )


def test_the_university_layer_is_on_the_slides(decks, inputs):
    """Its name on the title slide; its desk, sessions and logo when it has them (a fork's deck, in the fork run)."""
    university = inputs.university
    for handout, (path, slides) in decks.items():
        texts = page_texts(path)
        title = next(i for i, s in enumerate(slides) if s.kind == "title")
        for lang in handout.langs:
            assert normal(university.name(lang)) in texts[title], handout.filename
        desk = [i for i, s in enumerate(slides) if s.kind == "desk"]
        assert bool(desk) == bool(university.desk or university.sessions), handout.filename
        campus = normal(" ".join(texts[i] for i in desk))
        if university.desk:
            assert normal(university.desk.name(handout.lang)) in campus
            for fact in (university.desk.phone, university.desk.email):
                if fact:
                    assert normal(fact) in campus, (handout.filename, fact)
        for session in university.sessions:
            assert normal(session.place(handout.lang)) in campus, handout.filename
        page = PdfReader(path).pages[title]
        drawn = [x.get_object()["/Subtype"] for x in page["/Resources"].get("/XObject", {}).values()]
        if not university.logo:
            assert not drawn, handout.filename
        elif logo_texts(inputs):  # an SVG logo is drawn as vectors, its words as text
            assert all(word in texts[title] for word in logo_texts(inputs)), handout.filename
        else:
            assert "/Image" in drawn, handout.filename


def test_the_speaker_notes_follow_the_deck_slide_by_slide(built_site, inputs):
    guide, labels = inputs.guide, inputs.labels
    notes = [h for h in catalogue(guide) if h.kind == "slide_notes"]
    assert [h.lang for h in notes] == list(guide.languages)
    for handout in notes:
        slides = fit_deck(leader(handout, guide), inputs)[0]
        text = normal(" ".join(page_texts(built_site / HANDOUTS_FOLDER / handout.filename)))
        numbers = [normal(labels.get("slide_number", handout.lang).format(number=n)) for n in range(1, len(slides) + 1)]
        positions = [text.find(n + " ") for n in numbers]
        assert all(p >= 0 for p in positions) and positions == sorted(positions), handout.filename
        for step in guide.steps:
            for task in step.tasks:  # every task in full, where the slide has a few words
                assert normal(task.text(handout.lang))[:60] in text, (handout.filename, task.id)


def crowd(project_root: Path, step_id: str) -> None:
    """Give a step of the small guide more tasks than a slide holds."""
    steps = project_root / "data" / "steps.yaml"
    text = steps.read_text(encoding="utf-8")
    start = text.index(f"  - id: {step_id}\n")
    at = text.index("    tasks:\n", start) + len("    tasks:\n")
    many = "".join(
        f"      - id: {step_id}.more-{i}\n        text:\n"
        f"          fr: Une tâche de plus, écrite assez longuement pour prendre deux lignes de la diapositive.\n"
        f"          en: One more task, written at enough length to take two lines of the slide.\n"
        for i in range(8)
    )
    steps.write_text(text[:at] + many + text[at:], encoding="utf-8")


def test_a_step_too_long_for_its_slide_stops_the_check_and_the_build_naming_the_step(tmp_path, capsys):
    small = load_small(tmp_path / "before")
    step_id = small.guide.steps[1].id
    crowd(small.root, step_id)
    project = project_at(small.root)
    [handout] = [h for h in catalogue(project.guide) if h.filename == "slides-en.pdf"]
    [problem] = crowded_slides(handout, lay_out_handout(handout, project)[1], project)
    assert problem.path == f"steps.{step_id}" and "too long for one slide" in problem.message

    assert check(small.root) == 1
    assert f"handouts/slides-en.pdf: steps.{step_id}: too long for one slide" in capsys.readouterr().err
    with pytest.raises(DataError) as caught:
        render_handouts(tmp_path / "site", project, only={"slides-en.pdf"})
    assert f"steps.{step_id}" in caught.value.report()
    assert not (tmp_path / "site" / HANDOUTS_FOLDER / "slides-en.pdf").exists()


def test_hostile_texts_land_on_the_slides_and_in_the_notes_as_text(tmp_path):
    small = load_small(tmp_path / "guide")
    steps = small.root / "data" / "steps.yaml"
    title = small.guide.steps[1].title("en")
    hostile = "<script>alert(1)</script> {{ 7*7 }} #set text(red) $x$ *bold*"
    steps.write_text(steps.read_text(encoding="utf-8").replace(f"en: {title}\n", f"en: '{title} {hostile}'\n"))
    project = project_at(small.root)
    for handout in (h for h in catalogue(project.guide) if h.lang == "en" or "en" in h.langs):
        if handout.record.section != "slides":
            continue
        _, laid = lay_out_handout(handout, project)
        text = normal(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(laid.pdf)).pages))
        for piece in ("<script>alert(1)</script>", "{{ 7*7 }}", "#set text(red)", "$x$ *bold*"):
            # as written, neither markup nor code (wherever a narrow column breaks its lines)
            assert "".join(piece.split()) in "".join(text.split()), (handout.filename, piece)
