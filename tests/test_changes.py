"""What changed: read from a git history made here, commit by commit, in a copy of the small guide of
tests/fixtures/small-guide/; listed on the page and in the Atom feed, in each language, newest first."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from guide.changes import read_history
from guide.report import notes
from macros.changes import changes
from macros.widget import NoLinks, WidgetContext
from render.changes import atom_feed
from render.site import changes_feed
from tests.support.site import fold
from tests.support.small import LANGUAGES, small_project
from web.config import project_at

STEPS = Path("data") / "steps.yaml"
UNIVERSITY = Path("data") / "university.yaml"
SITE = "https://guide.example.org/"


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org")
    env.update(GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def edit(repo: Path, path: Path, old: str, new: str) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def commit(repo: Path, message: str, date: str) -> None:
    git(repo, "commit", "-qam", message, date=date)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small guide with a history: its first version, then three changes of fact a month apart (a task,
    a phone line's hours, a link's address) and a correction of wording marked as such."""
    root = small_project(tmp_path_factory.mktemp("history") / "guide")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    commit(root, "The small guide", "2026-01-05T10:00:00+01:00")  # where the record starts
    edit(root, STEPS, "en: Fill in the form.", "en: Fill in the online form.")
    edit(root, STEPS, "fr: Remplissez le formulaire.", "fr: Remplissez le formulaire en ligne.")
    commit(root, "Facts: the form is online", "2026-02-02T10:00:00+01:00")
    edit(root, STEPS, "      en: Monday to Friday\n", "      en: Monday to Thursday\n")
    edit(root, STEPS, "      fr: du lundi au vendredi\n", "      fr: du lundi au jeudi\n")
    commit(root, "Facts: the test line closes on Fridays", "2026-03-02T10:00:00+01:00")
    edit(root, STEPS, "url: https://help.example.org/students", "url: https://help.example.org/students/new")
    commit(root, "Facts: the help page moved", "2026-04-06T10:00:00+02:00")
    edit(root, STEPS, "en: Upload your documents.", "en: Upload your documents here.")
    commit(root, "Say where to upload\n\nWording-only: yes", "2026-05-04T10:00:00+02:00")
    return root


# What each commit changed, newest first: (date, kind, id, field, before and after in English).
EXPECTED = [
    (
        "2026-04-06",
        "link",
        "help-page",
        "url",
        "https://help.example.org/students",
        "https://help.example.org/students/new",
    ),
    ("2026-03-02", "contact", "test-line", "hours", "Monday to Friday", "Monday to Thursday"),
    ("2026-02-02", "task", "register.form", "text", "Fill in the form.", "Fill in the online form."),
]


def english(value):
    return value["en"] if isinstance(value, dict) else value


def test_the_record_lists_each_change_of_fact_newest_first_and_leaves_out_wording(repo):
    history = read_history(repo)
    assert history.unavailable is None
    found = [
        (c.date.date().isoformat(), ch.kind, ch.id, ch.field, english(ch.before), english(ch.after))
        for c in history.commits
        for ch in c.changes
    ]
    assert found == EXPECTED


def page_items(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [fold(li.get_text(" ")) for li in soup.select("ul.hig-changes li")]


def dates_of(html: str) -> list[str]:
    return [fold(h.get_text(" ")) for h in BeautifulSoup(html, "html.parser").select("section.hig-update h2")]


def test_the_page_says_each_change_before_and_after_in_its_language(repo):
    project = project_at(repo)
    for lang in LANGUAGES:
        html = changes(WidgetContext(project, lang, NoLinks()))
        items = page_items(html)
        assert len(items) == len(EXPECTED), items
        labels = project.labels
        assert dates_of(html) == [fold(labels.date(date.fromisoformat(e[0]), lang)) for e in EXPECTED]
        link, hours, task = items
        assert "https://help.example.org/students/new" in link and fold(labels.get("field_url", lang)) in link
        wanted = {"en": ("Monday to Friday", "Monday to Thursday"), "fr": ("du lundi au vendredi", "du lundi au jeudi")}
        assert all(fold(x) in hours for x in wanted[lang]), hours
        before, after = {
            "en": ("Fill in the form.", "Fill in the online form."),
            "fr": ("Remplissez le formulaire.", "Remplissez le formulaire en ligne."),
        }[lang]
        assert fold(labels.get("changes_before", lang)) + " " + fold(before) in task
        assert fold(labels.get("changes_after", lang)) + " " + fold(after) in task
        assert fold(project.guide.step("register").title(lang)) in task  # a task is named by its step
        assert "here" not in " ".join(items) and "Upload" not in " ".join(items)  # the wording-only commit


def test_the_feed_is_atom_with_an_entry_per_update_newest_first(repo):
    project = project_at(repo)
    for lang in LANGUAGES:
        feed_url = SITE + changes_feed(lang, LANGUAGES[0])
        xml = atom_feed(project, lang, read_history(repo), feed_url, SITE + "changements/")
        parsed = feedparser.parse(xml)
        assert not parsed.bozo, parsed.bozo_exception
        assert parsed.version == "atom10"
        assert parsed.feed.id == feed_url and parsed.feed.language == lang
        entries = parsed.entries
        assert [e.updated_parsed[:3] for e in entries] == [tuple(map(int, e[0].split("-"))) for e in EXPECTED]
        assert len({e.id for e in entries}) == len(EXPECTED)
        contents = [fold(BeautifulSoup(e.content[0].value, "html.parser").get_text(" ")) for e in entries]
        assert "https://help.example.org/students/new" in contents[0]
        assert fold({"en": "Monday to Thursday", "fr": "du lundi au jeudi"}[lang]) in contents[1]
        assert fold({"en": "Fill in the online form.", "fr": "Remplissez le formulaire en ligne."}[lang]) in contents[2]


def test_a_text_changed_in_another_language_only_is_not_a_change_for_this_reader(tmp_path):
    root = small_project(tmp_path / "guide")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    commit(root, "The small guide", "2026-01-05T10:00:00+01:00")
    edit(root, STEPS, "fr: Remplissez le formulaire.", "fr: Remplissez ce formulaire.")
    commit(root, "French: this form", "2026-02-02T10:00:00+01:00")
    history = read_history(root)
    [update] = history.commits
    assert update.shown_in("fr") and not update.shown_in("en")
    project = project_at(root)
    assert page_items(changes(WidgetContext(project, "en", NoLinks()))) == []
    assert len(page_items(changes(WidgetContext(project, "fr", NoLinks())))) == 1


def test_a_fork_lists_upstream_changes_and_its_own(repo, tmp_path):
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(repo), str(fork))
    (fork / UNIVERSITY).write_text(
        "name: {fr: Université d'essai, en: Test university}\nshort_name: {fr: UE, en: TU}\n"
        "desk:\n  name: {fr: Accueil, en: Welcome desk}\n  description: {fr: Aide, en: Help}\n"
        "  phone: 01 99 00 00 02\n",
        encoding="utf-8",
    )
    git(fork, "add", "-A")
    commit(fork, "Our university", "2026-06-01T10:00:00+02:00")
    edit(fork, UNIVERSITY, "phone: 01 99 00 00 02", "phone: 01 99 00 00 03")
    commit(fork, "Our desk's new number", "2026-07-01T10:00:00+02:00")
    history = read_history(fork)
    found = [(c.date.date().isoformat(), ch.kind, ch.id, ch.field) for c in history.commits for ch in c.changes]
    assert found[0] == ("2026-07-01", "contact", "university-desk", "phone")
    assert found[1:] == [e[:4] for e in EXPECTED]  # upstream's, below the fork's own


def test_without_git_history_the_page_says_the_record_is_unavailable(tmp_path):
    root = small_project(tmp_path / "exported")  # a copy: no .git
    project = project_at(root)
    assert read_history(root).unavailable == "no-git"
    for lang in LANGUAGES:
        text = fold(BeautifulSoup(changes(WidgetContext(project, lang, NoLinks())), "html.parser").get_text(" "))
        assert fold(project.labels.get("changes_unavailable_no_git", lang)) in text
        parsed = feedparser.parse(atom_feed(project, lang, project.history, SITE + "f.xml", SITE))
        assert not parsed.bozo and parsed.entries == []


def test_a_shallow_clone_says_its_record_is_incomplete(repo, tmp_path):
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow))
    assert read_history(shallow).unavailable == "shallow"


def test_the_built_site_has_the_page_and_a_feed_per_language_and_an_exported_copy_says_so(repo, tmp_path):
    site = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "record of changes is unavailable" not in result.stderr
    for lang in LANGUAGES:
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        html = (site / prefix / "changements" / "index.html").read_text(encoding="utf-8")
        assert len(page_items(html)) == len(EXPECTED)
        feed = feedparser.parse((site / changes_feed(lang, LANGUAGES[0])).read_bytes())
        assert not feed.bozo and len(feed.entries) == len(EXPECTED)
        assert feed.entries[0].link == f"{SITE}{prefix}changements/#{re.search(r'id=.(c-[0-9a-f]+)', html)[1]}"

    exported = tmp_path / "exported"  # the files as a download of the repository gives them, no history
    exported.mkdir()
    archive = subprocess.run(["git", "-C", str(repo), "archive", "HEAD"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(exported)], input=archive, check=True)
    copy = tmp_path / "exported-site"
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(copy)]
    result = subprocess.run(command, cwd=exported, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "the record of changes is unavailable" in result.stderr
    for lang in LANGUAGES:
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        page = BeautifulSoup((copy / prefix / "changements" / "index.html").read_text(encoding="utf-8"), "html.parser")
        unavailable = project_at(exported).labels.get("changes_unavailable_no_git", lang)
        assert fold(unavailable) in fold(page.get_text(" "))
        assert not page.select("ul.hig-changes li")


def test_a_past_version_that_cannot_be_read_is_left_out_and_said_and_the_feed_stays_valid(repo, tmp_path):
    """A past commit whose steps.yaml holds an alias bomb and another whose text holds a NUL: the record
    reads neither (no minutes at 2 GB, no invalid XML), keeps every other change and names each one left out."""
    root = tmp_path / "bad-past"
    git(tmp_path, "clone", "-q", repo.as_uri(), str(root))
    bomb = "".join(f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))
    steps = root / STEPS
    good = steps.read_text(encoding="utf-8")
    steps.write_text(good + 'a: &a ["lol"]\n' + bomb, encoding="utf-8")
    commit(root, "Facts: a bomb", "2026-06-01T10:00:00+02:00")
    steps.write_text(good.replace("en: Monday to Thursday\n", "en: Monday\x00 to Thursday\n"), encoding="utf-8")
    commit(root, "Facts: a NUL", "2026-06-02T10:00:00+02:00")
    steps.write_text(good, encoding="utf-8")
    commit(root, "Facts: back to good", "2026-06-03T10:00:00+02:00")
    history = read_history(root)
    assert [e[:4] for e in EXPECTED] == [
        (c.date.date().isoformat(), ch.kind, ch.id, ch.field) for c in history.commits for ch in c.changes
    ]
    said = "\n".join(history.skipped)
    assert len(history.skipped) == 2, said
    assert "data/steps.yaml as of commit" in said and "(2026-06-01)" in said and "aliases" in said
    assert "as of commit" in said and "(2026-06-02)" in said and "#x0000" in said
    project = project_at(root)
    assert sum("leaves out a past version it cannot read" in n for n in notes(project)) == 2
    for lang in LANGUAGES:
        parsed = feedparser.parse(atom_feed(project, lang, history, SITE + "f.xml", SITE))
        assert not parsed.bozo and len(parsed.entries) == len(EXPECTED)
