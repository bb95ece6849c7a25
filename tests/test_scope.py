"""One journey per student, told the same way everywhere: every task, note and document note that the data gives
for some situations only is, for each situation × output, absent where it does not apply (the path page as
Chromium shows it, the checklist, which leaves a step's notes to the page its QR code opens) or labelled with
whom it is for where the output is for everyone (the slides, the speaker notes, the topic pages). The table
comes from the data, so a university's copy tests its own local steps."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from guide.model import Guide
from handouts.kinds import catalogue
from render.journey import for_whom, names
from render.site import HANDOUTS_FOLDER, route_url
from tests.conftest import ROOT
from tests.support.pdf import normal, page_texts
from web.config import project_at

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Scoped:
    kind: str  # "task", "note" (a step's), "document" (a document's note)
    what: str
    step_id: str
    profiles: frozenset[str]
    text: object  # a Text
    slide: object = None  # the task's words on its slide, when it is a key task


def scoped(guide: Guide) -> list[Scoped]:
    """Everything the data says for some of a step's situations only."""
    found = []
    for step in guide.steps:
        for task in step.tasks:
            if step.for_some(task.profiles):
                key = task in step.key_tasks
                found.append(
                    Scoped(
                        "task",
                        f"task {task.id}",
                        step.id,
                        task.profiles,
                        task.text,
                        task.slide or task.text if key else None,
                    )
                )
        for i, note in enumerate(step.notes):
            if step.for_some(note.profiles):
                found.append(Scoped("note", f"note {i} of {step.id}", step.id, note.profiles, note.text))
    for doc in guide.documents:
        for i, note in enumerate(doc.notes):
            for use in doc.uses:
                if note.meets(use.profiles):
                    found.append(
                        Scoped(
                            "document", f"note {i} of {doc.id}", use.step_id, note.profiles & use.profiles, note.text
                        )
                    )
                    break
    return found


def flat(text: str) -> str:
    return normal(text.replace("\u00a0", " ").replace("\u202f", " "))


def shows(paragraph: str, text: str) -> bool:
    """Whether `text` holds the paragraph, which in two columns may run from one column or page into the next."""
    words = flat(paragraph)
    return words[:40] in text and words[-40:] in text


@pytest.fixture(scope="module")
def project():
    return project_at(ROOT)


def test_the_data_gives_something_for_some_situations_only(project):
    assert scoped(project.guide), "nothing scoped: this test would prove nothing"


def test_a_path_page_and_a_checklist_show_what_is_for_their_situation_and_nothing_else(
    browser, base, built_site, project, languages
):
    guide = project.guide
    items = scoped(guide)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    wrong = []
    for profile in guide.profiles:
        for lang in languages:
            page.goto(base + route_url(profile.id, lang, languages[0]))
            folded = page.locator("details:not([open]) > summary")
            while folded.count():
                folded.first.click()  # the student opens each folded step and detail to read it
            seen = flat(page.inner_text("article"))
            sheet = built_site / HANDOUTS_FOLDER / f"checklist-{profile.id}-{lang}.pdf"
            printed = flat(" ".join(page_texts(sheet)))
            for item in items:
                if item.step_id not in {s.id for s in guide.steps_for(profile.id)}:
                    continue
                told = profile.id in item.profiles
                if (flat(item.text(lang)) in seen) != told:
                    wrong.append(f"{profile.id} {lang} path page: {item.what} {'missing' if told else 'shown'}")
                if told and item.kind == "note":
                    continue  # the sheet leaves a step's notes to the page its QR code opens
                if shows(item.text(lang), printed) != told:
                    wrong.append(f"{profile.id} {lang} checklist: {item.what} {'missing' if told else 'printed'}")
    context.close()
    assert not wrong, "\n".join(wrong)


def test_the_slides_and_the_notes_say_whom_a_part_of_a_step_is_for(built_site, project):
    guide, labels = project.guide, project.labels
    wrong = []
    for handout in catalogue(guide):
        if handout.record.section != "slides":
            continue
        pages = [flat(text) for text in page_texts(built_site / HANDOUTS_FOLDER / handout.filename)]
        for lang in handout.langs:

            def t(value, lang=lang):
                return value(lang) if not isinstance(value, str) else labels.get(value, lang)

            for item in scoped(guide):
                step = guide.step(item.step_id)
                if handout.kind == "slide_notes" and item.kind in ("task", "note"):
                    said = flat(f"{t(item.text)} ({for_whom(step, item.profiles, guide, t)})")
                    if said not in " ".join(pages):
                        wrong.append(f"{handout.filename} {lang}: {item.what} without whom it is for")
                elif handout.kind != "slide_notes" and item.slide is not None:
                    title = flat(t(step.slide_title or step.title))
                    slide = next((p for p in pages if title in p), "")
                    label = flat(
                        labels.get("only_for_short", lang).format(names=names(guide, item.profiles, t, short=True))
                    )
                    if flat(t(item.slide)) not in slide or label not in slide:
                        wrong.append(f"{handout.filename} {lang}: {item.what} not under '{label}' on its slide")
    assert not wrong, "\n".join(wrong)
