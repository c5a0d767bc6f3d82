"""Listings of stored facts for fact-checkers (search stage): figure records with the sentence,
article, page and box they came from, and canonical entities with their counts and aliases.

Read-only SQL over the store (``facts_store`` tables joined to the search index's whole
articles); ``SqliteBackend.list_figures`` / ``list_entities`` are the public doors.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, Literal, get_args

from baoku.ingest.records import BBox
from baoku.nlp.records import EntityLabel
from baoku.search.filters import figure_agencies
from baoku.search.query import MAX_LIMIT, MAX_WINDOW, FigureFilter

FigureSort = Literal["-value", "value", "-date", "date"]
FIGURE_SORTS: Final[frozenset[str]] = frozenset(get_args(FigureSort))


def figure_conditions(
    f: FigureFilter, alias: str = "f", agencies: tuple[str, ...] | None = None
) -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) that ONE figure row must meet, mirroring
    ``FigureFilter.accepts``; ``alias`` is the figures table's alias in the caller's SQL.
    ``agencies``: the stored agencies ``f.agency`` was resolved to (``filters``), any of which
    the record may be credited to; without it, ``f.agency`` must be the stored name."""
    conds: list[str] = []
    params: list[Any] = []
    if f.type is not None:
        conds.append(f"{alias}.type = ?")
        params.append(f.type)
    if f.min_value is not None:
        conds.append(f"{alias}.value >= ?")
        params.append(f.min_value)
    if f.max_value is not None:
        conds.append(f"{alias}.value <= ?")
        params.append(f.max_value)
    if f.measure_contains is not None:
        conds.append(f"instr({alias}.measure, ?) > 0")
        params.append(f.measure_contains)
    if agencies is not None:
        conds.append(f"{alias}.agency IN ({', '.join('?' for _ in agencies)})")
        params.extend(agencies)
    elif f.agency is not None:
        conds.append(f"{alias}.agency = ?")
        params.append(f.agency)
    if f.period_from is not None or f.period_to is not None:
        start = f"COALESCE({alias}.period_start, {alias}.period_end)"
        end = f"COALESCE({alias}.period_end, {alias}.period_start)"
        conds.append(f"{start} IS NOT NULL")
        if f.period_from is not None:
            conds.append(f"{end} >= ?")
            params.append(f.period_from.isoformat())
        if f.period_to is not None:
            conds.append(f"{start} <= ?")
            params.append(f.period_to.isoformat())
    return conds, params


@dataclass(frozen=True, slots=True)
class FigureQuery:
    """Which figure records to list; ``figure`` holds the per-record conditions."""

    figure: FigureFilter = field(default_factory=FigureFilter)
    date_from: date | None = None
    date_to: date | None = None
    newspapers: tuple[str, ...] = ()
    sort: FigureSort = "-value"
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.newspapers, str):
            raise TypeError("newspapers takes a sequence of names, not one string")
        object.__setattr__(self, "newspapers", tuple(self.newspapers))
        if self.sort not in FIGURE_SORTS:
            raise ValueError(f"sort must be one of {sorted(FIGURE_SORTS)}: {self.sort!r}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")
        if isinstance(self.limit, bool) or not 1 <= self.limit <= MAX_LIMIT:
            raise ValueError(f"limit must be 1..{MAX_LIMIT}: {self.limit!r}")
        if isinstance(self.offset, bool) or self.offset < 0:
            raise ValueError(f"offset must be >= 0: {self.offset!r}")
        if self.offset + self.limit > MAX_WINDOW:
            raise ValueError(f"offset + limit may not exceed {MAX_WINDOW}; narrow the listing")


@dataclass(frozen=True, slots=True)
class FigureHit:
    id: int
    article_id: str  # the whole article (head part) users open
    part_id: str  # the stored part the offsets refer to
    headline: str
    newspaper: str | None
    date: str | None
    page: int | None
    page_index: int | None
    bbox: BBox | None  # the paragraph's box on that page
    paragraph: int
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
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "part_id": self.part_id,
            "headline": self.headline,
            "newspaper": self.newspaper,
            "date": self.date,
            "page": self.page,
            "page_index": self.page_index,
            "bbox": list(self.bbox.rounded()) if self.bbox else None,
            "paragraph": self.paragraph,
            "type": self.type,
            "text": self.text,
            "value": self.value,
            "value_max": self.value_max,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "measure": self.measure,
            "agency": self.agency,
            "period_text": self.period_text,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "sentence": self.sentence,
        }


@dataclass(slots=True)
class FigurePage:
    total: int
    figures: list[FigureHit]

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "figures": [f.to_dict() for f in self.figures]}


@dataclass(frozen=True, slots=True)
class EntitySummary:
    label: str
    canonical: str
    kind: str | None  # the kind most mentions carry
    mentions: int
    articles: int  # whole articles mentioning it
    aliases: tuple[str, ...]  # surface forms other than the canonical name

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "canonical": self.canonical,
            "kind": self.kind,
            "mentions": self.mentions,
            "articles": self.articles,
            "aliases": list(self.aliases),
        }


_ORDER: Final[dict[str, str]] = {
    "-value": "f.value DESC, f.date DESC, f.id",
    "value": "f.value ASC, f.date ASC, f.id",
    # Undated figures last both ways. Descending, NULL (the smallest value) comes last by
    # itself, and the plain form walks the (type, date) index; ascending, the ``IS NULL``
    # term matches the (type, date IS NULL, date) index.
    "-date": "f.date DESC, f.value DESC, f.id",
    "date": "f.date IS NULL, f.date ASC, f.value DESC, f.id",
}


def list_figures(conn: sqlite3.Connection, fq: FigureQuery) -> FigurePage:
    """One page of the figure records ``fq`` selects; its agency is resolved against this
    store as the search filter's is (aliases, and names contained in stored agencies)."""
    conds, params = figure_conditions(fq.figure, agencies=figure_agencies(conn, fq.figure))
    # Date and newspaper are the figure's copies of its article's (schema v6): the filter,
    # the sort and the total read the figures' indexes only.
    if fq.date_from is not None:
        conds.append("f.date >= ?")
        params.append(fq.date_from.isoformat())
    if fq.date_to is not None:
        conds.append("f.date <= ?")
        params.append(fq.date_to.isoformat())
    if fq.newspapers:
        conds.append(f"f.newspaper IN ({', '.join('?' for _ in fq.newspapers)})")
        params.extend(fq.newspapers)
    where = " AND ".join(conds) or "1"
    total = int(conn.execute(f"SELECT COUNT(*) FROM figures f WHERE {where}", params).fetchone()[0])
    order = _ORDER[fq.sort]
    # The page is chosen first on the figures alone; the article, page and box are looked up
    # for its rows only.
    rows = conn.execute(
        f"WITH page AS MATERIALIZED (SELECT f.id AS fid FROM figures f WHERE {where} "
        f"ORDER BY {order} LIMIT ? OFFSET ?) "
        "SELECT f.id, f.article, COALESCE(d.head, f.article), COALESCE(st.headline, a.headline), "
        "a.newspaper, a.date, COALESCE(ps.page_no, a.page_no), COALESCE(ps.page_index, "
        "a.page_index), ps.x0, ps.top, ps.x1, ps.bottom, f.paragraph, f.type, f.text, f.value, "
        "f.value_max, f.qualifier, f.unit, f.measure, f.agency, f.period_text, f.period_start, "
        "f.period_end, f.sentence FROM page "
        "JOIN figures f ON f.id = page.fid JOIN articles a ON a.id = f.article "
        "LEFT JOIN search_members m ON m.article = f.article "
        "LEFT JOIN search_docs d ON d.id = m.doc "
        "LEFT JOIN search_text st ON st.id = m.doc "
        "LEFT JOIN paragraph_sources ps ON ps.article = f.article AND ps.paragraph = f.paragraph "
        f"ORDER BY {order}",
        [*params, fq.limit, fq.offset],
    ).fetchall()
    hits = [
        FigureHit(
            id=r[0],
            part_id=r[1],
            article_id=r[2],
            headline=r[3],
            newspaper=r[4],
            date=r[5],
            page=r[6],
            page_index=r[7],
            bbox=BBox(r[8], r[9], r[10], r[11]) if r[8] is not None else None,
            paragraph=r[12],
            type=r[13],
            text=r[14],
            value=r[15],
            value_max=r[16],
            qualifier=r[17],
            unit=r[18],
            measure=r[19],
            agency=r[20],
            period_text=r[21],
            period_start=r[22],
            period_end=r[23],
            sentence=r[24],
        )
        for r in rows
    ]
    return FigurePage(total, hits)


def list_entities(
    conn: sqlite3.Connection,
    label: str | None = None,
    kind: str | None = None,
    *,
    limit: int | None = None,
) -> list[EntitySummary]:
    """Canonical entities, most mentioned first (ties by name)."""
    conds: list[str] = []
    params: list[Any] = []
    if label is not None:
        try:
            conds.append("e.label = ?")
            params.append(str(EntityLabel(label.upper())))
        except ValueError as exc:
            known = ", ".join(str(x) for x in EntityLabel)
            raise ValueError(f"unknown entity label {label!r}; use one of: {known}") from exc
    if kind is not None:
        conds.append("e.kind = ?")
        params.append(kind)
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be at least 1: {limit!r}")
    where = " AND ".join(conds) or "1"
    totals = conn.execute(
        "SELECT e.label, e.canonical, COUNT(*), COUNT(DISTINCT COALESCE(m.doc, e.article)) "
        "FROM entity_mentions e LEFT JOIN search_members m ON m.article = e.article "
        f"WHERE {where} GROUP BY e.label, e.canonical "
        "ORDER BY COUNT(*) DESC, e.label, e.canonical" + (" LIMIT ?" if limit else ""),
        [*params, limit] if limit else params,
    ).fetchall()
    kinds: dict[tuple[str, str], dict[str | None, int]] = {}
    aliases: dict[tuple[str, str], set[str]] = {}
    for lab, canonical, k, text, n in conn.execute(
        "SELECT e.label, e.canonical, e.kind, e.text, COUNT(*) FROM entity_mentions e "
        f"WHERE {where} GROUP BY e.label, e.canonical, e.kind, e.text",
        params,
    ):
        counts = kinds.setdefault((lab, canonical), {})
        counts[k] = counts.get(k, 0) + n
        if text != canonical:
            aliases.setdefault((lab, canonical), set()).add(text)
    out: list[EntitySummary] = []
    for lab, canonical, mentions, articles in totals:
        counts = kinds.get((lab, canonical), {})
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] or ""))
        out.append(
            EntitySummary(
                label=lab,
                canonical=canonical,
                kind=top[0][0] if top else None,
                mentions=int(mentions),
                articles=int(articles),
                aliases=tuple(sorted(aliases.get((lab, canonical), ()))),
            )
        )
    return out
