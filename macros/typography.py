"""Typography applied once to the finished HTML of a page or a handout, by the language of each text.

French: a no-break space before ':' and inside « », a narrow no-break space before ';', '!' and '?',
the typographic apostrophe, and '30 %', '4 Mo', '8 h 30' kept on one line. Every language: a phone
number never breaks across lines, and, where asked, it becomes a tel: link.

The HTML is walked text node by text node; each takes the language of its nearest element with a
`lang` attribute, so that an English phrase marked in a French page keeps its English typography.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space
SPACES = "[ \u00a0\u202f]"
SKIP = {"script", "style", "code", "pre", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TAG = re.compile(r"(<[^>]+>)")
TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
LANG = re.compile(r"""\slang=["']([a-zA-Z-]+)["']""")

FRENCH = [
    (re.compile("'"), "’"),
    (re.compile(rf"{SPACES}*:(?=\s|$)"), f"{NBSP}:"),
    (re.compile(rf"{SPACES}*([;!?])(?=\s|$|[»)])"), rf"{NNBSP}\1"),
    (re.compile(rf"«{SPACES}*"), f"«{NBSP}"),
    (re.compile(rf"{SPACES}*»"), f"{NBSP}»"),
    (re.compile(rf"(\d){SPACES}*(%|Mo|Ko|Go|€)(?!\w)"), rf"\1{NBSP}\2"),
    (re.compile(rf"(\d+){SPACES}*h{SPACES}*(\d\d)(?!\d)"), rf"\1{NBSP}h{NBSP}\2"),
    (re.compile(rf"(\d+){SPACES}+h(?!\w)"), rf"\1{NBSP}h"),
]
PHONE_GROUPS = re.compile(r"(?<![\d\w])(0\d)((?:[ \u00a0]\d\d){4})(?![\d\w])")


def french(text: str) -> str:
    """A French text with French typography."""
    for pattern, replacement in FRENCH:
        text = pattern.sub(replacement, text)
    return text


def unbreakable_phones(text: str) -> str:
    """Phone numbers written in groups ('09 74 75 36 46') held together by no-break spaces."""
    return PHONE_GROUPS.sub(lambda m: m.group(1) + m.group(2).replace(" ", NBSP), text)


def _text_nodes(page: str, visit: Callable[[str, str, bool], str], default_lang: str) -> str:
    """Rebuild `page` with each text node replaced by visit(text, language, inside_a_link)."""
    parts = TAG.split(page)
    langs: list[tuple[str, str, int]] = []  # (tag, language, depth of that tag when it opened)
    depth: dict[str, int] = {}
    skip = 0
    links = 0
    for i, part in enumerate(parts):
        if not part:
            continue
        if part.startswith("<"):
            match = TAG_NAME.match(part)
            if not match or part.startswith("<!"):
                continue
            name = match.group(1).lower()
            closing = part.startswith("</")
            if name in VOID or part.endswith("/>"):
                continue
            if closing:
                depth[name] = depth.get(name, 1) - 1
                if langs and langs[-1][0] == name and langs[-1][2] == depth[name]:
                    langs.pop()
                skip -= name in SKIP
                links -= name == "a"
            else:
                lang = LANG.search(part)
                if lang:
                    langs.append((name, lang.group(1).split("-")[0].lower(), depth.get(name, 0)))
                depth[name] = depth.get(name, 0) + 1
                skip += name in SKIP
                links += name == "a"
            continue
        if skip > 0 or not part.strip():
            continue
        language = langs[-1][1] if langs else default_lang
        text = visit(html.unescape(part), language, links > 0)
        parts[i] = html.escape(text, quote=False)
    return "".join(parts)


def typeset(page: str, default_lang: str = "en") -> str:
    """`page` (HTML) with the typography of each text's language and unbreakable phone numbers."""

    def visit(text: str, lang: str, _in_link: bool) -> str:
        text = unbreakable_phones(text)
        return french(text) if lang == "fr" else text

    return _text_nodes(page, visit, default_lang)


def link_phones(page: str, phones: Iterable[str], default_lang: str = "en") -> str:
    """Every mention of one of `phones` outside a link becomes a tel: link (marked to be restored below)."""
    numbers = sorted({p for p in phones if p}, key=len, reverse=True)
    if not numbers:
        return page
    pattern = re.compile(
        r"(?<![\d\w])(" + "|".join(re.escape(n).replace(r"\ ", "[ \u00a0]") for n in numbers) + r")(?![\d\w])"
    )

    def visit(text: str, _lang: str, in_link: bool) -> str:
        if in_link:
            return text
        return pattern.sub(lambda m: f"\x01{m.group(1)}\x02", text)

    marked = _text_nodes(page, visit, default_lang)

    def tel(match: re.Match[str]) -> str:
        number = match.group(1)
        digits = re.sub(r"\D", "", number)
        return f'<a class="hig-phone" href="tel:{digits}">{number}</a>'

    return re.sub("\x01([^\x02]*)\x02", tel, marked)
