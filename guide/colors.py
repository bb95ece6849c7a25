"""Colour contrast (WCAG), for checking a university's colours and deriving their dark-scheme variants."""

from __future__ import annotations

MIN_CONTRAST = 4.5  # WCAG AA for normal text: white on the colours, the colours on white
DARK_BACKGROUND = "#1e2029"  # Material's slate scheme, near enough for a contrast check


def contrast(color: str, other: str = "#ffffff") -> float:
    """WCAG contrast ratio between two #rrggbb colours."""

    def luminance(hex_color: str) -> float:
        channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(color), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def lighter_for_dark(color: str, background: str = DARK_BACKGROUND) -> str:
    """`color` mixed with white until it reads on a dark background (contrast 4.5:1)."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    for step in range(0, 101, 5):
        mixed = "#" + "".join(f"{round(c + (255 - c) * step / 100):02x}" for c in rgb)
        if contrast(mixed, background) >= MIN_CONTRAST:
            return mixed
    return "#ffffff"
