"""When the external links were last checked live (data/links-checked.yaml, written by `make linkcheck`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml


@dataclass(frozen=True)
class LinkStatus:
    checked: date
    urls: int
    broken: int


def load_link_status(path: Path) -> LinkStatus | None:
    """The last live check, or None if it was never run or the file is unreadable."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return LinkStatus(date.fromisoformat(str(raw["checked"])), int(raw["urls"]), int(raw["broken"]))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError):
        return None
