"""A university forks the guide: its own file changes everything local, and upstream updates still merge."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from guide.errors import DataError
from tests.conftest import ROOT, copy_project, run_full_build
from tests.support.site import BuiltPage, fold
from tests.test_third_language import shout, translation_of
from web.config import project_at

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "other-university"
DEFAULT = yaml.safe_load((ROOT / "data" / "university.default.yaml").read_text())


def use_fixture_university(project: Path) -> Path:
    shutil.copy(FIXTURE / "university.yaml", project / "data" / "university.yaml")
    shutil.copy(FIXTURE / "valmont-logo.svg", project / "content" / "assets" / "valmont-logo.svg")
    return project


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory):
    project = use_fixture_university(copy_project(tmp_path_factory.mktemp("fork") / "project"))
    out = project.parent / "site"
    result = run_full_build(project, out, own_url=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, out


def every_text_of(site: Path) -> dict[str, str]:
    texts = {}
    for f in site.rglob("*"):
        if f.suffix in (".html", ".xml", ".json", ".css", ".js", ".txt"):
            texts[str(f.relative_to(site))] = f.read_text(encoding="utf-8", errors="replace")
        elif f.suffix == ".pdf":
            reader = PdfReader(f)
            texts[str(f.relative_to(site))] = " ".join(p.extract_text() for p in reader.pages) + str(reader.metadata)
    return texts


def test_another_university_leaves_no_trace_of_the_default_one(fork_site):
    _, site = fork_site
    default_strings = [v for key in ("name", "short_name") for v in DEFAULT[key].values()]
    for name, text in every_text_of(site).items():
        for value in default_strings:
            assert value not in text, f"{name} still says {value!r}"


def test_the_university_is_named_on_every_page_and_handout(fork_site):
    _, site = fork_site
    for name, text in every_text_of(site).items():
        if name.endswith(".pdf"):
            assert "UVE" in text, name
        elif name.endswith(".html") and "404" not in name:
            assert "Valmont-sur-Exemple" in text, name


def test_the_local_step_tips_sessions_desk_and_cpam_show_in_both_languages(fork_site):
    project, site = fork_site
    guide = project_at(project).guide
    local = guide.step("valmont-welcome")
    assert [s.id for s in guide.steps].index("valmont-welcome") == [s.id for s in guide.steps].index(
        "register-online"
    ) + 1
    for lang, prefix in (("fr", ""), ("en", "en/")):
        registration = BuiltPage(site, site / prefix / "inscription" / "index.html").text
        assert fold(local.title(lang)) in registration
        home = (site / prefix / "index.html").read_text()
        assert "valmont-printer" in home
        help_page = (site / prefix / "aide" / "index.html").read_text()
        assert "international@univ-valmont.example" in help_page and "Valmont" in help_page
        assert ("Amphithéâtre Nord" if lang == "fr" else "North lecture hall") in help_page
        path_page = (site / prefix / "parcours" / "non-eu" / "index.html").read_text()
        assert 'data-task="valmont-welcome.visit"' in path_page


def test_the_local_step_is_in_the_handouts(fork_site):
    project, site = fork_site
    local = project_at(project).guide.step("valmont-welcome")
    for lang in ("fr", "en"):
        for pdf in (f"guide-{lang}.pdf", f"checklist-non-eu-{lang}.pdf"):
            text = " ".join((p.extract_text() or "") for p in PdfReader(site / "handouts" / pdf).pages)
            assert fold(local.title(lang)) in fold(text), pdf
        checklist = " ".join(
            (p.extract_text() or "") for p in PdfReader(site / "handouts" / f"checklist-eu-ehic-{lang}.pdf").pages
        )
        assert fold(local.title(lang)) in fold(checklist)  # shown as a skipped step, with its reason


def test_the_site_uses_the_universitys_colours_logo_and_address(fork_site):
    _, site = fork_site
    css = (site / "assets" / "university.css").read_text()
    assert "#7b1f1f" in css and "#5b2a86" in css
    assert (site / "assets" / "valmont-logo.svg").is_file()
    assert 'href="https://guide.univ-valmont.example/sante/en/' in (site / "en" / "index.html").read_text()


def broken(project: Path, old: str, new: str) -> list[str]:
    path = project / "data" / "university.yaml"
    text = (FIXTURE / "university.yaml").read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(DataError) as caught:
        project_at(project)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("short_name:\n  fr: UVE\n  en: UVE\n", "", "data/university.yaml:5: missing required field: short_name"),
        ("email: international@univ-valmont.example", "email: international@", "desk.email: 'international@' is not"),
        (
            "site_url: https://guide.univ-valmont.example/sante/",
            "site_url: guide.univ-valmont.example",
            "site_url: 'guide.univ-valmont.example' should be a full https address ending with /",
        ),
        (
            "site_url: https://guide.univ-valmont.example/sante/",
            "site_url: http://guide.univ-valmont.example/sante/",
            "data/university.yaml:11: site_url: 'http://guide.univ-valmont.example/sante/' should be a full https",
        ),
        (
            "{document: enrolment-certificate, required: true}",
            "{document: enrolment-certificat, required: true}",
            "steps[0].documents[0].document: unknown document 'enrolment-certificat' "
            "(did you mean 'enrolment-certificate'?)",
        ),
        ("        en: Visit the Valmont welcome desk\n", "", "steps[0].step.title: missing the 'en' text"),
        ('primary: "#7b1f1f"', 'primary: "#f0c0c0"', "colors.primary: #f0c0c0 is too light"),
        (
            "url: https://international.univ-valmont.example/accueil/",
            "url: http://international.univ-valmont.example/",
            "links[0].url: 'http://international.univ-valmont.example/' must start with https://",
        ),
        (
            "contacts: [university-desk]",
            "contacts: [univesity-desk]",
            "unknown contact 'univesity-desk' (did you mean 'university-desk'?)",
        ),
    ],
)
def test_a_broken_university_file_names_the_field(project_copy, old, new, expected):
    project = use_fixture_university(project_copy())
    problems = broken(project, old, new)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("data/university.yaml:") for p in problems), problems


TWO_SESSIONS = """sessions:
  - date: "2027-09-31"
    place: {fr: Amphi A, en: Hall A}
    description: {fr: Accueil, en: Welcome}
  - date: "2027-09-07"
    place: {fr: Amphi B, en: Hall B}
    description: {fr: Accueil, en: Welcome}
"""


def with_two_sessions(text: str) -> str:
    return text[: text.index("sessions:\n")] + TWO_SESSIONS + text[text.index("tips:\n") :]


def replaced(old: str, new: str):
    return lambda text: text.replace(old, new, 1)


@pytest.mark.parametrize(
    "change,expected",
    [
        # a date that does not exist, beside another session: one line, no traceback
        (with_two_sessions, "data/university.yaml:63: sessions[0].date: '2027-09-31' is not a real date"),
        # a text with ": " and no quotes
        (
            replaced("    fr: Amphithéâtre Nord\n", "    fr: Amphithéâtre : Nord\n"),
            "data/university.yaml:66: YAML syntax error (mapping values are not allowed",  # then the hint
        ),
        # a line indented one space too far
        (
            replaced("  email: international@", "   email: international@"),
            "data/university.yaml:50: YAML syntax error",
        ),
        # a misspelled top-level field: reported at its own line, once
        (
            replaced("short_name:\n", "shortname:\n"),
            "data/university.yaml:8: shortname: unknown field 'shortname' (did you mean 'short_name'?)",
        ),
        # a misspelled field inside the desk
        (
            replaced("  hours:\n    fr: du lundi", "  houres:\n    fr: du lundi"),
            "data/university.yaml:47: desk.houres: unknown field 'houres' (did you mean 'hours'?)",
        ),
        # a tab
        (replaced("  primary: ", "\tprimary: "), "a tab is used for indentation: indent with spaces only"),
    ],
    ids=["impossible-date", "colon-in-text", "indentation", "top-level-typo", "nested-typo", "tab"],
)
def test_one_mistake_in_the_university_file_gives_one_plain_line(project_copy, change, expected):
    project = use_fixture_university(project_copy())
    path = project / "data" / "university.yaml"
    path.write_text(change((FIXTURE / "university.yaml").read_text()))
    result = subprocess.run(
        [sys.executable, "-m", "web", "check", "--project", str(project)], capture_output=True, text=True
    )
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert len(lines) == 2 and lines[-1] == "1 problem found; nothing was built.", lines
    assert expected in lines[0], lines


def test_a_past_session_is_reported_and_no_longer_shown(project_copy):
    project = use_fixture_university(project_copy())
    path = project / "data" / "university.yaml"
    path.write_text((FIXTURE / "university.yaml").read_text().replace('"2027-09-07"', '"2020-09-07"', 1))
    result = subprocess.run(
        [sys.executable, "-m", "web", "check", "--project", str(project)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Note: data/university.yaml:" in result.stdout and "sessions[0].date: 2020-09-07 is past" in result.stdout
    assert project_at(project).university.sessions == ()


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "HOME": str(repo),
            "PATH": "/usr/bin:/bin",
        },
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_fork_with_its_university_and_a_third_language_merges_upstream_changes_without_conflict(tmp_path):
    """Upstream changes its defaults, the schema, the facts and the pages; the fork has its own university
    file, logo, translation file and pages. Every file is one side's only, so git merges with no conflict."""
    repo = copy_project(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "upstream")
    git(repo, "checkout", "-qb", "fork")
    use_fixture_university(repo)
    translation = repo / "data" / "translations" / "es.yaml"
    translation.parent.mkdir()
    translation.write_text(yaml.safe_dump(translation_of(repo), allow_unicode=True, sort_keys=False), encoding="utf-8")
    for page in (repo / "content" / "en").glob("*.md"):
        (repo / "content" / "es").mkdir(exist_ok=True)
        (repo / "content" / "es" / page.name).write_text(shout(page.read_text(encoding="utf-8")), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "fork: our university and Spanish")
    fork_files = set(git(repo, "diff", "--name-only", "main", "fork").split())

    git(repo, "checkout", "-q", "main")
    edits = {
        # the defaults: a comment, a colour and a new optional field
        "data/university.default.yaml": [
            ("# Upstream's own edition", "# Upstream's own edition (revised)"),
            ('primary: "#283593"', 'primary: "#1a237e"'),
            ("hosting:\n", "support_note:\n  fr: Une note\n  en: A note\nhosting:\n"),
        ],
        # the schema: that new optional field
        "data/university.schema.json": [
            (
                '"properties": {\n    "name"',
                '"properties": {\n    "support_note": {"$ref": "#/definitions/text"},\n    "name"',
            ),
        ],
        # the facts
        "data/steps.yaml": [("en: Apply for your carte Vitale\n", "en: Ask for your carte Vitale\n")],
        # the pages
        "content/fr/aide.md": [
            (
                "\n",
                "\n\n",
            )
        ],
        "content/en/aide.md": [("\n", "\n\n")],
        "mkdocs.yml": [("nav:\n", "# the pages, in order\nnav:\n")],
    }
    for name, changes in edits.items():
        path = repo / name
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text, (name, old)
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "upstream: defaults, schema, facts and pages change")
    assert not fork_files & set(edits), fork_files & set(edits)

    git(repo, "checkout", "-q", "fork")
    git(repo, "merge", "-q", "--no-edit", "main")  # a conflict fails the test here
    assert git(repo, "status", "--porcelain") == ""
    # The merged copy is checked with its own code and schemas, as the fork's CI would.
    check = subprocess.run(
        [sys.executable, "-m", "web", "check"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert "in fr, en, es." in check.stdout
    assert "steps:steps/carte-vitale/title: the en text changed since it was translated" in check.stdout
    merged = {name: (repo / name).read_text(encoding="utf-8") for name in ("data/university.yaml", "data/steps.yaml")}
    assert "Université de Valmont-sur-Exemple" in merged["data/university.yaml"]
    assert "en: Ask for your carte Vitale" in merged["data/steps.yaml"]


def test_the_example_file_is_valid_and_check_points_at_what_still_describes_the_example(project_copy):
    project = project_copy()
    shutil.copy(project / "data" / "university.example.yaml", project / "data" / "university.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "web", "check", "--project", str(project)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "still describe the fictional University of Valmont of the example" in result.stdout
    assert project_at(project).university.name("en") == "University of Valmont-sur-Exemple"
