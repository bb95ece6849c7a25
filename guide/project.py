"""Everything a build needs, loaded and checked once: languages, national facts, university layer, labels."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .changes import History, read_history
from .content import CONTENT, content_problems
from .errors import DataError, Problem
from .loader import load_guide
from .model import Guide
from .siteaddress import SiteAddress, repository, resolve
from .translations import Translation, load_translations, translation_files
from .ui import Labels, load_labels
from .university import University, load_university, merge, read_layers


@dataclass(frozen=True)
class Project:
    root: Path
    languages: tuple[str, ...]
    national: Guide
    university: University
    guide: Guide  # the national facts with the university's layer merged in
    labels: Labels
    site: SiteAddress
    translations: tuple[Translation, ...] = ()  # the extra languages, from data/translations/
    repository: str | None = None  # where readers report a problem (https://github.com/OWNER/REPO), if known
    notes: tuple[Problem, ...] = ()  # not errors: what is out of date or past, for `make check` to tell

    @property
    def content(self) -> Path:
        """The folder of the pages and the assets (content/)."""
        return self.root / CONTENT

    @property
    def site_url(self) -> str:
        """The published address, ending with /."""
        return self.site.url

    @cached_property
    def history(self) -> History:
        """What changed in the facts, from the repository's history (read once, when first asked for)."""
        return read_history(self.root)


def load_project(root: Path, site_languages: tuple[str, ...]) -> Project:
    """Load and check every data file of the project at `root`; DataError lists every problem of every file.

    `site_languages` are the languages the site is configured with, default first (the web layer reads them
    from mkdocs.yml); each file of data/translations/ adds a language, translated from one of the others."""
    data = root / "data"
    files = {f.stem for f in translation_files(data)}
    languages = tuple(site_languages) + tuple(sorted(files - set(site_languages)))
    base = tuple(lang for lang in languages if lang not in files)
    translations = load_translations(data, base)
    problems: list[Problem] = []
    notes: list[Problem] = []
    national = labels = university = None
    try:
        national = load_guide(languages, data / "steps.yaml", translations=translations, notes=notes)
    except DataError as exc:
        problems += exc.problems
    try:
        labels = load_labels(languages, data / "ui.yaml", translations, notes)
    except DataError as exc:
        problems += exc.problems
    try:
        if national is not None:
            university = load_university(languages, data, national, translations)
        else:  # its references to the national data cannot be checked: its syntax and schema can
            read_layers(data, translations)
    except DataError as exc:
        problems += exc.problems
    problems += content_problems(root, languages)
    if problems:
        raise DataError(problems)
    return Project(
        root=root,
        languages=languages,
        national=national,
        university=university,
        guide=merge(national, university),
        labels=labels,
        site=resolve(root, university.site_url),
        repository=repository(root, university.repository),
        translations=tuple(translations),
        notes=tuple(notes) + university.notes,
    )
