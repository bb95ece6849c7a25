"""Seen and read by everyone, measured in a browser: a keyboard user sees where the focus is on every page in
both colour schemes; a button's text stays readable at rest, under the pointer, focused and pressed; on a
390 px phone every target is at least 24 px and form text 16 px; a date field names its step; the theme's
controls speak the page's language; and a search that finds nothing in one language offers the others'."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from playwright.sync_api import expect

from render.site import route_url
from tests.support.looks import FOCUS_JS, TARGETS_JS, TEXT_CONTRAST_JS
from tests.support.site import fold, pages, search_page
from tests.test_accessibility_and_privacy import all_pages

pytestmark = pytest.mark.browser

SCHEMES = ("light", "dark")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def _reader(browser, scheme: str, viewport: dict):
    """A reader's browser: the colour scheme their system asks for, no animation (the measures are of the
    state itself, not a transition towards it)."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme, reduced_motion="reduce")
    return context, context.new_page()


def _path_pages(guide, languages) -> list[str]:
    """A path page of each language, for a situation that registers (the one with the most to do)."""
    profile = max(sorted(guide.registering()), key=lambda p: len(guide.journey(p)))
    return [route_url(profile, lang, languages[0]) for lang in languages]


def test_every_focusable_element_shows_a_ring_against_its_rest_state_in_both_schemes(browser, base, built_site):
    problems: list[str] = []
    checked = 0
    for scheme in SCHEMES:
        context, page = _reader(browser, scheme, DESKTOP)
        for path in all_pages(built_site):
            page.goto(base + path)
            page.keyboard.press("Tab")  # as a keyboard user: the browser shows focus rings from now on
            result = page.evaluate(FOCUS_JS)
            checked += result["count"]
            problems += [f"{path or '/'} ({scheme}): {p}" for p in result["problems"]]
        context.close()
    assert checked, "no focusable element was found"
    assert not problems, "\n".join(problems[:40]) + f"\n({len(problems)} in all, of {checked} checked)"


def _measure(button) -> dict:
    return button.evaluate(TEXT_CONTRAST_JS)


def test_every_buttons_text_stays_readable_at_rest_under_the_pointer_focused_and_pressed(
    browser, base, built_site, guide, languages
):
    problems: list[str] = []
    seen = 0
    for scheme in SCHEMES:
        context, page = _reader(browser, scheme, DESKTOP)
        for path in [*_path_pages(guide, languages), search_page(built_site, languages[0], languages)]:
            page.goto(base + path)
            page.keyboard.press("Tab")
            buttons = page.locator("button:visible, a.md-button:visible")
            for i in range(buttons.count()):
                button = buttons.nth(i)
                name = " ".join(button.inner_text().split())
                if not name:
                    continue  # an icon (the theme's header buttons), named for screen readers only
                seen += 1
                page.mouse.move(1, DESKTOP["height"] - 1)
                page.evaluate("document.activeElement && document.activeElement.blur()")
                states = {"at rest": _measure(button)}
                button.hover()
                states["under the pointer"] = _measure(button)
                page.mouse.move(1, DESKTOP["height"] - 1)
                button.focus()
                states["focused"] = _measure(button)
                box = button.bounding_box()
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                page.mouse.down()
                states["pressed"] = _measure(button)
                page.mouse.move(1, DESKTOP["height"] - 1)  # released elsewhere: not a click
                page.mouse.up()
                for state, m in states.items():
                    if m["ratio"] < 4.5:
                        ratio = f"{m['colour']} on {m['background']}, {m['ratio']:.2f}:1"
                        problems.append(f"{path} ({scheme}) '{name}' {state}: {ratio}")
        context.close()
    assert seen, "no button was found"
    assert not problems, "\n".join(problems)


def test_on_a_phone_every_target_is_24_px_and_form_text_16_px(browser, base, built_site, guide, languages):
    problems: list[str] = []
    for scheme in SCHEMES:
        context, page = _reader(browser, scheme, PHONE)
        paths = ["", *_path_pages(guide, languages), search_page(built_site, languages[0], languages)]
        for path in paths:
            page.goto(base + path)
            problems += [f"{path or '/'} ({scheme}): {p}" for p in page.evaluate(TARGETS_JS)]
        context.close()
    assert not problems, "\n".join(problems)


def test_each_date_field_is_named_by_its_step(browser, base, guide, languages):
    context, page = _reader(browser, "light", PHONE)
    named = 0
    for profile in sorted(guide.registering()):
        for lang in languages:
            page.goto(base + route_url(profile, lang, languages[0]))
            for field in page.locator("input.hig-reminders__date").all():
                step = guide.step(field.get_attribute("data-from"))
                label = page.locator(f"label[for='{field.get_attribute('id')}']")
                expect(label).to_be_visible()
                assert fold(step.title(lang)) in fold(label.inner_text()), (profile, lang, step.id)
                named += 1
    context.close()
    assert named, "no date field was found"


def test_the_themes_controls_speak_the_pages_language(built_site, labels, languages):
    """The colour scheme switch is named from data/ui.yaml in each language, and no label of the page's
    chrome (outside its article) is one of our texts in another language."""
    for lang in languages:
        for page in pages(built_site, lang, languages[0], languages):
            soup = page.soup
            toggles = [label.get("title") for label in soup.select("form[data-md-component=palette] label")]
            assert toggles == [labels.get("theme_to_dark", lang), labels.get("theme_to_light", lang)], page.url
            for article in soup.select("article"):
                article.decompose()
            said = {v for el in soup.find_all(True) for a in ("aria-label", "title", "placeholder") if (v := el.get(a))}
            for other in languages:
                if other == lang:
                    continue
                foreign = {labels.get(key, other) for key in labels.labels} - {
                    labels.get(key, lang) for key in labels.labels
                }
                assert not said & foreign, (page.url, said & foreign)


def _word_only_in(site, lang: str, others: list[str], languages) -> str:
    """A word the searched pages of `lang` use and those of `others` never do, nor any word beginning with its
    first four letters (which the search page counts as the same word)."""

    def words(code: str) -> Counter[str]:
        found: Counter[str] = Counter()
        for page in pages(site, code, languages[0], languages):
            if "data-pagefind-body" in page.html:
                found.update(set(re.findall(r"[^\W\d_]+", page.text.lower())))
        return found

    mine = Counter({w: n for w, n in words(lang).items() if re.fullmatch(r"[a-z]{7,}", w)})
    elsewhere = " ".join(" ".join(words(o)) for o in others)
    candidates = [w for w, n in mine.most_common() if n > 1 and not re.search(rf"\b{w[:4]}", elsewhere)]
    assert candidates, f"no word is used by {lang} pages only"
    return candidates[0]


def test_a_search_that_finds_nothing_in_its_language_offers_the_other_languages_pages(
    browser, base, built_site, labels, languages
):
    context, page = _reader(browser, "light", PHONE)
    for lang in languages:
        others = [o for o in languages if o != lang]
        for other in others:
            word = _word_only_in(built_site, other, [lang], languages)
            page.goto(base + search_page(built_site, lang, languages) + "?q=" + word)
            heading = page.locator(f".hig-search-page__elsewhere h2[lang='{other}']")
            expect(heading).to_be_visible()
            assert fold(heading.inner_text()) == fold(labels.get("search_in_language", other)), (lang, word)
            status = fold(page.locator(".hig-search-page__status").inner_text())
            assert status == fold(labels.get("search_none_here", lang).format(query=word)), (lang, word, status)
            assert page.locator(f".hig-search-page__elsewhere ol[lang='{other}'] a").count() >= 1, (lang, word)
    context.close()
