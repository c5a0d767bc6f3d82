"""Background ingestion of uploaded files: one writer thread feeding ``runner.run_batch``.

SQLite takes one writer at a time, so one thread owns the only writable ``Store`` of the
process and works through a queue; files waiting together with the same options go in one
batch. With ``workers >= 2`` run_batch reads pages in worker processes, which keeps the
request threads responsive and survives a PDF library crash. Jobs live in memory only while
queued or being read, plus a bounded history of results; the store is the lasting record,
and saved uploads the store lacks are queued again at start (see ``uploads.pending_uploads``).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from baoku.ingest.pipeline import IngestOptions
from baoku.runner import BatchOptions, FileResult, run_batch
from baoku.search.store import Store

log = logging.getLogger("baoku.api.ingest")

HISTORY = 10_000  # finished jobs remembered for GET /documents/{id}
_STOP = object()


@dataclass(slots=True)
class Job:
    sha256: str
    path: Path
    filename: str
    options: IngestOptions
    status: str = "queued"  # queued | processing | done
    result: FileResult | None = None
    submitted: float = field(default_factory=time.time)


class IngestQueue:
    def __init__(
        self,
        db: Path,
        workers: int,
        after_batch: Callable[[Store, list[Job]], None] | None = None,
    ) -> None:
        self._db = db
        self._workers = workers
        self._after_batch = after_batch
        self._queue: queue.Queue[object] = queue.Queue()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ control

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="baoku-ingest", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the batch in hand, then stop; queued files stay on disk for the next start."""
        if self._thread is None:
            return
        self._queue.put(_STOP)
        self._thread.join(timeout)
        self._thread = None

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # ------------------------------------------------------------------ jobs

    def submit(self, sha256: str, path: Path, filename: str, options: IngestOptions) -> Job:
        """Queue a file unless it is queued or being read already; returns its job."""
        with self._lock:
            job = self._jobs.get(sha256)
            if job is not None and job.status != "done":
                return job
            job = Job(sha256, path, filename, options)
            self._jobs[sha256] = job
            self._jobs.move_to_end(sha256)
            self._trim()
        self._queue.put(job)
        return job

    def get(self, sha256: str) -> Job | None:
        with self._lock:
            return self._jobs.get(sha256)

    def cancel(self, sha256: str) -> bool:
        """Forget a queued job (the thread skips it); False if it is being read right now."""
        with self._lock:
            job = self._jobs.get(sha256)
            if job is None:
                return True
            if job.status == "processing":
                return False
            del self._jobs[sha256]
            return True

    def pending(self) -> int:
        with self._lock:
            return sum(j.status != "done" for j in self._jobs.values())

    def _trim(self) -> None:
        done = [k for k, j in self._jobs.items() if j.status == "done"]
        for key in done[: max(0, len(self._jobs) - HISTORY)]:
            del self._jobs[key]

    # ------------------------------------------------------------------ the writer thread

    def _run(self) -> None:
        store: Store | None = None
        try:
            while True:
                first = self._queue.get()
                if first is _STOP:
                    return
                batch = self._take_batch(first)
                if not batch:
                    continue
                if store is None:
                    store = Store.open(self._db)
                self._ingest(store, batch)
        except Exception:
            log.exception("ingest thread stopped by an unexpected error")
        finally:
            if store is not None:
                store.close()

    def _take_batch(self, first: object) -> list[Job]:
        items = [first]
        while True:
            try:
                nxt = self._queue.get_nowait()
            except queue.Empty:
                break
            if nxt is _STOP:
                self._queue.put(_STOP)  # honoured after this batch
                break
            items.append(nxt)
        batch: list[Job] = []
        with self._lock:
            for item in items:
                assert isinstance(item, Job)
                # A cancelled or superseded job is no longer the one registered for its id.
                if self._jobs.get(item.sha256) is item and item.status == "queued":
                    item.status = "processing"
                    batch.append(item)
        return batch

    def _ingest(self, store: Store, batch: list[Job]) -> None:
        by_options: dict[IngestOptions, list[Job]] = {}
        for job in batch:
            by_options.setdefault(job.options, []).append(job)
        for options, jobs in by_options.items():
            opts = BatchOptions(workers=self._workers, ingest=options)
            try:
                summary = run_batch([j.path for j in jobs], store, opts)
                results = {r.path: r for r in summary.results}
                for job in jobs:
                    job.result = results.get(str(job.path)) or FileResult(
                        str(job.path), "failed", job.sha256, reason="the file was not read"
                    )
                if self._after_batch is not None:
                    self._after_batch(store, jobs)
            except Exception as exc:
                # The store or the pool failed as a whole; each file says so and the thread
                # lives on for the next upload.
                log.exception("ingest batch failed")
                for job in jobs:
                    job.result = FileResult(
                        str(job.path),
                        "failed",
                        job.sha256,
                        reason=f"ingest failed ({exc.__class__.__name__}); see the server log",
                    )
            finally:
                with self._lock:
                    for job in jobs:
                        job.status = "done"
