"""Numbers a student can follow: on every path page and its checklist the steps are numbered from 1 without a
gap, as the journey of the model says (`guide.journey`); the steps every registering student shares carry the
same numbers on the overview sheet and the slides, which a desk says aloud. From the data: a university's local
step for some situations comes "And:" with the step before it, and numbers nothing else."""

from __future__ import annotations

import pytest

from handouts.kinds import catalogue
from render.journey import heading, places
from render.site import HANDOUTS_FOLDER, route_url
from tests.support.pdf import normal, page_texts
from tests.support.site import fold

pytestmark = pytest.mark.browser


def say(labels, lang):
    return lambda value: value(lang) if not isinstance(value, str) else labels.get(value, lang)


def flat(text: str) -> str:
    return normal(text.replace("\u00a0", " ").replace("\u202f", " "))


def test_a_path_page_and_its_checklist_number_the_steps_as_the_journey_does(
    browser, base, built_site, guide, labels, languages
):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    for profile in guide.profiles:
        journey = guide.journey(profile.id)
        assert journey[0].number == 1 and journey[0].joined is None
        for lang in languages:
            t = say(labels, lang)
            wanted = [fold(heading(p, p.step, t)) for p in journey]
            page.goto(base + route_url(profile.id, lang, languages[0]))
            shown = [fold(page.inner_text(f"[id='{p.step.id}']")) for p in journey]
            assert shown == wanted, (profile.id, lang)
            printed = fold(
                normal(" ".join(page_texts(built_site / HANDOUTS_FOLDER / f"checklist-{profile.id}-{lang}.pdf")))
            )
            at = -1
            for title in wanted:  # each heading, in the journey's order
                found = printed.find(title, at + 1)
                assert found > at, (profile.id, lang, title)
                at = found
    page.close()


def test_the_overview_and_the_slides_give_the_shared_steps_their_numbers(built_site, guide, labels):
    everyone = places(guide.everyone())
    for handout in catalogue(guide):
        if handout.kind not in ("overview", "bilingual", "slides", "slides_bilingual"):
            continue
        pages = [flat(text) for text in page_texts(built_site / HANDOUTS_FOLDER / handout.filename)]
        for lang in handout.langs:
            t = say(labels, lang)
            for placed in everyone.values():
                if handout.kind in ("overview", "bilingual"):
                    assert flat(heading(placed, placed.step, t)) in " ".join(pages), (handout.filename, placed.step.id)
                else:
                    title = flat(t(placed.step.slide_title or placed.step.title))
                    [slide] = [p for p in pages if title in p and flat(f"{t('step')} {placed.number}") in p][:1] or [""]
                    assert slide, (handout.filename, lang, placed.step.id, placed.number)
