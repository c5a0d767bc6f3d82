"""Typed errors of the SQLite store of record (search stage).

Every message names the database file and says what to do, so the command line can show it
as-is. ``baoku.search.store`` re-exports these names.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StoreError(Exception):
    """Base class: anything the store cannot do, with the database path and a remedy."""

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = str(path)
        super().__init__(message)


class NotADatabaseError(StoreError):
    """The file exists but is not a SQLite database (or is corrupt)."""


class StoreLockedError(StoreError):
    """Another process holds the write lock for longer than the busy timeout."""


class StoreReadOnlyError(StoreError):
    """The database (or its folder) cannot be written."""


class StoreUnavailableError(StoreError):
    """The database file cannot be opened or created at all."""


class SchemaVersionError(StoreError):
    """The database was written by a newer baoku than this one."""


class StoreWriteError(StoreError):
    """A write failed for another reason; the transaction was rolled back."""


class InvalidRecordError(StoreError):
    """A record handed to the store breaks a rule the store relies on."""


# SQLite primary result codes (the low byte of an extended code).
_BUSY, _LOCKED, _READONLY, _CANTOPEN, _NOTADB, _CORRUPT = 5, 6, 8, 14, 26, 11


def translate(exc: sqlite3.Error, path: str | Path, doing: str) -> StoreError:
    """Map a sqlite3 error raised while ``doing`` something to the typed error with a remedy."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    where = f"{doing} {path}"
    if code in (_NOTADB, _CORRUPT):
        return NotADatabaseError(
            path,
            f"{where}: the file is not a SQLite database or is damaged ({exc}); point --db / "
            "BAOKU_DB at a baoku archive, or move this file away so a new archive can be made",
        )
    if code in (_BUSY, _LOCKED):
        return StoreLockedError(
            path,
            f"{where}: the database is locked by another process ({exc}); wait for the other "
            "ingest or export to finish, or open with a longer busy timeout",
        )
    if code == _READONLY:
        return StoreReadOnlyError(
            path,
            f"{where}: the database is read-only ({exc}); make the file and its folder writable "
            "(SQLite writes -wal/-shm files next to it), or open it with readonly=True to read",
        )
    if code == _CANTOPEN:
        return StoreUnavailableError(
            path,
            f"{where}: cannot open the database file ({exc}); check that the path is a file in "
            "an existing, writable folder",
        )
    return StoreWriteError(path, f"{where}: {exc}; the change was rolled back, nothing was kept")
