"""Tests for search.es_compile: the DSL shape, and the same ids as FTS5 on a real ES server."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from elasticsearch import Elasticsearch

# The contract corpus and its expected ids live beside the FTS5 tests so both backends are held
# to one table (pytest puts tests/ on sys.path: the directory has no __init__.py).
from test_fts_compile import CASES, DOCS

from baoku.search.cjk import BIGRAM_JOINER, index_form
from baoku.search.es_compile import compile_es
from baoku.search.fts_compile import compile_match
from baoku.search.syntax import Not, Term, parse

FIELDS = ("headline", "text")


def test_term_is_match_phrase_of_index_tokens() -> None:
    node = parse("欠薪")
    assert node is not None
    assert compile_es(node, ["text"]) == {"match_phrase": {"text": {"query": "欠 薪"}}}
    assert compile_es(node, ["headline^2", "text"]) == {
        "multi_match": {"query": "欠 薪", "type": "phrase", "fields": ["headline^2", "text"]}
    }
    # A boost suffix needs multi_match even for one field.
    assert "multi_match" in compile_es(node, ["headline^2"])


def test_bigram_fields_take_phrases_of_two_or_more_tokens() -> None:
    j = BIGRAM_JOINER
    node = parse("欠薪 欠 农民工")
    assert node is not None
    assert compile_es(node, ["text"], ["text_bi"]) == {
        "bool": {
            "must": [
                {"match_phrase": {"text_bi": {"query": f"欠{j}薪"}}},
                {"match_phrase": {"text": {"query": "欠"}}},
                {"match_phrase": {"text_bi": {"query": f"农{j}民 民{j}工"}}},
            ]
        }
    }
    with pytest.raises(ValueError):
        compile_es(node, ["text"], [""])


def test_and_or_not_shapes() -> None:
    node = parse("工会 -欠薪 a OR b")
    assert node is not None
    assert compile_es(node, ["text"]) == {
        "bool": {
            "must": [
                {"match_phrase": {"text": {"query": "工 会"}}},
                {
                    "bool": {
                        "should": [
                            {"match_phrase": {"text": {"query": "a"}}},
                            {"match_phrase": {"text": {"query": "b"}}},
                        ],
                        "minimum_should_match": 1,
                    }
                },
            ],
            "must_not": [{"match_phrase": {"text": {"query": "欠 薪"}}}],
        }
    }
    assert compile_es(Not(Term("a", ("a",))), ["text"]) == {
        "bool": {"must_not": [{"match_phrase": {"text": {"query": "a"}}}]}
    }


def test_user_operators_stay_inside_query_strings() -> None:
    node = parse('text:欠薪 OR "a" AND *')
    assert node is not None
    dsl = compile_es(node, ["text"])
    assert "query_string" not in str(dsl) and "simple_query_string" not in str(dsl)


def test_fields_are_required() -> None:
    with pytest.raises(ValueError):
        compile_es(Term("a", ("a",)), [])


def _fts_ids() -> dict[str, set[int]]:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(headline, text, "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    db.executemany(
        "INSERT INTO fts (rowid, headline, text) VALUES (?, ?, ?)",
        [(i, index_form(h), index_form(t)) for i, (h, t) in DOCS.items()],
    )
    out: dict[str, set[int]] = {}
    for query, _ in CASES:
        node = parse(query)
        assert node is not None
        rows = db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (compile_match(node),))
        out[query] = {r[0] for r in rows}
    return out


@pytest.mark.es
@pytest.mark.parametrize("analyzer", ["whitespace", "standard"])
def test_same_ids_as_fts5_on_real_elasticsearch(
    es_client: Elasticsearch, es_index: str, analyzer: str
) -> None:
    field: dict[str, Any] = {"type": "text", "analyzer": analyzer}
    es_client.indices.create(
        index=es_index,
        mappings={"properties": {"headline": field, "text": field}},
        settings={"number_of_shards": 1, "number_of_replicas": 0},
    )
    for doc_id, (headline, text) in DOCS.items():
        es_client.index(
            index=es_index,
            id=str(doc_id),
            document={"headline": index_form(headline), "text": index_form(text)},
        )
    es_client.indices.refresh(index=es_index)

    fts = _fts_ids()
    mismatches = []
    for query, expected in CASES:
        node = parse(query)
        assert node is not None
        response = es_client.search(
            index=es_index, query=compile_es(node, FIELDS), size=100, source=False
        )
        got = {int(h["_id"]) for h in response["hits"]["hits"]}
        if not (got == fts[query] == expected):
            mismatches.append((query, expected, fts[query], got))
    assert mismatches == []
