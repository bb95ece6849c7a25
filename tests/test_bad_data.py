"""A broken data file stops everything with one clear line per problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide.__main__ import main as guide_cli
from guide.errors import DataError
from guide.loader import STEPS_FILE, load_guide
from tests.conftest import run_build

REAL = STEPS_FILE.read_text(encoding="utf-8")


def broken_copy(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    """steps.yaml with `old` replaced by `new` (which must be there)."""
    assert old in REAL, f"test is out of date: {old!r} is no longer in steps.yaml"
    path = tmp_path / "steps.yaml"
    path.write_text(REAL.replace(old, new, count), encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def problems_for(path: Path, languages) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_guide(languages, path, display_name="data/steps.yaml")
    return [str(p) for p in caught.value.problems]


def test_yaml_syntax_error_names_file_and_line(tmp_path, languages):
    path = broken_copy(tmp_path, "  - id: forum\n    url:", "  - id: forum\n    url: : :")
    [problem] = problems_for(path, languages)
    assert problem.startswith(f"data/steps.yaml:{line_of(path.read_text(), 'url: : :')}:")
    assert "YAML syntax error" in problem


def test_wrong_type_names_the_path(tmp_path, languages):
    path = broken_copy(tmp_path, "applies_to: [eu-ehic]", "applies_to: eu-ehic")
    [problem] = problems_for(path, languages)
    assert f":{line_of(path.read_text(), 'applies_to: eu-ehic')}: steps[0].applies_to: expected array" in problem


def test_missing_translation_names_the_text_and_language(tmp_path, languages):
    path = broken_copy(
        tmp_path,
        "      en: Register on etudiant-etranger.ameli.fr\n",
        "",
    )
    [problem] = problems_for(path, languages)
    assert re.search(r"data/steps.yaml:\d+: steps\[1\]\.title: missing the 'en' text", problem), problem


def test_text_in_an_undeclared_language_is_refused(tmp_path, languages):
    path = broken_copy(
        tmp_path,
        "      en: Register on etudiant-etranger.ameli.fr\n",
        "      en: Register on etudiant-etranger.ameli.fr\n      de: Anmelden\n",
    )
    [problem] = problems_for(path, languages)
    assert "steps[1].title.de: 'de' is not a language of the site" in problem


def test_duplicate_id_points_at_the_second_one(tmp_path, languages):
    path = broken_copy(tmp_path, "  - id: personal-area\n", "  - id: register-online\n")
    problems = problems_for(path, languages)
    assert any("steps[2].id: duplicate step id 'register-online' (first at steps[1])" in p for p in problems), problems


def test_unknown_reference_suggests_the_likely_id(tmp_path, languages):
    path = broken_copy(
        tmp_path, "contacts: [phone-3646, phone-english, forum]", "contacts: [phone-3646, phone-englsh, forum]"
    )
    [problem] = problems_for(path, languages)
    assert "unknown contact 'phone-englsh' (did you mean 'phone-english'?)" in problem
    assert f":{line_of(path.read_text(), 'phone-englsh')}:" in problem


def test_unknown_profile_in_a_document_is_refused(tmp_path, languages):
    path = broken_copy(tmp_path, "{step: keep-ehic, profiles: [eu-ehic]", "{step: keep-ehic, profiles: [eu-ehics]")
    [problem] = problems_for(path, languages)
    assert "documents[10].uses[0].profiles[0]: unknown profile 'eu-ehics' (did you mean 'eu-ehic'?)" in problem


def test_http_url_is_refused(tmp_path, languages):
    path = broken_copy(tmp_path, "url: https://forum-assures.ameli.fr/\n", "url: http://forum-assures.ameli.fr/\n")
    [problem] = problems_for(path, languages)
    assert "links[7].url: 'http://forum-assures.ameli.fr/' must start with https://" in problem


def test_url_on_an_unknown_host_is_refused(tmp_path, languages):
    path = broken_copy(tmp_path, "url: https://forum-assures.ameli.fr/\n", "url: https://forum.example.org/\n")
    [problem] = problems_for(path, languages)
    assert "host 'forum.example.org' is not in allowed_hosts" in problem


def test_impossible_date_is_refused(tmp_path, languages):
    path = broken_copy(tmp_path, 'checked: "2026-11-23"', 'checked: "2026-02-30"')
    [problem] = problems_for(path, languages)
    assert "'2026-02-30' is not a real date" in problem


def test_unknown_field_suggests_the_intended_one(tmp_path, languages):
    path = broken_copy(tmp_path, "    if_stuck:\n", "    if_stuk:\n")
    problems = problems_for(path, languages)
    assert any("unknown field 'if_stuk' (did you mean 'if_stuck'?)" in p for p in problems), problems


def test_duplicate_yaml_key_is_refused(tmp_path, languages):
    path = broken_copy(tmp_path, "    phase: register\n", "    phase: register\n    phase: number\n")
    [problem] = problems_for(path, languages)
    assert "steps[0].phase: duplicate key 'phase'" in problem


def test_check_command_reports_without_traceback(project_copy, capsys):
    project = project_copy()
    (project / "data" / "steps.yaml").write_text(REAL.replace('checked: "2026-11-23"', 'checked: "2026-13-01"', 1))
    assert guide_cli(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "steps[0].sources[0].checked: '2026-13-01' is not a real date" in err and "Traceback" not in err
    assert err.strip().endswith("1 problem found; nothing was built.")


def test_broken_data_fails_the_build_clearly_and_writes_no_site(project_copy, tmp_path):
    project = project_copy()
    steps = project / "data" / "steps.yaml"
    steps.write_text(REAL.replace("contacts: [phone-3646, forum]", "contacts: [phone-3646, forums]", 1))
    site = tmp_path / "out"
    result = run_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert re.search(
        r"data/steps.yaml:\d+: steps\[0\]\.contacts\[1\]: unknown contact 'forums' \(did you mean 'forum'\?\)", output
    ), output
    assert not (site / "index.html").exists()


def test_missing_label_translation_fails_the_build(project_copy, tmp_path):
    project = project_copy()
    ui = project / "data" / "ui.yaml"
    ui.write_text(ui.read_text().replace("  tasks: {fr: À faire, en: To do}", "  tasks: {fr: À faire}"))
    result = run_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "data/ui.yaml:10: labels.tasks: missing the 'en' text" in output


def test_a_page_asking_for_an_unknown_step_fails_clearly(project_copy, tmp_path):
    project = project_copy()
    page = project / "content" / "fr" / "carte-vitale.md"
    page.write_text(page.read_text().replace('step("carte-vitale")', 'step("carte-vital")'))
    result = run_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "content/fr/carte-vitale.md:6: step(): unknown step 'carte-vital' (did you mean 'carte-vitale'?)" in output


def test_a_page_without_a_twin_in_the_other_language_fails_clearly(project_copy, tmp_path):
    project = project_copy()
    (project / "content" / "en" / "glossaire.md").unlink()
    result = run_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "content/en/glossaire.md: missing, while content/fr/glossaire.md exists" in output
