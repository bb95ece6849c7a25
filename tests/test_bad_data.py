"""A broken data file stops everything with one clear line per problem (on the small guide of
tests/fixtures/small-guide/, whose places do not move when the real facts do)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from guide.errors import DataError
from guide.loader import load_guide
from tests.conftest import run_build
from tests.support.small import FIXTURE, LANGUAGES, small_project

REAL = (FIXTURE / "data" / "steps.yaml").read_text(encoding="utf-8")


def broken_copy(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    """The small guide's steps.yaml with `old` replaced by `new` (which must be there)."""
    assert old in REAL, f"test is out of date: {old!r} is no longer in the fixture's steps.yaml"
    path = tmp_path / "steps.yaml"
    path.write_text(REAL.replace(old, new, count), encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def problems_for(path: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_guide(LANGUAGES, path, shown_as="data/steps.yaml")
    return [str(p) for p in caught.value.problems]


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    path = broken_copy(tmp_path, "  - id: help-page\n    url:", "  - id: help-page\n    url: : :")
    [problem] = problems_for(path)
    assert problem.startswith(f"data/steps.yaml:{line_of(path.read_text(), 'url: : :')}:")
    assert "YAML syntax error" in problem


def test_wrong_type_names_the_path(tmp_path):
    path = broken_copy(tmp_path, "applies_to: [near]", "applies_to: near")
    [problem] = problems_for(path)
    assert f":{line_of(path.read_text(), 'applies_to: near')}: steps[0].applies_to: expected array" in problem


def test_missing_translation_names_the_text_and_language(tmp_path):
    path = broken_copy(tmp_path, "      en: Register\n", "")
    [problem] = problems_for(path)
    assert re.search(r"data/steps.yaml:\d+: steps\[1\]\.title: missing the 'en' text", problem), problem


def test_text_in_an_undeclared_language_is_refused(tmp_path):
    path = broken_copy(tmp_path, "      en: Register\n", "      en: Register\n      de: Anmelden\n")
    [problem] = problems_for(path)
    assert "steps[1].title.de: 'de' is not a language of the site" in problem


def test_duplicate_id_points_at_the_second_one(tmp_path):
    path = broken_copy(tmp_path, "  - id: get-card\n", "  - id: register\n")
    problems = problems_for(path)
    assert any("steps[2].id: duplicate step id 'register' (first at steps[1])" in p for p in problems), problems


def test_unknown_reference_suggests_the_likely_id(tmp_path):
    path = broken_copy(tmp_path, "contacts: [test-line, test-office]", "contacts: [test-line, test-ofice]")
    [problem] = problems_for(path)
    assert "steps[1].contacts[1]: unknown contact 'test-ofice' (did you mean 'test-office'?)" in problem
    assert f":{line_of(path.read_text(), 'test-ofice')}:" in problem


def test_unknown_profile_in_a_document_is_refused(tmp_path):
    path = broken_copy(tmp_path, "{step: get-card, profiles: [far]", "{step: get-card, profiles: [fra]")
    [problem] = problems_for(path)
    assert "documents[0].uses[1].profiles[0]: unknown profile 'fra' (did you mean 'far'?)" in problem


def test_http_url_is_refused(tmp_path):
    path = broken_copy(tmp_path, "url: https://help.example.org/students", "url: http://help.example.org/students")
    [problem] = problems_for(path)
    assert "links[1].url: 'http://help.example.org/students' must start with https://" in problem


def test_url_on_an_unknown_host_is_refused(tmp_path):
    path = broken_copy(tmp_path, "url: https://help.example.org/students", "url: https://elsewhere.example.net/")
    [problem] = problems_for(path)
    assert "links[1].url: host 'elsewhere.example.net' is not in allowed_hosts" in problem


def test_impossible_date_is_refused(tmp_path):
    path = broken_copy(tmp_path, 'checked: "2026-10-01"', 'checked: "2026-02-30"')
    [problem] = problems_for(path)
    assert "steps[1].sources[1].checked: '2026-02-30' is not a real date" in problem


def test_unknown_field_suggests_the_intended_one(tmp_path):
    path = broken_copy(tmp_path, "    if_stuck:\n", "    if_stuk:\n")
    problems = problems_for(path)
    assert any("steps[0].if_stuk: unknown field 'if_stuk' (did you mean 'if_stuck'?)" in p for p in problems)


def test_a_reminder_counting_from_a_later_step_is_refused(tmp_path):
    path = broken_copy(tmp_path, "        from: register\n", "        from: get-card-later\n")
    [problem] = problems_for(path)
    assert f":{line_of(path.read_text(), 'from: get-card-later')}: steps[2].reminders[0].from:" in problem
    assert "'get-card-later' is neither 'get-card' nor a step before it" in problem


def test_two_reminders_with_one_id_are_refused(tmp_path):
    """A calendar keeps one event per UID: the second would replace the first."""
    reminder = (
        "      - id: card-due\n        from: register\n        days: 21\n        text:\n"
        "          fr: La carte devrait être arrivée.\n          en: The card should have come.\n"
    )
    path = broken_copy(tmp_path, reminder, reminder + reminder.replace("days: 21", "days: 30"))
    [problem] = problems_for(path)
    assert "steps[2].reminders[1].id: reminder id 'card-due' is used twice" in problem


def test_duplicate_yaml_key_is_refused(tmp_path):
    path = broken_copy(tmp_path, "    phase: start\n", "    phase: start\n    phase: later\n")
    [problem] = problems_for(path)
    assert "steps[0].phase: duplicate key 'phase'" in problem


@pytest.fixture
def small_copy(tmp_path: Path) -> Path:
    return small_project(tmp_path / "project")


def test_check_command_reports_without_traceback(small_copy):
    steps = small_copy / "data" / "steps.yaml"
    steps.write_text(REAL.replace('checked: "2026-11-01"', 'checked: "2026-13-01"', 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "web", "check"], cwd=small_copy, capture_output=True, text=True)
    assert result.returncode == 1
    assert "steps[0].sources[0].checked: '2026-13-01' is not a real date" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip().endswith("1 problem found; nothing was built.")


def test_broken_data_fails_the_build_clearly_and_writes_no_site(small_copy, tmp_path):
    steps = small_copy / "data" / "steps.yaml"
    steps.write_text(REAL.replace("contacts: [test-line]", "contacts: [test-lines]", 1), encoding="utf-8")
    site = tmp_path / "out"
    result = run_build(small_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert re.search(
        r"data/steps.yaml:\d+: steps\[0\]\.contacts\[0\]: unknown contact 'test-lines' \(did you mean 'test-line'\?\)",
        output,
    ), output
    assert not (site / "index.html").exists()


def test_missing_label_translation_fails_the_build(small_copy, tmp_path):
    ui = small_copy / "data" / "ui.yaml"
    text = ui.read_text(encoding="utf-8")
    ui.write_text(text.replace("  tasks: {fr: À faire, en: To do}", "  tasks: {fr: À faire}"), encoding="utf-8")
    result = run_build(small_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    line = line_of(text, "  tasks: {fr:")
    assert f"data/ui.yaml:{line}: labels.tasks: missing the 'en' text" in output


def test_a_page_asking_for_an_unknown_step_fails_clearly(small_copy, tmp_path):
    page = small_copy / "content" / "fr" / "inscription.md"
    page.write_text(page.read_text(encoding="utf-8").replace('step("get-card")', 'step("get-cards")'))
    result = run_build(small_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    line = line_of(page.read_text(encoding="utf-8"), "get-cards")
    assert f"content/fr/inscription.md:{line}: step(): unknown step 'get-cards' (did you mean 'get-card'?)" in output


def test_a_step_shown_on_no_page_fails_clearly(small_copy, tmp_path):
    page = small_copy / "content" / "en" / "inscription.md"
    page.write_text(page.read_text(encoding="utf-8").replace('{{ step("get-card") }}', ""))
    result = run_build(small_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "step 'get-card' is shown in full on no page of content/en/" in output


def test_a_page_without_a_twin_in_the_other_language_fails_clearly(small_copy, tmp_path):
    (small_copy / "content" / "en" / "glossaire.md").unlink()
    result = run_build(small_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "content/en/glossaire.md: missing, while content/fr/glossaire.md exists" in output
