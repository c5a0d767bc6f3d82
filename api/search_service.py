"""How GET /search answers: cache lookup and revalidation on the event loop, searches in a
bounded number of threads, one run for identical searches in flight.

Per request, on the event loop: read the index generation (one tiny SQLite read), answer 304
when the client's ``If-None-Match`` names the current tag, else serve the rendered body from
the ``SearchCache``. A miss joins an identical search that is already running or starts one;
searches run in worker threads, at most ``concurrency`` at once, so a burst of costly rankings
queues instead of all sharing the CPU and finishing late together, and cheap requests (cache
hits, article reads) are not stuck behind them. The thread renders the JSON body too, so the
cached bytes are exactly what a fresh search sends.

With Elasticsearch configured there is no cache or tag: the ES index is fed after the SQLite
store commits, so the store's generation does not say when ES results change.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import time
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Final, Literal

import anyio

from baoku import __version__
from baoku.api.archive import Archive
from baoku.api.models import SearchResultPublic
from baoku.api.search_cache import Rendered, SearchCache
from baoku.search.query import SearchQuery
from baoku.search.sqlite_index import generation

Outcome = Literal["hit", "miss", "coalesced", "revalidated", "uncached"]

# Clients and proxies may keep a result but must ask again before using it: it changes with
# the next ingest, and a revalidation costs one generation read.
CACHE_CONTROL: Final = "no-cache"


def default_concurrency() -> int:
    return 2 * (os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Answer:
    """What the endpoint sends: a body (None for 304), its tag, and how it was obtained."""

    rendered: Rendered | None
    etag: str | None
    outcome: Outcome
    queue_s: float = 0.0
    search_s: float = 0.0


@dataclass(frozen=True, slots=True)
class _Computed:
    rendered: Rendered
    generation: int | None  # None: the index changed during the search; not cacheable
    queue_s: float
    search_s: float


def etag_matches(header: str | None, etag: str) -> bool:
    """RFC 9110 weak comparison of an ``If-None-Match`` list against ``etag``."""
    if not header:
        return False
    wanted = etag.removeprefix("W/")
    for tag in header.split(","):
        tag = tag.strip()
        if tag == "*" or tag.removeprefix("W/") == wanted:
            return True
    return False


class SearchService:
    def __init__(
        self,
        archive: Archive,
        *,
        cache: SearchCache | None,
        concurrency: int,
    ) -> None:
        self._archive = archive
        # The store's generation only follows the SQLite index.
        self.cache = None if archive.settings.es_url else cache
        self.concurrency = concurrency
        self._limiter: anyio.CapacityLimiter | None = None
        self._inflight: dict[tuple[int, Hashable], asyncio.Task[_Computed]] = {}
        # Tags must differ between archives and between versions of the response format.
        db = archive.settings.db
        self._identity = f"{__version__}|{db.resolve()}"

    def start(self) -> None:
        """Called on the event loop at start-up (an anyio limiter belongs to its loop)."""
        self._limiter = anyio.CapacityLimiter(self.concurrency)

    @property
    def running(self) -> int:
        return int(self._limiter.borrowed_tokens) if self._limiter else 0

    @property
    def waiting(self) -> int:
        return int(self._limiter.statistics().tasks_waiting) if self._limiter else 0

    def etag(self, gen: int, query: SearchQuery) -> str:
        digest = hashlib.blake2b(f"{self._identity}|{query!r}".encode(), digest_size=12).hexdigest()
        return f'"{gen}-{digest}"'

    async def answer(self, query: SearchQuery, if_none_match: str | None) -> Answer:
        if self.cache is None:
            computed = await self._run(query)
            return Answer(computed.rendered, None, "uncached", computed.queue_s, computed.search_s)
        gen = generation(self._archive.reader().connection)
        etag = self.etag(gen, query)
        if etag_matches(if_none_match, etag):
            return Answer(None, etag, "revalidated")
        found = self.cache.get(gen, query)
        if found is not None:
            return Answer(found, found.etag, "hit")
        key = (gen, query)
        task = self._inflight.get(key)
        outcome: Outcome = "miss"
        if task is None:
            task = asyncio.ensure_future(self._run_and_keep(query))
            self._inflight[key] = task
            task.add_done_callback(lambda _: self._inflight.pop(key, None))
        else:
            outcome = "coalesced"
            self.cache.note_coalesced()
        # Shielded: a client that goes away must not cancel the search others wait for.
        computed = await asyncio.shield(task)
        return Answer(
            computed.rendered,
            computed.rendered.etag or None,
            outcome,
            computed.queue_s,
            computed.search_s,
        )

    async def _run_and_keep(self, query: SearchQuery) -> _Computed:
        computed = await self._run(query)
        if self.cache is not None and computed.generation is not None:
            self.cache.put(computed.generation, query, computed.rendered)
        return computed

    async def _run(self, query: SearchQuery) -> _Computed:
        submitted = time.perf_counter()
        return await anyio.to_thread.run_sync(self._search, query, submitted, limiter=self._limiter)

    def _search(self, query: SearchQuery, submitted: float) -> _Computed:
        """In a worker thread: the search and its rendered body, with the generation it saw
        when that is certain (the same before and after, as the counter only grows)."""
        started = time.perf_counter()
        tracked = self.cache is not None
        conn = self._archive.reader().connection
        before = generation(conn) if tracked else None
        result = self._archive.backend().search(query)
        body = SearchResultPublic.model_validate(result.to_dict()).model_dump_json().encode()
        after = generation(conn) if tracked else None
        gen = before if tracked and before == after else None
        etag = self.etag(gen, query) if gen is not None else ""
        return _Computed(
            Rendered(body, etag), gen, started - submitted, time.perf_counter() - started
        )
