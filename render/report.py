""" "Report a problem with this page": a link that opens the publisher's GitHub issue form, filled in with the page,
the steps it shows and its language (.github/ISSUE_TEMPLATE/fact.yml names the fields). Nothing is sent until the
reader clicks, and then only to GitHub, by the reader's own browser."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlencode

ISSUE_FORM = "fact.yml"  # .github/ISSUE_TEMPLATE/fact.yml: its fields' ids are the keys below


def report_url(repository: str, page_url: str, lang: str, steps: Iterable[str], title: str) -> str:
    """The new-issue address of `repository` with the form's fields filled in for one page."""
    fields = {"template": ISSUE_FORM, "title": title, "page": page_url, "step": ", ".join(steps), "lang": lang}
    return f"{repository}/issues/new?{urlencode(fields)}"
