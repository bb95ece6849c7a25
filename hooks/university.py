"""MkDocs hook: the university's layer on the site (address, footer, colours, logo), from data/university.yaml."""

from __future__ import annotations

import os
import sys
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from guide.errors import DataError  # noqa: E402
from guide.university import lighter_for_dark  # noqa: E402
from macros.model_cache import load_once  # noqa: E402

COLORS_CSS = "assets/university.css"  # generated into content/, not committed
SERVING = "GUIDE_MKDOCS_SERVE"  # set for the life of a `mkdocs serve` process (hooks are reloaded on each rebuild)


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this process serves a preview: then 127.0.0.1 is the site's address."""
    if command == "serve":
        os.environ[SERVING] = "1"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Same address as the handouts' QR codes, the university in the footer, its colours and logo."""
    try:
        project = load_once(Path(config.config_file_path).resolve().parent)
    except DataError as exc:
        raise Abort("The guide's data has problems:\n" + exc.report()) from None
    university = project.university
    if not os.environ.get(SERVING):  # `mkdocs serve` has set the preview address itself
        config.site_url = project.site_url
    i18n = config.plugins["i18n"]
    lang = i18n.current_language or project.languages[0]
    config.copyright = escape(university.name(lang))  # Material prints it as HTML
    if university.logo:
        config.theme["logo"] = university.logo
        config.theme["favicon"] = university.logo
    primary, accent = university.colors["primary"], university.colors["accent"]
    light = lighter_for_dark(primary)
    css = (
        "/* Generated from data/university.yaml by hooks/university.py: edit that file, not this one. */\n"
        ":root, [data-md-color-scheme] {\n"
        f"  --md-primary-fg-color: {primary};\n  --md-primary-fg-color--light: {light};\n"
        f"  --md-primary-fg-color--dark: {primary};\n  --md-accent-fg-color: {accent};\n"
        f"  --md-typeset-a-color: {primary};\n}}\n"
        f"[data-md-color-scheme=slate] {{ --md-typeset-a-color: {light}; "
        f"--md-accent-fg-color: {lighter_for_dark(accent)}; }}\n"
        f"[data-md-color-scheme=slate] .md-typeset .md-button:not(.md-button--primary) {{ color: {light}; }}\n"
    )
    target = Path(config.docs_dir) / COLORS_CSS
    if not target.exists() or target.read_text(encoding="utf-8") != css:
        target.write_text(css, encoding="utf-8")
    if COLORS_CSS not in config.extra_css:
        config.extra_css.append(COLORS_CSS)
    return config
