"""The real data file is valid and consistent."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from guide.loader import SOURCES_DIR, load_guide
from guide.model import Guide


def test_real_data_loads_without_problems(languages):
    guide = load_guide(languages)
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


def test_every_source_file_exists_in_shared_sources(guide: Guide):
    assert SOURCES_DIR.is_dir(), "../shared/sources/ should be beside the repository"
    for source in guide.sources.values():
        assert (SOURCES_DIR / source.file).is_file(), source.file


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


def test_phone_numbers_are_those_of_the_sources(guide: Guide):
    # The two numbers the sources give; a new number needs a source first.
    phones = {c.phone for c in guide.contacts if c.phone}
    assert phones == {"3646", "09 74 75 36 46"}


def test_steps_are_numbered_in_phase_order(guide: Guide):
    order = [p.id for p in guide.phases]
    assert [s.number for s in guide.steps] == list(range(1, len(guide.steps) + 1))
    assert [order.index(s.phase.id) for s in guide.steps] == sorted(order.index(s.phase.id) for s in guide.steps)


def test_every_document_is_needed_by_a_step_that_applies_to_its_profiles(guide: Guide):
    for doc in guide.documents:
        for use in doc.uses:
            step = guide.step(use.step_id)
            assert use.profiles <= set(step.applies_to), (doc.id, step.id)
