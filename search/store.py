"""The SQLite store of record (search stage): documents, pages, blocks, articles, links.

Ingest hands over ``IngestedDocument`` records; this module keeps them, links 下转/上接
continuations across pages and files, and streams whole articles back out for export and for
the indexes built on top (full text, entities, figures live in the same database, added by
later migrations in ``baoku.search.schema``).

Concurrency: WAL journal, so readers never block the single writer; every write is one
IMMEDIATE transaction. A ``Store`` is one connection: use it from one thread.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from baoku.ingest.records import (
    Article,
    ArticleType,
    BBox,
    DocumentStatus,
    IngestedDocument,
    Page,
    SourceFile,
    TextSource,
)
from baoku.nlp.records import AnalyzedDocument, ArticleFacts
from baoku.search import sqlite_index
from baoku.search.facts_store import (
    chunks,
    delete_fact_rows,
    insert_fact_rows,
    insert_facts,
    marks,
)
from baoku.search.linking import groups_of_document, relink
from baoku.search.merge import Segment, merge_segments
from baoku.search.part_context import (
    ContextTask,
    StoredPart,
    load_part,
    previous_part,
    stale_continued_parts,
)
from baoku.search.records import (
    ArticleRecord,
    ContinuationLink,
    PartRecord,
    SaveOutcome,
    SourceRef,
    StoredDocument,
)
from baoku.search.schema import (
    SCHEMA_VERSION,
    SEARCH_INDEX_VERSION,
    connect_read_only,
    migrate,
    schema_version,
)
from baoku.search.store_errors import (
    InvalidRecordError,
    NotADatabaseError,
    SchemaVersionError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
    StoreUnavailableError,
    StoreWriteError,
    translate,
)

__all__ = [
    "ArticleRecord",
    "InvalidRecordError",
    "NotADatabaseError",
    "SaveOutcome",
    "SchemaVersionError",
    "Store",
    "StoreError",
    "StoreLockedError",
    "StoreReadOnlyError",
    "StoreUnavailableError",
    "StoreWriteError",
    "StoredDocument",
]

_DOC_COLUMNS = "id, path, sha256, size, pages, status, error, ingested_at"
# FTS5's automerge setting (segments of one level merged at once): its default, and the
# value used while ``save_documents`` bulk-loads.
DEFAULT_AUTOMERGE = 4
BULK_AUTOMERGE = 16
# FTS5's hashsize (bytes of pending terms held in memory before they are written out as a new
# segment): its default, and the value used while bulk-loading. A batch of 200 pages holds
# several MB of terms, which at 1 MB became several segments per commit, each merged again
# later; at 64 MB a batch is written once (about 20% less FTS5 work measured). The memory is
# only used while a transaction is that large.
DEFAULT_HASHSIZE = 1024 * 1024
# Page cache of a writing connection, and while bulk-loading (negative: KiB, SQLite's form).
CACHE_KIB = -65536
BULK_CACHE_KIB = -262144
BULK_HASHSIZE = 64 * 1024 * 1024
# Articles whose full-text rows a rebuild holds in memory before writing them.
REBUILD_CHUNK = 1000

_SEGMENT_SELECT = """
    SELECT a.id, a.type, a.newspaper, a.date, a.page_name, a.kicker, a.headline, a.subheadline,
           a.byline, a.reporters, a.correspondents, a.photographers, a.lead, a.paragraphs,
           a.continues_to, a.continued_from, a.starts_mid_paragraph, a.text_source,
           a.ocr_confidence, d.path, d.sha256, c.to_article, c.score, a.page_no
    FROM articles a
    JOIN documents d ON d.id = a.document
    LEFT JOIN continuations c ON c.from_article = a.id
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# One encoder for every row: json.dumps with options builds a new encoder per call, which
# was a visible share of a bulk save (five JSON columns per article).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)


def _doc_from_row(row: sqlite3.Row | tuple[Any, ...]) -> StoredDocument:
    return StoredDocument(
        id=row[0],
        path=row[1],
        sha256=row[2],
        size=row[3],
        pages=row[4],
        status=DocumentStatus(row[5]),
        error=row[6],
        ingested_at=row[7],
    )


class Store:
    """One open archive database. Open with ``Store.open(path)``, preferably as a context
    manager so the connection is closed (and the WAL checkpointed) on the way out."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool) -> None:
        self._conn = conn
        self._path = path
        self._readonly = readonly
        # FTS5 writes of the open write transaction, applied just before it commits.
        self._fts = sqlite_index.FtsBuffer()

    # ------------------------------------------------------------------ opening and closing

    @classmethod
    def open(
        cls, path: str | Path, *, readonly: bool = False, busy_timeout_s: float = 10.0
    ) -> Store:
        """Open (creating folders, file and schema as needed) the archive at ``path``.

        ``readonly=True`` opens an existing archive for reading only (a shared or archived
        copy); it never creates or upgrades anything. ``busy_timeout_s`` is how long a write
        waits for another process's write lock before ``StoreLockedError``.
        """
        path = Path(path)
        if readonly and not path.is_file():
            raise StoreUnavailableError(
                path, f"no archive at {path}: check the path, or open without readonly to create"
            )
        if not readonly:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreUnavailableError(
                    path, f"cannot create the folder for {path} ({exc}); choose a writable path"
                ) from exc
        if path.is_dir():
            raise StoreUnavailableError(
                path, f"{path} is a folder; give the path of a database file, e.g. {path}/baoku.db"
            )
        if not readonly and not _writable(path):
            raise StoreReadOnlyError(
                path,
                f"opening {path}: the database or its folder is read-only; make both writable "
                "(SQLite writes -wal/-shm files next to the database), or open it with "
                "readonly=True to read",
            )
        try:
            if readonly:
                conn = connect_read_only(path, timeout=busy_timeout_s)
            else:
                conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout_s)
        except sqlite3.Error as exc:
            raise translate(exc, path, "opening") from exc
        try:
            cls._configure(conn, path, readonly=readonly, busy_timeout_s=busy_timeout_s)
        except sqlite3.Error as exc:
            conn.close()
            raise translate(exc, path, "opening") from exc
        except StoreError:
            conn.close()
            raise
        return cls(conn, path, readonly=readonly)

    @staticmethod
    def _configure(
        conn: sqlite3.Connection, path: Path, *, readonly: bool, busy_timeout_s: float
    ) -> None:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if readonly:
            found = schema_version(conn)  # also the first read: NOTADB surfaces here
            if found != SCHEMA_VERSION:
                newer = found > SCHEMA_VERSION
                raise SchemaVersionError(
                    path,
                    f"{path} has schema version {found}, this baoku uses {SCHEMA_VERSION}; "
                    + (
                        "upgrade baoku to read it"
                        if newer
                        else "open it once without readonly so it is upgraded"
                    ),
                )
            return
        conn.execute("PRAGMA journal_mode = WAL")
        # WAL + FULL: every COMMIT syncs the WAL, so a committed save or batch survives a
        # power cut, not only an application crash (NORMAL could lose the last commits).
        # Bulk loads commit once per batch of pages, so the sync costs milliseconds per
        # thousand articles; a single-file ingest spends seconds per page reading the PDF.
        conn.execute("PRAGMA synchronous = FULL")
        # The default 2 MB page cache holds a fraction of the b-trees one save touches
        # (articles, facts, keys, FTS segments); 64 MB (allocated only as used) keeps them.
        conn.execute(f"PRAGMA cache_size = {CACHE_KIB}")
        before = schema_version(conn)
        migrate(conn, path)
        if 0 < before < SEARCH_INDEX_VERSION:
            # An archive from before the current search index layout (v1: none; v2: unigrams
            # only, texts inline): the migration left it empty, so fill it once.
            Store(conn, path, readonly=False).rebuild_search_index()
        # Fail at open, not at the first save an hour into a batch: take the write lock once.
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        finally:
            conn.execute("ROLLBACK")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._path

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for sibling modules in baoku.search that keep their own
        tables in this database (full text, entities). It is in autocommit mode: wrap writes
        in ``Store.transaction()``."""
        return self._conn

    @property
    def schema_version(self) -> int:
        return schema_version(self._conn)

    @contextmanager
    def transaction(self, doing: str = "writing to") -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE write transaction: committed on success, rolled back on any error.

        sqlite3 errors come out as typed ``StoreError``s naming the database; ``doing`` is
        the phrase that starts their message ("saving x.pdf into").
        """
        if self._readonly:
            raise StoreReadOnlyError(
                self._path,
                f"{doing} {self._path}: the store was opened with readonly=True; "
                "open it without readonly to write",
            )
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate(exc, self._path, doing) from exc
        self._fts.clear()
        try:
            yield self._conn
            self._fts.apply(self._conn)
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise translate(exc, self._path, doing) from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        self._fts.clear()
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    # ------------------------------------------------------------------ documents

    def find_document(self, sha256: str) -> StoredDocument | None:
        row = self._conn.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return _doc_from_row(row) if row else None

    def list_documents(self, status: DocumentStatus | str | None = None) -> list[StoredDocument]:
        """Documents in ingestion order, optionally only those with one status."""
        if status is None:
            rows = self._conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY id")
        else:
            wanted = DocumentStatus(status)  # ValueError names the bad status
            rows = self._conn.execute(
                f"SELECT {_DOC_COLUMNS} FROM documents WHERE status = ? ORDER BY id",
                (str(wanted),),
            )
        return [_doc_from_row(r) for r in rows]

    def save_document(
        self, doc: IngestedDocument | AnalyzedDocument, *, replace: bool = False
    ) -> SaveOutcome:
        """Store one ingested file with its pages, blocks and articles, in one transaction.

        Given an ``AnalyzedDocument``, its facts (``facts[i]`` for ``articles[i]``) are stored
        too. Either way the search index (full text, filter keys) of every whole article the
        file touches is brought up to date in the same transaction.

        A file already stored (same sha256) with good status is left alone unless
        ``replace``; then its old pages, blocks, articles and links are swapped for the new
        ones atomically (any failure keeps the old records). A stored *failure* row is always
        superseded, since it holds no content and retrying is the point. Continuation links of
        every page group the old or new articles touch are re-solved before commit.
        """
        checked = self._checked(doc)
        with self.transaction(f"saving {checked[0].source.path} into") as conn:
            return self._save(conn, *checked, replace=replace)

    def save_documents(
        self,
        docs: Iterable[IngestedDocument | AnalyzedDocument],
        *,
        replace: bool = False,
        batch_size: int = 200,
    ) -> list[SaveOutcome]:
        """Bulk form of ``save_document``: the same outcome per file, but ``batch_size`` files
        share one write transaction, which is what makes bulk loads fast (a commit costs a
        WAL write and an FTS5 segment flush, for a page or for two hundred).

        Each file is still all-or-nothing: it is saved inside a savepoint, and when one fails
        its savepoint is rolled back, the files before it in the batch are committed, and the
        error is raised (the files after it are not saved). Readers see a batch at once.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1: {batch_size!r}")
        outcomes: list[SaveOutcome] = []
        batch: list[tuple[IngestedDocument, list[ArticleFacts] | None]] = []

        def flush() -> None:
            failure: BaseException | None = None
            with self.transaction(f"saving {len(batch)} files into") as conn:
                for document, facts in batch:
                    conn.execute("SAVEPOINT save_one")
                    mark = self._fts.mark()
                    try:
                        outcomes.append(self._save(conn, document, facts, replace=replace))
                    except BaseException as exc:
                        conn.execute("ROLLBACK TO save_one")
                        self._fts.rollback_to(mark)
                        conn.execute("RELEASE save_one")
                        failure = exc
                        break
                    conn.execute("RELEASE save_one")
            batch.clear()
            if failure is not None:
                if isinstance(failure, sqlite3.Error):
                    raise translate(failure, self._path, "saving into") from failure
                raise failure

        # FTS5 merges index segments once `automerge` of one size exist. During a bulk load
        # merging less often (16) roughly halves the FTS5 write cost; the segments it leaves
        # are merged by the next automerge, or at once by optimize_search_index().
        self._tune_fts(automerge=BULK_AUTOMERGE, hashsize=BULK_HASHSIZE)
        # A bulk load inserts random keys (content-hash article ids) into b-trees that grow
        # past the 64 MB cache; a larger one while loading keeps them from being re-read.
        self._conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        try:
            for doc in docs:
                batch.append(self._checked(doc))
                if len(batch) >= batch_size:
                    flush()
            if batch:
                flush()
        finally:
            self._conn.execute(f"PRAGMA cache_size = {CACHE_KIB}")
            self._tune_fts(automerge=DEFAULT_AUTOMERGE, hashsize=DEFAULT_HASHSIZE)
        return outcomes

    def _tune_fts(self, **settings: int) -> None:
        """Set FTS5 configuration options (kept in the archive's search_fts config)."""
        with self.transaction("tuning the search index of") as conn:
            for name, value in settings.items():
                conn.execute(
                    "INSERT INTO search_fts (search_fts, rank) VALUES (?, ?)", (name, value)
                )

    def optimize_search_index(self) -> None:
        """Merge the full-text index into one segment (after a bulk load; queries then read
        one posting list per term). Rewrites the whole FTS5 index: seconds per 100,000
        articles, so not something to run after every page."""
        with self.transaction("optimizing the search index of") as conn:
            conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")

    def _checked(
        self, doc: IngestedDocument | AnalyzedDocument
    ) -> tuple[IngestedDocument, list[ArticleFacts] | None]:
        """The document and its facts, refused before any write when they cannot be stored."""
        facts: list[ArticleFacts] | None = None
        if isinstance(doc, AnalyzedDocument):
            facts = doc.facts
            doc = doc.document
            if facts and len(facts) != len(doc.articles):
                raise InvalidRecordError(
                    self._path,
                    f"{doc.source.path}: {len(facts)} fact sets for {len(doc.articles)} "
                    "articles; AnalyzedDocument.facts[i] must belong to articles[i]",
                )
        if doc.status == DocumentStatus.FAILED and not doc.error:
            raise InvalidRecordError(
                self._path,
                f"{doc.source.path}: a failed document needs its error message; set "
                "IngestedDocument.error (or call Store.record_failure)",
            )
        return doc, facts

    def _save(
        self,
        conn: sqlite3.Connection,
        doc: IngestedDocument,
        facts: list[ArticleFacts] | None,
        *,
        replace: bool,
    ) -> SaveOutcome:
        """The writes of one file, inside the caller's transaction."""
        existing = conn.execute(
            "SELECT id, status FROM documents WHERE sha256 = ?", (doc.source.sha256,)
        ).fetchone()
        if existing and not replace and existing[1] != DocumentStatus.FAILED:
            return SaveOutcome.SKIPPED_DUPLICATE
        groups = set()
        dirty: set[str] = set()
        if existing:
            doc_id = int(existing[0])
            groups |= groups_of_document(conn, doc_id)
            dirty |= sqlite_index.document_parts(conn, doc_id)
            dirty |= sqlite_index.group_members(conn, groups)
            # Articles first: their cascade removes parts and links; pages take blocks.
            conn.execute("DELETE FROM articles WHERE document = ?", (doc_id,))
            conn.execute("DELETE FROM pages WHERE document = ?", (doc_id,))
            conn.execute(
                "UPDATE documents SET path = ?, size = ?, pages = ?, status = ?, error = ?, "
                "ingested_at = ? WHERE id = ?",
                (
                    doc.source.path,
                    doc.source.size,
                    len(doc.pages),
                    str(doc.status),
                    doc.error,
                    _now(),
                    doc_id,
                ),
            )
            outcome = SaveOutcome.REPLACED
        else:
            cur = conn.execute(
                "INSERT INTO documents (path, sha256, size, pages, status, error, "
                "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.source.path,
                    doc.source.sha256,
                    doc.source.size,
                    len(doc.pages),
                    str(doc.status),
                    doc.error,
                    _now(),
                ),
            )
            doc_id = int(cur.lastrowid or 0)
            outcome = SaveOutcome.INSERTED
        ids, article_rows, part_rows = self._insert_contents(conn, doc_id, doc)
        insert_facts(conn, ids, doc.articles, facts, {p.index: p for p in doc.pages})
        groups |= groups_of_document(conn, doc_id)
        relink(conn, groups)
        dirty |= set(ids) | sqlite_index.group_members(conn, groups)
        # The facts just stored for these parts, so indexing need not read them back (the
        # parts are new rows: their ids are unique, so no other facts can belong to them).
        known = dict(zip(ids, facts, strict=True)) if facts else {i: ArticleFacts() for i in ids}
        records = self._unlinked_records(conn, doc, article_rows, part_rows)
        sqlite_index.refresh(conn, self.get_article, dirty, self._fts, known, records)
        return outcome

    def delete_document(self, sha256: str) -> bool:
        """Remove a stored file with everything from it (articles, facts, index rows); the
        continuations it took part in are re-solved. Returns False when it was not stored."""
        with self.transaction(f"deleting {sha256[:12]} from") as conn:
            row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
            if row is None:
                return False
            doc_id = int(row[0])
            groups = groups_of_document(conn, doc_id)
            dirty = sqlite_index.document_parts(conn, doc_id)
            dirty |= sqlite_index.group_members(conn, groups)
            conn.execute("DELETE FROM articles WHERE document = ?", (doc_id,))
            conn.execute("DELETE FROM pages WHERE document = ?", (doc_id,))
            conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            relink(conn, groups)
            sqlite_index.refresh(conn, self.get_article, dirty, self._fts)
        return True

    def reindex_articles(self, article_ids: Iterable[str]) -> int:
        """Rebuild the search rows of the whole articles holding these parts; returns how many
        whole articles were indexed."""
        with self.transaction("re-indexing articles in") as conn:
            return len(sqlite_index.refresh(conn, self.get_article, article_ids, self._fts))

    def stale_continued_parts(self) -> list[ContextTask]:
        """Continued parts whose facts need making again with their head in view
        (``search.part_context``)."""
        return stale_continued_parts(self._conn)

    def previous_part(self, part_id: str) -> str | None:
        """The part ``part_id`` continues (上接), when they are linked."""
        return previous_part(self._conn, part_id)

    def load_part(self, part_id: str) -> StoredPart | None:
        """A stored part's text fields and issue, as the NLP stage reads an article."""
        return load_part(self._conn, part_id)

    def replace_part_facts(
        self, part_id: str, facts: ArticleFacts, *, context_from: str | None
    ) -> bool:
        """Replace the entity mentions and figures of one stored part, made with the text of
        part ``context_from`` as context (None: alone), and re-index its whole article.
        False when the part is no longer stored (its file was replaced meanwhile)."""
        with self.transaction("replacing the facts of a continued article in") as conn:
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (part_id,)).fetchone() is None:
                return False
            delete_fact_rows(conn, part_id)
            insert_fact_rows(conn, [(part_id, facts)])
            conn.execute(
                "UPDATE articles SET facts_context = ? WHERE id = ?", (context_from, part_id)
            )
            sqlite_index.refresh(conn, self.get_article, [part_id], self._fts)
        return True

    def whole_article_count(self) -> int:
        """Whole articles of every type (parts merged into an earlier part not counted)."""
        row = self._conn.execute(
            "SELECT COUNT(*) FROM articles a "
            "WHERE NOT EXISTS (SELECT 1 FROM continuations p WHERE p.to_article = a.id)"
        ).fetchone()
        return int(row[0])

    def rebuild_search_index(self, on_progress: Callable[[int], None] | None = None) -> int:
        """Drop and rebuild the whole search index from the stored records (after a change to
        the tokenization, or to fill an archive made before the index existed).

        One transaction, so readers see the old index until the new one is complete; the
        full-text rows are written every ``REBUILD_CHUNK`` articles, so memory stays flat
        however large the archive (held to the commit, they grew with it: 1.5 GB at
        100,000 articles). ``on_progress(n)`` is called with the articles done so far."""
        self._tune_fts(automerge=BULK_AUTOMERGE, hashsize=BULK_HASHSIZE)
        self._conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        try:
            with self.transaction("rebuilding the search index of") as conn:
                sqlite_index.clear(conn, self._fts)
                n = 0
                rows = sqlite_index.IndexRows()
                for record in self.iter_articles(types=tuple(ArticleType)):
                    sqlite_index.index_record(conn, record, self._fts, rows)
                    n += 1
                    if n % REBUILD_CHUNK == 0:
                        rows.flush(conn)
                        self._fts.apply(conn)
                        if on_progress is not None:
                            on_progress(n)
                rows.flush(conn)
        finally:
            self._conn.execute(f"PRAGMA cache_size = {CACHE_KIB}")
            self._tune_fts(automerge=DEFAULT_AUTOMERGE, hashsize=DEFAULT_HASHSIZE)
        if on_progress is not None:
            on_progress(n)
        return n

    def record_failure(self, source: SourceFile, error: str) -> SaveOutcome:
        """Record that ``source`` could not be ingested, with ``error``.

        If that content (sha256) is already stored in good order, nothing changes
        (SKIPPED_DUPLICATE): a failing re-read of a copy must not wipe what an earlier read
        stored. A previous failure row is updated with the new error and path (REPLACED).
        """
        if not error:
            raise InvalidRecordError(
                self._path, f"{source.path}: record_failure() needs the error message to store"
            )
        with self.transaction(f"recording the failure of {source.path} in") as conn:
            existing = conn.execute(
                "SELECT id, status FROM documents WHERE sha256 = ?", (source.sha256,)
            ).fetchone()
            if existing and existing[1] != DocumentStatus.FAILED:
                return SaveOutcome.SKIPPED_DUPLICATE
            if existing:
                conn.execute(
                    "UPDATE documents SET path = ?, size = ?, error = ?, ingested_at = ? "
                    "WHERE id = ?",
                    (source.path, source.size, error, _now(), existing[0]),
                )
                return SaveOutcome.REPLACED
            conn.execute(
                "INSERT INTO documents (path, sha256, size, pages, status, error, ingested_at) "
                "VALUES (?, ?, ?, 0, 'failed', ?, ?)",
                (source.path, source.sha256, source.size, error, _now()),
            )
        return SaveOutcome.INSERTED

    def _insert_contents(
        self, conn: sqlite3.Connection, doc_id: int, doc: IngestedDocument
    ) -> tuple[list[str], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """Insert pages, blocks, articles and parts; returns the article ids in order, and
        the ``articles`` and ``article_parts`` rows written."""
        conn.executemany(
            "INSERT INTO pages (document, page_index, page_no, newspaper, date, page_name, "
            "width, height, status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id,
                    p.index,
                    p.meta.page_no,
                    p.meta.newspaper,
                    p.meta.date,
                    p.meta.page_name,
                    p.width,
                    p.height,
                    str(p.status),
                    p.reason,
                )
                for p in doc.pages
            ],
        )
        conn.executemany(
            "INSERT INTO blocks (document, page_index, seq, role, x0, top, x1, bottom, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id,
                    p.index,
                    seq,
                    str(b.role),
                    b.bbox.x0,
                    b.bbox.top,
                    b.bbox.x1,
                    b.bbox.bottom,
                    b.text,
                )
                for p in doc.pages
                for seq, b in enumerate(p.blocks)
            ],
        )
        pages = {p.index: p for p in doc.pages}
        used: set[str] = set()
        ids = [_unique_id(a.content_id(doc.source.sha256), used) for a in doc.articles]
        # One statement per table for the whole file.
        article_rows = [
            _article_row(article_id, doc_id, seq, article, pages)
            for seq, (article_id, article) in enumerate(zip(ids, doc.articles, strict=True))
        ]
        conn.executemany(
            "INSERT INTO articles (id, document, seq, type, newspaper, date, page_index, "
            "page_no, last_page_no, page_name, kicker, headline, subheadline, byline, "
            "reporters, correspondents, photographers, lead, text, paragraphs, "
            "continues_to, continued_from, starts_mid_paragraph, text_source, "
            "ocr_confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?)",
            article_rows,
        )
        part_rows = [
            (
                article_id,
                i,
                part.page_index,
                _part_page_no(part.page_index, part.page_no, pages),
                _dumps([list(b.rounded()) for b in part.bboxes]),
            )
            for article_id, article in zip(ids, doc.articles, strict=True)
            for i, part in enumerate(article.parts)
        ]
        conn.executemany(
            "INSERT INTO article_parts (article, seq, page_index, page_no, bboxes) "
            "VALUES (?, ?, ?, ?, ?)",
            part_rows,
        )
        return ids, article_rows, part_rows

    def _unlinked_records(
        self,
        conn: sqlite3.Connection,
        doc: IngestedDocument,
        article_rows: list[tuple[Any, ...]],
        part_rows: list[tuple[Any, ...]],
    ) -> dict[str, ArticleRecord]:
        """Whole-article records of the parts just written that no continuation links, made
        from the rows written (the same conversion as reading them back with get_article,
        without the queries): such a part is a whole article on its own."""
        ids = [r[0] for r in article_rows]
        linked: set[str] = set()
        for chunk in chunks(ids):
            q = marks(len(chunk))
            linked.update(
                x
                for row in conn.execute(
                    "SELECT from_article, to_article FROM continuations "
                    f"WHERE from_article IN ({q}) OR to_article IN ({q})",
                    (*chunk, *chunk),
                )
                for x in row
            )
        parts: dict[str, list[tuple[Any, ...]]] = {}
        for r in part_rows:  # already in seq order
            parts.setdefault(r[0], []).append((r[2], r[3], r[4]))
        out: dict[str, ArticleRecord] = {}
        for r in article_rows:
            if r[0] in linked:
                continue
            # The _SEGMENT_SELECT layout; an unlinked part has no continuation (columns 21-22).
            row = (
                *(r[0], r[3], r[4], r[5], r[9], r[10], r[11], r[12], r[13], r[14], r[15]),
                *(r[16], r[17], r[19], r[20], r[21], r[22], r[23], r[24]),
                *(doc.source.path, doc.source.sha256, None, None, r[7]),
            )
            out[r[0]] = merge_segments([self._segment(row, parts.get(r[0], []))], [])
        return out

    # ------------------------------------------------------------------ articles

    def iter_articles(
        self, types: Iterable[ArticleType | str] = (ArticleType.ARTICLE,)
    ) -> Iterator[ArticleRecord]:
        """Whole articles, continuation parts merged in, ordered by newspaper, date, page and
        reading order. Streams from the cursor: memory stays flat however large the archive.

        ``types`` filters on the type of an article's first part. Parts merged into an earlier
        part are not yielded on their own; unlinked parts are, with their continues_to /
        continued_from still set.
        """
        wanted = _types(types)
        if not wanted:
            return
        marks = ", ".join("?" for _ in wanted)
        # A separate cursor per call: lookups for chains run on the same connection, inside
        # the read snapshot this statement holds open, so the export is consistent.
        heads = self._conn.execute(
            f"{_SEGMENT_SELECT} WHERE a.type IN ({marks}) "
            "AND NOT EXISTS (SELECT 1 FROM continuations p WHERE p.to_article = a.id) "
            "ORDER BY a.newspaper, a.date, a.page_no, a.document, a.seq",
            wanted,
        )
        for row in heads:
            yield self._assemble(row)

    def get_article(self, article_id: str) -> ArticleRecord | None:
        """The whole article containing stored part ``article_id`` (its id is the head's)."""
        head = article_id
        seen = {head}
        while True:
            prev = self._conn.execute(
                "SELECT from_article FROM continuations WHERE to_article = ?", (head,)
            ).fetchone()
            if prev is None or prev[0] in seen:
                break
            head = prev[0]
            seen.add(head)
        row = self._conn.execute(f"{_SEGMENT_SELECT} WHERE a.id = ?", (head,)).fetchone()
        return self._assemble(row) if row else None

    def _assemble(self, head_row: tuple[Any, ...]) -> ArticleRecord:
        segments = [self._segment(head_row)]
        links: list[ContinuationLink] = []
        row = head_row
        seen = {segments[0].id}
        while row[21] is not None and row[21] not in seen:
            links.append(ContinuationLink(row[0], row[21], float(row[22])))
            nxt = self._conn.execute(f"{_SEGMENT_SELECT} WHERE a.id = ?", (row[21],)).fetchone()
            if nxt is None:
                break
            row = nxt
            seen.add(row[0])
            segments.append(self._segment(row))
        return merge_segments(segments, links)

    def _segment(
        self, row: tuple[Any, ...], part_rows: Iterable[tuple[Any, ...]] | None = None
    ) -> Segment:
        """A stored part from its ``_SEGMENT_SELECT`` row and its ``article_parts`` rows
        (page_index, page_no, bboxes; read when not given)."""
        source = SourceRef(file=row[19], sha256=row[20])
        if part_rows is None:
            part_rows = self._conn.execute(
                "SELECT page_index, page_no, bboxes FROM article_parts WHERE article = ? "
                "ORDER BY seq",
                (row[0],),
            )
        parts = [
            PartRecord(
                article_id=row[0],
                sha256=source.sha256,
                page_index=p[0],
                page_no=p[1],
                bboxes=tuple(BBox(*b) for b in json.loads(p[2])),
            )
            for p in part_rows
        ]
        return Segment(
            id=row[0],
            type=ArticleType(row[1]),
            source=source,
            newspaper=row[2],
            date=row[3],
            page_name=row[4],
            kicker=row[5],
            headline=row[6],
            subheadline=row[7],
            byline=row[8],
            reporters=json.loads(row[9]),
            correspondents=json.loads(row[10]),
            photographers=json.loads(row[11]),
            lead=row[12],
            paragraphs=json.loads(row[13]),
            parts=parts,
            continues_to=row[14],
            continued_from=row[15],
            starts_mid_paragraph=bool(row[16]),
            text_source=TextSource(row[17]),
            ocr_confidence=row[18],
            page_no=row[23],
        )

    # ------------------------------------------------------------------ bookkeeping

    def stats(self) -> dict[str, dict[str, int]]:
        """Row counts: per status for documents and pages, per type for articles, and a
        ``total`` for every table."""
        out: dict[str, dict[str, int]] = {}
        for table, column in (("documents", "status"), ("pages", "status"), ("articles", "type")):
            counts = {
                str(k): int(n)
                for k, n in self._conn.execute(
                    f"SELECT {column}, COUNT(*) FROM {table} GROUP BY {column} ORDER BY {column}"
                )
            }
            counts["total"] = sum(counts.values())
            out[table] = counts
        for table in ("article_parts", "blocks", "continuations"):
            n = self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            out[table] = {"total": int(n)}
        return out


def _writable(path: Path) -> bool:
    # Checked up front because SQLite reports an unwritable WAL folder as "unable to open",
    # which would send the user looking for a missing file instead of at permissions.
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(path.parent, os.W_OK | os.X_OK)


def _types(types: Iterable[ArticleType | str]) -> list[str]:
    out: list[str] = []
    for t in types:
        try:
            out.append(str(ArticleType(t)))
        except ValueError as exc:
            known = ", ".join(str(x) for x in ArticleType)
            raise ValueError(f"unknown article type {t!r}; use one of: {known}") from exc
    return out


def _unique_id(candidate: str, used: set[str]) -> str:
    # content_id collides only for parts identical in type, headline, anchor and text (two
    # blank ads); a position-stable suffix keeps both and stays stable across re-ingests.
    article_id, n = candidate, 1
    while article_id in used:
        n += 1
        article_id = f"{candidate}-{n}"
    used.add(article_id)
    return article_id


def _part_page_no(page_index: int, page_no: int | None, pages: dict[int, Page]) -> int | None:
    if page_no is not None:
        return page_no
    page = pages.get(page_index)
    return page.meta.page_no if page else None


def _article_row(
    article_id: str, doc_id: int, seq: int, a: Article, pages: dict[int, Page]
) -> tuple[Any, ...]:
    if a.parts:
        first_index, last_index = a.parts[0].page_index, a.parts[-1].page_index
        first_no = _part_page_no(first_index, a.parts[0].page_no, pages)
        last_no = _part_page_no(last_index, a.parts[-1].page_no, pages)
        page = pages.get(first_index)
    else:
        # No boxes to place it by; a one-page file still says which page it is on.
        page = next(iter(pages.values())) if len(pages) == 1 else None
        first_index = page.index if page else None
        first_no = last_no = page.meta.page_no if page else None
    meta = page.meta if page else None
    return (
        article_id,
        doc_id,
        seq,
        str(a.type),
        meta.newspaper if meta else None,
        meta.date if meta else None,
        first_index,
        first_no,
        last_no,
        meta.page_name if meta else None,
        a.kicker,
        a.headline,
        a.subheadline,
        a.byline,
        _dumps(a.reporters),
        _dumps(a.correspondents),
        _dumps(a.photographers),
        a.lead,
        a.text,
        _dumps(a.paragraphs),
        a.continues_to,
        a.continued_from,
        int(a.starts_mid_paragraph),
        str(a.text_source),
        a.ocr_confidence,
    )
