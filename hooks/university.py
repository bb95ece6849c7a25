"""MkDocs hook: take the site's address from data/university.yaml (unless $SITE_URL is set)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from guide.errors import DataError  # noqa: E402
from guide.siteconfig import site_url  # noqa: E402
from guide.university import load_university  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Use the same address as the handouts' QR codes: $SITE_URL, else the university's, else mkdocs.yml's."""
    i18n = config.plugins["i18n"].config
    languages = tuple(lang.locale for lang in sorted(i18n.languages, key=lambda lang: not lang.default))
    project = Path(config.config_file_path).resolve().parent
    try:
        university = load_university(languages, project / "data" / "university.yaml")
    except DataError as exc:
        raise Abort("The university file has problems:\n" + exc.report()) from None
    config.site_url = site_url(project / "mkdocs.yml", university.site_url)
    return config
