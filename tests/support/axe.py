"""Run axe-core (the copy bundled with axe-playwright-python) in a Playwright page, under the site's own
security policy (it is evaluated from outside the page, not added as a script the policy would refuse)."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"

# WCAG 2.1 A and AA (what RGAA 4 maps to), plus axe's best practices.
RUN_ONLY = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page, disabled_rules: dict[str, str] | None = None) -> list[dict]:
    """Violations on the current page; `disabled_rules` maps a rule id to the reason it is off."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))  # from outside the page: the site's policy allows it
    rules = {rule: {"enabled": False} for rule in (disabled_rules or {})}
    result = page.evaluate(
        "async ([only, rules]) => await axe.run(document, {runOnly: {type: 'tag', values: only}, rules})",
        [RUN_ONLY, rules],
    )
    return result["violations"]
