"""The handouts: every PDF is tagged and in its language; the paper ones (A4) are complete and within their
page budget, and every QR code leads to the site. The slides have tests of their own (test_slides.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from guide.errors import DataError
from handouts.build import build_handouts, handout_problems, qr_problems, render_handouts
from handouts.kinds import catalogue
from render.environment import short_url
from render.site import HANDOUTS_FOLDER
from tests.conftest import ROOT, copy_project, run_full_build
from tests.support.pdf import decode_qr_codes, normal, page_texts
from web.config import project_at

A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def inputs():
    return project_at(ROOT)


SHEETS = ("overview", "bilingual", "checklist")  # the sheets handed out to students; the rest is for a session


@pytest.fixture(scope="module")
def every_pdf(built_site, guide):
    return {h: built_site / HANDOUTS_FOLDER / h.filename for h in catalogue(guide)}


@pytest.fixture(scope="module")
def pdfs(every_pdf):
    return {h: path for h, path in every_pdf.items() if h.kind in SHEETS}


def qr_page_number(handout, path: Path) -> int:
    """The page that carries a handout's own QR code: the last slide of a deck, else the first page."""
    return len(PdfReader(path).pages) if handout.record.max_pages is None else 1


def pdf_text(path: Path) -> str:
    return normal(" ".join(page_texts(path)))


def test_every_handout_is_written(every_pdf, guide):
    n = len(guide.languages)
    sheets = n + (n - 1) + n * len(guide.profiles)
    session = n + (n - 1) + n  # the slides in each language, side by side, and the speaker's notes
    assert len(every_pdf) == sheets + session
    for path in every_pdf.values():
        assert path.is_file() and path.stat().st_size > 0


def test_every_paper_handout_is_a4_and_one_over_its_page_budget_is_said_by_make_check(every_pdf, inputs):
    """A university's long texts may make a sheet longer than its budget: it is then made whole, and `make check`
    names its longest step. Upstream's own sheets keep within their budgets (its data, not this test, says so:
    the check gives upstream no note)."""
    _, notes = handout_problems(inputs)
    noted = {n.file.removeprefix(f"{HANDOUTS_FOLDER}/") for n in notes}
    for handout, path in every_pdf.items():
        if handout.record.paper != "A4":
            continue
        reader = PdfReader(path)
        assert len(reader.pages) >= 1, handout.filename
        assert (len(reader.pages) > handout.record.max_pages) == (handout.filename in noted), handout.filename
        for page in reader.pages:
            size = (float(page.mediabox.width), float(page.mediabox.height))
            assert all(abs(a - b) < 1 for a, b in zip(size, A4, strict=True)), (handout.filename, size)


def test_every_handout_declares_language_title_tags_and_embeds_its_fonts(every_pdf, labels):
    for handout, path in every_pdf.items():
        reader = PdfReader(path)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == handout.lang, handout.filename
        assert root["/MarkInfo"]["/Marked"], handout.filename
        assert reader.metadata.title, handout.filename
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                descriptor = descendant["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), handout.filename


def test_each_handout_shows_its_steps_and_documents_in_its_language(pdfs, guide):
    for handout, path in pdfs.items():
        text = pdf_text(path)
        for lang in handout.langs:
            steps = guide.steps
            for step in steps:
                assert normal(step.title(lang)) in text, (handout.filename, lang, step.id)
            if handout.kind == "checklist":
                docs = guide.documents_needed(handout.profile)
                for step in guide.steps_for(handout.profile):
                    for task in step.tasks_for(handout.profile):
                        assert normal(task.text(lang)) in text, (handout.filename, task.id)
            else:
                docs = guide.documents
            for doc in docs:
                assert normal(doc.name(lang)) in text, (handout.filename, lang, doc.id)
        others = [lang for lang in guide.languages if lang not in handout.langs]
        for lang in others:
            foreign = [s.id for s in guide.steps if normal(s.title(lang)) in text]
            assert not foreign, (handout.filename, lang, foreign)


def test_each_handout_footer_names_the_university_and_the_check_date(every_pdf, inputs, labels):
    for handout, path in every_pdf.items():
        text = pdf_text(path)
        assert normal(inputs.university.short_name(handout.lang)) in text
        assert normal(labels.date(inputs.guide.last_checked, handout.lang)) in text


def test_each_qr_code_leads_to_the_expected_page(every_pdf, inputs, guide, tmp_path, built_site):
    register = guide.links["etudiant-etranger"].url
    for handout, path in every_pdf.items():
        if handout.kind == "slides_bilingual":
            continue  # one code per language: test_slides.py
        expected = {inputs.site_url + handout.qr_page(guide.languages[0])}
        if handout.kind in ("overview", "bilingual"):
            expected.add(register)
        assert decode_qr_codes(path, tmp_path, qr_page_number(handout, path)) == expected, handout.filename
        page = handout.qr_page(guide.languages[0]).partition("#")[0]
        assert (built_site / page / "index.html").is_file()


def test_print_page_links_every_handout_of_its_language(built_site, guide):
    for lang in guide.languages:
        page = built_site / ("" if lang == guide.languages[0] else lang) / "imprimer" / "index.html"
        html = page.read_text(encoding="utf-8")
        for handout in catalogue(guide):
            assert (handout.filename in html) == (lang in handout.langs), (lang, handout.filename)


def test_a_step_too_long_for_its_sheet_is_reported_naming_the_step(built_site, tmp_path, project_copy):
    project = project_copy()
    steps = project / "data" / "steps.yaml"
    # Every French text of the step as long as a text may be (1000 characters): together, more than a page.
    long_text = " ".join(["Un texte beaucoup trop long pour tenir sur une page."] * 18)
    text = steps.read_text()
    start = text.index("  - id: personal-area\n")
    end = text.index("\n  - id: ", start + 1)
    block = re.sub(r"(?m)^(\s+fr: ).*$", lambda m: m.group(1) + long_text, text[start:end])
    steps.write_text(text[:start] + block + text[end:])
    site = tmp_path / "site"
    notes: list = []
    # Only the sheet that must grow is made; it is still written: a long handout is not a broken one.
    render_handouts(site, project_at(project), notes, only={"checklist-non-eu-fr.pdf"})
    report = DataError(notes).report()
    where = "handouts/checklist-non-eu-fr.pdf: steps.personal-area"
    assert re.search(where + r": \d+ pages, more than the 2 a checklist may have", report), report
    assert "its longest step is this one" in report
    assert (site / HANDOUTS_FOLDER / "checklist-non-eu-fr.pdf").is_file()


def test_a_qr_code_to_a_missing_page_fails_with_a_clear_message(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.pdf", "*.zip"))
    shutil.rmtree(site / "en" / "parcours" / "overseas")
    problems = qr_problems(site, project_at(ROOT))  # found before any PDF is made
    with pytest.raises(DataError) as caught:
        build_handouts(site, project_at(ROOT))
    assert problems and str(problems[0]) in caught.value.report()
    assert (
        "handouts/checklist-overseas-en.pdf: QR code: leads to 'en/parcours/overseas/', which is not a page of the site"
    ) in caught.value.report()


def test_a_clone_with_a_github_remote_prints_qr_codes_to_its_pages_address(tmp_path):
    """No SITE_URL: the address is the university layer's site_url, else the one of the GitHub remote."""
    project = copy_project(tmp_path / "project")
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    remote = "https://github.com/some-university/health-insurance-guide.git"
    subprocess.run(["git", "-C", str(project), "remote", "add", "origin", remote], check=True)
    site = tmp_path / "site"
    result = run_full_build(project, site, own_url=True)
    assert result.returncode == 0, result.stderr
    loaded = project_at(project)
    address = loaded.university.site_url or "https://some-university.github.io/health-insurance-guide/"
    assert f"Published address: {address}" in result.stdout and "PREVIEW" not in result.stdout
    register = loaded.guide.links["etudiant-etranger"].url
    for handout in catalogue(loaded.guide):
        path = site / HANDOUTS_FOLDER / handout.filename
        codes = decode_qr_codes(path, tmp_path, qr_page_number(handout, path))
        assert address + handout.qr_page(loaded.guide.languages[0]) in codes, (handout.filename, codes)
        assert all(c.startswith(address) or c == register for c in codes), codes


def test_without_a_known_address_the_build_and_every_handout_say_they_are_a_preview(tmp_path):
    project = copy_project(tmp_path / "project")  # no git remote, no SITE_URL
    site = tmp_path / "site"
    result = run_full_build(project, site, own_url=True)
    assert result.returncode == 0, result.stderr
    loaded = project_at(project)
    preview = loaded.university.site_url is None  # a university that gives its address gets no preview
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("PREVIEW ONLY: no published address is known") == preview, last
    for handout in catalogue(loaded.guide):
        text = normal(pdf_text(site / HANDOUTS_FOLDER / handout.filename))
        notice = "Preview, not for handing out" in text or "Aperçu, à ne pas distribuer" in text
        assert notice == preview, handout.filename


def shows(paragraph: str, text: str) -> bool:
    """Whether `text` holds the paragraph, which in two columns may run from one column or page into the next:
    its beginning and its end (each shorter than the two lines a column keeps together) are looked for."""
    words = normal(paragraph)
    return words[:40] in text and words[-40:] in text


def without_footers(text: str, handout, inputs) -> str:
    """The text of a handout without its page footers, so that a paragraph running over a page reads whole."""
    lang, labels = handout.lang, inputs.labels
    footer = normal(
        f"{inputs.university.short_name(lang)} · {labels.get('last_checked', lang)} "
        f"{labels.date(inputs.guide.last_checked, lang)}"
    )
    return re.sub(re.escape(footer) + r" \d+ / \d+ ?", "", text)


def reachable_contacts(inputs):
    """The contacts a student calls or visits: the phone lines, the university's desk and CPAM (else the national
    "your CPAM")."""
    university = inputs.university
    national = [c for c in inputs.guide.contacts if c.kind == "phone" or (c.kind == "office" and not university.cpam)]
    return national + [c for c in (university.desk, university.cpam) if c]


def test_each_checklist_carries_the_contacts_the_waits_and_what_each_document_must_be(pdfs, inputs, labels):
    """Everything but the steps' notes, which stay on the page the QR code opens (the sheet says so)."""
    guide = inputs.guide
    for handout, path in pdfs.items():
        if handout.kind != "checklist":
            continue
        text, lang = without_footers(pdf_text(path), handout, inputs), handout.lang
        for contact in reachable_contacts(inputs):
            assert normal(contact.name(lang)) in text, (handout.filename, contact.id)
            for fact in (contact.phone, contact.hours and contact.hours(lang), contact.address, contact.email):
                if fact:
                    assert normal(fact) in text, (handout.filename, contact.id, fact)
        for step in guide.steps_for(handout.profile):
            assert normal(step.duration(lang)) in text, (handout.filename, step.id)
            if step.while_waiting:
                assert shows(step.while_waiting(lang), text), (handout.filename, step.id)
        for doc in guide.documents_needed(handout.profile):
            assert shows(doc.description(lang), text), (handout.filename, doc.id)
        assert normal(labels.get("paper_more_online", lang)) in text, handout.filename


def test_the_overview_says_who_registers_who_needs_each_document_and_how_to_reach_each_contact(pdfs, inputs):
    from handouts.sheets import register_groups, who_needs

    guide, labels = inputs.guide, inputs.labels
    for handout, path in pdfs.items():
        if handout.kind == "checklist":
            continue
        text = pdf_text(path)
        for lang in handout.langs:

            def t(value, lang=lang):
                return value(lang) if not isinstance(value, str) else labels.get(value, lang)

            for label, profiles in register_groups(guide):
                assert normal(t(label)) in text, (handout.filename, label)
                for profile in profiles:
                    assert normal(profile.name(lang)) in text, (handout.filename, profile.id)
            for doc in guide.documents:
                assert normal(f"{doc.name(lang)}") in text and normal(who_needs(guide, doc, t)) in text, (
                    handout.filename,
                    doc.id,
                )
            for contact in guide.contacts:
                reach = contact.phone or (contact.link and short_url(contact.link.url)) or contact.address
                # an address may wrap anywhere in a narrow column
                assert reach and "".join(reach.split()) in "".join(text.split()), (handout.filename, contact.id)
