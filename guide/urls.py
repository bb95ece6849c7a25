"""An address as every reader of it sees the same one.

Python's `urlsplit` and a browser (the WHATWG URL standard) disagree on some addresses: a backslash, a tab, a
user name before `@`, a host in other scripts. `https://evil.example\\@allowed.example/` is `allowed.example` to
Python and `evil.example` to a browser. Rather than parse as a browser does, the guide accepts only addresses on
which both agree: printable ASCII from the characters RFC 3986 allows, minus those that could close an HTML
attribute or a tag, no user name or password, a plain host name. A host in another script is written in its
ASCII form (xn--...).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SAFE = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+")
HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")


def address_problem(url: str) -> str | None:
    """Why `url` is not an https address every reader sees alike, or None."""
    if any(c.isspace() for c in url):
        return f"'{url[:200]}' contains a space"
    if not SAFE.fullmatch(url):
        bad = next((c for c in url if not SAFE.fullmatch(c)), "")
        shown = repr(bad) if bad.isprintable() and bad != " " else f"U+{ord(bad):04X}" if bad else "nothing"
        return f"'{url[:200]}' holds {shown}, which an address may not hold (write non-ASCII hosts as xn--…)"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return f"'{url[:200]}' is not a valid address"
    if parts.scheme != "https":
        return f"'{url[:200]}' must start with https://"
    if "@" in parts.netloc:
        return f"'{url[:200]}' names a user before its host: browsers and this check would not visit the same site"
    if not host or not HOST.fullmatch(parts.netloc.lower().split(":")[0]):
        return f"'{url[:200]}' does not have a plain host name"
    return None
