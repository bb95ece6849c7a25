"""Broken and hostile data files and pages: the build stops with one located line, no traceback, and the
site it would replace is left as it was.

Each case changes one thing in a copy of the project (its data files, the fictional university's file or
a page), runs the whole build as `make build` does, and checks the answer.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable

import pytest

SENTINEL = "the site as it was before the build"


def sub(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert old in text, f"the case no longer applies: {old!r} is not in the file"
        return text.replace(old, new, count)

    return change


def append(more: str) -> Callable[[str], str]:
    return lambda text: text + more


def nested(depth: int) -> Callable[[str], str]:
    return lambda text: text + "deep: " + "[" * depth + "]" * depth + "\n"


ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n" for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
).replace("b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", 'a: &a ["lol"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]')

# (file, change, what the one line must say). `file` is relative to the project.
CASES = {
    # YAML syntax and encoding
    "tab-indent": ("data/steps.yaml", sub("\n  - id: etudiant-etranger\n", "\n\t- id: etudiant-etranger\n"), "a tab"),
    "colon-in-text": (
        "data/steps.yaml",
        sub("en: Apply for your carte Vitale\n", "en: Apply: now for your carte Vitale\n"),
        "a text containing ': ' needs quotes",
    ),
    "not-utf8": ("data/ui.yaml", lambda text: text.replace("Téléphone", "T\udce9l\udce9phone"), "not UTF-8"),
    "empty-file": ("data/ui.yaml", lambda text: "# nothing\n", "the file is empty"),
    "bad-indent-university": ("data/university.yaml", sub("  email: inter", "   email: inter"), "YAML syntax error"),
    "unclosed-quote": ("data/ui.yaml", sub('fr: "{day} {month} {year}"', 'fr: "{day} {month} {year}'), "YAML syntax"),
    "duplicate-key": ("data/university.yaml", sub("short_name:\n", "name: x\nshort_name:\n"), "duplicate key"),
    # aliases, depth, size
    "alias-bomb": ("data/steps.yaml", append(ALIAS_BOMB), "aliases (&name, *name) are not allowed"),
    "recursive-alias": ("data/ui.yaml", append("loop: &a [*a]\n"), "aliases (&name, *name) are not allowed"),
    "deep-brackets": ("data/ui.yaml", nested(10_000), "nested more than"),
    "deep-but-finite": ("data/steps.yaml", nested(60), "nested more than 50 levels deep"),
    "huge-text": (
        "data/steps.yaml",
        sub("en: Apply for your carte Vitale\n", "en: " + "x" * 1_000_000 + "\n"),
        "characters long, more than the 1000 allowed",
    ),
    "huge-file": ("data/ui.yaml", append("# " + "x" * 2_100_000 + "\n"), "bytes, more than the 2,000,000 allowed"),
    # types
    "text-is-a-number": (
        "data/steps.yaml",
        sub(
            "    title:\n      fr: Demandez votre carte Vitale\n      en: Apply for your carte Vitale\n",
            "    title: 12\n",
        ),
        "title: expected object",
    ),
    "list-is-a-string": (
        "data/university.yaml",
        sub("applies_to: [non-eu, eu-no-ehic, overseas, french-abroad, under-16]", "applies_to: non-eu"),
        "expected array",
    ),
    "not-a-colour": (
        "data/university.yaml",
        sub('primary: "#7b1f1f"', "primary: red"),
        "colors.primary: 'red' is not in the expected form",
    ),
    "eleven-months": ("data/ui.yaml", sub(", décembre]", "]"), "months.fr: has 11 entries; it needs at least 12"),
    "unknown-top-field": (
        "data/university.yaml",
        sub("short_name:\n", "shortname:\n"),
        "unknown field 'shortname' (did you mean 'short_name'?)",
    ),
    # references
    "unknown-contact": (
        "data/steps.yaml",
        sub("contacts: [phone-3646, phone-english, forum]", "contacts: [phone-3646, phone-englsh, forum]"),
        "unknown contact 'phone-englsh' (did you mean 'phone-english'?)",
    ),
    "unknown-link": (
        "data/university.yaml",
        sub("links: [valmont-desk-page]", "links: [valmont-desk-pag]"),
        "unknown link 'valmont-desk-pag'",
    ),
    "unknown-phase": ("data/university.yaml", sub("phase: register", "phase: registr"), "unknown phase 'registr'"),
    "unknown-document": (
        "data/university.yaml",
        sub("{document: enrolment-certificate,", "{document: enrolment-certif,"),
        "unknown document 'enrolment-certif'",
    ),
    "unknown-after": (
        "data/university.yaml",
        sub("after: register-online", "after: register-onlin"),
        "unknown step 'register-onlin'",
    ),
    "step-id-taken": (
        "data/university.yaml",
        lambda text: text.replace("id: valmont-welcome", "id: carte-vitale"),
        "step id 'carte-vitale' is already used",
    ),
    # addresses
    "javascript-url": (
        "data/university.yaml",
        sub("url: https://international.univ-valmont.example/accueil/", "url: javascript:alert(1)"),
        "must start with https://",
    ),
    "broken-host": (
        "data/university.yaml",
        sub("url: https://international.univ-valmont.example/accueil/", "url: https://[international/"),
        "is not a valid address",
    ),
    "host-not-allowed": (
        "data/university.yaml",
        sub("url: https://international.univ-valmont.example/accueil/", "url: https://evil.example/"),
        "host 'evil.example' is not in allowed_hosts",
    ),
    "http-site-url": (
        "data/university.yaml",
        sub(
            "site_url: https://guide.univ-valmont.example/sante/", "site_url: http://guide.univ-valmont.example/sante/"
        ),
        "should be a full https address",
    ),
    "space-in-url": (
        "data/university.yaml",
        sub(
            "url: https://international.univ-valmont.example/accueil/",
            "url: https://international.univ-valmont.example/a b/",
        ),
        "contains a space",
    ),
    # dates
    "impossible-date": (
        "data/university.yaml",
        sub('checked: "2026-11-20"', 'checked: "2026-02-30"'),
        "'2026-02-30' is not a real date",
    ),
    "future-check": (
        "data/university.yaml",
        sub('checked: "2026-11-20"', 'checked: "2999-01-01"'),
        "'2999-01-01' is in the future",
    ),
    "impossible-session": (
        "data/university.yaml",
        sub('date: "2027-09-07"', 'date: "2027-09-31"'),
        "'2027-09-31' is not a real date",
    ),
    # labels and format strings
    "label-missing-language": (
        "data/ui.yaml",
        sub("  phone: {fr: Téléphone, en: Phone}", "  phone: {fr: Téléphone}"),
        "labels.phone: missing the 'en' text",
    ),
    "label-removed": (
        "data/ui.yaml",
        sub("  phone: {fr: Téléphone, en: Phone}\n", ""),
        "label 'phone' is not defined in data/ui.yaml",
    ),
    "wrong-placeholder": (
        "data/ui.yaml",
        sub('en: "Your path: {name}"', 'en: "Your path: {nom}"'),
        "uses {nom}; it should use {name}",
    ),
    "unclosed-placeholder": (
        "data/ui.yaml",
        sub('en: "Your path: {name}"', 'en: "Your path: {name"'),
        "the braces are not well formed",
    ),
    "template-in-label": (
        "data/ui.yaml",
        sub('en: "Your path: {name}"', 'en: "{% raw %}Your path: {name}"'),
        "the braces are not well formed",
    ),
    "date-format-field": (
        "data/ui.yaml",
        sub('en: "{day} {month} {year}"', 'en: "{day} {mois} {year}"'),
        "should use {day}, {month}, {year}",
    ),
    # pages
    "unknown-widget": (
        "content/fr/glossaire.md",
        sub("{{ glossary() }}", "{{ glossry() }}"),
        "unknown widget 'glossry' (did you mean 'glossary'?)",
    ),
    "unclosed-call": (
        "content/en/glossaire.md",
        sub("{{ glossary() }}", '{{ step("carte-vitale" }}'),
        "template syntax error",
    ),
    "unknown-step-in-page": (
        "content/fr/carte-vitale.md",
        sub('{{ step("carte-vitale") }}', '{{ step("carte-vital") }}'),
        "unknown step 'carte-vital' (did you mean 'carte-vitale'?)",
    ),
    "unknown-profile-in-page": (
        "content/en/documents.md",
        sub("{{ documents() }}", '{{ documents("nobody") }}'),
        "unknown profile 'nobody'",
    ),
    "missing-argument": ("content/en/glossaire.md", sub("{{ glossary() }}", "{{ step() }}"), "step(): "),
    "expression-in-page": ("content/en/glossaire.md", append("\n{{ 7*7 }}\n"), "a page may hold text and widget calls"),
    "code-in-page": (
        "content/fr/aide.md",
        append("\n{{ cycler.__init__.__globals__.os.system('id') }}\n"),
        "a page may hold text and widget calls",
    ),
    "statement-in-page": (
        "content/fr/aide.md",
        append("\n{% include 'x' %}\n"),
        "a page may hold text and widget calls",
    ),
    "label-field-reaches-python": (
        "data/ui.yaml",
        sub('fr: "{day} {month} {year}"', 'fr: "{day.__class__.__mro__} {month} {year}"'),
        "is more than a name",
    ),
    "date-format-width-hangs": (
        "data/ui.yaml",
        sub('fr: "{day} {month} {year}"', 'fr: "{day:>300000000} {month} {year}"'),
        "is more than a name",
    ),
    "page-missing": ("content/en/aide.md", None, "content/en/aide.md: missing, while content/fr/aide.md exists"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_broken_or_hostile_input_stops_the_build_with_one_located_line(case, pristine, tmp_path):
    name, change, expected = CASES[case]
    project = tmp_path / "project"
    shutil.copytree(pristine, project)
    path = project / name
    if change is None:
        path.unlink()
    else:
        text = change(path.read_text(encoding="utf-8"))
        path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(SENTINEL, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "tools.build", "--project", str(project), "--out", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "1 problem found; nothing was built.", lines
    [problem] = lines[-2:-1]
    assert expected in problem, problem
    file = name if change is not None else "content/en/aide.md"
    assert re.match(rf"{re.escape(file)}(:\d+)?: ", problem), problem
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == SENTINEL
