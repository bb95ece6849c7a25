"""The checklist in a real browser: choose a path, tick, reload, switch language, reset, carry over."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from urllib.parse import urljoin

import pytest
import zxingcpp
from PIL import Image

from render.site import OFFLINE_ZIP, STORAGE_KEY, route_url
from tests.support.site import stored_progress

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    yield p
    context.close()
    assert not errors, errors


def carry_code(words: str, version: str = "2") -> str:
    """A carry-over code as checklist.js writes one: its version, the words in base64url, then the first six
    hex digits of the FNV-1a hash of both."""
    body = base64.urlsafe_b64encode(words.encode("utf-8")).decode("ascii").rstrip("=")
    digest = 0x811C9DC5
    for char in f"{version}.{body}":
        digest = ((digest ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return f"{version}.{body}.{digest:08x}"[:-2]


def tick(page, task: str) -> None:
    """Tick a task as a student does: open its step first if it is folded."""
    body = page.locator("details.hig-step__body").filter(has=page.locator(f"input[data-task='{task}']"))
    if body.count() and not body.evaluate("d => d.open"):
        body.locator(":scope > summary").click()
    page.click(f"label[for='task-{task}']")


def ticked(page) -> list[str]:
    return page.eval_on_selector_all("input[data-task]:checked", "els => els.map(e => e.dataset.task)")


def test_answers_lead_to_the_path_of_each_profile(page, base, guide, languages):
    for lang in languages:
        home = base + ("" if lang == languages[0] else f"{lang}/")
        for answers in guide.answer_sets():
            page.goto(home)
            for question, option in answers.items():
                page.click(f"label[for='q-{question}-{option}']")
            page.click(".hig-chooser__result a")
            page.wait_for_load_state()
            profile = guide.profiles_matching(answers)[0]
            assert page.url.split("?")[0] == base + route_url(profile.id, lang, languages[0]), (lang, answers)
            # The advice for the answers given is visible, and only that advice (what is seen, not the attribute).
            shown = [a.get_attribute("data-advice") for a in page.locator(".hig-advice").all() if a.is_visible()]
            expected = [
                f"{q.id}={answers[q.id]}" for q in guide.questions if q.id in answers and answers[q.id] in q.advice
            ]
            assert shown == expected, (lang, answers, shown)
            if expected:  # the answers, and so the advice, follow a change of language
                query = page.url.split("?")[1]
                other = next(lang_ for lang_ in languages if lang_ != lang)
                page.locator(f"a.md-select__link[hreflang='{other}']").dispatch_event("click")
                page.wait_for_url(base + route_url(profile.id, other, languages[0]) + "?" + query)
                shown = [a.get_attribute("data-advice") for a in page.locator(".hig-advice").all() if a.is_visible()]
                assert shown == expected, (other, answers, shown)


def test_ticks_survive_a_reload_and_a_change_of_language(page, base, guide, labels, languages):
    fr_url, en_url = (base + route_url("non-eu", lang, languages[0]) for lang in ("fr", "en"))
    page.goto(fr_url)
    total = len(page.query_selector_all("input[data-task]"))
    ids = page.eval_on_selector_all("input[data-task]", "els => els.map(e => e.dataset.task)")
    for task in ids[:3]:
        page.click(f"label[for='task-{task}']")
    assert page.inner_text(".hig-progress__count") == labels.get("progress_other", "fr").format(done=3, total=total)
    page.reload()
    assert ticked(page) == ids[:3]
    # Follow the language switch (its menu opens on hover; the link itself is what matters).
    page.goto(urljoin(page.url, page.get_attribute("a.md-select__link[hreflang='en']", "href")))
    assert page.url == en_url
    assert ticked(page) == ids[:3]
    assert page.inner_text(".hig-progress__count") == f"3 of {total} tasks done"
    # The same task ticked on a topic page is ticked on the path page too.
    page.goto(base + "en/carte-vitale/")
    page.click("label[for='task-carte-vitale.form']")
    page.goto(en_url)
    assert "carte-vitale.form" in ticked(page)


def test_reset_asks_first_and_clears_only_when_confirmed(page, base, languages):
    page.goto(base + route_url("eu-no-ehic", "en", languages[0]))
    page.click("label[for='task-register-online.prepare']")
    page.once("dialog", lambda d: d.dismiss())
    page.click(".hig-reset")
    assert ticked(page) == ["register-online.prepare"]
    page.once("dialog", lambda d: d.accept())
    page.click(".hig-reset")
    assert ticked(page) == []
    page.reload()
    assert ticked(page) == []


def test_progress_moves_to_a_fresh_browser_with_the_link_or_the_code(browser, page, base, languages):
    url = base + route_url("overseas", "en", languages[0])
    page.goto(url)
    for task in ("register-online.prepare", "personal-area.password"):
        tick(page, task)
    link = page.input_value("#carry-link")
    code = page.input_value("#carry-code")
    assert link.startswith(url + "#restore=")
    # The QR code on the page encodes the same link.
    page.click(".hig-carry__show-qr")
    page.wait_for_selector(".hig-carry__qr svg")
    png = page.locator(".hig-carry__qr").screenshot()
    [decoded] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert decoded.text == link

    fresh = browser.new_context()
    phone = fresh.new_page()
    phone.goto(link)
    assert ticked(phone) == ["register-online.prepare", "personal-area.password"]
    assert "#restore" not in phone.url
    assert phone.inner_text(".hig-carry__message").startswith("2 boxes ticked")
    fresh.close()

    other = browser.new_context()
    laptop = other.new_page()
    laptop.goto(url)
    laptop.fill("#carry-input", code)
    laptop.click(".hig-carry__apply")
    assert ticked(laptop) == ["register-online.prepare", "personal-area.password"]
    other.close()


def test_a_bad_code_changes_nothing_and_says_why(page, base, languages):
    page.goto(base + route_url("non-eu", "en", languages[0]))
    page.click("label[for='task-register-online.home']")
    good = page.input_value("#carry-code")
    for bad, why in (
        (good[:-3], "incomplete or damaged"),
        (good.replace(".", ".x", 1), "incomplete or damaged"),
        ("9" + good[1:], "another version"),
        ("nonsense", "incomplete or damaged"),
    ):
        page.fill("#carry-input", bad)
        page.click(".hig-carry__apply")
        assert why in page.inner_text(".hig-carry__message"), bad
        assert ticked(page) == ["register-online.home"]


def test_a_code_naming_removed_tasks_applies_the_rest(page, base, languages):
    page.goto(base + route_url("non-eu", "en", languages[0]))
    code = carry_code("register-online.home removed-step.gone", version="1")
    page.fill("#carry-input", code)
    page.click(".hig-carry__apply")
    assert ticked(page) == ["register-online.home"]
    assert "1 box ticked from the code. 1 task in the code no longer exists" in page.inner_text(".hig-carry__message")


def test_a_code_naming_what_every_object_has_ticks_and_stores_nothing_of_it(page, base, languages):
    """Words every JavaScript object answers to ("__proto__", "constructor", "toString"), as tasks and as a
    date's step, in a code that is otherwise valid: counted as unknown, never stored, nothing else changed."""
    page.goto(base + route_url("non-eu", "en", languages[0]))
    code = carry_code(
        "__proto__ constructor toString hasOwnProperty register-online.home "
        "date:constructor=2026-01-01 date:tostring=2026-01-01 date:register-online=9999-99-99"
    )
    page.fill("#carry-input", code)
    page.click(".hig-carry__apply")
    assert ticked(page) == ["register-online.home"]
    message = page.inner_text(".hig-carry__message")
    assert "1 box ticked from the code. 4 tasks in the code no longer exist" in message, message
    assert stored_progress(page) == {"version": 2, "ticks": {"register-online.home": True}, "dates": {}}
    assert page.evaluate("Object.getPrototypeOf({}).constructor === Object && !('x' in {})")


def test_the_checklist_works_with_the_keyboard_alone(page, base, languages):
    page.goto(base + route_url("under-16", "en", languages[0]))
    first = page.eval_on_selector("input[data-task]", "e => e.dataset.task")
    page.focus("input[data-task]")
    page.keyboard.press("Space")
    assert ticked(page) == [first]
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert len(ticked(page)) == 2
    assert page.evaluate("document.activeElement.dataset.task") != first
    assert "2 of" in page.inner_text(".hig-progress__count")


def test_the_shipped_offline_copy_works_from_the_disk_under_its_policy_and_asks_no_other_host(
    page, built_site, tmp_path
):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(tmp_path / "unzipped")
    root = tmp_path / "unzipped" / "health-insurance-guide"
    requested: list[str] = []
    refused: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto((root / "en" / "parcours" / "non-eu" / "index.html").as_uri())
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    page.click("label[for='task-register-online.home']")
    page.reload()
    assert ticked(page) == ["register-online.home"]
    page.goto(urljoin(page.url, page.get_attribute("nav a[href*='inscription/index.html']", "href")))
    assert page.url.startswith((root / "en" / "inscription" / "index.html").as_uri())
    assert "register-online.home" in ticked(page)
    assert page.evaluate("document.documentElement.classList.contains('hig-js')")  # our inline script ran
    outside = [url for url in requested if not url.startswith(("file://", "data:"))]
    assert not outside, outside
    assert not refused, refused


def test_printing_a_path_hides_the_controls_and_keeps_the_ticks(page, base, languages):
    page.goto(base + route_url("non-eu", "en", languages[0]))
    page.click("label[for='task-register-online.prepare']")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".hig-progress__actions", ".hig-carry"):
        assert not page.is_visible(hidden), hidden
    assert page.is_visible("label[for='task-register-online.prepare']")
    assert ticked(page) == ["register-online.prepare"]


def visible_questions(page) -> list[str]:
    return [f.get_attribute("data-question") for f in page.locator("fieldset[data-question]").all() if f.is_visible()]


def test_back_from_a_path_keeps_the_answers_the_follow_up_questions_and_the_button(browser, base, guide, languages):
    """Back loads the chooser again and the browser restores the answers (Playwright's Chromium has no
    back-forward cache); a page shown again from that cache gets a `pageshow` event, which does the same."""
    longest = max(guide.answer_sets(), key=len)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base)
    for question, option in longest.items():
        page.click(f"label[for='q-{question}-{option}']")
    asked = visible_questions(page)
    assert asked == list(longest)
    page.click(".hig-chooser__result a")
    page.wait_for_url("**/parcours/**")
    page.go_back(wait_until="load")
    page.wait_for_selector(".hig-chooser__result a")
    assert visible_questions(page) == asked
    for question, option in longest.items():
        assert page.is_checked(f"#q-{question}-{option}")
    # As a page kept in the back-forward cache comes back: its script does not run again, `pageshow` fires.
    page.evaluate(
        """() => { document.querySelectorAll('fieldset[data-ask-if]').forEach(f => { f.hidden = true; });
                   document.querySelector('.hig-chooser__result').textContent = '';
                   window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true})); }"""
    )
    assert visible_questions(page) == asked and page.locator(".hig-chooser__result a").is_visible()
    context.close()


def test_a_change_of_language_on_a_path_lands_on_the_same_step_with_the_same_answers(page, base, guide, languages):
    for profile in guide.profiles:
        journey = guide.journey(profile.id)
        step_id = journey[-1].step.id
        query = "&".join(f"{q.id}={q.options[-1].id}" for q in guide.questions if q.advice and q.concerns(profile.id))
        for lang in languages:
            other = next(x for x in languages if x != lang)
            page.goto(base + route_url(profile.id, lang, languages[0]) + (f"?{query}" if query else "") + f"#{step_id}")
            page.locator(f"a.md-select__link[hreflang='{other}']").dispatch_event("click")
            wanted = base + route_url(profile.id, other, languages[0]) + (f"?{query}" if query else "") + f"#{step_id}"
            page.wait_for_url(wanted)
            assert page.locator(f"[id='{step_id}']").count() == 1


def test_progress_kept_before_version_2_is_shown_and_then_kept_as_version_2(page, base, guide, languages):
    """Until December 2026 (commit b296456) checklist.js kept the ticks and the reminder dates in one flat
    object under the same key, a date as "date:<step>". Ticking three boxes of the non-EU route in English and
    giving the registration date wrote exactly this (read back from that build):

        {"register-online.prepare":true,"register-online.home":true,"register-online.start-date":true,
         "date:register-online":"2026-09-14"}

    A student coming back after the update finds it all (the boxes, the count, the date), and the entry is
    written again as version 2, which reads back the same."""
    profile = next(p.id for p in guide.profiles if any(s.reminders for s in guide.steps_for(p.id)))
    steps = guide.steps_for(profile)
    tasks = [t.id for s in steps for t in s.tasks_for(profile)][:3]
    dated = next(r.after for s in steps for r in s.reminders if r.after in {x.id for x in steps})
    version_1 = {**dict.fromkeys(tasks, True), f"date:{dated}": "2026-09-14"}
    url = base + route_url(profile, languages[-1], languages[0])
    page.goto(url)
    page.evaluate("([key, entry]) => localStorage.setItem(key, entry)", [STORAGE_KEY, json.dumps(version_1)])
    for _ in range(2):  # as found, then as written back
        page.goto(url)
        assert sorted(ticked(page)) == sorted(tasks)
        assert page.input_value(f"input.hig-reminders__date[data-from='{dated}']") == "2026-09-14"
        count = page.inner_text(".hig-progress__count")
        assert count.startswith("3 "), count
        assert stored_progress(page) == {
            "version": 2,
            "ticks": dict.fromkeys(tasks, True),
            "dates": {dated: "2026-09-14"},
        }
