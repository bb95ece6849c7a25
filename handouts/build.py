"""Render every handout to PDF with WeasyPrint, from the validated model (no MkDocs here)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from guide.errors import DataError, Problem
from guide.model import Contact, Document, Guide, Profile, Text
from guide.project import Project
from render.context import render
from render.site import CHOOSER_ANCHOR, HANDOUTS_FOLDER
from render.typography import typeset

from .kinds import Handout, catalogue, leader
from .qr import qr_svg
from .slides import CUT, Slide, deck, waiting_text

TEMPLATES = Path(__file__).resolve().parent / "templates"
REGISTER_LINK = "etudiant-etranger"
PDF_VARIANT = "pdf/ua-1"  # tagged, with document language and title, for screen readers


def registers(guide: Guide, profile_id: str) -> bool:
    """Whether a profile registers: one of its steps sends it to the registration site."""
    return any(link.id == REGISTER_LINK for s in guide.steps_for(profile_id) for link in s.links_for(profile_id))


def register_groups(guide: Guide) -> list[tuple[str, list[Profile]]]:
    """The situations that must register and those that need not, as (label, profiles), empty groups left out."""
    groups = [
        ("must_register", [p for p in guide.profiles if registers(guide, p.id)]),
        ("need_not_register", [p for p in guide.profiles if not registers(guide, p.id)]),
    ]
    return [(label, profiles) for label, profiles in groups if profiles]


def who_needs(guide: Guide, doc: Document, t: Callable[[Text | str], str]) -> str:
    """The situations that need a document, with the condition where there is one; "everyone" when it is
    every situation that registers."""
    plain: set[str] = set()
    conditional: dict[str, Text] = {}
    for use in doc.uses:
        for pid in use.profiles:
            if use.condition is None:
                plain.add(pid)
            else:
                conditional.setdefault(pid, use.condition)
    conditional = {pid: c for pid, c in conditional.items() if pid not in plain}
    if not conditional and plain == {p.id for p in guide.profiles if registers(guide, p.id)}:
        return t("everyone")
    names = [t(p.name) for p in guide.profiles if p.id in plain]
    names += [f"{t(p.name)} ({t(conditional[p.id])})" for p in guide.profiles if p.id in conditional]
    return t("separator").join(names)


def contact_list(project: Project, kinds: tuple[str, ...] = ()) -> list[Contact]:
    """The national contacts (of `kinds`, or all), then the university's desk and its CPAM, which replaces the
    national "your CPAM" entry."""
    university = project.university
    national = [
        c
        for c in project.guide.contacts
        if (not kinds or c.kind in kinds) and not (c.kind == "office" and university.cpam)
    ]
    return national + [c for c in (university.desk, university.cpam) if c]


def slide_list(handout: Handout, project: Project, fit: float = 1.0, follow: bool = True) -> list[Slide]:
    """The slides a handout of the slides section walks (none for a sheet). `fit`: how full their lists are
    made (slides.deck); `follow`: a handout that follows a deck (its notes) is cut as the deck was, which may
    mean laying the deck out; a check that only renders passes False."""
    if handout.record.section != "slides":
        return []
    fit = fit_of(handout, project, fit) if follow else fit
    return deck(project, handout.langs, register_groups(project.guide), contact_list(project), fit)


def render_html(handout: Handout, project: Project, slides: list[Slide] | None = None, follow: bool = True) -> str:
    """The handout as HTML, ready for WeasyPrint; a deck's `slides` as cut (slide_list's, by default)."""
    guide, labels = project.guide, project.labels
    self_url = project.site_url + handout.qr_page(guide.languages[0])
    groups = register_groups(guide)
    homes = {lang: project.site_url + ("" if lang == guide.languages[0] else f"{lang}/") for lang in handout.langs}
    chooser = {lang: f"{homes[lang]}#{CHOOSER_ANCHOR}" for lang in handout.langs}
    return render(
        handout.record.template,
        project,
        handout.lang,
        langs=handout.langs,
        title=handout.title(guide, project.labels),
        profile=guide.profile(handout.profile) if handout.profile else None,
        site_url=project.site_url,
        preview=project.site.preview,
        css=(TEMPLATES / handout.record.css).read_text(encoding="utf-8"),
        documents=guide.documents,
        qr_self=qr_svg(self_url),
        qr_register=qr_svg(guide.links[REGISTER_LINK].url),
        logo=(project.root / "content" / project.university.logo).as_uri() if project.university.logo else None,
        situation_questions=[
            q for q in guide.questions if not q.ask_if and any(q.id in p.answers for p in guide.profiles)
        ],
        register_groups=groups,
        who_needs=lambda doc, t_: who_needs(guide, doc, t_),
        contacts_of=lambda *kinds: contact_list(project, kinds),
        slides=slide_list(handout, project, follow=follow) if slides is None else slides,
        waiting=waiting_text,
        dates={lang: (lambda d, lang=lang: labels.date(d, lang)) for lang in handout.langs},
        home_url=homes,
        chooser_url=chooser,
        chooser_qr={lang: qr_svg(url) for lang, url in chooser.items()},
        label_of=lambda name: lambda lang, t_: t_(name),
    )


def _step_heights(document) -> dict[str, float]:
    """Step id -> the height its block takes, summed over the pages and columns it runs through (CSS px)."""
    heights: dict[str, float] = {}
    for page in document.pages:
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            element = getattr(box, "element", None)
            if element is not None and element.get("data-step") and getattr(box, "element_tag", "") == "section":
                heights[element.get("data-step")] = heights.get(element.get("data-step"), 0.0) + box.margin_height()
                continue
            stack.extend(getattr(box, "children", []))
    return heights


def qr_problems(site_dir: Path, project: Project) -> list[Problem]:
    """A handout whose own QR code would lead to a page the built site in `site_dir` does not have."""
    problems = []
    for handout in catalogue(project.guide):
        target = handout.qr_page(project.guide.languages[0])
        page, _, fragment = target.partition("#")
        index = site_dir / page / "index.html"
        if not index.is_file():
            problem = f"leads to '{target}', which is not a page of the site"
        elif fragment and f'id="{fragment}"' not in index.read_text(encoding="utf-8"):
            problem = f"leads to '{target}', but that page has no element with the id '{fragment}'"
        else:
            continue
        problems.append(Problem(f"{HANDOUTS_FOLDER}/{handout.filename}", None, "QR code", problem))
    return problems


def render_handouts(
    out_dir: Path, project: Project, notes: list[Problem] | None = None, only: set[str] | None = None
) -> list[Path]:
    """Write every handout (or those whose file name is in `only`) into out_dir/handouts/. A handout longer
    than its page budget is still written, and said in `notes` with the step to shorten."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    if REGISTER_LINK not in project.guide.links:
        raise DataError([Problem("data/steps.yaml", None, "links", f"the handouts need the link '{REGISTER_LINK}'")])
    out = out_dir / HANDOUTS_FOLDER
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for handout in catalogue(project.guide):
        if only is not None and handout.filename not in only:
            continue
        document = lay_out(handout, project)
        budget = handout.record.max_pages
        if budget is None:
            crowded = crowded_slides(handout, document)
            if crowded:
                raise DataError(crowded)
        elif len(document.pages) > budget and notes is not None:
            notes.append(_over_budget(handout, document, budget))
        path = out / handout.filename
        document.write_pdf(path, pdf_variant=PDF_VARIANT)
        written.append(path)
    return written


def lay_out(handout: Handout, project: Project):
    """The handout laid out in pages by WeasyPrint (a weasyprint Document)."""
    return fit_deck(handout, project)[1]


FITS = (1.0, 0.85, 0.7, 0.5, 0.3)  # how full the slides' lists are tried, until each fits its page
_fits: dict[tuple[str, int, str], float] = {}  # (project folder and object, deck file) -> the fit it needed


def _key(project: Project, handout: Handout) -> tuple[str, int, str]:
    return (str(project.root), id(project), handout.filename)


def fit_of(handout: Handout, project: Project, fit: float) -> float:
    """The fit to cut the slides of `handout` with: `fit` for a handout that follows no other; for one that
    follows a deck (its speaker notes), the deck's own, found by laying the deck out once per process."""
    deck_handout = leader(handout, project.guide)
    if deck_handout is handout or deck_handout.record.max_pages is not None:
        return fit
    if _key(project, deck_handout) not in _fits:
        fit_deck(deck_handout, project)
    return _fits[_key(project, deck_handout)]


def fit_deck(handout: Handout, project: Project) -> tuple[list[Slide], object]:
    """The slides the handout walks (none for a sheet) and the laid-out document. A deck whose lists run
    over their slides is made again with shorter lists; what is still too long is for crowded_slides to say."""
    from weasyprint import HTML

    is_deck = handout.record.max_pages is None
    for fit in FITS if is_deck else (1.0,):
        if is_deck:
            _fits[_key(project, handout)] = fit
        slides = slide_list(handout, project, fit)
        page = typeset(render_html(handout, project, slides), handout.lang)
        document = HTML(string=page, base_url=str(TEMPLATES)).render(pdf_variant=PDF_VARIANT)
        if not is_deck:
            return slides, document
        if not any(p.path.removeprefix("slides.") in CUT for p in crowded_slides(handout, document)):
            break
    return slides, document


def crowded_slides(handout: Handout, document) -> list[Problem]:
    """A slide of the laid-out deck that runs onto another page: too much for one slide, named by where its
    content comes from (the step, or the kind of slide)."""
    pages: dict[str, set[int]] = {}
    where: dict[str, str] = {}
    for number, page in enumerate(document.pages, start=1):
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            element = getattr(box, "element", None)
            if element is not None and element.get("data-slide") and getattr(box, "element_tag", "") == "section":
                pages.setdefault(element.get("id"), set()).add(number)
                where[element.get("id")] = element.get("data-slide")
                continue
            stack.extend(getattr(box, "children", []))
    problems = []
    for slide_id, numbers in pages.items():
        if len(numbers) > 1:
            source = where[slide_id]
            hint = (
                "give its key tasks a short 'slide' text, and the step a short 'slide' title and duration, "
                "or shorten them"
                if source.startswith("steps.")
                else "shorten the texts it shows"
            )
            problems.append(
                Problem(
                    f"{HANDOUTS_FOLDER}/{handout.filename}",
                    None,
                    source,
                    f"too long for one slide (slide {slide_id.removeprefix('slide-')} runs onto "
                    f"{len(numbers)} pages): {hint}",
                )
            )
    return problems


def slide_problems(project: Project) -> list[Problem]:
    """Every slide, of every deck, that runs onto a second page (laid out, not written)."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return [
        problem
        for handout in catalogue(project.guide)
        if handout.record.max_pages is None
        for problem in crowded_slides(handout, lay_out(handout, project))
    ]


def _over_budget(handout: Handout, document, budget: int) -> Problem:
    heights = _step_heights(document)
    longest = max(heights, key=heights.__getitem__) if heights else None
    page_height = document.pages[0].height
    return Problem(
        f"{HANDOUTS_FOLDER}/{handout.filename}",
        None,
        f"steps.{longest}" if longest else "",
        f"{len(document.pages)} pages, more than the {budget} a {handout.kind} may have"
        + (
            f"; its longest step is this one ({heights[longest] / page_height:.0%} of a page): shorten it"
            if longest
            else ""
        ),
    )


def build_handouts(site_dir: Path, project: Project, notes: list[Problem] | None = None) -> list[Path]:
    """Every handout into the built site `site_dir`, once its QR codes are known to lead to its pages; raise
    DataError if one cannot be made."""
    problems = qr_problems(site_dir, project)
    if problems:
        raise DataError(problems)
    return render_handouts(site_dir, project, notes)
