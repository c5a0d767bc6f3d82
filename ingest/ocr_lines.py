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
from dataclasses import replace

from baoku.ingest.markers import find_continuations
from baoku.ingest.ocr import OcrBox
from baoku.ingest.records import Article, BBox, TextLine, TextSource

# Ink of a line of Chinese text spans about this share of the font's em.
_INK_PER_EM = 0.92
_BODY_SNAP = 0.1  # sizes within 10% of the body size are the body size
_SNAP = 0.06  # other sizes within 6% of a cluster's mode are one size
_STACK = 0.15  # title lines stacked (or side by side) this close in size are one size
# Stroke weight (``ocr._stroke``) over ink height this much above the body's is a heavy
# face (Hei or bold). On generated scans Song body lines of four or more characters stay
# under 1.14 and Hei lines at body size (bylines, subheadlines) measure 1.18 and up.
_BOLD_RATIO = 1.16
_BOLD_SHORT = 1.3  # ... for lines of 3 characters or fewer, whose stroke measure is noisy

_CJK = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]"
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_PUNCT_NEAR_CJK = re.compile(rf"(?<={_CJK})[,:;!?()]|[,:;!?()](?={_CJK})")
# A "|" beside Chinese text is a rule or frame edge read as a glyph, never text.
_BAR_NEAR_CJK = re.compile(rf"\s*\|\s*(?={_CJK})|(?<={_CJK})\s*\|\s*|^\s*\|\s*|\s*\|\s*$")
_ASCII_QUOTE_NEAR_CJK = re.compile(rf'(?<={_CJK})"|"(?={_CJK})')
# Chinese text sets the ellipsis as …… and the dash as —— (two ems each). The recognizer
# reads the dots as a mix of … · . and the dash as one — or as hyphens; beside Chinese text
# such runs are the two-em marks. A lone "·" stays: it is the separator in foreign names.
_DOTS = r"(?:[·.．•]*…[…·.．•]*|[·.．•]{2,})"
_ELLIPSIS_NEAR_CJK = re.compile(rf"(?<={_CJK}){_DOTS}|{_DOTS}(?={_CJK})")
_DASH_NEAR_CJK = re.compile(rf"(?<={_CJK})[-－—―─]+|[-－—―─]+(?={_CJK})")


def _fix_quotes(text: str) -> str:
    """The recognizer reads “ ” as ASCII '"' or with the wrong hand; Chinese quotes pair up,
    so a quote is closing when one is open on the line, opening otherwise."""
    if '"' not in text and text.count("“") <= text.count("”"):
        return text
    text = _ASCII_QUOTE_NEAR_CJK.sub("\0", text)  # placeholder: decided in order below
    out: list[str] = []
    open_ = False
    for ch in text:
        if ch in "\0“":
            ch = "”" if open_ else "“"
            open_ = not open_
        elif ch == "”":
            open_ = False
        out.append(ch)
    return "".join(out)


def _full_width(text: str) -> str:
    text = _BAR_NEAR_CJK.sub("", text)
    text = _ELLIPSIS_NEAR_CJK.sub("……", text)
    text = _DASH_NEAR_CJK.sub("——", text)
    return _fix_quotes(_PUNCT_NEAR_CJK.sub(lambda m: _HALF_TO_FULL[m.group(0)], text))


def _modes(
    sizes: list[float], weights: list[int], tol: float, todo: set[int]
) -> tuple[list[int], float]:
    """The most weighted cluster among ``todo``: members within ``tol`` of the size with the
    most weight within ``tol`` around it, and their weighted mean."""
    idx = sorted(todo)
    arr = [sizes[i] for i in idx]
    best, best_w = idx[0], -1.0
    for i, si in zip(idx, arr, strict=True):
        w = sum(weights[j] for j, sj in zip(idx, arr, strict=True) if abs(sj / si - 1) <= tol)
        if w > best_w:
            best, best_w = i, w
    members = [j for j in idx if abs(sizes[j] / sizes[best] - 1) <= tol]
    total = sum(weights[j] for j in members)
    mean = sum(sizes[j] * weights[j] for j in members) / max(1, total)
    return members, mean


def _snap_sizes(sizes: list[float], weights: list[int]) -> tuple[list[float], float]:
    """Sizes of one face measured on different lines vary by a few percent (box heights of
    ±1 px, quotes, digits, noise), while layout compares sizes with a 0.6 pt tolerance.
    Clusters are grown around their modes, most weighted first (the body text first, with a
    wider tolerance, since it is most of the page), and each line gets its cluster's
    weighted mean. Returns the sizes and the body size."""
    if not sizes:
        return sizes, 10.0
    out = list(sizes)
    todo = set(range(len(sizes)))
    members, body = _modes(sizes, weights, _BODY_SNAP, todo)
    for i in members:
        out[i] = body
    todo -= set(members)
    while todo:
        members, mean = _modes(sizes, weights, _SNAP, todo)
        for i in members:
            out[i] = mean
        todo -= set(members)
    return out, body


def _stack_groups(
    boxes: Sequence[OcrBox], raw: list[float], sizes: list[float], body: float
) -> list[list[int]]:
    """Title lines that belong together: stacked lines of one headline, or pieces of one
    title row cut at a word space, whose size estimates differ by a few percent. Body lines
    are left alone (they are snapped to the body size already)."""
    parent = list(range(len(boxes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    big = [i for i, sz in enumerate(sizes) if sz != body]
    for a in big:
        for b in big:
            if b <= a or max(raw[a], raw[b]) > (1 + _STACK) * min(raw[a], raw[b]):
                continue
            ba, bb = boxes[a], boxes[b]
            h = max(ba.bottom - ba.top, bb.bottom - bb.top)
            x_overlap = min(ba.x1, bb.x1) - max(ba.x0, bb.x0)
            y_overlap = min(ba.bottom, bb.bottom) - max(ba.top, bb.top)
            v_gap = max(ba.top, bb.top) - min(ba.bottom, bb.bottom)
            stacked = v_gap <= 0.8 * h and x_overlap >= 0.3 * min(ba.x1 - ba.x0, bb.x1 - bb.x0)
            same_row = y_overlap >= 0.5 * h and -x_overlap <= 1.5 * h
            if stacked or same_row:
                parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for i in range(len(boxes)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


# Bylines ("本报记者叶小钟 赵思远", "本报通讯员秦金芳") are short runs of names without
# punctuation; a body line that short ends its paragraph with "。" or similar.
_BYLINE_MAX = 16  # characters
_SENTENCE_MARKS = set("，。、；：！？“”‘’（）《》…—")


def _byline_stacks(boxes: Sequence[OcrBox], sizes: list[float], body: float) -> list[list[int]]:
    """Stacks of two or more short body-size lines without punctuation, directly above one
    another and overlapping sideways: the lines of one byline block."""
    cand = [
        i
        for i, b in enumerate(boxes)
        if sizes[i] == body
        and len(b.text.strip()) <= _BYLINE_MAX
        and not _SENTENCE_MARKS.intersection(b.text)
    ]
    cand.sort(key=lambda i: boxes[i].top)
    groups: list[list[int]] = []
    for i in cand:
        b = boxes[i]
        h = b.bottom - b.top
        for g in groups:
            last = boxes[g[-1]]
            overlap = min(b.x1, last.x1) - max(b.x0, last.x0)
            gap = b.top - last.bottom
            if 0 <= gap <= 0.8 * h and overlap >= 0.5 * min(b.x1 - b.x0, last.x1 - last.x0):
                g.append(i)
                break
        else:
            groups.append([i])
    return [g for g in groups if len(g) >= 2]


_OPENING = "“‘（《「【"
_CLOSING = "”’）》」】，。、；：！？"


def _title_size(box: OcrBox, from_height: float, scale: float) -> float:
    """Size of a line larger than body text. Ink height depends on which glyphs a line
    holds (a line of 如何 is shorter than one of 安全), by several percent at headline
    sizes; Chinese headlines are set solid, so the character pitch is steadier. Taken as
    the median of the two (with the height estimate twice when the pitch is implausible)."""
    text = box.text.strip()
    units = sum(0.5 if ch.isascii() else 1.0 for ch in text if not ch.isspace())
    # Punctuation and quotes at either end keep their ink to one side of the em.
    edge = (text[:1] in _OPENING) + (text[-1:] in _CLOSING)
    span = units - 0.1 - 0.5 * edge
    inner = text[1:] if text[:1] in _OPENING else text
    inner = inner[:-1] if inner[-1:] in _CLOSING else inner
    # Only a line of ideographs has a known pitch: quotes, digits and Latin inside it are
    # narrower in many faces.
    if span < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in inner):
        return from_height
    pitch = (box.x1 - box.x0) * scale / span
    if span >= 4 and 0.6 * from_height <= pitch < 0.8 * from_height:
        # Ideographs are square: ink this much taller than the pitch over a run of them is a
        # neighbouring line's strokes caught in the box (tightly led headlines nearly touch).
        return pitch
    if not 0.8 * from_height <= pitch <= 1.25 * from_height:
        return from_height
    return (from_height + pitch) / 2


def boxes_to_lines(boxes: Sequence[OcrBox], scale: float) -> list[TextLine]:
    """OCR boxes of one page (pixels, ``scale`` points per pixel) as sorted ``TextLine``s.

    A line's box is its ink box widened vertically to the em (as a text layer's char boxes
    are), so leading and gaps measure alike on both paths."""
    joined = [b for b in boxes if b.text.strip()]
    if not joined:
        return []
    heights = [(b.bottom - b.top) * scale / _INK_PER_EM for b in joined]
    weights = [len(b.text) for b in joined]
    _, body = _snap_sizes(heights, weights)
    raw_sizes = [
        _title_size(b, hs, scale) if hs > (1 + _BODY_SNAP) * body else hs
        for b, hs in zip(joined, heights, strict=True)
    ]
    sizes, body = _snap_sizes(raw_sizes, weights)
    # Stroke weight over ink height, with the body's usual ink height for lines of body
    # size: a Hei line's ink fills more of the em than Song's, so dividing by its own
    # height would hide the heavier face it is set in.
    body_px = statistics.median(
        [b.bottom - b.top for b, sz in zip(joined, sizes, strict=True) if sz == body]
        or [b.bottom - b.top for b in joined]
    )
    ratios = [
        b.stroke / max(1, body_px if sz == body else b.bottom - b.top)
        for b, sz in zip(joined, sizes, strict=True)
    ]
    body_ratios = [r for r, s in zip(ratios, sizes, strict=True) if s == body]
    usual = statistics.median(body_ratios or ratios)
    bold = [
        r > (_BOLD_RATIO if len(b.text) > 3 else _BOLD_SHORT) * usual
        for b, r in zip(joined, ratios, strict=True)
    ]
    for group in _byline_stacks(joined, sizes, body):
        # A line of three characters or fewer (a name alone) measures too noisily to decide
        # by itself; in a stack it is decided together with the line it continues (above
        # it, or below when it comes first). Longer lines decide alone: a stack may be a
        # byline over narrow body lines that also lack punctuation.
        for k, i in enumerate(group):
            if len(joined[i].text.strip()) > 3:
                continue
            j = group[k - 1] if k else group[1]
            total = weights[i] + weights[j]
            mean = (ratios[i] * weights[i] + ratios[j] * weights[j]) / total
            bold[i] = mean > _BOLD_RATIO * usual
    for group in _stack_groups(joined, raw_sizes, sizes, body):
        if len(group) < 2:
            continue
        total = sum(weights[i] for i in group)
        mean = sum(sizes[i] * weights[i] for i in group) / total
        heavy = sum(weights[i] for i in group if bold[i]) * 2 > total
        for i in group:
            sizes[i], bold[i] = mean, heavy
    lines: list[TextLine] = []
    for b, size, heavy in zip(joined, sizes, bold, strict=True):
        mid = (b.top + b.bottom) / 2 * scale
        half = max(size, (b.bottom - b.top) * scale) / 2
        lines.append(
            TextLine(
                text=_full_width(b.text),
                bbox=BBox(b.x0 * scale, mid - half, b.x1 * scale, mid + half),
                size=round(size, 2),
                bold=heavy,
                source=TextSource.OCR,
                confidence=round(b.confidence, 4),
            )
        )
    lines = [piece for ln in lines if ln.text.strip() for piece in _split_at_markers(ln)]
    lines.sort(key=lambda ln: (round(ln.bbox.top, 0), ln.bbox.x0))
    return lines


def _units(text: str) -> float:
    # Advance widths in ems: Chinese and full-width marks are square, ASCII about half.
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def _split_at_markers(line: TextLine) -> list[TextLine]:
    """A 下转/上接 notice is a line of its own on the page; when detection joined it with the
    next column's text (the notice is short and sits at a column's foot), cut the line at the
    notice so that text is not read into the continued article."""
    cuts: set[int] = set()
    for mark in find_continuations(line.text):
        start, end = mark.span
        if mark.direction == "to" and line.text[end:].strip():
            cuts.add(end)
        elif mark.direction == "from" and line.text[:start].strip():
            cuts.add(start)
    if not cuts:
        return [line]
    total = _units(line.text) or 1.0
    width = line.bbox.x1 - line.bbox.x0
    out: list[TextLine] = []
    prev = 0
    for cut in [*sorted(cuts), len(line.text)]:
        text = line.text[prev:cut]
        if text.strip():
            x0 = line.bbox.x0 + width * _units(line.text[:prev]) / total
            x1 = line.bbox.x0 + width * _units(line.text[:cut]) / total
            out.append(
                replace(line, text=text.strip(), bbox=BBox(x0, line.bbox.top, x1, line.bbox.bottom))
            )
        prev = cut
    return out


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
