"""In a browser: search. Every page's header field opens its language's search page, which finds the words in
that language's pages only (Pagefind's index, built with the site): the issue's six searches give their page
first; every glossary term, document and step is found by its name; nothing is fetched for search before a
search; it works from the keyboard and tells a screen reader how many pages it found; axe finds nothing; the
offline copy has no search and says nothing of it."""

from __future__ import annotations

import functools
import re
import zipfile
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from render.site import OFFLINE_ZIP, ROUTES_FOLDER, SEARCH_BUNDLE, SEARCH_SCRIPT
from tests.support.axe import axe_violations
from tests.support.site import fold, pages, search_page
from web.offline import ZIP_FOLDER

pytestmark = pytest.mark.browser

# What a student types, on the site of which language, and what it names in the data: a step (found on the
# page that explains it) or a document (found on the page of documents).
NAMED = [
    ("fr", "carte vitale", ("step", "carte-vitale")),
    ("fr", "RIB", ("document", "rib")),
    ("fr", "médecin traitant", ("step", "medecin-traitant")),
    ("en", "bank details", ("document", "rib")),
    ("en", "carte vitale", ("step", "carte-vitale")),
    ("en", "doctor", ("step", "medecin-traitant")),
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def prefix(lang: str, languages: tuple[str, ...]) -> str:
    return "" if lang == languages[0] else f"{lang}/"


@functools.cache
def searched_pages(site, lang: str, languages: tuple[str, ...]):
    """The pages of `lang` that the index holds (their article is marked for Pagefind), read once per site."""
    return [p for p in pages(site, lang, languages[0], languages) if "data-pagefind-body" in p.html]


def page_with(site, lang, languages, element_id: re.Pattern[str] | str):
    """The searched page of `lang` holding an element whose id is (or matches) `element_id`."""
    wanted = re.compile(f"^{re.escape(element_id)}$" if isinstance(element_id, str) else element_id.pattern)
    found = [p for p in searched_pages(site, lang, languages) if p.soup.find(id=wanted)]
    assert len(found) == 1, (lang, element_id, [p.url for p in found])
    return found[0].url


def expected_page(site, guide, lang, languages, named: tuple[str, str]) -> str:
    kind, item_id = named
    if kind == "step":
        guide.step(item_id)  # in the data
        return page_with(site, lang, languages, item_id)
    assert item_id in {d.id for d in guide.documents}
    return page_with(site, lang, languages, re.compile(rf"^doc-.+-{re.escape(item_id)}$"))


def results(page, base: str, site, lang: str, languages, query: str) -> list[str]:
    """The search page's results for `query`, as paths below the site root, once its status says it is done."""
    page.goto(f"{base}{search_page(site, lang, languages)}?q={quote(query)}")
    return shown_results(page, base)


def results_again(page, base: str, query: str) -> list[str]:
    """The results for `query` asked with the search page's own field (no reload: Pagefind stays loaded)."""
    field = page.locator("#hig-search-query")
    field.fill(query)
    field.press("Enter")
    expect(page.locator(".hig-search-page__status")).to_contain_text(query)
    return shown_results(page, base)


def shown_results(page, base: str) -> list[str]:
    status = page.locator(".hig-search-page__status")
    expect(status).not_to_have_text(re.compile(r"^$|…$"))
    hrefs = page.eval_on_selector_all(".hig-search-page__results a", "els => els.map(a => a.href)")
    assert all(h.startswith(base) for h in hrefs), hrefs
    return [h[len(base) :] for h in hrefs]


def in_language(url: str, lang: str, languages: tuple[str, ...]) -> bool:
    top = url.split("/", 1)[0]
    if lang == languages[0]:
        return top not in languages[1:]
    return top == lang


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


def test_the_six_searches_of_the_issue_give_their_page_first_and_nothing_in_the_other_language(
    context, base, built_site, guide, languages
):
    page = context.new_page()
    for lang, query, named in NAMED:
        wanted = expected_page(built_site, guide, lang, languages, named)
        page.goto(base + prefix(lang, languages))  # typed into the home page's field, as a student would
        field = page.get_by_role("searchbox", name=page.locator(".hig-search__field").get_attribute("aria-label"))
        field.fill(query)
        field.press("Enter")
        found = shown_results(page, base)
        assert found and found[0] == wanted, (lang, query, found)
        assert all(in_language(url, lang, languages) for url in found), (lang, query, found)
        assert (
            fold(query).casefold() in fold(page.locator(".hig-search-page__results li").first.inner_text()).casefold()
        )
    page.close()


def test_every_glossary_term_document_and_step_is_found_by_its_name_in_every_language(
    context, base, built_site, guide, languages
):
    """A glossary term (French, as the student meets it) on every language's site; a document and a step by
    their name in the page's language: never a route page or the record of changes, which are not searched."""
    page = context.new_page()
    for lang in languages:
        glossary = page_with(built_site, lang, languages, re.compile(r"^term-"))
        documents = page_with(built_site, lang, languages, re.compile(r"^doc-"))
        searched = {p.url for p in searched_pages(built_site, lang, languages)}
        checks = [(term.term.split(" (")[0], glossary) for term in guide.glossary]
        checks += [(d.name(lang), documents) for d in guide.documents]
        checks += [(s.title(lang), page_with(built_site, lang, languages, s.id)) for s in guide.steps]
        results(page, base, built_site, lang, languages, checks[0][0])
        for query, wanted in checks:
            found = results_again(page, base, query)
            assert wanted in found, (lang, query, found)
            assert set(found) <= searched, (lang, query, set(found) - searched)
    for route in (p for p in pages(built_site, languages[0], languages[0], languages) if ROUTES_FOLDER in p.url):
        assert "data-pagefind-body" not in route.html, route.url
    page.close()


def test_nothing_is_fetched_for_search_before_a_search_and_the_first_search_fetches_a_part_of_the_index(
    browser, base, built_site, languages
):
    for viewport, shown in ((DESKTOP, ".hig-search__field"), (PHONE, ".hig-search__open")):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda r, asked=asked: asked.append(r.url))
        for lang in languages:
            page.goto(base + prefix(lang, languages))
            page.wait_for_load_state("networkidle")
            expect(page.locator(shown)).to_be_visible()
        assert not [u for u in asked if f"/{SEARCH_BUNDLE}/" in u or u.endswith(SEARCH_SCRIPT)], asked
        context.close()
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    fetched: dict[str, int] = {}
    page.on("response", lambda r: fetched.__setitem__(r.url, len(r.body())) if r.ok else None)
    results(page, base, built_site, languages[-1], languages, "carte vitale")
    search = {u: n for u, n in fetched.items() if f"/{SEARCH_BUNDLE}/" in u}
    bundle = sum(f.stat().st_size for f in (built_site / SEARCH_BUNDLE).rglob("*") if f.is_file())
    assert search and all(u.startswith(base) for u in fetched)
    # A part of the index: this language's, and the fragments of the pages found (far less than the bundle).
    assert sum(search.values()) < bundle / 2, (sum(search.values()), bundle)
    assert not [u for u in search if f".{languages[0]}_" in u or f"wasm.{languages[0]}." in u]
    context.close()


def tab_to(page, selector: str, presses: int = 40) -> None:
    """Press Tab until the element of `selector` has the focus."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reaches {selector}")


def test_search_works_from_the_keyboard_and_says_how_many_pages_it_found(context, base, built_site, labels, languages):
    page = context.new_page()
    lang = languages[0]
    status = page.get_by_role("status")

    def says(query: str, found: list[str]) -> None:
        key = "search_results_one" if len(found) == 1 else "search_results_other"
        expect(status).to_have_text(labels.get(key, lang).format(count=len(found), query=query))

    page.goto(base + prefix(lang, languages))
    tab_to(page, ".hig-search__field")  # every page's field, in the header
    page.keyboard.type("mutuelle")
    page.keyboard.press("Enter")
    says("mutuelle", shown_results(page, base))
    tab_to(page, "#hig-search-query")  # the search page's own field: a new search without leaving the page
    page.keyboard.press("Control+a")
    page.keyboard.type("carte vitale")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?q=carte\+vitale$"))
    found = shown_results(page, base)
    says("carte vitale", found)
    page.keyboard.press("Tab")  # the button, then the first result
    page.keyboard.press("Tab")
    expect(page.locator(".hig-search-page__results a").first).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(base + found[0])
    results(page, base, built_site, lang, languages, "zzzqqq")
    expect(status).to_have_text(labels.get("search_none", lang).format(query="zzzqqq"))
    expect(page.locator(".hig-search-page__results li")).to_have_count(0)


def test_axe_finds_nothing_with_the_search_open(browser, base, built_site, languages):
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for lang in languages:
            results(page, base, built_site, lang, languages, "carte vitale")
            assert axe_violations(page) == [], (viewport, lang)
        context.close()


def test_without_javascript_the_search_page_says_search_needs_it(browser, base, built_site, labels, languages):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    for lang in languages:
        page.goto(f"{base}{search_page(built_site, lang, languages)}?q=RIB")
        expect(page.get_by_text(labels.get("search_needs_script", lang))).to_be_visible()
        expect(page.locator(".hig-search-page__form")).to_be_hidden()
    context.close()


def test_the_offline_copy_has_no_search_field_page_or_index(built_site, languages):
    searches = [search_page(built_site, lang, languages) for lang in languages]
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as zipped:
        names = [n.split("/", 1)[1] for n in zipped.namelist()]
        html = {n: zipped.read(f"{ZIP_FOLDER}/{n}").decode("utf-8") for n in names if n.endswith(".html")}
    assert not [n for n in names if n.startswith((f"{SEARCH_BUNDLE}/", *searches)) or n == SEARCH_SCRIPT]
    assert html and not [n for n, h in html.items() if re.search(r"<search|hig-(header-)?search|rel=\"expect\"", h)]
