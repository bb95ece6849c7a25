"""What each built page needs in its head and text, and what the theme gets wrong for a bilingual site.

- a Content-Security-Policy (meta tag) allowing only the site itself and the inline scripts that
  our templates render, by their hashes (web/offline.py adds file: for the offline copy); forms are sent to
  the site itself only (the search field opens the search page);
- absolute hreflang alternates, plus x-default (web/offline.py takes them out of the offline copy);
- phrases of another language marked (phone numbers, glossary terms and typography: render.typography);
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from html import escape
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig

from .compiled import COMPILED

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')
CSP = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def absolute_alternates(html: str, here: str, default: str) -> str:
    """The head's alternates as absolute addresses, the default language's also as x-default."""

    def absolute(match: re.Match[str]) -> str:
        href = urljoin(here, match.group(1))
        link = f'<link rel="alternate" href="{escape(href)}" hreflang="{match.group(2)}">'
        if match.group(2) == default:
            link += f'\n    <link rel="alternate" href="{escape(href)}" hreflang="x-default">'
        return link

    return ALTERNATE.sub(absolute, html)


def in_article(html: str, change: Callable[[str], str]) -> str:
    """`html` with `change` applied to its <article> only (not the header, navigation or footer)."""
    if "<article" not in html:
        return html
    start = html.index("<article")
    end = html.index("</article>", start)
    return html[:start] + change(html[start:end]) + html[end:]


def mark_phrases(html: str, page_lang: str, phrases: dict[str, list[str]]) -> str:
    """In the article's text, wrap each phrase of another language in a span carrying that language."""
    foreign = [(lang, p) for lang, items in phrases.items() if lang != page_lang for p in items]
    if not foreign or "<article" not in html:
        return html
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(p) for _, p in sorted(foreign, key=lambda x: -len(x[1]))) + r")(?![\w-])"
    )
    lang_of = {p: lang for lang, p in foreign}
    start = html.index("<article")
    end = html.index("</article>", start)
    parts = re.split(r"(<[^>]+>)", html[start:end])
    skip = 0  # inside <script>, <style>, <code> or an element that already says its language
    for i, part in enumerate(parts):
        if part.startswith("<"):
            name = re.match(r"</?([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in ("script", "style", "code", "title", "textarea"):
                skip += -1 if part.startswith("</") else 1
            elif ' lang="' in part and not part.startswith("</"):
                skip += 1
                parts[i] = part + "\x00"  # mark the element that opened a language span
            elif part.startswith("</") and i > 1 and parts[i - 2].endswith("\x00"):
                skip -= 1
            continue
        if skip <= 0 and part.strip():
            parts[i] = pattern.sub(lambda m: f'<span lang="{lang_of[m.group(1)]}">{m.group(1)}</span>', part)
    body = "".join(parts).replace("\x00", "")
    return html[:start] + body + html[end:]


SCRIPT_TEMPLATES = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
    "partials/hig-head.html",
)


def shipped_script_hashes(config: MkDocsConfig, base_url: str) -> list[str]:
    """The hashes of the inline scripts our templates render for a page whose base URL is `base_url`."""
    env = config.theme.get_env()
    env.bytecode_cache = COMPILED
    hashes = set()
    for name in SCRIPT_TEMPLATES:
        rendered = env.get_template(name).render(config=config, base_url=base_url)
        for attributes, body in INLINE_SCRIPT.findall(rendered):
            if "application/json" not in attributes:  # data, not run
                digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
                hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def csp_meta(hashes: list[str]) -> str:
    """A CSP meta tag: scripts from the site itself and our own inline ones, nothing from elsewhere."""
    return f'<meta http-equiv="Content-Security-Policy" content="{CSP.format(hashes=" ".join(hashes))}">'
