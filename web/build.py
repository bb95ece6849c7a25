"""`mkdocs build`, run in this process: no second interpreter, the project's data loaded once."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from .config import CONFIG_FILE
from .timings import BuildTimings

PLUGIN = "health-insurance-guide"  # its name in mkdocs.yml


@dataclass(frozen=True)
class Built:
    """What a build leaves to tell, as the plugin kept it: its notes (a handout over its budget, say) and how
    long each part took."""

    notes: list[str]
    timings: BuildTimings


class BuildFailed(Exception):
    """The build stopped; the message says why, in the plugin's or MkDocs' words."""


class _Collect(logging.Handler):
    """The warnings and errors MkDocs and the plugins log, which make a strict build fail."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.problems.append(record.getMessage())


def build_site(root: Path, site_dir: Path) -> Built:
    """Build the project at `root` (its mkdocs.yml) into `site_dir`; its notes and timings. BuildFailed if it
    stops."""
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    level = logger.level
    logger.addHandler(collect)
    logger.setLevel(logging.WARNING)
    try:
        config = load_config(str(root / CONFIG_FILE), site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError) as exc:
        said = [p for p in collect.problems if p not in str(exc)]
        raise BuildFailed("\n".join([*said, str(exc)])) from None
    finally:
        logger.removeHandler(collect)
        logger.setLevel(level)
    plugin = config.plugins[PLUGIN]
    return Built(list(plugin.notes), plugin.timings)
