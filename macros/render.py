"""Turn the model into page parts with Jinja, one template per widget (no MkDocs here)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from guide.linkstatus import LinkStatus
from guide.model import Guide, Text
from guide.ui import Labels
from handouts.catalogue import Handout, catalogue

TEMPLATES = Path(__file__).resolve().parent / "templates"


def make_environment() -> Environment:
    """The Jinja environment of the widgets: strict, HTML-escaped, tidy whitespace."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


@dataclass
class Widgets:
    """Renders the widgets of one language; `step_href` gives the link to a step."""

    guide: Guide
    labels: Labels
    lang: str
    step_href: Callable[[str], str]
    path_href: Callable[[str], str]
    env: Environment
    link_status: LinkStatus | None = None

    def _render(self, template: str, **context: object) -> Markup:
        def t(value: Text | str) -> str:
            """A model text in this language, or a label by name."""
            return value(self.lang) if isinstance(value, Text) else self.labels.get(value, self.lang)

        html = self.env.get_template(template).render(
            guide=self.guide,
            lang=self.lang,
            t=t,
            tl=self.labels.get,
            date=lambda d: self.labels.date(d, self.lang),
            step_href=self.step_href,
            path_href=self.path_href,
            **context,
        )
        # Blank lines would end Markdown's raw-HTML block; the widgets have none.
        return Markup("\n".join(line for line in html.splitlines() if line.strip()))

    def overview(self, profile: str | None = None) -> Markup:
        """Every phase and its steps, in order, each linking to the step in full."""
        groups = []
        for phase in self.guide.phases:
            steps = [s for s in self.guide.steps_in(phase) if profile is None or s.applies(profile)]
            if steps:
                groups.append((phase, steps))
        return self._render("overview.html", groups=groups)

    def step(self, step_id: str, profile: str | None = None, level: int = 2) -> Markup:
        """One step in full: tasks, documents, where, how long, help, sources."""
        return self._render(
            "step.html",
            step=self.guide.step(step_id),
            profile=self.guide.profile(profile) if profile else None,
            level=level,
        )

    def path(self, profile: str) -> Markup:
        """A profile's path: the steps that apply with their tasks, a line for each other step."""
        return self._render("path.html", profile=self.guide.profile(profile), level=2)

    def chooser(self) -> Markup:
        """The questions that lead a student to their path, and the list of paths."""
        rules = json.dumps([{"id": p.id, "answers": p.answers} for p in self.guide.profiles])
        return self._render("chooser.html", rules=rules)

    def handouts(self, href: Callable[[Handout], str]) -> Markup:
        """Links to the handouts in this language (the bilingual one in every language)."""
        items = [h for h in catalogue(self.guide) if self.lang in h.langs]
        return self._render("handouts.html", handouts=items, href=href)

    def documents(self, profile: str | None = None) -> Markup:
        """The documents to prepare, step by step, required ones first."""
        chosen = self.guide.profile(profile) if profile else None
        return self._render("documents.html", profile=chosen)

    def contacts(self) -> Markup:
        """A card per contact."""
        return self._render("contacts.html", contacts=self.guide.contacts)

    def glossary(self) -> Markup:
        """The French terms, sorted as the reader's language sorts them."""
        entries = sorted(self.guide.glossary, key=lambda g: g.term.casefold())
        return self._render("glossary.html", entries=entries)

    def sources(self) -> Markup:
        """Each source, then each step's sources with the date they were checked."""
        return self._render("sources.html", link_status=self.link_status)
