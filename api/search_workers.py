"""Search worker processes: where GET /search computes, away from the event loop's GIL.

A search is mostly SQLite (which runs without the GIL) but also Python: planning, snippets,
rendering the JSON body. Run in threads of the server process, that Python part holds the
GIL in slices of ``sys.getswitchinterval()`` (5 ms), and every socket read, write and tiny
SQLite read of the event loop waits for such a slice, so under load even a cached answer or
an article read took tens of milliseconds. In worker processes the searches use every core
for their Python too, and the server process keeps only light work: HTTP, cache, listings.

Each worker keeps its own read-only connections (``Archive.reader``) and backend; the ingest
thread stays the only writer, in the server process. Errors travel back as values, since the
store's typed errors do not survive pickling as they are.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import pickle
import threading
import time
import zlib
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from baoku.api.settings import Settings
from baoku.search.fact_listing import FigureQuery
from baoku.search.query import SearchQuery

log = logging.getLogger("baoku.api")


@dataclass(frozen=True, slots=True)
class Searched:
    """A search as a worker did it: the body, the generation it read when certain (None: the
    index changed during the search, or it is not tracked), when it started, how long."""

    body: bytes
    generation: int | None
    started: float
    seconds: float


# ---------------------------------------------------------------------------- in the worker

_archive: Any = None


def _init(settings: Settings) -> None:
    global _archive
    from baoku.api.archive import Archive

    _archive = Archive(settings)


def _ready() -> bool:
    return _archive is not None


def _error_value(exc: BaseException) -> tuple[str, Any]:
    from baoku.api.errors import ApiError
    from baoku.search.store_errors import StoreError

    if isinstance(exc, ApiError):
        return "api", (exc.status, exc.code, exc.message, exc.detail, exc.headers)
    if isinstance(exc, StoreError):
        return "store", (type(exc).__name__, exc.path, str(exc))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return "other", f"{exc.__class__.__name__}: {exc}"
    return "raise", exc


def search_here(archive: Any, query: SearchQuery, tracked: bool, spread: bool) -> Searched:
    """One search on ``archive`` in this thread, with its rendered body. The generation is
    read before and after: the counter only grows, so equal reads pin the snapshot.
    ``spread``: whether the ranking may use other threads (cores are idle)."""
    from baoku.api.models import SearchResultPublic
    from baoku.search.sqlite_index import generation

    started = time.perf_counter()
    conn = archive.reader().connection if tracked else None
    before = generation(conn) if conn is not None else None
    result = archive.backend(spread=spread).search(query)
    body = SearchResultPublic.model_validate(result.to_dict()).model_dump_json().encode()
    after = generation(conn) if conn is not None else None
    gen = before if before is not None and before == after else None
    return Searched(body, gen, started, time.perf_counter() - started)


def figures_here(archive: Any, query: FigureQuery, root: str, tracked: bool) -> Searched:
    """One figure listing on ``archive`` in this thread, rendered; generation as above."""
    from baoku.api.figure_listing import render_figures
    from baoku.search.sqlite_index import generation

    started = time.perf_counter()
    conn = archive.reader().connection if tracked else None
    before = generation(conn) if conn is not None else None
    body = render_figures(archive, query, root)
    after = generation(conn) if conn is not None else None
    gen = before if before is not None and before == after else None
    return Searched(body, gen, started, time.perf_counter() - started)


def _search(query: SearchQuery, tracked: bool, spread: bool) -> tuple[str, Any]:
    try:
        return "ok", search_here(_archive, query, tracked, spread)
    except Exception as exc:
        return _error_value(exc)


def _raise(kind: str, value: Any) -> None:
    from baoku.api.errors import ApiError
    from baoku.search import store_errors

    if kind == "api":
        status, code, message, detail, headers = value
        raise ApiError(status, code, message, detail, headers)
    if kind == "store":
        name, path, message = value
        cls = getattr(store_errors, name, store_errors.StoreError)
        raise cls(path, message)
    if kind == "raise":
        raise value
    raise RuntimeError(f"search worker failed: {value}")


# ---------------------------------------------------------------------------- in the server


# A search goes to the worker its words hash to (that worker's result memo holds their
# counts, rankings and match sets, ``search/result_memo.py``) unless that worker has more than
# this many searches waiting beyond the least busy one: then the least busy takes it.
SPILL: int = 1


class SearchWorkers:
    """``processes`` search workers, each a one-process pool started on first use and
    restarted if it dies. Searches of the same words go to the same worker while it is not
    busier than the others, so that worker's memo serves their next page, facet or filter."""

    def __init__(self, settings: Settings, processes: int) -> None:
        if processes < 1:
            raise ValueError("processes must be at least 1")
        self.settings = settings
        self.processes = processes
        self._pools: list[ProcessPoolExecutor | None] = [None] * processes
        # Searches sent to each worker and not yet answered (touched on the event loop only).
        self._pending = [0] * processes
        self._lock = threading.Lock()

    def _executor(self, n: int) -> ProcessPoolExecutor:
        with self._lock:
            pool = self._pools[n]
            if pool is None:
                # Not fork: the server process has threads, which fork would copy mid-state.
                method = (
                    "forkserver"
                    if "forkserver" in multiprocessing.get_all_start_methods()
                    else "spawn"
                )
                pool = self._pools[n] = ProcessPoolExecutor(
                    1,
                    mp_context=multiprocessing.get_context(method),
                    initializer=_init,
                    initargs=(self.settings,),
                )
            return pool

    def pids(self) -> list[int]:
        """Process ids of the running workers (for health checks and tests)."""
        with self._lock:
            pools = [p for p in self._pools if p is not None]
        return [pid for p in pools for pid in list(p._processes or {})]

    def warm(self) -> None:
        """Start the workers now (each imports the search code once); failures are logged,
        and the first search tries again."""
        try:
            for future in [self._executor(n).submit(_ready) for n in range(self.processes)]:
                future.result()
        except Exception:
            log.exception("search workers did not start")

    def choose(self, key: str) -> int:
        """The worker for a search whose words are ``key``."""
        home = zlib.crc32(key.encode()) % self.processes
        least = min(range(self.processes), key=self._pending.__getitem__)
        return home if self._pending[home] <= self._pending[least] + SPILL else least

    async def search(self, query: SearchQuery, tracked: bool, spread: bool) -> Searched:
        n = self.choose(query.text or "")
        self._pending[n] += 1
        try:
            return await self._call(n, _search, query, tracked, spread)
        finally:
            self._pending[n] -= 1

    async def _call(self, n: int, task: Callable[..., tuple[str, Any]], *args: Any) -> Searched:
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            try:
                kind, value = await loop.run_in_executor(self._executor(n), task, *args)
                break
            except BrokenExecutor:
                # The worker died (killed, out of memory): start a new one and try once more.
                log.error("search worker %d died; restarting it", n)
                self._stop(n, wait=False)
                if attempt == 2:
                    raise
        if kind == "ok":
            searched: Searched = value
            return searched
        _raise(kind, value)
        raise AssertionError("unreachable")

    def _stop(self, n: int, *, wait: bool) -> None:
        with self._lock:
            pool, self._pools[n] = self._pools[n], None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)

    def stop(self, wait: bool = True) -> None:
        for n in range(self.processes):
            self._stop(n, wait=wait)
