"""Files whose Elasticsearch copy is behind the SQLite store (search stage).

The store is the record and Elasticsearch a copy. A file is queued here, in the store, as
soon as it is stored for an update, and leaves the queue when its update is sent; when the
update fails (cluster down, a refused document) or never runs (a crash, a kill), the file
stays queued with the reason, so the gap outlives the process: the next incremental update
(``baoku ingest --es``, an upload to a server with Elasticsearch) sends it, and a full
``baoku reindex --to es`` clears the queue. Without it a failed batch left the copy
silently short of the files after the failure until someone rebuilt all of it.

Each entry has a sequence number that only grows, and clearing takes a mark read before the
store was read: a file queued again by another process while an update ran (re-ingested,
and its own update failed) stays queued.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from baoku.search.store import Store

if TYPE_CHECKING:  # the Elasticsearch client loads only where a cluster is configured
    from baoku.search.es_backend import EsIndexer

# Reasons are one line for a listing; exception texts from the client can be long.
MAX_REASON_CHARS = 500
# The reason a file carries from when it is stored until its update is sent: still there
# afterwards, the update was cut short.
INTERRUPTED = "stored, but the update that was to send it stopped before it did"


@dataclass(frozen=True, slots=True)
class Backlog:
    """The files waiting, oldest first."""

    sha256s: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WaitingFile:
    """One file whose Elasticsearch copy is behind; ``path`` is None for a deleted file
    (its articles still have to leave the copy)."""

    sha256: str
    path: str | None
    queued_at: str
    reason: str


def waiting(store: Store) -> list[WaitingFile]:
    """The files waiting, oldest first, with the reason the last update of each failed."""
    rows = store.connection.execute(
        "SELECT b.sha256, d.path, b.queued_at, b.reason FROM es_backlog b "
        "LEFT JOIN documents d ON d.sha256 = b.sha256 ORDER BY b.seq"
    )
    return [WaitingFile(*row) for row in rows]


def reason(store: Store, sha256: str) -> str | None:
    """Why this file waits for Elasticsearch, or None when it does not."""
    row = store.connection.execute(
        "SELECT reason FROM es_backlog WHERE sha256 = ?", (sha256,)
    ).fetchone()
    return None if row is None else str(row[0])


def pending(store: Store) -> Backlog:
    """Every file waiting for Elasticsearch, oldest first."""
    rows = store.connection.execute("SELECT sha256 FROM es_backlog ORDER BY seq")
    return Backlog(tuple(sha for (sha,) in rows))


def mark(store: Store) -> int:
    """The newest sequence number now; entries up to it may be cleared after an update that
    read the store after this call."""
    row = store.connection.execute("SELECT COALESCE(MAX(seq), 0) FROM es_backlog").fetchone()
    return int(row[0])


def count(store: Store) -> int:
    return int(store.connection.execute("SELECT COUNT(*) FROM es_backlog").fetchone()[0])


def queue(store: Store, sha256s: Iterable[str], reason: str) -> int:
    """Remember that these files' Elasticsearch copy is behind; a file already waiting moves
    to the end with the new reason. Returns how many are waiting now."""
    shas = sorted(set(sha256s))
    if shas:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with store.transaction("queueing files for Elasticsearch in") as conn:
            # Delete and insert, not update: the new row gets a newer seq than any mark
            # an update running elsewhere holds.
            conn.executemany("DELETE FROM es_backlog WHERE sha256 = ?", [(s,) for s in shas])
            conn.executemany(
                "INSERT INTO es_backlog (sha256, queued_at, reason) VALUES (?, ?, ?)",
                [(s, now, reason[:MAX_REASON_CHARS]) for s in shas],
            )
    return count(store)


def clear(store: Store, sha256s: Iterable[str] | None, *, upto: int) -> int:
    """Drop entries queued at or before ``upto`` (a ``mark``): those of ``sha256s``, or all
    of them for ``None`` (after a full rebuild). Returns how many were dropped."""
    with store.transaction("clearing the Elasticsearch backlog in") as conn:
        if sha256s is None:
            cur = conn.execute("DELETE FROM es_backlog WHERE seq <= ?", (upto,))
            return cur.rowcount
        cur = conn.executemany(
            "DELETE FROM es_backlog WHERE sha256 = ? AND seq <= ?",
            [(sha, upto) for sha in set(sha256s)],
        )
        return cur.rowcount


@dataclass(frozen=True, slots=True)
class SendReport:
    """What one incremental update of the Elasticsearch copy did."""

    sent: int  # files whose articles were indexed
    indexed: int  # articles indexed
    error: str | None  # why the update stopped, when it did
    behind: int  # files waiting after it


def send(
    indexer: EsIndexer,
    store: Store,
    sha256s: Sequence[str],
    *,
    chunk: int = 25,
    queued: bool = False,
) -> SendReport:
    """Index the articles of these stored (or deleted) files into Elasticsearch, ``chunk``
    files per request round. The files are queued first (unless ``queued``: the caller did),
    so an update cut short by a crash or a kill leaves them waiting instead of silently
    missing; each chunk sent leaves the queue. After the first failure nothing more is sent
    and the rest wait with the reason."""
    from baoku.search.es_backend import EsError

    shas = list(dict.fromkeys(sha256s))
    if shas and not queued:
        queue(store, shas, INTERRUPTED)
    sent = indexed = 0
    for start in range(0, len(shas), chunk):
        part = shas[start : start + chunk]
        upto = mark(store)  # read before index_documents reads the store
        try:
            indexed += indexer.index_documents(store, part).indexed
        except EsError as exc:
            reason = str(exc)
            return SendReport(sent, indexed, reason, queue(store, shas[start:], reason))
        sent += len(part)
        if upto:
            clear(store, part, upto=upto)
    return SendReport(sent, indexed, None, count(store))


def catch_up(
    indexer: EsIndexer, store: Store, *, limit: int | None = None, chunk: int = 25
) -> SendReport:
    """Send the files earlier failures left waiting, oldest first (at most ``limit``)."""
    waiting = pending(store).sha256s
    todo = waiting[:limit] if limit is not None else waiting
    return send(indexer, store, todo, chunk=chunk, queued=True)
