"""What each student must be told, and must not be told, on their path page (as seen in a browser) and on
their checklist (the PDF). The table names documents and links by their ids: the words come from the data."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from render.site import HANDOUTS_FOLDER, route_url

pytestmark = pytest.mark.browser

# profile: (documents it must see, documents it must not see, links it must see, links it must not see)
TOLD = {
    "non-eu": (
        ["residence-permit", "student-visa", "civil-status-translation", "rib"],
        ["proof-of-resources", "european-health-insurance-card", "parental-authorisation"],
        ["residence-permit-validation", "etudiant-etranger"],
        [],
    ),
    "under-16": (
        ["parental-authorisation", "residence-permit", "student-visa"],
        ["proof-of-resources"],
        ["residence-permit-validation"],
        [],
    ),
    "eu-no-ehic": (
        ["proof-of-resources", "civil-status", "rib"],
        ["residence-permit", "student-visa"],
        ["etudiant-etranger"],
        ["residence-permit-validation"],
    ),
    "overseas": (
        ["civil-status", "rib"],
        ["residence-permit", "student-visa", "proof-of-resources"],
        ["etudiant-etranger"],
        ["residence-permit-validation"],
    ),
    "french-abroad": (
        ["identity", "civil-status", "rib"],
        ["residence-permit", "student-visa", "proof-of-resources", "civil-status-translation"],
        ["etudiant-etranger"],
        ["residence-permit-validation"],
    ),
    "eu-ehic": (
        ["european-health-insurance-card"],
        ["residence-permit", "student-visa", "rib", "civil-status", "proof-of-resources"],
        [],
        ["residence-permit-validation", "etudiant-etranger-espace"],
    ),
}


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.mark.parametrize("profile_id", TOLD)
def test_each_student_is_told_what_applies_and_not_what_does_not(
    profile_id, browser, base, built_site, guide, languages
):
    must_docs, never_docs, must_links, never_links = TOLD[profile_id]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for lang in languages:
        page.goto(base + route_url(profile_id, lang, languages[0]))
        folded = page.locator("details.hig-step__body:not([open]) > summary")
        while folded.count():
            folded.first.click()  # the student opens each folded step to read it
        seen = _normal(page.inner_text("article"))
        hrefs = set(
            page.eval_on_selector_all("article a[href]", "els => els.filter(e => e.offsetParent).map(e => e.href)")
        )
        pdf = built_site / HANDOUTS_FOLDER / f"checklist-{profile_id}-{lang}.pdf"
        printed = _normal(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages))
        for doc in must_docs:
            name = _normal(next(d for d in guide.documents if d.id == doc).name(lang))
            assert name in seen, (lang, profile_id, "page lacks", doc)
            assert name in printed, (lang, profile_id, "checklist lacks", doc)
        for doc in never_docs:
            name = _normal(next(d for d in guide.documents if d.id == doc).name(lang))
            assert name not in seen, (lang, profile_id, "page shows", doc)
            assert name not in printed, (lang, profile_id, "checklist shows", doc)
        for link in must_links:
            assert guide.links[link].url in hrefs, (lang, profile_id, "page lacks link", link)
        for link in never_links:
            assert guide.links[link].url not in hrefs, (lang, profile_id, "page shows link", link)
        # No advice is shown before any answer is given
        assert not [a for a in page.locator(".hig-advice").all() if a.is_visible()], (lang, profile_id)
    context.close()
