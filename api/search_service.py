"""How GET /search answers: revalidation and cache lookup on the event loop, searches in
worker processes (``search_workers``), one run for identical searches in flight.

Per request, on the event loop: read the index generation (one tiny SQLite read), answer 304
when the client's ``If-None-Match`` names the current tag, else serve the rendered body from
the ``SearchCache``. A miss joins an identical search that is already running or starts one.
Searches run at most ``concurrency`` at once (one per worker process, or a bounded number of
threads when there are no workers), so a burst of costly rankings queues instead of all
sharing the CPU and finishing late together, and cheap requests (cache hits, article reads)
are not stuck behind them. The search renders the JSON body too, so the cached bytes are
exactly what a fresh search sends.

With Elasticsearch configured there is no cache or tag: the ES index is fed after the SQLite
store commits, so the store's generation does not say when ES results change.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Final, Literal

import anyio
from fastapi import Response

from baoku import __version__
from baoku.api.archive import Archive
from baoku.api.errors import ApiError
from baoku.api.search_cache import Rendered, RepeatKeys, SearchCache, result_etag
from baoku.api.search_workers import (
    Searched,
    SearchWorkers,
    article_here,
    figures_here,
    search_here,
)
from baoku.search.fact_listing import FigureQuery
from baoku.search.query import SearchQuery
from baoku.search.sqlite_index import generation

Outcome = Literal["hit", "miss", "coalesced", "revalidated", "uncached"]
# Computes a result; the flag: read the generation before and after (to cache it).
Compute = Callable[[bool], Awaitable[Searched]]

# Clients and proxies may keep a result but must ask again before using it: it changes with
# the next ingest, and a revalidation costs one generation read.
CACHE_CONTROL: Final = "no-cache"


def default_workers() -> int:
    return os.cpu_count() or 1


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
    """``workers``: the search processes; None runs searches in threads of this process, at
    most ``concurrency`` at once (with processes, their number is the concurrency)."""

    def __init__(
        self,
        archive: Archive,
        *,
        cache: SearchCache | None,
        workers: SearchWorkers | None = None,
        concurrency: int = 2,
        max_waiting: int = 64,
    ) -> None:
        self._archive = archive
        # Results read from the SQLite store (figure listings always are).
        self.store_cache = cache
        # Search results: the store's generation only follows the SQLite index, not ES.
        self.cache = None if archive.settings.es_url else cache
        self.workers = workers
        self.concurrency = workers.processes if workers else concurrency
        self._limiter: anyio.CapacityLimiter | None = None
        self._store_limiter: anyio.CapacityLimiter | None = None
        self._inflight: dict[tuple[int, Hashable], asyncio.Task[_Computed]] = {}
        # Requests as received (``repeat_key``) → their cache key and cache.
        self._repeats = RepeatKeys()
        self._active = 0
        self.max_waiting = max_waiting
        self.refused = 0
        # Tags must differ between archives and between versions of the response format.
        self.identity = f"{__version__}|{archive.settings.db.resolve()}"

    def start(self) -> None:
        """Called on the event loop at start-up (an anyio limiter belongs to its loop)."""
        self._limiter = anyio.CapacityLimiter(self.concurrency)
        self._store_limiter = anyio.CapacityLimiter(default_workers())

    def memo_stats(self) -> list[tuple[int, dict[str, int]] | None]:
        """(pid, result memo counters) of each search process (see ``SearchWorkers``)."""
        if self.workers is not None:
            return self.workers.memo_stats()
        from baoku.search.sqlite_backend import memo_stats

        return [(os.getpid(), memo_stats())]

    async def aclose(self) -> None:
        if self.workers is not None:
            await self.workers.aclose()

    @property
    def running(self) -> int:
        return min(self._active, self.concurrency)

    @property
    def waiting(self) -> int:
        return max(0, self._active - self.concurrency)

    def etag(self, gen: int, query: SearchQuery) -> str:
        return result_etag(self.identity, gen, query)

    async def answer(
        self, query: SearchQuery, if_none_match: str | None, raw: Hashable = None
    ) -> Answer:
        """A search, from the cache or computed. ``raw``: the request as received
        (``repeat_key``), so that the same request again can be answered before parsing."""

        async def compute(tracked: bool) -> Searched:
            if self._active - self.concurrency >= self.max_waiting:
                self.refused += 1
                raise ApiError(
                    503,
                    "search_busy",
                    f"The server has {self.waiting} searches waiting already; try again in a "
                    "moment. The operator can add search workers or raise BAOKU_SEARCH_QUEUE.",
                    headers={"Retry-After": "1"},
                )
            self._active += 1
            # Alone, a search may rank on every core; with others running, they are busy.
            spread = self._active == 1
            try:
                return await self._compute(query, tracked, spread)
            finally:
                self._active -= 1

        return await self._answer(query, self.cache, compute, if_none_match, raw)

    async def answer_figures(
        self, query: FigureQuery, root: str, if_none_match: str | None, raw: Hashable = None
    ) -> Answer:
        """A figure listing (always read from the store), from the cache or computed in a
        server thread, at most one per CPU at once. Not in the search queue: most listings
        take milliseconds and would wait there behind searches of a hundred."""

        async def compute(tracked: bool) -> Searched:
            return await anyio.to_thread.run_sync(
                figures_here, self._archive, query, root, tracked, limiter=self._store_limiter
            )

        return await self._answer(
            ("figures", root, query), self.store_cache, compute, if_none_match, raw
        )

    async def answer_article(
        self, article_id: str, root: str, if_none_match: str | None, raw: Hashable = None
    ) -> Answer:
        """An article read (always from the store), from the cache or rendered in a server
        thread like a figure listing: popular articles are read again and again, and
        rendering one with its facts costs more than the HTTP exchange around it."""

        async def compute(tracked: bool) -> Searched:
            return await anyio.to_thread.run_sync(
                article_here, self._archive, article_id, root, tracked, limiter=self._store_limiter
            )

        return await self._answer(
            ("article", root, article_id), self.store_cache, compute, if_none_match, raw
        )

    def answer_repeat(self, raw: Hashable, if_none_match: str | None) -> Answer | None:
        """The cached answer (or 304) to a request received before exactly so, without
        parsing it again; None when there is none (the request then takes the usual way)."""
        found = self._repeats.get(raw)
        if found is None:
            return None
        key, cache = found
        gen = generation(self._archive.reader().connection)
        return self._cached(gen, key, cache, if_none_match, count_miss=False)

    def _cached(
        self,
        gen: int,
        key: Hashable,
        cache: SearchCache,
        if_none_match: str | None,
        *,
        count_miss: bool = True,
    ) -> Answer | None:
        etag = result_etag(self.identity, gen, key)
        if etag_matches(if_none_match, etag):
            return Answer(None, etag, "revalidated")
        found = cache.get(gen, key, count_miss=count_miss)
        return Answer(found, found.etag, "hit") if found is not None else None

    async def _answer(
        self,
        key: Hashable,
        cache: SearchCache | None,
        compute: Compute,
        if_none_match: str | None,
        raw: Hashable = None,
    ) -> Answer:
        if cache is None:
            computed = await self._run(key, compute, tracked=False)
            return Answer(computed.rendered, None, "uncached", computed.queue_s, computed.search_s)
        if raw is not None:
            self._repeats.put(raw, (key, cache))
        gen = generation(self._archive.reader().connection)
        cached = self._cached(gen, key, cache, if_none_match)
        if cached is not None:
            return cached
        flight = (gen, key)
        task = self._inflight.get(flight)
        outcome: Outcome = "miss"
        if task is None:
            task = asyncio.ensure_future(self._run_and_keep(key, cache, compute))
            self._inflight[flight] = task
            task.add_done_callback(lambda _: self._inflight.pop(flight, None))
        else:
            outcome = "coalesced"
            cache.note_coalesced()
        # Shielded: a client that goes away must not cancel the work others wait for.
        computed = await asyncio.shield(task)
        return Answer(
            computed.rendered,
            computed.rendered.etag or None,
            outcome,
            computed.queue_s,
            computed.search_s,
        )

    async def _run_and_keep(self, key: Hashable, cache: SearchCache, compute: Compute) -> _Computed:
        computed = await self._run(key, compute, tracked=True)
        if computed.generation is not None:
            cache.put(computed.generation, key, computed.rendered)
        return computed

    async def _run(self, key: Hashable, compute: Compute, *, tracked: bool) -> _Computed:
        submitted = time.perf_counter()
        searched = await compute(tracked)
        gen = searched.generation
        etag = result_etag(self.identity, gen, key) if gen is not None else ""
        # perf_counter is CLOCK_MONOTONIC, one clock for every process of the machine.
        return _Computed(
            Rendered(searched.body, etag),
            gen,
            max(0.0, searched.started - submitted),
            searched.seconds,
        )

    async def _compute(self, query: SearchQuery, tracked: bool, spread: bool) -> Searched:
        if self.workers is not None:
            return await self.workers.search(query, tracked, spread)
        return await anyio.to_thread.run_sync(
            search_here, self._archive, query, tracked, spread, limiter=self._limiter
        )


def answer_response(answer: Answer) -> Response:
    """The HTTP response of an answer: body (or 304), tag, cache outcome and timings."""
    timing = [f'cache;desc="{answer.outcome}"']
    if answer.outcome in ("miss", "coalesced", "uncached"):
        timing.append(f"queue;dur={answer.queue_s * 1000:.1f}")
        timing.append(f"search;dur={answer.search_s * 1000:.1f}")
    headers = {"Server-Timing": ", ".join(timing), "X-Cache": answer.outcome}
    if answer.etag:
        headers["ETag"] = answer.etag
        headers["Cache-Control"] = CACHE_CONTROL
    if answer.rendered is None:
        return Response(status_code=304, headers=headers)
    return Response(answer.rendered.body, media_type="application/json", headers=headers)
