"""Load data/university.yaml: who publishes this copy of the guide."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .errors import DataError
from .loader import DATA_DIR, _Checker, _display, load_schema, schema_problems
from .model import Text
from .yamlfile import read_yaml

UNIVERSITY_FILE = DATA_DIR / "university.yaml"


@dataclass(frozen=True)
class University:
    name: Text
    short_name: Text
    site_url: str | None


def load_university(languages: tuple[str, ...], path: Path = UNIVERSITY_FILE) -> University:
    """Read and check the university file; raise DataError naming every wrong field."""
    doc = read_yaml(path, _display(path))
    problems = schema_problems(doc, load_schema("university.schema.json"))
    if problems:
        raise DataError(problems)
    check = _Checker(doc, languages)
    raw = doc.data
    url = raw.get("site_url")
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http") or not parts.hostname or not url.endswith("/"):
            check.add(("site_url",), f"'{url}' should be a full address ending with /, like https://example.org/guide/")
    university = University(
        check.text(raw["name"], ("name",)),
        check.text(raw["short_name"], ("short_name",)),
        url,
    )
    if check.problems:
        raise DataError(check.problems)
    return university


def published_url(project: Path = DATA_DIR.parent) -> str:
    """The address this copy is published at: $SITE_URL, else the university's, else mkdocs.yml's default."""
    from .siteconfig import language_codes, site_url

    mkdocs_file = project / "mkdocs.yml"
    university = load_university(language_codes(mkdocs_file), project / "data" / "university.yaml")
    return site_url(mkdocs_file, university.site_url)
