"""Load the data once per build process, whatever the number of languages."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from guide.linkstatus import LinkStatus, load_link_status
from guide.loader import load_guide
from guide.model import Guide
from guide.ui import Labels, load_labels


@cache
def load_once(languages: tuple[str, ...], data_dir: Path) -> tuple[Guide, Labels, LinkStatus | None]:
    """The validated guide, labels and last link check; static-i18n rebuilds per language, this loads once."""
    return (
        load_guide(languages, data_dir / "steps.yaml"),
        load_labels(languages, data_dir / "ui.yaml"),
        load_link_status(data_dir / "links-checked.yaml"),
    )
