"""Schema of the SQLite store of record (search stage) and its ordered migrations.

The database's ``PRAGMA user_version`` is the number of migrations applied. Later work (full
text, entities, figures) appends migrations here; never edit a released one, because archives
already at that version will not run it again.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

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
        status      TEXT    NOT NULL
                    CHECK (status IN ('ingested', 'partial', 'needs_ocr', 'failed')),
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

# Full text, facts and the filter/facet index (docs/search.md, "The search index").
#
# The unit of search is the WHOLE article (a head part with its linked continuations), one
# ``search_docs`` row each, so a hit is reported once with all its pages. Facts stay per stored
# part (their offsets and paragraphs are the part's); ``search_members`` maps each part to the
# search row it is merged into. The FTS5 table is contentless: ``search_docs`` keeps the
# merged natural text, which snippets are cut from and which recomputes the index form for
# FTS5's 'delete' (SQLite 3.40 has no contentless_delete).
_V2: Migration = (
    """
    CREATE TABLE paragraph_sources (
        article    TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        paragraph  INTEGER NOT NULL,
        page_index INTEGER NOT NULL,
        page_no    INTEGER,
        x0         REAL    NOT NULL,
        top        REAL    NOT NULL,
        x1         REAL    NOT NULL,
        bottom     REAL    NOT NULL,
        PRIMARY KEY (article, paragraph)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE entity_mentions (
        id        INTEGER PRIMARY KEY,
        article   TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        label     TEXT    NOT NULL,
        text      TEXT    NOT NULL,
        canonical TEXT    NOT NULL,
        kind      TEXT,
        start     INTEGER NOT NULL,
        end       INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        extra     TEXT    NOT NULL DEFAULT '{}'
    )
    """,
    "CREATE INDEX entity_mentions_article ON entity_mentions (article)",
    "CREATE INDEX entity_mentions_canonical ON entity_mentions (label, canonical)",
    """
    CREATE TABLE figures (
        id           INTEGER PRIMARY KEY,
        article      TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        type         TEXT    NOT NULL,
        text         TEXT    NOT NULL,
        value        REAL    NOT NULL,
        value_max    REAL,
        qualifier    TEXT    NOT NULL,
        unit         TEXT    NOT NULL,
        measure      TEXT,
        agency       TEXT,
        period_text  TEXT,
        period_start TEXT,
        period_end   TEXT,
        start        INTEGER NOT NULL,
        end          INTEGER NOT NULL,
        paragraph    INTEGER NOT NULL,
        sentence     TEXT    NOT NULL
    )
    """,
    "CREATE INDEX figures_article ON figures (article)",
    # Range filters and value sorts of one type, the fact-checker's main listing.
    "CREATE INDEX figures_type_value ON figures (type, value)",
    "CREATE INDEX figures_agency ON figures (agency, value) WHERE agency IS NOT NULL",
    """
    CREATE TABLE search_docs (
        id          INTEGER PRIMARY KEY,
        head        TEXT    NOT NULL UNIQUE,
        type        TEXT    NOT NULL,
        newspaper   TEXT,
        date        TEXT,
        year        TEXT,
        page_no     INTEGER,
        pages       TEXT    NOT NULL DEFAULT '[]',
        page_name   TEXT,
        headline    TEXT    NOT NULL DEFAULT '',
        kicker      TEXT    NOT NULL DEFAULT '',
        subheadline TEXT    NOT NULL DEFAULT '',
        lead        TEXT    NOT NULL DEFAULT '',
        body        TEXT    NOT NULL DEFAULT ''
    )
    """,
    # Date sorts and date-only listings walk this index instead of sorting a million rows.
    "CREATE INDEX search_docs_date ON search_docs (type, date, head)",
    "CREATE INDEX search_docs_newspaper ON search_docs (newspaper, date)",
    "CREATE INDEX search_docs_year ON search_docs (year)",
    "CREATE INDEX search_docs_page_name ON search_docs (page_name)",
    """
    CREATE TABLE search_members (
        article TEXT    NOT NULL PRIMARY KEY,
        doc     INTEGER NOT NULL
    ) WITHOUT ROWID
    """,
    "CREATE INDEX search_members_doc ON search_members (doc)",
    # Keyword filters and facets (place prefixes, agency, person, initiative, entity kind,
    # figure type, page): (field, value) → docs for filtering, doc → values for faceting.
    """
    CREATE TABLE search_keys (
        field TEXT    NOT NULL,
        value TEXT    NOT NULL,
        doc   INTEGER NOT NULL,
        PRIMARY KEY (field, value, doc)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX search_keys_doc ON search_keys (doc, field, value)",
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        headline, kicker, subheadline, lead, body,
        content = '', tokenize = 'unicode61 remove_diacritics 0'
    )
    """,
)

# The search index, v3 layout (docs/search.md, "The search index"). The index is derived data,
# so this migration drops the v2 tables and the store rebuilds the index once on open.
#
# * ``search_docs`` keeps only the short columns filters, sorts and facets read, so that joins
#   and scans over a hundred thousand hits touch a few MB; the natural text moves to
#   ``search_text``, read only for the page of hits shown and for FTS5 'delete'.
# * ``search_fts`` indexes every column twice: the unigram index form (one token per CJK
#   character and digit; 1-token queries) and its bigram form (``cjk.bigram_form``; phrases of
#   2+ tokens become phrases of bigrams, far rarer terms). A unigram never contains
#   ``cjk.BIGRAM_JOINER`` and a bigram always does, so a query term can only match its own
#   kind of column and MATCH needs no column filter.
# * A one-row ``search_generation`` counter, bumped by every index write, lets a search check
#   that several connections read the same snapshot.
_V3: Migration = (
    "DROP TABLE search_fts",
    "DROP TABLE search_keys",
    "DROP TABLE search_members",
    "DROP TABLE search_docs",
    """
    CREATE TABLE search_docs (
        id        INTEGER PRIMARY KEY,
        head      TEXT    NOT NULL UNIQUE,
        type      TEXT    NOT NULL,
        newspaper TEXT,
        date      TEXT,
        year      TEXT,
        page_no   INTEGER,
        page_name TEXT
    )
    """,
    # Date ranges of one type.
    "CREATE INDEX search_docs_date ON search_docs (type, date)",
    # Date sorts of one type read these in order and stop after a page: undated last in both
    # directions, ties by head, exactly the ORDER BY of sqlite_backend.
    "CREATE INDEX search_docs_date_asc ON search_docs (type, date IS NULL, date, head)",
    "CREATE INDEX search_docs_date_desc ON search_docs (type, date DESC, head)",
    "CREATE INDEX search_docs_newspaper ON search_docs (newspaper, date)",
    "CREATE INDEX search_docs_page_name ON search_docs (page_name)",
    """
    CREATE TABLE search_text (
        id          INTEGER PRIMARY KEY,
        pages       TEXT NOT NULL DEFAULT '[]',
        headline    TEXT NOT NULL DEFAULT '',
        kicker      TEXT NOT NULL DEFAULT '',
        subheadline TEXT NOT NULL DEFAULT '',
        lead        TEXT NOT NULL DEFAULT '',
        body        TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE search_members (
        article TEXT    NOT NULL PRIMARY KEY,
        doc     INTEGER NOT NULL
    ) WITHOUT ROWID
    """,
    "CREATE INDEX search_members_doc ON search_members (doc)",
    """
    CREATE TABLE search_keys (
        field TEXT    NOT NULL,
        value TEXT    NOT NULL,
        doc   INTEGER NOT NULL,
        PRIMARY KEY (field, value, doc)
    ) WITHOUT ROWID
    """,
    # Facets: doc → its values of one field, read without touching the primary key b-tree.
    "CREATE INDEX search_keys_doc ON search_keys (doc, field, value)",
    # The figures of each whole article, as filters test them (search_doc.IndexedFigure, the
    # same records ES nests), so a figure filter reads one index range and yields doc ids
    # without joining figures to search_members through text keys.
    """
    CREATE TABLE search_figures (
        doc          INTEGER NOT NULL,
        type         TEXT    NOT NULL,
        value        REAL    NOT NULL,
        measure      TEXT,
        agency       TEXT,
        period_start TEXT,
        period_end   TEXT
    )
    """,
    "CREATE INDEX search_figures_type_value ON search_figures (type, value, doc)",
    """
    CREATE INDEX search_figures_agency ON search_figures (agency, value, doc)
    WHERE agency IS NOT NULL
    """,
    "CREATE INDEX search_figures_doc ON search_figures (doc)",
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        headline, kicker, subheadline, lead, body,
        headline_bi, kicker_bi, subheadline_bi, lead_bi, body_bi,
        content = '', tokenize = 'unicode61 remove_diacritics 0'
    )
    """,
    "CREATE TABLE search_generation (n INTEGER NOT NULL)",
    "INSERT INTO search_generation (n) VALUES (0)",
)

# Facts of a continued part (下转/上接) made with its whole article's head in view: the head
# names the place that 区总工会 or 区法院 on the later page refers to. ``facts_context`` is the
# head part whose text was the context (NULL: analysed alone), so a link made, changed or
# undone later is noticed and the part analysed again (runner.refresh_continued_facts).
_V4: Migration = (
    "ALTER TABLE articles ADD COLUMN facts_context TEXT",
    """
    CREATE INDEX articles_facts_context ON articles (facts_context)
    WHERE facts_context IS NOT NULL
    """,
)

# The full-text table without per-row token counts (``columnsize=0``), so that bm25 ranks
# without reading each match's length: that lookup, one SQL statement per match, was three
# quarters of the cost of ranking a word found in most articles (docs/search.md, "Ranking").
# bm25 then uses FTS5's fixed stand-in for a contentless row's length, -1 per column; the
# ``pad`` column (``sqlite_index.FTS_PAD``, never matched) lifts the average row length far
# enough above that for bm25's length term to stay positive in an archive of short items.
_V5: Migration = (
    "DROP TABLE search_fts",
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        headline, kicker, subheadline, lead, body,
        headline_bi, kicker_bi, subheadline_bi, lead_bi, body_bi, pad,
        content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 0'
    )
    """,
)

# Each figure carries its article's date and newspaper, so a figure listing filters, counts
# and sorts on the figures' own indexes: joined to ``articles`` (a wide row per article),
# listing one type by date took 50-370 ms at 100,000 articles. An article's date and
# newspaper never change after it is stored (a re-ingest deletes and rewrites its figures),
# so the copies cannot drift. Each index holds every column a listing filters on often
# (type, value, date, newspaper), so the total and the page's ids come from the index alone
# whatever the mix of filters; it leads with what one sort walks. ``date IS NULL`` leads the
# indexes of "oldest first", which lists undated figures last.
_V6: Migration = (
    "ALTER TABLE figures ADD COLUMN date TEXT",
    "ALTER TABLE figures ADD COLUMN newspaper TEXT",
    """
    UPDATE figures SET (date, newspaper) =
        (SELECT a.date, a.newspaper FROM articles a WHERE a.id = figures.article)
    """,
    "DROP INDEX figures_type_value",
    "CREATE INDEX figures_type_value ON figures (type, value, date, newspaper)",
    "CREATE INDEX figures_type_date ON figures (type, date, value, newspaper)",
    "CREATE INDEX figures_type_dated ON figures (type, date IS NULL, date, value, newspaper)",
    "CREATE INDEX figures_value ON figures (value, date, newspaper, type)",
    "CREATE INDEX figures_date ON figures (date, value, newspaper, type)",
    "CREATE INDEX figures_dated ON figures (date IS NULL, date, value, newspaper, type)",
)

# Files whose Elasticsearch copy is behind the store (search.es_backlog): a failed
# incremental update is remembered here and caught up by the next one. seq only grows
# (AUTOINCREMENT), so "clear what was queued before I read the store" is one comparison.
_V7: Migration = (
    """
    CREATE TABLE es_backlog (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        sha256    TEXT    NOT NULL UNIQUE,
        queued_at TEXT    NOT NULL,
        reason    TEXT    NOT NULL
    )
    """,
)

MIGRATIONS: tuple[Migration, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7)
# First schema version with the current search index layout; opening an older archive
# (re)builds the index once.
SEARCH_INDEX_VERSION = 5
SCHEMA_VERSION = len(MIGRATIONS)


def connect_read_only(path: Path, *, timeout: float = 5.0) -> sqlite3.Connection:
    """A read-only connection to the archive at ``path`` (autocommit: callers BEGIN a read
    transaction when they need one snapshot)."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)


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
