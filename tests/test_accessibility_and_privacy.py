"""Accessible, fast and private: axe on every page, budgets, no third party, no CSP violation, no cookie."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from render.site import route_url
from tests.support.axe import COLOUR_RULES, axe_violations
from tests.support.site import search_page
from tools.weight import load_page

pytestmark = pytest.mark.browser

BUDGET = 75 * 1024  # bytes transferred (gzip) on a first load; upstream's pages are at most 70 KiB (make bench)
# No axe rule is switched off. Should one ever need to be, name it here with the reason.
AXE_EXCLUSIONS: dict[str, str] = {}
CSP_WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def all_pages(site: Path) -> list[str]:
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
    )


PALETTE = "form[data-md-component=palette]"
PALETTE_TOGGLE = f"{PALETTE} label:visible"  # the one the reader can click now


def test_every_page_in_both_colour_schemes_has_no_axe_violation(page_loads):
    assert not page_loads["axe"], "\n".join(page_loads["axe"])


def test_every_page_loads_only_from_the_site_with_no_failed_request_and_no_csp_violation(page_loads, base):
    assert page_loads["hosts"] == {urlsplit(base).netloc}
    assert not page_loads["failures"], page_loads["failures"]
    assert not page_loads["violations"], page_loads["violations"]
    assert page_loads["cookies"] == []


@pytest.fixture(scope="module")
def page_loads(browser, base, built_site, languages) -> dict:
    """Every page loaded once, under its security policy, as a phone shows it: what it asked for, what the
    policy refused, and axe's findings in the colour scheme it opened in and in the other one (switched with
    the theme's own toggle, as a reader does; the choice then holds for the next page)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    hosts: set[str] = set()
    failures: list[str] = []
    violations: list[str] = []
    found: list[str] = []
    missing = base + "no-such-page/"  # the 404 page is checked too; its status is the point
    page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc) if r.url.startswith("http") else None)
    page.on(
        "response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 and r.url != missing else None
    )
    page.on("requestfailed", lambda r: failures.append(f"failed {r.url}"))
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    for path in [*all_pages(built_site), "no-such-page/"]:
        page.goto(base + path)
        for switched in (False, True):
            scheme = page.evaluate("document.body.dataset.mdColorScheme")
            # Every rule in the scheme the page opened in; in the other, what the switch can change: the
            # colour rules on the whole page, and every rule on the palette toggle.
            if switched:
                found_here = axe_violations(page, AXE_EXCLUSIONS, rules=COLOUR_RULES)
                found_here += axe_violations(page, AXE_EXCLUSIONS, within=PALETTE)
            else:
                found_here = axe_violations(page, AXE_EXCLUSIONS)
            for violation in found_here:
                targets = [node["target"] for node in violation["nodes"]][:3]
                found.append(f"{path or '/'} ({scheme}): {violation['id']} ({violation['help']}) at {targets}")
            page.locator(PALETTE_TOGGLE).first.click()
            expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
        violations += page.evaluate("window.__csp")
    # The checklist and the QR generator it loads on demand must work under the policy too.
    page.goto(base + "en/parcours/non-eu/")
    page.click("label[for='task-register-online.prepare']")
    page.click(".hig-carry__show-qr")
    page.wait_for_selector(".hig-carry__qr svg")
    violations += page.evaluate("window.__csp")
    # Search, which loads its index and writes its results, and the reminders' calendar maker, on demand.
    page.goto(base + search_page(built_site, "en", languages) + "?q=vitale")
    expect(page.locator(".hig-search-page__results a").first).to_be_visible()
    violations += page.evaluate("window.__csp")
    result = {
        "hosts": hosts,
        "failures": failures,
        "violations": violations,
        "axe": found,
        "cookies": context.cookies(),
    }
    context.close()
    return result


def test_the_interactive_parts_have_no_axe_violation_once_used(browser, base, languages):
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(base + "en/")
    page.click("label[for='q-zone-eu']")
    page.click("label[for='q-ehic-no']")
    assert page.is_visible(".hig-chooser__result a")
    assert axe_violations(page) == []
    page.goto(base + route_url("non-eu", "fr", languages[0]))
    page.click("label[for='task-register-online.prepare']")
    page.click(".hig-carry__show-qr")
    page.wait_for_selector(".hig-carry__qr svg")
    assert axe_violations(page) == []
    page.close()


def test_a_skip_link_leads_to_the_content(browser, base):
    page = browser.new_page()
    page.goto(base + "en/inscription/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.startswith("#"), focused
    assert page.query_selector(focused) is not None
    page.close()


def test_only_the_checklist_is_stored_and_only_in_local_storage(browser, base, languages):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + route_url("non-eu", "en", languages[0]))
    page.click("label[for='task-register-online.prepare']")
    stored = page.evaluate("Object.keys(localStorage)")
    material = [k for k in stored if k.startswith(("/", "__"))]  # the theme's own palette choice, if any
    assert [k for k in stored if k not in material] == ["health-insurance-guide:tasks"]
    assert page.evaluate("JSON.parse(localStorage['health-insurance-guide:tasks'])") == {
        "version": 2,
        "ticks": {"register-online.prepare": True},
        "dates": {},
    }
    assert page.evaluate("Object.keys(sessionStorage).filter(k => !k.startsWith('/') && !k.startsWith('__'))") == []
    assert context.cookies() == []
    context.close()


@pytest.mark.parametrize("path", ["", "en/", "inscription/", "en/inscription/", "parcours/non-eu/"])
def test_pages_stay_within_the_weight_budget_on_first_load(browser, base, path):
    load = load_page(browser, base + path)
    assert not load.failures, load.failures
    assert load.transferred < BUDGET, f"{path or '/'}: {load.transferred} bytes (gzip) > {BUDGET}"
