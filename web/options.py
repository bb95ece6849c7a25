"""The plugin's options, typed and checked by MkDocs, as Material's plugins declare theirs.

Each can be set in mkdocs.yml under `health-insurance-guide:`; the shipped mkdocs.yml reads them from the
environment with MkDocs' `!ENV` tag, so a command line can turn one on without editing the file:

    GUIDE_QUICK=true mkdocs serve      (what `make serve-quick` runs)
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

QUICK = "GUIDE_QUICK"  # the environment variables mkdocs.yml reads them from
RENDERED_MARKDOWN = "GUIDE_RENDERED_MARKDOWN"


class GuideOptions(base.Config):
    """`quick`: no handouts and no offline copy (a preview being edited; their links then lead nowhere).
    `rendered_markdown`: a folder; each page's Markdown, widgets rendered, is written there too (`make bench`
    builds the same pages with plain Material from it)."""

    quick = c.Type(bool, default=False)
    rendered_markdown = c.Optional(c.Type(str))
