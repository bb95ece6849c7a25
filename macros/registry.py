"""The widgets a page may call: every folder of macros/ that holds a function of its own name."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Widget:
    name: str
    function: Callable[..., Markup]  # (context, *page arguments) -> HTML for the page's Markdown
    folder: Path

    @property
    def summary(self) -> str:
        """The first line of the function's docstring: what the widget shows."""
        return (inspect.getdoc(self.function) or "").splitlines()[0]

    @property
    def signature(self) -> str:
        """How a page calls it, like 'step(step_id, profile=None, level=2)'."""
        params = list(inspect.signature(self.function).parameters.values())[1:]  # the first is the context
        return self.name + str(inspect.Signature([p.replace(annotation=p.empty) for p in params]))


@cache
def widgets() -> dict[str, Widget]:
    """Widget name -> widget, in alphabetical order."""
    found = {}
    for info in sorted(pkgutil.iter_modules([str(HERE)]), key=lambda i: i.name):
        if not info.ispkg:
            continue
        module = importlib.import_module(f"{__package__}.{info.name}")
        function = getattr(module, info.name, None)
        if callable(function):
            found[info.name] = Widget(info.name, function, HERE / info.name)
    return found
