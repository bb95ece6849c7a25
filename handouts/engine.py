"""Typst, as the handouts use it: a template of handouts/typst/ and the data of handouts/sheets.py in, a tagged
PDF (PDF/UA-1) out, set in the guide's own fonts (handouts/fonts/), its objects packed into streams.

A PDF is kept in a cache folder under the name of what makes it (the engine's version, the templates, the fonts
and the data), so that a second build of the same facts, or `make check` then `make build`, lays nothing out
again.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pikepdf
import typst

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "typst"
FONTS = HERE / "fonts"
STANDARD = "ua-1"  # tagged, with the document's language and title, for screen readers
CACHE_VARIABLE = "GUIDE_PDF_CACHE"  # where the PDFs are kept (default: build/pdf-cache in the project)
CACHE_KEEPS = 300  # PDFs: beyond, the oldest go


class LayoutError(Exception):
    """Typst could not make the PDF; the message says why, in Typst's words."""


@dataclass(frozen=True)
class Laid:
    """A handout laid out: the PDF, its pages, and what its template measured (`metadata` by label)."""

    pdf: bytes
    pages: int
    measured: dict[str, list[Any]]


@cache
def _fingerprint() -> str:
    """What makes every PDF besides its data: the engine and pikepdf's versions, the templates and the fonts."""
    digest = hashlib.sha256(f"typst {version('typst')} pikepdf {version('pikepdf')}".encode())
    for folder in (TEMPLATES, FONTS):
        for path in sorted(folder.iterdir()):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


@cache
def _compiler(template: str) -> typst.Compiler:
    """One compiler per template and process: it keeps the fonts loaded and what it laid out before."""
    return typst.Compiler(TEMPLATES / template, root=TEMPLATES, font_paths=[FONTS], ignore_system_fonts=True)


def _pack(pdf: bytes) -> bytes:
    """The PDF with its objects in object streams (Typst writes each object on its own), every stream compressed
    at zlib's highest level, the XMP metadata included."""
    pikepdf.settings.set_flate_compression_level(9)
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        metadata = doc.Root.get("/Metadata")
        if metadata is not None and "/Filter" not in metadata:
            metadata.write(zlib.compress(metadata.read_bytes(), 9), filter=pikepdf.Name.FlateDecode)
        doc.save(
            out,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
            recompress_flate=True,
            deterministic_id=True,
            fix_metadata_version=False,  # it would write the metadata again, uncompressed
        )
    return out.getvalue()


def _cache_folder(project_root: Path) -> Path:
    return Path(os.environ.get(CACHE_VARIABLE) or project_root / "build" / "pdf-cache")


def lay_out(
    template: str, data: dict[str, Any], made: date, project_root: Path, measures: tuple[str, ...] = ()
) -> Laid:
    """`template` (a file of handouts/typst/) with `data`, as a PDF dated `made`; what the template measured under
    each label of `measures`. Taken from the cache when the same inputs made it before."""
    source = json.dumps(data, ensure_ascii=False, sort_keys=True)
    key = hashlib.sha256(f"{_fingerprint()}\0{template}\0{made}\0{','.join(measures)}\0{source}".encode()).hexdigest()
    folder = _cache_folder(project_root)
    pdf_path, meta_path = folder / f"{key}.pdf", folder / f"{key}.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        kept = Laid(pdf_path.read_bytes(), meta["pages"], meta["measured"])
        os.utime(pdf_path)  # used: the last to go
        return kept
    except (OSError, ValueError, KeyError):
        pass  # not kept (or not whole): laid out below
    compiler = _compiler(template)
    timestamp = datetime(made.year, made.month, made.day, tzinfo=UTC)
    try:
        raw = compiler.compile(sys_inputs={"data": source}, format="pdf", pdf_standards=[STANDARD], timestamp=timestamp)
        measured = {name: json.loads(compiler.query(f"<{name}>", field="value", format="json")) for name in measures}
    except typst.TypstError as exc:
        raise LayoutError(f"{template}: {exc.message}" + "".join(f"; {h}" for h in exc.hints)) from None
    assert isinstance(raw, bytes)
    pdf = _pack(raw)
    pages = len(pikepdf.open(io.BytesIO(pdf)).pages)
    laid = Laid(pdf, pages, measured)
    _store(folder, key, laid)
    return laid


def _store(folder: Path, key: str, laid: Laid) -> None:
    """Keep a PDF in the cache, written whole or not at all (another process may read it meanwhile)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for suffix, content in (
            (".json", json.dumps({"pages": laid.pages, "measured": laid.measured}).encode()),
            (".pdf", laid.pdf),
        ):
            with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as tmp:
                tmp.write(content)
            os.replace(tmp.name, folder / f"{key}{suffix}")
        kept = sorted(folder.glob("*.pdf"), key=lambda p: p.stat().st_mtime)
        for old in kept[: max(0, len(kept) - CACHE_KEEPS)]:
            old.unlink(missing_ok=True)
            old.with_suffix(".json").unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written only makes the next build slower
