"""The Elasticsearch search backend (search stage): the same ``SearchQuery`` behaviour as the
SQLite backend, on a cluster, for archives that outgrow one machine or serve many readers.

The SQLite store stays the record; ES holds a copy of the whole-article search documents
(``search_doc.SearchDoc``) behind an alias (``baoku-articles`` → ``baoku-articles-<time>``), so a
full rebuild (``reindex``) fills a fresh index and swaps the alias atomically. Every call goes
through ``call``: connection failures and 429/503 are retried with exponential backoff, then
surface as ``EsUnavailableError`` with a message saying what to do. User text reaches ES only
as the query string of phrase queries (``es_compile``) and as escaped wildcard values.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from typing import Any, Final, TypeVar

import elasticsearch
from elasticsearch import Elasticsearch, helpers

from baoku.search.es_compile import compile_es
from baoku.search.es_mapping import (
    BIGRAM_FIELDS,
    KEY_FIELDS,
    TEXT_FIELDS,
    template_body,
    to_source,
)
from baoku.search.facts_store import load_facts
from baoku.search.filters import KeyMatch, ResolvedQuery, resolve
from baoku.search.query import (
    FacetCount,
    FigureFilter,
    SearchHit,
    SearchQuery,
    SearchResult,
    shown_score,
)
from baoku.search.records import ArticleRecord
from baoku.search.search_doc import SearchDoc, build_search_doc, hit_date, hit_snippet
from baoku.search.sqlite_backend import FACET_SIZE
from baoku.search.store import Store
from baoku.search.syntax import positive_phrases

DEFAULT_ALIAS: Final = "baoku-articles"
DEFAULT_URL: Final = "http://127.0.0.1:9200"

_FACET_FIELDS: Final[dict[str, str]] = {
    "year": "year",
    "newspaper": "newspaper",
    "page_name": "page_name",
    "place": "places",
    "agency": "agencies",
    "figure_type": "figure_types",
    "initiative": "initiatives",
}
_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]{0,200}")
_RETRY_STATUS: Final = frozenset({429, 502, 503, 504})

T = TypeVar("T")


class EsError(Exception):
    """Elasticsearch refused a request; the message says what happened and what to do."""


class EsUnavailableError(EsError):
    """The cluster could not be reached (after retries)."""


class EsIndexMissingError(EsError):
    """The alias (or index) does not exist on the cluster: nothing was indexed there yet, or
    it was deleted. An empty answer would read as "no hits", so it is an error."""


def _index_missing(exc: elasticsearch.ApiError) -> bool:
    body = exc.body if isinstance(exc.body, dict) else {}
    error = body.get("error")
    kind = error.get("type") if isinstance(error, dict) else None
    return exc.meta.status == 404 and kind == "index_not_found_exception"


def _escape_wildcard(text: str) -> str:
    return re.sub(r"([\\*?])", r"\\\1", text)


def _key_filter(key: KeyMatch) -> dict[str, Any]:
    field = KEY_FIELDS[key.field]
    should: list[dict[str, Any]] = []
    if key.exact:
        should.append({"terms": {field: list(key.exact)}})
    for part in key.contains:
        should.append({"wildcard": {field: {"value": f"*{_escape_wildcard(part)}*"}}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def figure_query(f: FigureFilter, agencies: tuple[str, ...] | None = None) -> dict[str, Any]:
    """A nested query: every condition on ONE figure (mirrors ``FigureFilter.accepts``);
    ``agencies`` as in ``fact_listing.figure_conditions``."""
    conds: list[dict[str, Any]] = []
    if f.type is not None:
        conds.append({"term": {"figures.type": f.type}})
    value: dict[str, float] = {}
    if f.min_value is not None:
        value["gte"] = f.min_value
    if f.max_value is not None:
        value["lte"] = f.max_value
    if value:
        conds.append({"range": {"figures.value": value}})
    if f.measure_contains is not None:
        pattern = f"*{_escape_wildcard(f.measure_contains)}*"
        conds.append({"wildcard": {"figures.measure": {"value": pattern}}})
    if agencies is not None:
        conds.append({"terms": {"figures.agency": list(agencies)}})
    elif f.agency is not None:
        conds.append({"term": {"figures.agency": f.agency}})
    if f.period_from is not None or f.period_to is not None:
        conds.append({"exists": {"field": "figures.overlap_start"}})
        if f.period_from is not None:
            conds.append({"range": {"figures.overlap_end": {"gte": f.period_from.isoformat()}}})
        if f.period_to is not None:
            conds.append({"range": {"figures.overlap_start": {"lte": f.period_to.isoformat()}}})
    inner: dict[str, Any] = {"bool": {"filter": conds}} if conds else {"match_all": {}}
    return {"nested": {"path": "figures", "query": inner, "score_mode": "none"}}


def build_request(rq: ResolvedQuery, facet_size: int = FACET_SIZE) -> dict[str, Any]:
    """The search request body for a resolved query (pure: tested without a cluster)."""
    q = rq.query
    filters: list[dict[str, Any]] = [{"terms": {"type": list(q.types)}}]
    dates: dict[str, str] = {}
    if q.date_from is not None:
        dates["gte"] = q.date_from.isoformat()
    if q.date_to is not None:
        dates["lte"] = q.date_to.isoformat()
    if dates:
        filters.append({"range": {"date": dates}})
    if q.newspapers:
        filters.append({"terms": {"newspaper": list(q.newspapers)}})
    if q.page_names:
        filters.append({"terms": {"page_name": list(q.page_names)}})
    filters += [_key_filter(k) for k in rq.keys]
    if rq.figure is not None:
        filters.append(figure_query(rq.figure, rq.figure_agencies))
    query: dict[str, Any] = {"filter": filters}
    if q.expression is not None:
        query["must"] = [compile_es(q.expression, TEXT_FIELDS, BIGRAM_FIELDS)]
    if q.expression is not None and q.sort == "relevance":
        sort: list[Any] = [{"_score": "desc"}, {"id": "asc"}]
    else:
        # Without words to rank by, "relevance" lists the newest first (as in SQLite).
        order = "asc" if q.sort == "date" else "desc"
        sort = [{"date": {"order": order, "missing": "_last"}}, {"id": "asc"}]
    body: dict[str, Any] = {
        "query": {"bool": query},
        "sort": sort,
        "from": q.offset,
        "size": q.limit,
        "track_total_hits": True,
        "_source": ["id", "newspaper", "date", "page_no", "page_name", "display"],
    }
    if q.facets:
        body["aggs"] = {
            name: {
                "terms": {
                    "field": _FACET_FIELDS[name],
                    "size": facet_size,
                    "order": [{"_count": "desc"}, {"_key": "asc"}],
                }
            }
            for name in q.facets
        }
    return body


@dataclass(frozen=True, slots=True)
class IndexReport:
    indexed: int
    deleted: int


class EsBackend:
    """Search and index over the alias ``alias`` of the cluster at ``url``.

    ``store`` (optional) lets ``index_articles`` include each article's facts; without it,
    records are indexed with text and metadata only. Searches resolve agency and initiative
    filter names (aliases, contained names: ``filters``) against the store of record:
    ``names_from`` returns the store to read for the calling thread (a server sharing one
    backend between threads passes its per-thread reader), else ``store`` is used; with
    neither, a filter name must be the stored canonical name.
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        alias: str = DEFAULT_ALIAS,
        store: Store | None = None,
        names_from: Callable[[], Store] | None = None,
        client: Elasticsearch | None = None,
        retries: int = 3,
        backoff_s: float = 0.5,
        request_timeout_s: float = 30.0,
        facet_size: int = FACET_SIZE,
    ) -> None:
        if not _NAME.fullmatch(alias):
            raise ValueError(
                f"index alias {alias!r} must be lowercase letters, digits, '-', '_' or '.'"
            )
        self.url = (url or DEFAULT_URL).rstrip("/")
        self.alias = alias
        self._store = store
        self._names_from = names_from
        self._retries = max(0, retries)
        self._backoff_s = backoff_s
        self._facet_size = facet_size
        # Our own retry loop (with backoff) replaces the transport's immediate retries.
        self.client = client or Elasticsearch(
            self.url, request_timeout=request_timeout_s, max_retries=0, retry_on_timeout=False
        )

    # ------------------------------------------------------------------ plumbing

    def call(self, doing: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        delay = self._backoff_s
        for attempt in range(self._retries + 1):
            try:
                return fn(*args, **kwargs)
            except (elasticsearch.ConnectionError, elasticsearch.ConnectionTimeout) as exc:
                if attempt == self._retries:
                    raise EsUnavailableError(
                        f"{doing}: cannot reach Elasticsearch at {self.url} "
                        f"({exc.__class__.__name__}). Start it (scripts/elasticsearch.sh start) "
                        "or pass --es / set BAOKU_ES_URL to a running cluster; the SQLite "
                        "archive is unaffected."
                    ) from exc
            except elasticsearch.ApiError as exc:
                if _index_missing(exc):
                    option = "" if self.alias == DEFAULT_ALIAS else f" --alias {self.alias}"
                    raise EsIndexMissingError(
                        f"{doing}: Elasticsearch at {self.url} has no index or alias "
                        f"{self.alias!r}. Build it from the SQLite archive with `baoku reindex "
                        f"--to es{option}`, or search the SQLite archive (--backend sqlite)."
                    ) from exc
                if exc.meta.status not in _RETRY_STATUS or attempt == self._retries:
                    raise EsError(
                        f"{doing}: Elasticsearch answered {exc.meta.status}: {exc}"
                    ) from exc
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")

    def new_index_name(self) -> str:
        return f"{self.alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"

    def put_template(self) -> None:
        self.call(
            "installing the index template",
            self.client.indices.put_index_template,
            name=self.alias,
            **template_body(f"{self.alias}-*"),
        )

    def create_index(self) -> str:
        """A fresh, empty index under the template (not yet behind the alias)."""
        self.put_template()
        name = self.new_index_name()
        self.call(f"creating index {name}", self.client.indices.create, index=name)
        return name

    def alias_targets(self) -> list[str]:
        if not self.call("reading the alias", self.client.indices.exists_alias, name=self.alias):
            return []
        found = self.call("reading the alias", self.client.indices.get_alias, name=self.alias)
        return sorted(found.body)

    def ensure_index(self) -> str:
        """The index behind the alias, creating both when the alias does not exist yet."""
        targets = self.alias_targets()
        if targets:
            return targets[0]
        if self.call("checking the index", self.client.indices.exists, index=self.alias):
            raise EsError(
                f"{self.alias} is a plain index, not an alias; delete it or choose another "
                "alias (baoku reindex --to es rebuilds it as an alias)"
            )
        name = self.create_index()
        self.call(
            "creating the alias",
            self.client.indices.put_alias,
            index=name,
            name=self.alias,
        )
        return name

    def swap_alias(self, new_index: str) -> list[str]:
        """Point the alias at ``new_index`` in one atomic step and delete what it pointed at."""
        old = self.alias_targets()
        actions: list[dict[str, Any]] = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self.call("swapping the alias", self.client.indices.update_aliases, actions=actions)
        for index in old:
            if index != new_index:
                self.call(f"deleting {index}", self.client.indices.delete, index=index)
        return [i for i in old if i != new_index]

    def refresh(self, index: str | None = None) -> None:
        self.call("refreshing", self.client.indices.refresh, index=index or self.alias)

    # ------------------------------------------------------------------ writing

    def bulk_index(
        self, docs: Iterable[SearchDoc], *, index: str | None = None, chunk_size: int = 500
    ) -> int:
        """Index search documents (streaming, ``chunk_size`` per request); returns the count.

        The documents are built on the calling thread (they are read from SQLite, whose
        connection belongs to it) while the previous chunk is sent from one worker thread,
        so building and Elasticsearch's indexing overlap instead of taking turns; at most
        two chunks wait, which bounds memory."""
        target = index or self.ensure_index()
        sent = 0

        # Set when a send fails or the caller stops: chunks still queued are then skipped,
        # so nothing is indexed after the first failure (the one worker sends in order).
        stopped = threading.Event()

        def send(chunk: list[dict[str, Any]]) -> int:
            if stopped.is_set():
                return 0
            try:
                for ok, item in helpers.streaming_bulk(
                    self.client,
                    chunk,
                    chunk_size=len(chunk),
                    max_retries=self._retries,
                    initial_backoff=self._backoff_s,
                    raise_on_error=False,
                ):
                    if not ok:
                        raise EsError(f"indexing into {target} failed for a document: {item}")
            except BaseException:
                stopped.set()
                raise
            return len(chunk)

        # Retrying a half-streamed generator would skip documents, so connection errors are
        # reported at once; bulk rejections (429) are retried per chunk by streaming_bulk.
        try:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="es-bulk") as pool:
                in_flight: deque[Future[int]] = deque()
                source = iter(docs)
                try:
                    while chunk := [
                        {
                            "_op_type": "index",
                            "_index": target,
                            "_id": d.id,
                            "_source": to_source(d),
                        }
                        for d in islice(source, chunk_size)
                    ]:
                        in_flight.append(pool.submit(send, chunk))
                        if len(in_flight) > 1:
                            sent += in_flight.popleft().result()
                    while in_flight:
                        sent += in_flight.popleft().result()
                except BaseException:
                    stopped.set()  # the documents failed to build, or a chunk failed
                    raise
            return sent
        except (elasticsearch.ConnectionError, elasticsearch.ConnectionTimeout) as exc:
            raise EsUnavailableError(
                f"indexing into {target}: lost Elasticsearch at {self.url} after {sent} "
                f"documents ({exc.__class__.__name__}); run `baoku reindex --to es` once it is "
                "back — the SQLite archive holds everything"
            ) from exc

    def docs_for(self, records: Iterable[ArticleRecord]) -> Iterator[SearchDoc]:
        for record in records:
            if self._store is not None:
                entities, figures = load_facts(
                    self._store.connection, record.part_ids or [record.id]
                )
                yield build_search_doc(record, entities, figures)
            else:
                yield build_search_doc(record)

    def index_articles(self, records: Iterable[ArticleRecord]) -> int:
        n = self.bulk_index(self.docs_for(records))
        self.refresh()
        return n

    def delete_document(self, sha256: str) -> None:
        """Remove every whole article holding a part from that file (use ``EsIndexer`` to
        re-add what remains of articles spanning several files)."""
        self.delete_where({"terms": {"sha256s": [sha256]}})

    def scan(self, query: dict[str, Any], fields: list[str]) -> Iterator[dict[str, Any]]:
        """Every hit of ``query`` (``_id`` and the ``fields`` of its source), paged with
        search_after on ``id`` (the scroll and point-in-time APIs are not needed for this)."""
        if not self.alias_targets():
            return
        after: list[Any] | None = None
        while True:
            page = self.call(
                "reading documents",
                self.client.search,
                index=self.alias,
                query=query,
                sort=[{"id": "asc"}],
                size=1000,
                source=fields or False,
                search_after=after,
            )
            hits = page["hits"]["hits"]
            if not hits:
                return
            yield from hits
            after = hits[-1]["sort"]

    def delete_where(self, query: dict[str, Any]) -> int:
        """Delete every document matching ``query``; returns how many. (delete_by_query lives
        in ES's reindex module, which the minimal distribution lacks.)"""
        ids = [h["_id"] for h in self.scan(query, [])]
        if ids:
            actions = ({"_op_type": "delete", "_index": self.alias, "_id": i} for i in ids)
            self.call(
                "deleting documents",
                helpers.bulk,
                self.client,
                actions,
                raise_on_error=False,
                refresh=True,
            )
        return len(ids)

    # ------------------------------------------------------------------ reading

    def count(self) -> int:
        """Documents behind the alias; ``EsIndexMissingError`` when there is no such alias."""
        return int(self.call("counting", self.client.count, index=self.alias)["count"])

    def search(self, q: SearchQuery) -> SearchResult:
        names = self._names_from() if self._names_from is not None else self._store
        rq = resolve(q, names.connection if names is not None else None)
        # A missing alias is a 404 from the search itself (EsIndexMissingError), so no
        # round trip is spent checking for it first.
        body = build_request(rq, self._facet_size)
        resp = self.call("searching", self.client.search, index=self.alias, **body)
        phrases = positive_phrases(q.expression)
        ranked = q.expression is not None and q.sort == "relevance"
        hits: list[SearchHit] = []
        for h in resp["hits"]["hits"]:
            src = h["_source"]
            display = src.get("display") or {}
            headline = display.get("headline", "")
            hits.append(
                SearchHit(
                    id=src["id"],
                    headline=headline,
                    newspaper=src.get("newspaper"),
                    date=hit_date(src.get("date")),
                    page=src.get("page_no"),
                    page_name=src.get("page_name"),
                    score=shown_score(float(h["_score"])) if ranked and h.get("_score") else 0.0,
                    snippet=hit_snippet(display.get("body", ""), headline, phrases),
                )
            )
        facets = {
            name: [
                FacetCount(str(b["key"]), int(b["doc_count"]))
                for b in resp.get("aggregations", {}).get(name, {}).get("buckets", [])
            ]
            for name in q.facets
        }
        return SearchResult(total=int(resp["hits"]["total"]["value"]), hits=hits, facets=facets)


class EsIndexer:
    """Keeps the ES copy in step with the store as files are ingested (``baoku ingest --es``).

    The SQLite store stays the record: when the cluster is down the ingest goes on and a later
    ``baoku reindex --to es`` (or another ``index_documents``) catches up.
    """

    def __init__(self, url: str | None = None, *, alias: str = DEFAULT_ALIAS, **kw: Any) -> None:
        self.backend = EsBackend(url, alias=alias, **kw)

    def index_documents(self, store: Store, sha256s: Iterable[str]) -> IndexReport:
        """Index every whole article the given stored files touch and delete the ES documents
        those files made stale (replaced parts, heads now merged into another article)."""
        from baoku.search.linking import groups_of_document
        from baoku.search.sqlite_index import document_parts, group_members

        shas = sorted(set(sha256s))
        conn = store.connection
        parts: set[str] = set()
        for sha in shas:
            row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
            if row is None:
                continue
            parts |= document_parts(conn, int(row[0]))
            parts |= group_members(conn, groups_of_document(conn, int(row[0])))
        backend = EsBackend(
            self.backend.url, alias=self.backend.alias, store=store, client=self.backend.client
        )
        if shas:
            # Parts indexed with these files: articles that lose a part (a deleted or replaced
            # file) are re-assembled from what the store still holds.
            for hit in backend.scan({"terms": {"sha256s": shas}}, ["part_ids"]):
                parts.update(hit["_source"].get("part_ids", []))
        records: dict[str, ArticleRecord] = {}
        seen: set[str] = set()
        for part in sorted(parts):
            if part in seen:
                continue
            record = store.get_article(part)
            if record is None:
                continue
            seen.update(record.part_ids or [record.id])
            records[record.id] = record
        indexed = backend.bulk_index(backend.docs_for(records.values())) if records else 0
        should: list[dict[str, Any]] = [{"terms": {"sha256s": shas}}] if shas else []
        if parts:
            should.append({"terms": {"part_ids": sorted(parts)}})
        deleted = 0
        if should:
            deleted = backend.delete_where(
                {
                    "bool": {
                        "should": should,
                        "minimum_should_match": 1,
                        "must_not": [{"ids": {"values": sorted(records)}}],
                    }
                }
            )
        backend.refresh()
        return IndexReport(indexed=indexed, deleted=deleted)
