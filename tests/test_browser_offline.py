"""Offline after the first visit, in a real browser: the guide's service worker keeps the pages a student opened
(a path page in every language), the theme and the PDFs opened; offline, those pages open and the checklist
works, the page says it is read offline, and a page never opened says so in its language; a new build reaches
the kept pages on the next online visit, which says once that the guide was updated; the privacy page removes
what was kept. Expected texts come from data/ui.yaml, expected pages from the built site."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from render.site import OFFLINE_WORKER, route_url
from tests.support.axe import axe_violations
from tools.serve import serve_site
from web.config import project_at
from web.offline_worker import site_version, write_worker

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
    yield context
    context.close()


def kept(page, urls: list[str]) -> list[str]:
    """Of `urls`, those the worker's copy holds."""
    return page.evaluate(
        """async urls => {
            const names = (await caches.keys()).filter(n => n.startsWith("hig-"));
            const found = [];
            for (const u of urls) {
                for (const n of names) if (await (await caches.open(n)).match(u)) { found.push(u); break; }
            }
            return found;
        }""",
        urls,
    )


def wait_until_kept(page, urls: list[str], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if sorted(kept(page, urls)) == sorted(urls):
            return
        time.sleep(0.2)
    pytest.fail(f"not kept after {seconds} s: {sorted(set(urls) - set(kept(page, urls)))}")


def open_online(page, url: str) -> None:
    """Open `url` and wait until the worker serves the page (a first visit: until it has started)."""
    page.goto(url)
    started = page.evaluate(
        """() => Promise.race([navigator.serviceWorker.ready.then(() => true),
                               new Promise(done => setTimeout(() => done(false), 15000))])"""
    )
    assert started, "the service worker did not start within 15 s (does sw.js run?)"


def heading(page) -> str:
    return page.locator("article h1").first.inner_text()


def first_language_path(languages, lang: str, path: str) -> str:
    return path if lang == languages[0] else f"{lang}/{path}"


def test_pages_opened_once_open_again_offline_and_the_checklist_works(context, base, labels, languages, guide):
    lang = languages[-1]
    page = context.new_page()
    outside: list[str] = []
    context.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
    home = base + first_language_path(languages, lang, "")
    route = base + route_url("non-eu", lang, languages[0])
    topic = base + first_language_path(languages, lang, "carte-vitale/")
    seen = {}
    for url in (home, route, topic):
        open_online(page, url)
        seen[url] = heading(page)
    other_languages = [base + route_url("non-eu", other, languages[0]) for other in languages if other != lang]
    wait_until_kept(page, [home, route, topic, *other_languages])

    context.set_offline(True)
    for url in (home, topic, route):
        page.goto(url)
        assert heading(page) == seen[url], url
        notice = page.locator(".hig-connection")
        expect(notice).to_be_visible()
        expect(notice).to_have_text(labels.get("offline_reading", lang))
        assert axe_violations(page) == [], url
    task = page.locator("input[type=checkbox][data-task]").first
    task_id = task.get_attribute("data-task")
    page.locator(f"details.hig-step__body:has([data-task='{task_id}'])").evaluate("d => d.open = true")
    page.locator(f"label[for='{task.get_attribute('id')}']").click()
    page.reload()
    assert page.locator(f"input[data-task='{task_id}']").is_checked()
    for url in other_languages:  # the same path in the other languages, never opened, kept with it
        page.goto(url)
        assert page.locator("input[type=checkbox][data-task]").count() > 0, url
    assert not outside, outside


def test_a_page_never_opened_says_offline_in_the_readers_language(context, base, labels, languages):
    page = context.new_page()
    open_online(page, base)
    wait_until_kept(page, [base])
    context.set_offline(True)
    for lang in languages:
        page.goto(base + first_language_path(languages, lang, "glossaire/"))
        assert page.locator("html").get_attribute("lang") == lang
        expect(page.locator("h1")).to_have_text(labels.get("offline_page_title", lang))
        expect(page.locator("article p").first).to_have_text(labels.get("offline_page_text", lang))
        home = page.get_by_role("link", name=labels.get("offline_page_home", lang))
        expect(home).to_be_visible()
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
        assert axe_violations(page) == [], lang
    home.click()  # the home page, kept on the first visit, in the last language's folder or the first's
    expect(page.locator("article h1")).to_be_visible()


def test_a_new_build_reaches_the_kept_pages_on_the_next_online_visit_and_says_so_once(
    context, built_site, labels, languages, tmp_path
):
    """Two pages opened; the site rebuilt with both changed (the build's last step, the worker, written again);
    the next online visit to one of them updates the other too, and says so once."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    lang = languages[-1]
    first, second = (first_language_path(languages, lang, p) for p in ("carte-vitale/", "aide/"))
    with serve_site(site) as base:
        page = context.new_page()
        for path in (first, second):
            open_online(page, base + path)
        wait_until_kept(page, [base + first, base + second])
        before = {}
        for path in (first, second):
            page.goto(base + path)
            before[path] = heading(page)
        old = site_version(site)
        for path in (first, second):
            file = site / path / "index.html"
            text = file.read_text(encoding="utf-8")
            assert before[path] in text
            file.write_text(text.replace(f">{before[path]}<", f">{before[path]} (2027)<", 1), encoding="utf-8")
        project = project_at(ROOT)
        write_worker(site, project, {code: "Guide" for code in project.languages}, ["assets/favicon.svg"])
        assert site_version(site) != old and (site / OFFLINE_WORKER).is_file()

        page.goto(base + first)  # online: the browser finds the new worker, which refreshes what was kept
        notice = page.locator(".hig-connection")
        expect(notice).to_have_text(labels.get("offline_updated", lang), timeout=20_000)
        page.goto(base + first_language_path(languages, lang, ""))
        expect(page.locator(".hig-connection")).to_be_hidden()  # said once
        context.set_offline(True)
        page.goto(base + second)
        assert heading(page) == f"{before[second]} (2027)"


def test_the_privacy_page_removes_what_was_kept(context, base, labels, languages):
    lang = languages[-1]
    page = context.new_page()
    privacy = base + first_language_path(languages, lang, "confidentialite/")
    open_online(page, privacy)
    wait_until_kept(page, [privacy])
    page.reload()  # now served by the worker, which loads the button's script
    button = page.get_by_role("button", name=labels.get("privacy_offline_remove", lang))
    button.click()
    expect(page.locator(".hig-offline-remove__status")).to_have_text(labels.get("privacy_offline_removed", lang))
    assert page.evaluate("caches.keys()") == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
