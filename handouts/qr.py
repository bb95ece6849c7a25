"""QR codes as vector images (SVG data URIs) for the handouts."""

from __future__ import annotations

import segno


def qr_svg(url: str) -> str:
    """A black-on-white SVG QR code of `url`, with its quiet zone."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=4, dark="#000", light="#fff")
