"""The offline copy: the built site made readable from the disk, without building it again.

A page read from file:// cannot ask a server for `folder/`: every link to a folder is made a link to its
`index.html`, and every link written from the site's root (`/health-insurance-guide/en/`, or the full
address) is made relative. What only a server or the web uses goes: the 404 page, the sitemaps, the link to
the zip itself, the alternates in the head (the theme would fetch sitemap.xml to follow them, which fails from
the disk; search engines never see this copy), and the language menu's hreflang (the same reason: the menu
becomes plain links). Search needs a server: its field, its pages and its index go too. The security policy
lets the pages load their scripts from files (`'self'` matches nothing under file://).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from .head import ALTERNATE

SEARCH_HEADER = "hig-header-search"  # the header's class when it keeps room for the search field (web/plugin.py)

ZIP_FOLDER = "health-insurance-guide"  # the one folder the zip opens into
LEFT_OUT = re.compile(r"^(404\.html|(.*/)?sitemap\.xml(\.gz)?|.*\.zip)$")
URL_ATTRIBUTE = re.compile(r"""(\s(?:href|src)=")([^"]*)(")""")
# What the site marks data-online-only (the download widget's link, the print page's slides for staff, the
# header's search field, and the head's wait for its end): a paragraph, an item, a section or a search element,
# none holding another of its kind; or a link.
ONLINE_ONLY = re.compile(
    r"<(p|li|section|search) [^>]*\bdata-online-only\b[^>]*>.*?</\1>\n?|<link [^>]*\bdata-online-only\b[^>]*>\n?", re.S
)
CSP = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')
LANGUAGE_LINK = re.compile(r' hreflang="([^"]+)" class="md-select__link"')


def offline_url(url: str, page: str, site_url: str) -> str:
    """`url`, found in the page at `page` (its path below the site root), as the offline copy needs it."""
    if url.startswith(site_url):
        url = "/" + url[len(site_url) :]
        root_relative = True
    else:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("#", "data:")) or not url:
            return url
        prefix = urlsplit(site_url).path or "/"
        root_relative = url.startswith("/")
        if root_relative:
            if not url.startswith(prefix):
                return url  # outside the site: left for the tests to catch
            url = "/" + url[len(prefix) :]
    path, hash_, fragment = url.partition("#")
    path, query, rest = path.partition("?")
    if root_relative:
        path = posixpath.relpath(path or "/", "/" + posixpath.dirname(page)) + ("/" if path.endswith("/") else "")
    if path in ("", "."):
        path = "./"
    if path == ".." or path.endswith(("/..", "/.")):  # a folder written without its slash
        path += "/"
    if path.endswith("/"):
        path += "index.html"
    return path.removeprefix("./") + query + rest + hash_ + fragment


def offline_page(html: str, page: str, site_url: str) -> str:
    """One built page as the offline copy has it."""
    html = ALTERNATE.sub("", html)
    html = LANGUAGE_LINK.sub(r' lang="\1" class="md-select__link"', html)
    html = ONLINE_ONLY.sub("", html)
    html = html.replace(f" {SEARCH_HEADER}", "", 1)  # no room kept for a field the copy has not
    html = CSP.sub(lambda m: m.group(1) + m.group(2).replace("'self'", "'self' file:") + m.group(3), html, count=1)
    return URL_ATTRIBUTE.sub(lambda m: m.group(1) + offline_url(m.group(2), page, site_url) + m.group(3), html)


def offline_copy(site: Path, target: Path, site_url: str, online_only: frozenset[str] = frozenset()) -> None:
    """The built `site`, made readable from the disk, zipped into `target` below one folder, in a stable order;
    without the files of `online_only` (paths below the site root; one ending in / is a folder), which its pages
    no longer link to."""
    folders = tuple(name for name in online_only if name.endswith("/"))
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for file in sorted(p for p in site.rglob("*") if p.is_file()):
            name = file.relative_to(site).as_posix()
            if LEFT_OUT.match(name) or name in online_only or name.startswith(folders):
                continue
            if file.suffix == ".html":
                archive.writestr(f"{ZIP_FOLDER}/{name}", offline_page(file.read_text(encoding="utf-8"), name, site_url))
            else:
                archive.write(file, f"{ZIP_FOLDER}/{name}")
