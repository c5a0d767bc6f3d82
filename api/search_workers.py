"""Search worker processes: where GET /search computes, away from the event loop's GIL.

A search is mostly SQLite (which runs without the GIL) but also Python: planning, snippets,
rendering the JSON body. Run in threads of the server process, that Python part holds the
GIL in slices of ``sys.getswitchinterval()`` (5 ms), and every socket read, write and tiny
SQLite read of the event loop waits for such a slice, so under load even a cached answer or
an article read took tens of milliseconds. In worker processes the searches use every core
for their Python too, and the server process keeps only light work: HTTP, cache, listings.

Each worker is one process with one socket to the event loop: requests and answers are
length-prefixed pickles, answered in the order they were sent, so requests queue in the
socket and the worker starts the next search as soon as it has sent an answer. This replaced
a one-process ``ProcessPoolExecutor`` per worker, whose three helper threads per call (queue
feeder, result reader, event-loop wake-up) took ~0.6 ms more of the server process's CPU per
search and capped a worker's throughput (docs/api.md).

Each worker keeps its own read-only connections (``Archive.reader``) and backend; the ingest
thread stays the only writer, in the server process. Errors travel back as values, since the
store's typed errors do not survive pickling as they are. Workers fork from multiprocessing's
fork server, which imports and builds the lazily loaded search tables once
(``search.preload``), so a new or restarted worker starts with them.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import multiprocessing
import os
import pickle
import signal
import socket
import struct
import time
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from baoku.api.errors import ApiError
from baoku.api.settings import Settings
from baoku.forkserver import register_preload, worker_context
from baoku.search.fact_listing import FigureQuery
from baoku.search.query import SearchQuery

log = logging.getLogger("baoku.api")

_FRAME: Final = struct.Struct("!I")
# Imported by the fork server before it forks any worker: they start with the search tables.
register_preload("baoku.api.worker_preload")


@dataclass(frozen=True, slots=True)
class Searched:
    """A search as a worker did it: the body, the generation it read when certain (None: the
    index changed during the search, or it is not tracked), when it started, how long."""

    body: bytes
    generation: int | None
    started: float
    seconds: float
    # (pid, result memo counters) of the worker process after the search: health checks
    # show the last ones seen instead of asking busy workers.
    memo: tuple[int, dict[str, int]] | None = None


# ---------------------------------------------------------------------------- in the worker

_archive: Any = None


def _init(settings: Settings) -> None:
    global _archive
    from baoku.api.archive import Archive
    from baoku.search.preload import preload

    _archive = Archive(settings)
    preload()  # a no-op when the fork server already did it


def _ready() -> tuple[str, Any]:
    return "ok", os.getpid()


def _error_value(exc: BaseException) -> tuple[str, Any]:
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

    return rendered_here(archive, lambda: render_figures(archive, query, root), tracked)


def article_here(archive: Any, article_id: str, root: str, tracked: bool) -> Searched:
    """One article read from ``archive`` in this thread, rendered; generation as above."""
    from baoku.api.article_render import render_article

    return rendered_here(archive, lambda: render_article(archive, article_id, root), tracked)


def rendered_here(archive: Any, render: Callable[[], bytes], tracked: bool) -> Searched:
    """``render()``'s body with the generation read before and after it (see
    ``search_here``)."""
    from baoku.search.sqlite_index import generation

    started = time.perf_counter()
    conn = archive.reader().connection if tracked else None
    before = generation(conn) if conn is not None else None
    body = render()
    after = generation(conn) if conn is not None else None
    gen = before if before is not None and before == after else None
    return Searched(body, gen, started, time.perf_counter() - started)


def _search(query: SearchQuery, tracked: bool, spread: bool) -> tuple[str, Any]:
    from baoku.search.sqlite_backend import memo_stats

    try:
        searched = search_here(_archive, query, tracked, spread)
    except Exception as exc:
        return _error_value(exc)
    return "ok", dataclasses.replace(searched, memo=(os.getpid(), memo_stats()))


_TASKS: Final[dict[str, Callable[..., tuple[str, Any]]]] = {"search": _search, "ready": _ready}


def _worker_main(sock: socket.socket, settings: Settings) -> None:
    """One worker process: answer requests from ``sock`` in order until the server closes it
    (or exits, which closes it too)."""
    # Ctrl-C reaches the whole process group; the server decides when its workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init(settings)
    with sock, sock.makefile("rb") as inbox, sock.makefile("wb") as outbox:
        while True:
            header = inbox.read(_FRAME.size)
            if len(header) < _FRAME.size:
                return
            name, args = pickle.loads(inbox.read(_FRAME.unpack(header)[0]))
            answer = pickle.dumps(_TASKS[name](*args), pickle.HIGHEST_PROTOCOL)
            outbox.write(_FRAME.pack(len(answer)) + answer)
            outbox.flush()


def _raise(kind: str, value: Any) -> None:
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


class WorkerDied(Exception):
    """The worker process ended (killed, out of memory) before answering."""


def _start_process(settings: Settings) -> tuple[multiprocessing.process.BaseProcess, socket.socket]:
    """A new worker process and the server's end of its socket (blocking: fork server)."""
    context = worker_context()
    ours, theirs = socket.socketpair()
    try:
        process = context.Process(
            target=_worker_main, args=(theirs, settings), name="baoku-search", daemon=True
        )
        process.start()
    except BaseException:
        ours.close()
        raise
    finally:
        theirs.close()
    return process, ours


@dataclass(eq=False, slots=True)
class _Job:
    """One request waiting for a worker: the worker whose memo suits it (``home``), whether
    only that worker may run it (``pinned``), the pickled request and its answer."""

    home: int
    pinned: bool
    request: bytes
    answer: asyncio.Future[tuple[str, Any]]


class _Channel:
    """The server's side of one worker: its process, its socket as asyncio streams, and the
    answers owed for the requests sent, oldest first. ``on_free`` runs whenever an answer
    comes back or the worker ends (a slot for the next request)."""

    def __init__(
        self,
        process: multiprocessing.process.BaseProcess,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        on_free: Callable[[], None],
    ) -> None:
        self.process = process
        self._reader, self._writer = reader, writer
        self._owed: deque[asyncio.Future[tuple[str, Any]]] = deque()
        self._on_free = on_free
        self.broken = False
        self._replies = asyncio.ensure_future(self._read_replies())

    @property
    def load(self) -> int:
        """Requests sent and not answered yet."""
        return len(self._owed)

    def send(self, job: _Job) -> None:
        # Owed and written with no await in between: answers come back in this order.
        self._owed.append(job.answer)
        self._writer.write(_FRAME.pack(len(job.request)) + job.request)

    async def _read_replies(self) -> None:
        try:
            while True:
                header = await self._reader.readexactly(_FRAME.size)
                answer = pickle.loads(await self._reader.readexactly(_FRAME.unpack(header)[0]))
                future = self._owed.popleft()
                if not future.done():  # its caller may have been cancelled
                    future.set_result(answer)
                self._on_free()
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            pass  # the worker is gone
        finally:
            self.broken = True
            while self._owed:
                future = self._owed.popleft()
                if not future.done():
                    future.set_exception(WorkerDied(f"search worker {self.process.pid} ended"))
            self._on_free()

    async def close(self) -> None:
        self.broken = True
        self._writer.close()  # the worker reads end-of-file and exits
        self._replies.cancel()
        await asyncio.get_running_loop().run_in_executor(None, _reap, self.process)


def _reap(process: multiprocessing.process.BaseProcess) -> None:
    process.join(5)
    if process.is_alive():
        process.terminate()
        process.join(5)


# Requests a worker holds at once: the one it runs and the next, already in its socket, so it
# never waits for the server between two searches. More would commit searches to one worker
# while another may be free first.
DEPTH: Final = 2
# A free worker takes the oldest search among this many oldest whose words hash to it (its
# result memo holds their counts, rankings and match sets, ``search/result_memo.py``), else
# the oldest search of all: searches keep to one shared first-come order, give or take the
# window, and one long search holds up only what its own worker holds.
AFFINITY_WINDOW: Final = 8


class SearchWorkers:
    """``processes`` search workers, started on first use (or by ``warm``) and restarted if
    one dies, fed from one queue of searches (see ``AFFINITY_WINDOW``). Used from one event
    loop."""

    def __init__(self, settings: Settings, processes: int) -> None:
        if processes < 1:
            raise ValueError("processes must be at least 1")
        self.settings = settings
        self.processes = processes
        self._channels: list[_Channel | None] = [None] * processes
        self._starting: list[asyncio.Task[None] | None] = [None] * processes
        self._queue: deque[_Job] = deque()
        self._closed = False
        self._memo: dict[int, tuple[int, dict[str, int]]] = {}

    def home(self, key: str) -> int:
        """The worker whose memo serves searches of the words ``key``."""
        return zlib.crc32(key.encode()) % self.processes

    def pids(self) -> list[int]:
        """Process ids of the running workers (for health checks and tests)."""
        return [
            c.process.pid
            for c in self._channels
            if c is not None and not c.broken and c.process.pid is not None
        ]

    async def warm(self) -> None:
        """Start the workers now and wait until each has loaded the search code; failures are
        logged, and the first search tries again. Also opens workers closed by ``aclose``
        (an app started again, as tests do)."""
        self._closed = False
        try:
            await asyncio.gather(*(self._call(n, True, "ready") for n in range(self.processes)))
        except Exception:
            log.exception("search workers did not start")

    def memo_stats(self) -> list[tuple[int, dict[str, int]] | None]:
        """Each running worker's (pid, result memo counters) as its last search left them, in
        worker order; None for one that has not searched yet. Asks no worker: a health
        check must answer at once, however busy they are."""
        return [self._memo.get(pid) for pid in self.pids()]

    async def search(self, query: SearchQuery, tracked: bool, spread: bool) -> Searched:
        home = self.home(query.text or "")
        searched: Searched = await self._call(home, False, "search", query, tracked, spread)
        if searched.memo is not None:
            pid = searched.memo[0]
            self._memo[pid] = searched.memo
            if len(self._memo) > 4 * self.processes:  # restarted workers' pids
                alive = set(self.pids())
                self._memo = {p: m for p, m in self._memo.items() if p in alive or p == pid}
        return searched

    async def _call(self, home: int, pinned: bool, name: str, *args: Any) -> Any:
        request = pickle.dumps((name, args), pickle.HIGHEST_PROTOCOL)
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            if self._closed:
                raise _unavailable("The server is shutting down; try again in a moment.")
            job = _Job(home, pinned, request, loop.create_future())
            # A retry goes first: it has waited its turn already.
            (self._queue.append if attempt == 1 else self._queue.appendleft)(job)
            self._dispatch()
            try:
                kind, value = await job.answer
                break
            except WorkerDied:
                # Killed or out of memory: a new worker gets one more try.
                log.error("a search worker died; restarting it")
                if attempt == 2:
                    raise _unavailable(
                        "The search worker ended twice while running this search; try again "
                        "in a moment, and report it if it persists."
                    ) from None
        if kind == "ok":
            return value
        _raise(kind, value)
        raise AssertionError("unreachable")

    def _dispatch(self) -> None:
        """Give queued requests to workers with a free slot, least loaded first; start the
        workers that are missing while requests wait."""
        if not self._queue:
            return
        for n in sorted(range(self.processes), key=self._load):
            channel = self._channels[n]
            if channel is None or channel.broken:
                if self._starting[n] is None and not self._closed:
                    self._starting[n] = asyncio.ensure_future(self._start(n))
                continue
            while channel.load < DEPTH and (job := self._take(n)) is not None:
                channel.send(job)

    def _load(self, n: int) -> int:
        channel = self._channels[n]
        return channel.load if channel is not None and not channel.broken else DEPTH

    def _take(self, n: int) -> _Job | None:
        """The request worker ``n`` runs next (see ``AFFINITY_WINDOW``), off the queue."""
        oldest: _Job | None = None
        for seen, job in enumerate(list(self._queue)):
            if job.answer.done():  # cancelled while it waited
                self._queue.remove(job)
                continue
            if job.home == n:
                oldest = job
                break
            if oldest is None and not job.pinned:
                oldest = job
            if oldest is not None and seen + 1 >= AFFINITY_WINDOW:
                break
        if oldest is not None:
            self._queue.remove(oldest)
        return oldest

    async def _start(self, n: int) -> None:
        try:
            old = self._channels[n]
            if old is not None:
                self._channels[n] = None
                await old.close()
            loop = asyncio.get_running_loop()
            process, sock = await loop.run_in_executor(None, _start_process, self.settings)
            reader, writer = await asyncio.open_connection(sock=sock)
            if self._closed:
                writer.close()
                await loop.run_in_executor(None, _reap, process)
                return
            self._channels[n] = _Channel(process, reader, writer, self._dispatch)
        except Exception as exc:
            log.exception("search worker %d did not start", n)
            # Requests nobody else can run fail now instead of waiting for ever.
            alive = any(c is not None and not c.broken for c in self._channels)
            for job in list(self._queue):
                if (job.pinned and job.home == n) or not alive:
                    self._queue.remove(job)
                    if not job.answer.done():
                        job.answer.set_exception(
                            _unavailable(f"No search worker could be started ({exc}).")
                        )
        finally:
            self._starting[n] = None
        self._dispatch()

    async def aclose(self) -> None:
        """Stop every worker (each exits when its socket closes) and wait for them; queued
        requests fail."""
        self._closed = True
        for task in self._starting:
            if task is not None:
                task.cancel()
        while self._queue:
            job = self._queue.popleft()
            if not job.answer.done():
                job.answer.set_exception(_unavailable("The server is shutting down."))
        channels = [c for c in self._channels if c is not None]
        self._channels = [None] * self.processes
        await asyncio.gather(*(c.close() for c in channels))


def _unavailable(message: str) -> ApiError:
    return ApiError(503, "search_unavailable", message, headers={"Retry-After": "1"})
