"""The kinds of handout: one record each says which PDFs it makes, their file names, title, page budget and
the page their QR code opens. Adding a kind is a record here, a template in handouts/typst/ and its labels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from guide.model import Guide
from guide.ui import Labels
from render.site import CHOOSER_ANCHOR, route_url


@dataclass(frozen=True)
class Handout:
    """One PDF: its kind, language(s), situation (for checklists) and file name."""

    kind: str
    langs: tuple[str, ...]
    profile: str | None
    filename: str

    @property
    def lang(self) -> str:
        return self.langs[0]

    @property
    def record(self) -> HandoutKind:
        return KINDS[self.kind]

    def qr_page(self, default_lang: str) -> str:
        """The site page (below the site root) that this handout's own QR code leads to."""
        return self.record.qr_page(self, default_lang)

    def title(self, guide: Guide, labels: Labels) -> str:
        """Its title, in each of its languages: 'Les étapes / The steps'."""
        return " / ".join(self.record.title(self, guide, labels, lang) for lang in self.langs)

    def link_text(self, guide: Guide, labels: Labels, lang: str) -> str:
        """What the print page's link to it says, in `lang`."""
        return (self.record.link_text or self.record.title)(self, guide, labels, lang)


def _home(handout: Handout, default_lang: str) -> str:
    return "" if handout.lang == default_lang else f"{handout.lang}/"


def _chooser(handout: Handout, default_lang: str) -> str:
    return f"{_home(handout, default_lang)}#{CHOOSER_ANCHOR}"


Title = Callable[[Handout, Guide, Labels, str], str]  # (handout, guide, labels, language) -> a text


@dataclass(frozen=True)
class HandoutKind:
    name: str  # its template is handouts/typst/<name>.typ, unless `layout` names another
    max_pages: int | None  # more is built whole, and said in a note naming the longest step; None: slides, one
    # page each, and a slide whose texts do not fit it even in the smallest type stops the check and the build
    make: Callable[[Guide], list[Handout]]  # the handouts of this kind for a guide
    title: Title  # the handout's title in one of its languages
    section: str = "steps"  # where the print page lists it: "steps" or "checklists" (macros/handouts/)
    qr_page: Callable[[Handout, str], str] = _home  # (handout, default language) -> page below the site root
    link_text: Title | None = None  # what the print page's link says (default: the title)
    layout: str | None = None  # the template's name, when several kinds share one
    paper: str = "A4"  # what the print page says of its page size
    follows: str | None = None  # the kind whose handout (of the same languages) this one is numbered after
    offline: bool = True  # in the offline copy too (a student's); False: for staff, on the published site only
    half_full: bool = False  # its last page at least half full (a note otherwise): a sheet for a desk's pile

    @property
    def template(self) -> str:
        return f"{self.layout or self.name}.typ"


KINDS: dict[str, HandoutKind] = {
    kind.name: kind
    for kind in (
        HandoutKind(
            "overview",
            max_pages=2,
            make=lambda g: [Handout("overview", (lang,), None, f"guide-{lang}.pdf") for lang in g.languages],
            title=lambda h, g, labels, lang: labels.get("handout_title", lang),
            half_full=True,
        ),
        HandoutKind(
            "bilingual",  # the default language beside each other one
            max_pages=3,  # two languages in nine-point type: two sheets
            make=lambda g: [
                Handout("bilingual", (g.languages[0], other), None, f"guide-{g.languages[0]}-{other}.pdf")
                for other in g.languages[1:]
            ],
            title=lambda h, g, labels, lang: labels.get("handout_title", lang),
            half_full=True,
        ),
        HandoutKind(
            "checklist",  # one sheet, both sides, per situation and language
            max_pages=2,
            make=lambda g: [
                Handout("checklist", (lang,), p.id, f"checklist-{p.id}-{lang}.pdf")
                for lang in g.languages
                for p in g.profiles
            ],
            title=lambda h, g, labels, lang: labels.get("path_title", lang).format(
                name=g.profile(h.profile).name(lang)
            ),
            section="checklists",
            qr_page=lambda h, default_lang: route_url(h.profile, h.lang, default_lang),
            link_text=lambda h, g, labels, lang: g.profile(h.profile).name(lang),
        ),
        HandoutKind(
            "slides",  # for a welcome session: one slide per step, and what to do, bring and call
            max_pages=None,
            make=lambda g: [Handout("slides", (lang,), None, f"slides-{lang}.pdf") for lang in g.languages],
            title=lambda h, g, labels, lang: labels.get("slides_title", lang),
            section="slides",
            qr_page=_chooser,
            link_text=lambda h, g, labels, lang: labels.get("slides_link", lang),
            paper="16:9",
            offline=False,
        ),
        HandoutKind(
            "slides_bilingual",  # the default language beside each other one, on the same slides
            max_pages=None,
            make=lambda g: [
                Handout("slides_bilingual", (g.languages[0], other), None, f"slides-{g.languages[0]}-{other}.pdf")
                for other in g.languages[1:]
            ],
            title=lambda h, g, labels, lang: labels.get("slides_title", lang),
            section="slides",
            qr_page=_chooser,
            link_text=lambda h, g, labels, lang: labels.get("slides_link", lang),
            layout="slides",
            paper="16:9",
            offline=False,
        ),
        HandoutKind(
            "slide_notes",  # what to say with each slide, printed for the speaker
            max_pages=10,
            make=lambda g: [Handout("slide_notes", (lang,), None, f"slides-notes-{lang}.pdf") for lang in g.languages],
            title=lambda h, g, labels, lang: labels.get("slides_notes_title", lang),
            section="slides",
            qr_page=_chooser,
            follows="slides",  # "slide 12" in the notes is slide 12 of slides-<lang>.pdf
            offline=False,
        ),
    )
}


def catalogue(guide: Guide) -> list[Handout]:
    """Every handout of every kind."""
    return [handout for kind in KINDS.values() for handout in kind.make(guide)]


def leader(handout: Handout, guide: Guide) -> Handout:
    """The handout that `handout` follows (see HandoutKind.follows), or itself."""
    kind = handout.record.follows
    if kind is None:
        return handout
    return next(h for h in KINDS[kind].make(guide) if h.langs == handout.langs)
