"""Each situation's route page shows exactly what the data says applies to it."""

from __future__ import annotations

from render.site import route_url
from tests.support.site import BuiltPage, fold


def test_each_path_shows_exactly_the_steps_and_documents_of_its_profile(guide, languages, built_site):
    for lang in languages:
        for profile in guide.profiles:
            page = BuiltPage(built_site, built_site / route_url(profile.id, lang, languages[0]) / "index.html")
            shown = [s["data-step"] for s in page.soup.select("section[data-step]")]
            skipped = [p["data-skipped-step"] for p in page.soup.select("[data-skipped-step]")]
            assert shown == [s.id for s in guide.steps_for(profile.id)], (lang, profile.id)
            assert sorted(shown + skipped) == sorted(s.id for s in guide.steps)
            tasks = [box["data-task"] for box in page.soup.select("input[type=checkbox][data-task]")]
            assert tasks == [t.id for s in guide.steps_for(profile.id) for t in s.tasks_for(profile.id)]
            for doc in guide.documents:
                needed = any(profile.id in u.profiles for u in doc.uses)
                assert (fold(doc.name(lang)) in page.text) == needed, (lang, profile.id, doc.id)
            for step in guide.steps:
                if not step.applies(profile.id):
                    assert fold(step.skip_reason(profile)(lang)) in page.text, (lang, profile.id, step.id)


def test_every_set_of_answers_leads_to_exactly_one_profile(guide):
    for answers in guide.answer_sets():
        assert len(guide.profiles_matching(answers)) == 1, answers
    reached = {guide.profiles_matching(a)[0].id for a in guide.answer_sets()}
    assert reached == {p.id for p in guide.profiles}
