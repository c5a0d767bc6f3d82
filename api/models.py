"""Pydantic models of the HTTP API: one per direction (``*Params`` in, ``*Public`` out).

They describe the wire shape and drive the OpenAPI schema at /docs. Response models are built
from the library's own serializers (``SearchResult.to_dict``, ``ArticleRecord.to_json_dict``)
so the API, the CLI and the exports agree on field names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from baoku.search.fact_listing import FigureSort
from baoku.search.query import FIGURE_TYPES, FacetName, Sort

# Built from the library's list so a new figure type needs no API change.
FigureTypeName = Literal[tuple(sorted(FIGURE_TYPES))]  # type: ignore[valid-type]

# ---------------------------------------------------------------------------- errors


class ErrorInfo(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. not_found, invalid_request")
    message: str = Field(description="What went wrong and what to do, for a person to read")
    detail: Any = Field(default=None, description="Structured extra information, if any")


class ErrorPublic(BaseModel):
    error: ErrorInfo


# ---------------------------------------------------------------------------- search

_LIST = "Repeat the parameter for several values (ORed)."


class SearchParams(BaseModel):
    """Query parameters of GET /search; values of one filter are ORed, filters ANDed."""

    model_config = ConfigDict(extra="forbid")

    q: str = Field(
        default="",
        max_length=1000,
        description='Words (all must match), "phrases", OR between alternatives, -exclusions.',
    )
    date_from: dt.date | None = Field(default=None, description="First publication date")
    date_to: dt.date | None = Field(default=None, description="Last publication date")
    newspaper: list[str] = Field(default_factory=list, description=f"Newspaper. {_LIST}")
    page: list[int] = Field(default_factory=list, description=f"Printed page number. {_LIST}")
    page_name: list[str] = Field(default_factory=list, description=f"Page name (版名). {_LIST}")
    place: list[str] = Field(default_factory=list, description=f"Place mentioned. {_LIST}")
    agency: list[str] = Field(default_factory=list, description=f"Agency mentioned. {_LIST}")
    person: list[str] = Field(default_factory=list, description=f"Person mentioned. {_LIST}")
    initiative: list[str] = Field(default_factory=list, description=f"Named initiative. {_LIST}")
    entity_kind: list[str] = Field(default_factory=list, description=f"Entity kind. {_LIST}")
    type: list[Literal["article", "photo", "ad"]] = Field(
        default_factory=list, description="Item types; default article only."
    )
    figure_type: FigureTypeName | None = Field(
        default=None, description="Only articles with a figure of this type"
    )
    figure_min: float | None = Field(
        default=None, allow_inf_nan=False, description="Figure value at least this"
    )
    figure_max: float | None = Field(
        default=None, allow_inf_nan=False, description="Figure value at most this"
    )
    figure_measure: str | None = Field(
        default=None, max_length=100, description="Text in what the figure counts (e.g. 案件)"
    )
    figure_agency: str | None = Field(
        default=None, max_length=200, description="Agency the figure is credited to"
    )
    figure_period_from: dt.date | None = Field(default=None, description="Figure period overlaps")
    figure_period_to: dt.date | None = Field(default=None, description="Figure period overlaps")
    sort: Sort = "relevance"
    limit: int = Field(default=20, ge=1, le=500)
    offset: int = Field(default=0, ge=0, le=10_000)
    facet: list[FacetName] = Field(default_factory=list, description=f"Facets to count. {_LIST}")


class FacetCountPublic(BaseModel):
    value: str
    count: int


class SearchHitPublic(BaseModel):
    id: str
    headline: str
    newspaper: str | None
    date: dt.date | None
    page: int | None
    score: float
    snippet: str = Field(description="Text around the match; matched words are marked")


class SearchResultPublic(BaseModel):
    total: int
    hits: list[SearchHitPublic]
    facets: dict[str, list[FacetCountPublic]]


# ---------------------------------------------------------------------------- articles


class SourcePublic(BaseModel):
    file: str = Field(description="Name of the source file")
    sha256: str = Field(description="Document id: content hash of the source file")


class PartPublic(BaseModel):
    page: int | None = Field(description="Printed page number")
    page_index: int = Field(description="0-based page position in the source file")
    sha256: str
    bboxes: list[list[float]] = Field(description="[x0, top, x1, bottom] in PDF points")
    image: str = Field(description="URL of the page image with this article outlined")


class ContinuationPublic(BaseModel):
    from_: str = Field(alias="from")
    to: str
    score: float

    model_config = ConfigDict(populate_by_name=True)


class ArticlePublic(BaseModel):
    id: str
    type: str
    source: SourcePublic
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
    text: str
    paragraphs: list[str]
    parts: list[PartPublic]
    continuations: list[ContinuationPublic]
    continues_to: int | None = Field(description="下转 page not yet linked (a gap)")
    continued_from: int | None = Field(description="上接 page not yet linked (a gap)")
    part_ids: list[str]
    text_source: str
    ocr_confidence: float | None
    entities: list[MentionPublic] = Field(description="Entity mentions, per stored part")
    figures: list[ArticleFigurePublic] = Field(description="Figure records, per stored part")


# ---------------------------------------------------------------------------- figures, entities


class FigureParams(BaseModel):
    """Query parameters of GET /figures: conditions hold for each listed figure record."""

    model_config = ConfigDict(extra="forbid")

    type: FigureTypeName | None = Field(default=None, description="Figure type")
    min_value: float | None = Field(default=None, allow_inf_nan=False)
    max_value: float | None = Field(default=None, allow_inf_nan=False)
    measure: str | None = Field(
        default=None, min_length=1, max_length=100, description="Text in what is counted"
    )
    agency: str | None = Field(default=None, min_length=1, max_length=200)
    period_from: dt.date | None = Field(default=None, description="Figure period overlaps")
    period_to: dt.date | None = Field(default=None, description="Figure period overlaps")
    date_from: dt.date | None = Field(default=None, description="First publication date")
    date_to: dt.date | None = Field(default=None, description="Last publication date")
    newspaper: list[str] = Field(default_factory=list, description=f"Newspaper. {_LIST}")
    sort: FigureSort = "-value"
    limit: int = Field(default=50, ge=1, le=500)
    offset: int = Field(default=0, ge=0, le=10_000)


class FigurePublic(BaseModel):
    id: int = Field(description="Figure id; use it as highlight= on the page image")
    article_id: str = Field(description="The whole article (GET /articles/{id})")
    part_id: str = Field(description="The stored part whose text the paragraph refers to")
    headline: str
    newspaper: str | None
    date: str | None
    page: int | None
    page_index: int | None
    bbox: list[float] | None = Field(description="Paragraph box [x0, top, x1, bottom], points")
    paragraph: int
    type: str
    text: str = Field(description="The figure as printed, e.g. 24万余元")
    value: float
    value_max: float | None
    qualifier: str
    unit: str
    measure: str | None
    agency: str | None
    period_text: str | None
    period_start: str | None
    period_end: str | None
    sentence: str
    image: str | None = Field(description="URL of the page image with the paragraph outlined")


class FigureListPublic(BaseModel):
    total: int
    figures: list[FigurePublic]


class FigureCheckParams(BaseModel):
    """Query parameters of GET /figures/check: the claimed figure and what narrows it."""

    model_config = ConfigDict(extra="forbid")

    claim: str = Field(
        min_length=1,
        max_length=200,
        description="The figure as claimed, alone or in its phrase: 1850万余元, "
        "一千八百五十万元, 追回经济损失1850万元",
    )
    measure: str | None = Field(
        default=None, min_length=1, max_length=100, description="Text in what is counted"
    )
    agency: str | None = Field(
        default=None, min_length=1, max_length=200, description="Credited agency (canonical)"
    )
    date_from: dt.date | None = Field(default=None, description="First publication date")
    date_to: dt.date | None = Field(default=None, description="Last publication date")
    newspaper: list[str] = Field(default_factory=list, description=f"Newspaper. {_LIST}")
    limit: int = Field(default=50, ge=1, le=500, description="Most records in each list")


class ClaimPublic(BaseModel):
    text: str = Field(description="The part of the claim read as a figure")
    value: float
    value_max: float | None
    qualifier: str
    unit: str


class OtherFigurePublic(FigurePublic):
    relation: Literal["same_period", "other_period", "period_unknown"] | None = Field(
        description="How its period relates to the found record it differs from: "
        "same_period is a real disagreement; null when the claim was not found and this is "
        "what the paper printed for the measure instead"
    )
    compared_with: int | None = Field(description="Id of that found record")


class FigureCheckPublic(BaseModel):
    claim: ClaimPublic
    found_total: int = Field(description="Records printing the claimed value")
    found: list[FigurePublic]
    others: list[OtherFigurePublic] = Field(
        description="Records giving another value for the same measure and agency"
    )


class EntityParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: Literal["AGENCY", "PLACE", "PERSON", "INITIATIVE", "DATE"] | None = None
    kind: str | None = Field(default=None, min_length=1, max_length=40)
    limit: int = Field(default=100, ge=1, le=1000)


class EntityPublic(BaseModel):
    label: str
    canonical: str
    kind: str | None
    mentions: int
    articles: int = Field(description="Whole articles mentioning it")
    aliases: list[str] = Field(description="Other surface forms printed for it")


class EntityListPublic(BaseModel):
    entities: list[EntityPublic]


class MentionPublic(BaseModel):
    label: str
    text: str
    canonical: str
    kind: str | None
    start: int
    end: int
    paragraph: int
    extra: dict[str, str]


class ArticleFigurePublic(BaseModel):
    type: str
    text: str
    value: float
    value_max: float | None
    qualifier: str
    unit: str
    measure: str | None
    agency: str | None
    period_text: str | None
    period_start: str | None
    period_end: str | None
    start: int
    end: int
    paragraph: int
    sentence: str


# ---------------------------------------------------------------------------- documents

DocumentState = Literal[
    "queued", "processing", "ingested", "partial", "needs_ocr", "failed", "skipped"
]


class DocumentPublic(BaseModel):
    id: str = Field(description="sha256 of the file's content")
    status: DocumentState
    filename: str | None = Field(default=None, description="Name the file was uploaded under")
    size: int | None = None
    pages: int | None = None
    articles: int | None = None
    error: str | None = Field(default=None, description="Why the file (or some pages) failed")
    page_notes: list[str] = Field(default_factory=list)
    ingested_at: str | None = None
    es_waiting: str | None = Field(
        default=None,
        description="Why this file's Elasticsearch copy is behind the archive, when it is: the "
        "next update or `baoku reindex --to es` sends it (null: in step, or no Elasticsearch)",
    )
    url: str


class DocumentListPublic(BaseModel):
    total: int = Field(description="Documents matching the filter, all pages together")
    documents: list[DocumentPublic]


class UploadAcceptedPublic(BaseModel):
    documents: list[DocumentPublic]


class DocumentDeletedPublic(BaseModel):
    id: str
    deleted: bool
    articles: int = Field(description="Stored article parts removed")


# ---------------------------------------------------------------------------- health


class SearchCacheStatsPublic(BaseModel):
    generation: int = Field(description="Search index generation the cached results belong to")
    entries: int
    bytes: int
    hits: int
    misses: int = Field(description="Lookups that found nothing (coalesced ones included)")
    coalesced: int = Field(description="Misses that waited for the same search in flight")
    evictions: int


class SearchLoadPublic(BaseModel):
    concurrency: int = Field(description="Searches this process computes at once")
    running: int
    waiting: int
    refused: int = Field(description="Searches answered 503 because too many were waiting")


class SearchMemoPublic(BaseModel):
    """One search process's result memo (``BAOKU_SEARCH_MEMO_MB``): match sets, rankings and
    phrase score arrays kept between searches."""

    pid: int
    entries: int
    bytes: int
    max_bytes: int
    hits: int
    misses: int
    evictions: int = Field(description="Entries dropped for room: many mean a small budget")


class HealthPublic(BaseModel):
    status: Literal["ok"]
    searches: SearchLoadPublic | None = None
    search_cache: SearchCacheStatsPublic | None = Field(
        default=None, description="This process's search result cache; null when it is off"
    )
    search_memo: list[SearchMemoPublic | None] = Field(
        default_factory=list,
        description="Each search process's result memo as its last search left it; null for "
        "a worker that has not searched yet",
    )


class CheckPublic(BaseModel):
    ok: bool
    message: str


class ReadyPublic(BaseModel):
    status: Literal["ready", "not_ready"]
    checks: dict[str, CheckPublic]


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries saying these statuses answer with ``ErrorPublic``."""
    return {status: {"model": ErrorPublic, "description": "Error"} for status in statuses}
