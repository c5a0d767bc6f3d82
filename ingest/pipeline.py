"""One file through the whole ingest stage: identify → read pages → quality → layout → articles.

``ingest_file`` is a pure function of the file and its options (no store access), so a batch
can run it in worker processes and write results from one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from baoku.ingest.articles import build_articles
from baoku.ingest.errors import DamagedFileError, IngestError
from baoku.ingest.layout import LayoutSettings, analyze_page
from baoku.ingest.lines import LineSettings, chars_to_lines
from baoku.ingest.pagemeta import merge_meta, meta_from_filename, meta_from_header
from baoku.ingest.pdf_reader import read_pdf
from baoku.ingest.quality import QualitySettings, check_page
from baoku.ingest.records import (
    Article,
    BlockRole,
    DocumentStatus,
    IngestedDocument,
    Page,
    PageMeta,
    PageStatus,
    SourceFile,
    TextSource,
)
from baoku.ingest.source import FileKind, identify

# Pillow's own bomb guard warns at ~89 Mpx; a 600 dpi broadsheet scan is ~ 80 Mpx.
MAX_IMAGE_PIXELS = 120_000_000


@dataclass(frozen=True, slots=True)
class IngestOptions:
    newspaper: str | None = None
    date: str | None = None  # ISO date override
    page_no: int | None = None  # printed page number override (first page of the file)
    lines: LineSettings = field(default_factory=LineSettings)
    layout: LayoutSettings = field(default_factory=LayoutSettings)
    quality: QualitySettings = field(default_factory=QualitySettings)


def ingest_file(path: str | Path, options: IngestOptions | None = None) -> IngestedDocument:
    """Read one file into pages and articles; raises ``IngestError`` when it cannot be read."""
    opts = options or IngestOptions()
    source, kind = identify(path)
    return ingest_identified(source, kind, opts)


def ingest_identified(source: SourceFile, kind: FileKind, opts: IngestOptions) -> IngestedDocument:
    if kind == FileKind.PDF:
        pages, articles = _ingest_pdf(source, opts)
    else:
        pages, articles = _ingest_image(source, opts), []
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


def _ingest_pdf(source: SourceFile, opts: IngestOptions) -> tuple[list[Page], list[Article]]:
    from_name = meta_from_filename(source.path)
    pages: list[Page] = []
    articles: list[Article] = []
    for raw in read_pdf(source.path):
        name_meta = PageMeta(
            newspaper=from_name.newspaper,
            date=from_name.date,
            page_no=from_name.page_no + raw.index if from_name.page_no is not None else None,
        )
        verdict = check_page(raw, opts.quality)
        if verdict.status != PageStatus.OK:
            meta = merge_meta(_overrides(opts, raw.index), name_meta)
            pages.append(
                Page(raw.index, raw.width, raw.height, meta, verdict.status, verdict.reason)
            )
            continue
        lines = chars_to_lines(raw.chars, raw.vrules, opts.lines)
        layout = analyze_page(raw, lines, opts.layout)
        header = [
            (ln.text, ln.size)
            for b in layout.blocks
            if b.role == BlockRole.HEADER
            for ln in b.lines
        ]
        meta = merge_meta(_overrides(opts, raw.index), meta_from_header(header), name_meta)
        page = Page(raw.index, raw.width, raw.height, meta, PageStatus.OK, None, layout.blocks)
        pages.append(page)
        articles.extend(build_articles(layout, raw.index, meta.page_no, TextSource.TEXT_LAYER))
    return pages, articles


def _ingest_image(source: SourceFile, opts: IngestOptions) -> list[Page]:
    """Image files are all scans: report each frame as a page that needs OCR, with its size."""
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    from_name = meta_from_filename(source.path)
    try:
        with Image.open(source.path) as im:
            frames = getattr(im, "n_frames", 1)
            pages: list[Page] = []
            for i in range(frames):
                im.seek(i)
                w, h = im.size
                if w < 16 or h < 16:
                    raise DamagedFileError(
                        source.path, f"image too small to be a page ({w}×{h} px)"
                    )
                dpi = float(im.info.get("dpi", (200, 200))[0] or 200)
                meta = merge_meta(_overrides(opts, i), from_name)
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
            return pages
    except Image.DecompressionBombError as exc:
        raise DamagedFileError(source.path, f"image too large to process safely ({exc})") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        if isinstance(exc, IngestError):
            raise
        raise DamagedFileError(source.path, f"damaged image ({exc})") from exc
