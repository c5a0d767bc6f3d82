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
    gutter_em: float = 0.5  # a blank gap this wide (× text height) may be a column gutter
    gutter_reach: int = 10  # line heights above and below searched for its channel
    channel_em: float = 0.6  # a channel is at least this wide (× text height)
    wide_gap: float = 1.1  # × text height: a gap at least this wide ...
    wide_lines: int = 2  # ... is a gutter with this many lines of channel beside text
    narrow_lines: int = 4  # ... narrower gaps need this many
    noise: float = 0.04  # pixel columns with less ink than this × line height are blank
    lone_gap: float = 1.3  # × text height: gutter width when no text is above or below
    row_gap: float = 3.0  # × line height: detector pieces this close on one row are joined
    rescue: float = 0.1  # a blank frame whose runner-up mark (、，…) is this likely emits it
    # Lines per recognizer call. One at a time is cheapest on one thread: ~30% less CPU than
    # RapidOCR's batches of 6 on a page's crops (no padding to the widest crop of a batch,
    # smaller tensors that stay in cache), with the same text.
    rec_batch: int = 1

    def __post_init__(self) -> None:
        if self.threads < 1 or self.det_dpi < 50 or self.rec_batch < 1:
            raise ValueError("OcrSettings: threads >= 1, det_dpi >= 50 and rec_batch >= 1")
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
    stroke: float  # stroke weight (px, see ``_stroke``): thicker strokes mean a heavier face


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


Box = tuple[int, int, int, int]


def _blank(counts: np.ndarray, tol: float) -> np.ndarray:
    """Pixel rows/columns holding at most ``tol`` ink pixels count as blank: scan noise and
    JPEG specks must not bridge a gap."""
    return np.asarray(counts <= tol)


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of every run of True in a 1-D boolean array."""
    padded = np.concatenate(([False], flags.astype(bool), [False]))
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _tighten(ink: np.ndarray, box: Box) -> Box | None:
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


def _rows(boxes: list[Box], max_gap: float) -> list[Box]:
    """Join detector boxes that sit on one text row: the detector splits justified lines at
    wide gaps, and cuts a headline's last glyph off when it is punctuation ("？" has a
    shorter ink box than the characters). Whether a row crosses a gutter is decided
    afterwards, from the ink."""
    out: list[list[int]] = []
    for x0, y0, x1, y1 in sorted(boxes):
        h = y1 - y0
        for o in out:
            oh = o[3] - o[1]
            overlap = min(o[3], y1) - max(o[1], y0)
            similar = abs(h - oh) <= 0.25 * max(h, oh)
            # A short box (punctuation, a small piece) inside a taller one's band joins it
            # only when close: a caption beside a headline stays apart.
            nested = overlap >= 0.9 * min(h, oh) and x0 - o[2] <= 0.6 * max(h, oh)
            if (
                overlap >= 0.6 * min(h, oh)
                and (similar or nested)
                and -0.5 * h <= x0 - o[2] <= max_gap * max(h, oh)
            ):
                o[:] = [o[0], min(o[1], y0), max(o[2], x1), max(o[3], y1)]
                break
        else:
            out.append([x0, y0, x1, y1])
    return [(a, b, c, d) for a, b, c, d in out]


def _text_height(ink: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> int:
    """Height of the tallest ink band in a region: the text height there, even when the
    region also catches slivers of the lines above and below."""
    if x1 <= x0 or y1 <= y0:
        return 0
    rows = ink[y0:y1, x0:x1].sum(axis=1)
    runs = _runs(~_blank(rows, 0))
    return max((b - a for a, b in runs), default=0)


def _split_at_gutters(
    ink: np.ndarray, box: Box, line_h: int, vrules: list[Box], s: OcrSettings
) -> list[Box]:
    """Cut a row where it crosses a column gutter or a vertical rule.

    A gutter is a gap in the row wider than ``gutter_em`` of the text height beside it (of
    0.9 of it for text larger than body, as the text-layer reader cuts at 0.9 em) that
    continues as a blank channel between the text of the ``gutter_reach`` line heights above
    or below (``_channel``). That tells a gutter from a gap after a comma or between words:
    Chinese text sits on a character grid, so the lines above and below have glyphs there.
    ``ink`` must hold text only (rules and photos removed); ``line_h`` is the page's usual
    line height, since a row joining two columns whose baselines differ is taller than one
    line.
    """
    x0, y0, x1, y1 = box
    cuts: list[int] = []
    for rx0, ry0, rx1, ry1 in vrules:
        cx = (rx0 + rx1) // 2
        # A rule that crosses most of the row divides it, whatever the gap looks like.
        if x0 < cx < x1 and min(ry1, y1) - max(ry0, y0) >= 0.5 * min(y1 - y0, line_h):
            cuts.append(cx)
    cols = ink[y0:y1, x0:x1].sum(axis=0)
    tol = max(1.0, s.noise * min(y1 - y0, line_h))
    base = min(y1 - y0, line_h)
    min_gap = max(2, round(s.gutter_em * base))
    for g0, g1 in _runs(_blank(cols, tol)):
        if g0 == 0 or g1 == cols.size or g1 - g0 < min_gap:
            continue
        gx0, gx1 = x0 + g0, x0 + g1
        if any(gx0 <= c < gx1 for c in cuts):
            continue
        reach_x = 2 * line_h
        left = _text_height(ink, max(x0, gx0 - reach_x), y0, gx0, y1)
        right = _text_height(ink, gx1, y0, min(x1, gx1 + reach_x), y1)
        size = min(left, right)
        if size > 1.3 * line_h and g1 - g0 < 0.9 * size:
            continue  # a gap inside a headline: the text layer would not cut here either
        # Punctuation beside the gap is short: the text height is the taller side's.
        h = min(base, max(left, right, 4))
        reach = s.gutter_reach * line_h
        min_w = max(3, round(s.channel_em * h))
        lines = _channel_depth(
            ink, gx0, gx1, max(0, y0 - reach), y0, h, True, min_w
        ) + _channel_depth(ink, gx0, gx1, y1, y1 + reach, h, False, min_w)
        # A gap as wide as a gutter needs two lines of blank channel beside text to be one;
        # a narrower one (a gutter, or the blank after "，" or "、“") needs more.
        need = s.wide_lines if g1 - g0 >= s.wide_gap * h else s.narrow_lines
        if lines >= need or (
            lines == 0
            and g1 - g0 >= s.lone_gap * h
            and _no_text_near(ink, gx0, gx1, y0, y1, reach, h)
        ):
            cuts.append((gx0 + gx1) // 2)
    if not cuts:
        pieces = [box]
    else:
        pieces = []
        left_x = x0
        for c in [*sorted(cuts), x1]:
            pieces.append((left_x, y0, c, y1))
            left_x = c
    out: list[Box] = []
    for p in pieces:
        out.extend(_split_lines(ink, p, line_h))
    return out


def _channel_depth(
    ink: np.ndarray, gx0: int, gx1: int, ya: int, yb: int, h: int, up: bool, min_w: int
) -> int:
    """How many lines of text a blank channel inside ``gx0..gx1`` runs between, walking from
    the row away (up or down) through ``ya..yb`` until text first crosses it.

    Only rows with text on both sides of the gap (within two text heights) count: blank
    paper above an article's first line says nothing about a gutter. Not further: a
    paragraph's short last line in the same column as the gap, beside the next column's
    text, would pass for a gutter's evidence. Lines are counted, not
    pixel rows, so a headline's word space above a comma is one line of evidence, not
    three. A gutter runs down a whole column; the gap after a comma is crossed by the
    glyphs of the next line or the one after (commas do line up now and then, never for
    long)."""
    win = ink[ya:yb]
    if up:
        win = win[::-1]
    # Two ems: a line that ends (or starts) with a mark such as "、" or "“", whose ink sits
    # at the far side of the mark's em, counts by its glyphs, not by the mark's few rows.
    left = win[:, max(0, gx0 - 2 * h) : gx0].sum(axis=1) >= 2
    right = win[:, gx1 : gx1 + 2 * h].sum(axis=1) >= 2
    rows = np.flatnonzero(left & right)
    if rows.size == 0:
        return 0
    text = win[rows, gx0:gx1]
    # Per pixel column: text rows passed before it holds ink (a speck or two is tolerated).
    inked = np.cumsum(text, axis=0) > 2
    first = np.where(inked.any(axis=0), inked.argmax(axis=0), rows.size)
    depth = 0
    for d in sorted(set(first.tolist()), reverse=True):
        c0, c1 = longest_run(first >= d)
        if c1 - c0 >= min_w:
            depth = d
            break
    # Lines = runs of text rows (gaps inside glyphs do not end one, the leading between
    # lines does); count those of about the row's size that the channel passes completely
    # (a headline above is one different line, whose word space proves nothing).
    breaks = np.flatnonzero(np.diff(rows) > max(2, 0.2 * h)).tolist()
    starts, ends = [0, *(b + 1 for b in breaks)], [*breaks, rows.size - 1]
    return sum(
        1
        for a, b in zip(starts, ends, strict=True)
        if b < depth and 0.5 * h <= rows[b] - rows[a] + 1 <= 1.5 * h
    )


def _no_text_near(
    ink: np.ndarray, gx0: int, gx1: int, y0: int, y1: int, reach: int, h: int
) -> bool:
    """No text beside the gap within ``reach`` above or below (a lone row: captions side
    by side under photos)."""
    for ya, yb in ((max(0, y0 - reach), y0), (y1, y1 + reach)):
        win = ink[ya:yb]
        left = win[:, max(0, gx0 - h) : gx0].sum(axis=1) >= 2
        right = win[:, gx1 : gx1 + h].sum(axis=1) >= 2
        if int((left & right).sum()) >= 0.8 * h:
            return False
    return True


def _split_lines(ink: np.ndarray, box: Box, line_h: int) -> list[Box]:
    """A piece cut from a row may span more than one text line (the detector joined two
    columns whose baselines differ, so the row box is taller than a line): keep each
    line-high ink band, drop slivers of neighbouring lines at the edges."""
    t = _tighten(ink, box)
    if t is None:
        return []
    x0, y0, x1, y1 = t
    rows = ink[y0:y1, x0:x1].sum(axis=1)
    bands = _runs(~_blank(rows, max(0.0, 0.004 * (x1 - x0))))
    tallest = max((b - a for a, b in bands), default=0)
    if y1 - y0 <= 1.25 * tallest or tallest == 0:
        return [t]
    # Bands close together belong to one line (strokes of 二, 三; a dot over i), but never
    # grow taller than a line: a tightly led headline's neighbouring line is close too.
    groups: list[list[int]] = []
    for a, b in bands:
        if groups and a - groups[-1][1] < 0.15 * tallest and b - groups[-1][0] <= 1.1 * tallest:
            groups[-1][1] = b
        else:
            groups.append([a, b])
    keep = [(a, b) for a, b in groups if b - a >= 0.5 * min(tallest, line_h)]
    out: list[Box] = []
    for a, b in keep or [(0, y1 - y0)]:
        piece = _tighten(ink, (x0, y0 + a, x1, y0 + b))
        if piece is not None:
            out.append(piece)
    return out


def _grow_cut_edges(ink: np.ndarray, box: Box, line_h: int) -> Box:
    """Extend a row whose top or bottom edge cuts through a line of text to that line's
    edge. The detector now and then returns one box over two lines that ends halfway down
    the second; the half inside would be dropped as a sliver and the half outside is too
    short to pass for a missed line, so the line would vanish. A box that ends on paper
    (the leading between lines) is left as it is."""
    x0, y0, x1, y1 = box
    tol = max(1.0, 0.004 * (x1 - x0))
    h = ink.shape[0]
    bottom = y1
    while (
        bottom < min(h, y1 + line_h) and ink[bottom - 1 : bottom + 1, x0:x1].sum(axis=1).min() > tol
    ):
        bottom += 1
    top = y0
    while top > max(0, y0 - line_h) and ink[top - 1 : top + 1, x0:x1].sum(axis=1).min() > tol:
        top -= 1
    return (x0, top, x1, bottom)


def _missed_lines(ink: np.ndarray, found: list[Box], line_h: int) -> list[Box]:
    """Lines of text the detector missed. On dense pages it now and then skips a whole row
    of lines across several columns, which would simply vanish from the article. The ink
    left outside every detected box, with glyphs joined sideways (not up or down: leading
    keeps lines apart), forms line-shaped runs there: at least 0.6 line high and 1.5 times
    as wide as high, so specks, slivers at the edge of a detected box and a lone glyph the
    detector cut off are not taken."""
    import cv2

    left = ink.copy()
    for x0, y0, x1, y1 in found:
        # A pixel of slack: detected boxes are tightened to their ink.
        left[max(0, y0 - 1) : y1 + 1, max(0, x0 - 1) : x1 + 1] = False
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, line_h), 1))
    joined = cv2.dilate(left.astype(np.uint8), kernel)
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    out: list[Box] = []
    for x, y, w, h, _area in stats[1:n]:
        if h < 0.6 * line_h or w < 1.5 * h:
            continue
        t = _tighten(left, (int(x), int(y), int(x + w), int(y + h)))
        if t is not None and t[3] - t[1] >= 0.6 * line_h and t[2] - t[0] >= 1.5 * (t[3] - t[1]):
            out.append(t)
    return out


def _drop_duplicates(pieces: list[Box], shape: tuple[int, ...], share: float = 0.6) -> list[Box]:
    """Drop pieces that other pieces mostly cover. The detector now and then returns a box
    over several lines besides the boxes of those lines; split into lines, it yields each
    of them again (often as a partial, half-height band), which would be read twice.
    Smallest first, so a sliver goes and the whole line stays."""
    count = np.zeros(shape[:2], dtype=np.int16)
    for x0, y0, x1, y1 in pieces:
        count[y0:y1, x0:x1] += 1
    dropped: set[int] = set()
    for i in sorted(
        range(len(pieces)),
        key=lambda k: (pieces[k][2] - pieces[k][0]) * (pieces[k][3] - pieces[k][1]),
    ):
        x0, y0, x1, y1 = pieces[i]
        if (count[y0:y1, x0:x1] > 1).mean() >= share:
            count[y0:y1, x0:x1] -= 1
            dropped.add(i)
    return [p for i, p in enumerate(pieces) if i not in dropped]


def _stroke(ink: np.ndarray, box: tuple[int, int, int, int]) -> float:
    """Stroke weight of a line (px): the geometric mean of its mean horizontal ink run
    (mostly the width of vertical strokes) and the mean thickness of its horizontal strokes
    (vertical runs no longer than a quarter of the line). A sans face such as Hei (黑体),
    which a text layer would call heavy, has thick horizontal strokes where the body's Song
    (宋体) has hairlines; the first measure alone tells them apart poorly at body size."""
    x0, y0, x1, y1 = box
    region = ink[y0:y1, x0:x1]
    if region.size == 0:
        return 0.0
    padded = np.pad(region.astype(np.int8), ((0, 0), (1, 1)))
    starts = int((np.diff(padded, axis=1) == 1).sum())
    if not starts:
        return 0.0
    across = float(region.sum()) / starts
    vert = np.diff(np.pad(region.astype(np.int8), ((1, 1), (0, 0))), axis=0).T
    begin = np.flatnonzero(vert.ravel() == 1)
    end = np.flatnonzero(vert.ravel() == -1)
    lengths = end - begin  # runs pair up column by column (the padding closes each)
    short = lengths[lengths <= max(2, 0.25 * (y1 - y0))]
    if short.size == 0:
        return across
    return float(np.sqrt(across * float(short.mean())))


# Marks the recognizer often scores just below "blank" although their ink is in the crop:
# small (、 ， ‘ ’) or thin and long (…… ——), so a frame of the sequence model holds a
# little of them.
_RESCUE = "、，‘’…—"
_TOPK = 4  # candidates kept per frame (the decoder looks no further)


def ctc_decode(
    idx: np.ndarray, prob: np.ndarray, chars: list[str], rescue: float
) -> tuple[str, float]:
    """Greedy CTC decoding of one line from its ``_TOPK`` best classes per frame (``idx``,
    ``prob``: frames × k, best first; class 0 is blank), with one change: a frame the
    recognizer left blank whose runner-up is a mark of ``_RESCUE`` with probability at
    least ``rescue`` emits that mark, when it lies between two characters read. Then
    repeats collapse as usual (a mark read over two frames is one mark). Confidence is the
    mean probability of the characters emitted, as RapidOCR reports it."""
    best = idx[:, 0].copy()
    p = prob[:, 0].copy()
    read = np.flatnonzero(best != 0)
    if rescue < 1.0 and read.size >= 2:
        for t in range(int(read[0]) + 1, int(read[-1])):
            if best[t] != 0:
                continue
            for j in range(1, idx.shape[1]):
                c = int(idx[t, j])
                if 0 < c < len(chars) and chars[c] in _RESCUE and prob[t, j] >= rescue:
                    best[t], p[t] = c, prob[t, j]
                    break
    keep = best != 0
    keep[1:] &= best[1:] != best[:-1]
    keep &= best < len(chars)
    out = [chars[int(c)] for c in best[keep]]
    _dashes_read_as_yi(out, np.flatnonzero(keep), idx, prob, chars)
    text = "".join(out)
    return text, float(p[keep].mean()) if keep.any() else 0.0


_DASHES = "—-－―─"
_YI_DASH_SHARE = 0.06  # mean share of dash classes beside 一 that makes 一一 a ——


def _dashes_read_as_yi(
    out: list[str], frames: np.ndarray, idx: np.ndarray, prob: np.ndarray, chars: list[str]
) -> None:
    """The two-em dash —— is often read as 一一 (the same stroke, twice). Where it is, the
    recognizer still gives a dash class real weight beside each 一: a mean share of dash
    classes (of dash + 一) of ``_YI_DASH_SHARE`` or more over the pair makes it ——. A real
    一 leaves them about 0.04 at most on generated scans; misread dashes 0.07 to 0.35."""
    for k in range(len(out) - 1):
        if out[k] != "一" or out[k + 1] != "一":
            continue
        shares = []
        for t in (int(frames[k]), int(frames[k + 1])):
            dash = yi = 0.0
            for j in range(idx.shape[1]):
                c = int(idx[t, j])
                if 0 < c < len(chars) and chars[c] in _DASHES:
                    dash += float(prob[t, j])
                elif 0 < c < len(chars) and chars[c] == "一":
                    yi += float(prob[t, j])
            shares.append(dash / max(1e-6, dash + yi))
        if sum(shares) / 2 >= _YI_DASH_SHARE:
            out[k] = out[k + 1] = "—"


def rec_topk(
    engine: Any, crops: list[np.ndarray], batch: int = 1
) -> list[tuple[np.ndarray, np.ndarray]]:
    """The recognizer's ``_TOPK`` best classes and probabilities per frame of each crop,
    ``batch`` crops per call, batched as RapidOCR batches them (crops of similar aspect
    together, each padded to the widest of its batch)."""
    rec = engine.text_rec
    _, img_h, img_w = rec.rec_image_shape[:3]
    order = np.argsort([c.shape[1] / c.shape[0] for c in crops])
    empty = (np.zeros((0, _TOPK), dtype=np.int64), np.zeros((0, _TOPK), dtype=np.float32))
    out: list[tuple[np.ndarray, np.ndarray]] = [empty] * len(crops)
    for b in range(0, len(crops), batch):
        group = order[b : b + batch]
        ratio = max(img_w / img_h, *(crops[i].shape[1] / crops[i].shape[0] for i in group))
        inputs = np.concatenate([rec.resize_norm_img(crops[i], ratio)[None] for i in group])
        preds = rec.session(inputs.astype(np.float32))[0]
        # The k best of ~6600 classes per frame, best first (a partition, then a small sort).
        top = np.argpartition(-preds, _TOPK, axis=2)[:, :, :_TOPK]
        top_p = np.take_along_axis(preds, top, axis=2)
        rank = np.argsort(-top_p, axis=2)
        top, top_p = np.take_along_axis(top, rank, axis=2), np.take_along_axis(top_p, rank, axis=2)
        for k, i in enumerate(group):
            # Frames beyond the crop's own width are padding.
            own = crops[i].shape[1] / crops[i].shape[0] / ratio
            frames = min(preds.shape[1], int(np.ceil(preds.shape[1] * own)) + 1)
            out[int(i)] = (top[k, :frames], top_p[k, :frames])
    return out


def read_crops(
    engine: Any, crops: list[np.ndarray], rescue: float, batch: int = 1
) -> list[tuple[str, float]]:
    """Text and confidence of each crop (see ``ctc_decode``)."""
    chars = list(engine.text_rec.postprocess_op.character)
    return [ctc_decode(i, p, chars, rescue) for i, p in rec_topk(engine, crops, batch)]


def recognize(
    gray: np.ndarray,
    dpi: float,
    skip: list[Box] | None = None,
    settings: OcrSettings | None = None,
    rules: list[Box] | None = None,
) -> list[OcrBox]:
    """Recognized lines of a deskewed page image. Text inside ``skip`` boxes (photos) is not
    read, since recognizing a picture only produces noise. ``rules`` (pixel boxes of ruling
    lines found on the page) are no text: they are left out of the ink that gutters are
    measured in, vertical ones cut the rows they cross, and none is shown to the recognizer."""
    import cv2

    s = settings or OcrSettings()
    engine = get_engine(s.threads)
    ink = ink_mask(gray)
    # ``clean``: what the recognizer is shown, without photos and rules beside the text.
    clean = gray.copy() if skip or rules else gray
    paper = int(np.percentile(gray[::8, ::8], 90))
    for x0, y0, x1, y1 in skip or []:
        ink[y0:y1, x0:x1] = False
        clean[y0:y1, x0:x1] = paper
    vrules: list[Box] = []
    if rules:
        for x0, y0, x1, y1 in rules:
            # Anti-aliased edges of a rule lie a pixel or two outside its ink box.
            ex0, ey0, ex1, ey1 = max(0, x0 - 2), max(0, y0 - 2), x1 + 2, y1 + 2
            ink[ey0:ey1, ex0:ex1] = False
            clean[ey0:ey1, ex0:ex1] = paper
            if y1 - y0 > x1 - x0:
                vrules.append((x0, y0, x1, y1))
    tight: list[Box] = []
    for box in _detect(engine, gray, min(1.0, s.det_dpi / dpi)):
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        if any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in skip or []):
            continue
        t = _tighten(ink, box)
        if t is not None and t[3] - t[1] >= 4:
            tight.append(t)
    pieces: list[Box] = []
    line_h = max(4, int(np.median([b[3] - b[1] for b in tight]))) if tight else 4
    if tight:
        tight.extend(_missed_lines(ink, tight, line_h))
    for row in _rows(tight, s.row_gap):
        row = _grow_cut_edges(ink, row, line_h)
        pieces.extend(p for p in _split_at_gutters(ink, row, line_h, vrules, s) if p[3] - p[1] >= 4)
    pieces = _drop_duplicates(pieces, ink.shape)
    # The recognizer drops punctuation at either end of a tight crop (a closing ” or a
    # leading “ whose ink sits at the far side of its em), so each piece is cut with a
    # margin of half its height; ink in the margin belongs to something else (the next
    # column, a rule) and is painted out with the paper's tone.
    crops = []
    for x0, y0, x1, y1 in pieces:
        h = y1 - y0
        side, top = max(4, h // 2), max(2, h // 6)
        cx0, cy0 = max(0, x0 - side), max(0, y0 - top)
        crop = clean[cy0 : y1 + top, cx0 : x1 + side].copy()
        foreign = ink[cy0 : y1 + top, cx0 : x1 + side].copy()
        foreign[y0 - cy0 : y1 - cy0, x0 - cx0 : x1 - cx0] = False
        crop[foreign] = paper
        crops.append(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR))
    if not crops:
        return []
    results = read_crops(engine, crops, s.rescue, s.rec_batch)
    out: list[OcrBox] = []
    for box, res in zip(pieces, results, strict=True):
        text, score = str(res[0]).strip(), float(res[1])
        if not text or score < s.min_score:
            continue
        out.append(OcrBox(text, *box, confidence=score, stroke=_stroke(ink, box)))
    return out
