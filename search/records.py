"""Typed records the store of record hands out (search stage).

``ArticleRecord`` is one whole article as a reader sees it: continuation parts from later pages
(or other files) already merged in. ``to_json_dict`` is the single definition of the export
shape, so JSONL, CSV and any later API agree on field names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from baoku.ingest.records import ArticleType, BBox, DocumentStatus, TextSource


class SaveOutcome(StrEnum):
    INSERTED = "inserted"
    REPLACED = "replaced"
    SKIPPED_DUPLICATE = "skipped_duplicate"


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: int
    path: str
    sha256: str
    size: int
    pages: int
    status: DocumentStatus
    error: str | None
    ingested_at: str  # ISO 8601, UTC


@dataclass(frozen=True, slots=True)
class SourceRef:
    file: str
    sha256: str


@dataclass(frozen=True, slots=True)
class PartRecord:
    """Where one piece of an article sits: which file, which page, which boxes."""

    article_id: str  # the stored part (article row) this piece belongs to
    sha256: str
    page_index: int
    page_no: int | None
    bboxes: tuple[BBox, ...]


@dataclass(frozen=True, slots=True)
class ContinuationLink:
    from_article: str
    to_article: str
    score: float  # headline similarity 0..100 the link was chosen on


@dataclass(slots=True)
class ArticleRecord:
    """One whole article; ``part_ids`` lists the stored parts merged into it, head first.

    ``continues_to`` / ``continued_from`` are left set only where a 下转/上接 could not be linked
    (the other part is not in the archive yet, or the match was ambiguous), so they mark gaps.
    """

    id: str
    type: ArticleType
    source: SourceRef
    newspaper: str | None
    date: str | None
    pages: list[int]
    page_name: str | None
    kicker: str
    headline: str
    subheadline: str
    byline: str
    reporters: list[str]
    correspondents: list[str]
    photographers: list[str]
    lead: str
    paragraphs: list[str]
    parts: list[PartRecord]
    continuations: list[ContinuationLink] = field(default_factory=list)
    part_ids: list[str] = field(default_factory=list)
    continues_to: int | None = None
    continued_from: int | None = None
    text_source: TextSource = TextSource.TEXT_LAYER
    ocr_confidence: float | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def to_json_dict(self) -> dict[str, Any]:
        """The export shape: plain JSON types only, field order as readers expect it."""
        return {
            "id": self.id,
            "type": str(self.type),
            "source": {"file": self.source.file, "sha256": self.source.sha256},
            "newspaper": self.newspaper,
            "date": self.date,
            "pages": list(self.pages),
            "page_name": self.page_name,
            "kicker": self.kicker,
            "headline": self.headline,
            "subheadline": self.subheadline,
            "byline": self.byline,
            "reporters": list(self.reporters),
            "correspondents": list(self.correspondents),
            "photographers": list(self.photographers),
            "lead": self.lead,
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "parts": [
                {
                    "page": p.page_no,
                    "page_index": p.page_index,
                    "sha256": p.sha256,
                    "bboxes": [list(b.rounded()) for b in p.bboxes],
                }
                for p in self.parts
            ],
            "continuations": [
                {"from": c.from_article, "to": c.to_article, "score": round(c.score, 1)}
                for c in self.continuations
            ],
            "continues_to": self.continues_to,
            "continued_from": self.continued_from,
            "part_ids": list(self.part_ids),
            "text_source": str(self.text_source),
            "ocr_confidence": self.ocr_confidence,
        }


# Field order of ``ArticleRecord.to_json_dict``; CSV uses it as its header.
EXPORT_FIELDS: tuple[str, ...] = (
    "id",
    "type",
    "source",
    "newspaper",
    "date",
    "pages",
    "page_name",
    "kicker",
    "headline",
    "subheadline",
    "byline",
    "reporters",
    "correspondents",
    "photographers",
    "lead",
    "text",
    "paragraphs",
    "parts",
    "continuations",
    "continues_to",
    "continued_from",
    "part_ids",
    "text_source",
    "ocr_confidence",
)
