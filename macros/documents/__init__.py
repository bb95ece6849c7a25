"""The documents to prepare, step by step."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext


def documents(w: WidgetContext, profile: str | None = None) -> Markup:
    """The documents to prepare, step by step, required ones first, with the forms they may take.

    profile: a situation's id, to list only what it needs (default: every document, with who needs it).
    """
    return w.render("documents/documents.html", profile=w.profile(profile))
