"""Offline Chinese OCR of one page image: text lines with pixel boxes and confidence.

Scanned-page branch of ingest (raster → **ocr** → ocr_lines → layout). The engine is RapidOCR
on ONNX Runtime with the PP-OCRv4 Chinese detection and recognition models that ship inside
the ``rapidocr-onnxruntime`` wheel, so nothing is fetched at run time. It is loaded once per
process (batch workers each load their own).

Detection runs on a reduced copy of the page (fast, and body text is still ~15 px there);
each detected line is then tightened to its ink and cut at column gutters before the
recognizer reads it at full resolution. Cutting matters on newspapers: the detector happily
joins two columns whose lines share a baseline, and the recognizer reads such a strip badly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from baoku.ingest.raster import ink_mask, longest_run


class OcrUnavailableError(RuntimeError):
    """The OCR engine (rapidocr-onnxruntime) is not installed in this environment."""


@dataclass(frozen=True, slots=True)
class OcrSettings:
    threads: int = 1  # per process: batch parallelism comes from worker processes
    det_dpi: float = 120.0  # detection resolution: 9 pt text is 15 px there
    min_score: float = 0.3  # recognitions below this are noise, not text
    low_confidence: float = 0.85  # lines below this are kept but flagged
    gutter_em: float = 0.9  # a blank gap this wide (× line height) may be a column gutter
    gutter_reach: int = 3  # ... and is one when blank this many line heights above/below
    channel_em: float = 0.3  # ... in a channel at least this wide (× line height)
    row_gap: float = 3.0  # × line height: detector pieces this close on one row are joined

    def __post_init__(self) -> None:
        if self.threads < 1 or self.det_dpi < 50:
            raise ValueError("OcrSettings: threads >= 1 and det_dpi >= 50")
        if not 0 <= self.min_score <= self.low_confidence <= 1:
            raise ValueError("OcrSettings: need 0 <= min_score <= low_confidence <= 1")


@dataclass(slots=True)
class OcrBox:
    """One recognized line in image pixels (of the deskewed page)."""

    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    confidence: float
    stroke: float  # mean horizontal ink run (px): thicker strokes mean a heavier face


@functools.lru_cache(maxsize=2)
def get_engine(threads: int = 1) -> Any:
    """The RapidOCR engine of this process (models load once, ~0.2 s)."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as exc:
        raise OcrUnavailableError(
            "OCR engine not installed (pip install rapidocr-onnxruntime)"
        ) from exc
    return RapidOCR(
        intra_op_num_threads=threads,
        inter_op_num_threads=1,
        use_cls=False,  # newspaper lines are upright once the page is deskewed
        print_verbose=False,
    )


def _detect(engine: Any, gray: np.ndarray, factor: float) -> list[tuple[int, int, int, int]]:
    import cv2

    small = gray
    if factor < 1.0:
        size = (max(32, round(gray.shape[1] * factor)), max(32, round(gray.shape[0] * factor)))
        small = cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
    boxes, _ = engine.text_det(cv2.cvtColor(small, cv2.COLOR_GRAY2BGR))
    if boxes is None:
        return []
    out = []
    h, w = gray.shape
    for quad in boxes:
        q = np.asarray(quad, dtype=np.float64) / factor
        x0, y0 = np.floor(q.min(axis=0)).astype(int)
        x1, y1 = np.ceil(q.max(axis=0)).astype(int)
        out.append((max(0, x0), max(0, y0), min(w, x1), min(h, y1)))
    return out


def _tighten(ink: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """Shrink a detector box (padded by design) to the ink inside it; None if it holds none."""
    x0, y0, x1, y1 = box
    region = ink[y0:y1, x0:x1]
    if region.size == 0:
        return None
    rows = np.flatnonzero(region.sum(axis=1) >= 2)
    cols = np.flatnonzero(region.sum(axis=0) >= 1)
    if rows.size == 0 or cols.size == 0:
        return None
    return (x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1)


def _gaps(cols_ink: np.ndarray, min_gap: int) -> list[tuple[int, int]]:
    """Blank column runs at least ``min_gap`` wide, not touching the ends."""
    out: list[tuple[int, int]] = []
    start = -1
    for i, has_ink in enumerate(cols_ink.tolist()):
        if not has_ink and start < 0:
            start = i
        elif has_ink and start >= 0:
            if i - start >= min_gap and start > 0:
                out.append((start, i))
            start = -1
    return out


def _rows(
    boxes: list[tuple[int, int, int, int]], max_gap: float
) -> list[tuple[int, int, int, int]]:
    """Join detector boxes that sit on one text row (the detector splits lines at wide,
    justified gaps); whether a row crosses a gutter is decided afterwards, from the ink."""
    out: list[list[int]] = []
    for x0, y0, x1, y1 in sorted(boxes):
        h = y1 - y0
        for o in out:
            oh = o[3] - o[1]
            overlap = min(o[3], y1) - max(o[1], y0)
            if (
                overlap >= 0.6 * min(h, oh)
                and abs(h - oh) <= 0.25 * max(h, oh)
                and -0.5 * h <= x0 - o[2] <= max_gap * max(h, oh)
            ):
                o[:] = [o[0], min(o[1], y0), max(o[2], x1), max(o[3], y1)]
                break
        else:
            out.append([x0, y0, x1, y1])
    return [(a, b, c, d) for a, b, c, d in out]


def _split_at_gutters(
    ink: np.ndarray, box: tuple[int, int, int, int], line_h: int, s: OcrSettings
) -> list[tuple[int, int, int, int]]:
    """Cut a line where it crosses a column gutter: a gap that stays blank for several line
    heights above or below (a gap after a comma or between words does not). ``line_h`` is
    the page's usual line height: a box joining two columns whose baselines differ is
    taller than one line, and must not make its gutter look narrow."""
    x0, y0, x1, y1 = box
    h = min(y1 - y0, line_h)
    cols_ink = ink[y0:y1, x0:x1].any(axis=0)
    cuts: list[int] = []
    reach = s.gutter_reach * h
    above = ink[max(0, y0 - reach) : y1]
    below = ink[y0 : min(ink.shape[0], y1 + reach)]
    min_channel = max(3, round(s.channel_em * h))
    for g0, g1 in _gaps(cols_ink, max(2, round(s.gutter_em * h))):
        # Pixel columns of the gap that stay blank above or below the line (a column's
        # first and last lines border a headline or a photo on one side). Chinese text sits
        # on a character grid, so thin blank channels between glyphs run down a whole
        # column; only a channel wider than those is a gutter. A stray speck is tolerated.
        for window in (above, below):
            blank = window[:, x0 + g0 : x0 + g1].mean(axis=0) <= 0.02
            c0, c1 = longest_run(blank)
            if c1 - c0 >= min_channel:
                cuts.append(x0 + g0 + (c0 + c1) // 2)
                break
    if not cuts:
        return [box]
    out: list[tuple[int, int, int, int]] = []
    left = x0
    for c in [*cuts, x1]:
        piece = _tighten(ink, (left, y0, c, y1))
        if piece is not None:
            out.append(piece)
        left = c
    return out


def _stroke(ink: np.ndarray, box: tuple[int, int, int, int]) -> float:
    """Mean length of horizontal ink runs: a cheap stroke-width measure for bold detection."""
    x0, y0, x1, y1 = box
    region = ink[y0:y1, x0:x1]
    if region.size == 0:
        return 0.0
    padded = np.pad(region.astype(np.int8), ((0, 0), (1, 1)))
    starts = int((np.diff(padded, axis=1) == 1).sum())
    return float(region.sum()) / starts if starts else 0.0


def recognize(
    gray: np.ndarray,
    dpi: float,
    skip: list[tuple[int, int, int, int]] | None = None,
    settings: OcrSettings | None = None,
) -> list[OcrBox]:
    """Recognized lines of a deskewed page image; text inside ``skip`` boxes (photos) is not
    read, since recognizing a picture only produces noise."""
    import cv2

    s = settings or OcrSettings()
    engine = get_engine(s.threads)
    ink = ink_mask(gray)
    for x0, y0, x1, y1 in skip or []:
        ink[y0:y1, x0:x1] = False
    tight: list[tuple[int, int, int, int]] = []
    for box in _detect(engine, gray, min(1.0, s.det_dpi / dpi)):
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        if any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in skip or []):
            continue
        t = _tighten(ink, box)
        if t is not None and t[3] - t[1] >= 4:
            tight.append(t)
    pieces: list[tuple[int, int, int, int]] = []
    line_h = int(np.median([b[3] - b[1] for b in tight])) if tight else 0
    for row in _rows(tight, s.row_gap):
        pieces.extend(_split_at_gutters(ink, row, max(line_h, 4), s))
    crops = []
    for x0, y0, x1, y1 in pieces:
        pad = max(2, (y1 - y0) // 6)
        crop = gray[max(0, y0 - pad) : y1 + pad, max(0, x0 - pad) : x1 + pad]
        crops.append(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR))
    if not crops:
        return []
    results, _ = engine.text_rec(crops)
    out: list[OcrBox] = []
    for box, res in zip(pieces, results, strict=True):
        text, score = str(res[0]).strip(), float(res[1])
        if not text or score < s.min_score:
            continue
        out.append(OcrBox(text, *box, confidence=score, stroke=_stroke(ink, box)))
    return out
