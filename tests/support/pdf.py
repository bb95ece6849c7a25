"""Reading a PDF back: its text as extraction gives it, and its QR codes as a phone would read them (from the page
drawn as an image). Each PDF is read once per test process: both are kept by file and page."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from html import unescape
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


@dataclass(frozen=True)
class Word:
    """A word on a page, as poppler places it: its box in points from the page's top left."""

    text: str
    page: int
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    links: tuple[tuple[float, float, float, float], ...]  # each link's box, from the page's top left
    sizes: tuple[tuple[str, float, float], ...]  # each text run: its text, its size in points, its height up


@cache
def _layout(stamp: tuple[str, int, int]) -> tuple[Page, ...]:
    need(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils)")
    html = subprocess.run(["pdftotext", "-bbox", stamp[0], "-"], check=True, capture_output=True, text=True).stdout
    boxes = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
    reader = PdfReader(stamp[0])
    pages = []
    for number, ((width, height, body), page) in enumerate(zip(boxes, reader.pages, strict=True), start=1):
        h = float(height)
        words = tuple(
            Word(unescape(text), number, float(a), float(b), float(c), float(d))
            for a, b, c, d, text in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body
            )
        )
        links = []
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") == "/Link":
                x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
                links.append((min(x0, x1), h - max(y0, y1), max(x0, x1), h - min(y0, y1)))
        sizes: list[tuple[str, float, float]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float, sizes: list = sizes) -> None:
            if text.strip():
                scale = (abs(tm[0] * tm[3] - tm[1] * tm[2]) * abs(cm[0] * cm[3] - cm[1] * cm[2])) ** 0.5
                sizes.append((text.strip(), round(size * scale, 2), tm[5] * cm[3] + cm[5]))

        page.extract_text(visitor_text=visit)
        pages.append(Page(number, float(width), h, words, tuple(links), tuple(sizes)))
    return tuple(pages)


def layout(pdf: Path) -> tuple[Page, ...]:
    """Each page of `pdf` with its words' boxes, its links' boxes and its text runs' sizes (read once)."""
    return _layout(_stamp(pdf))
