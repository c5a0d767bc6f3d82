"""Page furniture of a scan: ruling lines, bordered boxes and photos, found in the pixels.

Scanned-page branch of ingest (raster → **scan_furniture** + ocr → ocr_lines → layout). A scan
has no vector rules or image objects, but layout analysis leans on them (rules separate
articles, frames hold lead boxes and ads, photos own captions), so they are rebuilt from the
image with plain morphology and handed to layout on a ``RawPage`` exactly as the PDF reader
would: rules as thin boxes, frames as stroked ``RawRect``s, photos as image boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from baoku.ingest.pdf_reader import RawRect
from baoku.ingest.raster import longest_run
from baoku.ingest.records import BBox


@dataclass(frozen=True, slots=True)
class FurnitureSettings:
    min_rule_pt: float = 86.0  # shorter straight strokes are dashes (——) or glyph parts
    min_frame_side_pt: float = 24.0  # a frame's vertical sides may be this short (lead boxes)
    max_rule_thickness_pt: float = 3.5
    min_photo_pt: float = 54.0  # smaller flat areas are decoration or bold glyphs
    photo_fill: float = 0.8  # share of a photo's box that must be flat non-paper
    frame_tolerance_pt: float = 5.0  # rule ends this close meet at a frame corner

    def __post_init__(self) -> None:
        if self.min_rule_pt <= 0 or self.min_photo_pt <= 0 or not 0 < self.photo_fill <= 1:
            raise ValueError("FurnitureSettings: sizes must be positive, photo_fill within 0..1")


@dataclass(slots=True)
class Furniture:
    hrules: list[BBox] = field(default_factory=list)
    vrules: list[BBox] = field(default_factory=list)
    frames: list[RawRect] = field(default_factory=list)
    photos: list[BBox] = field(default_factory=list)


def _to_pt(x0: int, y0: int, x1: int, y1: int, scale: float) -> BBox:
    return BBox(x0 * scale, y0 * scale, x1 * scale, y1 * scale)


def find_photos(gray: np.ndarray, scale: float, s: FurnitureSettings) -> list[tuple[int, ...]]:
    """Pixel boxes (x0, y0, x1, y1) of large areas with hardly any paper showing.

    Text, however dense, leaves paper between lines and inside glyphs; a photo (or a tinted
    picture placeholder) does not. Cells about one body line high are scored by their share
    of paper-bright pixels, and big solid runs of dark cells are photos.
    """
    paper = float(np.percentile(gray, 90))
    smooth = cv2.blur(gray, (5, 5))
    bright = (smooth >= paper - 30).astype(np.float32)
    cell = max(8, round(9.0 / scale))  # ~9 pt
    h, w = gray.shape
    ch, cw = h // cell, w // cell
    if ch < 2 or cw < 2:
        return []
    share = bright[: ch * cell, : cw * cell].reshape(ch, cell, cw, cell).mean(axis=(1, 3))
    dark = (share < 0.12).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=4)
    min_cells = s.min_photo_pt / scale / cell
    out: list[tuple[int, ...]] = []
    for i in range(1, n):
        x, y, bw, bh, area = (int(v) for v in stats[i])
        if bw < min_cells or bh < min_cells or area < s.photo_fill * bw * bh:
            continue
        box = (
            max(0, (x - 1) * cell),
            max(0, (y - 1) * cell),
            min(w, (x + bw + 1) * cell),
            min(h, (y + bh + 1) * cell),
        )
        out.append(_refine(bright, box))
    return out


def _refine(bright: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """Snap a cell-grid box to the picture's own edges: the longest run of rows (then
    columns) with almost no paper showing."""
    x0, y0, x1, y1 = box
    region = bright[y0:y1, x0:x1]
    r0, r1 = longest_run(region.mean(axis=1) < 0.3)
    c0, c1 = longest_run(region[r0:r1].mean(axis=0) < 0.3)
    return (x0 + c0, y0 + r0, x0 + c1, y0 + r1)


def _rules(
    ink: np.ndarray, scale: float, s: FurnitureSettings, horizontal: bool, min_pt: float = 0.0
) -> list[BBox]:
    length = max(3, round((min_pt or s.min_rule_pt) / scale))
    kernel = np.ones((1, length) if horizontal else (length, 1), np.uint8)
    opened = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
    n, _, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
    out: list[BBox] = []
    max_thick = s.max_rule_thickness_pt / scale
    for i in range(1, n):
        x, y, bw, bh, _ = (int(v) for v in stats[i])
        if (bh if horizontal else bw) > max_thick:
            continue  # a solid block, not a line
        out.append(_to_pt(x, y, x + bw, y + bh, scale))
    return out


def _frames(
    hrules: list[BBox], vrules: list[BBox], tol: float
) -> tuple[list[RawRect], set[int], set[int]]:
    """Rectangles closed by two horizontal and two vertical rules (lead boxes, ads)."""
    frames: list[RawRect] = []
    used_h: set[int] = set()
    used_v: set[int] = set()
    for i, top in enumerate(hrules):
        for j, bottom in enumerate(hrules):
            if j == i or i in used_h or j in used_h or bottom.top <= top.bottom + 2 * tol:
                continue
            if abs(top.x0 - bottom.x0) > tol or abs(top.x1 - bottom.x1) > tol:
                continue
            sides = [
                k
                for k, v in enumerate(vrules)
                if k not in used_v
                and v.top <= top.bottom + tol
                and v.bottom >= bottom.top - tol
                and (abs(v.x0 - top.x0) <= tol or abs(v.x1 - top.x1) <= tol)
            ]

            # The side that fits the frame best: a column rule running on past the frame
            # beside its own side must stay a rule (it divides the articles below).
            def fit(k: int, top: BBox = top, bottom: BBox = bottom) -> float:
                v = vrules[k]
                return abs(v.top - top.top) + abs(v.bottom - bottom.bottom)

            left = sorted((k for k in sides if abs(vrules[k].x0 - top.x0) <= tol), key=fit)
            right = sorted((k for k in sides if abs(vrules[k].x1 - top.x1) <= tol), key=fit)
            if left and right:
                frames.append(RawRect(top.union(bottom), filled=False, stroked=True, gray=None))
                used_h.update((i, j))
                used_v.update((left[0], right[0]))
    return frames, used_h, used_v


def find_furniture(
    gray: np.ndarray, scale: float, settings: FurnitureSettings | None = None
) -> Furniture:
    """Rules, frames and photos of a (deskewed) page image, in PDF points."""
    s = settings or FurnitureSettings()
    photos_px = find_photos(gray, scale, s)
    ink = (gray <= _threshold(gray)).astype(np.uint8)
    for x0, y0, x1, y1 in photos_px:
        ink[y0:y1, x0:x1] = 0  # a photo's own edges and contents are not rules
    hrules = _rules(ink, scale, s, horizontal=True)
    # A lead box only a few lines deep has sides shorter than any rule; such short strokes
    # are kept only where they close a frame with two horizontal rules.
    vrules = _rules(ink, scale, s, horizontal=False, min_pt=s.min_frame_side_pt)
    frames, used_h, used_v = _frames(hrules, vrules, s.frame_tolerance_pt)
    return Furniture(
        hrules=[r for i, r in enumerate(hrules) if i not in used_h],
        vrules=[r for i, r in enumerate(vrules) if i not in used_v and r.height >= s.min_rule_pt],
        frames=frames,
        photos=[_to_pt(*p, scale) for p in photos_px],
    )


def _threshold(gray: np.ndarray) -> float:
    t, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return float(t)
