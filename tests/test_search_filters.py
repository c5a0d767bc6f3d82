"""search.filters: agency and initiative names resolved against the store of record (exact
canonical, printed aliases, else every stored name containing the typed one), the bound on
that expansion, the per-generation cache, and the figure listing's agency."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from baoku.search import filters
from baoku.search.es_backend import build_request
from baoku.search.fact_listing import FigureQuery
from baoku.search.filters import FilterTooBroadError, KeyMatch, name_values, resolve
from baoku.search.query import FigureFilter, SearchQuery
from baoku.search.sqlite_backend import SqliteBackend
from baoku.search.store import Store
from baoku.search.syntax import QuerySyntaxError
from tests.fixtures.search_corpus import (
    SERVICE_STATION,
    all_documents,
    front_page,
    law_page,
    other_paper,
)

PUTUO = "上海市普陀区总工会"
FENGXIAN = "上海市奉贤区总工会"
HANGZHOU = "杭州市总工会"
COURT = "上海市奉贤区人民法院"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "a.db") as s:
        for doc in all_documents():
            s.save_document(doc)
        yield s


def test_exact_canonical_stays_exact(store: Store) -> None:
    assert name_values(store.connection, "agency", HANGZHOU) == (HANGZHOU,)


def test_printed_text_is_an_alias_of_its_canonicals(store: Store) -> None:
    assert name_values(store.connection, "agency", "区法院") == (COURT,)
    assert name_values(store.connection, "initiative", "法律服务站") == (SERVICE_STATION,)


def test_a_body_word_stands_for_every_name_containing_it(store: Store) -> None:
    assert set(name_values(store.connection, "agency", "总工会")) == {PUTUO, FENGXIAN, HANGZHOU}
    assert name_values(store.connection, "agency", "法院") == (COURT,)
    assert name_values(store.connection, "initiative", "清凉") == ("夏送清凉",)


def test_unknown_name_is_kept_and_matches_nothing(store: Store) -> None:
    assert name_values(store.connection, "agency", "不存在的机关") == ("不存在的机关",)
    assert SqliteBackend(store).search(SearchQuery(agencies=("不存在的机关",))).total == 0


def test_too_broad_a_name_is_refused_with_advice(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filters, "MAX_FILTER_VALUES", 2)
    with pytest.raises(FilterTooBroadError, match="type more of the name") as info:
        SqliteBackend(store).search(SearchQuery(agencies=("总工会",)))
    assert isinstance(info.value, QuerySyntaxError)  # the API's 400, the CLI's usage error
    assert "3 stored names" in str(info.value)
    # Exact and alias names are never cut.
    assert SqliteBackend(store).search(SearchQuery(agencies=(HANGZHOU,))).total == 1


def test_names_follow_the_archive(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as s:
        s.save_document(front_page())
        assert name_values(s.connection, "agency", "总工会") == (FENGXIAN,)
        s.save_document(law_page())
        s.save_document(other_paper())
        # A save bumps the index generation: the cached names are read again.
        assert set(name_values(s.connection, "agency", "总工会")) == {FENGXIAN, HANGZHOU, PUTUO}
        s.delete_document(front_page().document.source.sha256)
        assert set(name_values(s.connection, "agency", "总工会")) == {HANGZHOU, PUTUO}
        assert name_values(s.connection, "agency", "区法院") == ("区人民法院",)


def test_resolution_is_one_exact_set_for_both_backends(store: Store) -> None:
    rq = resolve(
        SearchQuery(agencies=("总工会", "区法院"), initiatives=("服务站",)), store.connection
    )
    agency, initiative = rq.keys
    assert agency.field == "agency" and not agency.contains
    assert sorted(agency.exact) == sorted({PUTUO, FENGXIAN, HANGZHOU, COURT})
    assert initiative == KeyMatch("initiative", (SERVICE_STATION,))
    # Elasticsearch gets the same values as terms, no wildcard of its own.
    body = build_request(rq)
    assert {"terms": {"agencies": list(agency.exact)}} in [
        s for f in body["query"]["bool"]["filter"] for s in f.get("bool", {}).get("should", [])
    ]


def test_without_a_store_a_name_must_be_canonical() -> None:
    rq = resolve(SearchQuery(agencies=(HANGZHOU,), figure=FigureFilter(agency=HANGZHOU)))
    assert rq.keys == (KeyMatch("agency", (HANGZHOU,)),)
    assert rq.figure_agencies == (HANGZHOU,)


def test_figure_filter_and_listing_resolve_the_agency(store: Store) -> None:
    b = SqliteBackend(store)
    listed = b.list_figures(FigureQuery(figure=FigureFilter(agency="奉贤区总工会")))
    assert listed.total > 0 and {f.agency for f in listed.figures} == {FENGXIAN}
    everyone = b.list_figures(FigureQuery(figure=FigureFilter(agency="总工会")))
    assert {f.agency for f in everyone.figures} == {FENGXIAN, PUTUO, HANGZHOU}
    assert b.list_figures(FigureQuery(figure=FigureFilter(agency="不存在的机关"))).total == 0
