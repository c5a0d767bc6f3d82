"""Unfiltered searches ranked from per-phrase score arrays (search/phrase_scores.py) equal the
SQL ranking exactly: the same matches, totals, order and scores."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from baoku.search import phrase_scores, sqlite_backend
from baoku.search.fts_compile import compile_match
from baoku.search.query import SearchQuery
from baoku.search.sqlite_backend import _BM25, SqliteBackend
from baoku.search.store import Store
from baoku.search.syntax import parse

MEMO = sqlite_backend._MEMO

TEXTS = [
    "工会",
    "会",
    "职工",
    "工会 职工",
    "工会 职工 服务",
    "欠薪 OR 医保",
    "工会 -简讯",
    "工会 OR 法院 -简讯",
    '"劳动争议"',
    "农民工 工资",
    "职工 (工会 OR 法院)",
    "工会 工会",
    "技能比武 OR 职工书屋 OR 会",
    "没有这个词",
]


def _search(b: SqliteBackend, q: SearchQuery, *, arrays: bool, mp: pytest.MonkeyPatch) -> object:
    mp.setattr(sqlite_backend, "PHRASE_ARRAY_USES", 1 if arrays else 10**9)
    MEMO.clear()
    return b.search(q)


@pytest.mark.parametrize("text", TEXTS)
def test_phrase_arrays_rank_exactly_as_sql(
    corpus_store: Store, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    b = SqliteBackend(corpus_store, rank_threads=1)
    read: list[int] = []
    real = phrase_scores.read_phrase
    monkeypatch.setattr(sqlite_backend, "read_phrase", lambda rows: read.append(1) or real(rows))
    for limit, offset, sort in ((3, 0, "relevance"), (5, 2, "relevance"), (200, 0, "relevance"),
                                (3, 0, "-date"), (4, 3, "date"), (200, 0, "date")):  # fmt: skip
        q = SearchQuery(text, limit=limit, offset=offset, sort=sort)  # type: ignore[arg-type]
        want = _search(b, q, arrays=False, mp=monkeypatch)
        got = _search(b, q, arrays=True, mp=monkeypatch)
        assert got == want
    assert read  # the arrays were used


FILTERED = [
    {"newspapers": ("工人日报",)},
    {"places": ("上海",)},
    {"date_from": date(2024, 3, 1), "date_to": date(2024, 3, 31)},
    {"types": ("article", "photo")},
    {"agencies": ("法院",)},
    {"newspapers": ("工人日报",), "facets": ("year", "place")},
]


@pytest.mark.parametrize("filters", FILTERED)
@pytest.mark.parametrize("text", ["工会", "工会 职工", "欠薪 OR 医保", "工会 -简讯"])
def test_filtered_searches_from_phrase_arrays_equal_sql(
    corpus_store: Store, monkeypatch: pytest.MonkeyPatch, text: str, filters: dict[str, object]
) -> None:
    b = SqliteBackend(corpus_store, rank_threads=1)
    for limit, offset, sort in ((3, 0, "relevance"), (50, 1, "relevance"), (3, 1, "-date")):
        q = SearchQuery(text, limit=limit, offset=offset, sort=sort, **filters)  # type: ignore[arg-type]
        want = _search(b, q, arrays=False, mp=monkeypatch)
        got = _search(b, q, arrays=True, mp=monkeypatch)
        assert got == want


def test_a_phrase_is_read_only_when_met_again(
    corpus_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[int] = []
    real = phrase_scores.read_phrase
    monkeypatch.setattr(sqlite_backend, "read_phrase", lambda rows: read.append(1) or real(rows))
    monkeypatch.setattr(sqlite_backend, "PHRASE_ARRAY_USES", 2)
    b = SqliteBackend(corpus_store, rank_threads=1)
    MEMO.clear()
    b.search(SearchQuery("工会", limit=2))
    assert not read
    b.search(SearchQuery("工会 职工", limit=2))  # 工会 met again, 职工 for the first time
    assert len(read) == 1


def test_fts5_bm25_of_a_query_is_the_sum_of_its_phrases_scores(corpus_store: Store) -> None:
    """The property the arrays rest on, checked on every row of real FTS5 output."""
    conn = sqlite3.connect(f"file:{corpus_store.path}?mode=ro", uri=True)
    try:

        def scores(text: str) -> dict[int, float]:
            match = compile_match(parse(text), bigrams=True)
            sql = f"SELECT rowid, -{_BM25} FROM search_fts WHERE search_fts MATCH ?"
            return dict(conn.execute(sql, (match,)).fetchall())

        a, b, both = scores("工会"), scores("职工"), scores("工会 职工")
        assert both and all(s == a[row] + b[row] for row, s in both.items())
        either = scores("工会 OR 职工")
        assert all(s == a.get(row, 0.0) + b.get(row, 0.0) for row, s in either.items())
    finally:
        conn.close()
