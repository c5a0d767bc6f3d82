"""Small read-only lookups the API needs and ``Store`` has no method for: a page's source file
and size, the boxes of an article or figure to outline on it, a document's article count.

These are small read-only lookups on the store's own tables (documents, pages, article parts,
paragraph sources, figures) that ``Store`` has no method for; they use ``Store.connection``
and nothing else, so they follow the store's schema and never write.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from baoku.api.page_render import PageSpec
from baoku.ingest.records import BBox, DocumentStatus
from baoku.search.records import StoredDocument
from baoku.search.store import Store


@dataclass(frozen=True, slots=True)
class Highlight:
    boxes: list[BBox]
    # Where the item does sit when it is not on the page asked for: (sha256, page_index).
    elsewhere: list[tuple[str, int]]


def find_page(store: Store, sha256: str, page_index: int) -> PageSpec | None:
    row = store.connection.execute(
        "SELECT d.path, p.width, p.height FROM documents d "
        "JOIN pages p ON p.document = d.id WHERE d.sha256 = ? AND p.page_index = ?",
        (sha256, page_index),
    ).fetchone()
    if row is None:
        return None
    return PageSpec(Path(row[0]), page_index, float(row[1]), float(row[2]))


def is_figure_id(value: str) -> bool:
    # Figure ids are row numbers; article ids are 16 hex digits (plus "-n"), so a short
    # all-digit value can only be a figure.
    return value.isdigit() and len(value) < 16


def article_highlight(store: Store, article_id: str, sha256: str, page_index: int) -> Highlight:
    """Boxes of every part of the whole article holding ``article_id`` on this page."""
    record = store.get_article(article_id)
    if record is None:
        return Highlight([], [])
    boxes: list[BBox] = []
    elsewhere: list[tuple[str, int]] = []
    for part in record.parts:
        if part.sha256 == sha256 and part.page_index == page_index:
            boxes.extend(part.bboxes)
        else:
            elsewhere.append((part.sha256, part.page_index))
    return Highlight(boxes, elsewhere)


def figure_highlight(store: Store, figure_id: int, sha256: str, page_index: int) -> Highlight:
    """The box of the paragraph a figure was found in (its first column piece)."""
    row = store.connection.execute(
        "SELECT d.sha256, s.page_index, s.x0, s.top, s.x1, s.bottom FROM figures f "
        "JOIN paragraph_sources s ON s.article = f.article AND s.paragraph = f.paragraph "
        "JOIN articles a ON a.id = f.article JOIN documents d ON d.id = a.document "
        "WHERE f.id = ?",
        (figure_id,),
    ).fetchone()
    if row is None:
        return Highlight([], [])
    if row[0] == sha256 and row[1] == page_index:
        return Highlight([BBox(*(float(v) for v in row[2:6]))], [])
    return Highlight([], [(row[0], int(row[1]))])


def article_count(store: Store, sha256: str) -> int:
    """Stored article parts read from the document with this hash."""
    row = store.connection.execute(
        "SELECT COUNT(*) FROM articles a JOIN documents d ON d.id = a.document WHERE d.sha256 = ?",
        (sha256,),
    ).fetchone()
    return int(row[0])


def document_of_part(store: Store, article_id: str) -> str | None:
    """sha256 of the file a stored article part was read from."""
    row = store.connection.execute(
        "SELECT d.sha256 FROM articles a JOIN documents d ON d.id = a.document WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    return str(row[0]) if row else None


def documents_page(
    store: Store, status: str | None, limit: int, offset: int, *, es_waiting: bool = False
) -> tuple[int, list[StoredDocument]]:
    """One page of the archive's documents, newest first, with the total for pagination
    (``Store.list_documents`` returns them all, too many for an archive of 150,000 files).
    ``es_waiting``: only those whose Elasticsearch copy is behind (``search.es_backlog``)."""
    conditions, args_list = [], []
    if status:
        conditions.append("status = ?")
        args_list.append(status)
    if es_waiting:
        conditions.append("sha256 IN (SELECT sha256 FROM es_backlog)")
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    args = tuple(args_list)
    total = store.connection.execute(f"SELECT COUNT(*) FROM documents {where}", args).fetchone()
    rows = store.connection.execute(
        "SELECT id, path, sha256, size, pages, status, error, ingested_at FROM documents "
        f"{where} ORDER BY id DESC LIMIT ? OFFSET ?",
        (*args, limit, offset),
    ).fetchall()
    docs = [
        StoredDocument(
            id=r[0],
            path=r[1],
            sha256=r[2],
            size=r[3],
            pages=r[4],
            status=DocumentStatus(r[5]),
            error=r[6],
            ingested_at=r[7],
        )
        for r in rows
    ]
    return int(total[0]), docs
