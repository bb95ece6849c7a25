"""The contrast check of a university's colours (WCAG 2): its ratio against white, and the nearest shade that
passes, which the check suggests. Where the site and the slides show the colours is render/palette.py's."""

from __future__ import annotations

MIN_CONTRAST = 4.5  # WCAG AA for normal text
WHITE, BLACK = "#ffffff", "#000000"


def _rgb(color: str) -> list[int]:
    return [int(color[i : i + 2], 16) for i in (1, 3, 5)]


def luminance(color: str) -> float:
    """The relative luminance of a #rrggbb colour (WCAG 2)."""
    channels = [c / 255 for c in _rgb(color)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(color: str, other: str = WHITE) -> float:
    """WCAG contrast ratio between two #rrggbb colours."""
    high, low = sorted((luminance(color), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(color: str, toward: str, share: float) -> str:
    """`color` with `share` (0 to 1) of `toward` mixed in."""
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in zip(_rgb(color), _rgb(toward), strict=True))


def nearest_readable(color: str, backgrounds: tuple[str, ...], toward: str, ratio: float = MIN_CONTRAST) -> str:
    """The shade of `color` nearest to it, mixed with `toward` (white or black) by the least share that gives it
    `ratio` against every one of `backgrounds`; `color` itself when it already does."""
    for step in range(101):
        shade = mix(color, toward, step / 100)
        if all(contrast(shade, b) >= ratio for b in backgrounds):
            return shade
    return toward


def too_light(color: str) -> str | None:
    """What is wrong with `color` as a colour white text stands on (headers, buttons, slide headings, in both
    colour schemes); None if nothing is."""
    ratio = contrast(color, WHITE)
    if ratio >= MIN_CONTRAST:
        return None
    return (
        f"{color} is too light: white text on it has a contrast of {ratio:.1f}:1, at least {MIN_CONTRAST}:1 "
        f"is needed; {nearest_readable(color, (WHITE,), BLACK)} is the nearest darker shade that has it"
    )
