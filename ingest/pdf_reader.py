"""Read a PDF's pages with pdfplumber: chars (with size and weight), rulings, boxes and images.

Second step of ingest (source → **pdf_reader** → quality/lines → layout → articles). Output is a
``RawPage`` per page in top-left PDF points; nothing here interprets the layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from baoku.ingest.errors import DamagedFileError, EncryptedFileError, IngestError
from baoku.ingest.records import BBox

# A rect thinner than this (points) is a ruling line, not a box.
_RULE_THICKNESS = 2.5


@dataclass(slots=True)
class RawChar:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    fontname: str


@dataclass(slots=True)
class RawRect:
    bbox: BBox
    filled: bool
    stroked: bool
    gray: float | None  # fill gray level 0..1 when the fill is gray/black/white


@dataclass(slots=True)
class RawPage:
    index: int
    width: float
    height: float
    chars: list[RawChar]
    hrules: list[BBox] = field(default_factory=list)
    vrules: list[BBox] = field(default_factory=list)
    boxes: list[RawRect] = field(default_factory=list)
    images: list[BBox] = field(default_factory=list)
    fonts_without_unicode: int = 0  # chars pdfminer could only give as (cid:N)


def _gray(color: object) -> float | None:
    if isinstance(color, (int, float)):
        return float(color)
    if isinstance(color, (list, tuple)):
        if len(color) == 1 and isinstance(color[0], (int, float)):
            return float(color[0])
        if len(color) == 3 and all(isinstance(c, (int, float)) for c in color):
            r, g, b = color
            if abs(r - g) < 0.05 and abs(g - b) < 0.05:
                return float(r)
        if len(color) == 4 and all(isinstance(c, (int, float)) for c in color):
            c, m, y, k = color
            if c == m == y == 0:
                return 1.0 - float(k)
    return None


def _clip(page_w: float, page_h: float, x0: float, top: float, x1: float, bottom: float) -> BBox:
    return BBox(max(0.0, x0), max(0.0, top), min(page_w, x1), min(page_h, bottom))


def dedupe_chars(chars: list[RawChar], tolerance: float = 1.0) -> list[RawChar]:
    """Drop glyphs drawn again within ``tolerance`` points of an identical one.

    Fake-bold headlines are the same text drawn twice a fraction of a point apart; keeping
    both copies is what makes extracted headlines come out doubled. pdfplumber's own
    ``dedupe_chars`` sorts all chars per key and costs more than reading the page; a grid of
    ``tolerance``-sized cells finds the same duplicates in linear time.
    """
    seen: dict[tuple[str, int, int], list[RawChar]] = {}
    out: list[RawChar] = []
    for c in chars:
        gx, gy = int(c.x0 // tolerance), int(c.top // tolerance)
        dup = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for o in seen.get((c.text, gx + dx, gy + dy), ()):
                    if (
                        abs(o.x0 - c.x0) <= tolerance
                        and abs(o.top - c.top) <= tolerance
                        and abs(o.size - c.size) < 0.1
                        and o.fontname == c.fontname
                    ):
                        dup = True
                        break
        if not dup:
            seen.setdefault((c.text, gx, gy), []).append(c)
            out.append(c)
    return out


def _read_page(index: int, page: pdfplumber.page.Page) -> RawPage:
    w, h = float(page.width), float(page.height)
    chars: list[RawChar] = []
    cid = 0
    for c in page.chars:
        text = c["text"]
        if text.startswith("(cid:"):
            cid += 1
            text = "\ufffd"
        if not text or text.isspace():
            continue
        chars.append(
            RawChar(text, c["x0"], c["top"], c["x1"], c["bottom"], c["size"], c.get("fontname", ""))
        )
    chars = dedupe_chars(chars)
    hrules: list[BBox] = []
    vrules: list[BBox] = []
    boxes: list[RawRect] = []
    for ln in page.lines:
        bb = _clip(w, h, ln["x0"], ln["top"], ln["x1"], ln["bottom"])
        (hrules if bb.width >= bb.height else vrules).append(bb)
    for r in page.rects:
        bb = _clip(w, h, r["x0"], r["top"], r["x1"], r["bottom"])
        if bb.width <= 0 and bb.height <= 0:
            continue
        if bb.height <= _RULE_THICKNESS and bb.width > 3 * _RULE_THICKNESS:
            hrules.append(bb)
        elif bb.width <= _RULE_THICKNESS and bb.height > 3 * _RULE_THICKNESS:
            vrules.append(bb)
        else:
            filled = bool(r.get("fill"))
            boxes.append(
                RawRect(
                    bb,
                    filled=filled,
                    stroked=bool(r.get("stroke")),
                    gray=_gray(r.get("non_stroking_color")) if filled else None,
                )
            )
    images = [_clip(w, h, im["x0"], im["top"], im["x1"], im["bottom"]) for im in page.images]
    return RawPage(index, w, h, chars, hrules, vrules, boxes, images, fonts_without_unicode=cid)


def read_pdf(path: str | Path) -> Iterator[RawPage]:
    """Yield each page of a PDF as a ``RawPage``; typed ``IngestError`` when it cannot be read."""
    p = str(path)
    try:
        pdf = pdfplumber.open(p)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedFileError(
            p, f"encrypted PDF, needs a password ({exc.__class__.__name__})"
        ) from exc
    except (PdfminerException, PDFSyntaxError) as exc:
        raise _damaged(p, exc) from exc
    with pdf:
        try:
            n = len(pdf.pages)
        except (PdfminerException, PDFSyntaxError, KeyError, ValueError, TypeError) as exc:
            raise _damaged(p, exc) from exc
        if n == 0:
            raise DamagedFileError(p, "PDF has no pages (truncated or damaged)")
        for i in range(n):
            page = pdf.pages[i]
            try:
                yield _read_page(i, page)
            except IngestError:
                raise
            except Exception as exc:  # pdfminer raises many kinds on damaged content streams
                raise DamagedFileError(
                    p, f"page {i + 1} cannot be read ({exc.__class__.__name__}: {exc})"
                ) from exc
            finally:
                page.close()


def _damaged(path: str, exc: BaseException) -> DamagedFileError:
    # pdfplumber wraps pdfminer's error as the first argument of PdfminerException.
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
    cause = inner or exc.__cause__ or exc.__context__ or exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedFileError(path, "encrypted PDF, needs a password")
    detail = str(cause).strip() or cause.__class__.__name__
    return DamagedFileError(path, f"damaged or truncated PDF ({detail[:160]})")
