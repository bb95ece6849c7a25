"""What a widget gets: the project, the page's language, and the links it may need (no MkDocs here).

A widget is a folder of macros/ holding a function of the folder's name (its parameters are the page's
arguments: `{{ step("carte-vitale") }}` calls `step(context, "carte-vitale")`), its template, and the
examples its unit test renders. macros/registry.py finds them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from markupsafe import Markup

from guide.model import Profile
from guide.project import Project
from render.context import markdown_block, render
from render.environment import register_templates

register_templates("widgets", Path(__file__).resolve().parent)  # a widget's template: widgets/<name>/<file>


class WidgetInputError(ValueError):
    """A page asked a widget for something the data does not have (an unknown step id, say)."""


class Links(Protocol):
    """Where things are, as links from the page being rendered (the web layer knows; a check may pretend)."""

    def step(self, step_id: str) -> str:
        """The page that shows the step in full, with the step's anchor; WidgetInputError if none does."""

    def route(self, profile_id: str) -> str:
        """The route page of a situation."""

    def file(self, site_path: str) -> str:
        """A file below the site root, like 'handouts/guide-fr.pdf'."""

    def alternate(self, lang: str) -> str | None:
        """This page in another language, if the site has it."""


class NoLinks:
    """Links for rendering outside a site (unit tests, checks): each says what it points to."""

    def step(self, step_id: str) -> str:
        return f"#{step_id}"

    def route(self, profile_id: str) -> str:
        return f"route:{profile_id}"

    def file(self, site_path: str) -> str:
        return site_path

    def alternate(self, lang: str) -> str | None:
        return f"{lang}:"


@dataclass(frozen=True)
class WidgetContext:
    """One page's widgets: in `lang`, with `links` from that page."""

    project: Project
    lang: str
    links: Links

    def render(self, template: str, **context: Any) -> Markup:
        """`template` (a file of the widget's folder, like 'step/step.html') with the shared context."""
        html = render(
            f"widgets/{template}",
            self.project,
            self.lang,
            step_href=self.links.step,
            route_href=self.links.route,
            **context,
        )
        return markdown_block(html)

    def known(self, kind: str, wanted: str, ids: list[str]) -> str:
        """`wanted` if it is one of `ids`; else WidgetInputError, with the likely intended id."""
        if wanted not in ids:
            close = difflib.get_close_matches(wanted, ids, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise WidgetInputError(f"unknown {kind} '{wanted}'{hint}")
        return wanted

    def profile(self, profile_id: str | None) -> Profile | None:
        """The situation a page names, checked; None when it names none."""
        if profile_id is None:
            return None
        guide = self.project.guide
        return guide.profile(self.known("profile", profile_id, [p.id for p in guide.profiles]))
