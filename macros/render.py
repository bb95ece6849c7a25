"""Turn the model into page parts with Jinja, one template per widget (no MkDocs here)."""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from guide.model import Guide, Text
from guide.ui import Labels
from guide.university import University
from handouts.catalogue import Handout, catalogue

TEMPLATES = Path(__file__).resolve().parent / "templates"


class WidgetInputError(ValueError):
    """A page asked a widget for something the data does not have (an unknown step id, say)."""


def _known(kind: str, wanted: str, ids: list[str]) -> str:
    if wanted not in ids:
        close = difflib.get_close_matches(wanted, ids, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise WidgetInputError(f"unknown {kind} '{wanted}'{hint}")
    return wanted


# What HTML or Markdown (with attr_list and tables) could read as syntax in a text.
MARKDOWN_SPECIALS = frozenset("&<>\"'\\`*_{}[]()#+-.!|~:=")


def markdown_text(text: str) -> Markup:
    """A data text as it must be written where Markdown will read it (a heading, say): every character that
    HTML or Markdown could take as syntax (a tag, a link, emphasis, attributes) becomes a numeric character
    reference, which both leave alone and the browser shows as the character itself."""
    return Markup("".join(f"&#{ord(c)};" if c in MARKDOWN_SPECIALS else c for c in str(text)))


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order as a French or English reader expects it: accents and case count only to break
    ties (médecin before mutuelle, état before étude)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()
    return plain, text.casefold()


def short_url(url: str, limit: int = 40) -> str:
    """An address as paper prints it: host and path without the scheme, or only the host when that is long."""
    parts = urlsplit(url)
    whole = (parts.hostname or "") + parts.path.rstrip("/")
    return whole if len(whole) <= limit and not parts.query else parts.hostname or url


def make_environment(templates: Path = TEMPLATES) -> Environment:
    """A Jinja environment for our templates (widgets by default): strict, HTML-escaped, tidy whitespace;
    `| md` for a text that lands in Markdown rather than in HTML."""
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        extensions=["jinja2.ext.do"],
    )
    env.filters["md"] = markdown_text
    env.filters["host"] = lambda url: urlsplit(url).hostname or ""
    env.filters["short_url"] = short_url
    return env


# The widgets a page may call, each a method of Widgets of the same name: `{{ step("carte-vitale") }}`.
WIDGETS = (
    "overview",
    "step",
    "path",
    "path_title",
    "chooser",
    "handouts",
    "tips",
    "sessions",
    "privacy",
    "desk",
    "documents",
    "contacts",
    "glossary",
    "sources",
    "languages",
    "download",
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
    university: University | None = None
    handout_href: Callable[[Handout], str] = lambda handout: handout.filename
    storage_key: str = ""
    home_href: Callable[[str], str] = lambda lang: ""  # the home page in another language
    offline: bool = False  # rendering the offline copy
    download_href: str = ""  # the offline copy's zip

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

    def _profile(self, profile: str | None):
        if profile is None:
            return None
        return self.guide.profile(_known("profile", profile, [p.id for p in self.guide.profiles]))

    def overview(self, profile: str | None = None) -> Markup:
        """Every phase and its steps, in order, each linking to the step in full."""
        self._profile(profile)
        groups = []
        for phase in self.guide.phases:
            steps = [s for s in self.guide.steps_in(phase) if profile is None or s.applies(profile)]
            if steps:
                groups.append((phase, steps))
        return self._render("overview.html", groups=groups)

    def step(self, step_id: str, profile: str | None = None, level: int = 2) -> Markup:
        """One step in full (tasks, documents, where, how long, help, sources), then the local steps after it."""
        _known("step", step_id, [s.id for s in self.guide.steps])
        local = [ls.step.id for ls in self.university.steps if ls.after == step_id] if self.university else []
        return Markup("\n\n").join(
            self._render("step.html", step=self.guide.step(sid), profile=self._profile(profile), level=level)
            for sid in [step_id, *local]
        )

    def path(self, profile: str) -> Markup:
        """A profile's path: where the student is, the steps that apply with their tasks, then the steps that
        do not apply, grouped by the reason they do not."""
        chosen = self._profile(profile)
        steps = self.guide.steps_for(chosen.id)
        progress = [
            {"id": s.id, "tasks": [task.id for task in s.tasks_for(chosen.id)]} for s in steps
        ]
        skipped: dict[str, tuple[Text, list]] = {}
        for s in self.guide.steps:
            if not s.applies(chosen.id):
                reason = s.skip_reason(chosen)
                skipped.setdefault(reason(self.lang), (reason, []))[1].append(s)
        return self._render(
            "path.html",
            profile=chosen,
            level=2,
            progress_steps=json.dumps(progress, separators=(",", ":")),
            task_total=sum(len(p["tasks"]) for p in progress),
            skipped=list(skipped.values()),
            plural=lambda n: Locale.parse(self.lang).plural_form(n),
        )

    def path_title(self, profile: str) -> Markup:
        """A profile's path title, for the page's Markdown heading."""
        name = self._profile(profile).name(self.lang)
        return markdown_text(self.labels.get("path_title", self.lang).format(name=name))

    def chooser(self) -> Markup:
        """The questions that lead a student to their path, and the list of paths."""
        rules = json.dumps([{"id": p.id, "answers": p.answers} for p in self.guide.profiles])
        return self._render("chooser.html", rules=rules)

    def handouts(self) -> Markup:
        """Links to the handouts in this language (the bilingual one in every language)."""
        items = [h for h in catalogue(self.guide) if self.lang in h.langs]
        return self._render("handouts.html", handouts=items, href=self.handout_href)

    def tips(self) -> Markup:
        """The university's local tips (empty when there are none)."""
        return self._render("tips.html", tips=self.university.tips if self.university else ())

    def sessions(self) -> Markup:
        """The university's help sessions (empty when there are none)."""
        return self._render("sessions.html", sessions=self.university.sessions if self.university else ())

    def privacy(self) -> Markup:
        """What the site stores, under which key, and who hosts it."""
        return self._render("privacy.html", storage_key=self.storage_key, university=self.university)

    def desk(self) -> Markup:
        """The university's international desk (empty when it has none)."""
        desk = self.university.desk if self.university else None
        return self._render("desk.html", desk=desk, contacts=[desk] if desk else [])

    def documents(self, profile: str | None = None) -> Markup:
        """The documents to prepare, step by step, required ones first."""
        return self._render("documents.html", profile=self._profile(profile))

    def contacts(self) -> Markup:
        """A card per contact."""
        return self._render("contacts.html", contacts=self.guide.contacts)

    def glossary(self) -> Markup:
        """The French terms, sorted as the reader's language sorts them."""
        entries = sorted(self.guide.glossary, key=lambda g: sort_key(g.term))
        return self._render("glossary.html", entries=entries)

    def languages(self) -> Markup:
        """Links to this page in the site's other languages, each named in its own language."""
        others = [(lang, self.home_href(lang)) for lang in self.guide.languages if lang != self.lang]
        return self._render("languages.html", others=others)

    def download(self) -> Markup:
        """The link to the offline copy (nothing in the offline copy itself)."""
        return self._render("download.html", offline=self.offline, href=self.download_href)

    def sources(self) -> Markup:
        """Each source, then each step's sources with the date they were checked."""
        return self._render("sources.html")
