"""French reads as French: on every French page and in every French handout, the typography rules hold;
phone numbers never break across lines and, on the site, are tel: links."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from handouts.kinds import catalogue
from render.site import HANDOUTS_FOLDER
from render.typography import french, typeset
from tests.support.site import language_pages

# What French typography forbids, as (what is wrong, pattern).
FAULTS = [
    ("a plain space before ':'", re.compile(r" :")),
    ("no space before ':'", re.compile(r"[\w)»]:(?=\s)")),
    ("a plain space before ';', '!' or '?'", re.compile(r" [;!?]")),
    ("no space before ';', '!' or '?'", re.compile(r"\w[;!?](?=\s|$)")),
    ("a plain space inside « »", re.compile(r"« | »")),
    ("a straight apostrophe", re.compile(r"\w'\w")),
    ("'%', 'Mo' or 'h' that may break from its number", re.compile(r"\d (%|Mo\b|h\b)")),
]


def faults(text: str) -> list[str]:
    return [f"{what}: …{text[max(0, m.start() - 25) : m.end() + 25]}…" for what, p in FAULTS for m in p.finditer(text)]


def french_text_of(html: str) -> str:
    """The text a reader sees in French on a page: scripts, code and marked other-language phrases left out."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["script", "style", "code", "pre"]):
        tag.decompose()
    for tag in soup.find_all(attrs={"lang": True}):
        if tag.name != "html" and not tag["lang"].startswith("fr"):
            tag.decompose()
    return soup.get_text("\n")


def test_the_rules_themselves():
    assert french("Remplissez vos informations : nom") == "Remplissez vos informations\u00a0: nom"
    assert french("Qui doit s'inscrire ?") == "Qui doit s’inscrire\u202f?"
    assert french("« Mon compte »") == "«\u00a0Mon compte\u00a0»"
    assert french("30 %, 4 Mo, de 8 h 30 à 17 h") == "30\u00a0%, 4\u00a0Mo, de 8\u00a0h\u00a030 à 17\u00a0h"
    raw = "Attention: l'e-mail arrive ; vraiment ! « oui » 70 % et 4 Mo à 8 h 30 ?"
    assert len(faults(raw)) >= 6  # the check sees each fault...
    assert not faults(french(raw))  # ...and the typesetting mends them all


@pytest.fixture(scope="module")
def french_pages(built_site, languages):
    if "fr" not in languages:
        pytest.skip("this copy of the guide has no French")
    return language_pages(built_site, languages)["fr"]


def test_code_in_a_script_or_a_style_is_neither_text_nor_tags():
    """A minified script compares with `<` (`n<ids.length`, `+m[1]<1000)`): read as tags, it swallowed the
    script's end and left the rest of the page untypeset."""
    page = (
        '<html lang="fr"><head><script>if(n<ids.length)x();if(+m[1]<1000)return "l\'a : b";</script>'
        "<style>a<b{}</style></head><body><p>l'Union : oui</p></body></html>"
    )
    typeset_page = typeset(page, "fr")
    assert "<p>l’Union\u00a0: oui</p>" in typeset_page
    assert '<script>if(n<ids.length)x();if(+m[1]<1000)return "l\'a : b";</script>' in typeset_page


def test_every_french_page_follows_french_typography(french_pages):
    found = [f"{p.url}: {f}" for p in french_pages for f in faults(french_text_of(p.html))]
    assert not found, "\n".join(found[:20])


def test_every_french_handout_follows_french_typography(built_site, guide):
    found = []
    for handout in catalogue(guide):
        if handout.langs != ("fr",):
            continue
        reader = PdfReader(built_site / HANDOUTS_FOLDER / handout.filename)
        text = " ".join(p.extract_text() or "" for p in reader.pages)
        text = re.sub(r"https?://\S+", "", text)  # addresses are not prose
        found += [f"{handout.filename}: {f}" for f in faults(text)]
    assert not found, "\n".join(found[:20])


def test_phone_numbers_never_break_and_are_links_on_every_page(built_site, guide, languages):
    """Except in a control's label (a task's, an answer's): a tap there ticks the box or picks the answer, and
    must not start a call."""
    phones = {c.phone for c in guide.contacts if c.phone}
    for pages in language_pages(built_site, languages).values():
        for page in pages:
            soup = BeautifulSoup(page.html, "html.parser")
            article = soup.find("article")
            if article is None:
                continue
            for phone in phones:
                pattern = re.compile(re.escape(phone).replace(r"\ ", "[ \u00a0]"))
                for node in article.find_all(string=pattern):
                    if node.find_parent(["script", "code"]):
                        continue
                    if node.find_parent(["label", "legend"]):
                        assert not node.find_parent("a"), (page.url, phone, "a link inside a label")
                    else:
                        assert node.find_parent("a", href=re.compile(r"^tel:")), (page.url, phone, str(node)[:80])
                    assert " " not in pattern.search(node).group(0), (page.url, phone, "may break")
