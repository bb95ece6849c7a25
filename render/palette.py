"""The university's colours as the site and the slides show them: the colour itself where white text stands on
it (header, buttons, slide headings), and shades of it that read as text on each colour scheme's backgrounds
(links), at least 4.5:1 (WCAG AA) everywhere. The site gets them as the stylesheet render.site.UNIVERSITY_CSS."""

from __future__ import annotations

from dataclasses import dataclass

from guide.colors import BLACK, WHITE, nearest_readable
from guide.university import University

# Where the theme (Material for MkDocs) puts text in each scheme: the page, and the lighter boxes (code,
# details) of the dark scheme, hsl(225, 15%, 14%) and hsl(225, 15%, 18%).
LIGHT_BACKGROUNDS = (WHITE,)
DARK_BACKGROUNDS = ("#1e2129", "#262a35")


@dataclass(frozen=True)
class Palette:
    primary: str  # white text stands on it (checked when the university file is read)
    accent: str
    link: str  # links on the light scheme
    hover: str  # a link under the pointer, light scheme
    dark_link: str  # links on the dark scheme
    dark_hover: str


def palette(university: University) -> Palette:
    primary, accent = university.colors["primary"], university.colors["accent"]
    return Palette(
        primary=primary,
        accent=accent,
        link=nearest_readable(primary, LIGHT_BACKGROUNDS, BLACK),
        hover=nearest_readable(accent, LIGHT_BACKGROUNDS, BLACK),
        dark_link=nearest_readable(primary, DARK_BACKGROUNDS, WHITE),
        dark_hover=nearest_readable(accent, DARK_BACKGROUNDS, WHITE),
    )


def university_css(university: University) -> str:
    """Material's colour variables set to the university's colours and to their readable shades, and the guide's
    own: `--hig-link` (text and focus rings on the scheme's background) and `--hig-on-link` (text on a
    `--hig-link` background, as a button under the pointer has it)."""
    p = palette(university)
    return (
        "/* Made from data/university.yaml at build time: edit that file. */\n"
        ":root, [data-md-color-scheme] {\n"
        f"  --md-primary-fg-color: {p.primary};\n  --md-primary-fg-color--light: {p.dark_link};\n"
        f"  --md-primary-fg-color--dark: {p.primary};\n  --md-accent-fg-color: {p.hover};\n"
        f"  --md-typeset-a-color: {p.link};\n  --hig-link: {p.link};\n  --hig-on-link: {WHITE};\n}}\n"
        f"[data-md-color-scheme=slate] {{ --md-typeset-a-color: {p.dark_link}; "
        f"--md-accent-fg-color: {p.dark_hover}; --hig-link: {p.dark_link}; --hig-on-link: {DARK_BACKGROUNDS[0]}; }}\n"
    )
