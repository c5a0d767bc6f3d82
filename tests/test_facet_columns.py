"""In-memory facet columns: counts equal a plain tally, a search counts the same from the
columns as in SQL, and columns of another snapshot are never used."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoku.search import sqlite_backend
from baoku.search.facet_columns import build_facet_columns, column_from_pairs
from baoku.search.query import FigureFilter, SearchQuery
from baoku.search.sqlite_backend import SqliteBackend
from baoku.search.sqlite_index import generation
from baoku.search.store import Store
from tests.fixtures.search_corpus import all_documents, front_page, law_page

FACETS = ("year", "newspaper", "page_name", "place", "agency", "figure_type", "initiative")

pairs_and_rows = st.integers(1, 40).flatmap(
    lambda size: st.tuples(
        st.just(size),
        st.lists(st.tuples(st.integers(0, size - 1), st.sampled_from("abcdef"))),
        st.lists(st.integers(0, size - 1), unique=True),
    )
)


@given(pairs_and_rows)
def test_column_counts_equal_a_tally_of_the_rows_values(case: Any) -> None:
    size, pairs, rows = case
    column = column_from_pairs(pairs, size)
    expected = Counter(v for r, v in set(pairs) if r in set(rows))
    assert dict(column.counts(np.asarray(rows, dtype=np.int64))) == expected


QUERIES: list[dict[str, Any]] = [
    {},
    {"text": "工会"},
    {"text": "会"},
    {"text": "欠薪 OR 医保"},
    {"text": "工会 -简讯"},
    {"places": ("上海",)},
    {"date_from": date(2024, 1, 1), "date_to": date(2024, 12, 31)},
    {"figure": FigureFilter(min_value=1000)},
    {"text": "不存在的词"},
]


def _searches(b: SqliteBackend) -> list[Any]:
    return [b.search(SearchQuery(facets=FACETS, limit=50, **q)) for q in QUERIES]


def _columns_ready(store: Store) -> bool:
    cache = sqlite_backend._FACET_COLUMNS
    return cache.get(store.path, generation(store.connection)) is not None


def test_facets_from_columns_equal_facets_counted_in_sql(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        for doc in all_documents():
            store.save_document(doc)
        b = SqliteBackend(store)
        assert not _columns_ready(store)
        in_sql = _searches(b)
        assert b.warm_facets(wait=True)
        assert _columns_ready(store)
        assert _searches(b) == in_sql
        assert any(r.facets["agency"] for r in in_sql)


def test_columns_of_an_older_snapshot_are_not_used(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        store.save_document(front_page())
        b = SqliteBackend(store)
        b.warm_facets(wait=True)
        before = b.search(SearchQuery(facets=FACETS))
        store.save_document(law_page())  # a write: the index generation moves on
        assert not _columns_ready(store)
        after = b.search(SearchQuery(facets=FACETS))
        assert after.total > before.total
        assert after.facets != before.facets
        b.warm_facets(wait=True)
        assert _columns_ready(store)
        assert b.search(SearchQuery(facets=FACETS)) == after


def test_a_facet_search_with_many_matches_builds_the_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_backend, "FACET_COLUMNS_MIN_MATCHES", 1)
    with Store.open(tmp_path / "a.db") as store:
        store.save_document(front_page())
        SqliteBackend(store).search(SearchQuery("工会", facets=("place",)))
        sqlite_backend._FACET_COLUMNS.wait()
        assert _columns_ready(store)


def test_an_in_memory_store_counts_in_sql() -> None:
    with Store.open(":memory:") as store:
        store.save_document(front_page())
        b = SqliteBackend(store)
        assert not b.warm_facets(wait=True)
        assert b.search(SearchQuery(facets=("place",))).facets["place"]


def test_columns_that_do_not_cover_the_matches_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Columns that claim the search's generation but lack some of its rows (an archive
    # swapped under a running server, a damaged index) must not fail or skew the counts.
    with Store.open(tmp_path / "a.db") as store:
        store.save_document(front_page())
        small = build_facet_columns(
            store.connection, sqlite_backend._COLUMN_FACETS, sqlite_backend._KEY_FACETS
        )
        store.save_document(law_page())
        b = SqliteBackend(store)
        q = SearchQuery(facets=FACETS)
        in_sql = b.search(q)
        monkeypatch.setattr(sqlite_backend._FACET_COLUMNS, "get", lambda *_: small)
        assert b.search(q) == in_sql
        assert not small.covers(np.arange(in_sql.total + 10, dtype=np.int64))
        assert small.covers(np.empty(0, dtype=np.int64))
