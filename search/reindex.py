"""Rebuild the Elasticsearch copy from the SQLite store of record (search stage).

Streams whole articles with their facts out of the store into a fresh index (refresh off
while loading), then swaps the alias in one atomic step, so searches see the old index until
the new one is complete. A failure leaves the alias untouched and deletes the half-built index.
Success empties the queue of files earlier incremental updates left waiting (es_backlog),
and files stored while the rebuild ran (sent to the old index) are sent again to the new one.
A file DELETED while it runs keeps its articles in the new index until it is re-sent or the
next rebuild: deletions leave no row to find them by.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from baoku.ingest.records import ArticleType
from baoku.search import es_backlog
from baoku.search.es_backend import DEFAULT_ALIAS, EsBackend, EsIndexer
from baoku.search.facts_store import load_facts
from baoku.search.search_doc import SearchDoc, build_search_doc
from baoku.search.store import Store


def iter_search_docs(store: Store) -> Iterator[SearchDoc]:
    """Every whole article of the store (all types) as a search document, streamed."""
    conn = store.connection
    for record in store.iter_articles(types=tuple(ArticleType)):
        entities, figures = load_facts(conn, record.part_ids or [record.id])
        yield build_search_doc(record, entities, figures)


@dataclass(frozen=True, slots=True)
class ReindexSummary:
    index: str
    indexed: int
    removed_indices: tuple[str, ...]
    seconds: float
    cleared_backlog: int = 0  # files earlier incremental updates had left waiting
    resent: int = 0  # files stored while the rebuild ran, sent again to the new index


def reindex_to_es(
    store: Store,
    backend: EsBackend,
    *,
    chunk_size: int = 500,
    on_progress: Callable[[int], None] | None = None,
) -> ReindexSummary:
    start = time.perf_counter()
    # Files that wait for the copy before the rebuild reads the store are in the new index.
    # The queue is the incremental updates' (default alias); a copy under another alias
    # says nothing about it.
    backlog_mark = es_backlog.mark(store) if backend.alias == DEFAULT_ALIAS else 0
    # The rebuild reads one snapshot of the store; files stored after it began went to the
    # old index through the alias, and are sent again once the alias has moved.
    since = _stored_since()
    index = backend.create_index()
    client = backend.client

    def counted() -> Iterator[SearchDoc]:
        for n, doc in enumerate(iter_search_docs(store), start=1):
            yield doc
            if on_progress is not None and n % chunk_size == 0:
                on_progress(n)

    try:
        # No refreshes while loading: each one would write a segment that merges later.
        backend.call(
            "pausing refresh",
            client.indices.put_settings,
            index=index,
            settings={"index": {"refresh_interval": "-1"}},
        )
        indexed = backend.bulk_index(counted(), index=index, chunk_size=chunk_size)
        backend.call(
            "restoring refresh",
            client.indices.put_settings,
            index=index,
            settings={"index": {"refresh_interval": None}},
        )
        backend.refresh(index)
        removed = backend.swap_alias(index)
    except BaseException:
        _drop_quietly(backend, index)
        raise
    if on_progress is not None:
        on_progress(indexed)
    cleared = es_backlog.clear(store, None, upto=backlog_mark) if backlog_mark else 0
    resent = _send_stored_since(store, backend, since)
    return ReindexSummary(
        index, indexed, tuple(removed), time.perf_counter() - start, cleared, resent
    )


def _stored_since() -> str:
    # ingested_at has whole seconds: a file stored in the same second is sent again, which
    # costs nothing but a request.
    return datetime.now(UTC).isoformat(timespec="seconds")


def _send_stored_since(store: Store, backend: EsBackend, since: str) -> int:
    """Send again the files stored at or after ``since`` (an error leaves them in the
    backlog, as any incremental update does). Returns how many there were."""
    rows = store.connection.execute(
        "SELECT sha256 FROM documents WHERE ingested_at >= ? ORDER BY id", (since,)
    ).fetchall()
    if not rows:
        return 0
    indexer = EsIndexer(backend.url, alias=backend.alias, client=backend.client)
    es_backlog.send(indexer, store, [sha for (sha,) in rows])
    return len(rows)


def _drop_quietly(backend: EsBackend, index: str) -> None:
    # Best effort: the original error is the one to report; a cluster that went away cannot
    # take the delete either, and an orphan index behind no alias is never searched.
    with contextlib.suppress(Exception):
        backend.client.options(ignore_status=404).indices.delete(index=index)
