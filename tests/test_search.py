"""Search, as built: every page's field opens its language's search page, the index holds each language's pages
and no others, and the header is still the theme's (tests/test_browser_search.py searches in a browser)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import yaml

from render.site import ROUTES_FOLDER, SEARCH_BUNDLE, SEARCH_SCRIPT
from tests.support.site import pages, search_page

ROOT = Path(__file__).resolve().parent.parent
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)


def excluded_pages(lang: str, languages: tuple[str, ...]) -> set[str]:
    """The pages of `lang` whose front matter says `search: exclude: true`, as paths below the site root."""
    found = set()
    for source in (ROOT / "content" / lang).glob("*.md"):
        text = source.read_text(encoding="utf-8")
        if text.startswith("---\n") and yaml.safe_load(text.split("---\n")[1]).get("search", {}).get("exclude"):
            found.add(
                ("" if lang == languages[0] else f"{lang}/") + ("" if source.stem == "index" else f"{source.stem}/")
            )
    return found


def test_the_header_is_the_themes_with_the_search_field_added():
    """When Material is upgraded, its header is compared with ours: only the include of the field differs."""
    theme = Path(importlib.util.find_spec("material").origin).parent  # found, not imported: MkDocs stays in web/
    theirs = (theme / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    added = '    {% include "partials/hig-search.html" %}\n'
    assert ours.count(added) == 1
    assert LEADING_COMMENT.sub("", ours).replace(added, "") == LEADING_COMMENT.sub("", theirs)


def test_every_page_has_a_field_that_opens_the_search_page_of_its_language(built_site, languages, labels):
    for lang in languages:
        target = search_page(built_site, lang, languages)
        for page in pages(built_site, lang, languages[0], languages):
            [form] = page.soup.select("search.hig-search form")
            assert page.resolve(form["action"], "/") == target, page.url
            assert form.get("method") == "get"
            [field] = form.select("input[type=search][name=q]")
            assert field["aria-label"] == labels.get("search_label", lang)
            [link] = page.soup.select("search.hig-search a.hig-search__open")
            assert page.resolve(link["href"], "/") == target and link["aria-label"] == field["aria-label"]
    assert "hig-search" not in (built_site / "404.html").read_text(encoding="utf-8")  # its address varies


def test_the_index_holds_the_pages_of_each_language_and_not_the_routes_the_changes_or_search(built_site, languages):
    entry = json.loads((built_site / SEARCH_BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == set(languages)
    for lang in languages:
        built = pages(built_site, lang, languages[0], languages)
        searched = [p for p in built if "data-pagefind-body" in p.html]
        left_out = {p.url for p in built} - {p.url for p in searched}
        assert entry["languages"][lang]["page_count"] == len(searched)
        routes = {p.url for p in built if f"{ROUTES_FOLDER}/" in p.url}
        assert routes and routes <= left_out
        assert search_page(built_site, lang, languages) in left_out
        assert excluded_pages(lang, languages) <= left_out
        for page in searched:  # the article only: never the menus, the header or the footer
            [article] = page.soup.select("[data-pagefind-body]")
            assert article.name == "article", page.url


def test_the_search_page_loads_only_the_sites_own_script_and_index(built_site, languages):
    for lang in languages:
        [page] = [p for p in pages(built_site, lang, languages[0], languages) if 'class="hig-search-page"' in p.html]
        scripts = [page.resolve(s["src"], "/") for s in page.soup.select("article script[src]")]
        assert scripts == [SEARCH_SCRIPT]
        [form] = page.soup.select("form.hig-search-page__form")
        assert page.resolve(form["data-bundle"], "/") == f"{SEARCH_BUNDLE}/pagefind.js"
        assert (built_site / SEARCH_BUNDLE / "pagefind.js").is_file()
    assert not list((built_site / SEARCH_BUNDLE).glob("pagefind-ui*"))  # Pagefind's ready-made interface, unused
