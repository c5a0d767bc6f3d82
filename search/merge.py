"""Merge linked article parts into one ``ArticleRecord`` (search stage, read side of the store).

Pure functions over already-loaded parts, so merge rules are testable without a database.
"""

from __future__ import annotations

from dataclasses import dataclass

from baoku.ingest.records import ArticleType, TextSource
from baoku.search.records import ArticleRecord, ContinuationLink, PartRecord, SourceRef


@dataclass(slots=True)
class Segment:
    """One stored article row: a single part of a possibly continued article."""

    id: str
    type: ArticleType
    source: SourceRef
    newspaper: str | None
    date: str | None
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
    continues_to: int | None
    continued_from: int | None
    starts_mid_paragraph: bool
    text_source: TextSource
    ocr_confidence: float | None
    page_no: int | None = None  # where the part starts; used when it has no boxes


def _union(lists: list[list[str]]) -> list[str]:
    # A continued part usually repeats nobody, but when it does, the name must appear once.
    return list(dict.fromkeys(name for names in lists for name in names))


def join_paragraphs(segments: list[Segment]) -> list[str]:
    """Concatenate paragraphs in chain order; a part that starts mid-paragraph continues the
    previous part's last paragraph (Chinese text: joined without a space)."""
    out: list[str] = []
    for seg in segments:
        paras = list(seg.paragraphs)
        if seg.starts_mid_paragraph and out and paras:
            out[-1] = out[-1] + paras[0]
            paras = paras[1:]
        out.extend(paras)
    return out


def merge_segments(segments: list[Segment], links: list[ContinuationLink]) -> ArticleRecord:
    """One record from a chain of parts, head first; scalar fields come from the head."""
    if not segments:
        raise ValueError("merge_segments() needs at least the head part")
    head, tail = segments[0], segments[-1]
    parts = [p for seg in segments for p in seg.parts]
    page_nos = ([p.page_no for p in seg.parts] if seg.parts else [seg.page_no] for seg in segments)
    pages = list(dict.fromkeys(n for nos in page_nos for n in nos if n is not None))
    confidences = [s.ocr_confidence for s in segments if s.ocr_confidence is not None]
    ocr = any(s.text_source == TextSource.OCR for s in segments)
    return ArticleRecord(
        id=head.id,
        type=head.type,
        source=head.source,
        newspaper=head.newspaper,
        date=head.date,
        pages=pages,
        page_name=head.page_name,
        kicker=head.kicker,
        headline=head.headline,
        subheadline=head.subheadline,
        byline=head.byline,
        reporters=_union([s.reporters for s in segments]),
        correspondents=_union([s.correspondents for s in segments]),
        photographers=_union([s.photographers for s in segments]),
        lead=head.lead,
        paragraphs=join_paragraphs(segments),
        parts=parts,
        continuations=list(links),
        part_ids=[s.id for s in segments],
        continues_to=tail.continues_to,
        continued_from=head.continued_from,
        text_source=TextSource.OCR if ocr else TextSource.TEXT_LAYER,
        ocr_confidence=min(confidences) if confidences else None,
    )
