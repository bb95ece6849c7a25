"""Each built page finished: its security policy, absolute alternates, phrases of another language marked, phone
numbers and glossary terms linked, the typography of its language, what search indexes, blank space and the
theme's script deferred; and the default language's 404 page kept for every language."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide.project import Project
from render.site import GLOSSARY_PAGE
from render.typography import link_phones, link_words, typeset

from . import head
from .offline import SEARCH_HEADER
from .search import MARK
from .site_files import LanguageFiles

THEME_SCRIPT = re.compile(r'(<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js")>')  # gets `defer`
ARTICLE = '<article class="md-content__inner md-typeset">'  # the theme's: what a page says, without menus
HEADER = 'class="md-header__inner md-grid"'  # the theme's header bar
# A run of blank space that holds a line break, outside <script>, <pre>, <textarea> and <style>: one line break
# shows the same, and the theme's indentation is a tenth of a page's bytes.
BLANK_RUN = re.compile(r"(<(script|pre|textarea|style)\b.*?</\2>)|[ \t]*\n\s*", re.S)


class Policies:
    """Each page's Content-Security-Policy: the hashes of our inline scripts depend on the page's base URL
    only, so they are worked out once per base URL (and config file: static-i18n has one per language)."""

    def __init__(self) -> None:
        self._hashes: dict[tuple[str, str], list[str]] = {}

    def meta(self, config: MkDocsConfig, base_url: str) -> str:
        key = (config.config_file_path, base_url)
        if key not in self._hashes:
            self._hashes[key] = head.shipped_script_hashes(config, base_url)
        return head.csp_meta(self._hashes[key])


def with_policy(output: str, policy: str) -> str:
    """The page with its policy first in its head, and the theme's script deferred."""
    output = output.replace("<head>", f"<head>\n    {policy}", 1)
    # The theme's script needs the whole page, and the first paint need not wait for it.
    return THEME_SCRIPT.sub(r"\1 defer>", output, count=1)


def finish_page(output: str, page: Page, site_url: str, project: Project, files: LanguageFiles) -> str:
    """A built page finished (see the module's docstring), but for its policy (with_policy)."""
    output = head.absolute_alternates(output, site_url + page.url, project.languages[0])
    lang = page.file.src_uri.split("/", 1)[0]
    output = head.mark_phrases(output, lang, project.labels.phrases)
    phones = [n for c in project.guide.contacts for n in (c.phone, c.phone_abroad) if n]
    output = head.in_article(output, lambda a: link_phones(a, phones, lang))
    if not page.file.src_uri.endswith("/" + GLOSSARY_PAGE):
        glossary = files.pages.get(f"{lang}/{GLOSSARY_PAGE}")
        if glossary is not None:
            href = get_relative_url(glossary.url, page.url)
            terms = {g.term.split(" (")[0]: f"{href}#term-{g.id}" for g in project.guide.glossary}
            output = head.in_article(output, lambda a: link_words(a, terms, lang))
    output = typeset(output, lang)
    if not (page.meta.get("search") or {}).get("exclude"):  # what the search index holds (web/search.py)
        output = output.replace(ARTICLE, ARTICLE[:-1] + f" {MARK}>", 1)
    if 'id="hig-search"' in output:  # the header keeps room for its search field (assets/guide.css)
        output = output.replace(HEADER, HEADER[:-1] + f' {SEARCH_HEADER}"', 1)
    return BLANK_RUN.sub(lambda m: m.group(1) or "\n", output)
