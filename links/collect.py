"""Find every external URL of the guide, saying where each one is written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from pypdf import PdfReader

from guide.content import CONTENT
from guide.errors import format_path
from guide.yamlfile import read_yaml

URL_IN_TEXT = re.compile(r"""(?:https?|ftp)://[^\s"'<>)\]`]+""")
# Attributes of HTML elements that hold a URL the reader can follow or the page loads.
URL_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "form": "action",
    "video": "src",
    "audio": "src",
}


@dataclass(frozen=True)
class FoundUrl:
    url: str
    where: str  # "data/steps.yaml:12 links[0].url", "content/fr/index.md:3", "site/en/aide/index.html"


def urls_in_yaml(path: Path, display: str) -> list[FoundUrl]:
    """Every string value of a YAML file that is a URL, with its line and data path."""
    doc = read_yaml(path, display)
    found = []

    def walk(value: object, at: tuple[str | int, ...]) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, at + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, at + (i,))
        elif isinstance(value, str):
            for match in URL_IN_TEXT.finditer(value):
                found.append(FoundUrl(match.group(), f"{display}:{doc.line(at)} {format_path(at)}"))

    walk(doc.data, ())
    return found


def urls_in_text_files(files: list[Path], root: Path) -> list[FoundUrl]:
    """URLs written in Markdown pages or templates, with file and line."""
    found = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            for match in URL_IN_TEXT.finditer(line):
                found.append(FoundUrl(match.group(), f"{file.relative_to(root)}:{number}"))
    return found


def urls_in_site(site: Path) -> list[FoundUrl]:
    """Absolute URLs in the built HTML pages (links and resources) and PDF link annotations."""
    found = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        # the reader's ways to the publisher (its issue form, its issues): the repository's, not a fact
        for report in soup.select("p.hig-report, p.hig-publisher"):
            report.decompose()
        for tag, attribute in URL_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if value and urlsplit(value).scheme in ("http", "https", "ftp"):
                    found.append(FoundUrl(value, str(page.relative_to(site))))
    for pdf in sorted(site.rglob("*.pdf")):
        for page in PdfReader(pdf).pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                uri = str(action["/URI"]) if action and "/URI" in action else ""
                if urlsplit(uri).scheme in ("http", "https", "ftp"):  # not tel: or mailto:
                    found.append(FoundUrl(uri, str(pdf.relative_to(site))))
    return found


def project_sources(project: Path) -> list[Path]:
    """The Markdown pages and the templates: places where no external URL should be written."""
    files = sorted((project / CONTENT).rglob("*.md"))
    files += sorted((project / "macros").rglob("*.html"))
    files += sorted((project / "handouts" / "typst").glob("*.typ"))
    return files


def data_urls(project: Path) -> list[FoundUrl]:
    """The URLs of the data files, where every external address is meant to be written."""
    data = project / "data"
    names = ["steps.yaml", "university.default.yaml", "university.yaml"]
    return [found for name in names if (data / name).is_file() for found in urls_in_yaml(data / name, f"data/{name}")]


def all_external_urls(project: Path, site: Path | None = None) -> list[FoundUrl]:
    """Every external URL: data, pages, templates and, if given, the built site."""
    found = data_urls(project) + urls_in_text_files(project_sources(project), project)
    if site is not None:
        found += urls_in_site(site)
    return found
