"""How a step's place in a journey is said, the same on every page, sheet and slide: its number ("4."), or "And:"
for a step that comes with the one before it (in either order, or for some situations only, as GOV.UK's
step-by-step pages say it); and whom a part of a step is for, where a page or a sheet is for everyone."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from guide.model import Guide, Placed, Step, Text

Say = Callable[[Text | str], str]


def label(placed: Placed | None, t: Say) -> str:
    """ "4." for a step with a number of its own, "And:" for a step that comes with the one before; "" without a
    place (a step of no registering student, on a page for everyone)."""
    if placed is None:
        return ""
    return f"{placed.number}." if placed.joined is None else t("and_step")


def heading(placed: Placed | None, step: Step, t: Say) -> str:
    """The step's title with its label: "4. Apply for your carte Vitale", "And: Open your ameli account"."""
    return " ".join(x for x in (label(placed, t), t(step.title)) if x)


def relation(placed: Placed | None, guide: Guide, t: Say, short: bool = False) -> str | None:
    """What "And:" means for this step: in either order with step N, or only for some situations."""
    if placed is None or placed.joined is None:
        return None
    if placed.joined == "either":
        return t("either_order_short" if short else "either_order_with").format(step=placed.number)
    return t("only_for_short" if short else "only_for").format(names=names(guide, placed.step.applies_to, t, short))


def names(guide: Guide, ids: Iterable[str], t: Say, short: bool = False) -> str:
    """The situations among `ids`, in the data's order: "Student from outside the EU; EU student ..." (in a few
    words each, with `short`, where the data gives them so)."""
    chosen = guide.audience(frozenset(ids))
    return t("separator").join(after_colon(t((p.short or p.name) if short else p.name), t) for p in chosen)


def after_colon(text: str, t: Say) -> str:
    """A text as it follows a colon in the language `t` speaks: with a small first letter where the language
    wants one (data/ui.yaml, case_after_colon), unless its first word is written in capitals ("EU", "CPAM")."""
    if t("case_after_colon") != "lower" or len(text) < 2 or not (text[0].isupper() and text[1].islower()):
        return text
    return text[0].lower() + text[1:]


def for_whom(step: Step, ids: frozenset[str], guide: Guide, t: Say) -> str | None:
    """ "for: X; Y" when a part of `step` (a task, a note, a document) is for some of its situations only."""
    return t("for_some").format(names=names(guide, ids & set(step.applies_to), t)) if step.for_some(ids) else None


def places(journey: Iterable[Placed]) -> dict[str, Placed]:
    """Step id -> its place, for a journey."""
    return {p.step.id: p for p in journey}
