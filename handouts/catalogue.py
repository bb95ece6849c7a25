"""Which handouts exist, their file names and the site pages their QR codes point to."""

from __future__ import annotations

from dataclasses import dataclass

from guide.model import Guide
from guide.paths import path_url

FOLDER = "handouts"


@dataclass(frozen=True)
class Handout:
    """One PDF: its kind, language(s), profile (for checklists) and file name."""

    kind: str  # "overview", "bilingual" or "checklist"
    langs: tuple[str, ...]
    profile: str | None
    filename: str

    @property
    def lang(self) -> str:
        return self.langs[0]

    def qr_page(self, default_lang: str) -> str:
        """The site page (below the site root) that this handout's own QR code leads to."""
        if self.kind == "checklist":
            return path_url(self.profile, self.lang, default_lang)
        return "" if self.lang == default_lang else f"{self.lang}/"


def catalogue(guide: Guide) -> list[Handout]:
    """Every handout: an overview per language, a bilingual sheet pairing the default language with each
    other one, a checklist per profile and language."""
    langs = guide.languages
    items = [Handout("overview", (lang,), None, f"guide-{lang}.pdf") for lang in langs]
    items += [Handout("bilingual", (langs[0], other), None, f"guide-{langs[0]}-{other}.pdf") for other in langs[1:]]
    items += [
        Handout("checklist", (lang,), p.id, f"checklist-{p.id}-{lang}.pdf") for lang in langs for p in guide.profiles
    ]
    return items
