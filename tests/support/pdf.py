"""Reading a PDF back: its text as extraction gives it, and its QR codes as a phone would read them (from the page
drawn as an image). Each PDF is read once per test process: both are kept by file and page."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import zxingcpp
from PIL import Image
from pypdf import PdfReader

from tests.support.need import need


def normal(text: str) -> str:
    """Whitespace of any kind folded, and line breaks after hyphens undone, as PDF text extraction needs;
    curly apostrophes straight."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).replace("’", "'").strip()


def _stamp(pdf: Path) -> tuple[str, int, int]:
    stat = pdf.stat()
    return str(pdf.resolve()), stat.st_mtime_ns, stat.st_size


@cache
def _pages_text(stamp: tuple[str, int, int]) -> tuple[str, ...]:
    return tuple(page.extract_text() or "" for page in PdfReader(stamp[0]).pages)


def page_texts(pdf: Path) -> tuple[str, ...]:
    """The text of each page of `pdf`, as extracted (read once per version of the file)."""
    return _pages_text(_stamp(pdf))


@cache
def _codes(stamp: tuple[str, int, int], page: int) -> frozenset[str]:
    need(shutil.which("pdftoppm") is not None, "pdftoppm (poppler-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "page"
        # 100 dpi in grey: a module of the smallest code (26 mm for 41 modules) is still 2.5 pixels wide
        command = ["pdftoppm", "-r", "100", "-gray", "-f", str(page), "-l", str(page), "-png", stamp[0], str(prefix)]
        subprocess.run(command, check=True)
        [png] = Path(tmp).glob("page*.png")
        return frozenset(r.text for r in zxingcpp.read_barcodes(Image.open(png)))


def decode_qr_codes(pdf: Path, tmp_path: Path | None = None, page: int = 1) -> set[str]:
    """The texts of the QR codes on page `page` of `pdf` (decoded once per version of the file)."""
    return set(_codes(_stamp(pdf), page))
