"""The embedded search backend (search stage): ``SearchQuery`` answered from the SQLite store's
FTS5 index and keyword tables, plus the figure and entity listings.

Every user value is a bound parameter; the FTS5 MATCH string comes from ``fts_compile`` (user
words only ever inside quoted phrases). One search is one read transaction, so its total, page
and facets see the same snapshot even while an ingest writes.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from baoku.search.facet_columns import FacetColumnCache, build_facet_columns
from baoku.search.fact_listing import (
    EntitySummary,
    FigurePage,
    FigureQuery,
    figure_conditions,
    list_entities,
    list_figures,
)
from baoku.search.filters import KeyMatch, ResolvedQuery, resolve
from baoku.search.fts_compile import compile_match
from baoku.search.phrase_scores import (
    PhraseScores,
    leaves,
    matching,
    read_phrase,
    summed_scores,
    top,
)
from baoku.search.query import (
    ARTICLE_TYPES,
    FacetCount,
    SearchHit,
    SearchQuery,
    SearchResult,
    shown_score,
)
from baoku.search.records import ArticleRecord
from baoku.search.result_memo import ResultMemo, Scope
from baoku.search.schema import connect_read_only
from baoku.search.search_doc import hit_date, hit_snippet
from baoku.search.sqlite_index import generation
from baoku.search.store import Store
from baoku.search.syntax import positive_phrases

# Values returned per facet, most frequent first (ties by value); the ES backend uses the same.
FACET_SIZE: Final = 30
# Column weights for bm25 in FTS_COLUMNS order: headline, kicker, subheadline, lead, body; the
# bigram columns (same order) weigh the same, so a word scores alike in either form; the pad
# never matches. Relative weights as in Elasticsearch (4 : 2 : 2 : 1.5 : 1), scaled so that
# bm25's length term, which without per-row lengths is k1·(1 - b) ≈ 0.3 at any archive size
# (schema v5), saturates term frequency as k1 = 1.2 would at average length: one body match
# scores 0.25 / (0.25 + 0.3), not 1 / (1 + 0.3), which would rank every match nearly alike.
BM25_WEIGHTS: Final = (1.0, 0.5, 0.5, 0.375, 0.25)
_BM25: Final = "bm25(search_fts, {}, 0)".format(", ".join(str(w) for w in BM25_WEIGHTS * 2))

_COLUMN_FACETS: Final[dict[str, str]] = {
    "year": "year",
    "newspaper": "newspaper",
    "page_name": "page_name",
}
_KEY_FACETS: Final[dict[str, str]] = {
    "place": "place",
    "agency": "agency",
    "figure_type": "figure_type",
    "initiative": "initiative",
}
# Undated last in both directions, ties by head. SQLite sorts NULL first, so DESC alone puts
# it last; ASC needs the IS NULL term. Both match an index of schema v3 exactly, so a broad
# listing reads one page of the index instead of sorting every row.
_DATE_ORDER: Final[dict[str, str]] = {
    "date": "d.date IS NULL, d.date ASC, d.head ASC",
    "-date": "d.date DESC, d.head ASC",
}
# From this many matches on, a facet search asks for the in-memory facet columns
# (facet_columns.py); below it SQL counts in ~10 ms and an archive never searched broadly
# spends no memory on them.
FACET_COLUMNS_MIN_MATCHES: Final = 5_000
_FACET_COLUMNS: Final = FacetColumnCache(
    lambda conn: build_facet_columns(conn, _COLUMN_FACETS, _KEY_FACETS)
)
# Ranking is bm25 for every match (0.35–0.6 µs each in FTS5, which has no top-k pruning). From
# this many matches on, the rowid range is split across threads, each with its own read-only
# connection; below it the threads cost more than they save.
PARALLEL_RANK_MIN: Final = 20_000
# Counts, ranked windows and match sets of recent searches, for the next page, facet or sort
# of the same words (result_memo.py); one per process.
_MEMO: Final = ResultMemo()
# A ranked window is computed at least this deep, so that the next pages of a search come
# from the memo: the top-k sort costs next to nothing beside bm25 for every match.
_RANK_WINDOW: Final = 100
# A phrase's matches and scores are read into an array (one full pass, about three rankings'
# worth) the time a search meets it this often in one snapshot; from then on searches made of
# kept phrases rank with numpy (``phrase_scores``). Under the API load bench, 4 uses with a
# 256 MB memo per worker gave 1 000–1 044 req/s against 959–970 without arrays (docs/api.md);
# 2 uses read too many arrays of phrases that did not come back (p99 258–268 ms), 8 too few.
PHRASE_ARRAY_USES: int = 4
# A filter-only page walks the date index when it expects to read at most this many rows.
_WALK_BUDGET: Final = 20_000
# The most common type by far: a text search filters it by excluding the (few) others, which
# is a small set to build, instead of by looking up every matching row.
_COMMON_TYPE: Final = "article"


def memo_stats() -> dict[str, int]:
    """This process's result memo counters (``ResultMemo.stats``)."""
    return _MEMO.stats()


def set_memo_budget(max_bytes: int) -> None:
    """The byte budget of this process's result memo (counts, rankings, id sets, phrase
    arrays): a search worker of the API sets it from ``BAOKU_SEARCH_MEMO_MB``."""
    _MEMO.resize(max_bytes)


def _in(values: Iterable[Any]) -> tuple[str, list[Any]]:
    vals = list(values)
    return ", ".join("?" for _ in vals), vals


class _Plan:
    """The SQL of one search: which article ids match, driven from the most selective side.

    With words, FTS5 drives: key and figure filters are membership probes (``+rowid IN
    (...)``: the unary plus keeps SQLite from handing the IN list to FTS5, which would run
    the MATCH once per value), the type a ``NOT IN`` of the other types, and date, paper or
    page name a rowid join to the short ``search_docs`` rows. Without words, the most
    selective key filter (or the figure filter) drives, joined to ``search_docs`` by rowid;
    only when there is neither does a ``search_docs`` index drive. Each subquery yields a set
    computed once per statement.
    """

    def __init__(
        self, conn: sqlite3.Connection, rq: ResolvedQuery, scope: Scope | None = None
    ) -> None:
        q = rq.query
        # The snapshot whose memoized results this search may use (None: none, nor keep any).
        self.scope = scope
        self.expression = q.expression
        self.match = compile_match(q.expression, bigrams=True) if q.expression is not None else None
        # The whole match set with scores, when read from phrase arrays (``_phrase_ranking``);
        # False once this search has declined them (a search counts as one use of a phrase).
        self.phrase_ranking: tuple[Any, Any] | bool | None = None
        # Conditions on search_docs (alias d) and their parameters.
        self.doc_where: list[str] = []
        self.doc_params: list[Any] = []
        # Whether the type is the only search_docs condition (then no join is needed).
        self.type_only = True
        self._doc("d.type IN ({})", q.types, is_type=True)
        if q.date_from is not None:
            self._doc("d.date >= {}", [q.date_from.isoformat()])
        if q.date_to is not None:
            self._doc("d.date <= {}", [q.date_to.isoformat()])
        if q.newspapers:
            self._doc("d.newspaper IN ({})", q.newspapers)
        if q.page_names:
            self._doc("d.page_name IN ({})", q.page_names)
        self.types = q.types
        # The excluded types that the archive holds at all (one probe of the (type, date)
        # index each): excluding a type with no rows would still cost a set probe per match.
        self.other_types = [
            t
            for t in sorted(ARTICLE_TYPES - set(q.types))
            if conn.execute("SELECT 1 FROM search_docs WHERE type = ? LIMIT 1", (t,)).fetchone()
        ]
        # Id sets (SELECT doc ...) from the keyword and figure tables, with parameters.
        self.sets: list[tuple[str, list[Any]]] = []
        keyed: list[tuple[int, str, list[Any]]] = []
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
            sql = (
                "SELECT DISTINCT doc FROM search_keys WHERE field = ? AND ("
                + " OR ".join(alternatives)
                + ")"
            )
            keyed.append((_key_size(conn, key), sql, params))
        # Smallest first: the first set drives a filter-only search.
        self.sets += [(sql, params) for _, sql, params in sorted(keyed, key=lambda k: k[0])]
        if rq.figure is not None:
            conds, params = figure_conditions(rq.figure, "sf", rq.figure_agencies)
            self.sets.append(
                (
                    "SELECT DISTINCT doc FROM search_figures sf WHERE "
                    + (" AND ".join(conds) or "1"),
                    params,
                )
            )

    def recall(self, key: tuple[Any, ...]) -> Any | None:
        """A result this statement gave in the same snapshot, if the memo still has it."""
        return _MEMO.get(self.scope, key) if self.scope is not None else None

    def keep(self, key: tuple[Any, ...], value: Any, nbytes: int) -> None:
        if self.scope is not None:
            _MEMO.put(self.scope, key, value, nbytes)

    def _doc(self, template: str, values: Iterable[Any], *, is_type: bool = False) -> None:
        marks, vals = _in(values)
        self.doc_where.append(template.format(marks))
        self.doc_params += vals
        if not is_type:
            self.type_only = False

    # ------------------------------------------------------------------ with words

    def fts_from_where(self, *, join_docs: bool = False) -> tuple[str, list[Any]]:
        """FROM ... WHERE ... selecting the matching rows of ``search_fts``; ``search_docs``
        (as ``d``) is joined when ``join_docs`` or when a condition needs it."""
        where = ["search_fts MATCH ?"]
        params: list[Any] = [self.match]
        source = "search_fts"
        if join_docs or not self.type_filter_only:
            # A rowid lookup per match (short rows) measured faster than building the set
            # of, say, all articles of three years and probing it.
            source = "search_fts CROSS JOIN search_docs d ON d.id = search_fts.rowid"
            where += self.doc_where
            params += self.doc_params
        else:
            cond, vals = self._not_other_types("search_fts.rowid")
            if cond:
                where.append(cond)
                params += vals
        for sql, set_params in self.sets:
            where.append(f"+search_fts.rowid IN ({sql})")
            params += set_params
        return f"FROM {source} WHERE {' AND '.join(where)}", params

    # ------------------------------------------------------------------ without words

    def docs_from_where(self) -> tuple[str, list[Any]]:
        """FROM ... WHERE ... with ``search_docs`` as ``d``, one row per matching article."""
        where = list(self.doc_where)
        params: list[Any] = []
        if self.sets:
            driver_sql, driver_params = self.sets[0]
            source = f"({driver_sql}) AS drv CROSS JOIN search_docs d ON d.id = drv.doc"
            params += driver_params
            rest = self.sets[1:]
        else:
            source = "search_docs d"
            rest = []
        params += self.doc_params
        for sql, set_params in rest:
            where.append(f"+d.id IN ({sql})")
            params += set_params
        return f"FROM {source} WHERE {' AND '.join(where)}", params

    @property
    def type_filter_only(self) -> bool:
        """True when the only search_docs condition is a type set holding the common type,
        which a NOT IN of the (few) other types expresses without a join."""
        return self.type_only and _COMMON_TYPE in self.types

    @property
    def filtered(self) -> bool:
        """Whether anything beyond the words and the usual type narrows the matches."""
        return bool(self.sets) or not self.type_filter_only

    def _not_other_types(self, column: str) -> tuple[str, list[Any]]:
        others = self.other_types
        if not others:
            return "", []
        marks, vals = _in(others)
        return f"+{column} NOT IN (SELECT id FROM search_docs WHERE type IN ({marks}))", vals

    def count(self) -> tuple[str, list[Any]]:
        """A statement counting the matching articles."""
        if self.match is None and self.sets and self.type_filter_only:
            # Driven by a key or figure set: count it without joining search_docs.
            driver_sql, params = self.sets[0]
            where: list[str] = []
            cond, vals = self._not_other_types("drv.doc")
            if cond:
                where.append(cond)
                params = [*params, *vals]
            for sql, set_params in self.sets[1:]:
                where.append(f"+drv.doc IN ({sql})")
                params = [*params, *set_params]
            return (
                f"SELECT COUNT(*) FROM ({driver_sql}) AS drv WHERE {' AND '.join(where) or '1'}",
                params,
            )
        sql, params = self.ids()
        return f"SELECT COUNT(*) FROM ({sql})", params

    def ids(self) -> tuple[str, list[Any]]:
        """A statement yielding ``id`` once per matching article."""
        if self.match is not None:
            from_where, params = self.fts_from_where()
            return f"SELECT search_fts.rowid AS id {from_where}", params
        from_where, params = self.docs_from_where()
        return f"SELECT d.id AS id {from_where}", params


def _walk_sql(plan: _Plan, q: SearchQuery) -> tuple[str, list[Any]]:
    """The page of a filter-only search read off the date index of its one type in order,
    each row probed against the filter sets; SQLite stops after the page."""
    index = "search_docs_date_asc" if q.sort == "date" else "search_docs_date_desc"
    order = _DATE_ORDER.get(q.sort, _DATE_ORDER["-date"])
    where = list(plan.doc_where)
    params = list(plan.doc_params)
    for sql, set_params in plan.sets:
        where.append(f"+d.id IN ({sql})")
        params += set_params
    return (
        f"SELECT d.id FROM search_docs d INDEXED BY {index} WHERE {' AND '.join(where)} "
        f"ORDER BY {order} LIMIT ? OFFSET ?",
        params,
    )


def _slices(low: int, high: int, n: int) -> list[tuple[int, int]]:
    """``n`` contiguous inclusive ranges covering low..high."""
    step = (high - low + n) // n
    return [(low + i * step, min(high, low + (i + 1) * step - 1)) for i in range(n)]


# Ranking slices run in one pool per process, and each pool thread keeps its own read-only
# connection per archive: backends are cheap to make per request (the API does) and leave no
# threads or connections behind.
_POOL: ThreadPoolExecutor | None = None
_POOL_SIZE = 0
_POOL_LOCK = threading.Lock()
_THREAD = threading.local()
_PATHS_PER_THREAD: Final = 4


def _rank_pool(workers: int) -> ThreadPoolExecutor:
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is None or workers > _POOL_SIZE:
            if _POOL is not None:
                _POOL.shutdown(wait=False)  # its threads finish their slices, then exit
            _POOL = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="baoku-rank")
            _POOL_SIZE = workers
        return _POOL


def _thread_connection(path: Path) -> sqlite3.Connection:
    """This pool thread's read-only connection to ``path`` (a few archives kept open)."""
    conns: dict[Path, sqlite3.Connection] = _THREAD.__dict__.setdefault("conns", {})
    conn = conns.get(path)
    if conn is None:
        if len(conns) >= _PATHS_PER_THREAD:
            conns.pop(next(iter(conns))).close()
        conn = conns[path] = connect_read_only(path)
    return conn


def _read_slice(path: Path, sql: str, params: list[Any]) -> tuple[int, list[Any]]:
    """Run one ranking slice in its own read transaction; also returns the index generation
    that transaction saw."""
    conn = _thread_connection(path)
    conn.execute("BEGIN")
    try:
        return generation(conn), conn.execute(sql, params).fetchall()
    finally:
        conn.execute("COMMIT")


def _id_range(conn: sqlite3.Connection) -> tuple[int | None, int | None]:
    """The lowest and highest search row id. Two subqueries, because SQLite answers a lone
    MIN or MAX from the end of the rowid b-tree but scans the table for both in one SELECT
    (30 ms at 100,000 articles)."""
    row = conn.execute(
        "SELECT (SELECT MIN(id) FROM search_docs), (SELECT MAX(id) FROM search_docs)"
    ).fetchone()
    return row[0], row[1]


def _key_size(conn: sqlite3.Connection, key: KeyMatch) -> int:
    """How many index entries a key filter selects (a range count on the primary key); a
    ``contains`` filter counts as unbounded, since counting it would scan the field."""
    if key.contains:
        return 1 << 62
    marks, vals = _in(key.exact)
    row = conn.execute(
        f"SELECT COUNT(*) FROM search_keys WHERE field = ? AND value IN ({marks})",
        [key.field, *vals],
    ).fetchone()
    return int(row[0])


class SqliteBackend:
    """Search over one open ``Store`` (use it from the thread that opened the store)."""

    def __init__(
        self, store: Store, *, facet_size: int = FACET_SIZE, rank_threads: int | None = None
    ) -> None:
        """``rank_threads``: slices a large match set is ranked in at once (the calling
        thread's included); default one per CPU, at most 4; 1 turns it off."""
        self._store = store
        self._conn: sqlite3.Connection = store.connection
        self._facet_size = facet_size
        self._rank_threads = max(
            1, min(4, os.cpu_count() or 1) if rank_threads is None else rank_threads
        )

    # ------------------------------------------------------------------ Backend protocol

    def search(self, q: SearchQuery) -> SearchResult:
        own_txn = not self._conn.in_transaction
        if own_txn:
            self._conn.execute("BEGIN")
        try:
            # Inside the caller's write transaction results may hold uncommitted rows: they
            # are neither memoized nor taken from the memo.
            plan = _Plan(self._conn, resolve(q, self._conn), self._scope() if own_txn else None)
            facets: dict[str, list[FacetCount]] = {}
            if q.facets:
                total, facets = self._total_and_facets(plan, q.facets, columns_ok=own_txn)
            elif plan.match is not None and q.sort == "relevance" and plan.filtered:
                # Filters leave few rows to rank: one FTS pass gives the page and the total
                # (a phrase match is the costly part, so it is not run twice).
                ranked, total = self._ranked_page(plan, q, with_total=True)
                hits = self._hits(ranked, q)
                return SearchResult(total=total, hits=hits, facets=facets)
            else:
                total = self._total(plan)
            hits = self._page(plan, q, total, parallel=own_txn) if total > q.offset else []
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

    def warm_facets(self, *, wait: bool = False) -> bool:
        """Build the in-memory facet columns of the archive's current index now (in the
        background, or before returning with ``wait``) instead of on the first facet search
        with many matches. False for an in-memory store, which always counts in SQL."""
        if not self._store.path.is_file():
            return False
        _FACET_COLUMNS.want(self._store.path, now=True)
        if wait:
            _FACET_COLUMNS.wait()
        return True

    # ------------------------------------------------------------------ listings

    def list_figures(self, fq: FigureQuery | None = None) -> FigurePage:
        """Figure records with sentence, article, page and box; see ``FigureQuery``."""
        fq = fq or FigureQuery()
        return list_figures(self._conn, fq)

    def list_entities(
        self, label: str | None = None, kind: str | None = None, *, limit: int | None = None
    ) -> list[EntitySummary]:
        """Canonical entities with mention counts, whole-article counts and aliases."""
        return list_entities(self._conn, label, kind, limit=limit)

    # ------------------------------------------------------------------ pieces

    def _scope(self) -> Scope | None:
        path = self._store.path
        return Scope.of(path, generation(self._conn)) if path.is_file() else None

    def _total(self, plan: _Plan) -> int:
        sql, params = plan.count()
        key = ("count", sql, *params)
        found = plan.recall(key)
        if found is None:
            ranking = self._phrase_ranking(plan)
            if ranking is not None:
                found = len(ranking[0])
            else:
                found = int(self._conn.execute(sql, params).fetchone()[0])
            plan.keep(key, found, len(sql))
        return int(found)

    def _phrase_ranking(self, plan: _Plan) -> tuple[Any, Any] | None:
        """Every match of a search with its bm25, from the phrases' score arrays
        (``phrase_scores``), when each phrase is kept or met often enough; else None (the
        SQL statements answer). Filters narrow the matches to the ids that meet them (one
        statement without words, kept in the memo: the same filters come back)."""
        if plan.phrase_ranking is False:
            return None
        if plan.phrase_ranking is not None:
            return plan.phrase_ranking  # type: ignore[return-value]
        node = plan.expression
        if node is None or plan.scope is None:
            plan.phrase_ranking = False
            return None
        kept: dict[str, PhraseScores] = {}
        for leaf in leaves(node):
            match = compile_match(leaf, bigrams=True)
            if match in kept:
                continue
            arrays = plan.recall(("phrase", match))
            if arrays is None:
                uses = int(plan.recall(("phrase uses", match)) or 0) + 1
                plan.keep(("phrase uses", match), uses, 64 + len(match))
                if uses < PHRASE_ARRAY_USES:
                    plan.phrase_ranking = False
                    return None
                arrays = read_phrase(
                    self._conn.execute(
                        f"SELECT search_fts.rowid, -{_BM25} FROM search_fts "
                        "WHERE search_fts MATCH ?",
                        (match,),
                    ).fetchall()
                )
                plan.keep(("phrase", match), arrays, arrays.nbytes + len(match))
            kept[match] = arrays

        def phrase(leaf: Any) -> PhraseScores:
            return kept[compile_match(leaf, bigrams=True)]

        ids = matching(node, phrase)
        if plan.filtered:
            ids = np.intersect1d(ids, self._filter_ids(plan), assume_unique=True)
        elif plan.other_types and len(ids):
            ids = np.setdiff1d(ids, self._type_ids(plan, plan.other_types), assume_unique=True)
        plan.phrase_ranking = (ids, summed_scores(ids, node, phrase))
        return plan.phrase_ranking

    def _filter_ids(self, plan: _Plan) -> Any:
        """The ids of every article meeting the search's filters (type, dates, papers, keys,
        figures), ascending."""
        from_where, params = plan.docs_from_where()
        return self._id_array(
            plan, "filter ids", f"SELECT d.id AS id {from_where}", params, ascending=True
        )

    def _date_positions(self, plan: _Plan, order: str) -> Any:
        """Each article id's place in the whole archive's ``order`` (an array indexed by
        id; ids without a row sort last)."""
        key = ("date positions", order)
        found = plan.recall(key)
        if found is None:
            cursor = self._conn.execute(f"SELECT d.id FROM search_docs d ORDER BY {order}")
            ids = np.fromiter((r[0] for r in cursor), np.int64)
            size = int(ids.max()) + 1 if len(ids) else 1
            found = np.full(size, len(ids), np.int64)
            found[ids] = np.arange(len(ids), dtype=np.int64)
            found.flags.writeable = False
            plan.keep(key, found, found.nbytes + 64)
        return found

    def _type_ids(self, plan: _Plan, types: list[str]) -> Any:
        marks, vals = _in(types)
        sql = f"SELECT id FROM search_docs WHERE type IN ({marks})"
        return self._id_array(plan, "type ids", sql, vals, ascending=True)

    def _total_and_facets(
        self, plan: _Plan, names: Iterable[str], *, columns_ok: bool = True
    ) -> tuple[int, dict[str, list[FacetCount]]]:
        """The total and every requested facet: from the in-memory facet columns when they
        hold this search's snapshot, else in ONE statement (the matching ids collected once
        in a materialized CTE, each facet grouping that set). ``columns_ok=False`` inside the
        caller's write transaction, whose uncommitted rows no column holds."""
        names = list(names)
        path = self._store.path
        on_file = path.is_file()
        columns = (
            _FACET_COLUMNS.get(path, generation(self._conn)) if on_file and columns_ok else None
        )
        rows = self._matching_ids(plan) if columns is not None else np.empty(0, np.int64)
        if columns is not None and columns.covers(rows):
            total, counts = len(rows), columns.counts(rows, names)
        else:
            ids_sql, ids_params = plan.ids()
            key = ("facets", tuple(names), ids_sql, *ids_params)
            found = plan.recall(key)
            if found is None:
                found = self._sql_total_and_facets(plan, names)
                size = sum(len(v) + 64 for values in found[1].values() for v, _ in values)
                plan.keep(key, found, size + len(ids_sql))
            total, counts = found
            if on_file and total >= FACET_COLUMNS_MIN_MATCHES:
                _FACET_COLUMNS.want(path)
        facets = {
            # Most frequent first, ties by value (code point order = SQLite's and ES's
            # byte order of UTF-8).
            name: [
                FacetCount(v, n)
                for v, n in sorted(values, key=lambda vn: (-vn[1], vn[0]))[: self._facet_size]
            ]
            for name, values in counts.items()
        }
        return total, facets

    def _matching_ids(self, plan: _Plan) -> npt.NDArray[np.int64]:
        return self._id_array(plan, "ids", *plan.ids())

    def _id_array(
        self, plan: _Plan, name: str, ids_sql: str, params: list[Any], *, ascending: bool = False
    ) -> npt.NDArray[np.int64]:
        """The ``id`` column of ``ids_sql`` as a read-only array, kept in the memo under
        ``name``; ``ascending``: sorted, each id once."""
        key = (name, ids_sql, *params)
        found = plan.recall(key)
        if found is not None:
            return found  # type: ignore[no-any-return]
        # One string of ids parsed by numpy: a Python object per row costs 4× more.
        joined = self._conn.execute(f"SELECT group_concat(id) FROM ({ids_sql})", params)
        text = joined.fetchone()[0]
        ids = np.fromstring(text, dtype=np.int64, sep=",") if text else np.empty(0, np.int64)
        if ascending:
            ids = np.unique(ids)
        ids.flags.writeable = False  # shared through the memo
        plan.keep(key, ids, ids.nbytes + len(ids_sql))
        return ids

    def _sql_total_and_facets(
        self, plan: _Plan, names: list[str]
    ) -> tuple[int, dict[str, list[tuple[str, int]]]]:
        ids_sql, params = plan.ids()
        parts = ["SELECT NULL, NULL, COUNT(*) FROM hits"]
        for name in names:
            if name in _COLUMN_FACETS:
                col = _COLUMN_FACETS[name]
                parts.append(
                    f"SELECT '{name}', d.{col}, COUNT(*) FROM hits CROSS JOIN search_docs d "
                    f"ON d.id = hits.id WHERE d.{col} IS NOT NULL GROUP BY d.{col}"
                )
        key_fields = [_KEY_FACETS[n] for n in names if n in _KEY_FACETS]
        if key_fields:
            marks, vals = _in(key_fields)
            parts.append(
                "SELECT k.field, k.value, COUNT(*) FROM hits CROSS JOIN search_keys k "
                f"ON k.doc = hits.id AND k.field IN ({marks}) GROUP BY k.field, k.value"
            )
            params = [*params, *vals]
        sql = f"WITH hits(id) AS MATERIALIZED ({ids_sql}) " + " UNION ALL ".join(parts)
        total = 0
        counts: dict[str, list[tuple[str, int]]] = {name: [] for name in names}
        by_field = {field: name for name, field in _KEY_FACETS.items()}
        for facet, value, n in self._conn.execute(sql, params):
            if facet is None:
                total = int(n)
            else:
                counts[by_field.get(facet, facet)].append((str(value), int(n)))
        return total, counts

    def _page(self, plan: _Plan, q: SearchQuery, total: int, *, parallel: bool) -> list[SearchHit]:
        if plan.match is not None and q.sort == "relevance":
            # Other connections cannot see this one's uncommitted writes: rank alone then.
            threads = self._rank_threads if parallel and total >= PARALLEL_RANK_MIN else 1
            ranked, _ = self._ranked_page(plan, q, threads)
        else:
            ranked = self._date_page(plan, q, total)
        return self._hits(ranked, q)

    def _hits(self, ranked: list[tuple[int, float]], q: SearchQuery) -> list[SearchHit]:
        """Hits for (id, score) pairs: metadata and texts of these rows only."""
        if not ranked:
            return []
        ids = [doc_id for doc_id, _ in ranked]
        meta = {
            r[0]: r[1:]
            for r in self._conn.execute(
                "SELECT d.id, d.head, d.newspaper, d.date, d.page_no, d.page_name, t.headline, "
                "t.body FROM search_docs d JOIN search_text t ON t.id = d.id "
                f"WHERE d.id IN ({', '.join('?' for _ in ids)})",
                ids,
            )
        }
        phrases = positive_phrases(q.expression)
        hits: list[SearchHit] = []
        for doc_id, score in ranked:
            head, newspaper, day, page_no, page_name, headline, body = meta[doc_id]
            hits.append(
                SearchHit(
                    id=head,
                    headline=headline,
                    newspaper=newspaper,
                    date=hit_date(day),
                    page=page_no,
                    page_name=page_name,
                    score=shown_score(float(score)),
                    # Only the page's texts are read and cut, never every match's.
                    snippet=hit_snippet(body, headline, phrases),
                )
            )
        return hits

    def _ranked_page(
        self, plan: _Plan, q: SearchQuery, threads: int = 1, *, with_total: bool = False
    ) -> tuple[list[tuple[int, float]], int]:
        """(id, score) of the page by bm25, ties by search row id; with ``with_total`` also
        the number of matches, counted in the same pass (else 0).

        Ties go by row id, which the ranking pass reads anyway: ordering them by head would
        need a join per match, or a second pass whenever a page boundary falls inside a tie
        (common on a broad term: most matches score alike). (score, row id) is a total
        order, so pages are slices of one list. With ``threads`` > 1 the pass runs on slices
        of the rowid range at once and the slices' tops are merged.
        """
        from_where, params = plan.fts_from_where()
        window = q.offset + q.limit
        key = ("rank", with_total, from_where, *params)
        found = plan.recall(key)
        if found is not None:
            rows, total, complete = found
            if complete or len(rows) >= window:
                return rows[q.offset : window], total
        # Deeper than asked, so that the next pages are in the memo.
        window = max(window, _RANK_WINDOW)
        total = 0
        ranking = self._phrase_ranking(plan)
        if ranking is not None:
            rows: list[Any] = top(ranking[0], ranking[1], window)
            total = len(ranking[0]) if with_total else 0
        elif with_total:
            # bm25 cannot run inside a window function's subquery; a materialized CTE is
            # read twice but computed once.
            rows = self._conn.execute(
                f"WITH m AS MATERIALIZED (SELECT search_fts.rowid AS id, -{_BM25} AS score "
                f"{from_where}) SELECT id, score, (SELECT COUNT(*) FROM m) FROM m "
                "ORDER BY score DESC, id LIMIT ?",
                [*params, window],
            ).fetchall()
            total = int(rows[0][2]) if rows else 0
        else:
            sql = (
                f"SELECT search_fts.rowid, -{_BM25} AS score {from_where} "
                "AND search_fts.rowid BETWEEN ? AND ? "
                "ORDER BY score DESC, search_fts.rowid LIMIT ?"
            )
            rows = self._rank_slices(sql, params, window, threads)
        ranked = [(int(r[0]), float(r[1])) for r in rows]
        # Fewer rows than the window: every match is in the list, any page can be cut from it.
        plan.keep(key, (ranked, total, len(ranked) < window), 96 * len(ranked) + len(from_where))
        return ranked[q.offset : q.offset + q.limit], total

    def _date_walk(self, plan: _Plan, q: SearchQuery, total: int) -> tuple[str, list[Any]] | None:
        """The index-walk statement for a filter-only page when it beats collecting and
        sorting every match: the walk reads about (offset + limit) × articles / matches rows
        (plus building each set once), the other way sorts ``total`` rows."""
        if plan.match is not None or not plan.sets or len(plan.types) != 1:
            return None
        low, high = _id_range(self._conn)
        if low is None or total == 0:
            return None
        articles = int(high) - int(low) + 1  # an upper bound: deletions leave gaps
        if (q.offset + q.limit) * articles > _WALK_BUDGET * total:
            return None
        return _walk_sql(plan, q)

    def _rank_slices(
        self, sql: str, params: list[Any], limit: int, threads: int
    ) -> list[tuple[int, float]]:
        """The top ``limit`` rows of ``sql`` (which takes a rowid range, then the limit),
        computed on ``threads`` slices of the rowid range and merged.

        Each slice runs in its own read transaction; every index write bumps
        ``search_generation``, so a slice whose connection reads another generation than
        this search's saw another snapshot and is recomputed on the search's connection.
        """
        low, high = _id_range(self._conn)
        if low is None:
            return []
        path = self._store.path
        workers = threads - 1 if path.is_file() else 0  # an in-memory store ranks alone
        bounds = _slices(int(low), int(high), workers + 1)
        mine = generation(self._conn)
        futures: list[tuple[tuple[int, int], Future[tuple[int, list[Any]]]]] = []
        if workers:
            pool = _rank_pool(workers)
            futures = [
                (bound, pool.submit(_read_slice, path, sql, [*params, *bound, limit]))
                for bound in bounds[1:]
            ]
        rows: list[Any] = self._conn.execute(sql, [*params, *bounds[0], limit]).fetchall()
        for bound, future in futures:
            seen, slice_rows = future.result()
            if seen != mine:
                slice_rows = self._conn.execute(sql, [*params, *bound, limit]).fetchall()
            rows += slice_rows
        rows.sort(key=lambda r: (-r[1], r[0]))
        return rows[:limit]

    def _date_page(self, plan: _Plan, q: SearchQuery, total: int) -> list[tuple[int, float]]:
        # Without words to rank by, "relevance" lists the newest first.
        order = _DATE_ORDER.get(q.sort, _DATE_ORDER["-date"])
        ranking = self._phrase_ranking(plan) if plan.match is not None else None
        if ranking is not None:
            # The matches put in the archive's date order (kept per snapshot), not joined
            # and sorted one by one.
            ids = ranking[0]
            position = self._date_positions(plan, order)
            end = min(len(ids), q.offset + q.limit)
            if q.offset >= end:
                return []
            places = position[ids]
            first = np.argpartition(places, end - 1)[:end] if end < len(ids) else np.arange(end)
            page = ids[first[np.argsort(places[first], kind="stable")]][q.offset : end]
            return [(int(i), 0.0) for i in page]
        walk = self._date_walk(plan, q, total)
        if walk is not None:
            sql, params = walk
            return [(int(r[0]), 0.0) for r in self._conn.execute(sql, [*params, q.limit, q.offset])]
        if plan.match is not None:
            from_where, params = plan.fts_from_where(join_docs=True)
            sql = f"SELECT d.id {from_where} ORDER BY {order} LIMIT ? OFFSET ?"
        else:
            from_where, params = plan.docs_from_where()
            sql = f"SELECT d.id {from_where} ORDER BY {order} LIMIT ? OFFSET ?"
        return [(int(r[0]), 0.0) for r in self._conn.execute(sql, [*params, q.limit, q.offset])]
