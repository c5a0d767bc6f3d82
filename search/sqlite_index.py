"""Maintenance of the SQLite search index (search stage): FTS5 rows, keyword keys and part
membership of whole articles, kept in step with the store inside its write transactions.

A save or delete can change which parts form one article (a continuation found on a later
page joins an earlier head), so the index is refreshed by *dirty parts*: every search row
holding one of them is dropped, and every whole article now containing one (or a member of a
dropped row) is rebuilt from the store. All of it runs in the caller's transaction, so the
index can never disagree with the records it was built from.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

from baoku.nlp.records import ArticleFacts
from baoku.search.cjk import BIGRAM_JOINER, bigram_form_of, index_tokens
from baoku.search.facts_store import chunks, load_facts, marks
from baoku.search.linking import GroupKey
from baoku.search.records import ArticleRecord
from baoku.search.search_doc import SearchDoc, build_search_doc

FTS_COLUMNS = ("headline", "kicker", "subheadline", "lead", "body")
# The same texts in bigram form (schema v3): phrases of 2+ tokens are matched here.
FTS_BIGRAM_COLUMNS = tuple(f"{c}_bi" for c in FTS_COLUMNS)
# Every row's ``pad`` column (schema v5): a token no query can produce (it starts with the
# bigram joiner, which index_form never outputs), repeated so that the average row is at
# least this long. With ``columnsize=0`` FTS5's bm25 takes a contentless row's length as -1
# per column (11 here) and divides by k1·(1 - b + b·length/average) + tf; that term is
# positive only while the average row exceeds 3 tokens a column, which a store of headline-
# only briefs would not reach without the pad (scores would then fall as matches rise).
FTS_PAD: Final = " ".join([BIGRAM_JOINER + "pad"] * 64)
_ALL_COLUMNS = (*FTS_COLUMNS, *FTS_BIGRAM_COLUMNS, "pad")
_FTS_INSERT = (
    f"INSERT INTO search_fts (rowid, {', '.join(_ALL_COLUMNS)}) "
    f"VALUES (?, {', '.join('?' for _ in _ALL_COLUMNS)})"
)
_FTS_DELETE = (
    f"INSERT INTO search_fts (search_fts, rowid, {', '.join(_ALL_COLUMNS)}) "
    f"VALUES ('delete', ?, {', '.join('?' for _ in _ALL_COLUMNS)})"
)

Assemble = Callable[[str], ArticleRecord | None]


def group_members(conn: sqlite3.Connection, groups: Iterable[GroupKey]) -> set[str]:
    """Ids of every part taking part in the given continuation groups, on either side."""
    out: set[str] = set()
    for newspaper, day, p, q in groups:
        out.update(
            r[0]
            for r in conn.execute(
                "SELECT id FROM articles WHERE newspaper = ? AND date = ? AND "
                "((last_page_no = ? AND continues_to = ?) OR (page_no = ? AND continued_from = ?))",
                (newspaper, day, p, q, q, p),
            )
        )
    return out


def document_parts(conn: sqlite3.Connection, document_id: int) -> set[str]:
    rows = conn.execute("SELECT id FROM articles WHERE document = ?", (document_id,))
    return {r[0] for r in rows}


class FtsBuffer:
    """The FTS5 writes of one write transaction, applied together just before it commits.

    Why: FTS5 keeps new terms in memory and writes them out as a new index segment at every
    statement savepoint, and the store's other statements (multi-row deletes, inserts checked
    by foreign keys) open one each. Interleaved, a bulk load would write a segment per article
    and spend its time merging them; deferred, a transaction writes one. Operations keep their
    order (a rowid freed by a delete can be reused by the next insert).
    """

    def __init__(self) -> None:
        self._ops: list[tuple[bool, tuple[Any, ...]]] = []

    def insert(self, rowid: int, values: Sequence[str]) -> None:
        self._ops.append((True, (rowid, *values)))

    def delete(self, rowid: int, values: Sequence[str]) -> None:
        self._ops.append((False, (rowid, *values)))

    def mark(self) -> int:
        return len(self._ops)

    def rollback_to(self, mark: int) -> None:
        del self._ops[mark:]

    def clear(self) -> None:
        self._ops.clear()

    def apply(self, conn: sqlite3.Connection) -> None:
        """Write the buffered operations (runs of one kind as one executemany) and empty it."""
        start = 0
        while start < len(self._ops):
            kind = self._ops[start][0]
            end = start
            while end < len(self._ops) and self._ops[end][0] == kind:
                end += 1
            conn.executemany(
                _FTS_INSERT if kind else _FTS_DELETE, [op for _, op in self._ops[start:end]]
            )
            start = end
        self._ops.clear()


def fts_values(texts: Iterable[str]) -> list[str]:
    """The FTS5 column values of the natural texts (FTS_COLUMNS order): index forms, then
    their bigram forms, then the pad."""
    tokens = [index_tokens(t) for t in texts]
    return [" ".join(t) for t in tokens] + [bigram_form_of(t) for t in tokens] + [FTS_PAD]


def fts_row_count(conn: sqlite3.Connection) -> int:
    """Rows in the full-text table. A contentless table without row sizes cannot be scanned,
    but every row holds the pad token, so the rows matching it are all of them."""
    pad = FTS_PAD.split(" ", 1)[0]
    row = conn.execute(
        "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH ?", [f'pad : "{pad}"']
    ).fetchone()
    return int(row[0])


class IndexRows:
    """Rows of the search tables for several articles, written with one statement per table
    (``flush``) instead of a few per article. Only ``search_docs`` is written at once, for
    the row id; the rest refer to it and are written before the caller reads them again."""

    def __init__(self) -> None:
        self.texts: list[tuple[Any, ...]] = []
        self.members: list[tuple[str, int]] = []
        self.keys: list[tuple[str, str, int]] = []
        self.figures: list[tuple[Any, ...]] = []

    def flush(self, conn: sqlite3.Connection) -> None:
        conn.executemany(
            "INSERT INTO search_text (id, pages, headline, kicker, subheadline, lead, body) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            self.texts,
        )
        conn.executemany(
            "INSERT OR IGNORE INTO search_members (article, doc) VALUES (?, ?)", self.members
        )
        conn.executemany(
            "INSERT OR IGNORE INTO search_keys (field, value, doc) VALUES (?, ?, ?)", self.keys
        )
        conn.executemany(
            "INSERT INTO search_figures (doc, type, value, measure, agency, period_start, "
            "period_end) VALUES (?, ?, ?, ?, ?, ?, ?)",
            self.figures,
        )
        self.texts, self.members, self.keys, self.figures = [], [], [], []


def insert_search_doc(
    conn: sqlite3.Connection, doc: SearchDoc, fts: FtsBuffer, rows: IndexRows | None = None
) -> int:
    """Index one whole article; its rows other than ``search_docs`` go to ``rows`` when
    given (the caller flushes them), else they are written at once."""
    cur = conn.execute(
        "INSERT INTO search_docs (head, type, newspaper, date, year, page_no, page_name) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (doc.id, doc.type, doc.newspaper, doc.date, doc.year, doc.page_no, doc.page_name),
    )
    rowid = int(cur.lastrowid or 0)
    texts = _texts(doc)
    pending = rows if rows is not None else IndexRows()
    pending.texts.append((rowid, json.dumps(list(doc.pages)), *texts))
    fts.insert(rowid, fts_values(texts))
    pending.members += [(pid, rowid) for pid in doc.part_ids]
    pending.keys += [(f, v, rowid) for f, v in doc.key_values()]
    pending.figures += [
        (rowid, f.type, f.value, f.measure, f.agency, f.period_start, f.period_end)
        for f in doc.figures
    ]
    if rows is None:
        pending.flush(conn)
    return rowid


def _texts(doc: SearchDoc) -> tuple[str, str, str, str, str]:
    return (doc.headline, doc.kicker, doc.subheadline, doc.lead, doc.body)


def drop_search_docs(conn: sqlite3.Connection, rowids: Iterable[int], fts: FtsBuffer) -> None:
    """Remove search rows; a contentless FTS5 row is deleted by re-supplying what it indexed,
    recomputed from the natural text kept in ``search_text``."""
    for rowid in sorted(set(rowids)):
        row = conn.execute(
            "SELECT headline, kicker, subheadline, lead, body FROM search_text WHERE id = ?",
            (rowid,),
        ).fetchone()
        if row is not None:
            fts.delete(rowid, fts_values(row))
        conn.execute("DELETE FROM search_keys WHERE doc = ?", (rowid,))
        conn.execute("DELETE FROM search_figures WHERE doc = ?", (rowid,))
        conn.execute("DELETE FROM search_members WHERE doc = ?", (rowid,))
        conn.execute("DELETE FROM search_text WHERE id = ?", (rowid,))
        conn.execute("DELETE FROM search_docs WHERE id = ?", (rowid,))


def bump_generation(conn: sqlite3.Connection) -> None:
    """Mark that the index changed (in the caller's write transaction): searches that read
    with several connections compare this counter to know they saw one snapshot.

    The counter only grows, by a random step: two archives (say a copy that went its own
    way, swapped in under a running server) then practically never show the same number for
    different contents, so what is cached per generation cannot be taken for the other's."""
    conn.execute("UPDATE search_generation SET n = n + 1 + (random() & 1048575)")


def generation(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT n FROM search_generation").fetchone()
    return int(row[0]) if row else 0


def index_record(
    conn: sqlite3.Connection,
    record: ArticleRecord,
    fts: FtsBuffer,
    rows: IndexRows | None = None,
    known: Mapping[str, ArticleFacts] | None = None,
) -> int:
    """Index one whole article. Its parts' facts are read from the store, or taken from
    ``known`` (part id → the facts stored for it in this transaction) when it has them all."""
    parts = record.part_ids or [record.id]
    if known is not None and all(p in known for p in parts):
        # In part order, each part's in stored order: what load_facts would return.
        entities = [m for p in parts for m in known[p].entities]
        figures = [f for p in parts for f in known[p].figures]
    else:
        entities, figures = load_facts(conn, parts)
    return insert_search_doc(conn, build_search_doc(record, entities, figures), fts, rows)


def refresh(
    conn: sqlite3.Connection,
    assemble: Assemble,
    dirty: Iterable[str],
    fts: FtsBuffer,
    known: Mapping[str, ArticleFacts] | None = None,
    records: Mapping[str, ArticleRecord] | None = None,
) -> list[str]:
    """Re-index every whole article touching the ``dirty`` part ids; returns the head ids
    indexed. ``assemble(part_id)`` is the store's whole-article read (``get_article``);
    ``records`` holds, for some part ids, what it would return (parts just written);
    ``known`` as for ``index_record``."""
    dirty_ids = sorted(set(dirty))
    dropped: set[int] = set()
    for chunk in chunks(dirty_ids):
        dropped.update(
            r[0]
            for r in conn.execute(
                f"SELECT DISTINCT doc FROM search_members WHERE article IN ({marks(len(chunk))})",
                tuple(chunk),
            )
        )
    candidates = set(dirty_ids)
    for chunk in chunks([str(d) for d in sorted(dropped)]):
        candidates.update(
            r[0]
            for r in conn.execute(
                f"SELECT article FROM search_members WHERE doc IN ({marks(len(chunk))})",
                tuple(int(d) for d in chunk),
            )
        )
    drop_search_docs(conn, dropped, fts)
    done: set[str] = set()
    heads: list[str] = []
    rows = IndexRows()
    for part_id in sorted(candidates):
        if part_id in done:
            continue
        record = records.get(part_id) if records else None
        if record is None:
            record = assemble(part_id)  # None: the part was deleted
        if record is None:
            continue
        done.update(record.part_ids or [record.id])
        if record.id in heads:
            continue
        stale = conn.execute("SELECT id FROM search_docs WHERE head = ?", (record.id,)).fetchone()
        if stale is not None:
            drop_search_docs(conn, [stale[0]], fts)
        index_record(conn, record, fts, rows, known)
        heads.append(record.id)
    rows.flush(conn)
    if dropped or heads:
        bump_generation(conn)
    return heads


def clear(conn: sqlite3.Connection, fts: FtsBuffer) -> None:
    fts.clear()
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_keys")
    conn.execute("DELETE FROM search_figures")
    conn.execute("DELETE FROM search_members")
    conn.execute("DELETE FROM search_text")
    conn.execute("DELETE FROM search_docs")
    bump_generation(conn)
