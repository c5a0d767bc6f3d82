"""SQLite search index and backend: incremental and bulk indexing in the store's transactions,
replace and delete keeping FTS/facts in sync, migrations to the v3 index, listings, bad input,
and the query plans that must not change results (ranking slices, index walks, tie breaks)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from baoku.nlp.records import AnalyzedDocument, ArticleFacts
from baoku.search import sqlite_backend
from baoku.search.fact_listing import FigureQuery, FigureSort
from baoku.search.query import Backend, FigureFilter, SearchQuery, shown_score
from baoku.search.schema import MIGRATIONS
from baoku.search.sqlite_backend import SqliteBackend
from baoku.search.sqlite_index import fts_row_count
from baoku.search.store import InvalidRecordError, SaveOutcome, Store
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
    fts_rows = fts_row_count(store.connection)
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


@pytest.mark.parametrize("version", [1, 2])
def test_older_archive_gets_the_current_index_on_open(tmp_path: Path, version: int) -> None:
    # v1 had no search index; v2 had the unigram-only one (left empty here: v3 replaces it).
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        for statement in migration:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    # Records as a v1 baoku would have left them: copied from a current archive into the
    # v1 tables, with no search index at all.
    with Store.open(tmp_path / "new.db") as new:
        new.save_document(front_page().document)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("ATTACH ? AS src", (str(tmp_path / "new.db"),))
    for table in ("documents", "pages", "articles", "article_parts", "blocks"):
        # The old tables' columns only: later versions added some (articles.facts_context).
        columns = ", ".join(r[1] for r in conn.execute(f"PRAGMA main.table_info({table})"))
        conn.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM src.{table}")
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


@pytest.mark.parametrize("sort", ["-value", "value", "-date", "date"])
def test_figure_listing_totals_and_pages_agree_with_and_without_article_filters(
    store: Store, sort: FigureSort
) -> None:
    # The total skips the articles join when no condition reads them; the page is chosen
    # before its rows are looked up. Both must list what a full scan would.
    for doc in all_documents():
        store.save_document(doc)
    b = SqliteBackend(store)
    everything = b.list_figures(FigureQuery(sort=sort, limit=500))
    assert everything.total == len(everything.figures) == 7
    for size in (1, 3):
        pages = [
            f
            for offset in range(0, 7, size)
            for f in b.list_figures(FigureQuery(sort=sort, limit=size, offset=offset)).figures
        ]
        assert pages == everything.figures
    dated = [f for f in everything.figures if f.date and f.date >= "2024-06-01"]
    since = b.list_figures(FigureQuery(sort=sort, limit=500, date_from=date(2024, 6, 1)))
    assert since.total == len(dated) and since.figures == dated
    assert 0 < since.total < everything.total


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


RANKED_TEXTS = ("工会", "简讯", "会", "工 -简讯", "欠薪 OR 医保", "基层工会", "1")


@pytest.mark.parametrize("text", RANKED_TEXTS)
def test_relevance_pages_are_slices_of_one_order(store: Store, text: str) -> None:
    # The ranking pass sorts by (score, row id), a total order, so every page must be a
    # slice of the full order, wherever a page boundary falls inside a tie (hits show the
    # score rounded, so only its order is checked here).
    for doc in all_documents():
        store.save_document(doc)
    b = SqliteBackend(store, rank_threads=1)
    full = b.search(SearchQuery(text, limit=500)).hits
    assert [h.score for h in full] == sorted((h.score for h in full), reverse=True)
    for size in (1, 2, 3):
        paged = [
            h
            for offset in range(0, len(full), size)
            for h in b.search(SearchQuery(text, limit=size, offset=offset)).hits
        ]
        assert paged == full


@pytest.mark.parametrize("text", RANKED_TEXTS)
def test_parallel_ranking_equals_serial(
    store: Store, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    for doc in all_documents():
        store.save_document(doc)
    monkeypatch.setattr("baoku.search.sqlite_backend.PARALLEL_RANK_MIN", 0)
    serial = SqliteBackend(store, rank_threads=1)
    parallel = SqliteBackend(store, rank_threads=3)
    for limit, offset in ((500, 0), (3, 0), (2, 4)):
        q = SearchQuery(text, limit=limit, offset=offset)
        assert parallel.search(q) == serial.search(q)
    assert sqlite_backend._POOL is not None  # the other slices really ran in the pool


def test_parallel_slice_from_another_snapshot_is_recomputed(tmp_path: Path) -> None:
    from baoku.search.filters import resolve
    from baoku.search.sqlite_backend import _Plan

    path = tmp_path / "a.db"
    with Store.open(path) as store, Store.open(path) as writer:
        for doc in all_documents():
            store.save_document(doc)
        b = SqliteBackend(store, rank_threads=2)
        q = SearchQuery("工会", limit=500)
        expected = b.search(q)
        conn = store.connection
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT COUNT(*) FROM search_docs").fetchone()  # takes the snapshot
            plan = _Plan(conn, resolve(q))
            assert plan.match is not None
            # Another process deletes articles after this search's snapshot was taken: the
            # reader connections see the new state, this search must not.
            # (the last file saved, so its rows are in the reader's upper rowid slice).
            last = all_documents()[-1]
            source = last.document.source if isinstance(last, AnalyzedDocument) else last.source
            writer.delete_document(source.sha256)
            ranked, _ = b._ranked_page(plan, q, threads=2)
        finally:
            conn.execute("COMMIT")
        assert [shown_score(score) for _, score in ranked] == [h.score for h in expected.hits]
        assert b.search(q).total < expected.total


FILTER_ONLY: list[dict[str, Any]] = [
    {"places": ("上海",)},
    {"places": ("上海",), "sort": "date"},
    {"figure": FigureFilter()},
    {"figure": FigureFilter(), "agencies": ("杭州市总工会",), "limit": 1},
    {"persons": ("张三", "李明"), "sort": "-date", "offset": 1},
    {"page_nos": (1, 2), "date_from": date(2024, 1, 1), "limit": 2},
]


@pytest.mark.parametrize("query", FILTER_ONLY)
def test_filter_only_page_is_the_same_walked_or_sorted(
    store: Store, monkeypatch: pytest.MonkeyPatch, query: dict[str, Any]
) -> None:
    # A filter-only page either walks a date index probing the filter sets, or collects the
    # matches and sorts them; which one is a cost estimate, never a difference in hits.
    for doc in all_documents():
        store.save_document(doc)
    b = SqliteBackend(store)
    q = SearchQuery(facets=("year", "place"), **query)
    monkeypatch.setattr(sqlite_backend, "_WALK_BUDGET", 10**9)
    walked = b.search(q)
    monkeypatch.setattr(sqlite_backend, "_WALK_BUDGET", 0)
    assert b.search(q) == walked
    assert walked.total > 0


def test_save_documents_in_batches_equals_one_by_one(tmp_path: Path) -> None:
    queries = [SearchQuery("工会", limit=500), SearchQuery("调解成功率"), SearchQuery("欠")]
    with Store.open(tmp_path / "one.db") as one, Store.open(tmp_path / "bulk.db") as bulk:
        singly = [one.save_document(doc) for doc in all_documents()]
        # batch_size 2 puts the continuation's two pages in different transactions.
        assert bulk.save_documents(all_documents(), batch_size=2) == singly
        bulk.optimize_search_index()
        for q in queries:
            assert SqliteBackend(bulk).search(q) == SqliteBackend(one).search(q)
        assert bulk.save_documents(all_documents()) == [SaveOutcome.SKIPPED_DUPLICATE] * len(singly)


def _index_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """The search index by head id (row ids differ between builds), in a stable order."""
    conn = store.connection
    head = "(SELECT head FROM search_docs WHERE id = {})"
    queries = {
        "docs": "SELECT head, type, newspaper, date, year, page_no, page_name FROM search_docs",
        "text": f"SELECT {head.format('t.id')}, t.pages, t.headline, t.kicker, t.subheadline, "
        "t.lead, t.body FROM search_text t",
        "members": f"SELECT article, {head.format('doc')} FROM search_members",
        "keys": f"SELECT field, value, {head.format('doc')} FROM search_keys",
        "figures": f"SELECT {head.format('doc')}, type, value, measure, agency, period_start, "
        "period_end FROM search_figures",
    }
    return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in queries.items()}


def _scored(store: Store) -> list[tuple[float, str]]:
    """Every 工会 hit as (-score, head), checked to come in score order. Ties go by row id,
    which a rebuild reassigns, so tied hits may change places: compared as a sorted list."""
    hits = SqliteBackend(store).search(SearchQuery("工会", limit=500)).hits
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    return sorted((-h.score, h.id) for h in hits)


def test_index_built_on_save_equals_a_rebuild_from_stored_rows(store: Store) -> None:
    # Saving indexes with the facts in hand (not read back); a rebuild reads them from the
    # store. Both must give the same rows and the same scores.
    store.save_documents(all_documents(), batch_size=2)
    saved = _index_rows(store)
    ranked = _scored(store)
    store.rebuild_search_index()
    assert _index_rows(store) == saved
    assert _scored(store) == ranked
    assert saved["keys"] and saved["figures"]


def test_rebuild_writes_in_chunks_with_progress(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Full-text rows go out every REBUILD_CHUNK articles (memory stays flat on a large
    # archive); the index is the same as one written at once, and progress is reported.
    store.save_documents(all_documents())
    saved = _index_rows(store)
    ranked = _scored(store)
    monkeypatch.setattr("baoku.search.store.REBUILD_CHUNK", 2)
    seen: list[int] = []
    n = store.rebuild_search_index(on_progress=seen.append)
    assert n == store.whole_article_count() > 4
    assert seen[:-1] == list(range(2, n + 1, 2)) and seen[-1] == n
    assert _index_rows(store) == saved
    assert _scored(store) == ranked


def test_save_documents_failure_keeps_earlier_files_and_drops_the_bad_one(store: Store) -> None:
    docs = all_documents()
    bad = front_page()
    bad = AnalyzedDocument(bad.document, bad.facts[:1])  # facts do not match the articles
    with pytest.raises(InvalidRecordError):
        store.save_documents([*docs[1:3], bad, docs[3]], batch_size=10)
    b = SqliteBackend(store)
    assert b.count() == 0  # refused before any write: the batch had not been flushed yet

    class Boom(Exception):
        pass

    def failing() -> Iterator[Any]:
        yield from docs[1:3]
        raise Boom

    with pytest.raises(Boom):
        store.save_documents(failing(), batch_size=1)
    saved = b.count()
    assert saved > 0  # the files before the failure are committed
    fts_rows = fts_row_count(store.connection)
    assert fts_rows == saved


def test_error_inside_a_batch_rolls_back_only_that_file(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = all_documents()
    real = store._save
    calls = 0

    def flaky(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        outcome = real(*args, **kwargs)  # its writes happen, then it fails
        if calls == 3:
            raise RuntimeError("disk on fire")
        return outcome

    monkeypatch.setattr(store, "_save", flaky)
    with pytest.raises(RuntimeError):
        store.save_documents(docs, batch_size=10)
    b = SqliteBackend(store)
    documents = store.connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert documents == 2  # the third file's writes were rolled back to its savepoint
    fts_rows = fts_row_count(store.connection)
    assert fts_rows == b.count() > 0
    assert headlines(b, text="讨薪") == set()  # the law page (third file) left no index rows
