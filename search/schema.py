"""Schema of the SQLite store of record (search stage) and its ordered migrations.

The database's ``PRAGMA user_version`` is the number of migrations applied. Later work (full
text, entities, figures) appends migrations here; never edit a released one, because archives
already at that version will not run it again.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from baoku.search.store_errors import SchemaVersionError

# Each migration is a tuple of single statements: Python 3.11's executescript() commits any
# open transaction first, which would break the one-transaction-per-migration rule.
Migration = tuple[str, ...]

_V1: Migration = (
    """
    CREATE TABLE documents (
        id          INTEGER PRIMARY KEY,
        path        TEXT    NOT NULL,
        sha256      TEXT    NOT NULL UNIQUE,
        size        INTEGER NOT NULL,
        pages       INTEGER NOT NULL DEFAULT 0,
        status      TEXT    NOT NULL CHECK (status IN ('ingested', 'partial', 'failed')),
        error       TEXT,
        ingested_at TEXT    NOT NULL
    )
    """,
    "CREATE INDEX documents_status ON documents (status)",
    """
    CREATE TABLE pages (
        document   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        page_index INTEGER NOT NULL,
        page_no    INTEGER,
        newspaper  TEXT,
        date       TEXT,
        page_name  TEXT,
        width      REAL    NOT NULL,
        height     REAL    NOT NULL,
        status     TEXT    NOT NULL,
        reason     TEXT,
        PRIMARY KEY (document, page_index)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX pages_issue ON pages (newspaper, date, page_no)",
    # page_no is where the article starts and last_page_no where it ends: 下转 is printed at
    # the end of a part and 上接 at the start of the next, so linking matches end to start.
    """
    CREATE TABLE articles (
        id                   TEXT    PRIMARY KEY,
        document             INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        seq                  INTEGER NOT NULL,
        type                 TEXT    NOT NULL,
        newspaper            TEXT,
        date                 TEXT,
        page_index           INTEGER,
        page_no              INTEGER,
        last_page_no         INTEGER,
        page_name            TEXT,
        kicker               TEXT    NOT NULL DEFAULT '',
        headline             TEXT    NOT NULL DEFAULT '',
        subheadline          TEXT    NOT NULL DEFAULT '',
        byline               TEXT    NOT NULL DEFAULT '',
        reporters            TEXT    NOT NULL DEFAULT '[]',
        correspondents       TEXT    NOT NULL DEFAULT '[]',
        photographers        TEXT    NOT NULL DEFAULT '[]',
        lead                 TEXT    NOT NULL DEFAULT '',
        text                 TEXT    NOT NULL DEFAULT '',
        paragraphs           TEXT    NOT NULL DEFAULT '[]',
        continues_to         INTEGER,
        continued_from       INTEGER,
        starts_mid_paragraph INTEGER NOT NULL DEFAULT 0,
        text_source          TEXT    NOT NULL,
        ocr_confidence       REAL
    )
    """,
    "CREATE UNIQUE INDEX articles_document ON articles (document, seq)",
    # Export order (paper, date, page, then reading order) comes straight off this index.
    "CREATE INDEX articles_issue ON articles (newspaper, date, page_no, document, seq)",
    """
    CREATE INDEX articles_continues_to ON articles (newspaper, date, last_page_no, continues_to)
    WHERE continues_to IS NOT NULL
    """,
    """
    CREATE INDEX articles_continued_from ON articles (newspaper, date, page_no, continued_from)
    WHERE continued_from IS NOT NULL
    """,
    """
    CREATE TABLE article_parts (
        article    TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        page_index INTEGER NOT NULL,
        page_no    INTEGER,
        bboxes     TEXT    NOT NULL,
        PRIMARY KEY (article, seq)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE blocks (
        document   INTEGER NOT NULL,
        page_index INTEGER NOT NULL,
        seq        INTEGER NOT NULL,
        role       TEXT    NOT NULL,
        x0         REAL    NOT NULL,
        top        REAL    NOT NULL,
        x1         REAL    NOT NULL,
        bottom     REAL    NOT NULL,
        text       TEXT    NOT NULL,
        PRIMARY KEY (document, page_index, seq),
        FOREIGN KEY (document, page_index) REFERENCES pages (document, page_index)
            ON DELETE CASCADE
    ) WITHOUT ROWID
    """,
    # One-to-one: a part continues into at most one part and is continued from at most one.
    """
    CREATE TABLE continuations (
        from_article TEXT NOT NULL PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        to_article   TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
        score        REAL NOT NULL
    )
    """,
)

MIGRATIONS: tuple[Migration, ...] = (_V1,)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: str | Path) -> int:
    """Bring the database up to ``SCHEMA_VERSION``; returns the number of migrations applied.

    Each migration runs in its own IMMEDIATE transaction and the version is re-read inside it,
    so two processes opening a new archive at once cannot both apply the same migration.
    """
    applied = 0
    while True:
        if schema_version(conn) >= SCHEMA_VERSION:
            break
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(conn)
            if current >= SCHEMA_VERSION:
                conn.execute("COMMIT")
                break
            for statement in MIGRATIONS[current]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
            applied += 1
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    found = schema_version(conn)
    if found > SCHEMA_VERSION:
        raise SchemaVersionError(
            path,
            f"{path} has schema version {found} but this baoku knows only up to "
            f"{SCHEMA_VERSION}; upgrade baoku to open this archive",
        )
    return applied
