"""Page images for OCR: render PDF pages, load image files (multi-page TIFF too), deskew.

Part of the scanned-page branch of ingest (pipeline → **raster** → ocr → ocr_lines → layout).
Everything here returns grayscale ``uint8`` arrays with the scale that maps their pixels to PDF
points, so OCR output can be put back in the same top-left point coordinates as a text layer.
Image files are size-checked from their header before any pixel is decoded (decompression
bombs), and every failure is a typed ``IngestError`` naming the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageOps, UnidentifiedImageError

from baoku.ingest.errors import DamagedFileError, IngestError

# A 600 dpi broadsheet scan is ~80 Mpx; past this a page costs more memory than a worker has
# any business spending (a 20000×20000 bomb would decode to 400 MB of gray, 1.2 GB of RGB).
MAX_PIXELS = 120_000_000
MIN_SIDE_PX = 16
DEFAULT_IMAGE_DPI = 200.0  # archive scans without a resolution tag are most often 200 dpi
# Rendering: 9 pt body text at 200 dpi is 25 px tall, about half the recognizer's 48 px input,
# which PP-OCR reads reliably; more only helps smaller pages, and past ~4000 px on the long
# side the detector's time and memory grow with no gain in accuracy.
MIN_RENDER_DPI = 200.0
MAX_RENDER_DPI = 300.0
MAX_RENDER_SIDE_PX = 4000


@dataclass(slots=True)
class PageImage:
    """One page as a grayscale image; ``scale`` = PDF points per pixel."""

    index: int
    gray: np.ndarray  # H×W uint8, 255 = paper
    scale: float
    width_pt: float
    height_pt: float
    dpi: float


def render_dpi(width_pt: float, height_pt: float) -> float:
    """The resolution to render a page of this size at (see the constants above)."""
    long_side_in = max(width_pt, height_pt, 1.0) / 72.0
    return max(MIN_RENDER_DPI, min(MAX_RENDER_DPI, MAX_RENDER_SIDE_PX / long_side_in))


def render_pdf_page(path: str | Path, index: int, dpi: float | None = None) -> PageImage:
    """Render one PDF page to gray pixels with pdfium (the stored file re-renders the same)."""
    p = str(path)
    try:
        doc = pdfium.PdfDocument(p)
    except pdfium.PdfiumError as exc:
        raise DamagedFileError(p, f"PDF cannot be rendered for OCR ({exc})") from exc
    try:
        page = doc[index]
        w, h = page.get_size()
        use_dpi = dpi or render_dpi(w, h)
        bitmap = page.render(scale=use_dpi / 72.0, grayscale=True)
        arr = bitmap.to_numpy()
        gray = np.ascontiguousarray(arr if arr.ndim == 2 else arr[..., 0])
        return PageImage(index, gray, 72.0 / use_dpi, float(w), float(h), use_dpi)
    except pdfium.PdfiumError as exc:
        raise DamagedFileError(p, f"page {index + 1} cannot be rendered for OCR ({exc})") from exc
    finally:
        doc.close()


def _dpi_of(im: Image.Image) -> float:
    dpi = im.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    # Tags under 72 dpi are placeholders (JFIF writes 1:1 "aspect only"), not a resolution.
    return value if 72.0 <= value <= 2400.0 else DEFAULT_IMAGE_DPI


def check_image(path: str | Path) -> list[tuple[int, int, float]]:
    """(width, height, dpi) of each frame, read from the header only: a bomb is refused before
    a single pixel is decoded."""
    p = str(path)
    # Pillow's own guard would refuse in open() with a message naming no size; ours reads the
    # same header fields and says what the image is. Nothing is decoded either way.
    Image.MAX_IMAGE_PIXELS = None
    try:
        with Image.open(p) as im:
            out: list[tuple[int, int, float]] = []
            for i in range(getattr(im, "n_frames", 1)):
                im.seek(i)
                w, h = im.size
                if w * h > MAX_PIXELS:
                    raise DamagedFileError(
                        p,
                        f"image too large to process safely ({w}×{h} px, limit "
                        f"{MAX_PIXELS // 1_000_000} Mpx)",
                    )
                if w < MIN_SIDE_PX or h < MIN_SIDE_PX:
                    raise DamagedFileError(p, f"image too small to be a page ({w}×{h} px)")
                out.append((w, h, _dpi_of(im)))
            return out
    except IngestError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise DamagedFileError(p, f"damaged image ({exc})") from exc
    finally:
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def load_image_pages(path: str | Path) -> Iterator[PageImage]:
    """Each frame of an image file as a gray page (checked with ``check_image`` first)."""
    p = str(path)
    frames = check_image(p)
    try:
        with Image.open(p) as im:
            for i, (w, h, dpi) in enumerate(frames):
                im.seek(i)
                frame = ImageOps.exif_transpose(im) if i == 0 else im
                gray = np.asarray(frame.convert("L"), dtype=np.uint8)
                scale = 72.0 / dpi
                yield PageImage(i, gray, scale, w * scale, h * scale, dpi)
    except IngestError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise DamagedFileError(p, f"damaged image ({exc})") from exc


def _otsu(gray: np.ndarray) -> int:
    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    cum = np.cumsum(hist)
    cum_mean = np.cumsum(hist * np.arange(256))
    mean_all = cum_mean[-1] / total
    w0 = cum / total
    w1 = 1.0 - w0
    m0 = np.divide(cum_mean, cum, out=np.zeros(256), where=cum > 0)
    m1 = np.divide(cum_mean[-1] - cum_mean, total - cum, out=np.zeros(256), where=cum < total)
    between = w0 * w1 * (m0 - m1) ** 2
    t = int(np.argmax(between))
    return t if mean_all > 0 else 128


def longest_run(flags: np.ndarray) -> tuple[int, int]:
    """[start, end) of the longest run of True in a 1-D boolean array ((0, 0) if none)."""
    best = (0, 0)
    start = -1
    for i, f in enumerate([*flags.tolist(), False]):
        if f and start < 0:
            start = i
        elif not f and start >= 0:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = -1
    return best


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """True where a pixel is ink (at or below the Otsu threshold of the page)."""
    return gray <= _otsu(gray)


def estimate_skew(gray: np.ndarray, max_degrees: float = 3.0) -> float:
    """Page rotation in degrees (counter-clockwise positive, as ``Image.rotate`` takes it).

    Projection profile: rows of text give the sharpest horizontal ink profile when the page is
    level, so the angle whose rotated profile has the largest variance wins. Worked on a
    reduced image (text lines survive 4× reduction) in two passes, coarse then fine.
    """
    h, w = gray.shape
    step = max(1, round(max(h, w) / 1200))
    small = gray[::step, ::step]
    ink = (small <= _otsu(small)).astype(np.float32)
    if ink.mean() < 0.002:
        return 0.0
    rows = np.arange(ink.shape[0], dtype=np.float64)
    cols = np.arange(ink.shape[1], dtype=np.float64) - ink.shape[1] / 2
    ys, xs = np.nonzero(ink)

    def score(deg: float) -> float:
        # Shear approximation of a small rotation: a pixel's row moves by x·tan(angle).
        t = np.tan(np.radians(deg))
        r = np.round(ys - cols[xs] * t).astype(np.int64)
        r = r[(r >= 0) & (r < rows.size)]
        prof = np.bincount(r, minlength=rows.size).astype(np.float64)
        return float(np.var(prof))

    coarse = np.arange(-max_degrees, max_degrees + 1e-9, 0.25)
    best = max(coarse, key=score)
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05)
    # The shear that levels the rows is the opposite of the page's own rotation.
    return round(-float(max(fine, key=score)), 2) + 0.0


def deskew(gray: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate the page level again (about its centre, same size, paper-white fill)."""
    if abs(degrees) < 0.05:
        return gray
    img = Image.fromarray(gray).rotate(
        -degrees, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255
    )
    return np.asarray(img, dtype=np.uint8)
