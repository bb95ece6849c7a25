"""`mkdocs build`, run in this process: no second interpreter, the project's data loaded once."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from .config import CONFIG_FILE

NOTE = "Note: "  # what the plugin logs of a handout over its budget, say
TIMING = "Timing: "  # how long the parts took, for `make bench`


class BuildFailed(Exception):
    """The build stopped; the message says why, in the plugin's or MkDocs' words."""


class _Collect(logging.Handler):
    """What MkDocs and the plugins log: the notes, and the warnings and errors that make a strict build fail."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.notes: list[str] = []
        self.timings: list[str] = []
        self.problems: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            self.problems.append(message)
        elif message.startswith(NOTE):
            self.notes.append(message[len(NOTE) :])
        elif message.startswith(TIMING):
            self.timings.append(message[len(TIMING) :])


def build_site(root: Path, site_dir: Path, timings: list[str] | None = None) -> list[str]:
    """Build the project at `root` (its mkdocs.yml) into `site_dir`; return the notes (and add what the parts
    took to `timings`). BuildFailed if it stops."""
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    level = logger.level
    logger.addHandler(collect)
    logger.setLevel(logging.INFO)
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
    if timings is not None:
        timings += collect.timings
    return collect.notes
