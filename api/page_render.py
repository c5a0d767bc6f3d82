"""Rendering one stored page as a PNG, with boxes outlined, so a reader can check the source.

Boxes are PDF points with a top-left origin (as ingest stores them); one scale factor (image
pixels per point of page width) maps them onto the picture for PDFs and for image files alike,
since ingest records an image page's size in points too. pdfium is not thread-safe, so renders
take a process-wide lock; a small byte-bounded cache keeps repeated views cheap.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from baoku.ingest.records import BBox
from baoku.ingest.source import FileKind, sniff_kind

MAX_OUTPUT_PIXELS = 40_000_000  # a very tall "page" must not make a giant image
# Ingest accepts scans up to this size (600 dpi broadsheets are ~80 Mpx); larger is refused.
MAX_SOURCE_PIXELS = 120_000_000
_OUTLINE = (220, 30, 30)
_FILL = (255, 235, 59, 70)

_render_lock = threading.Lock()


class RenderError(Exception):
    """The page cannot be rendered (file gone, damaged, or page missing); message says which."""


@dataclass(frozen=True, slots=True)
class PageSpec:
    path: Path
    page_index: int
    width_pt: float
    height_pt: float


def render_png(page: PageSpec, width: int, boxes: Sequence[BBox] = ()) -> bytes:
    if page.width_pt <= 0 or page.height_pt <= 0:
        raise RenderError("the stored page has no size")
    height = max(1, round(width * page.height_pt / page.width_pt))
    if width * height > MAX_OUTPUT_PIXELS:
        raise RenderError(
            f"a {width} px wide image of this page would be {height} px tall; ask for a "
            "smaller width"
        )
    try:
        with open(page.path, "rb") as fh:
            kind = sniff_kind(fh.read(1024))
    except OSError as exc:
        raise RenderError(f"the source file of this page cannot be read ({exc.strerror})") from exc
    with _render_lock:
        if kind == FileKind.PDF:
            image = _render_pdf(page, width)
        elif kind is not None:
            image = _render_image(page, width, height)
        else:
            raise RenderError("the source file is no longer a PDF or an image")
    scale = image.width / page.width_pt
    image = _outline(image, [_to_pixels(b, scale) for b in boxes])
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


def _render_pdf(page: PageSpec, width: int) -> Image.Image:
    try:
        pdf = pdfium.PdfDocument(str(page.path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise RenderError(f"the source PDF cannot be opened ({exc})") from exc
    try:
        if not 0 <= page.page_index < len(pdf):
            raise RenderError(f"the source PDF has no page {page.page_index}")
        pdf_page = pdf[page.page_index]
        try:
            scale = width / pdf_page.get_width()
            bitmap = pdf_page.render(scale=scale)
            return bitmap.to_pil().convert("RGB")
        finally:
            pdf_page.close()
    finally:
        pdf.close()


def _render_image(page: PageSpec, width: int, height: int) -> Image.Image:
    try:
        with Image.open(page.path) as im:
            im.seek(page.page_index)
            if im.width * im.height > MAX_SOURCE_PIXELS:
                raise RenderError(f"the source image is too large ({im.width}×{im.height} px)")
            im.draft("RGB", (width, height))  # JPEG decodes at reduced size: far less work
            return im.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
    except (OSError, EOFError, ValueError, Image.DecompressionBombError) as exc:
        raise RenderError(f"the source image cannot be read ({exc.__class__.__name__})") from exc


def _to_pixels(box: BBox, scale: float) -> tuple[float, float, float, float]:
    return (box.x0 * scale, box.top * scale, box.x1 * scale, box.bottom * scale)


def _outline(image: Image.Image, rects: list[tuple[float, float, float, float]]) -> Image.Image:
    if not rects:
        return image
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    line = max(2, image.width // 400)
    for rect in rects:
        draw.rectangle(rect, fill=_FILL, outline=(*_OUTLINE, 255), width=line)
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")


class PngCache:
    """Rendered PNGs by key, least recently used dropped first, bounded in total bytes."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self._max = max_bytes
        self._items: OrderedDict[tuple[object, ...], bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> bytes | None:
        with self._lock:
            data = self._items.get(key)
            if data is not None:
                self._items.move_to_end(key)
            return data

    def put(self, key: tuple[object, ...], data: bytes) -> None:
        if len(data) > self._max // 4:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._size -= len(old) if old else 0
            self._items[key] = data
            self._size += len(data)
            while self._size > self._max:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)

    def drop_document(self, sha256: str) -> None:
        with self._lock:
            for key in [k for k in self._items if k and k[0] == sha256]:
                self._size -= len(self._items.pop(key))
