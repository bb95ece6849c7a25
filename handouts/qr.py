"""QR codes as vector images (SVG data URIs) for the handouts."""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=256)  # the check makes them first; the processes that print the PDFs inherit them
def qr_svg(url: str) -> str:
    """A black-on-white SVG QR code of `url`, with its quiet zone."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=4, dark="#000", light="#fff")
