"""The archive as the API process sees it: read connections, the search backend, readiness.

A ``Store`` is one SQLite connection and may only be used by the thread that opened it, while
FastAPI runs sync endpoints on a pool of worker threads. So each worker thread lazily opens
its own read-only connection and keeps it (WAL lets these readers run while the ingest thread
writes). Endpoints call ``archive.reader()`` from inside their own body, never from a
dependency, because FastAPI may resolve dependencies on a different thread.
"""

from __future__ import annotations

import logging
import threading
import urllib.error
import urllib.request
from typing import Any

from baoku.api.errors import ApiError
from baoku.api.settings import Settings
from baoku.search import es_backlog
from baoku.search.query import Backend
from baoku.search.sqlite_backend import set_memo_budget
from baoku.search.store import Store

log = logging.getLogger("baoku.api")

# Files of the Elasticsearch backlog sent after each upload batch: enough to drain a long
# outage within a few batches, few enough that the next upload is not held up for minutes.
ES_CATCH_UP_FILES = 200


def _unavailable(what: str) -> ApiError:
    return ApiError(
        503,
        "search_unavailable",
        f"Search is not available on this server: {what}. Reading articles, pages and "
        "documents still works; the operator should check the installation.",
    )


class Archive:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # Each process that searches (server, workers) makes its Archive from the settings.
        set_memo_budget(int(settings.search_memo_mb * 1024 * 1024))
        self._local = threading.local()
        self._es_backend: Any = None
        self._es_indexer: Any = None
        self._es_lock = threading.Lock()

    # ------------------------------------------------------------------ opening

    def prepare(self) -> None:
        """Create or upgrade the database once, writable, before any reader opens it (a
        read-only connection can neither create the file nor apply migrations)."""
        with Store.open(self.settings.db):
            pass
        self.settings.upload_root.mkdir(parents=True, exist_ok=True)

    def reader(self) -> Store:
        """This thread's read-only connection to the store of record."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.settings.db, readonly=True)
            self._local.store = store
        return store

    # ------------------------------------------------------------------ search backends

    def backend(self, *, spread: bool = True) -> Backend:
        """The search backend: Elasticsearch when configured, else the SQLite store.
        ``spread=False``: rank on this thread only, as other searches keep the cores busy."""
        if self.settings.es_url:
            return self._elasticsearch()
        return self.sqlite_backend(spread=spread)

    def sqlite_backend(self, *, spread: bool = True) -> Any:
        try:
            from baoku.search.sqlite_backend import SqliteBackend
        except ImportError as exc:
            raise _unavailable("the SQLite search backend is not installed") from exc
        # Ranking a large match set in slices on several threads costs more CPU in all
        # (about a fifth here) for a shorter wait, a good trade only while cores are idle.
        return SqliteBackend(self.reader(), rank_threads=None if spread else 1)

    def _elasticsearch(self) -> Any:
        # One client for the process: the Elasticsearch client is thread-safe and pools
        # its connections, unlike the SQLite store.
        with self._es_lock:
            if self._es_backend is None:
                try:
                    from baoku.search.es_backend import EsBackend
                except ImportError as exc:
                    raise _unavailable("the Elasticsearch backend is not installed") from exc
                # Agency and initiative names resolve against the archive, as on SQLite.
                self._es_backend = EsBackend(self.settings.es_url, names_from=self.reader)
            return self._es_backend

    def sync_elasticsearch(self, store: Store, sha256s: list[str]) -> None:
        """Bring the Elasticsearch copy in step with these stored (or deleted) files, then
        send up to ``ES_CATCH_UP_FILES`` of those earlier failures left waiting. The SQLite
        store is the record: a cluster that is down is logged, not raised, and the files
        wait in the store (``search.es_backlog``) for the next update or a reindex."""
        if not self.settings.es_url or not sha256s:
            return
        from baoku.search.es_backend import EsIndexer

        with self._es_lock:
            if self._es_indexer is None:
                self._es_indexer = EsIndexer(self.settings.es_url)
            indexer = self._es_indexer
        report = es_backlog.send(indexer, store, sha256s)
        if report.error is None and report.behind:
            report = es_backlog.catch_up(indexer, store, limit=ES_CATCH_UP_FILES)
        if report.error is not None:
            log.warning(
                "Elasticsearch not updated; %d files wait for the next update: %s",
                report.behind,
                report.error,
            )

    # ------------------------------------------------------------------ readiness

    def check_store(self) -> tuple[bool, str]:
        try:
            counts = self.reader().stats()
        except Exception as exc:  # any failure here means "not ready", with the reason
            return False, f"cannot read {self.settings.db.name}: {exc.__class__.__name__}"
        return True, f"{counts['articles']['total']} article parts stored"

    def check_elasticsearch(self) -> tuple[bool, str]:
        url = self.settings.es_url
        if not url:
            return True, "not configured"
        try:
            with urllib.request.urlopen(f"{url}/_cluster/health", timeout=2) as resp:
                ok, message = resp.status == 200, f"HTTP {resp.status}"
        except (urllib.error.URLError, OSError, ValueError) as exc:
            return False, f"unreachable ({exc.__class__.__name__})"
        try:
            behind = es_backlog.count(self.reader())
        except Exception:  # the store check reports an unreadable store
            behind = 0
        if behind:
            # Still ready: searches answer, from a copy that lacks these files' changes.
            message += f"; {behind} files wait to be indexed (`baoku documents --es-waiting`)"
        return ok, message
