"""NLP facts in the SQLite store of record (search stage): entity mentions, figure records and
the page + box of every paragraph they sit in.

Written inside ``Store.save_document``'s transaction, one row set per stored article part
(offsets and paragraph numbers are the part's, as the NLP stage produced them), and read back
to build search documents. Rows go with their part through ``ON DELETE CASCADE``.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Sequence

from baoku.ingest.records import Article, Page
from baoku.nlp.records import (
    ArticleFacts,
    EntityLabel,
    EntityMention,
    FigureRecord,
    FigureType,
)
from baoku.search.search_doc import iso_date

# Built once: json.dumps with options builds a new encoder per call.
_EXTRA_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)

# SQLite's default limit on bound parameters is 32766 since 3.32, but stay far below it.
CHUNK = 500


def chunks(values: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def insert_facts(
    conn: sqlite3.Connection,
    article_ids: Sequence[str],
    articles: Sequence[Article],
    facts: Sequence[ArticleFacts] | None,
    pages: dict[int, Page],
) -> None:
    """Paragraph provenance of every part and, when given, the facts of each (same order)."""
    rows = []
    for article_id, article in zip(article_ids, articles, strict=True):
        for n, (page_index, box) in enumerate(article.paragraph_sources):
            page = pages.get(page_index)
            rows.append(
                (
                    article_id,
                    n,
                    page_index,
                    page.meta.page_no if page else None,
                    box.x0,
                    box.top,
                    box.x1,
                    box.bottom,
                )
            )
    conn.executemany(
        "INSERT OR REPLACE INTO paragraph_sources (article, paragraph, page_index, page_no, "
        "x0, top, x1, bottom) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    if not facts:
        return
    insert_fact_rows(conn, list(zip(article_ids, facts, strict=True)))


def delete_fact_rows(conn: sqlite3.Connection, article_id: str) -> None:
    """Remove the entity mentions and figures of one stored part (its boxes stay)."""
    conn.execute("DELETE FROM entity_mentions WHERE article = ?", (article_id,))
    conn.execute("DELETE FROM figures WHERE article = ?", (article_id,))


def insert_fact_rows(
    conn: sqlite3.Connection, found_all: Sequence[tuple[str, ArticleFacts]]
) -> None:
    """The entity mentions and figures of each (part id, facts) pair."""
    # All articles of the file in one statement per table (fewer calls than one per article).
    conn.executemany(
        "INSERT INTO entity_mentions (article, label, text, canonical, kind, start, end, "
        "paragraph, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                str(m.label),
                m.text,
                m.canonical,
                m.kind,
                m.start,
                m.end,
                m.paragraph,
                _EXTRA_ENCODER.encode(m.extra),
            )
            for article_id, found in found_all
            for m in found.entities
        ],
    )
    conn.executemany(
        "INSERT INTO figures (article, type, text, value, value_max, qualifier, unit, "
        "measure, agency, period_text, period_start, period_end, start, end, paragraph, "
        "sentence, date, newspaper) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
        "?13, ?14, ?15, ?16, (SELECT date FROM articles WHERE id = ?1), "
        "(SELECT newspaper FROM articles WHERE id = ?1))",
        [
            (
                article_id,
                str(f.type),
                f.text,
                f.value,
                f.value_max if f.value_max is not None and math.isfinite(f.value_max) else None,
                f.qualifier,
                f.unit,
                f.measure or None,
                f.agency or None,
                f.period_text,
                # Stored only when it is a real date, so SQL and ES compare the same days.
                iso_date(f.period_start),
                iso_date(f.period_end),
                f.start,
                f.end,
                f.paragraph,
                f.sentence,
            )
            for article_id, found in found_all
            # A NaN/infinite value cannot be filtered or sorted; it is a parse failure.
            for f in found.figures
            if math.isfinite(f.value)
        ],
    )


def load_facts(
    conn: sqlite3.Connection, part_ids: Sequence[str]
) -> tuple[list[EntityMention], list[FigureRecord]]:
    """Every entity mention and figure of the given stored parts, in part order."""
    order = {pid: i for i, pid in enumerate(part_ids)}
    entities: list[tuple[int, int, EntityMention]] = []
    figures: list[tuple[int, int, FigureRecord]] = []
    for chunk in chunks(list(part_ids)):
        for row in conn.execute(
            "SELECT article, id, label, text, canonical, kind, start, end, paragraph, extra "
            f"FROM entity_mentions WHERE article IN ({marks(len(chunk))})",
            tuple(chunk),
        ):
            entities.append(
                (
                    order[row[0]],
                    row[1],
                    EntityMention(
                        label=EntityLabel(row[2]),
                        text=row[3],
                        canonical=row[4],
                        kind=row[5],
                        start=row[6],
                        end=row[7],
                        paragraph=row[8],
                        extra=json.loads(row[9]),
                    ),
                )
            )
        for row in conn.execute(
            "SELECT article, id, type, text, value, value_max, qualifier, unit, measure, agency, "
            "period_text, period_start, period_end, start, end, paragraph, sentence "
            f"FROM figures WHERE article IN ({marks(len(chunk))})",
            tuple(chunk),
        ):
            figures.append(
                (
                    order[row[0]],
                    row[1],
                    FigureRecord(
                        type=FigureType(row[2]),
                        text=row[3],
                        value=row[4],
                        value_max=row[5],
                        qualifier=row[6],
                        unit=row[7],
                        measure=row[8],
                        agency=row[9],
                        period_text=row[10],
                        period_start=row[11],
                        period_end=row[12],
                        start=row[13],
                        end=row[14],
                        paragraph=row[15],
                        sentence=row[16],
                    ),
                )
            )
    entities.sort(key=lambda t: (t[0], t[1]))
    figures.sort(key=lambda t: (t[0], t[1]))
    return [e for _, _, e in entities], [f for _, _, f in figures]
