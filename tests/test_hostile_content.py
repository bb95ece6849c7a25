"""Hostile files under content/: a page in another Markdown extension, a symbolic link, a script, an SVG that
runs or fetches, a logo path out of the repository. Each stops `make check` and the build with a located line
naming the file, runs nothing (the marker file a payload would create never appears) and leaves the site it
would replace as it was. The pages' own template engine is sandboxed as well."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError

from tests.test_hostile_input import SENTINEL
from web.pages import PAGES

MARKER = "hostile-marker"


def payload(root: Path) -> str:
    """Jinja that would create the marker file in `root` if a page were rendered unsandboxed."""
    return f"{{{{ cycler.__init__.__globals__.os.popen('touch {root / MARKER}').read() }}}}\n"


def write(rel: str, text: Callable[[Path], str] | str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text(root) if callable(text) else text, encoding="utf-8")

    return make


def link(rel: str, target: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / rel).symlink_to(target)

    return make


def logo(svg: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / "content" / "assets" / "valmont-logo.svg").write_text(svg, encoding="utf-8")

    return make


def outside(rel: str) -> Callable[[Path], None]:
    """The file moved out of the repository, a symbolic link left in its place: the build would read outside."""

    def make(root: Path) -> None:
        away = root.parent / "outside" / Path(rel).name
        away.parent.mkdir(exist_ok=True)
        (root / rel).rename(away)
        (root / rel).symlink_to(away)

    return make


def logo_path(path: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        university = root / "data" / "university.yaml"
        text = university.read_text(encoding="utf-8")
        assert "logo: assets/valmont-logo.svg" in text
        university.write_text(text.replace("logo: assets/valmont-logo.svg", f"logo: {path}"), encoding="utf-8")

    return make


def edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the case no longer applies: {old!r} is not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return make


def front_matter(rel: str, fields: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / rel
        path.write_text(f"---\n{fields}\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8")

    return make


REFRESH = "<meta http-equiv=refresh content=0;url=https://evil.example/>"
UNIVERSITY = "data/university.yaml"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'

# (what to make, the file each located line names, what it says)
CASES: dict[str, tuple[list[Callable[[Path], None]], list[str], str]] = {
    "markdown-extension-runs-code": (
        [write("content/fr/zzz.markdown", payload), write("content/en/zzz.markdown", payload)],
        ["content/en/zzz.markdown", "content/fr/zzz.markdown"],
        "not a page",
    ),
    "mdown-extension": ([write("content/fr/x.mdown", "# x\n")], ["content/fr/x.mdown"], "not a page"),
    "mkd-extension": ([write("content/en/x.mkd", "# x\n")], ["content/en/x.mkd"], "not a page"),
    "html-page": ([write("content/fr/x.html", "<meta http-equiv=refresh>")], ["content/fr/x.html"], "not a page"),
    "page-outside-language-folders": ([write("content/zzz.md", "# x\n")], ["content/zzz.md"], "outside the language"),
    "unknown-folder": ([write("content/extra/x.md", "# x\n")], ["content/extra"], "not a folder of the site"),
    "symlink-to-passwd": ([link("content/fr/passwd.md", "/etc/passwd")], ["content/fr/passwd.md"], "symbolic link"),
    "symlink-to-environ": (
        [link("content/assets/env.css", "/proc/self/environ")],
        ["content/assets/env.css"],
        "symbolic",
    ),
    "symlink-to-a-folder": ([link("content/assets/outside", "/etc")], ["content/assets/outside"], "symbolic link"),
    "contributor-script": ([write("content/assets/x.js", "alert(1)")], ["content/assets/x.js"], "a script"),
    "module-script": ([write("content/assets/x.mjs", "alert(1)")], ["content/assets/x.mjs"], "a script"),
    "svg-logo-with-script": (
        [logo(SVG.format("<script>alert(1)</script>"))],
        ["content/assets/valmont-logo.svg"],
        "<script",
    ),
    "svg-logo-with-handler": (
        [logo(SVG.format('<rect width="10" height="10" onload="alert(1)"/>'))],
        ["content/assets/valmont-logo.svg"],
        "onload",
    ),
    "svg-logo-fetching-a-picture": (
        [logo(SVG.format('<image href="https://evil.example/x.png" width="10" height="10"/>'))],
        ["content/assets/valmont-logo.svg"],
        "href",
    ),
    "svg-logo-with-entity": (
        [logo('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + SVG.format("<text>&x;</text>"))],
        ["content/assets/valmont-logo.svg"],
        "DOCTYPE",
    ),
    "logo-path-out-of-the-repository": (
        [
            write("../outside-logo.svg", SVG.format("<rect width='10' height='10'/>")),
            logo_path("assets/../../../outside-logo.svg"),
        ],
        ["data/university.yaml"],
        "logo",
    ),
    "raw-meta-refresh-in-a-page": (
        [edit("content/fr/aide.md", "\n\n", f"\n\n{REFRESH}\n\n")],
        ["content/fr/aide.md"],
        "<meta> element",
    ),
    "event-handler-on-an-allowed-element": (
        [edit("content/en/aide.md", "\n\n", '\n\n<span onmouseover="alert(1)">x</span>\n\n')],
        ["content/en/aide.md"],
        "attribute 'onmouseover'",
    ),
    "front-matter-title-breaks-out": (
        [front_matter("content/fr/aide.md", f"title: 'x</title>{REFRESH}'")],
        ["content/fr/aide.md"],
        "front matter field 'title'",
    ),
    "front-matter-author": (
        [front_matter("content/en/aide.md", f"author: '\"{REFRESH}'")],
        ["content/en/aide.md"],
        "front matter field 'author'",
    ),
    "front-matter-template": (
        [front_matter("content/en/aide.md", "template: ../../etc/passwd")],
        ["content/en/aide.md"],
        "front matter field 'template'",
    ),
    "front-matter-hide-number": ([front_matter("content/fr/aide.md", "hide: 5")], ["content/fr/aide.md"], "'hide'"),
    "front-matter-search-yes": (
        [front_matter("content/fr/aide.md", "search: yes")],
        ["content/fr/aide.md"],
        "front matter field 'search' takes",
    ),
    "front-matter-alias": (
        [front_matter("content/fr/aide.md", "search: &a {exclude: true}\nx: *a")],
        ["content/fr/aide.md"],
        "anchors, aliases or tags",
    ),
    "site-url-breaks-out": (
        [
            edit(
                UNIVERSITY,
                "site_url: https://guide.univ-valmont.example/sante/",
                f"site_url: 'https://guide.univ-valmont.example/sante/\">{REFRESH}/'",
            )
        ],
        [UNIVERSITY],
        "site_url",
    ),
    "backslash-before-an-allowed-host": (
        [
            edit(
                UNIVERSITY,
                "url: https://international.univ-valmont.example/accueil/",
                "url: 'https://evil.example\\@international.univ-valmont.example/'",
            )
        ],
        [UNIVERSITY],
        "which an address may not hold",
    ),
    "user-before-an-allowed-host": (
        [
            edit(
                UNIVERSITY,
                "url: https://international.univ-valmont.example/accueil/",
                "url: https://evil.example@international.univ-valmont.example/",
            )
        ],
        [UNIVERSITY],
        "names a user before its host",
    ),
    "look-alike-host-in-another-script": (
        [
            edit(
                UNIVERSITY,
                "url: https://international.univ-valmont.example/accueil/",
                "url: https://international.univ-vаlmont.example/accueil/",
            )
        ],
        [UNIVERSITY],
        "which an address may not hold",
    ),
    "bcc-in-an-email": (
        [
            edit(
                UNIVERSITY,
                "email: international@univ-valmont.example",
                "email: international@univ-valmont.example?bcc=x.example",
            )
        ],
        [UNIVERSITY],
        "email",
    ),
    "bidi-override-in-a-name": (
        [edit(UNIVERSITY, "en: University of Valmont", "en: University of \u202eValmont")],
        [UNIVERSITY],
        "U+202E",
    ),
    "form-feed-in-a-name": (
        [edit(UNIVERSITY, "en: University of Valmont-sur-Exemple\n", 'en: "University of \\fValmont-sur-Exemple"\n')],
        [UNIVERSITY],
        "U+000C",
    ),
    "merge-key": (
        [edit(UNIVERSITY, "short_name:\n", "short_name:\n  <<: {fr: X}\n")],
        [UNIVERSITY],
        "merge keys",
    ),
    "fullwidth-dot-in-a-host": (  # browsers read it as a plain dot: the host checked would not be the host visited
        [
            edit(
                UNIVERSITY,
                "url: https://international.univ-valmont.example/accueil/",
                "url: https://international.univ-valmont\uff0eexample/accueil/",
            )
        ],
        [UNIVERSITY],
        "which an address may not hold",
    ),
    "data-file-through-a-symlink": ([outside(UNIVERSITY)], [UNIVERSITY], "symbolic link"),
    "program-file": ([write("content/assets/run.sh", "id\n")], ["content/assets/run.sh"], "not a picture"),
}


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A command of the project's (`web check`, `tools.build …`), as `make` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=project, capture_output=True, text=True, timeout=300, env=env
    )


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_hostile_file_under_content_stops_check_and_build_naming_it(case, pristine, tmp_path):
    makes, files, expected = CASES[case]
    project = tmp_path / "project"
    shutil.copytree(pristine, project, symlinks=True)
    for make in makes:
        make(project)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(SENTINEL, encoding="utf-8")

    for result in (
        run(project, "web", "check"),
        run(project, "tools.build", "--project", str(project), "--out", str(site)),
    ):
        assert result.returncode != 0, result.stdout[-2000:]
        said = result.stderr + result.stdout
        assert "Traceback" not in said, said[-2000:]
        for file in files:
            located = re.compile(rf"{re.escape(file)}(:\d+)?: ")
            assert any(located.match(line) and expected in line for line in said.splitlines()), said[-2000:]
    assert not (project / MARKER).exists()
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == SENTINEL


def test_the_pages_template_engine_reaches_no_python_internals():
    with pytest.raises(SecurityError):
        PAGES.from_string("{{ cycler.__init__.__globals__.os.popen('id').read() }}").render(cycler=range)


def test_a_name_that_would_close_the_title_element_stays_text_in_every_title(pristine, tmp_path):
    """A situation's name ending in </title><meta …>: the route page's <title>, which the theme fills through
    `striptags` (turning &lt; back into <), holds it as text, and no page gets a refresh."""
    project = tmp_path / "project"
    shutil.copytree(pristine, project, symlinks=True)
    edit(
        "data/steps.yaml",
        "      en: Student from outside the EU, with a visa\n",
        f"      en: 'Student from outside the EU</title>{REFRESH}'\n",
    )(project)
    help_page = project / "content" / "en" / "aide.md"  # and a heading whose entities spell the same
    heading = next(line for line in help_page.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
    edit("content/en/aide.md", heading, heading + " &lt;/title&gt;" + REFRESH.replace("<", "&lt;"))(project)
    site = tmp_path / "site"
    build = run(project, "tools.build", "--project", str(project), "--out", str(site))
    assert build.returncode == 0, build.stderr[-2000:]
    for page in ("parcours/non-eu", "aide"):
        html = (site / "en" / page / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title and "&lt;/title&gt;&lt;meta" in title.group(1), title
    for page in site.rglob("*.html"):
        assert not re.search(r"<meta[^>]*http-equiv=[\"']?refresh", page.read_text(encoding="utf-8"), re.I), page


def test_markdown_that_shows_a_tag_as_text_is_not_taken_for_one():
    """\\<b\\> and `<script>` show the characters; a page may hold them. &lt;/title&gt; in a heading stays text in
    the title and the navigation (test_a_name_that_would_close_the_title_element_stays_text_in_every_title)."""
    from macros.pages import page_rule_problems

    assert page_rule_problems("# Help \\<b\\>bold\\</b\\> and `<script>` and &lt;/title&gt;\n") == []
    assert page_rule_problems("# Help \\\\<script>\n") == [
        (1, "a page may not hold a <script> element: write it in Markdown, or ask for a widget")
    ]
