"""The offline copy is the built site made readable from the disk: links to folders lead to their index.html,
links from the site's root become relative, and what needs a server or the web is left out."""

from __future__ import annotations

import zipfile

import pytest

from handouts.kinds import catalogue
from render.site import HANDOUTS_FOLDER, OFFLINE_ZIP
from web.offline import ZIP_FOLDER, offline_page, offline_url

SITE = "http://127.0.0.1:8000/health-insurance-guide/"


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("../inscription/", "en/carte-vitale/index.html", "../inscription/index.html"),
        (".", "index.html", "index.html"),
        ("./", "en/index.html", "index.html"),
        ("../", "en/aide/index.html", "../index.html"),
        ("..", "aide/index.html", "../index.html"),
        ("../..", "en/parcours/index.html", "../../index.html"),
        ("../glossaire/#term-nir", "aide/index.html", "../glossaire/index.html#term-nir"),
        ("/health-insurance-guide/en/", "index.html", "en/index.html"),
        ("/health-insurance-guide/", "en/parcours/non-eu/index.html", "../../../index.html"),
        (SITE + "en/aide/", "aide/index.html", "../en/aide/index.html"),
        ("../assets/guide.css", "aide/index.html", "../assets/guide.css"),
        ("../handouts/guide-fr.pdf", "imprimer/index.html", "../handouts/guide-fr.pdf"),
        ("#register-online", "inscription/index.html", "#register-online"),
        ("https://www.ameli.fr/", "index.html", "https://www.ameli.fr/"),
        ("tel:3646", "aide/index.html", "tel:3646"),
        ("mailto:desk@example.org", "aide/index.html", "mailto:desk@example.org"),
        ("data:image/svg+xml,x", "index.html", "data:image/svg+xml,x"),
    ],
)
def test_each_link_leads_to_a_file_of_the_copy(url, page, expected):
    assert offline_url(url, page, SITE) == expected


def test_a_page_loses_what_needs_a_server_and_lets_its_scripts_load_from_files():
    html = (
        "<head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' "
        "'sha256-x'\">\n"
        f'<link rel="alternate" href="{SITE}en/" hreflang="en">\n</head>\n'
        '<a href="/health-insurance-guide/en/" hreflang="en" class="md-select__link">English</a>\n'
        '<p class="hig-offline" data-online-only><a href="health-insurance-guide-offline.zip" download>Zip</a></p>\n'
        '<a href="inscription/">Register</a>'
    )
    out = offline_page(html, "index.html", SITE)
    assert "content=\"default-src 'self' file:; script-src 'self' file: 'sha256-x'\"" in out
    assert 'rel="alternate"' not in out and "hreflang" not in out
    assert '<a href="en/index.html" lang="en" class="md-select__link">English</a>' in out
    assert "offline.zip" not in out and "data-online-only" not in out
    assert '<a href="inscription/index.html">Register</a>' in out


def test_the_shipped_zip_holds_the_pages_and_handouts_but_not_what_only_a_server_uses(built_site):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        names = set(archive.namelist())
        home = archive.read(f"{ZIP_FOLDER}/index.html").decode("utf-8")
    assert f"{ZIP_FOLDER}/index.html" in names and f"{ZIP_FOLDER}/en/index.html" in names
    assert any(n.startswith(f"{ZIP_FOLDER}/handouts/") and n.endswith(".pdf") for n in names)
    assert not [n for n in names if n.endswith((".zip", ".map", "404.html", "sitemap.xml"))]
    assert not [n for n in names if "/lunr/" in n or "/workers/" in n]
    assert 'href="inscription/index.html"' in home


def test_the_zip_has_every_students_handout_and_leaves_the_staffs_slides_on_the_site(built_site, guide):
    """The offline copy is a student's: the sheets and checklists, not the session's slides and notes, which
    its print page then no longer lists."""
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        names = set(archive.namelist())
        pages = {n: archive.read(n).decode("utf-8") for n in names if n.endswith("imprimer/index.html")}
    staff = [h for h in catalogue(guide) if not h.record.offline]
    assert staff and all((built_site / HANDOUTS_FOLDER / h.filename).is_file() for h in staff)
    for handout in catalogue(guide):
        assert (f"{ZIP_FOLDER}/{HANDOUTS_FOLDER}/{handout.filename}" in names) == handout.record.offline
    assert len(pages) == len(guide.languages)
    for html in pages.values():
        assert not [h.filename for h in staff if h.filename in html]
        assert any(h.filename in html for h in catalogue(guide) if h.record.offline)
