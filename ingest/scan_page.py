"""One page image → what layout analysis needs: a ``RawPage`` with furniture, and OCR lines.

Scanned-page branch of ingest, called by the pipeline for pages that need OCR: raster (page
image, deskew) → scan_furniture (rules, frames, photos) → ocr (read lines outside photos) →
ocr_lines (TextLines in points). From here on a scanned page goes through the very same
layout, article and cleanup steps as a page with a text layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from baoku.ingest.ocr import OcrSettings, recognize
from baoku.ingest.ocr_lines import boxes_to_lines
from baoku.ingest.pdf_reader import RawPage
from baoku.ingest.raster import PageImage, deskew, estimate_skew
from baoku.ingest.records import BBox, TextLine
from baoku.ingest.scan_furniture import FurnitureSettings, find_furniture


@dataclass(slots=True)
class ScannedPage:
    raw: RawPage  # no chars; rules, frames and photos found in the image
    lines: list[TextLine]
    skew_degrees: float


def read_scanned_page(
    image: PageImage,
    vector: RawPage | None = None,
    settings: OcrSettings | None = None,
    furniture: FurnitureSettings | None = None,
) -> ScannedPage:
    """OCR one page image. ``vector``: the PDF page's own reading, whose vector rules and
    boxes are exact and preferred when it has any (a born-digital page with a broken font)."""
    skew = estimate_skew(image.gray)
    gray = deskew(image.gray, skew)
    found = find_furniture(gray, image.scale, furniture)
    s = image.scale
    skip = [
        (round(p.x0 / s), round(p.top / s), round(p.x1 / s), round(p.bottom / s))
        for p in found.photos
    ]
    rules = [
        (round(r.x0 / s), round(r.top / s), round(r.x1 / s), round(r.bottom / s))
        for r in [*found.hrules, *found.vrules, *(e for f in found.frames for e in _sides(f.bbox))]
    ]
    boxes = recognize(gray, image.dpi, skip, settings, rules)
    lines = boxes_to_lines(boxes, image.scale)
    has_vector = vector is not None and bool(vector.hrules or vector.vrules or vector.boxes)
    raw = RawPage(
        index=image.index,
        width=vector.width if vector is not None else image.width_pt,
        height=vector.height if vector is not None else image.height_pt,
        chars=[],
        hrules=list(vector.hrules) if has_vector and vector else found.hrules,
        vrules=list(vector.vrules) if has_vector and vector else found.vrules,
        boxes=list(vector.boxes) if has_vector and vector else found.frames,
        # A scan's page image is not a photo on the page: only pictures found in it are.
        images=found.photos,
    )
    return ScannedPage(raw, lines, skew)


def _sides(box: BBox, width: float = 1.0) -> list[BBox]:
    """The four edges of a frame as thin rule boxes (frames are found from rules)."""
    return [
        BBox(box.x0, box.top, box.x1, box.top + width),
        BBox(box.x0, box.bottom - width, box.x1, box.bottom),
        BBox(box.x0, box.top, box.x0 + width, box.bottom),
        BBox(box.x1 - width, box.top, box.x1, box.bottom),
    ]
