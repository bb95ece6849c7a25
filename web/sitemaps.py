"""A one-page sitemap.xml beside each page: Material fetches `sitemap.xml` next to every alternate link, which
would otherwise 404 in the reader's console."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path


def write_page_sitemaps(site: Path, root: str) -> None:
    """A one-page sitemap beside each page, so that the theme's lookups find one."""
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
