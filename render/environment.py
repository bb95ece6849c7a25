"""The one Jinja environment of the site's widgets and the PDF handouts, made once per process.

Templates are named by where they live: `components/components.html` (render/components/, the parts every
template shares), and under the prefix a renderer registers its own folder with (`register_templates`):
`widgets/step/step.html` is macros/step/step.html, registered by macros/widget.py. The PDFs are laid out by
Typst (handouts/typst/).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, PrefixLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from guide import phones

HERE = Path(__file__).resolve().parent
# Prefix -> the folder its templates are read from. The environment reads this mapping as it is when a template
# is asked for, so a renderer may register its folder after the environment was made.
_FOLDERS: dict[str, FileSystemLoader] = {"components": FileSystemLoader(HERE / "components")}


def register_templates(prefix: str, folder: Path) -> None:
    """The templates of `folder`, named `prefix/...` in the one environment; registering the same twice is
    harmless, another folder under a prefix already taken is an error."""
    known = _FOLDERS.get(prefix)
    if known is not None and [str(folder)] != known.searchpath:
        raise ValueError(f"the template prefix '{prefix}' is already {known.searchpath[0]}")
    _FOLDERS[prefix] = FileSystemLoader(folder)


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


def typed_url(url: str) -> str:
    """An address whole, as someone types it from a slide or a sheet: without the scheme and the last slash."""
    parts = urlsplit(url)
    return url.removeprefix(f"{parts.scheme}://").rstrip("/") if parts.scheme else url


@cache
def environment() -> Environment:
    """Strict (an unknown name is an error), HTML-escaped, tidy whitespace; compiled templates are kept for the
    life of the process. `| md` is for a text that lands in Markdown rather than in HTML."""
    env = Environment(
        loader=PrefixLoader(_FOLDERS),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        extensions=["jinja2.ext.do"],
    )
    env.filters["md"] = markdown_text
    env.filters["host"] = lambda url: urlsplit(url).hostname or ""
    env.filters["short_url"] = short_url
    env.filters["typed_url"] = typed_url
    env.filters["tel"] = phones.tel
    return env
