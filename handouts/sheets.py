"""What each handout shows, as plain data for its Typst template (handouts/typst/): every text already chosen
for its situation, in its language, with its typography applied.

Texts reach Typst as strings inside a JSON document: the templates place them as text, so a data text is never
read as Typst markup or code, whatever characters it holds.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import segno

from guide import phones
from guide.model import Contact, Document, Guide, Profile, Step, Text
from guide.project import Project
from guide.university import University
from render.environment import short_url, typed_url
from render.journey import after_colon, for_whom, heading, places, relation
from render.journey import names as situation_names
from render.palette import palette
from render.site import CHOOSER_ANCHOR, home_path
from render.typography import french, unbreakable_phones

from .kinds import Handout
from .slides import Slide, deck, phone_line, waiting_text

REGISTER_LINK = "etudiant-etranger"
LINE = 50  # characters on a line of a handout's column, about: what a paragraph's margin is worth

Say = Callable[[Text | str], str]


def typeset(text: str, lang: str) -> str:
    """A text with its language's typography (French spacing and apostrophes), phone numbers unbreakable."""
    text = unbreakable_phones(text)
    return french(text) if lang == "fr" else text


def speaker(project: Project, lang: str) -> Say:
    """`t`: a model text in `lang`, or a label of data/ui.yaml by name, typeset."""
    labels = project.labels
    return lambda value: typeset(value(lang) if isinstance(value, Text) else labels.get(value, lang), lang)


def day(project: Project, when: date, lang: str) -> str:
    """A date as the language writes it: "23 novembre 2026"."""
    return typeset(project.labels.date(when, lang), lang)


def qr_png(url: str) -> list[int]:
    """A black-on-white QR code of `url` with its quiet zone, one pixel a module: a PNG of a few hundred bytes,
    which the template scales up without smoothing (sharper and far smaller in a PDF than the same code drawn)."""
    return list(_qr(url))


@lru_cache(maxsize=256)  # made once per process, shared by the PDFs
def _qr(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=1, border=4, dark="#000", light="#fff")
    return buffer.getvalue()


def even_cut(lengths: Sequence[int], parts: int = 2) -> list[int]:
    """Where to cut items of these lengths (in characters) into `parts` columns in order: the index each column
    starts at. The longest column as short as can be; then columns as even as can be; then the earlier ones
    the longer."""
    total = len(lengths)
    before = [sum(lengths[:k]) for k in range(total + 1)]
    best: tuple[int, int, list[int]] | None = None
    best_cuts: list[int] = []

    def walk(cuts: list[int]) -> None:
        nonlocal best, best_cuts
        if len(cuts) == parts:
            bounds = [*cuts, total]
            sizes = [before[b] - before[a] for a, b in zip(bounds, bounds[1:], strict=False)]
            key = (max(sizes), sum(x * x for x in sizes), [-c for c in cuts])
            if best is None or key < best:
                best, best_cuts = key, cuts
            return
        for start in range(cuts[-1], total + 1):
            walk([*cuts, start])

    walk([0])
    return best_cuts


def columns(items: Sequence[Any], length: Callable[[Any], int], parts: int = 2) -> list[list[Any]]:
    """Items in order, in `parts` columns as even as whole items can make them."""
    starts = even_cut([length(item) + LINE for item in items], parts)
    bounds = [*starts, len(items)]
    return [list(items[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


GROUP_LABELS = {"must": "must_register", "need-not": "need_not_register", "ask": "ask_first"}


def register_groups(guide: Guide) -> list[tuple[str, list[Profile]]]:
    """The situations that must register, those that need not and those that ask first (as the data says of
    each), as (label, profiles), empty groups left out."""
    groups = [(label, [p for p in guide.profiles if p.registration == kind]) for kind, label in GROUP_LABELS.items()]
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
    if not conditional and plain == set(guide.registering()):
        return t("everyone")
    names = [after_colon(t(p.name), t) for p in guide.profiles if p.id in plain]
    names += [f"{after_colon(t(p.name), t)} ({t(conditional[p.id])})" for p in guide.profiles if p.id in conditional]
    return t("separator").join(names)


def contact_list(project: Project, kinds: tuple[str, ...] = ()) -> list[Contact]:
    """The guide's contacts (of `kinds`, or all): the national ones, then the university's desk and its CPAM, which
    the model put in place of the national "your CPAM" (guide.university.merge)."""
    return [c for c in project.guide.contacts if not kinds or c.kind in kinds]


def slide_list(handout: Handout, project: Project, fit: float = 1.0) -> list[Slide]:
    """The slides a handout of the slides section walks (none for a sheet), its lists cut to `fit`."""
    if handout.record.section != "slides":
        return []
    return deck(project, register_groups(project.guide), contact_list(project), fit)


# -- pieces every sheet shares --------------------------------------------------------------------------------


def link(url: str, text: str | None = None) -> dict[str, str]:
    """An address as paper prints it, and where a tap on it in the PDF leads."""
    return {"text": text or short_url(url), "url": url}


def contact(c: Contact, t: Say, lang: str) -> dict[str, Any]:
    """One contact with everything a reader needs to reach it: number, hours, cost, address, e-mail or site."""
    return {
        "name": t(c.name),
        "phone": c.phone,
        "tel": phones.tel(c.phone) if c.phone else None,
        "abroad": dialled_from_abroad(c, t),
        "hours": t(c.hours) if c.hours else None,
        "cost": t(c.cost) if c.cost else None,
        "address": typeset(c.address, lang) if c.address else None,
        "email": c.email,
        "site": where_link(c.link, t) if c.link and not c.phone else None,
    }


def dialled_from_abroad(c: Contact, t: Say) -> dict[str, str] | None:
    """How the number is dialled from a foreign phone, or that only a French phone can call it."""
    if c.phone_abroad:
        label = f"{t('from_abroad')}{t('colon')} "
        return {"label": t("separator") + label, "text": c.phone_abroad, "tel": phones.tel(c.phone_abroad)}
    if c.french_phone_only:
        return {"label": f" ({t('french_phone_only')})", "text": "", "tel": ""}
    return None


def contact_length(c: dict[str, Any]) -> int:
    return sum(len(v) if isinstance(v, str) else len(v["text"]) if isinstance(v, dict) else 0 for v in c.values())


def image(project: Project) -> dict[str, Any] | None:
    """The university's logo, as Typst reads it from the data: an SVG's text, or a picture's bytes."""
    logo = project.university.logo
    if not logo:
        return None
    path = project.content / logo
    if logo.lower().endswith(".svg"):
        return {"format": "svg", "svg": path.read_text(encoding="utf-8")}
    return {"format": logo.rsplit(".", 1)[-1].lower().replace("jpg", "jpeg"), "bytes": list(path.read_bytes())}


def in_langs(project: Project, langs: Sequence[str], make: Callable[[str], str]) -> list[dict[str, str]]:
    """A text said once in each of `langs`: [{lang, text}]."""
    return [{"lang": lang, "text": typeset(make(lang), lang)} for lang in langs]


def frame(handout: Handout, project: Project, title: str) -> dict[str, Any]:
    """What every handout has: its language(s), title, university, footer, preview notice and logo."""
    guide, labels, university = project.guide, project.labels, project.university
    lang = handout.lang
    t = speaker(project, lang)
    return {
        "lang": lang,
        "langs": list(handout.langs),
        "title": title,
        "author": t(university.name),
        "subtitle": in_langs(project, handout.langs, lambda lang_: university.name(lang_)),
        "preview": in_langs(
            project, handout.langs, lambda lang_: labels.get("preview_notice", lang_).format(url=project.site_url)
        )
        if project.site.preview
        else [],
        "footer": f"{t(university.short_name)} · {t('last_checked')} {day(project, guide.last_checked, lang)}",
        "address": link(project.site_url, project.site_url),
        "addresses": written_addresses(project.guide),
        "logo": image(project),
        "logo_alt": t(university.name),
        "colors": slide_colors(university),
        "colon": t("colon"),
        "separator": t("separator"),
    }


def slide_colors(university: University) -> dict[str, str]:
    """The university's colours as the site shows them (render/palette.py): white text stands on `primary`."""
    shades = palette(university)
    return {"primary": shades.primary, "accent": shades.accent, "link": shades.link}


def written_addresses(guide: Guide) -> dict[str, Any]:
    """The site names a text may write (etudiant-etranger.ameli.fr, ameli.fr), each with the address the data
    gives for that site's home, and a pattern finding any host name in a text (Typst's regex, which has no
    look-around: the sheet links the names found here and leaves the others)."""
    urls: dict[str, str] = {}
    for lk in guide.links.values():
        parts = urlsplit(lk.url)
        if parts.path in ("", "/") and not parts.query and parts.hostname:
            urls[parts.hostname] = lk.url
            if parts.hostname.startswith("www."):
                urls.setdefault(parts.hostname.removeprefix("www."), lk.url)
    return {"pattern": r"(?i)\b[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.[a-z]{2,}\b", "urls": urls}


def qr(url: str, captions: list[dict[str, str]]) -> dict[str, Any]:
    return {"png": qr_png(url), "url": url, "caption": captions, "alt": " / ".join(c["text"] for c in captions)}


def home_url(project: Project, lang: str) -> str:
    return project.site_url + home_path(lang, project.guide.languages[0])


# -- the kinds ------------------------------------------------------------------------------------------------

Sheet = Callable[[Handout, Project], dict[str, Any]]
Deck = Callable[[Handout, Project, list[Slide]], dict[str, Any]]
SHEETS: dict[str, Sheet] = {}  # a kind (or layout) of handouts.kinds -> what its template gets
DECKS: dict[str, Deck] = {}  # the same, for a kind that walks the slides (a deck, its notes)


def sheet(kind: str) -> Callable[[Sheet], Sheet]:
    """Say that the function makes the data of the handouts of `kind` (its template's `data`)."""

    def register(function: Sheet) -> Sheet:
        SHEETS[kind] = function
        return function

    return register


def deck_sheet(kind: str) -> Callable[[Deck], Deck]:
    """The same as `sheet`, for a kind that walks the deck's slides, numbered as they are cut."""

    def register(function: Deck) -> Deck:
        DECKS[kind] = function
        return function

    return register


@sheet("checklist")
def checklist(handout: Handout, project: Project) -> dict[str, Any]:
    """One situation's steps with boxes to tick, the documents it needs and whom to call, in one language."""
    guide, lang = project.guide, handout.lang
    t = speaker(project, lang)
    profile = guide.profile(handout.profile)
    journey = guide.journey(profile.id)
    here = places(journey)
    mine = [p.step for p in journey]
    steps = []  # each step's notes stay on the page the QR code opens, so that the type stays large
    for placed in journey:
        step = placed.step
        links = list({lk.url: lk for lk in step.links_for(profile.id)}.values())
        steps.append(
            {
                "id": step.id,
                "title": heading(placed, step, t),
                "relation": relation(placed, guide, t),
                "tasks": [t(task.text) for task in step.tasks_for(profile.id)],
                "duration": t(step.duration),
                "where": [where_link(lk, t) for lk in links],
                "while_waiting": t(step.while_waiting) if step.while_waiting else None,
            }
        )
    documents = []
    for doc in guide.documents_needed(profile.id):
        uses = t("separator").join(
            f"{t('step').lower()} {here[use.step_id].number}{t('colon')} {need(use, t)}"
            for use in doc.uses
            if profile.id in use.profiles
        )
        notes = "".join(f" {t(n.text)}" for n in doc.notes_for(profile.id))
        documents.append({"name": t(doc.name), "uses": uses, "description": t(doc.description) + notes})
    skipped = [t(s.title) for s in guide.steps if s not in mine]
    title = handout.title(guide, project.labels)
    sheet = {
        **frame(handout, project, typeset(title, lang)),
        "intro": t(profile.description),
        "more_online": t("paper_more_online"),
        "skipped": {"label": t("skipped_steps") + t("colon"), "steps": skipped} if skipped else None,
        "qrs": [qr(project.site_url + handout.qr_page(guide.languages[0]), [{"lang": lang, "text": t("scan_path")}])],
        "labels": {k: t(k) + t("colon") for k in ("duration", "where", "while_waiting")}
        | {k: t(k) for k in ("documents", "contacts")},
        "steps": steps,
        "documents": documents,
        "contacts": [contact(c, t, lang) for c in contact_list(project, ("phone", "office"))],
    }
    return sheet | {"words": words_box(project, t, sheet)}


def words_box(project: Project, t: Say, sheet: dict[str, Any], overview: bool = False) -> dict[str, Any] | None:
    """The box of French words the sheet's texts use, as the model chooses them, each defined."""
    entries = project.guide.words_to_explain(" ".join(_texts(sheet)), overview=overview)
    if not entries:
        return None
    return {
        "title": t("paper_words"),
        "entries": [{"term": typeset(g.term, "fr"), "definition": t(g.definition)} for g in entries],
    }


def _texts(value: Any) -> list[str]:
    """Every string in a sheet's data."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _texts(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _texts(v)]
    return []


def need(use: Any, t: Say) -> str:
    """Whether a document is required or additional, and on what condition: "required, if you ..."."""
    return t("required" if use.required else "additional") + (f", {t(use.condition)}" if use.condition else "")


@sheet("overview")
def overview(handout: Handout, project: Project) -> dict[str, Any]:
    """Who registers, every step with its delay, every document with who needs it, every contact: one language."""
    guide, lang = project.guide, handout.lang
    t = speaker(project, lang)
    groups = [
        {
            "label": t(label) + t("colon"),
            "profiles": [{"name": t(p.name), "description": after_colon(t(p.description), t)} for p in ps],
        }
        for label, ps in register_groups(guide)
    ]
    documents = []
    for doc in guide.documents:
        formats = ", ".join(doc.formats)
        if doc.formats and doc.max_size_mb:
            formats += f", {int(doc.max_size_mb)} {t('megabytes')}"
        documents.append(
            {
                "name": t(doc.name),
                "formats": typeset(f"({formats})", lang) if doc.formats else None,
                "who": f"{t('for_whom')}{t('colon')} {who_needs(guide, doc, t)}",
            }
        )
    contacts = [contact(c, t, lang) for c in contact_list(project)]
    sheet = {
        **frame(handout, project, typeset(handout.title(guide, project.labels), lang)),
        "intro": t("handout_intro"),
        "qrs": [
            qr(home_url(project, lang), [{"lang": lang, "text": t("scan_guide")}]),
            qr(guide.links[REGISTER_LINK].url, [{"lang": lang, "text": t("scan_register")}]),
        ],
        "labels": {k: t(k) for k in ("who_registers", "handout_steps", "documents", "contacts")},
        "questions": [
            {"text": t(q.text), "options": t("separator").join(t(o.text) for o in q.options) + "."}
            for q in situation_questions(guide)
        ],
        "groups": columns(
            [item for g in groups for item in ([{"label": g["label"]}] + g["profiles"])],
            lambda item: len(item.get("label", "")) + len(item.get("name", "")) + len(item.get("description", "")),
        ),
        "steps": everyone_steps(guide, t),
        "either_order": t("either_order") if any(p.joined for p in guide.everyone()) else None,
        "documents": columns(documents, lambda d: len(d["name"]) + len(d["formats"] or "") + len(d["who"])),
        "contacts": columns(contacts, contact_length, 3),
    }
    return sheet | {"words": words_box(project, t, sheet, overview=True)}


def everyone_steps(guide: Guide, t: Say) -> list[dict[str, Any]]:
    """The steps as every registering student reads them (numbered, "And:" for those that go with the step
    before), then the steps of the situations that do not register, named by their situations."""
    steps: list[dict[str, Any]] = [
        {"title": heading(p, p.step, t), "duration": t(p.step.duration), "relation": relation(p, guide, t)}
        for p in guide.everyone()
    ]
    for step in guide.steps:
        if not set(step.applies_to) & guide.registering():
            who = situation_names(guide, step.applies_to, t)
            steps.append(
                {"title": f"{who}{t('colon')} {t(step.title)}", "duration": t(step.duration), "relation": None}
            )
    return steps


def situation_questions(guide: Guide) -> list[Any]:
    """The questions that tell situations apart (asked first, and named by a situation's answers)."""
    return [q for q in guide.questions if not q.ask_if and any(q.id in p.answers for p in guide.profiles)]


@sheet("bilingual")
def bilingual(handout: Handout, project: Project) -> dict[str, Any]:
    """The overview's facts in the default language beside another, row by row."""
    guide, langs = project.guide, handout.langs
    says = {lang: speaker(project, lang) for lang in langs}

    def row(make: Callable[[Say, str], Any]) -> list[Any]:
        return [make(says[lang], lang) for lang in langs]

    tables = [
        {
            "heading": row(lambda t, lang: t("who_registers")),
            "rows": [
                row(
                    lambda t, lang, label=label, ps=ps: {
                        "label": t(label) + t("colon"),
                        "text": t("separator").join(t(p.name) for p in ps),
                    }
                )
                for label, ps in register_groups(guide)
            ]
            + [
                row(lambda t, lang, q=q: {"muted": f"{t(q.text)} {t('separator').join(t(o.text) for o in q.options)}."})
                for q in situation_questions(guide)
            ],
        },
        {
            "heading": row(lambda t, lang: t("handout_steps")),
            "rows": [
                row(lambda t, lang, i=i: _step_row(everyone_steps(guide, t)[i]))
                for i in range(len(everyone_steps(guide, says[langs[0]])))
            ]
            + ([row(lambda t, lang: {"muted": t("either_order")})] if any(p.joined for p in guide.everyone()) else []),
        },
        {
            "heading": row(lambda t, lang: t("documents")),
            "rows": [
                row(lambda t, lang, d=d: {"label": t(d.name) + t("colon"), "muted": who_needs(guide, d, t)})
                for d in guide.documents
            ],
        },
        {
            "heading": row(lambda t, lang: t("contacts")),
            "rows": [row(lambda t, lang, c=c: {"contact": contact(c, t, lang)}) for c in contact_list(project)],
        },
    ]
    words = guide.words_to_explain(" ".join(_texts(tables)), overview=True)
    if words:
        tables.append(
            {
                "heading": row(lambda t, lang: t("paper_words")),
                "rows": [
                    row(
                        lambda t, lang, g=g: {
                            "term": typeset(g.term, "fr"),
                            "colon": t("colon"),
                            "text": t(g.definition),
                        }
                    )
                    for g in words
                ],
            }
        )
    title = " / ".join(typeset(project.labels.get("handout_title", lang), lang) for lang in langs)
    homes = [home_url(project, lang) for lang in langs]
    return {
        **frame(handout, project, title),
        "qrs": [
            qr(homes[0], in_langs(project, langs, lambda lang: project.labels.get("scan_guide", lang))),
            qr(
                guide.links[REGISTER_LINK].url,
                in_langs(project, langs, lambda lang: project.labels.get("scan_register", lang)),
            ),
        ],
        "tables": tables,
    }


def _step_row(step: dict[str, Any]) -> dict[str, str]:
    row = {"label": step["title"], "text": f"— {step['duration']}"}
    return {**row, "muted": step["relation"]} if step["relation"] else row


def _step_slide(step: Step, guide: Guide, t: Say) -> dict[str, Any]:
    """A step's slide, for a whole room: its key tasks for everyone first, then those for some situations under
    whom they are for, and what "And:" means for it."""
    placed = places(guide.everyone()).get(step.id)
    groups: dict[frozenset[str], list[str]] = {}
    for task in step.key_tasks:
        groups.setdefault(task.profiles if step.for_some(task.profiles) else frozenset(), []).append(
            t(task.slide or task.text)
        )
    return {
        "heading": f"{t('step')} {placed.number}" if placed else situation_names(guide, step.applies_to, t, short=True),
        "relation": relation(placed, guide, t, short=True),
        "title": t(step.slide_title or step.title),
        "tasks": [
            {
                "label": t("only_for_short").format(names=situation_names(guide, ids, t, short=True)) if ids else None,
                "items": items,
            }
            for ids, items in sorted(groups.items(), key=lambda g: bool(g[0]))
        ],
        "duration_label": t("duration") + t("colon"),
        "duration": t(step.slide_duration or step.duration),
    }


def slide_content(slide: Slide, project: Project, t: Say, lang: str) -> dict[str, Any]:
    """What one slide shows in one language."""
    labels = project.labels
    if slide.kind == "preview":
        return {"notice": typeset(labels.get("preview_notice", lang).format(url=project.site_url), lang)}
    if slide.kind == "title":
        return {
            "title": t("slides_title"),
            "name": t(project.university.name),
            "checked": f"{t('last_checked')} {day(project, project.guide.last_checked, lang)}",
        }
    if slide.kind == "who":
        return {
            "heading": t("who_registers"),
            "groups": [{"label": t(g), "items": [t(p.name) for p in ps]} for g, ps in slide.items],
        }
    if slide.kind == "step":
        return _step_slide(slide.step, project.guide, t)
    if slide.kind == "documents":
        return {
            "heading": t("documents"),
            "groups": [
                {
                    "label": t(slide.heading),
                    "items": [
                        {"text": t(doc.name), "muted": f"({t(condition)})" if condition else None}
                        for doc, condition in slide.items
                    ],
                }
            ],
        }
    if slide.kind == "waiting":
        return {
            "heading": t("while_waiting"),
            "paragraphs": [
                {"label": heading(places(project.guide.everyone()).get(s.id), s, t), "text": t(waiting_text(s))}
                for s in slide.items
            ],
        }
    if slide.kind == "contacts":
        return {
            "heading": t("contacts"),
            "paragraphs": [
                {
                    "label": t(c.name) + (f"{t('colon')} " if c.phone or c.link else ""),
                    "phone": c.phone,
                    "abroad": dialled_from_abroad(c, t),
                    "text": None if c.phone else (short_url(c.link.url) if c.link else None),
                    "url": c.link.url if c.link and not c.phone else None,
                    "muted": t("separator").join(t(x) for x in (c.hours, c.cost) if x) or None,
                }
                for c in slide.items
            ],
        }
    if slide.kind == "desk":
        paragraphs: list[dict[str, Any]] = []
        for i, (kind, item) in enumerate(slide.items):
            if kind == "desk":
                lines = [
                    typeset(item.address, lang) if item.address else None,
                    t(item.hours) if item.hours else None,
                    phone_line(item, t),
                    item.email,
                ]
                paragraphs.append({"label": t(item.name), "lines": [x for x in lines if x]})
            else:
                if i == 0 or slide.items[i - 1][0] != "session":
                    paragraphs.append({"subheading": t("sessions_title")})
                when = day(project, item.day, lang) + (f", {item.time}" if item.time else "")
                paragraphs.append({"text": f"{when}{t('colon')} {t(item.place)}"})
        return {"heading": t("slides_desk"), "paragraphs": paragraphs}
    if slide.kind == "closing":
        url = home_url(project, lang)
        chooser = f"{url}#{CHOOSER_ANCHOR}"
        return {
            "heading": t("slides_closing"),
            "scan": t("slides_scan"),
            "address": typed_url(url),
            "url": url,
            "qr": qr_png(chooser),
            "qr_url": chooser,
        }
    raise ValueError(f"unknown kind of slide: {slide.kind}")


@deck_sheet("slides")
def slides(handout: Handout, project: Project, cut: list[Slide]) -> dict[str, Any]:
    """A deck: every slide in each of its languages, numbered as `cut` lists them."""
    langs = handout.langs
    says = {lang: speaker(project, lang) for lang in langs}
    title = " / ".join(typeset(project.labels.get("slides_title", lang), lang) for lang in langs)
    return {
        **frame(handout, project, title),
        "slides": [
            {
                "kind": slide.kind,
                "where": slide.where,
                "part": f"{slide.part}/{slide.parts}" if slide.parts > 1 else None,
                "content": [{"lang": lang, **slide_content(slide, project, says[lang], lang)} for lang in langs],
            }
            for slide in cut
        ],
        "short_name": says[langs[0]](project.university.short_name),
    }


@deck_sheet("slide_notes")
def notes(handout: Handout, project: Project, cut: list[Slide]) -> dict[str, Any]:
    """The speaker's notes of a deck, slide by slide, numbered as the deck `cut` is: everything the data says."""
    guide, lang, labels = project.guide, handout.lang, project.labels
    t = speaker(project, lang)
    sections = []
    heads = {
        "title": "slides_title",
        "who": "who_registers",
        "waiting": "while_waiting",
        "contacts": "contacts",
        "desk": "slides_desk",
        "closing": "slides_closing",
    }
    for number, slide in enumerate(cut, start=1):
        head = t("slide_number").format(number=number)
        if slide.kind == "step":
            head += " — " + heading(places(guide.everyone()).get(slide.step.id), slide.step, t)
        elif slide.kind == "documents":
            head += " — " + t("slides_documents").format(name=t(slide.heading))
        elif slide.kind in heads:
            head += " — " + t(heads[slide.kind])
        if slide.parts > 1:
            head += " " + t("slide_part").format(part=slide.part, parts=slide.parts)
        sections.append({"heading": head, "blocks": _note_blocks(slide, project, t, lang)})
    chooser = f"{home_url(project, lang)}#{CHOOSER_ANCHOR}"
    return {
        **frame(handout, project, typeset(handout.title(guide, labels), lang)),
        "qrs": [qr(chooser, [{"lang": lang, "text": t("slides_closing")}])],
        "sections": sections,
    }


def _note_blocks(slide: Slide, project: Project, t: Say, lang: str) -> list[dict[str, Any]]:
    """The paragraphs and lists of one slide's notes: {p} (with an optional bold {label}), {list}, {muted}."""
    guide, labels = project.guide, project.labels
    colon = t("colon")
    if slide.kind == "preview":
        return [{"p": typeset(labels.get("preview_notice", lang).format(url=project.site_url), lang)}]
    if slide.kind == "title":
        return [{"p": f"{t(project.university.name)}. {t('handout_intro')}"}]
    if slide.kind == "who":
        out: list[dict[str, Any]] = []
        for group, profiles in slide.items:
            out.append({"label": t(group) + colon})
            out.append({"list": [f"{t(p.name)}{colon} {after_colon(t(p.description), t)}" for p in profiles]})
        return out
    if slide.kind == "step":
        step = slide.step
        tasks = []
        for task in step.tasks:
            text = t(task.text)
            if whom := for_whom(step, task.profiles, guide, t):
                text += f" ({whom})"
            tasks.append(text)
        out = [
            {"p": t(step.summary)},
            {"label": t("tasks")},
            {"list": tasks},
            {"label": t("duration") + colon, "p": t(step.duration)},
        ]
        if step.while_waiting:
            out.append({"label": t("while_waiting") + colon, "p": t(step.while_waiting)})
        out.append({"label": t("if_stuck") + colon, "p": t(step.if_stuck)})
        out += [
            {"note": t(n.text) + (f" ({whom})" if (whom := for_whom(step, n.profiles, guide, t)) else "")}
            for n in step.notes
        ]
        if step.links:
            out.append({"label": t("where") + colon, "links": [where_link(lk, t) for lk in step.links]})
        checks = [
            f"{t(c.source.title)}, {t(c.source.publisher)} ({t('checked')} {day(project, c.checked, lang)})"
            for c in step.sources
        ]
        out.append({"muted": f"{t('sources')}{colon} " + t("separator").join(checks)})
        return out
    if slide.kind == "documents":
        return [{"list": [f"{t(d.name)}{f' ({t(c)})' if c else ''}{colon} {t(d.description)}" for d, c in slide.items]}]
    if slide.kind == "waiting":
        here = places(guide.everyone())
        return [{"label": f"{heading(here.get(s.id), s, t)}{colon}", "p": t(s.while_waiting)} for s in slide.items]
    if slide.kind == "contacts":
        return [{"contact": contact(c, t, lang), "muted": t(c.description)} for c in slide.items]
    if slide.kind == "desk":
        out = []
        for kind, item in slide.items:
            if kind == "desk":
                out.append({"contact": contact(item, t, lang), "muted": t(item.description)})
            else:
                when = day(project, item.day, lang) + (f", {item.time}" if item.time else "")
                out.append({"label": f"{when}{colon} {t(item.place)}", "p": t(item.description)})
        return out
    if slide.kind == "closing":
        return [{"p": t("slides_scan"), "links": [link(home_url(project, lang), typed_url(home_url(project, lang)))]}]
    raise ValueError(f"unknown kind of slide: {slide.kind}")


SHORT_HOST = 30  # a longer host, beside a page's name, takes a line and helps nobody find the page
TYPEABLE = 60  # the longest address paper prints whole: longer ones are named, and their QR code or link leads


def typeable(url: str) -> str | None:
    """The address as a reader types it from paper, when it is short enough and has no query to mistype."""
    typed = typed_url(url)
    return typed if len(typed) <= TYPEABLE and "?" not in typed else None


def contact_site(lk: Any, t: Say) -> dict[str, str]:
    """A link as paper shows it: its label, then the whole address when it can be typed, else its host when
    the label does not name it and it is short enough to help: 'Forum ameli (forum-assures.ameli.fr)'."""
    label, typed, host = t(lk.label), typeable(lk.url), urlsplit(lk.url).hostname or lk.url
    shown = typed or ("" if host.removeprefix("www.") in label or len(host) > SHORT_HOST else host)
    return link(lk.url, f"{label} ({shown})" if shown else label)


def where_link(lk: Any, t: Say) -> dict[str, str]:
    """Where a step is done, as paper prints it: the whole address a reader can type, or the page's name
    with its site ('ameli.fr : l'inscription des étudiants étrangers') when the address is too long."""
    typed = typeable(lk.url)
    return link(lk.url, typed) if typed else contact_site(lk, t)


def sheet_data(handout: Handout, project: Project, cut: list[Slide] | None = None) -> dict[str, Any]:
    """The data of a handout's template; a deck and its notes take the slides as `cut`."""
    kind = handout.record.layout or handout.kind
    if kind in DECKS:
        return DECKS[kind](handout, project, cut if cut is not None else slide_list(handout, project))
    if kind not in SHEETS:
        raise LookupError(f"handouts/sheets.py: no function makes the '{kind}' handouts: mark one @sheet({kind!r})")
    return SHEETS[kind](handout, project)


def creation_date(project: Project) -> date:
    """The date a handout says it was made: the day its facts were last checked (the same PDF for the same facts)."""
    return project.guide.last_checked
