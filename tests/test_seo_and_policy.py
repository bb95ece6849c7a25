"""Every page describes itself, points to its other languages absolutely, and carries the security policy."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from pypdf import PdfReader

from links.collect import data_urls
from tools.serve import published_url

ROOT = Path(__file__).resolve().parent.parent


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def test_every_page_has_a_description_from_the_data(built_site, labels, guide):
    texts = {text for by_lang in labels.page_descriptions.values() for text in by_lang.values()}
    texts |= {p.description(lang) for p in guide.profiles for lang in guide.languages}
    for page in html_pages(built_site):
        if page.name == "404.html":
            continue
        meta = BeautifulSoup(page.read_text(), "html.parser").find("meta", attrs={"name": "description"})
        assert meta and meta["content"] in texts, page


def test_alternates_are_absolute_with_a_default(built_site, languages):
    site_url = published_url()
    for page in html_pages(built_site):
        if page.name == "404.html":
            continue
        links = BeautifulSoup(page.read_text(), "html.parser").find_all("link", rel="alternate")
        langs = {link["hreflang"]: link["href"] for link in links}
        assert set(langs) == set(languages) | {"x-default"}, page
        assert all(href.startswith(site_url) for href in langs.values()), page
        assert langs["x-default"] == langs[languages[0]]


def test_the_sitemap_lists_every_page_in_every_language(built_site, languages):
    sitemap = (built_site / "sitemap.xml").read_text()
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    pages = [p for p in built_site.rglob("index.html")]
    assert len(locs) == len(pages)
    for lang in languages[1:]:
        assert any(f"/{lang}/" in loc for loc in locs)


def test_a_sitemap_sits_beside_every_page_for_the_theme(built_site):
    for page in built_site.rglob("index.html"):
        assert (page.parent / "sitemap.xml").is_file(), page.parent


def test_the_404_page_speaks_every_language_and_leads_home(built_site, languages, labels):
    soup = BeautifulSoup((built_site / "404.html").read_text(), "html.parser")
    assert soup.html["lang"] == languages[0]
    for lang in languages:
        section = soup.find("section", attrs={"lang": lang})
        assert section and labels.get("not_found_title", lang) in section.get_text()
        assert section.find("a")["href"].startswith(published_url())


def test_every_page_carries_a_policy_allowing_only_the_site(built_site):
    for page in html_pages(built_site):
        meta = BeautifulSoup(page.read_text(), "html.parser").find(
            "meta", attrs={"http-equiv": "Content-Security-Policy"}
        )
        assert meta, page
        policy = meta["content"]
        assert "default-src 'self'" in policy and "http" not in policy and "unsafe-eval" not in policy, page
        assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy, page  # no inline script or style
        assert "style-src 'self';" in policy, page  # a style attribute from the data would not apply


def test_french_phrases_in_english_pages_are_marked_french(built_site, labels):
    html = (built_site / "en" / "carte-vitale" / "index.html").read_text()
    assert '<span lang="fr">carte Vitale</span>' in html
    assert '<span lang="fr">carte Vitale</span>' not in (built_site / "carte-vitale" / "index.html").read_text()


def test_the_pdfs_load_nothing_from_elsewhere(built_site):
    known = {f.url for f in data_urls(ROOT)}
    for pdf in built_site.rglob("*.pdf"):
        raw = pdf.read_bytes()
        assert b"/URI" not in raw or all(
            str(a.get_object()["/A"]["/URI"]) in known
            for page in PdfReader(pdf).pages
            for a in page.get("/Annots") or []
        ), pdf
        assert b"/Launch" not in raw and b"/JavaScript" not in raw and b"/RemoteGoTo" not in raw, pdf
