"""OCR boxes → ``TextLine``s: the same unit the text-layer reader hands to layout analysis.

Scanned-page branch of ingest (ocr → **ocr_lines** → layout → articles). Pixel boxes become
top-left PDF points; the font size is estimated from the ink height of the line and snapped
to the page's body size (layout compares sizes with a 0.6 pt tolerance, which raw estimates
would miss); bold comes from stroke width relative to line height; half-width punctuation
the recognizer emits between Chinese characters is made full-width, as printed. After
articles are built, each gets the mean confidence of its OCR lines and the indices of
paragraphs holding a low-confidence line.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from baoku.ingest.ocr import OcrBox
from baoku.ingest.records import Article, BBox, TextLine, TextSource

# Ink of a line of Chinese text spans about this share of the font's em.
_INK_PER_EM = 0.92
_SNAP = 0.1  # sizes within 10% of the body size are the body size
_BOLD_RATIO = 1.3  # stroke/height this much above the body's is a heavy face

_CJK = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]"
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_PUNCT_NEAR_CJK = re.compile(rf"(?<={_CJK})[,:;!?()]|[,:;!?()](?={_CJK})")


def _full_width(text: str) -> str:
    return _PUNCT_NEAR_CJK.sub(lambda m: _HALF_TO_FULL[m.group(0)], text)


def _snap_sizes(sizes: list[float], weights: list[int]) -> tuple[list[float], float]:
    """Sizes of one face measured on different lines vary by a few percent (quotes, digits,
    noise); cluster sizes within ``_SNAP`` of each other and give each cluster its weighted
    mean, so lines set in one size compare equal. Returns the sizes and the body size."""
    if not sizes:
        return sizes, 10.0
    order = sorted(range(len(sizes)), key=lambda i: sizes[i])
    clusters: list[list[int]] = [[order[0]]]
    for i in order[1:]:
        if sizes[i] <= sizes[clusters[-1][0]] * (1 + _SNAP):
            clusters[-1].append(i)
        else:
            clusters.append([i])
    out = list(sizes)
    body, body_weight = 10.0, -1
    for cl in clusters:
        w = sum(weights[i] for i in cl)
        mean = sum(sizes[i] * weights[i] for i in cl) / max(1, w)
        for i in cl:
            out[i] = mean
        if w > body_weight:
            body, body_weight = mean, w
    return out, body


def boxes_to_lines(boxes: Sequence[OcrBox], scale: float) -> list[TextLine]:
    """OCR boxes of one page (pixels, ``scale`` points per pixel) as sorted ``TextLine``s."""
    joined = [b for b in boxes if b.text.strip()]
    if not joined:
        return []
    raw_sizes = [(b.bottom - b.top) * scale / _INK_PER_EM for b in joined]
    sizes, body = _snap_sizes(raw_sizes, [len(b.text) for b in joined])
    ratios = [b.stroke / max(1, b.bottom - b.top) for b in joined]
    body_ratios = [r for r, s in zip(ratios, sizes, strict=True) if s == body]
    usual = statistics.median(body_ratios or ratios)
    lines = [
        TextLine(
            text=_full_width(b.text),
            bbox=BBox(b.x0 * scale, b.top * scale, b.x1 * scale, b.bottom * scale),
            size=round(size, 2),
            bold=ratio > _BOLD_RATIO * usual,
            source=TextSource.OCR,
            confidence=round(b.confidence, 4),
        )
        for b, size, ratio in zip(joined, sizes, ratios, strict=True)
    ]
    lines.sort(key=lambda ln: (round(ln.bbox.top, 0), ln.bbox.x0))
    return lines


_WS = re.compile(r"\s+")


def annotate_confidence(articles: Sequence[Article], lines: Sequence[TextLine], low: float) -> None:
    """Set each OCR article's mean line confidence and flag paragraphs holding a line read
    with less than ``low`` confidence (the text is kept: a person can check the image)."""
    for art in articles:
        if art.text_source != TextSource.OCR:
            continue
        boxes = [b for part in art.parts for b in part.bboxes]
        mine = [ln for ln in lines if any(_within(ln.bbox, b) for b in boxes)]
        if not mine:
            continue
        total = sum(len(ln.text) for ln in mine)
        art.ocr_confidence = round(sum(ln.confidence * len(ln.text) for ln in mine) / total, 4)
        paras = [_WS.sub("", p) for p in art.paragraphs]
        flagged: set[int] = set()
        for ln in mine:
            if ln.confidence >= low:
                continue
            key = _WS.sub("", ln.text)
            for i, p in enumerate(paras):
                if key and (key in p or key[:6] in p):
                    flagged.add(i)
                    break
        art.low_confidence_paragraphs = sorted(flagged)


def _within(inner: BBox, outer: BBox, tol: float = 1.0) -> bool:
    return (
        inner.x0 >= outer.x0 - tol
        and inner.x1 <= outer.x1 + tol
        and inner.top >= outer.top - tol
        and inner.bottom <= outer.bottom + tol
    )
