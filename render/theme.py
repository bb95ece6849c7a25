"""The university's colours as the stylesheet the site loads (render.site.UNIVERSITY_CSS)."""

from __future__ import annotations

from guide.colors import lighter_for_dark
from guide.university import University


def university_css(university: University) -> str:
    """Material's colour variables set to the university's colours, with lighter ones for the dark scheme."""
    primary, accent = university.colors["primary"], university.colors["accent"]
    light = lighter_for_dark(primary)
    return (
        "/* Made from data/university.yaml at build time: edit that file. */\n"
        ":root, [data-md-color-scheme] {\n"
        f"  --md-primary-fg-color: {primary};\n  --md-primary-fg-color--light: {light};\n"
        f"  --md-primary-fg-color--dark: {primary};\n  --md-accent-fg-color: {accent};\n"
        f"  --md-typeset-a-color: {primary};\n}}\n"
        f"[data-md-color-scheme=slate] {{ --md-typeset-a-color: {light}; "
        f"--md-accent-fg-color: {lighter_for_dark(accent)}; }}\n"
        f"[data-md-color-scheme=slate] .md-typeset .md-button:not(.md-button--primary) {{ color: {light}; }}\n"
    )
