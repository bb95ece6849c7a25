"""MkDocs hook: what each page needs once rendered, and what the theme gets wrong for a bilingual site.

- a meta description per page, from data/ui.yaml (path pages: the profile's description), escaped;
- a Content-Security-Policy (meta tag) allowing only the site itself and the inline scripts that
  our templates render, by their hashes (in the offline copy too, with file: for its scripts);
- absolute hreflang alternates, plus x-default (none in the offline copy, whose language menu is plain links);
- phrases of another language marked, phone numbers and glossary terms linked, the typography
  of each text's language (macros/typography.py);
- a one-page sitemap.xml beside each page: Material fetches `sitemap.xml` next to every
  alternate link, which would otherwise 404 in the reader's console;
- one bilingual 404 page at the root (each language build would overwrite it).
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from collections.abc import Callable
from html import escape
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from guide.paths import PATHS_FOLDER  # noqa: E402
from macros.model_cache import load_once  # noqa: E402
from macros.pages import page_url  # noqa: E402
from macros.typography import link_phones, link_words, typeset  # noqa: E402

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')
CSP = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
)
_404: dict[str, str] = {}


def _project(config: MkDocsConfig):
    return load_once(Path(config.config_file_path).resolve().parent)


def _offline(config: MkDocsConfig) -> bool:
    """True for the offline copy (mkdocs.offline.yml)."""
    return bool(config.extra.get("offline"))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The bilingual 404 page's texts, for overrides/404.html."""
    project = _project(config)
    site = config.site_url
    config.extra["not_found"] = [
        {
            "lang": lang,
            "title": project.labels.get("not_found_title", lang),
            "text": project.labels.get("not_found_text", lang),
            "home": project.labels.get("not_found_home", lang),
            "href": site if lang == project.languages[0] else f"{site}{lang}/",
        }
        for lang in project.languages
    ]
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    """Every page gets a description from the data; a page without one stops the build."""
    project = _project(config)
    lang, _, rest = page.file.src_uri.partition("/")
    stem = rest[: -len(".md")]
    if stem.startswith(PATHS_FOLDER + "/"):
        description = project.guide.profile(stem.split("/", 1)[1]).description(lang)
    elif stem in project.labels.page_descriptions:
        description = project.labels.page_descriptions[stem][lang]
    else:
        raise Abort(f"content/{page.file.src_uri}: no description in data/ui.yaml (page_descriptions: {stem})")
    page.meta["description"] = escape(description)  # Material writes it into an attribute as it is
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Absolute alternates with x-default, phrases marked with their language, phone numbers and glossary
    terms linked, the typography of each text's language, and the security policy."""
    project = _project(config)
    here = urljoin(config.site_url, page.url)
    default = project.languages[0]

    def absolute(match: re.Match[str]) -> str:
        href = urljoin(here, match.group(1))
        link = f'<link rel="alternate" href="{escape(href)}" hreflang="{match.group(2)}">'
        if match.group(2) == default:
            link += f'\n    <link rel="alternate" href="{escape(href)}" hreflang="x-default">'
        return link

    output = offline_language_links(output) if _offline(config) else ALTERNATE.sub(absolute, output)
    lang = page.file.src_uri.split("/", 1)[0]
    output = mark_phrases(output, lang, project.labels.phrases)
    output = in_article(output, lambda a: link_phones(a, [c.phone for c in project.guide.contacts], lang))
    if not page.file.src_uri.endswith("/" + GLOSSARY_PAGE):
        glossary = page_url(GLOSSARY_PAGE, lang, default, bool(config.use_directory_urls))
        href = get_relative_url(glossary, page.url)
        terms = {g.term.split(" (")[0]: f"{href}#term-{g.id}" for g in project.guide.glossary}
        output = in_article(output, lambda a: link_words(a, terms, lang))
    output = typeset(output, lang)
    return output.replace("<head>", f"<head>\n    {_csp.pop(page.file.src_uri)}", 1)


def offline_language_links(html: str) -> str:
    """The offline copy's language menu as plain links. With `hreflang` (on the menu's links or as alternates
    in the head), the theme looks up sitemap.xml to find the page in the other language, which a page read
    from the disk cannot fetch: the request fails and the menu goes nowhere. Search engines never see this
    copy, so it needs no alternates."""
    html = ALTERNATE.sub("", html)
    return re.sub(r' hreflang="([^"]+)" class="md-select__link"', r' lang="\1" class="md-select__link"', html)


GLOSSARY_PAGE = "glossaire.md"  # its terms are linked from the first place each page mentions them


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


# The templates whose inline scripts the pages may run: Material's (and our safer storage helpers), and ours.
# The CSP allows exactly what these render, hashed; a script that reached a page any other way (from the
# data, say) matches no hash and does not run.
SCRIPT_TEMPLATES = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
    "partials/hig-head.html",
)
_csp: dict[str, str] = {}  # page source -> its CSP meta tag, from on_page_context to on_post_page
_hashes: dict[str, list[str]] = {}  # base URL -> hashes: a handful of base URLs per build


def shipped_script_hashes(config: MkDocsConfig, base_url: str) -> list[str]:
    """The hashes of the inline scripts our templates render for a page whose base URL is `base_url`."""
    if base_url in _hashes:
        return _hashes[base_url]
    env = config.theme.get_env()
    hashes = set()
    for name in SCRIPT_TEMPLATES:
        rendered = env.get_template(name).render(config=config, base_url=base_url)
        for attributes, body in INLINE_SCRIPT.findall(rendered):
            if "application/json" not in attributes:  # data, not run
                digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
                hashes.add(f"'sha256-{digest}'")
    _hashes[base_url] = sorted(hashes)
    return _hashes[base_url]


def csp_meta(config: MkDocsConfig, base_url: str) -> str:
    """A CSP meta tag: scripts from the site itself and our own inline ones, nothing from elsewhere.
    The offline copy is read from file://, where 'self' matches nothing: there, scripts from files."""
    own = "'self' file:" if _offline(config) else "'self'"
    policy = CSP.format(hashes=" ".join(shipped_script_hashes(config, base_url))).replace("'self'", own)
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Work out the page's policy from its base URL, the one thing that varies in our inline scripts."""
    _csp[page.file.src_uri] = csp_meta(config, context["base_url"])
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":
        _csp["404.html"] = csp_meta(config, context["base_url"])
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Keep the default language's 404 page: the other language builds write to the same place."""
    if template_name != "404.html":
        return output
    project = _project(config)
    if config.plugins["i18n"].current_language in (None, project.languages[0]):
        output = output.replace("<head>", f"<head>\n    {_csp.pop('404.html')}", 1)
        _404[config.config_file_path] = output
        return output
    return _404.get(config.config_file_path, output)


def on_post_build(config: MkDocsConfig) -> None:
    """A one-page sitemap beside each page, so that the theme's lookups find one."""
    site = Path(config.site_dir)
    root = config.site_url
    alternates = re.compile(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>')
    main = (site / "sitemap.xml").read_text(encoding="utf-8") if (site / "sitemap.xml").is_file() else ""
    for entry in re.findall(r"<url>.*?</url>", main, re.S):
        links = alternates.findall(entry)
        for _, href in links:
            if not href.startswith(root) or href == root:
                continue
            folder = site / href[len(root) :]
            if folder.is_dir() and not (folder / "sitemap.xml").exists():
                body = "".join(
                    f'\n    <xhtml:link rel="alternate" hreflang="{lang}" href="{escape(url)}"/>' for lang, url in links
                )
                (folder / "sitemap.xml").write_text(
                    '<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
                    f"  <url>\n    <loc>{escape(href)}</loc>{body}\n  </url>\n</urlset>\n",
                    encoding="utf-8",
                )
