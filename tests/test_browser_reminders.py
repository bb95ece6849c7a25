"""In a browser: the reminders of a route page. The student gives the dates they did steps and downloads a
calendar file made in the browser; it is read back with the icalendar package and checked against the data
(dates, texts, links to the step's page in the page's language); the same reminders keep their UIDs from one
download to the next; the shipped offline copy makes it too; without JavaScript the delays are text."""

from __future__ import annotations

import re
import zipfile
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

from render.journey import heading, places
from render.site import OFFLINE_ZIP, route_url
from tests.support.axe import axe_violations
from tests.support.site import fold, stored_progress

pytestmark = pytest.mark.browser

START = date(2026, 9, 1)


def routes_with_reminders(guide) -> list[str]:
    """The situations whose route has a reminder: one counting from a step of that route."""
    found = []
    for profile in guide.profiles:
        steps = {s.id for s in guide.steps_for(profile.id)}
        if any(r.after in steps for s in guide.steps_for(profile.id) for r in s.reminders):
            found.append(profile.id)
    return found


def expected(guide, profile_id: str, dates: dict[str, date]) -> dict:
    """What the file must hold for these dates: reminder id -> (its day, the step it is about, the reminder)."""
    steps = guide.steps_for(profile_id)
    ids = {s.id for s in steps}
    return {
        r.id: (dates[r.after] + timedelta(days=r.days), s.id, r)
        for s in steps
        for r in s.reminders
        if r.after in ids and r.after in dates
    }


@pytest.fixture
def context(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 390, "height": 844})
    yield context
    context.close()


def fill_dates(page) -> dict[str, date]:
    """A date, a week apart, in every date field of the page; returns them by step id."""
    dates = {}
    for i, field in enumerate(page.locator("input.hig-reminders__date").all()):
        day = START + timedelta(days=7 * i)
        field.fill(day.isoformat())
        dates[field.get_attribute("data-from")] = day
    return dates


def download(page) -> icalendar.Calendar:
    with page.expect_download() as caught:
        page.get_by_role("button", name=page.locator(".hig-reminders__make").inner_text()).click()
    raw = Path(caught.value.path()).read_bytes()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line  # folded as RFC 5545 says, in octets
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    return icalendar.Calendar.from_ical(raw)


def events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}


def check_events(calendar, guide, profile_id, lang, dates, step_url, labels) -> None:
    found = events(calendar)
    wanted = expected(guide, profile_id, dates)
    assert set(found) == set(wanted) and wanted, (profile_id, lang, set(found))
    here = places(guide.journey(profile_id))

    def t(value):
        return value(lang) if not isinstance(value, str) else labels.get(value, lang)

    for uid, (day, step_id, reminder) in wanted.items():
        event = found[uid]
        step = guide.step(step_id)
        assert event.decoded("DTSTART") == day and event.decoded("DTEND") == day + timedelta(days=1)
        assert isinstance(event.decoded("DTSTART"), date) and "DTSTAMP" in event
        assert fold(str(event["SUMMARY"])) == fold(heading(here[step_id], step, t))  # numbered as on the path
        [alarm] = event.walk("VALARM")  # one alarm, in the morning of the day: a calendar rings
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == timedelta(hours=9)
        assert str(event["URL"]) == step_url(step_id)
        description = str(event["DESCRIPTION"])
        assert fold(reminder.text(lang)) in fold(description) and step_url(step_id) in description
    assert len({str(e["UID"]) for e in calendar.walk("VEVENT")}) == len(wanted)


def step_links(page) -> dict[str, str]:
    """Each reminder's step page as the browser resolves its link: step id -> absolute address."""
    hrefs = page.eval_on_selector_all(
        ".hig-reminders li[data-reminder] a", "els => els.map(a => a.getAttribute('href'))"
    )
    resolved = page.evaluate("hrefs => hrefs.map(h => new URL(h, location.href).href)", hrefs)
    return {href.split("#")[1]: url for href, url in zip(hrefs, resolved, strict=True)}


def test_a_route_has_reminders_in_a_calendar_file_for_two_situations_in_each_language(
    context, base, guide, labels, languages
):
    profiles = routes_with_reminders(guide)
    assert len(profiles) >= 2
    for profile_id in profiles[:2]:
        for lang in languages:
            page = context.new_page()
            page.goto(base + route_url(profile_id, lang, languages[0]))
            dates = fill_dates(page)
            links = step_links(page)
            for step_id, url in links.items():  # the step's own page, in the page's language
                assert url.startswith(base + ("" if lang == languages[0] else f"{lang}/"))
                assert f"#{step_id}" in url
            calendar = download(page)
            check_events(calendar, guide, profile_id, lang, dates, links.__getitem__, labels)
            count = len(events(calendar))
            message = labels.get("reminders_made_one" if count == 1 else "reminders_made_other", lang)
            expect(page.locator(".hig-reminders__message")).to_have_text(message.format(count=count))
            again = download(page)  # a second download updates the same events rather than adding others
            assert {str(e["UID"]) for e in again.walk("VEVENT")} == {str(e["UID"]) for e in calendar.walk("VEVENT")}
            page.close()


def test_the_dates_are_kept_beside_the_ticks_and_nothing_is_made_without_one(context, base, guide, labels, languages):
    profile_id = routes_with_reminders(guide)[0]
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    url = base + route_url(profile_id, languages[1], languages[0])
    page.goto(url)
    page.locator(".hig-reminders__make").click()  # the first click fetches the calendar maker, then answers
    expect(page.locator(".hig-reminders__message")).to_have_text(labels.get("reminders_none", languages[1]))
    dates = fill_dates(page)
    page.reload()
    kept = {f.get_attribute("data-from"): f.input_value() for f in page.locator("input.hig-reminders__date").all()}
    assert kept == {k: v.isoformat() for k, v in dates.items()}
    assert stored_progress(page)["dates"] == kept
    assert all(u.startswith(base) for u in asked)  # nothing asked of another host, the calendar maker included


def test_without_javascript_the_route_says_the_delays(browser, base, guide, labels, languages):
    profile_id = routes_with_reminders(guide)[0]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for lang in languages:
        page.goto(base + route_url(profile_id, lang, languages[0]))
        section = page.locator(".hig-reminders")
        assert section.locator("h2").is_visible()
        items = section.locator(".hig-reminders__delays li")
        steps = guide.steps_for(profile_id)
        ids = {s.id for s in steps}
        reminders = [r for s in steps for r in s.reminders if r.after in ids]
        assert items.count() == len(reminders)
        for item, reminder in zip(items.all(), reminders, strict=True):
            assert item.is_visible()
            text = item.inner_text()
            assert str(reminder.days) in text and fold(reminder.text(lang)) in fold(text)
        assert not section.locator(".hig-reminders__form").is_visible()
    context.close()


def test_a_route_without_a_delay_offers_no_reminder(context, base, guide, languages):
    others = [p.id for p in guide.profiles if p.id not in routes_with_reminders(guide)]
    for profile_id in others:
        page = context.new_page()
        page.goto(base + route_url(profile_id, languages[0], languages[0]))
        assert page.locator(".hig-reminders").count() == 0
        page.close()


def test_axe_finds_nothing_with_the_reminder_form_filled(context, base, guide, languages):
    profile_id = routes_with_reminders(guide)[0]
    page = context.new_page()
    page.goto(base + route_url(profile_id, languages[0], languages[0]))
    fill_dates(page)
    download(page)
    assert axe_violations(page) == []


def test_the_offline_copy_makes_the_calendar_file_from_the_disk(
    context, built_site, tmp_path, guide, labels, languages
):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as zipped:
        zipped.extractall(tmp_path)
    [root] = [p for p in tmp_path.iterdir() if p.is_dir()]
    profile_id = routes_with_reminders(guide)[0]
    lang = languages[-1]
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto((root / route_url(profile_id, lang, languages[0]) / "index.html").as_uri())
    dates = fill_dates(page)
    links = {step: url.replace("/#", "/index.html#") for step, url in step_links(page).items()}  # from the disk
    calendar = download(page)
    check_events(calendar, guide, profile_id, lang, dates, links.__getitem__, labels)
    for url in links.values():  # each reminder leads to a page of the copy on the disk
        assert url.startswith("file://") and Path(url[len("file://") :].split("#")[0]).is_file()
    assert all(u.startswith("file://") for u in asked), asked


def test_the_calendar_file_escapes_and_folds_what_the_data_says(context, modules, base, guide, languages):
    """Commas, semicolons, backslashes and line breaks escaped; long lines folded in octets, never inside a
    character; read back, the texts are what they were."""
    profile_id = routes_with_reminders(guide)[0]
    page = context.new_page()
    page.goto(base + route_url(profile_id, languages[0], languages[0]))
    page.locator(".hig-reminders__make").click()  # fetches the calendar maker, which then answers (no date yet)
    # Waited for by what the page shows: Playwright's wait_for_function would evaluate a string, which the CSP
    # refuses once it has to poll.
    expect(page.locator(".hig-reminders__message")).to_have_text(re.compile(r"\S"))
    text = "Déjà vu, « ça » ; a\\b\nnext line " + "é" * 80 + " 😀" * 30
    result = modules.evaluate(
        """async t => (await import("../lib/calendar.js")).calendar(
            [{id: "x", after: "s", days: 3, summary: t, text: t, href: "#s"}],
            {s: "2026-12-30"}, {domain: "example.org", product: "P", now: new Date(), base: location.href})""",
        text,
    )
    raw = result["text"].encode("utf-8")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    [event] = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["SUMMARY"]) == text
    assert str(event["DESCRIPTION"]).startswith(text + "\n")
    assert event.decoded("DTSTART") == date(2027, 1, 2)  # across the year's end
    assert str(event["UID"]) == "x@example.org" and result["count"] == 1


def test_a_day_no_calendar_can_hold_gives_no_event_and_the_file_stays_valid(context, modules, base, guide, languages):
    """9999-12-31 plus a delay is in the year 10000, which iCalendar cannot write; 2026-02-30 is no day. Neither
    becomes an event; the others do, and the file reads back."""
    page = context.new_page()
    page.goto(base + route_url(routes_with_reminders(guide)[0], languages[0], languages[0]))
    page.locator(".hig-reminders__make").click()
    expect(page.locator(".hig-reminders__message")).to_have_text(re.compile(r"\S"))
    result = modules.evaluate(
        """async () => (await import("../lib/calendar.js")).calendar(
            [{id: "late", after: "a", days: 3, summary: "S", text: "T", href: "#a"},
             {id: "last", after: "a", days: 0, summary: "S", text: "T", href: "#a"},
             {id: "none", after: "b", days: 1, summary: "S", text: "T", href: "#b"},
             {id: "good", after: "c", days: 1, summary: "S", text: "T", href: "#c"}],
            {a: "9999-12-31", b: "2026-02-30", c: "2026-12-31"},
            {domain: "example.org", product: "P", now: new Date(), base: location.href})"""
    )
    assert result["count"] == 1
    calendar = icalendar.Calendar.from_ical(result["text"].encode("utf-8"))
    assert list(events(calendar)) == ["good"]
    assert events(calendar)["good"].decoded("DTSTART") == date(2027, 1, 1)
    assert re.findall(r"DT(?:START|END);VALUE=DATE:(\S+)", result["text"]) == ["20270101", "20270102"]


def test_a_printed_route_leaves_the_reminders_to_the_screen(context, base, guide, languages):
    """Paper keeps each step's own delay ("How long"); the form and its list stay on the screen, which keeps
    a printed route within its pages."""
    page = context.new_page()
    page.goto(base + route_url(routes_with_reminders(guide)[0], languages[0], languages[0]))
    assert page.locator(".hig-reminders").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".hig-reminders").is_visible()


def test_each_date_is_asked_as_a_day_the_student_knows(context, base, guide, languages):
    """ "The day I registered", not "I did step 2 on": a reminder counts from a moment of its step."""
    for profile_id in routes_with_reminders(guide):
        for lang in languages:
            page = context.new_page()
            page.goto(base + route_url(profile_id, lang, languages[0]))
            for field in page.locator("input.hig-reminders__date").all():
                step = guide.step(field.get_attribute("data-from"))
                label = page.locator(f"label[for='{field.get_attribute('id')}']").inner_text()
                assert step.moment and fold(step.moment(lang)) in fold(label), (profile_id, lang, label)
                box = field.bounding_box()
                assert box["height"] >= 24, (profile_id, lang, box)
            page.close()


def test_the_carry_over_code_brings_the_dates_and_untick_everything_clears_them(browser, base, guide, languages):
    profile_id = routes_with_reminders(guide)[0]
    url = base + route_url(profile_id, languages[-1], languages[0])
    first = browser.new_context(viewport={"width": 390, "height": 844})
    page = first.new_page()
    page.goto(url)
    page.locator("input[type=checkbox][data-task]").first.check()
    dates = fill_dates(page)
    code = page.input_value("#carry-code")
    first.close()
    fresh = browser.new_context(viewport={"width": 390, "height": 844})
    page = fresh.new_page()
    page.goto(url + "#restore=" + code)
    kept = {f.get_attribute("data-from"): f.input_value() for f in page.locator("input.hig-reminders__date").all()}
    assert kept == {k: v.isoformat() for k, v in dates.items()}
    assert page.locator("input[type=checkbox][data-task]").first.is_checked()
    page.on("dialog", lambda d: d.accept())
    page.locator(".hig-reset").click()
    assert all(not f.input_value() for f in page.locator("input.hig-reminders__date").all())
    assert stored_progress(page)["dates"] == {}
    fresh.close()
