"""What the pages ask for: their widget calls, parsed as the template engine reads them, and which page of a
language shows each step in full (no MkDocs here: the web layer hands over the pages it has)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import yaml
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


# What a page may hold besides text and widget calls. Front matter: these fields only, with these values (the
# theme writes others into the page as they are). Raw HTML: these inert elements with these attributes only
# (no script, meta, link, base, iframe, form, no event handler or address); links are written in Markdown.
FRONT_MATTER = {"search": {"exclude": bool}}
ELEMENTS = frozenset(
    {
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "s",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    }
)
ATTRIBUTES = frozenset({"class", "id", "lang", "dir", "title", "open", "markdown", "colspan", "rowspan"})
_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]*`", re.M | re.S)
_ESCAPED = re.compile(r"(?<!\\)\\<")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w:-]*)([^>]*)>|<!(?!--)|<\?")
_ATTR = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def page_rule_problems(source: str) -> list[tuple[int, str]]:
    """(line, what is wrong) for each front-matter field and raw HTML tag a page may not hold."""
    problems: list[tuple[int, str]] = []
    body, offset = source, 0
    if source.startswith("---\n") and (end := source.find("\n---", 4)) != -1:
        problems += _front_matter_problems(source[4:end])
        offset = source[: end + 4].count("\n")
        body = source[end + 4 :]
    visible = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)  # code shows tags as text
    visible = _ESCAPED.sub("  ", visible)  # so does Markdown's \<
    for tag in _TAG.finditer(visible):
        line = offset + visible[: tag.start()].count("\n") + 1
        name = (tag.group(2) or "").lower()
        if not name:
            problems.append((line, "a page may not hold a declaration or a processing instruction (<! or <?)"))
        elif name not in ELEMENTS:
            problems.append(
                (line, f"a page may not hold a <{name}> element: write it in Markdown, or ask for a widget")
            )
        else:
            for attr in _ATTR.finditer(tag.group(3) or ""):
                if attr.group(1).lower() not in ATTRIBUTES:
                    problems.append((line, f"a page may not give <{name}> the attribute '{attr.group(1)}'"))
    return problems


def _front_matter_problems(text: str) -> list[tuple[int, str]]:
    """The front matter's fields and values, against FRONT_MATTER (its YAML read without aliases or tags)."""
    try:
        tokens = list(yaml.scan(text))
        if any(isinstance(t, yaml.AliasToken | yaml.AnchorToken | yaml.TagToken) for t in tokens):
            return [(2, "front matter may not use anchors, aliases or tags (& * !)")]
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [(2 + (mark.line if mark else 0), f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}")]
    if data is None:
        return []
    if not isinstance(data, dict):
        return [(2, "front matter must be a list of fields, like search: {exclude: true}")]
    problems = []
    for key, value in data.items():
        line = 2 + next((i for i, row in enumerate(text.splitlines()) if row.startswith(f"{key}:")), 0)
        shape = FRONT_MATTER.get(key) if isinstance(key, str) else None
        if shape is None:
            known = ", ".join(FRONT_MATTER)
            problems.append((line, f"front matter field '{key}' is not one a page may set (only: {known})"))
        elif not isinstance(value, dict) or any(k not in shape or type(v) is not shape[k] for k, v in value.items()):
            wanted = ", ".join(f"{k}: {t.__name__}" for k, t in shape.items())
            problems.append((line, f"front matter field '{key}' takes {{{wanted}}}"))
    return problems
