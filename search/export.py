"""Article export from the store of record (search stage): JSON lines or CSV, streamed.

One record per whole article (continuations merged), in the shape of
``ArticleRecord.to_json_dict`` plus the article's ``entities`` and ``figures`` (the NLP stage's
records). Facts are stored per part, so each carries ``part`` (an index into ``part_ids``) and
offsets into that part's text. CSV keeps the same columns; lists and objects become JSON text
in their cell so nothing is flattened away.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any, Literal, TextIO

from baoku.ingest.records import ArticleType
from baoku.search.facts_store import load_facts
from baoku.search.records import EXPORT_FIELDS, ArticleRecord
from baoku.search.store import Store

ExportFormat = Literal["jsonl", "csv"]

DEFAULT_TYPES: tuple[ArticleType, ...] = (ArticleType.ARTICLE, ArticleType.PHOTO)

_BOM = "\ufeff"


def export_articles(
    store: Store,
    out: TextIO,
    fmt: ExportFormat,
    types: Iterable[ArticleType | str] = DEFAULT_TYPES,
    *,
    bom: bool = False,
    facts: bool = True,
) -> int:
    """Write every article of ``types`` to ``out``; returns how many were written.

    ``out`` should be opened with ``encoding="utf-8", newline=""`` (csv writes its own
    ``\\r\\n``). ``bom=True`` starts the output with a UTF-8 byte-order mark so Excel reads
    the Chinese text correctly; leave it off for programs.
    """
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"unknown export format {fmt!r}; use 'jsonl' or 'csv'")
    if bom:
        out.write(_BOM)
    records = store.iter_articles(types)
    n = 0
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(_row(store, record, facts), ensure_ascii=False))
            out.write("\n")
            n += 1
        return n
    fields = [*EXPORT_FIELDS, *(("entities", "figures") if facts else ())]
    writer = csv.DictWriter(
        out, fieldnames=fields, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"
    )
    writer.writeheader()
    for record in records:
        writer.writerow(_csv_row(_row(store, record, facts)))
        n += 1
    return n


def _row(store: Store, record: ArticleRecord, facts: bool) -> dict[str, Any]:
    row = record.to_json_dict()
    if not facts:
        return row
    entities: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    for part, part_id in enumerate(record.part_ids or [record.id]):
        found_entities, found_figures = load_facts(store.connection, [part_id])
        entities += [{**asdict(e), "part": part} for e in found_entities]
        figures += [{**asdict(f), "part": part} for f in found_figures]
    row["entities"] = entities
    row["figures"] = figures
    return row


def _csv_row(row: dict[str, object]) -> dict[str, object]:
    # None becomes an empty cell; nested values become JSON so a reader can parse them back.
    out: dict[str, object] = {}
    for key, value in row.items():
        if value is None:
            out[key] = ""
        elif isinstance(value, dict | list):
            out[key] = json.dumps(value, ensure_ascii=False)
        else:
            out[key] = value
    return out
