"""What changed in the facts, update by update, in the page's language, with the link to its Atom feed."""

from __future__ import annotations

from markupsafe import Markup

from macros.widget import WidgetContext
from render.changes import change_context
from render.site import changes_feed


def changes(w: WidgetContext) -> Markup:
    """Each update of the facts (newest first) with what changed, before and after; or why this copy of the
    guide has no record (made without the repository's git history)."""
    project = w.project
    history = project.history
    return w.render(
        "changes/changes.html",
        history=history,
        commits=[c for c in history.commits if c.shown_in(w.lang)],
        feed=w.links.file(changes_feed(w.lang, project.languages[0])),
        **change_context(project, w.lang),
    )
