"""Reading a PDF back: its text as extraction gives it, and its QR codes as a phone would read them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image

from tests.support.need import need


def normal(text: str) -> str:
    """Whitespace of any kind folded, and line breaks after hyphens undone, as PDF text extraction needs;
    curly apostrophes straight."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).replace("’", "'").strip()


def decode_qr_codes(pdf: Path, tmp_path: Path, page: int = 1) -> set[str]:
    """The texts of the QR codes on page `page` of `pdf`."""
    need(shutil.which("pdftoppm") is not None, "pdftoppm (poppler-utils)")
    prefix = tmp_path / f"{pdf.stem}-{page}"
    command = ["pdftoppm", "-r", "150", "-f", str(page), "-l", str(page), "-png", str(pdf), str(prefix)]
    subprocess.run(command, check=True)
    [png] = tmp_path.glob(f"{prefix.name}*.png")
    return {r.text for r in zxingcpp.read_barcodes(Image.open(png))}
