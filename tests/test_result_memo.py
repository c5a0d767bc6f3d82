"""The per-process memo of search statement results (search/result_memo.py): its bounds and
generations, and that searches answered from it equal searches computed afresh."""

from __future__ import annotations

import pytest

from baoku.search import sqlite_backend
from baoku.search.query import SearchQuery
from baoku.search.result_memo import ResultMemo, Scope
from baoku.search.sqlite_backend import SqliteBackend
from baoku.search.store import Store
from tests.fixtures.search_corpus import all_documents, filler_pages

MEMO = sqlite_backend._MEMO


def test_memo_forgets_least_recently_used_within_its_budget() -> None:
    memo = ResultMemo(max_bytes=400)
    s = Scope("a.db", 1)
    for key in "abcd":
        memo.put(s, key, key.upper(), 100)
    assert memo.get(s, "a") == "A"  # now the most recently used
    memo.put(s, "e", "E", 100)
    assert memo.get(s, "b") is None and memo.get(s, "a") == "A"
    assert memo.bytes == 400 and len(memo) == 4
    memo.put(s, "huge", "H", 101)  # over a quarter of the budget: not kept
    assert memo.get(s, "huge") is None and len(memo) == 4
    stats = memo.stats()
    assert (stats["entries"], stats["bytes"], stats["max_bytes"]) == (4, 400, 400)
    assert stats["evictions"] == 1  # b, for e
    assert (stats["hits"], stats["misses"]) == (2, 2)


def test_a_new_generation_drops_the_archives_older_entries() -> None:
    memo = ResultMemo()
    old, other = Scope("a.db", 1), Scope("b.db", 1)
    memo.put(old, "k", 1, 10)
    memo.put(other, "k", 2, 10)
    memo.put(Scope("a.db", 7), "k", 3, 10)
    assert memo.get(old, "k") is None
    assert memo.get(Scope("a.db", 7), "k") == 3 and memo.get(other, "k") == 2
    assert memo.bytes == 20


QUERIES = [
    SearchQuery("工会", limit=3),
    SearchQuery("工会", limit=3, offset=3),
    SearchQuery("工会", limit=2, offset=9),
    SearchQuery("工会", limit=2, facets=("year", "newspaper", "place")),
    SearchQuery("工会", limit=5, newspapers=("工人日报",)),
    SearchQuery("工会", limit=5, newspapers=("工人日报",), offset=2),
    SearchQuery("工会 -简讯", limit=4),
    SearchQuery("欠薪 OR 医保", limit=1, offset=1, facets=("agency",)),
    SearchQuery("简讯", limit=3, sort="-date"),
    SearchQuery("会", limit=200),
]


@pytest.mark.parametrize("window", [2, 100])
def test_searches_from_the_memo_equal_fresh_searches(
    corpus_store: Store, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    # A shallow ranked window makes deeper pages recompute; a deep one holds every match.
    monkeypatch.setattr(sqlite_backend, "_RANK_WINDOW", window)
    b = SqliteBackend(corpus_store, rank_threads=1)
    fresh = []
    for q in QUERIES:
        MEMO.clear()
        fresh.append(b.search(q))
    MEMO.clear()
    hits = MEMO.hits
    # Each query twice, in an order where pages, facets and filters of the same words follow
    # each other, so later ones are cut from what earlier ones left.
    pairs = list(zip(QUERIES, fresh, strict=True))
    for q, want in pairs + pairs[::-1]:
        assert b.search(q) == want
    assert MEMO.hits > hits


def test_a_write_is_seen_by_the_next_search(corpus_store: Store) -> None:
    b = SqliteBackend(corpus_store)
    before = b.search(SearchQuery("技能比武", limit=50))
    corpus_store.save_document(filler_pages(14)[13])  # one more 工会简讯 with 技能比武
    after = b.search(SearchQuery("技能比武", limit=50))
    assert after.total == before.total + 1


def test_a_search_inside_the_callers_write_transaction_does_not_use_the_memo(
    corpus_store: Store,
) -> None:
    b = SqliteBackend(corpus_store)
    q = SearchQuery("工会", limit=5, facets=("year",))
    b.search(q)
    hits, entries = MEMO.hits, len(MEMO)
    with corpus_store.transaction():
        assert b.search(q).total > 0
        b.search(SearchQuery("职工书屋"))
    assert (MEMO.hits, len(MEMO)) == (hits, entries)
    b.search(q)
    assert MEMO.hits > hits


def test_an_in_memory_store_does_not_use_the_memo() -> None:
    MEMO.clear()
    with Store.open(":memory:") as s:
        for doc in all_documents():
            s.save_document(doc)
        b = SqliteBackend(s)
        for _ in range(2):
            b.search(SearchQuery("工会", limit=2))
    assert len(MEMO) == 0


def test_a_smaller_budget_drops_the_least_recently_used() -> None:
    memo = ResultMemo(max_bytes=400)
    s = Scope("a.db", 1)
    for key in "abcd":
        memo.put(s, key, key.upper(), 100)
    memo.resize(200)
    assert memo.bytes == 200 and memo.get(s, "a") is None and memo.get(s, "d") == "D"
