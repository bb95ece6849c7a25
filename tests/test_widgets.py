"""Each widget, rendered without MkDocs from the examples in its folder (macros/<widget>/examples.yaml), with
the small guide of tests/fixtures/small-guide/: what a reader would see, in the page's language."""

from __future__ import annotations

import inspect
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from guide.project import Project
from macros.registry import widgets
from macros.widget import NoLinks, WidgetContext, WidgetInputError
from tests.support.small import load_small

EXAMPLES = [
    pytest.param(name, example, id=f"{name}: {example['title']}")
    for name, widget in widgets().items()
    for example in yaml.safe_load((widget.folder / "examples.yaml").read_text(encoding="utf-8"))
]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return load_small(tmp_path_factory.mktemp("small") / "project")


def visible_text(html: str) -> str:
    """The text a reader sees once the page's Markdown is made (as mkdocs.yml makes it): hidden parts left out."""
    page = markdown.markdown(html, extensions=["attr_list", "md_in_html", "tables"])
    soup = BeautifulSoup(page, "html.parser")
    for hidden in soup.select("[hidden]"):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_each_widget_shows_what_its_examples_say(small: Project, name: str, example: dict) -> None:
    context = WidgetContext(small, example["lang"], NoLinks())
    call = widgets()[name].function
    if "error" in example:
        with pytest.raises(WidgetInputError) as caught:
            call(context, **example.get("args", {}))
        assert example["error"] in str(caught.value)
        return
    text = visible_text(call(context, **example.get("args", {})))
    position = 0
    for wanted in example.get("shows", []):
        found = text.find(wanted, position)
        assert found >= 0, f"{wanted!r} missing after position {position} in: {text}"
        position = found + len(wanted)
    for unwanted in example.get("hides", []):
        assert unwanted not in text, f"{unwanted!r} shown in: {text}"


def test_every_widget_has_its_template_description_and_examples() -> None:
    for name, widget in widgets().items():
        folder: Path = widget.folder
        if "w.render(" in inspect.getsource(widget.function):  # route_title writes a Markdown title, no HTML
            assert (folder / f"{name}.html").is_file(), name
        assert widget.summary, f"{name}: its function needs a docstring saying what it shows"
        examples = yaml.safe_load((folder / "examples.yaml").read_text(encoding="utf-8"))
        assert examples, name
        params = inspect.signature(widget.function).parameters
        for example in examples:
            assert set(example.get("args", {})) <= set(params), (name, example["title"])


def test_a_widget_renders_markdown_without_blank_lines_so_the_html_block_stays_whole(small: Project) -> None:
    context = WidgetContext(small, "en", NoLinks())
    for name, widget in widgets().items():
        args = {"step_id": "register"} if name == "step" else {"profile": "far"} if name.startswith("route") else {}
        html = widget.function(context, **args)
        if name == "step":  # two steps would be separated by a blank line; one has none inside
            assert "\n\n" not in html.split("\n", 2)[2], name
        else:
            assert "\n\n" not in html, name
