"""French phone numbers as a student dials them: from a French phone as the data writes them, from a foreign
phone where the French numbering plan gives a form (+33 and the number without its leading 0), and which
numbers cannot be dialled from abroad at all (the short numbers, such as 3646)."""

from __future__ import annotations

import re

# Ten digits in the French plan: 01-05 geographic, 06-07 mobile, 09 non-geographic; each is +33 from abroad.
# 08 numbers are special-rate or free numbers, many of which cannot be called from abroad: no form is given.
DIALLED_FROM_ABROAD = re.compile(r"0([1-79])((?: ?\d\d){4})")
SHORT = re.compile(r"[1-9]\d{1,3}")  # 3646, 15, 112...: numbers of two to four digits, dialled in France only


def from_abroad(number: str) -> str | None:
    """`number` as it is dialled from a foreign phone ('+33 9 74 75 36 46'), if the numbering plan gives it."""
    match = DIALLED_FROM_ABROAD.fullmatch(number.strip())
    if not match:
        return None
    pairs = match.group(2).replace(" ", "")
    return f"+33 {match.group(1)} " + " ".join(pairs[i : i + 2] for i in range(0, 8, 2))


def french_only(number: str) -> bool:
    """Whether `number` is a short number, which only a phone on a French network can call."""
    return bool(SHORT.fullmatch(number.replace(" ", "")))


def tel(number: str) -> str:
    """The tel: address of `number`, its + kept."""
    return "tel:" + re.sub(r"[^\d+]", "", number)
