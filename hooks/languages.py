"""MkDocs hook: the extra languages of data/translations/ join the languages of mkdocs.yml.

A fork adds a language with a file of its own (and a folder of pages), never by
editing mkdocs.yml, so that upstream's changes to mkdocs.yml merge cleanly.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from guide.errors import DataError  # noqa: E402
from macros.model_cache import load_once  # noqa: E402


@event_priority(50)  # before mkdocs-macros (0) and mkdocs-static-i18n (-100) read the languages
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Add each extra language to the i18n plugin's list (once: static-i18n calls this per language)."""
    from mkdocs_static_i18n.config import I18nPluginLanguage

    try:
        project = load_once(Path(config.config_file_path).resolve().parent)
    except DataError as exc:
        raise Abort("The guide's data has problems:\n" + exc.report()) from None
    i18n = config.plugins["i18n"].config
    known = {lang.locale for lang in i18n.languages}
    for tr in project.translations:
        if tr.code in known:
            continue
        language = I18nPluginLanguage()
        # Material prints both as HTML: escaped here, since a translation is data.
        language.load_dict(
            {"locale": tr.code, "name": escape(tr.name), "build": True, "site_name": escape(tr.site_name)}
        )
        failed, _ = language.validate()
        if failed:
            raise Abort(f"data/translations/{tr.code}.yaml: {failed[0][0]}: {failed[0][1]}")
        i18n.languages.append(language)
    return config
