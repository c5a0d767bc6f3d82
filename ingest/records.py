"""Typed records that the ingest stage hands to the rest of the flow.

Coordinates are PDF points with a top-left origin (pdfplumber's ``x0, top, x1, bottom``),
so a bbox stored here can be drawn on a rendered page image without flipping.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class BBox:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def h_overlap(self, other: BBox) -> float:
        """Width shared with ``other`` (0 when they do not overlap horizontally)."""
        return max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0))

    def v_overlap(self, other: BBox) -> float:
        """Height shared with ``other`` (0 when they do not overlap vertically)."""
        return max(0.0, min(self.bottom, other.bottom) - max(self.top, other.top))

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def rounded(self) -> tuple[float, float, float, float]:
        return (round(self.x0, 1), round(self.top, 1), round(self.x1, 1), round(self.bottom, 1))

    @staticmethod
    def enclosing(boxes: list[BBox]) -> BBox:
        if not boxes:
            raise ValueError("enclosing() needs at least one box")
        out = boxes[0]
        for b in boxes[1:]:
            out = out.union(b)
        return out


class TextSource(StrEnum):
    TEXT_LAYER = "text_layer"
    OCR = "ocr"


@dataclass(slots=True)
class TextLine:
    """One visual line of text: the unit both the text-layer reader and OCR produce."""

    text: str
    bbox: BBox
    size: float  # font size (points); for OCR lines, the line height
    bold: bool = False
    fontname: str = ""
    source: TextSource = TextSource.TEXT_LAYER
    confidence: float = 1.0


class BlockRole(StrEnum):
    HEADER = "header"
    KICKER = "kicker"
    HEADLINE = "headline"
    SUBHEADLINE = "subheadline"
    BYLINE = "byline"
    LEAD_BOX = "lead_box"
    BODY = "body"
    CAPTION = "caption"
    CONTINUATION = "continuation"
    AD = "ad"
    FOOTER = "footer"


@dataclass(slots=True)
class Block:
    role: BlockRole
    lines: list[TextLine]
    bbox: BBox
    page_index: int

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)


class PageStatus(StrEnum):
    OK = "ok"
    NEEDS_OCR = "needs_ocr"
    EMPTY = "empty"


@dataclass(slots=True)
class PageMeta:
    newspaper: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    page_no: int | None = None  # printed page number (版次)
    page_name: str | None = None  # 版名, e.g. 新闻, 要闻


@dataclass(slots=True)
class Page:
    index: int  # 0-based position inside the source file
    width: float
    height: float
    meta: PageMeta
    status: PageStatus = PageStatus.OK
    reason: str | None = None
    blocks: list[Block] = field(default_factory=list)
    # OCR pages: degrees the scan was rotated level before reading; block boxes are in the
    # levelled page, so a viewer rotates the re-rendered image by this much to match them.
    skew_degrees: float = 0.0


class ArticleType(StrEnum):
    ARTICLE = "article"
    PHOTO = "photo"
    AD = "ad"


@dataclass(slots=True)
class ArticlePart:
    """Where one piece of an article sits: page and the boxes of its blocks."""

    page_index: int
    page_no: int | None
    bboxes: list[BBox]


@dataclass(slots=True)
class Article:
    type: ArticleType
    headline: str = ""
    kicker: str = ""
    subheadline: str = ""
    byline: str = ""
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    lead: str = ""  # 阅读提示 box text, if any
    photographers: list[str] = field(default_factory=list)  # photo items: who took it
    paragraphs: list[str] = field(default_factory=list)
    # Per paragraph: (page index, box of its first column piece), to show where a fact came from.
    paragraph_sources: list[tuple[int, BBox]] = field(default_factory=list)
    parts: list[ArticlePart] = field(default_factory=list)
    continues_to: int | None = None  # printed page number of 下转第X版
    continued_from: int | None = None  # printed page number of 上接第Y版
    # True when this part starts mid-paragraph (first body line not indented), so a store
    # merging continued parts joins its first paragraph onto the previous part's last one.
    starts_mid_paragraph: bool = False
    text_source: TextSource = TextSource.TEXT_LAYER
    ocr_confidence: float | None = None
    # OCR articles: paragraphs holding a line read with low confidence (kept, but flagged).
    low_confidence_paragraphs: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def content_id(self, sha256: str) -> str:
        """Id derived from content and source, stable across re-ingests of the same file."""
        first = self.parts[0] if self.parts else None
        anchor = f"{first.page_index}:{first.bboxes[0].rounded()}" if first and first.bboxes else ""
        h = hashlib.sha256(
            "\x1f".join([sha256, self.type, self.headline, anchor, self.text[:200]]).encode()
        )
        return h.hexdigest()[:16]


class DocumentStatus(StrEnum):
    INGESTED = "ingested"
    PARTIAL = "partial"  # some pages read, others need OCR or are blank
    NEEDS_OCR = "needs_ocr"  # no page has a usable text layer
    FAILED = "failed"


@dataclass(slots=True)
class SourceFile:
    path: str
    sha256: str
    size: int


@dataclass(slots=True)
class IngestedDocument:
    """Everything the ingest stage learned from one file."""

    source: SourceFile
    status: DocumentStatus
    pages: list[Page] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    error: str | None = None
