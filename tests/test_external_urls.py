"""Every external URL is known, well formed, https, on an allowed host, and written once in the data."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from links.collect import all_external_urls, data_urls, project_sources, urls_in_site, urls_in_text_files
from tools.serve import published_url
from web.config import project_at

ROOT = Path(__file__).resolve().parent.parent


def own_hosts() -> set[str]:
    """The site's own hosts: the one it is built for here, and the one its university layer publishes at."""
    configured = project_at(ROOT).university.site_url
    return {urlsplit(url).netloc for url in (published_url(), configured) if url}


def test_every_external_url_is_well_formed_https_on_an_allowed_host(guide, built_site):
    own = own_hosts()
    for found in all_external_urls(ROOT, built_site):
        parts = urlsplit(found.url)
        if parts.netloc in own:
            continue
        assert parts.scheme == "https", f"{found.where}: {found.url} is not https"
        assert parts.hostname in guide.allowed_hosts, f"{found.where}: host of {found.url} is not allowed"
        assert " " not in found.url and parts.path is not None


def test_pages_and_templates_write_no_external_url(tmp_path):
    found = urls_in_text_files(project_sources(ROOT), ROOT)
    assert not found, "write addresses in data/steps.yaml (links:), not in pages or templates: " + ", ".join(
        f"{f.where} {f.url}" for f in found
    )


def test_each_url_is_written_once_in_the_data():
    urls = [f.url for f in data_urls(ROOT) if "links[" in f.where]
    assert len(urls) == len(set(urls))


def test_the_built_site_links_to_no_url_the_data_does_not_know(built_site):
    known = {f.url for f in data_urls(ROOT)}
    own = own_hosts()
    unknown = {
        f"{f.where}: {f.url}"
        for f in urls_in_site(built_site)
        if urlsplit(f.url).netloc not in own and f.url not in known
    }
    assert not unknown, sorted(unknown)


def test_the_collector_finds_urls_in_pages_templates_and_pdfs(tmp_path):
    page = tmp_path / "content" / "fr" / "x.md"
    page.parent.mkdir(parents=True)
    page.write_text("Voir https://example.org/a et <a href='http://example.org/b'>b</a>.\n")
    found = urls_in_text_files([page], tmp_path)
    assert [(f.url, f.where) for f in found] == [
        ("https://example.org/a", "content/fr/x.md:1"),
        ("http://example.org/b", "content/fr/x.md:1"),
    ]
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<a href="https://example.org/c">c</a><img src="https://cdn.example.org/i.png">')
    import typst

    (tmp_path / "x.typ").write_text('#link("https://example.org/pdf")[pdf]')
    typst.compile(str(tmp_path / "x.typ"), output=str(site / "x.pdf"))
    assert {f.url for f in urls_in_site(site)} == {
        "https://example.org/c",
        "https://cdn.example.org/i.png",
        "https://example.org/pdf",
    }


def test_a_data_url_is_reported_with_its_line_and_path():
    [found] = [f for f in data_urls(ROOT) if f.url == "https://forum-assures.ameli.fr/"]
    text = (ROOT / "data" / "steps.yaml").read_text().splitlines()
    line = int(found.where.split(":")[1].split()[0])
    assert "forum-assures.ameli.fr/" in text[line - 1] and found.where.endswith(".url")
