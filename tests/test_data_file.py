"""The real data file is valid and consistent."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from guide.loader import load_guide
from guide.model import Guide

ROOT = Path(__file__).resolve().parent.parent


def test_real_data_loads_without_problems(languages):
    guide = load_guide(languages, ROOT / "data" / "steps.yaml")
    assert guide.steps and guide.documents and guide.contacts and guide.glossary


def test_every_profile_has_steps_and_every_step_has_a_task_for_each_of_its_profiles(guide: Guide):
    for profile in guide.profiles:
        assert guide.steps_for(profile.id), profile.id
    for step in guide.steps:
        for pid in step.applies_to:
            assert step.tasks_for(pid), (step.id, pid)


def test_task_ids_are_unique_and_prefixed_by_their_step(guide: Guide):
    ids = [t.id for s in guide.steps for t in s.tasks]
    assert len(ids) == len(set(ids))
    for step in guide.steps:
        assert all(t.id.startswith(step.id + ".") for t in step.tasks)


def test_every_step_names_sources_checked_on_a_past_date(guide: Guide):
    for step in guide.steps:
        assert step.sources
        assert all(s.checked <= date.today() for s in step.sources)


def test_every_source_says_how_to_find_it_again(guide: Guide):
    for source in guide.sources.values():
        for lang in guide.languages:
            assert source.title(lang) and source.publisher(lang) and source.dated(lang), (source.id, lang)
        assert all(link.url.startswith("https://") for link in source.links), source.id


def test_nothing_in_the_repository_reads_outside_it():
    """A clone or a fork has nothing beside the repository: no code, test or command may look there."""
    root = ROOT
    parts = [root / name for name in ("guide", "render", "macros", "handouts", "web", "links", "tools", "tests")]
    files = [f for part in parts for f in part.rglob("*.py")] + [root / "Makefile", root / "mkdocs.yml"]
    files += list((root / ".github").rglob("*.yml")) + list((root / ".ci").glob("*"))
    outside = re.compile(r"\.\./shared|parent\.parent\.parent|parents\[[2-9]\]|[\"'/]shared[\"'/]")
    for f in files:
        if f.resolve() == Path(__file__).resolve():
            continue
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1):
            assert not outside.search(line), f"{f.relative_to(root)}:{n} reads outside the repository: {line.strip()}"


def test_every_link_is_https_on_an_allowed_host_and_written_once(guide: Guide):
    urls = [link.url for link in guide.links.values()]
    assert len(urls) == len(set(urls))
    for url in urls:
        parts = urlsplit(url)
        assert parts.scheme == "https" and parts.hostname in guide.allowed_hosts, url


def test_every_link_is_used_somewhere(guide: Guide):
    used = {link.id for s in guide.steps for link in s.links}
    used |= {c.link.id for c in guide.contacts if c.link}
    used |= {link.id for s in guide.sources.values() for link in s.links}
    assert used == set(guide.links)


def test_every_phone_number_belongs_to_a_contact_that_a_sourced_step_names(guide: Guide):
    """A number students are told to call comes with a step whose sources give it, or is the university's own."""
    own = {c.id for c in guide.contacts if c.kind == "office"}
    named = {c.id for s in guide.steps if s.sources for c in s.contacts}
    for contact in guide.contacts:
        if contact.phone:
            assert contact.id in named or contact.id in own, contact.id


def test_steps_are_in_phase_order_and_every_journey_starts_at_1_without_a_gap(guide: Guide):
    order = [p.id for p in guide.phases]
    assert [order.index(s.phase.id) for s in guide.steps] == sorted(order.index(s.phase.id) for s in guide.steps)
    for profile in guide.profiles:
        journey = guide.journey(profile.id)
        assert [p.step for p in journey] == list(guide.steps_for(profile.id)), profile.id
        numbers = [p.number for p in journey if p.joined is None]
        assert numbers == list(range(1, len(numbers) + 1)), (profile.id, numbers)
        for before, placed in zip(journey, journey[1:], strict=False):
            if placed.joined:  # "And:": the number of the step before it
                assert placed.number == before.number, (profile.id, placed.step.id)
            if placed.joined == "either":
                assert before.step.either_order_with == placed.step.id


def test_the_steps_every_registering_student_does_have_the_same_number_on_every_path(guide: Guide):
    """What a desk says aloud ("step 3") is every registering student's step 3, a university's local step for
    some situations or not."""
    everyone = {p.step.id: p for p in guide.everyone()}
    for profile_id in guide.registering():
        for placed in guide.journey(profile_id):
            if set(guide.registering()) <= set(placed.step.applies_to):
                shared = everyone[placed.step.id]
                assert (placed.number, placed.joined) == (shared.number, shared.joined), (profile_id, placed.step.id)
    for step in guide.steps:
        assert step.label == (
            str(everyone[step.id].number) if step.id in everyone and not everyone[step.id].joined else ""
        )


def test_every_document_is_needed_by_a_step_that_applies_to_its_profiles(guide: Guide):
    for doc in guide.documents:
        for use in doc.uses:
            step = guide.step(use.step_id)
            assert use.profiles <= set(step.applies_to), (doc.id, step.id)


def test_every_label_of_the_interface_is_used_by_a_template_or_the_code():
    """A label nothing shows is a text translators keep up for nothing."""
    labels = yaml.safe_load((ROOT / "data" / "ui.yaml").read_text(encoding="utf-8"))["labels"]
    sources = [
        *(f for part in ("render", "macros", "handouts", "web") for f in (ROOT / part).rglob("*") if f.is_file()),
        *(ROOT / "overrides").rglob("*.html"),
        *(ROOT / "browser").rglob("*.js"),
    ]
    code = "\n".join(f.read_text(encoding="utf-8") for f in sources if f.suffix in (".py", ".html", ".js", ".xml"))
    # t("progress_" + ...) in the code, t("change_" ~ kind) in a template
    prefixes = {m.group(1) for m in re.finditer(r"""["']([a-z_]+_)["']\s*[+~]""", code)}
    unused = [
        key
        for key in labels
        if not re.search(rf"""["']{re.escape(key)}["']""", code) and not any(key.startswith(p) for p in prefixes)
    ]
    assert unused == []
