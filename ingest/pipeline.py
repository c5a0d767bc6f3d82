"""One file through the whole ingest stage: identify → read pages → quality → layout → articles.

``ingest_file`` is a pure function of the file and its options (no store access), so a batch
can run it in worker processes and write results from one place. Pages without a usable text
layer, and image files, are read by OCR (``IngestOptions.ocr``) into the same kind of lines,
which then go through the same layout and article steps as a text layer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from baoku.ingest.articles import build_articles
from baoku.ingest.errors import IngestError
from baoku.ingest.layout import LayoutSettings, analyze_page
from baoku.ingest.lines import LineSettings, chars_to_lines
from baoku.ingest.ocr import OcrSettings, OcrUnavailableError
from baoku.ingest.ocr_lines import annotate_confidence
from baoku.ingest.pagemeta import merge_meta, meta_from_filename, meta_from_header
from baoku.ingest.pdf_reader import RawPage, read_pdf
from baoku.ingest.quality import QualitySettings, check_page
from baoku.ingest.raster import PageImage, check_image, load_image_pages, render_pdf_page
from baoku.ingest.records import (
    Article,
    BlockRole,
    DocumentStatus,
    IngestedDocument,
    Page,
    PageMeta,
    PageStatus,
    SourceFile,
    TextLine,
    TextSource,
)
from baoku.ingest.source import FileKind, identify


class OcrMode(StrEnum):
    AUTO = "auto"  # OCR pages without a usable text layer (and image files)
    ALWAYS = "always"  # OCR every page, ignoring any text layer
    NEVER = "never"  # only report pages that need OCR


@dataclass(frozen=True, slots=True)
class IngestOptions:
    newspaper: str | None = None
    date: str | None = None  # ISO date override
    page_no: int | None = None  # printed page number override (first page of the file)
    lines: LineSettings = field(default_factory=LineSettings)
    layout: LayoutSettings = field(default_factory=LayoutSettings)
    quality: QualitySettings = field(default_factory=QualitySettings)
    ocr: OcrMode = OcrMode.AUTO
    ocr_settings: OcrSettings = field(default_factory=OcrSettings)


def ingest_file(path: str | Path, options: IngestOptions | None = None) -> IngestedDocument:
    """Read one file into pages and articles; raises ``IngestError`` when it cannot be read."""
    opts = options or IngestOptions()
    source, kind = identify(path)
    return ingest_identified(source, kind, opts)


def ingest_identified(source: SourceFile, kind: FileKind, opts: IngestOptions) -> IngestedDocument:
    if kind == FileKind.PDF:
        pages, articles = _ingest_pdf(source, opts)
    else:
        pages, articles = _ingest_image(source, opts)
    return IngestedDocument(
        source=source, status=_document_status(pages), pages=pages, articles=articles
    )


def _document_status(pages: list[Page]) -> DocumentStatus:
    ok = sum(p.status == PageStatus.OK for p in pages)
    if ok == len(pages):
        return DocumentStatus.INGESTED
    if ok:
        return DocumentStatus.PARTIAL
    if any(p.status == PageStatus.NEEDS_OCR for p in pages):
        return DocumentStatus.NEEDS_OCR
    return DocumentStatus.FAILED


def _overrides(opts: IngestOptions, index: int) -> PageMeta:
    page_no = opts.page_no + index if opts.page_no is not None else None
    return PageMeta(newspaper=opts.newspaper, date=opts.date, page_no=page_no)


def _name_meta(from_name: PageMeta, index: int) -> PageMeta:
    return PageMeta(
        newspaper=from_name.newspaper,
        date=from_name.date,
        page_no=from_name.page_no + index if from_name.page_no is not None else None,
    )


def _ingest_pdf(source: SourceFile, opts: IngestOptions) -> tuple[list[Page], list[Article]]:
    from_name = meta_from_filename(source.path)
    pages: list[Page] = []
    articles: list[Article] = []
    for raw in read_pdf(source.path):
        name_meta = _name_meta(from_name, raw.index)
        verdict = check_page(raw, opts.quality)
        wants_ocr = opts.ocr == OcrMode.ALWAYS or (
            opts.ocr == OcrMode.AUTO and verdict.status == PageStatus.NEEDS_OCR
        )
        if wants_ocr:
            page, arts = _ocr_page(
                lambda raw=raw: render_pdf_page(source.path, raw.index), raw, name_meta, opts
            )
            if page.status == PageStatus.OK or verdict.status != PageStatus.OK:
                pages.append(page)
                articles.extend(arts)
                continue
            # OCR failed on a page whose text layer is fine (--ocr always): keep the layer.
        elif verdict.status != PageStatus.OK:
            meta = merge_meta(_overrides(opts, raw.index), name_meta)
            pages.append(
                Page(raw.index, raw.width, raw.height, meta, verdict.status, verdict.reason)
            )
            continue
        lines = chars_to_lines(raw.chars, raw.vrules, opts.lines)
        page, arts = _layout_page(raw, lines, name_meta, opts, TextSource.TEXT_LAYER)
        pages.append(page)
        articles.extend(arts)
    return pages, articles


def _layout_page(
    raw: RawPage,
    lines: list[TextLine],
    name_meta: PageMeta,
    opts: IngestOptions,
    source: TextSource,
) -> tuple[Page, list[Article]]:
    """Lines of one page (from a text layer or OCR) → page blocks and articles."""
    layout = analyze_page(raw, lines, opts.layout)
    header = [
        (ln.text, ln.size) for b in layout.blocks if b.role == BlockRole.HEADER for ln in b.lines
    ]
    meta = merge_meta(_overrides(opts, raw.index), meta_from_header(header), name_meta)
    page = Page(raw.index, raw.width, raw.height, meta, PageStatus.OK, None, layout.blocks)
    articles = build_articles(layout, raw.index, meta.page_no, source)
    if source == TextSource.OCR:
        annotate_confidence(articles, lines, opts.ocr_settings.low_confidence)
    return page, articles


def _ocr_page(
    image: Callable[[], PageImage],
    vector: RawPage | None,
    name_meta: PageMeta,
    opts: IngestOptions,
    index: int = 0,
    size: tuple[float, float] = (0.0, 0.0),
) -> tuple[Page, list[Article]]:
    """OCR one page; a page OCR cannot read is reported (with why), never fatal to the file."""
    if vector is not None:
        index, size = vector.index, (vector.width, vector.height)

    def reported(status: PageStatus, reason: str) -> tuple[Page, list[Article]]:
        meta = merge_meta(_overrides(opts, index), name_meta)
        return Page(index, size[0], size[1], meta, status, reason), []

    try:
        # Imported here: OpenCV and ONNX Runtime come with the OCR extra and may be missing.
        from baoku.ingest.scan_page import read_scanned_page

        scanned = read_scanned_page(image(), vector, opts.ocr_settings)
    except (OcrUnavailableError, ImportError) as exc:
        why = str(exc) if isinstance(exc, OcrUnavailableError) else f"OCR unavailable ({exc})"
        return reported(PageStatus.NEEDS_OCR, why)
    except IngestError:
        raise
    except (MemoryError, RuntimeError, ValueError, OSError) as exc:
        return reported(PageStatus.NEEDS_OCR, f"OCR failed ({exc.__class__.__name__}: {exc})")
    size = (scanned.raw.width, scanned.raw.height)
    if not scanned.lines:
        what = "picture only" if scanned.raw.images else "blank page"
        return reported(PageStatus.EMPTY, f"{what}: OCR found no text")
    page, articles = _layout_page(scanned.raw, scanned.lines, name_meta, opts, TextSource.OCR)
    page.skew_degrees = scanned.skew_degrees
    return page, articles


def _ingest_image(source: SourceFile, opts: IngestOptions) -> tuple[list[Page], list[Article]]:
    """Image files are scans: each frame (multi-page TIFF) is one page, OCRed unless
    ``--ocr never``. Sizes are checked from the header before any pixel is decoded."""
    from_name = meta_from_filename(source.path)
    frames = check_image(source.path)
    pages: list[Page] = []
    articles: list[Article] = []
    if opts.ocr == OcrMode.NEVER:
        for i, (w, h, dpi) in enumerate(frames):
            meta = merge_meta(_overrides(opts, i), _name_meta(from_name, i))
            pages.append(
                Page(
                    i,
                    w * 72.0 / dpi,
                    h * 72.0 / dpi,
                    meta,
                    PageStatus.NEEDS_OCR,
                    "image file: page needs OCR",
                )
            )
        return pages, articles
    for image in load_image_pages(source.path):
        page, arts = _ocr_page(
            lambda image=image: image,
            None,
            _name_meta(from_name, image.index),
            opts,
            image.index,
            (image.width_pt, image.height_pt),
        )
        pages.append(page)
        articles.extend(arts)
    return pages, articles
