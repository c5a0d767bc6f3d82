"""Elasticsearch backend: typed error when the cluster is unreachable, request building, the
alias swap of a reindex, and incremental indexing as files are ingested (EsIndexer)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from baoku.search.es_backend import (
    EsBackend,
    EsError,
    EsIndexer,
    EsIndexMissingError,
    EsUnavailableError,
    build_request,
)
from baoku.search.es_mapping import to_source
from baoku.search.filters import resolve
from baoku.search.query import Backend, FigureFilter, SearchQuery
from baoku.search.reindex import iter_search_docs, reindex_to_es
from baoku.search.store import Store
from tests.fixtures.search_corpus import Headlines, drop_es, front_page, law_page, second_page

H = Headlines


def test_unreachable_cluster_is_a_typed_error_with_a_remedy() -> None:
    es = EsBackend("http://127.0.0.1:9", retries=1, backoff_s=0.01, request_timeout_s=1)
    assert isinstance(es, Backend)
    with pytest.raises(EsUnavailableError, match="BAOKU_ES_URL"):
        es.search(SearchQuery("欠薪"))


def test_bad_alias_is_refused() -> None:
    with pytest.raises(ValueError, match="lowercase"):
        EsBackend("http://127.0.0.1:9200", alias="Baoku Articles")


def test_figure_conditions_are_nested_in_one_query() -> None:
    q = SearchQuery(figure=FigureFilter(min_value=1e6, measure_contains="案*件"))
    body = build_request(resolve(q))
    nested = [f for f in body["query"]["bool"]["filter"] if "nested" in f]
    assert len(nested) == 1
    conds = nested[0]["nested"]["query"]["bool"]["filter"]
    assert {"range": {"figures.value": {"gte": 1e6}}} in conds
    # Wildcard characters typed by the user are escaped, not interpreted.
    assert {"wildcard": {"figures.measure": {"value": "*案\\*件*"}}} in conds


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "a.db") as s:
        yield s


@pytest.fixture
def es(es_url: str, store: Store) -> Iterator[EsBackend]:
    backend = EsBackend(es_url, alias=f"baoku-test-{uuid.uuid4().hex[:8]}", store=store)
    yield backend
    drop_es(backend)


@pytest.fixture
def scratch_index(es: EsBackend) -> Iterator[str]:
    """An index outside the alias, deleted afterwards (write block lifted first)."""
    index = es.create_index()
    yield index
    es.client.indices.put_settings(index=index, settings={"index": {"blocks.write": False}})
    es.client.indices.delete(index=index)


def _headlines(es: EsBackend, q: SearchQuery) -> set[str]:
    return {h.headline for h in es.search(q).hits}


@pytest.mark.es
def test_reindex_swaps_the_alias_and_drops_the_old_index(store: Store, es: EsBackend) -> None:
    store.save_document(front_page())
    first = reindex_to_es(store, es)
    assert es.alias_targets() == [first.index]
    store.save_document(law_page())
    second = reindex_to_es(store, es)
    assert es.alias_targets() == [second.index]
    assert second.removed_indices == (first.index,)
    assert es.count() == 4
    assert _headlines(es, SearchQuery("讨薪")) == {H.LEGAL_AID, H.PAY}


@pytest.mark.es
def test_bulk_loading_in_many_small_chunks_indexes_every_document(
    store: Store, es: EsBackend
) -> None:
    # Chunks are sent from a worker while the next is built: every one must arrive once.
    store.save_document(front_page())
    store.save_document(law_page())
    summary = reindex_to_es(store, es, chunk_size=1)
    assert summary.indexed == es.count() == 4
    assert _headlines(es, SearchQuery("讨薪")) == {H.LEGAL_AID, H.PAY}


@pytest.mark.es
def test_a_document_the_cluster_refuses_fails_the_load_and_keeps_the_old_index(
    store: Store, es: EsBackend, scratch_index: str
) -> None:
    store.save_document(front_page())
    first = reindex_to_es(store, es)
    blocked = scratch_index
    es.client.indices.put_settings(index=blocked, settings={"index": {"blocks.write": True}})
    with pytest.raises(EsError, match=f"indexing into {blocked} failed for a document"):
        es.bulk_index(iter_search_docs(store), index=blocked, chunk_size=1)
    assert es.alias_targets() == [first.index]
    assert es.count() == first.indexed > 0


@pytest.mark.es
def test_nothing_is_sent_after_a_chunk_fails(
    store: Store, es: EsBackend, scratch_index: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The second document carries a date the mapping rejects: the chunks queued behind it
    # must not be indexed, although the next one was built while it was being sent.
    from baoku.search import es_backend

    store.save_document(front_page())
    store.save_document(law_page())
    built = 0

    def second_is_bad(doc: Any) -> dict[str, Any]:
        nonlocal built
        built += 1
        source = to_source(doc)
        return {**source, "date": "not a date"} if built == 2 else source

    monkeypatch.setattr(es_backend, "to_source", second_is_bad)
    with pytest.raises(EsError, match="failed for a document"):
        es.bulk_index(iter_search_docs(store), index=scratch_index, chunk_size=1)
    es.refresh(scratch_index)
    assert built >= 3  # the third chunk existed when the second failed
    assert es.client.count(index=scratch_index)["count"] == 1


@pytest.mark.es
def test_indexer_follows_ingest_and_merges_continuations(store: Store, es: EsBackend) -> None:
    indexer = EsIndexer(es.url, alias=es.alias)
    store.save_document(second_page())
    indexer.index_documents(store, [second_page().document.source.sha256])
    assert _headlines(es, SearchQuery("调解成功率")) == {"处置欠薪更高效"}
    store.save_document(front_page())
    report = indexer.index_documents(store, [front_page().document.source.sha256])
    # The page-2 part is now inside the page-1 article: its own ES document is gone.
    assert report.deleted == 1
    assert _headlines(es, SearchQuery("调解成功率")) == {H.CONTINUED}
    assert _headlines(es, SearchQuery(figure=FigureFilter(type="percent"))) == {H.CONTINUED}
    assert es.count() == 3
    store.delete_document(front_page().document.source.sha256)
    indexer.index_documents(store, [front_page().document.source.sha256])
    assert _headlines(es, SearchQuery("调解成功率")) == {"处置欠薪更高效"}
    assert es.count() == 2


@pytest.mark.es
def test_a_missing_alias_is_an_error_that_says_to_reindex(es_url: str) -> None:
    es = EsBackend(es_url, alias=f"baoku-missing-{uuid.uuid4().hex[:8]}", retries=0)
    assert es.alias_targets() == []
    for call in (
        lambda: es.search(SearchQuery("欠薪")),
        lambda: es.search(SearchQuery(places=("上海",), facets=("year",))),
        es.count,
    ):
        with pytest.raises(EsIndexMissingError, match="baoku reindex --to es --alias") as info:
            call()
        assert isinstance(info.value, EsError)
        assert es.alias in str(info.value)
    # The indexer still starts from nothing: no alias is the normal state before a first load.
    assert list(es.scan({"match_all": {}}, [])) == []


@pytest.mark.es
def test_filter_names_are_resolved_against_the_store_given(store: Store, es: EsBackend) -> None:
    store.save_document(front_page())
    store.save_document(law_page())
    reindex_to_es(store, es)
    q = SearchQuery(agencies=("总工会",))
    # A server shares one backend between threads and hands it each thread's own reader.
    calls: list[int] = []

    def reader() -> Store:
        calls.append(1)
        return store

    shared = EsBackend(es.url, alias=es.alias, names_from=reader)
    assert _headlines(shared, q) == {H.CONTINUED, H.LEGAL_AID} and calls
    # Without any store a name must be the stored canonical one.
    assert _headlines(EsBackend(es.url, alias=es.alias), q) == set()
