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

from guide.phones import tel

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space
SPACES = "[ \u00a0\u202f]"
SKIP = {"script", "style", "code", "pre", "textarea"}
# Where a word is a title or a control's name rather than prose: no link is added inside.
TITLES = {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "legend", "label", "title", "strong", "button"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A tag; or a whole script or style element, whose text is code, never read as text or tags (a minified
# script's `n<ids.length` is no tag).
TAG = re.compile(r"(<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<[^>]+>)", re.S | re.I)
RAW_TEXT = re.compile(r"<(?:script|style)\b", re.I)
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
PHONE_GROUPS = re.compile(r"(?<![\d\w+])(0\d|\+33[ \u00a0]\d)((?:[ \u00a0]\d\d){4})(?![\d\w])")


def french(text: str) -> str:
    """A French text with French typography."""
    for pattern, replacement in FRENCH:
        text = pattern.sub(replacement, text)
    return text


def unbreakable_phones(text: str) -> str:
    """Phone numbers written in groups ('09 74 75 36 46') held together by no-break spaces."""
    return PHONE_GROUPS.sub(lambda m: (m.group(1) + m.group(2)).replace(" ", NBSP), text)


def _text_nodes(
    page: str,
    visit: Callable[[str, str, bool], str],
    default_lang: str,
    leave: frozenset[str] = frozenset({"a"}),
    attributes: Callable[[str, str], str] | None = None,
) -> str:
    """Rebuild `page` with each text node replaced by visit(text, language, inside_left_alone), where the
    last is true inside a link or another element named in `leave`; and each opening tag by
    attributes(tag, language), if given."""
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
            if not match or part.startswith("<!") or RAW_TEXT.match(part):
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
                links -= name in leave
            else:
                lang = LANG.search(part)
                if lang:
                    langs.append((name, lang.group(1).split("-")[0].lower(), depth.get(name, 0)))
                if attributes is not None:
                    parts[i] = attributes(part, langs[-1][1] if langs else default_lang)
                depth[name] = depth.get(name, 0) + 1
                skip += name in SKIP
                links += name in leave
            continue
        if skip > 0 or not part.strip():
            continue
        language = langs[-1][1] if langs else default_lang
        text = visit(html.unescape(part), language, links > 0)
        parts[i] = html.escape(text, quote=False)
    return "".join(parts)


# The attributes that hold words a reader sees or hears (the scripts show data-* texts: statuses, messages).
SAID_ATTRIBUTE = re.compile(r"""(\s(?:data-[\w-]+|aria-label|title|placeholder|alt)=")([^"]*)(")""")


def _said_attributes(tag: str, lang: str) -> str:
    """A tag whose texts in attributes get French typography; data that is not prose (JSON, ids, addresses:
    a value without a space, or one that starts like JSON) is left as it is."""
    if lang != "fr":
        return tag

    def one(m: re.Match[str]) -> str:
        value = html.unescape(m.group(2))
        if " " not in value or value.lstrip()[:1] in "{[":
            return m.group(0)
        return m.group(1) + html.escape(french(value), quote=True) + m.group(3)

    return SAID_ATTRIBUTE.sub(one, tag)


def typeset(page: str, default_lang: str = "en") -> str:
    """`page` (HTML) with the typography of each text's language, in its text and in the attributes a reader
    sees or hears, and unbreakable phone numbers."""

    def visit(text: str, lang: str, _in_link: bool) -> str:
        text = unbreakable_phones(text)
        return french(text) if lang == "fr" else text

    return _text_nodes(page, visit, default_lang, attributes=_said_attributes)


def link_phones(page: str, phones: Iterable[str], default_lang: str = "en") -> str:
    """Every mention of one of `phones` outside a link becomes a tel: link."""
    targets = {p: tel(p) for p in phones if p}
    # Not inside a label or a legend: a tap there picks its option or ticks its box, it must not start a call.
    return link_words(
        page, targets, default_lang, first_only=False, leave=frozenset({"a", "button", "label", "legend"})
    )


def link_words(
    page: str,
    targets: dict[str, str],
    default_lang: str = "en",
    first_only: bool = True,
    leave: frozenset[str] = frozenset({"a"}) | TITLES,
) -> str:
    """Link each word or phrase of `targets` (text -> address) where the text of `page` mentions it, outside
    links and the elements of `leave` (titles, by default): its first mention only, or every mention."""
    words = sorted((w for w in targets if w), key=len, reverse=True)
    if not words:
        return page
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(w).replace(r"\ ", "[ \u00a0]") for w in words) + r")(?![\w-])"
    )
    spaced = {re.sub(r"\s", " ", w): w for w in words}
    done: set[str] = set()

    def visit(text: str, _lang: str, in_link: bool) -> str:
        if in_link:
            return text

        def mark(m: re.Match[str]) -> str:
            word = spaced[re.sub(r"\s", " ", m.group(1))]
            if first_only and word in done:
                return m.group(1)
            done.add(word)
            return f"\x01{word}\x03{m.group(1)}\x02"

        return pattern.sub(mark, text)

    marked = _text_nodes(page, visit, default_lang, leave)
    return re.sub(
        "\x01([^\x03]*)\x03([^\x02]*)\x02",
        lambda m: f'<a class="hig-link" href="{html.escape(targets[m.group(1)])}">{m.group(2)}</a>',
        marked,
    )
