"""What the pages ask for: their widget calls, parsed as the template engine reads them, and which page of a
language shows each step in full (no MkDocs here: the web layer hands over the pages it has)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jinja2 import Environment, TemplateSyntaxError, nodes

from guide.university import University

ONLY_CALLS = 'a page may hold text and widget calls such as {{ step("carte-vitale") }}, nothing else in {{ }} or {% %}'
_PARSER = Environment()  # parses only: pages are never rendered by it


@dataclass(frozen=True)
class Call:
    line: int
    name: str
    args: tuple[object, ...]
    kwargs: dict[str, object]


def widget_calls(source: str) -> list[Call]:
    """The widget calls of a page, in order. Anything else that the template engine would run (an expression,
    a statement, an include) raises TemplateSyntaxError: pages come from translators too, and a page is text,
    not code."""
    found = []
    for output in _PARSER.parse(source).body:
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
            args = tuple(a.as_const() for a in call.args)
            kwargs = {k.key: k.value.as_const() for k in call.kwargs}
            found.append(Call(call.lineno, call.node.name, args, kwargs))
    return found


def step_pages(pages: Iterable[tuple[str, str]], university: University) -> dict[str, str]:
    """Step id -> the page (of those given, as (name, source)) that shows it in full: the first that calls
    step() for it. A university's step is on the page of the step it follows. Pages that do not parse are left
    to the check, which reports them."""
    found: dict[str, str] = {}
    for name, source in pages:
        try:
            calls = widget_calls(source)
        except TemplateSyntaxError:
            continue
        for call in calls:
            step_id = call.args[0] if call.args else call.kwargs.get("step_id")
            if call.name == "step" and isinstance(step_id, str):
                found.setdefault(step_id, name)
    for local in university.steps:
        if local.after in found:
            found[local.step.id] = found[local.after]
    return found
