"""Check what the build would check in the pages, without building: so that `make check` passing means the
build will pass.

- every language has the same pages;
- each page's macro calls parse, name a widget, and render with their arguments in the page's language
  (unknown step or profile ids, a step shown on no page, a label missing from data/ui.yaml);
- every route page and every handout renders (their labels and format strings).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import TemplateSyntaxError

from guide.errors import Problem
from guide.project import Project
from guide.ui import UnknownLabel

from .pages import Call, page_rule_problems, step_pages, widget_calls
from .registry import widgets
from .widget import NoLinks, WidgetContext, WidgetInputError

RENDER_ERRORS = (WidgetInputError, UnknownLabel, TypeError, KeyError, ValueError, IndexError, AttributeError)


def not_shown(step_id: str, lang: str) -> WidgetInputError:
    return WidgetInputError(
        f"step '{step_id}' is shown in full on no page of content/{lang}/: add {{{{ step(\"{step_id}\") }}}} to one"
    )


@dataclass(frozen=True)
class CheckLinks(NoLinks):
    """Links as the build makes them, as far as a check can tell: a step must be on a page of the language."""

    pages: dict[str, str]
    lang: str

    def step(self, step_id: str) -> str:
        if step_id not in self.pages:
            raise not_shown(step_id, self.lang)
        return f"{self.pages[step_id]}#{step_id}"


def call_widget(context: WidgetContext, call: Call) -> str:
    """Run one widget call of a page."""
    return widgets()[call.name].function(context, *call.args, **call.kwargs)


def page_files(project: Project) -> dict[str, dict[str, Path]]:
    """For each language, page name (like 'inscription.md') -> its file in content/<lang>/."""
    docs = project.content
    return {
        lang: {md.relative_to(docs / lang).as_posix(): md for md in sorted((docs / lang).rglob("*.md"))}
        for lang in project.languages
    }


def page_problems(project: Project) -> list[Problem]:
    """Every problem the build would meet in the pages, one located line each."""
    files = page_files(project)
    problems = parity_problems(files)
    for lang in project.languages:
        sources: dict[str, str] = {}
        for name, md in files[lang].items():
            try:
                sources[name] = md.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(Problem(f"content/{lang}/{name}", None, "", f"cannot read the page: {exc}"))
        context = WidgetContext(project, lang, CheckLinks(step_pages(sources.items(), project.university), lang))
        for name, source in sources.items():
            problems += _check_page(f"content/{lang}/{name}", source, context)
        for profile in project.guide.profiles:  # the generated route pages call these two
            where = f"route of {profile.id} ({lang})"
            for widget in ("route", "route_title"):
                problems += _render_call(context, where, Call(0, widget, (profile.id,), {}))
    if any("unknown step" in p.message for p in problems):  # its page is then missing too: say it once
        problems = [p for p in problems if "is shown in full on no page" not in p.message]
    return _once(problems)


def parity_problems(files: dict[str, dict[str, Path]]) -> list[Problem]:
    """Pages that one language has and another lacks."""
    every = set().union(*(set(pages) for pages in files.values()))
    return [
        Problem(
            f"content/{lang}/{page}",
            None,
            "",
            f"missing, while content/{other}/{page} exists: every language needs the same pages",
        )
        for lang, pages in files.items()
        for page in sorted(every - set(pages))
        for other in [next(x for x in files if page in files[x])]
    ]


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


def _check_page(name: str, source: str, context: WidgetContext) -> list[Problem]:
    refused = [Problem(name, line, "", message) for line, message in page_rule_problems(source)]
    if refused:
        return refused
    try:
        calls = widget_calls(source)
    except TemplateSyntaxError as exc:
        return [Problem(name, exc.lineno, "", f"template syntax error: {exc.message}")]
    known = widgets()
    problems = []
    for call in calls:
        if call.name not in known:
            close = difflib.get_close_matches(call.name, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; the widgets are {', '.join(known)}"
            problems.append(Problem(name, call.line, "", f"unknown widget '{call.name}'{hint}"))
            continue
        problems += _render_call(context, name, call)
    return problems


def _render_call(context: WidgetContext, name: str, call: Call) -> list[Problem]:
    try:
        call_widget(context, call)
    except UnknownLabel as exc:  # the fix goes in data/ui.yaml
        where = f"{name}:{call.line}" if call.line else name
        return [Problem("data/ui.yaml", None, "labels", f"{_say(exc)}; {call.name}() needs it ({where})")]
    except RENDER_ERRORS as exc:
        return [Problem(name, call.line or None, "", f"{call.name}(): {_say(exc)}")]
    return []


def _say(exc: Exception) -> str:
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    return text.strip("'\"") if isinstance(exc, KeyError | UnknownLabel) else text
