"""What every template gets, widget or handout: the model, the language, and how to say things in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from babel import Locale
from markupsafe import Markup

from guide.model import Text
from guide.project import Project

from . import journey
from .environment import environment


def say(project: Project, lang: str) -> Callable[[Text | str], str]:
    """`t`: a model text in `lang`, or a label of data/ui.yaml by name."""
    labels = project.labels
    return lambda value: value(lang) if isinstance(value, Text) else labels.get(value, lang)


def base_context(project: Project, lang: str) -> dict[str, Any]:
    """The names every template may use."""
    labels = project.labels
    t = say(project, lang)
    everyone = journey.places(project.guide.everyone())
    return {
        # a step's place: in the journey every registering student shares (`everyone`), or a situation's
        "everyone": everyone,
        "places": lambda profile_id: journey.places(project.guide.journey(profile_id)),
        "step_label": lambda placed: journey.label(placed, t),
        "step_heading": lambda placed, step: journey.heading(placed, step, t),
        "step_relation": lambda placed: journey.relation(placed, project.guide, t),
        "for_whom": lambda step, ids: journey.for_whom(step, frozenset(ids), project.guide, t),
        "sentence": lambda text: text[:1].upper() + text[1:],
        "after_colon": lambda text: journey.after_colon(text, t),
        "guide": project.guide,
        "university": project.university,
        "lang": lang,
        "t": say(project, lang),
        "tl": labels.get,  # a label in another language: tl("read_in", "en")
        "t_in": lambda other: say(project, other),
        "date": lambda d: labels.date(d, lang),
        "plural": lambda n: Locale.parse(lang).plural_form(n),
    }


def render(template: str, project: Project, lang: str, **context: Any) -> str:
    """Template `template` rendered in `lang` with the base context and `context`."""
    return environment().get_template(template).render(**base_context(project, lang), **context)


def markdown_block(html: str) -> Markup:
    """HTML made safe to drop into Markdown: a blank line would end Markdown's raw-HTML block."""
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))
