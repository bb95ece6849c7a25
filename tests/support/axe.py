"""Run axe-core (the copy bundled with axe-playwright-python) in a Playwright page, under the site's own
security policy (it is evaluated from outside the page, not added as a script the policy would refuse)."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"

# WCAG 2.1 A and AA (what RGAA 4 maps to), plus axe's best practices.
RUN_ONLY = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# The rules of those whose outcome depends on colours. The theme's palette toggle changes the colours of the
# whole page and, of its markup, only the toggle itself (which of its buttons shows).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(
    page,
    disabled_rules: dict[str, str] | None = None,
    rules: list[str] | None = None,
    within: str | None = None,
) -> list[dict]:
    """Violations on the current page; `disabled_rules` maps a rule id to the reason it is off. `rules`: only
    these (default: every rule of RUN_ONLY); `within`: only inside the elements this selector matches."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))  # from outside the page: the site's policy allows it
    options = {
        "runOnly": {"type": "rule", "values": rules} if rules else {"type": "tag", "values": RUN_ONLY},
        "rules": {rule: {"enabled": False} for rule in (disabled_rules or {})},
        "resultTypes": ["violations"],  # the passes are not needed: axe then keeps one node of each
    }
    result = page.evaluate(
        "async ([within, options]) => await axe.run(within ? {include: [[within]]} : document, options)",
        [within, options],
    )
    return result["violations"]
