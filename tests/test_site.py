"""The built site shows every fact of the data, in every language, and nothing else's."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from render.environment import sort_key
from render.site import ROUTES_FOLDER
from tests.support.site import TEMPLATE_LEFTOVER, fold, foreign_texts, language_pages, missing_data_texts
from tools.serve import published_url

CONTENT = Path(__file__).resolve().parent.parent / "content"
PREFIX = urlsplit(published_url()).path


@pytest.fixture(scope="session")
def site_pages(built_site, languages):
    return language_pages(built_site, languages)


def test_every_language_has_the_same_pages(languages):
    names = {
        lang: sorted(p.relative_to(CONTENT / lang).as_posix() for p in (CONTENT / lang).rglob("*.md"))
        for lang in languages
    }
    first = names[languages[0]]
    for lang in languages[1:]:
        assert names[lang] == first, f"content/{lang}/ differs from content/{languages[0]}/"


def test_every_text_of_the_data_is_on_the_site_in_each_language(guide, languages, site_pages):
    for lang in languages:
        missing = missing_data_texts(guide, lang, site_pages[lang])
        assert not missing, f"{lang}: not on the site: {missing}"


def test_terms_and_phone_numbers_are_on_the_site_in_each_language(guide, languages, site_pages):
    for lang in languages:
        text = " ".join(p.text for p in site_pages[lang])
        for g in guide.glossary:
            assert fold(g.term) in fold(text), (lang, g.term)
        for c in guide.contacts:
            if c.phone:
                assert c.phone in text, (lang, c.phone)


def test_the_site_shows_no_phone_number_that_the_data_does_not_have(guide, languages, site_pages):
    known = {re.sub(r"\D", "", c.phone) for c in guide.contacts if c.phone}
    for lang in languages:
        for page in site_pages[lang]:
            for number in re.findall(r"(?<![\d/])(?:0[1-9](?:[ .]?\d\d){4}|36\d\d)(?![\d/])", page.text):
                assert re.sub(r"\D", "", number) in known, (page.url, number)


def test_no_page_shows_text_of_another_language(guide, languages, site_pages):
    """Catches a widget rendered in the wrong language, or prose left untranslated."""
    for lang in languages:
        found = foreign_texts(guide, lang, languages, site_pages[lang])
        assert not found, f"pages in {lang} show text of another language: {found}"


def test_each_page_declares_its_language(languages, site_pages):
    for lang in languages:
        for page in site_pages[lang]:
            assert page.soup.html["lang"] == lang, page.url


def test_each_step_is_shown_in_full_once_per_language_outside_the_paths(guide, languages, site_pages):
    for lang in languages:
        topic_pages = [p for p in site_pages[lang] if f"{ROUTES_FOLDER}/" not in p.url]
        for step in guide.steps:
            holders = [p.url for p in topic_pages if p.soup.find("section", attrs={"data-step": step.id})]
            assert len(holders) == 1, (lang, step.id, holders)


def test_step_links_lead_to_the_step(guide, languages, site_pages):
    for lang in languages:
        where = {p.url: p for p in site_pages[lang]}
        for page in site_pages[lang]:
            for a in page.soup.select("article a[href*='#']"):
                href = a["href"]
                if href.startswith(("http", "#")):
                    continue
                target, anchor = page.resolve(href, PREFIX), href.split("#", 1)[1]
                assert target in where, (page.url, href)
                assert where[target].soup.find(id=anchor), (page.url, href)


def test_no_template_syntax_is_left_in_any_page(built_site):
    for f in built_site.rglob("*.html"):
        soup = BeautifulSoup(f.read_text(encoding="utf-8"), "html.parser")
        for tag in soup(["script", "style"]):
            tag.decompose()  # the theme's own scripts legitimately contain braces
        visible = soup.get_text(" ") + " ".join(
            str(v) for t in soup.find_all(True) for k, v in t.attrs.items() if not is_json_data(k, v)
        )
        leftover = TEMPLATE_LEFTOVER.search(visible)
        assert not leftover, f"{f.relative_to(built_site)}: {visible[leftover.start() - 40 : leftover.end() + 40]}"


def is_json_data(name: str, value: object) -> bool:
    """A data-* attribute holding JSON for the scripts (its braces are not template leftovers)."""
    if not name.startswith("data-") or not isinstance(value, str):
        return False
    try:
        json.loads(value)
    except ValueError:
        return False
    return True


def test_language_switch_leads_to_the_same_page_in_the_other_language(languages, site_pages):
    default = languages[0]
    for lang in languages:
        for page in site_pages[lang]:
            same = page.url if lang == default else page.url[len(lang) + 1 :]
            for a in page.soup.select("a.md-select__link[hreflang]"):
                other = a["hreflang"]
                expected = same if other == default else f"{other}/{same}"
                assert page.resolve(a["href"], PREFIX) == expected, (page.url, a["href"])


def test_no_page_loads_a_resource_from_another_host(built_site):
    own = urlsplit(published_url()).netloc
    selectors = ["script[src]", "img[src]", "iframe[src]", "source[src]", "audio[src]", "video[src]", "link[href]"]
    for f in built_site.rglob("*.html"):
        soup = BeautifulSoup(f.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select(", ".join(selectors)):
            if tag.name == "link" and not {
                "stylesheet",
                "preload",
                "icon",
                "manifest",
                "modulepreload",
                "preconnect",
                "dns-prefetch",
            } & set(tag.get("rel", [])):
                continue
            url = tag.get("src") or tag.get("href")
            host = urlsplit(url).netloc
            assert not host or host == own, f"{f.relative_to(built_site)} loads {url}"
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "url(http" not in text.replace(" ", "") and "@import" not in text, css


def test_the_offline_copy_is_in_the_site_and_linked_from_each_home_page(built_site, languages):
    import zipfile

    archive = built_site / "health-insurance-guide-offline.zip"
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
    assert "health-insurance-guide/index.html" in names and "health-insurance-guide/en/index.html" in names
    assert any(n.startswith("health-insurance-guide/handouts/") and n.endswith(".pdf") for n in names)
    for lang in languages:
        home = built_site / ("" if lang == languages[0] else lang) / "index.html"
        assert "health-insurance-guide-offline.zip" in home.read_text(encoding="utf-8")


def test_the_glossary_is_in_a_readers_order_and_linked_from_where_its_terms_first_appear(site_pages, guide, languages):
    for lang in languages:
        [glossary] = [p for p in site_pages[lang] if p.url.endswith("glossaire/")]
        terms = [dt.get_text() for dt in glossary.soup.select("dl.hig-glossary dt")]
        assert terms == sorted(terms, key=sort_key), lang
        if {"médecin traitant", "mutuelle (complémentaire santé)"} <= set(terms):
            assert terms.index("médecin traitant") < terms.index("mutuelle (complémentaire santé)")
        linked = {
            a["href"].split("#")[1]
            for p in site_pages[lang]
            for a in p.soup.select("article a.hig-link[href*='#term-']")
        }
        assert linked, lang
        for anchor in linked:
            assert glossary.soup.find(id=anchor), (lang, anchor)
        for page in site_pages[lang]:
            for term_id in {a["href"].split("#")[1] for a in page.soup.select("article a[href*='#term-']")}:
                assert len(page.soup.select(f"article a.hig-link[href$='#{term_id}']")) == 1, (page.url, term_id)


def test_no_script_holds_up_the_first_paint(built_site):
    """The theme's script and ours run once the page is read (defer): the reader sees the page first."""
    for page in sorted(built_site.rglob("*.html")):
        for script in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("script", src=True):
            assert script.has_attr("defer") or script.has_attr("async"), (page.relative_to(built_site), script)
