"""SQLite search index and backend: incremental indexing in the store's transactions, replace
and delete keeping FTS/facts in sync, the v1 → v2 migration, listings, and bad input."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from baoku.nlp.records import AnalyzedDocument, ArticleFacts
from baoku.search.fact_listing import FigureQuery
from baoku.search.query import Backend, FigureFilter, SearchQuery
from baoku.search.schema import MIGRATIONS
from baoku.search.sqlite_backend import SqliteBackend
from baoku.search.store import InvalidRecordError, Store
from tests.fixtures.search_corpus import Headlines, all_documents, front_page, second_page

H = Headlines


def headlines(b: SqliteBackend, **kw: Any) -> set[str]:
    return {h.headline for h in b.search(SearchQuery(limit=500, **kw)).hits}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "a.db") as s:
        yield s


def test_backend_protocol(store: Store) -> None:
    assert isinstance(SqliteBackend(store), Backend)


def test_plain_ingested_document_is_indexed(store: Store) -> None:
    store.save_document(front_page().document)
    b = SqliteBackend(store)
    assert headlines(b, text="欠薪") == {H.CONTINUED}
    assert b.search(SearchQuery(places=("上海",))).total == 0  # no facts without NLP


def test_continuation_saved_later_merges_into_one_hit(store: Store) -> None:
    b = SqliteBackend(store)
    store.save_document(second_page())
    assert headlines(b, text="调解成功率") == {"处置欠薪更高效"}  # unlinked part on its own
    store.save_document(front_page())
    result = b.search(SearchQuery("调解成功率"))
    assert [h.headline for h in result.hits] == [H.CONTINUED]
    assert b.count() == 3


def test_replace_swaps_text_and_facts(store: Store) -> None:
    b = SqliteBackend(store)
    store.save_document(front_page())
    store.save_document(second_page())
    changed = front_page()
    changed.document.articles[0].paragraphs[1] = "今年以来共追讨工资1850万余元"
    changed.facts[0] = ArticleFacts()
    store.save_document(changed, replace=True)
    assert headlines(b, text="追讨工资") == {H.CONTINUED}
    assert headlines(b, text="追讨欠薪") == set()
    assert headlines(b, places=("上海",)) == set()
    # The continuation on page 2 is still merged and keeps its own facts.
    assert headlines(b, figure=FigureFilter(type="percent")) == {H.CONTINUED}
    fts_rows = store.connection.execute("SELECT COUNT(*) FROM search_fts").fetchone()[0]
    assert fts_rows == b.count() == 3


def test_delete_document_removes_hits_and_facts(store: Store) -> None:
    b = SqliteBackend(store)
    for doc in (front_page(), second_page()):
        store.save_document(doc)
    assert store.delete_document(front_page().document.source.sha256)
    assert headlines(b, text="奉贤") == set()
    assert headlines(b, text="调解成功率") == {"处置欠薪更高效"}  # the orphaned part remains
    assert b.list_entities(label="PLACE")[0].canonical == "北京市"
    assert not store.delete_document("0" * 64)


def test_facts_must_match_articles(store: Store) -> None:
    doc = front_page()
    with pytest.raises(InvalidRecordError, match="facts"):
        store.save_document(AnalyzedDocument(doc.document, doc.facts[:1]))
    assert SqliteBackend(store).count() == 0  # nothing half-written


def test_v1_archive_gets_its_index_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    # Records as a v1 baoku would have left them: copied from a current archive into the
    # v1 tables, with no search index at all.
    with Store.open(tmp_path / "new.db") as new:
        new.save_document(front_page().document)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("ATTACH ? AS src", (str(tmp_path / "new.db"),))
    for table in ("documents", "pages", "articles", "article_parts", "blocks"):
        conn.execute(f"INSERT INTO {table} SELECT * FROM src.{table}")
    conn.execute("DETACH src")
    conn.close()
    with Store.open(path) as store:
        assert headlines(SqliteBackend(store), text="欠薪") == {H.CONTINUED}


def test_list_figures_sorted_with_provenance(store: Store) -> None:
    for doc in all_documents():
        store.save_document(doc)
    b = SqliteBackend(store)
    page = b.list_figures(FigureQuery(figure=FigureFilter(type="money"), sort="-value"))
    assert page.total == 2
    assert [f.text for f in page.figures] == ["2000万元", "1850万余元"]
    first = page.figures[1]
    assert first.headline == H.CONTINUED and first.page == 1 and first.bbox is not None
    assert "1850万余元" in first.sentence and first.paragraph == 1
    # The percent figure sits in the continuation but is reported under the whole article.
    pct = b.list_figures(FigureQuery(figure=FigureFilter(type="percent"))).figures[0]
    assert pct.page == 2 and pct.article_id != pct.part_id
    paged = b.list_figures(FigureQuery(sort="value", limit=2, offset=2))
    assert paged.total == 7 and [f.value for f in paged.figures] == [1200, 3000]


def test_list_entities_counts_and_aliases(store: Store) -> None:
    for doc in all_documents():
        store.save_document(doc)
    b = SqliteBackend(store)
    courts = b.list_entities(label="agency", kind="court")
    assert [(e.canonical, e.mentions, e.articles, e.aliases) for e in courts] == [
        ("上海市奉贤区人民法院", 1, 1, ("区法院",))
    ]
    with pytest.raises(ValueError, match="unknown entity label"):
        b.list_entities(label="THING")


@pytest.mark.parametrize(
    "text", ['"', "NEAR(a b)", "headline:欠薪", "a' OR '1'='1", "*", "欠薪)) OR ((", "^工会"]
)
def test_hostile_text_is_searched_as_text(store: Store, text: str) -> None:
    store.save_document(front_page())
    SqliteBackend(store).search(SearchQuery(text))  # no exception: user text is only data


def test_measure_text_is_a_parameter(store: Store) -> None:
    store.save_document(front_page())
    f = FigureFilter(measure_contains="') OR 1=1 --")
    assert SqliteBackend(store).search(SearchQuery(figure=f)).total == 0
