"""Backend-neutral search request and result types, and the protocol every backend implements.

Search stage (ingest → nlp → **search**). The API and CLI build a ``SearchQuery``; the SQLite
store (the default, system of record) and the Elasticsearch backend both answer it with a
``SearchResult``, and the contract tests hold them to the same ids for the same query.

Validation happens on construction, so a backend never sees an impossible request: limits,
date order, known facet names and sort orders, and the text parsed by ``syntax.parse`` (a
query of only exclusions raises ``QuerySyntaxError`` here, before any backend runs).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, Literal, Protocol, get_args, runtime_checkable

from baoku.ingest.records import ArticleType
from baoku.nlp.quantities import Kind
from baoku.nlp.records import FigureType
from baoku.search.records import ArticleRecord
from baoku.search.syntax import Node, parse

Sort = Literal["relevance", "date", "-date"]
FacetName = Literal[
    "year", "newspaper", "page_name", "place", "agency", "figure_type", "initiative"
]

FACET_NAMES: Final[frozenset[str]] = frozenset(get_args(FacetName))
SORTS: Final[frozenset[str]] = frozenset(get_args(Sort))
# The quantity parser's kinds plus the figure types NLP records carry (cases, people).
FIGURE_TYPES: Final[frozenset[str]] = frozenset(get_args(Kind)) | frozenset(
    t.value for t in FigureType
)
ARTICLE_TYPES: Final[frozenset[str]] = frozenset(t.value for t in ArticleType)
MAX_LIMIT: Final = 500
# Elasticsearch refuses from + size beyond index.max_result_window (10 000 by default); the
# SQLite store holds to the same bound so that both backends page alike.
MAX_WINDOW: Final = 10_000


@dataclass(frozen=True, slots=True)
class FigureFilter:
    """Conditions that must all hold for ONE figure record of an article, not across several.

    ``type`` is a figure kind (money, percent, count, ...); ``measure_contains`` a substring of
    what the figure counts (案件, 农民工); ``agency`` the credited body; the period bounds
    compare with the period the figure covers. All ``None`` means "has any figure".
    """

    type: str | None = None
    min_value: float | None = None
    max_value: float | None = None
    measure_contains: str | None = None
    agency: str | None = None
    period_from: date | None = None
    period_to: date | None = None

    def __post_init__(self) -> None:
        if self.type is not None and self.type not in FIGURE_TYPES:
            raise ValueError(f"figure type must be one of {sorted(FIGURE_TYPES)}: {self.type!r}")
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.min_value > self.max_value
        ):
            raise ValueError("figure min_value is above max_value")
        if (
            self.period_from is not None
            and self.period_to is not None
            and self.period_from > self.period_to
        ):
            raise ValueError("figure period_from is after period_to")
        for name in ("measure_contains", "agency"):
            value = getattr(self, name)
            if value is not None and not value.strip():
                raise ValueError(f"figure {name} is blank; leave it out instead")

    def accepts(
        self,
        *,
        type: str | None,
        value: float | None,
        measure: str | None,
        agency: str | None,
        period_start: date | None = None,
        period_end: date | None = None,
    ) -> bool:
        """Whether ONE figure record satisfies every condition; the reference for backends.

        The period condition is an overlap test; a figure without a period fails it.
        """
        if self.type is not None and type != self.type:
            return False
        if self.min_value is not None and (value is None or value < self.min_value):
            return False
        if self.max_value is not None and (value is None or value > self.max_value):
            return False
        if self.measure_contains is not None and self.measure_contains not in (measure or ""):
            return False
        if self.agency is not None and agency != self.agency:
            return False
        if self.period_from is not None or self.period_to is not None:
            start = period_start or period_end
            end = period_end or period_start
            if start is None or end is None:
                return False
            if self.period_from is not None and end < self.period_from:
                return False
            if self.period_to is not None and start > self.period_to:
                return False
        return True


def _as_tuple(value: Iterable[Any] | str | None, name: str) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        # A bare string would silently become a tuple of its characters.
        raise TypeError(f"{name} takes a sequence of values, not one string")
    return tuple(value)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """One search request. Filters of one field are ORed, different fields ANDed."""

    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    newspapers: tuple[str, ...] = ()
    page_nos: tuple[int, ...] = ()
    page_names: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    initiatives: tuple[str, ...] = ()
    entity_kinds: tuple[str, ...] = ()
    figure: FigureFilter | None = None
    types: tuple[str, ...] = ("article",)
    sort: Sort = "relevance"
    limit: int = 20
    offset: int = 0
    facets: tuple[str, ...] = ()
    expression: Node | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        for name in (
            "newspapers",
            "page_nos",
            "page_names",
            "places",
            "agencies",
            "persons",
            "initiatives",
            "entity_kinds",
            "types",
            "facets",
        ):
            object.__setattr__(self, name, _as_tuple(getattr(self, name), name))
        for name in (
            "newspapers",
            "page_names",
            "places",
            "agencies",
            "persons",
            "initiatives",
            "entity_kinds",
            "types",
        ):
            for value in getattr(self, name):
                if not isinstance(value, str) or not value.strip():
                    raise ValueError(f"{name} holds an empty or non-text value: {value!r}")
        for page in self.page_nos:
            if isinstance(page, bool) or not isinstance(page, int) or page < 1:
                raise ValueError(f"page_nos must be positive integers: {page!r}")
        if not isinstance(self.text, str):
            raise TypeError("text must be a string")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")
        if not self.types:
            raise ValueError("types is empty; pass at least one of " + str(sorted(ARTICLE_TYPES)))
        unknown_types = set(self.types) - ARTICLE_TYPES
        if unknown_types:
            raise ValueError(f"unknown types {sorted(unknown_types)}; use {sorted(ARTICLE_TYPES)}")
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {sorted(SORTS)}: {self.sort!r}")
        if isinstance(self.limit, bool) or not 1 <= self.limit <= MAX_LIMIT:
            raise ValueError(f"limit must be 1..{MAX_LIMIT}: {self.limit!r}")
        if isinstance(self.offset, bool) or self.offset < 0:
            raise ValueError(f"offset must be >= 0: {self.offset!r}")
        if self.offset + self.limit > MAX_WINDOW:
            raise ValueError(f"offset + limit may not exceed {MAX_WINDOW}; narrow the search")
        unknown_facets = set(self.facets) - FACET_NAMES
        if unknown_facets:
            raise ValueError(f"unknown facets {sorted(unknown_facets)}; use {sorted(FACET_NAMES)}")
        if len(set(self.facets)) != len(self.facets):
            raise ValueError("facets lists a name twice")
        # Raises QuerySyntaxError for a query of only exclusions.
        object.__setattr__(self, "expression", parse(self.text))


@dataclass(frozen=True, slots=True)
class FacetCount:
    value: str
    count: int


def shown_score(score: float) -> float:
    """A hit's relevance score as reported: six significant digits. Not six decimals: bm25
    gives a word found in most articles an idf of 1e-6 (FTS5 floors it there), and six
    decimals would show all its hits as 1e-06 however they rank."""
    return float(f"{score:.6g}")


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    headline: str
    newspaper: str | None
    date: date | None
    page: int | None
    page_name: str | None
    score: float
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "headline": self.headline,
            "newspaper": self.newspaper,
            "date": self.date.isoformat() if self.date is not None else None,
            "page": self.page,
            "score": self.score,
            "snippet": self.snippet,
        }


@dataclass(slots=True)
class SearchResult:
    total: int
    hits: list[SearchHit] = field(default_factory=list)
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.total < len(self.hits):
            raise ValueError("total is below the number of hits returned")
        unknown = set(self.facets) - FACET_NAMES
        if unknown:
            raise ValueError(f"unknown facets in result: {sorted(unknown)}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "hits": [h.to_dict() for h in self.hits],
            "facets": {
                name: [{"value": c.value, "count": c.count} for c in counts]
                for name, counts in self.facets.items()
            },
        }


@runtime_checkable
class Backend(Protocol):
    """What the API and CLI need from a search backend (SQLite store, Elasticsearch)."""

    def search(self, q: SearchQuery) -> SearchResult: ...

    def index_articles(self, records: Iterable[ArticleRecord]) -> int:
        """Add or replace these articles; returns how many were written."""
        ...

    def delete_document(self, sha256: str) -> None:
        """Remove every article that came from the source file with this hash."""
        ...

    def count(self) -> int:
        """Number of articles searchable now."""
        ...
