"""The embedded search backend (search stage): ``SearchQuery`` answered from the SQLite store's
FTS5 index and keyword tables, plus the figure and entity listings.

Every user value is a bound parameter; the FTS5 MATCH string comes from ``fts_compile`` (user
words only ever inside quoted phrases). One search is one read transaction, so its total, page
and facets see the same snapshot even while an ingest writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any, Final

from baoku.search.fact_listing import (
    EntitySummary,
    FigurePage,
    FigureQuery,
    figure_conditions,
    list_entities,
    list_figures,
)
from baoku.search.filters import ResolvedQuery, resolve
from baoku.search.fts_compile import compile_match
from baoku.search.query import FacetCount, SearchHit, SearchQuery, SearchResult
from baoku.search.records import ArticleRecord
from baoku.search.search_doc import hit_date, hit_snippet
from baoku.search.store import Store
from baoku.search.syntax import positive_phrases

# Values returned per facet, most frequent first (ties by value); the ES backend uses the same.
FACET_SIZE: Final = 30
# Column weights for bm25 in FTS_COLUMNS order: headline, kicker, subheadline, lead, body.
BM25_WEIGHTS: Final = (4.0, 2.0, 2.0, 1.5, 1.0)

_COLUMN_FACETS: Final[dict[str, str]] = {
    "year": "d.year",
    "newspaper": "d.newspaper",
    "page_name": "d.page_name",
}
_KEY_FACETS: Final[dict[str, str]] = {
    "place": "place",
    "agency": "agency",
    "figure_type": "figure_type",
    "initiative": "initiative",
}
_DATE_ORDER: Final[dict[str, str]] = {
    "date": "d.date IS NULL, d.date ASC, d.head ASC",
    "-date": "d.date IS NULL, d.date DESC, d.head ASC",
}


def _in(values: Iterable[Any]) -> tuple[str, list[Any]]:
    vals = list(values)
    return ", ".join("?" for _ in vals), vals


class _Plan:
    """FROM/WHERE of one search with its parameters, in the order they appear."""

    def __init__(self, rq: ResolvedQuery) -> None:
        q = rq.query
        self.has_text = q.expression is not None
        self.where: list[str] = []
        self.params: list[Any] = []
        if q.expression is not None:
            # CROSS JOIN pins FTS5 as the outer loop: otherwise the planner may walk an index
            # of search_docs and run the MATCH once per row (10× slower at 2,000 articles).
            self.source = "search_fts CROSS JOIN search_docs d ON d.id = search_fts.rowid"
            self.where.append("search_fts MATCH ?")
            self.params.append(compile_match(q.expression))
        else:
            self.source = "search_docs d"
        self._add("d.type IN ({})", q.types)
        if q.date_from is not None:
            self.where.append("d.date >= ?")
            self.params.append(q.date_from.isoformat())
        if q.date_to is not None:
            self.where.append("d.date <= ?")
            self.params.append(q.date_to.isoformat())
        if q.newspapers:
            self._add("d.newspaper IN ({})", q.newspapers)
        if q.page_names:
            self._add("d.page_name IN ({})", q.page_names)
        for key in rq.keys:
            alternatives: list[str] = []
            params: list[Any] = [key.field]
            if key.exact:
                marks, vals = _in(key.exact)
                alternatives.append(f"value IN ({marks})")
                params += vals
            for part in key.contains:
                alternatives.append("instr(value, ?) > 0")
                params.append(part)
            self.where.append(
                "d.id IN (SELECT doc FROM search_keys WHERE field = ? AND ("
                + " OR ".join(alternatives)
                + "))"
            )
            self.params += params
        if rq.figure is not None:
            conds, params = figure_conditions(rq.figure)
            self.where.append(
                "d.id IN (SELECT m.doc FROM figures f JOIN search_members m "
                "ON m.article = f.article WHERE " + (" AND ".join(conds) or "1") + ")"
            )
            self.params += params

    def _add(self, template: str, values: Iterable[Any]) -> None:
        marks, vals = _in(values)
        self.where.append(template.format(marks))
        self.params += vals

    @property
    def where_sql(self) -> str:
        return " AND ".join(self.where) or "1"


class SqliteBackend:
    """Search over one open ``Store`` (use it from the thread that opened the store)."""

    def __init__(self, store: Store, *, facet_size: int = FACET_SIZE) -> None:
        self._store = store
        self._conn: sqlite3.Connection = store.connection
        self._facet_size = facet_size

    # ------------------------------------------------------------------ Backend protocol

    def search(self, q: SearchQuery) -> SearchResult:
        plan = _Plan(resolve(q))
        own_txn = not self._conn.in_transaction
        if own_txn:
            self._conn.execute("BEGIN")
        try:
            total = self._total(plan)
            hits = self._page(plan, q) if total > q.offset else []
            facets = {name: self._facet(plan, name) for name in q.facets}
        finally:
            if own_txn:
                self._conn.execute("COMMIT")
        return SearchResult(total=total, hits=hits, facets=facets)

    def index_articles(self, records: Iterable[ArticleRecord]) -> int:
        """Re-index stored articles (the store indexes on save; this repairs or refreshes)."""
        return self._store.reindex_articles(r.id for r in records)

    def delete_document(self, sha256: str) -> None:
        self._store.delete_document(sha256)

    def count(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM search_docs").fetchone()[0])

    # ------------------------------------------------------------------ listings

    def list_figures(self, fq: FigureQuery | None = None) -> FigurePage:
        """Figure records with sentence, article, page and box; see ``FigureQuery``."""
        from baoku.search.filters import resolve_figure

        fq = fq or FigureQuery()
        resolved = resolve_figure(fq.figure)
        if resolved is not None and resolved is not fq.figure:
            fq = FigureQuery(
                figure=resolved,
                date_from=fq.date_from,
                date_to=fq.date_to,
                newspapers=fq.newspapers,
                sort=fq.sort,
                limit=fq.limit,
                offset=fq.offset,
            )
        return list_figures(self._conn, fq)

    def list_entities(
        self, label: str | None = None, kind: str | None = None, *, limit: int | None = None
    ) -> list[EntitySummary]:
        """Canonical entities with mention counts, whole-article counts and aliases."""
        return list_entities(self._conn, label, kind, limit=limit)

    # ------------------------------------------------------------------ pieces

    def _total(self, plan: _Plan) -> int:
        sql = f"SELECT COUNT(*) FROM {plan.source} WHERE {plan.where_sql}"
        return int(self._conn.execute(sql, plan.params).fetchone()[0])

    def _page(self, plan: _Plan, q: SearchQuery) -> list[SearchHit]:
        if plan.has_text and q.sort == "relevance":
            weights = ", ".join(str(w) for w in BM25_WEIGHTS)
            score = f"-bm25(search_fts, {weights})"
            order = "score DESC, d.head ASC"
        else:
            score = "0.0"
            # Without words to rank by, "relevance" lists the newest first.
            order = _DATE_ORDER.get(q.sort, _DATE_ORDER["-date"])
        rows = self._conn.execute(
            "SELECT d.head, d.headline, d.newspaper, d.date, d.page_no, d.page_name, d.body, "
            f"{score} AS score FROM {plan.source} WHERE {plan.where_sql} "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            [*plan.params, q.limit, q.offset],
        ).fetchall()
        phrases = positive_phrases(q.expression)
        return [
            SearchHit(
                id=r[0],
                headline=r[1],
                newspaper=r[2],
                date=hit_date(r[3]),
                page=r[4],
                page_name=r[5],
                score=round(float(r[7]), 6),
                snippet=hit_snippet(r[6], r[1], phrases),
            )
            for r in rows
        ]

    def _facet(self, plan: _Plan, name: str) -> list[FacetCount]:
        if name in _COLUMN_FACETS:
            col = _COLUMN_FACETS[name]
            sql = (
                f"SELECT {col} AS v, COUNT(*) AS n FROM {plan.source} "
                f"WHERE {plan.where_sql} AND {col} IS NOT NULL "
                "GROUP BY v ORDER BY n DESC, v ASC LIMIT ?"
            )
            params = [*plan.params, self._facet_size]
        else:
            sql = (
                f"SELECT k.value AS v, COUNT(*) AS n FROM {plan.source} "
                "JOIN search_keys k ON k.doc = d.id AND k.field = ? "
                f"WHERE {plan.where_sql} GROUP BY v ORDER BY n DESC, v ASC LIMIT ?"
            )
            params = [_KEY_FACETS[name], *plan.params, self._facet_size]
        return [FacetCount(str(v), int(n)) for v, n in self._conn.execute(sql, params)]
