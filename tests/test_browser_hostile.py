"""In a browser: hostile texts in the data run no script, served with the site's policy or opened from the
offline copy; the checklist keeps working when the browser refuses storage."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from guide.yamlfile import DataLoader
from render.site import OFFLINE_ZIP, route_url
from tests.conftest import copy_project, own_url, run_full_build
from tools.serve import serve_site

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "other-university"
# Each payload tries another way in: raw HTML, an attribute break-out, a Markdown link, a template.
PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "[t](javascript:alert(3))",
    "{{ 7*7 }}<svg onload=alert(4)>",
)
LABEL_PAYLOADS = PAYLOADS[:3]  # labels may not hold braces: make check refuses them
PER_FIELD = 2  # the first texts of each kind of field get a payload: every field, and the pages still fit


def _field(path: tuple) -> tuple:
    """The kind of field of a data path: list positions and ids replaced by '*'."""
    return tuple("*" if isinstance(p, int) or "." in str(p) or "-" in str(p) else p for p in path)


def inject(value, payloads, path=(), seen=None):
    """Append a payload to the first texts of every kind of field (every string of a {fr, en} text, and
    the free-text strings such as addresses)."""
    seen = {} if seen is None else seen
    if isinstance(value, dict):
        if (
            value
            and all(re.fullmatch(r"[a-z]{2}", str(k)) for k in value)
            and all(isinstance(v, str) for v in value.values())
        ):
            field = _field(path)
            seen[field] = seen.get(field, 0) + 1
            if seen[field] <= PER_FIELD:
                n = len(seen) % len(payloads)
                return {k: f"{v} {payloads[n]}" for k, v in value.items()}
            return value
        return {k: inject(v, payloads, path + (k,), seen) for k, v in value.items()}
    if isinstance(value, list):
        return [inject(v, payloads, path + (i,), seen) for i, v in enumerate(value)]
    if isinstance(value, str) and path and path[-1] in ("address",):
        return f"{value} {payloads[1]}"
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    shutil.copy(FIXTURE / "university.yaml", project / "data" / "university.yaml")
    shutil.copy(FIXTURE / "valmont-logo.svg", project / "content" / "assets" / "valmont-logo.svg")
    for name, payloads in (("steps.yaml", PAYLOADS), ("university.yaml", PAYLOADS), ("ui.yaml", LABEL_PAYLOADS)):
        path = project / "data" / name
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=DataLoader)
        path.write_text(yaml.safe_dump(inject(data, payloads), allow_unicode=True, sort_keys=False), encoding="utf-8")
    # The payloads lengthen every text past what a slide holds at the deck's 24 points, which would rightly stop
    # the build (tests/test_slides.py); this test is about scripts, not type: this copy's slides get small type.
    slides = project / "handouts" / "typst" / "slides.typ"
    small, found = re.subn(r"(?m)^#let sizes = .*$", "#let sizes = (6pt,)", slides.read_text(encoding="utf-8"))
    assert found == 1
    slides.write_text(small, encoding="utf-8")
    site, url = project.parent / "site", own_url()
    result = run_full_build(project, site, url=url)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, url


def _visit_all(browser, urls: list[str]) -> tuple[list[str], list[str], str]:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    texts = []
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        texts.append(page.inner_text("body"))
    context.close()
    return dialogs, errors, "\n".join(texts)


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "assets" not in p.parts)


def _search_results(browser, base: str, site: Path) -> tuple[list[str], set[str], list[str]]:
    """Search each language's pages for the payloads' word: (dialogs, the kinds of element in the results,
    the first result's text per language)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    searches = sorted(p for p in _pages(site) if 'class="hig-search-page"' in (site / p).read_text(encoding="utf-8"))
    tags, firsts = set(), []
    for search in searches:
        page.goto(f"{base}{search}?q=alert")
        results = page.locator(".hig-search-page__results li")
        results.first.wait_for()
        tags |= set(page.eval_on_selector_all(".hig-search-page__results *", "els => els.map(e => e.localName)"))
        firsts.append(results.first.inner_text())
    context.close()
    return dialogs, tags, firsts


def test_hostile_texts_run_no_script_on_the_served_site_and_show_as_text(browser, hostile_site, languages):
    """On every page, and in the search results, whose titles and excerpts are copied as text (with <mark>)."""
    site, url = hostile_site
    with serve_site(site, url=url) as base:
        dialogs, errors, text = _visit_all(browser, [base + p for p in _pages(site)])
        found_dialogs, tags, firsts = _search_results(browser, base, site)
    assert not dialogs, dialogs
    assert not errors, errors
    for payload in PAYLOADS:
        assert payload in text, payload  # shown as the text it is, not run
    assert not found_dialogs, found_dialogs
    assert tags <= {"li", "a", "p", "mark"}, tags
    assert len(firsts) == len(languages) and all("alert(" in first for first in firsts), firsts


def test_hostile_texts_run_no_script_in_the_offline_copy(browser, hostile_site, tmp_path):
    with zipfile.ZipFile(hostile_site[0] / OFFLINE_ZIP) as archive:
        archive.extractall(tmp_path)
    root = tmp_path / "health-insurance-guide"
    dialogs, errors, text = _visit_all(browser, [(root / p).as_uri() for p in _pages(root)])
    assert not dialogs, dialogs
    assert not errors, errors
    assert PAYLOADS[0] in text


REFUSE_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The user denied storage", "SecurityError"); }
});
"""
FULL_STORAGE = """
Storage.prototype.setItem = function () { throw new DOMException("Quota exceeded", "QuotaExceededError"); };
"""


@pytest.mark.parametrize("script", [REFUSE_STORAGE, FULL_STORAGE], ids=["storage-refused", "storage-full"])
def test_without_storage_ticks_stay_for_the_visit_and_the_page_says_so_once(browser, base, languages, script):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(script)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + route_url("non-eu", "en", languages[0]))
    page.click("label[for='task-register-online.prepare']")
    page.click("label[for='task-register-online.home']")
    assert page.is_checked("[id='task-register-online.prepare']")
    assert page.is_checked("[id='task-register-online.home']")
    assert page.locator(".hig-storage-note").count() == 1
    assert page.is_visible(".hig-storage-note")
    assert "will be lost" in page.inner_text(".hig-storage-note")
    assert not page.is_visible(".hig-progress__saved")  # "saved in this browser" would now be untrue
    assert "2 of" in page.inner_text(".hig-progress__count")
    code = page.input_value("#carry-code")
    page.goto("about:blank")  # a new visit: the ticks are gone, the code brings them back
    page.goto(base + route_url("non-eu", "en", languages[0]) + "#restore=" + code)
    assert page.inner_text(".hig-carry__message").startswith("2 boxes ticked")
    assert page.is_checked("[id='task-register-online.home']")
    context.close()
    assert not errors, errors


def test_a_damaged_restore_link_says_so_and_throws_nothing(browser, base, languages):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + route_url("non-eu", "en", languages[0]) + "#restore=1.%E0%A4%A.zz")
    message = page.inner_text(".hig-carry__message")
    assert message and "ticked" not in message
    assert not page.eval_on_selector_all("input[data-task]:checked", "els => els.length")
    context.close()
    assert not errors, errors
