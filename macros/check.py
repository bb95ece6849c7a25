"""Check what the build would check in the pages, without building: so that `make check` passing means the
build will pass.

- every language has the same pages;
- each page's macro calls parse, name a widget, and render with their arguments in the page's language
  (unknown step or profile ids, a step shown on no page, a label missing from data/ui.yaml);
- every handout's page renders (its labels and format strings).
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, nodes

from guide.errors import Problem
from guide.paths import PATHS_FOLDER
from guide.project import Project
from guide.ui import UnknownLabel
from handouts.build import TEMPLATES as HANDOUT_TEMPLATES
from handouts.build import render_html
from handouts.catalogue import catalogue

from .pages import parity_problems, step_page, step_pages_with_local
from .render import WIDGETS, WidgetInputError, Widgets, make_environment

RENDER_ERRORS = (WidgetInputError, UnknownLabel, TypeError, KeyError, ValueError, IndexError, AttributeError)


ONLY_CALLS = 'a page may hold text and widget calls such as {{ step("carte-vitale") }}, nothing else in {{ }} or {% %}'


def _calls(source: str) -> list[tuple[int, str, list[object], dict[str, object]]]:
    """The widget calls of a page: (line, name, arguments, keyword arguments). Anything else that the
    template engine would run (an expression, a statement, an include) raises TemplateSyntaxError: pages
    come from translators too, and a page is text, not code."""
    found = []
    for output in Environment().parse(source).body:
        if not isinstance(output, nodes.Output):
            raise TemplateSyntaxError(ONLY_CALLS, output.lineno)
        for call in output.nodes:
            if isinstance(call, nodes.TemplateData):
                continue
            if not (isinstance(call, nodes.Call) and isinstance(call.node, nodes.Name)):
                raise TemplateSyntaxError(ONLY_CALLS, call.lineno)
            values = [*call.args, *(k.value for k in call.kwargs)]
            if call.dyn_args or call.dyn_kwargs or not all(isinstance(v, nodes.Const) for v in values):
                raise TemplateSyntaxError(f"the arguments of {call.node.name}() must be plain values", call.lineno)
            args = [a.as_const() for a in call.args]
            kwargs = {k.key: k.value.as_const() for k in call.kwargs}
            found.append((call.lineno, call.node.name, args, kwargs))
    return found


def page_problems(project: Project) -> list[Problem]:
    """Every problem the build would meet in the pages, one located line each."""
    docs = project.root / "content"
    problems = parity_problems(docs, project.languages, skip=PATHS_FOLDER)
    pages = step_pages_with_local(docs, project.languages, [(s.step.id, s.after) for s in project.university.steps])
    jinja = make_environment()
    for lang in project.languages:
        widgets = Widgets(
            project.guide,
            project.labels,
            lang,
            lambda step_id, lang=lang: step_page(pages, lang, step_id),
            lambda profile_id: profile_id,
            jinja,
            project.university,
        )
        for md in sorted((docs / lang).rglob("*.md")):
            name = f"content/{md.relative_to(docs).as_posix()}"
            if md.relative_to(docs / lang).parts[0] == PATHS_FOLDER:
                continue  # generated at build time
            problems += _check_page(md, name, widgets)
        for profile in project.guide.profiles:  # the generated path pages call these two
            problems += _render_call(widgets, f"{PATHS_FOLDER}/{profile.id} ({lang})", None, "path", [profile.id], {})
            problems += _render_call(
                widgets, f"{PATHS_FOLDER}/{profile.id} ({lang})", None, "path_title", [profile.id], {}
            )
    handout_templates = make_environment(HANDOUT_TEMPLATES)
    for handout in catalogue(project.guide):
        try:
            render_html(handout, project, handout_templates)
        except RENDER_ERRORS as exc:
            problems.append(Problem(f"handouts/{handout.filename}", None, "", _say(exc)))
    if any("unknown step" in p.message for p in problems):  # its page is then missing too: say it once
        problems = [p for p in problems if "is shown in full on no page" not in p.message]
    return _once(problems)


def _once(problems: list[Problem]) -> list[Problem]:
    """One line per mistake: a missing label, say, breaks every page that shows it; say it once."""
    first: dict[str, Problem] = {}
    count: dict[str, int] = {}
    for p in problems:
        key = p.message.split(": ", 1)[-1].split("; ", 1)[0]
        first.setdefault(key, p)
        count[key] = count.get(key, 0) + 1
    return [
        replace(p, message=p.message + (f" (and {count[k] - 1} other places)" if count[k] > 1 else ""))
        for k, p in first.items()
    ]


def _check_page(md: Path, name: str, widgets: Widgets) -> list[Problem]:
    try:
        source = md.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(name, None, "", f"cannot read the page: {exc}")]
    try:
        calls = _calls(source)
    except TemplateSyntaxError as exc:
        return [Problem(name, exc.lineno, "", f"template syntax error: {exc.message}")]
    problems = []
    for line, macro, args, kwargs in calls:
        if macro not in WIDGETS:
            close = difflib.get_close_matches(macro, WIDGETS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; the widgets are {', '.join(WIDGETS)}"
            problems.append(Problem(name, line, "", f"unknown widget '{macro}'{hint}"))
            continue
        problems += _render_call(widgets, name, line, macro, args, kwargs)
    return problems


def _render_call(
    widgets: Widgets, name: str, line: int | None, macro: str, args: list[object], kwargs: dict[str, object]
) -> list[Problem]:
    try:
        getattr(widgets, macro)(*args, **kwargs)
    except UnknownLabel as exc:  # the fix goes in data/ui.yaml
        where = f"{name}:{line}" if line else name
        return [Problem("data/ui.yaml", None, "labels", f"{_say(exc)}; {macro}() needs it ({where})")]
    except RENDER_ERRORS as exc:
        return [Problem(name, line, "", f"{macro}(): {_say(exc)}")]
    return []


def _say(exc: Exception) -> str:
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    return text.strip("'\"") if isinstance(exc, KeyError | UnknownLabel) else text
