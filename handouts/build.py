"""Every handout as a PDF, laid out by Typst from the model (no MkDocs here): the data of handouts/sheets.py in
the template of handouts/typst/ that its kind names.

What a university's texts can do to a handout is said, never lost: a sheet longer than its page budget is still
made whole, with a note naming its longest step; a slide whose texts do not fit stops the check and the build,
named by where its texts come from.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from guide.errors import DataError, Problem
from guide.project import Project
from guide.ui import UnknownLabel
from render.site import HANDOUTS_FOLDER

from .engine import Laid, LayoutError, lay_out
from .kinds import Handout, catalogue
from .sheets import REGISTER_LINK, sheet_data, slide_list
from .slides import CUT, Slide

FITS = (1.0, 0.85, 0.7, 0.5, 0.3)  # how full the slides' lists are tried, until each fits its slide
PAGE_HEIGHT_PT = (297 - 11 - 14) / 25.4 * 72  # an A4 sheet's text area, in points (handouts/typst/base.typ)
TOP_MARGIN_PT = 11 / 25.4 * 72


def _data(handout: Handout, project: Project, slides: list[Slide]) -> dict:
    """What the handout's template gets; DataError naming the handout when a label or a text cannot be said."""
    try:
        return sheet_data(handout, project, slides)
    except (UnknownLabel, KeyError, IndexError, ValueError) as exc:
        said = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
        raise DataError([Problem(f"{HANDOUTS_FOLDER}/{handout.filename}", None, "", said.strip("'\""))]) from None


def _layout(handout: Handout, project: Project, data: dict) -> Laid:
    record = handout.record
    measures = ("crowded",) if record.max_pages is None else ("step-height",) if record.name == "checklist" else ()
    measures += ("end",) if record.half_full else ()
    try:
        return lay_out(record.template, data, project.guide.last_checked, project.root, measures)
    except LayoutError as exc:
        raise DataError([Problem(f"{HANDOUTS_FOLDER}/{handout.filename}", None, "", str(exc))]) from None


Decks = tuple[list[Slide], dict[str, Laid]]  # the slides every deck shares, and each deck laid out with them


def fit_decks(project: Project) -> Decks:
    """Every deck laid out with one cut of the slides (handouts/slides.py): the lists are cut shorter, down the
    FITS, until each of their slides fits in every deck."""
    decks = [h for h in catalogue(project.guide) if h.record.section == "slides" and h.record.max_pages is None]
    for fit in FITS:
        slides = slide_list(decks[0], project, fit)
        laid = {d.filename: _layout(d, project, _data(d, project, slides)) for d in decks}
        crowded = [c for d in decks for c in laid[d.filename].measured["crowded"]]
        if not any(c["where"].removeprefix("slides.") in CUT for c in crowded):
            break
    return slides, laid


def deck_fitter(project: Project) -> Callable[[Handout], Decks | None]:
    """For each handout of a build, the decks it needs (a deck's or the notes' slides), fitted the first time
    one asks and then shared: one fitting per build."""
    fitted: list[Decks] = []

    def decks(handout: Handout) -> Decks | None:
        if handout.record.section != "slides":
            return None
        if not fitted:
            fitted.append(fit_decks(project))
        return fitted[0]

    return decks


def fit_deck(handout: Handout, project: Project) -> tuple[list[Slide], Laid]:
    """A deck's slides and its layout, cut as every deck is."""
    slides, laid = fit_decks(project)
    return slides, laid[handout.filename]


def lay_out_handout(handout: Handout, project: Project, decks: Decks | None = None) -> tuple[list[Slide], Laid]:
    """The handout laid out, with the slides it walks (a deck's, or the deck its notes follow; none for a sheet).
    `decks`, when given, are the decks already fitted (fit_decks), so that a build fits them once."""
    if handout.record.section != "slides":
        return [], _layout(handout, project, _data(handout, project, []))
    slides, laid = decks or fit_decks(project)
    if handout.record.max_pages is None:
        return slides, laid[handout.filename]
    return slides, _layout(handout, project, _data(handout, project, slides))


def source_of(project: Project, where: str) -> str:
    """The data file whose texts a slide or a step of a handout shows ('steps.<id>', 'slides.desk', ...)."""
    local = {f"steps.{ls.step.id}" for ls in project.university.steps} | {"slides.desk", "slides.title"}
    return (
        "data/university.yaml"
        if where in local and (project.root / "data" / "university.yaml").is_file()
        else ("data/steps.yaml")
    )


def crowded_slides(handout: Handout, laid: Laid, project: Project) -> list[Problem]:
    """Each slide of a laid-out deck whose texts do not fit it, named by where they come from."""
    problems = []
    for crowded in laid.measured.get("crowded", []):
        where = crowded["where"]
        hint = (
            "give its key tasks a short 'slide' text, and the step a short 'slide' title and duration, or shorten them"
            if where.startswith("steps.")
            else "shorten the texts it shows"
        )
        problems.append(
            Problem(
                f"{HANDOUTS_FOLDER}/{handout.filename}",
                None,
                where,
                f"too long for one slide (slide {crowded['number']}), even in 24-point type: {hint} "
                f"(in {source_of(project, where)})",
            )
        )
    return problems


def over_budget(handout: Handout, project: Project, laid: Laid) -> Problem | None:
    """A note when a sheet runs over its page budget, naming the longest step (the one to shorten)."""
    budget = handout.record.max_pages
    if budget is None or laid.pages <= budget:
        return None
    heights = {m["id"]: m["height"] for m in laid.measured.get("step-height", [])}
    longest = max(heights, key=heights.__getitem__) if heights else None
    article = "an" if handout.kind[:1] in "aeiou" else "a"
    message = f"{laid.pages} pages, more than the {budget} {article} {handout.kind} may have; nothing is left out"
    if longest:
        message += (
            f", and its longest step is this one ({heights[longest] / PAGE_HEIGHT_PT:.0%} of a page, in "
            f"{source_of(project, f'steps.{longest}')}): "
            "shorten it to keep the sheet within its pages"
        )
    return Problem(f"{HANDOUTS_FOLDER}/{handout.filename}", None, f"steps.{longest}" if longest else "", message)


def half_empty(handout: Handout, laid: Laid) -> Problem | None:
    """A note when a sheet that should fill its pages ends on a page more than half empty."""
    if not handout.record.half_full or laid.pages < 2 or not laid.measured.get("end"):
        return None
    [end] = laid.measured["end"]
    full = (end["y"] - TOP_MARGIN_PT) / PAGE_HEIGHT_PT
    if full >= 0.5:
        return None
    return Problem(
        f"{HANDOUTS_FOLDER}/{handout.filename}",
        None,
        "",
        f"its last page (page {end['page']}) is only {full:.0%} full: shorten its texts by that much to save a page, "
        "or print it as it is",
    )


def handout_problems(project: Project) -> tuple[list[Problem], list[Problem]]:
    """Every handout laid out as the build will (the PDFs are kept for it): (errors, notes). Errors: a slide too
    full, a template that fails. Notes: a sheet over its page budget."""
    errors: list[Problem] = []
    notes: list[Problem] = []
    decks = deck_fitter(project)
    for handout in catalogue(project.guide):
        try:
            _, laid = lay_out_handout(handout, project, decks(handout))
        except DataError as exc:
            errors += exc.problems
            continue
        errors += crowded_slides(handout, laid, project)
        notes += [n for n in (over_budget(handout, project, laid), half_empty(handout, laid)) if n]
    return errors, notes


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
    """Write every handout (or those whose file name is in `only`) into out_dir/handouts/. A sheet longer than
    its page budget is still written, and said in `notes`; a slide too full stops everything (DataError)."""
    if REGISTER_LINK not in project.guide.links:
        raise DataError([Problem("data/steps.yaml", None, "links", f"the handouts need the link '{REGISTER_LINK}'")])
    laid_out = []
    decks = deck_fitter(project)
    for handout in catalogue(project.guide):
        if only is not None and handout.filename not in only:
            continue
        _, laid = lay_out_handout(handout, project, decks(handout))
        crowded = crowded_slides(handout, laid, project)
        if crowded:
            raise DataError(crowded)
        if notes is not None:
            notes += [n for n in (over_budget(handout, project, laid), half_empty(handout, laid)) if n]
        laid_out.append((handout, laid))
    out = out_dir / HANDOUTS_FOLDER
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for handout, laid in laid_out:
        path = out / handout.filename
        path.write_bytes(laid.pdf)
        written.append(path)
    return written


def build_handouts(site_dir: Path, project: Project, notes: list[Problem] | None = None) -> list[Path]:
    """Every handout into the built site `site_dir`, once its QR codes are known to lead to its pages; raise
    DataError if one cannot be made."""
    problems = qr_problems(site_dir, project)
    if problems:
        raise DataError(problems)
    return render_handouts(site_dir, project, notes)
