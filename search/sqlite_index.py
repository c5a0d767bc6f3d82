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
from collections.abc import Callable, Iterable

from baoku.search.cjk import index_form
from baoku.search.facts_store import chunks, load_facts, marks
from baoku.search.linking import GroupKey
from baoku.search.records import ArticleRecord
from baoku.search.search_doc import SearchDoc, build_search_doc

FTS_COLUMNS = ("headline", "kicker", "subheadline", "lead", "body")

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


def insert_search_doc(conn: sqlite3.Connection, doc: SearchDoc) -> int:
    cur = conn.execute(
        "INSERT INTO search_docs (head, type, newspaper, date, year, page_no, pages, page_name, "
        "headline, kicker, subheadline, lead, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc.id,
            doc.type,
            doc.newspaper,
            doc.date,
            doc.year,
            doc.page_no,
            json.dumps(list(doc.pages)),
            doc.page_name,
            doc.headline,
            doc.kicker,
            doc.subheadline,
            doc.lead,
            doc.body,
        ),
    )
    rowid = int(cur.lastrowid or 0)
    conn.execute(
        "INSERT INTO search_fts (rowid, headline, kicker, subheadline, lead, body) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (rowid, *(index_form(t) for t in _texts(doc))),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO search_members (article, doc) VALUES (?, ?)",
        [(pid, rowid) for pid in doc.part_ids],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO search_keys (field, value, doc) VALUES (?, ?, ?)",
        [(f, v, rowid) for f, v in doc.key_values()],
    )
    return rowid


def _texts(doc: SearchDoc) -> tuple[str, str, str, str, str]:
    return (doc.headline, doc.kicker, doc.subheadline, doc.lead, doc.body)


def drop_search_docs(conn: sqlite3.Connection, rowids: Iterable[int]) -> None:
    """Remove search rows; a contentless FTS5 row is deleted by re-supplying what it indexed,
    recomputed from the natural text kept in ``search_docs``."""
    for rowid in sorted(set(rowids)):
        row = conn.execute(
            "SELECT headline, kicker, subheadline, lead, body FROM search_docs WHERE id = ?",
            (rowid,),
        ).fetchone()
        if row is None:
            continue
        conn.execute(
            "INSERT INTO search_fts (search_fts, rowid, headline, kicker, subheadline, lead, "
            "body) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
            (rowid, *(index_form(t) for t in row)),
        )
        conn.execute("DELETE FROM search_keys WHERE doc = ?", (rowid,))
        conn.execute("DELETE FROM search_members WHERE doc = ?", (rowid,))
        conn.execute("DELETE FROM search_docs WHERE id = ?", (rowid,))


def index_record(conn: sqlite3.Connection, record: ArticleRecord) -> int:
    entities, figures = load_facts(conn, record.part_ids or [record.id])
    return insert_search_doc(conn, build_search_doc(record, entities, figures))


def refresh(conn: sqlite3.Connection, assemble: Assemble, dirty: Iterable[str]) -> list[str]:
    """Re-index every whole article touching the ``dirty`` part ids; returns the head ids
    indexed. ``assemble(part_id)`` is the store's whole-article read (``get_article``)."""
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
    drop_search_docs(conn, dropped)
    done: set[str] = set()
    heads: list[str] = []
    for part_id in sorted(candidates):
        if part_id in done:
            continue
        record = assemble(part_id)  # None: the part was deleted
        if record is None:
            continue
        done.update(record.part_ids or [record.id])
        if record.id in heads:
            continue
        stale = conn.execute("SELECT id FROM search_docs WHERE head = ?", (record.id,)).fetchone()
        if stale is not None:
            drop_search_docs(conn, [stale[0]])
        index_record(conn, record)
        heads.append(record.id)
    return heads


def clear(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_keys")
    conn.execute("DELETE FROM search_members")
    conn.execute("DELETE FROM search_docs")
