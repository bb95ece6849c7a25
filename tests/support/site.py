"""Read a built site: its pages per language and their visible text."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from posixpath import normpath
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from guide.model import Guide, Text
from render.site import STORAGE_KEY


@dataclass
class BuiltPage:
    site: Path
    file: Path

    @cached_property
    def html(self) -> str:
        return self.file.read_text(encoding="utf-8")

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "html.parser")

    @cached_property
    def url(self) -> str:
        """Path of the page below the site root, like 'en/inscription/'."""
        rel = self.file.relative_to(self.site).as_posix()
        return rel[: -len("index.html")] if rel.endswith("index.html") else rel

    @cached_property
    def text(self) -> str:
        """The visible text of the article, whitespace folded (language marks on phrases undone)."""
        soup = BeautifulSoup(self.html, "html.parser")
        article = soup.find("article") or soup
        for span in article.find_all("span", attrs={"lang": True}):
            span.unwrap()
        for link in article.select("a.hig-link"):  # words linked inside a sentence (terms, phone numbers)
            link.unwrap()
        article.smooth()
        return fold(article.get_text(" "))

    @cached_property
    def own_language_text(self) -> str:
        """The article's text without the phrases marked as another language (lang attribute)."""
        soup = BeautifulSoup(self.html, "html.parser")
        article = soup.find("article") or soup
        own = soup.html.get("lang")
        for tag in article.find_all(attrs={"lang": True}):
            if tag["lang"] != own:
                tag.decompose()
        for link in article.select("a.hig-link"):
            link.unwrap()
        article.smooth()
        return " ".join(article.get_text(" ").split())

    def resolve(self, href: str, prefix: str) -> str:
        """Where a link leads, as a path below the site root ('' for the home page)."""
        absolute = urljoin(prefix + self.url, href)
        path = normpath(urlsplit(absolute).path) + ("/" if urlsplit(absolute).path.endswith("/") else "")
        return path[len(prefix) :] if path.startswith(prefix) else path


def pages(site: Path, lang: str, default_lang: str, languages: tuple[str, ...]) -> list[BuiltPage]:
    """The HTML pages of one language (the default language sits at the root)."""
    out = []
    for f in sorted(site.rglob("*.html")):
        rel = f.relative_to(site)
        top = rel.parts[0] if len(rel.parts) > 1 else ""
        page_lang = top if top in languages and top != default_lang else default_lang
        if page_lang == lang and rel.name != "404.html":
            out.append(BuiltPage(site, f))
    return out


def fold(text: str) -> str:
    """Whitespace folded, and French typography undone (apostrophe, spaces around punctuation), so that a
    data text and the page that typesets it compare equal."""
    text = " ".join(text.replace("’", "'").split())
    return re.sub(r"«\s+", "«", re.sub(r"\s+([:;!?»])", r"\1", text))


def data_texts(guide: Guide) -> list[tuple[str, Text]]:
    """Every text of the data that the site shows, with a name saying where it is from."""
    out: list[tuple[str, Text]] = []
    for p in guide.profiles:
        out += [(f"profile {p.id} name", p.name), (f"profile {p.id} description", p.description)]
    for ph in guide.phases:
        out.append((f"phase {ph.id}", ph.title))
    for s in guide.steps:
        out += [
            (f"step {s.id} title", s.title),
            (f"step {s.id} summary", s.summary),
            (f"step {s.id} duration", s.duration),
            (f"step {s.id} if_stuck", s.if_stuck),
        ]
        if s.while_waiting:
            out.append((f"step {s.id} while_waiting", s.while_waiting))
        out += [(f"task {t.id}", t.text) for t in s.tasks]
        out += [(f"step {s.id} note {i}", n.text) for i, n in enumerate(s.notes)]
    for d in guide.documents:
        out += [(f"document {d.id} name", d.name), (f"document {d.id} description", d.description)]
    for c in guide.contacts:
        out += [(f"contact {c.id} name", c.name), (f"contact {c.id} description", c.description)]
        out += [(f"contact {c.id} {k}", v) for k, v in (("hours", c.hours), ("cost", c.cost)) if v]
    for g in guide.glossary:
        out.append((f"glossary {g.id}", g.definition))
    for src in guide.sources.values():
        out += [(f"source {src.id} title", src.title), (f"source {src.id} dated", src.dated)]
    for link in guide.links.values():
        out.append((f"link {link.id} label", link.label))
    return out


TEMPLATE_LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#")


def language_pages(site: Path, languages: tuple[str, ...]) -> dict[str, list[BuiltPage]]:
    return {lang: pages(site, lang, languages[0], languages) for lang in languages}


def missing_data_texts(guide: Guide, lang: str, site_pages: list[BuiltPage]) -> list[str]:
    """Names of the data texts of `lang` that no page of that language shows."""
    text = fold(" ".join(p.text for p in site_pages))
    return [name for name, value in data_texts(guide) if fold(value(lang)) not in text]


def foreign_texts(guide: Guide, lang: str, languages: tuple[str, ...], site_pages: list[BuiltPage]) -> list[str]:
    """'page: text name' for each data text of another language shown on a page of `lang`."""
    found = []
    for other in languages:
        if other == lang:
            continue
        foreign = [
            (name, fold(v(other)))
            for name, v in data_texts(guide)
            # a text the data gives in `lang` as the other language's (an untranslated text of an extra
            # language, shown with its note until a translator writes it) is the page's own
            if fold(v(other)) not in fold(v(lang)) and len(v(other)) > 12
        ]
        for page in site_pages:
            own = fold(page.own_language_text)
            found += [f"{page.url}: {other} {name}" for name, value in foreign if value in own]
    return found


@cache
def search_page(site: Path, lang: str, languages: tuple[str, ...]) -> str:
    """The search page of `lang`, as a path below the site root (the page that calls the search widget); read
    once per built site."""
    [found] = [p.url for p in pages(site, lang, languages[0], languages) if 'class="hig-search-page"' in p.html]
    return found


def saved_progress(ticks: Iterable[str] = (), dates: dict[str, str] | None = None) -> str:
    """The text the checklist stores for these ticked tasks and reminder dates (browser/lib/saved.js, version 2)."""
    return json.dumps({"version": 2, "ticks": dict.fromkeys(ticks, True), "dates": dates or {}})


def stored_progress(page: Any) -> dict[str, Any]:
    """What the page's browser keeps of the student's progress, as stored: {"version", "ticks", "dates"}; {} if
    nothing is."""
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})") or "{}")
