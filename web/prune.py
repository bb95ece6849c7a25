"""The theme's stylesheet without the rules no page of this site can use: a lighter first load (our own
scripts and stylesheets are minified by web/minify.py).

Material ships one stylesheet for every feature it has (search, tabs, blog, code, tooltips...). A rule is
kept when each class its selector requires is on some page of the built site or named by one of the theme's
scripts (which add classes as the reader uses the page); classes inside :not(), :is(), :where() and :has()
are not required, since a rule may apply without them. The same holds for the elements a selector names
(`kbd`, `pre`) and the attribute values it asks for (`[data-md-color-primary=pink]`): a rule for elements or
values that no page has and no script names goes. @font-face, @keyframes and the like
are kept as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
# A type selector: a name not part of a class, id, pseudo-class, attribute or namespace (and not a number).
ELEMENT = re.compile(r"(?<![\w.#:\[=\-\\|\"'])([a-zA-Z][a-zA-Z0-9]*)(?![\w\-(|\]\"'])")
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
# An attribute selector that asks for a value: [data-md-color-primary=indigo]
ATTRIBUTE_VALUE = re.compile(r"""\[\s*[\w-]+\s*[~|^$*]?=\s*["']?([^"'\]\s]+)["']?\s*(?:[is]\s*)?\]""")
HTML_VALUE = re.compile(r"""=\s*["']([^"']*)["']""")
CLASS_ATTRIBUTE = re.compile(r"""\bclass=["']([^"']*)["']""")
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S)
FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches)\(")
SCRIPT_WORD = re.compile(r"[\w-]+")
# The theme's script names the classes of every feature it has, so its words alone would keep their rules.
# A feature's classes count from its script only when the site turns the feature on: a page holds one of its
# marker classes, or the theme's configuration in each page (a "quoted" marker) names it. A class a page
# itself holds always counts.
THEME_FEATURES: dict[str, tuple[str, ...]] = {
    "tabbed": ("tabbed-set",),  # content tabs
    "md-annotation": ("annotate",),  # code annotations
    "highlight": ("highlight",),  # highlighted code blocks
    "md-code": ("highlight",),
    "md-clipboard": ("highlight",),  # the copy button of a code block
    "md-tooltip": ("annotate", '"content.tooltips"', '"navigation.tooltips"'),
    "md-source": ("md-source",),  # the repository's link in the header
    "md-search": ("md-search",),  # the theme's search (this site has its own)
    "md-tag": ("md-tag",),  # the tags plugin
    "md-version": ('"version": {',),  # the version selector (extra.version)
}


def _required(selector: str) -> set[str]:
    """The classes an element (or its ancestors) must have for `selector` to match."""
    out, depth, i = [], 0, 0
    while i < len(selector):
        match = FUNCTIONAL.match(selector, i)
        if match:
            depth += 1
            i = match.end()
            continue
        char = selector[i]
        if depth and char == "(":
            depth += 1
        elif depth and char == ")":
            depth -= 1
        elif not depth:
            out.append(char)
        i += 1
    kept = "".join(out)
    values = {f"={value}" for value in ATTRIBUTE_VALUE.findall(kept)}
    plain = re.sub(r"\[[^\]]*\]", "", kept)  # attribute selectors name no element
    elements = {f"<{name.lower()}>" for name in ELEMENT.findall(CLASS.sub("", plain))}
    return set(CLASS.findall(plain)) | elements | values


def _keep(prelude: str, known: set[str]) -> bool:
    return any(_required(selector) <= known for selector in prelude.split(","))


def _prune(rules: list, known: set[str]) -> str:
    parts = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if _keep(tinycss2.serialize(rule.prelude), known):
                parts.append(rule.serialize())
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = _prune(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), known)
            if inner:
                parts.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type not in ("whitespace", "comment"):
            parts.append(rule.serialize())
    return "".join(parts)


def classes_in_use(site: Path) -> set[str]:
    """Every class on a page of the site, and every word of the theme's scripts (the classes they may add)."""
    known: set[str] = set()
    on_pages: set[str] = set()
    pages = [page.read_text(encoding="utf-8") for page in site.rglob("*.html")]
    for html in pages:
        for value in CLASS_ATTRIBUTE.findall(html):
            on_pages.update(value.split())
        known.update(f"<{tag.lower()}>" for tag in TAG.findall(html))
        known.update(f"={value}" for value in HTML_VALUE.findall(html))
        for script in INLINE_SCRIPT.findall(html):
            words = SCRIPT_WORD.findall(script)
            known.update(words)
            known.update(f"<{w.lower()}>" for w in words)
            known.update(f"={w}" for w in words)
    for script in (site / "assets").rglob("*.js"):
        words = SCRIPT_WORD.findall(script.read_text(encoding="utf-8"))
        known.update(words)
        known.update(f"<{w.lower()}>" for w in words)  # the elements a script may create
        known.update(f"={w}" for w in words)  # and the values it may give an attribute
    for prefix, markers in THEME_FEATURES.items():
        on = any(m in on_pages if not m.startswith('"') else any(m in html for html in pages) for m in markers)
        if not on:
            known -= {w for w in known if w.startswith(prefix)}
    known.update({"<html>", "<body>", "<*>"})
    return known | on_pages


def prune_stylesheet(css: str, known: set[str]) -> str:
    """`css` with only the rules that can apply to elements with the `known` classes."""
    return _prune(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), known)


def prune_theme_css(site: Path) -> tuple[int, int]:
    """Prune the theme's stylesheets (main and palette) in place; (bytes before, bytes after)."""
    known = classes_in_use(site)
    before = after = 0
    for sheet in (site / "assets" / "stylesheets").glob("*.min.css"):
        css = sheet.read_text(encoding="utf-8")
        pruned = prune_stylesheet(css, known)
        before, after = before + len(css), after + len(pruned)
        sheet.write_text(pruned, encoding="utf-8")
    return before, after
