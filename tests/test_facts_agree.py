"""The facts say the same everywhere: a delay is one figure on the page, the checklist, the slides and the
reminders; a phone number comes with the way it is dialled from abroad, or with the warning that only a French
phone can call it; the Sources page lists where the sources disagree. What is expected comes from the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guide import phones
from guide.delays import figures
from guide.errors import DataError
from guide.loader import load_guide
from guide.model import Guide
from handouts.sheets import typeable
from render.site import HANDOUTS_FOLDER, route_url
from tests.support.pdf import page_texts
from tests.support.small import FIXTURE, LANGUAGES

SMALL = (FIXTURE / "data" / "steps.yaml").read_text(encoding="utf-8")


def squash(text: str) -> str:
    """A text to compare across outputs: without spaces or quotation marks, which layout and typography change."""
    return re.sub(r"[\s\"'“”«»‘’]", "", text)


def _text(html: Path) -> str:
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return squash(soup.get_text(" "))


def _pdf(site: Path, name: str) -> str:
    return squash(" ".join(page_texts(site / HANDOUTS_FOLDER / name)))


def _page(site: Path, lang: str, default: str, path: str) -> Path:
    return site / ("" if lang == default else lang) / path / "index.html"


# -- one figure per delay -------------------------------------------------------------------------------------


def test_delays_are_read_as_figures_in_each_language() -> None:
    assert figures("Comptez 4 à 6 semaines, puis 7 jours") == {(4, 6, "week"), (7, 7, "day")}
    assert figures("about 2 to 3 weeks; within 7 days; 1 month") == {(2, 3, "week"), (7, 7, "day"), (1, 1, "month")}
    assert figures("de 8 h 30 à 17 h 30, 4 Mo, 13 chiffres, moins de 16 ans") == set()


def _load(tmp_path: Path, old: str, new: str) -> Guide:
    assert old in SMALL, f"test is out of date: {old!r} is no longer in the small guide"
    path = tmp_path / "steps.yaml"
    path.write_text(SMALL.replace(old, new, 1), encoding="utf-8")
    return load_guide(LANGUAGES, path, shown_as="data/steps.yaml")


def test_a_reminder_giving_another_delay_than_its_page_is_refused_where_it_stands(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        _load(tmp_path, "fr: La carte devrait être arrivée.", "fr: La carte arrive en 4 à 6 semaines.")
    [problem] = caught.value.problems
    assert "steps[2].reminders[0].text.fr: gives a delay of 4-6 week(s) that the step's page does not give" in str(
        problem
    )
    assert str(problem).startswith("data/steps.yaml:")


def test_a_reminder_repeating_its_pages_figure_is_accepted(tmp_path: Path) -> None:
    old = "      fr: Trois semaines.\n      en: Three weeks."
    assert old in SMALL
    path = tmp_path / "steps.yaml"
    text = SMALL.replace(old, "      fr: 3 semaines.\n      en: 3 weeks.").replace(
        "fr: La carte devrait être arrivée.", "fr: La carte arrive en 3 semaines."
    )
    path.write_text(text, encoding="utf-8")
    load_guide(LANGUAGES, path, shown_as="data/steps.yaml")


def test_each_delay_reads_the_same_on_page_checklist_slides_and_reminders(
    built_site: Path, guide: Guide, languages: tuple[str, ...]
) -> None:
    checked = 0
    for step in guide.steps:
        profile = next((p for p in guide.profiles if step.id in {x.step.id for x in guide.journey(p.id)}), None)
        if profile is None:
            continue
        for lang in languages:
            page = _text(built_site / route_url(profile.id, lang, languages[0]) / "index.html")
            checklist = _pdf(built_site, f"checklist-{profile.id}-{lang}.pdf")
            slides = _pdf(built_site, f"slides-{lang}.pdf")
            said = squash(step.duration(lang))
            assert said in page, (step.id, lang, said)
            assert said in checklist, (step.id, lang, "checklist", said)
            on_slide = squash((step.slide_duration or step.duration)(lang))
            assert on_slide in slides, (step.id, lang, "slides", on_slide)
            for reminder in step.reminders:
                assert squash(reminder.text(lang)) in page, (step.id, reminder.id, lang)
            checked += 1
    assert checked, "no step is on any path"


# -- phone numbers, from France and from abroad -----------------------------------------------------------------


def test_numbers_are_dialled_from_abroad_as_the_french_numbering_plan_says() -> None:
    assert phones.from_abroad("09 74 75 36 46") == "+33 9 74 75 36 46"
    assert phones.from_abroad("0612345678") == "+33 6 12 34 56 78"
    assert phones.from_abroad("01 23 45 67 89") == "+33 1 23 45 67 89"
    assert phones.from_abroad("08 00 12 34 56") is None  # many 08 numbers cannot be called from abroad
    assert phones.from_abroad("+33 1 23 45 67 89") is None  # already the form for every phone
    assert phones.from_abroad("3646") is None and phones.french_only("3646")
    assert not phones.french_only("+33 1 23 45 67 89") and not phones.french_only("09 74 75 36 46")
    assert phones.tel("+33 9 74 75 36 46") == "tel:+33974753646"


def test_every_number_comes_with_its_foreign_form_or_a_french_only_warning(
    built_site: Path, guide: Guide, labels, languages: tuple[str, ...]
) -> None:
    numbered = [c for c in guide.contacts if c.phone]
    assert numbered, "the data has no phone number"
    everyone = next(p for p in guide.profiles if p.registration == "must")
    for lang in languages:
        help_page = _page(built_site, lang, languages[0], "aide")
        soup = BeautifulSoup(help_page.read_text(encoding="utf-8"), "html.parser")
        links = {a["href"] for a in soup.select("a[href^='tel:']")}
        outputs = {
            "help page": _text(help_page),
            "slides": _pdf(built_site, f"slides-{lang}.pdf"),
            "checklist": _pdf(built_site, f"checklist-{everyone.id}-{lang}.pdf"),
        }
        for c in numbered:
            if c.kind not in ("phone", "office"):
                outputs.pop("checklist", None)  # a checklist lists the numbers to call and the offices
            if c.phone_abroad:
                assert phones.tel(c.phone_abroad) in links, (c.id, lang)
                wanted = squash(c.phone_abroad)
            elif c.french_phone_only:
                wanted = squash(labels.get("french_phone_only", lang))
            else:
                continue
            for where, text in outputs.items():
                assert wanted in text, (c.id, lang, where, wanted)
                if c.hours:
                    assert squash(c.hours(lang)) in text, (c.id, lang, where, "hours")


# -- where the sources disagree ---------------------------------------------------------------------------------

# The conflicts the facts review of December 2026 found (its items O5 and E1): each by
# the sources it names and words of its text in each language.
CONFLICTS = {
    "30 % / 70 % from one source": ({"walkthrough-registration"}, "30 %", "30%"),
    "PDF only, or PDF, JPEG, PNG": ({"ameli-slides", "walkthrough-registration"}, "JPEG", "JPEG"),
    "CPAM or personal area": ({"walkthrough-registration", "essec-help"}, "Où envoyer", "Where to send"),
    "two start dates of cover": ({"walkthrough-registration"}, "Début de la couverture", "Start of cover"),
    "free, or free + cost of the call": ({"ameli-slides", "news-ameli-account-2021"}, "Coût du 3646", "Cost of 3646"),
    "the landline field": ({"tutorial-ameli-account-2021"}, "fixe", "Landline"),
    "card and code, or FranceConnect": ({"walkthrough-ameli-account"}, "Sans carte Vitale", "Without a carte Vitale"),
}


@pytest.mark.parametrize("conflict", CONFLICTS)
def test_the_sources_page_lists_each_disagreement(
    conflict: str, built_site: Path, guide: Guide, languages: tuple[str, ...]
) -> None:
    sources, fr, en = CONFLICTS[conflict]
    words = {"fr": fr, "en": en}
    matching = [d for d in guide.disagreements if sources <= {s.id for s in d.sources} and words["fr"] in d.text("fr")]
    assert matching, f"no disagreement about {conflict}"
    for lang in languages:
        if lang not in words:
            continue
        soup = BeautifulSoup(
            _page(built_site, lang, languages[0], "sources").read_text(encoding="utf-8"), "html.parser"
        )
        listed = [squash(li.get_text(" ")) for li in soup.select(".hig-disagreements li")]
        assert any(squash(matching[0].text(lang)) in item for item in listed), (conflict, lang)
        assert words[lang] in matching[0].text(lang), (conflict, lang)


# -- deep addresses on paper ------------------------------------------------------------------------------------


def test_paper_gives_each_step_address_whole_or_names_its_page(
    built_site: Path, guide: Guide, languages: tuple[str, ...]
) -> None:
    for profile in (p for p in guide.profiles if p.registration == "must"):
        for lang in languages:
            checklist = _pdf(built_site, f"checklist-{profile.id}-{lang}.pdf")
            for placed in guide.journey(profile.id):
                for link in placed.step.links_for(profile.id):
                    typed = typeable(link.url)
                    wanted = squash(typed if typed else link.label(lang))
                    assert wanted in checklist, (profile.id, lang, placed.step.id, link.id, wanted)
