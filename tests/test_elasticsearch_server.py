"""The real Elasticsearch node that the search stage relies on handles Chinese phrase search.

Checks the premise of baoku.search: with the built-in `standard` analyzer, which splits CJK text
into one token per character, `match_phrase` on a two-character word finds only documents where
the characters are adjacent and in order.
"""

from __future__ import annotations

import pytest
from elasticsearch import Elasticsearch
from elasticsearch.helpers import bulk

pytestmark = pytest.mark.es

DOCS: dict[str, str] = {
    "contiguous-1": "市总工会帮助农民工追回欠薪三十万元",
    "contiguous-2": "根治欠薪专项行动在全省启动",
    # Both characters, but apart: a plain match would find these, a phrase must not.
    "apart-1": "企业欠下职工半年工资，迟迟不发薪水",
    "apart-2": "他欠了房租，月薪却被拖延发放",
    "reversed": "薪资长期被拖欠引发劳动纠纷",
    "neither-1": "全国总工会召开职工代表大会",
    "neither-2": "劳动模范表彰大会在北京举行",
}


def _ids(es: Elasticsearch, index: str, query: dict[str, object]) -> set[str]:
    response = es.search(index=index, query=query, size=len(DOCS), source=False)
    return {hit["_id"] for hit in response["hits"]["hits"]}


@pytest.fixture
def chinese_index(es_client: Elasticsearch, es_index: str) -> str:
    es_client.indices.create(
        index=es_index,
        settings={"number_of_shards": 1, "number_of_replicas": 0},
        mappings={"properties": {"body": {"type": "text", "analyzer": "standard"}}},
    )
    indexed, errors = bulk(
        es_client,
        ({"_index": es_index, "_id": doc_id, "body": text} for doc_id, text in DOCS.items()),
    )
    assert indexed == len(DOCS)
    assert not errors
    es_client.indices.refresh(index=es_index)
    return es_index


def test_standard_analyzer_splits_chinese_into_characters(
    es_client: Elasticsearch, chinese_index: str
) -> None:
    analyzed = es_client.indices.analyze(index=chinese_index, field="body", text="追回欠薪")
    assert [token["token"] for token in analyzed["tokens"]] == ["追", "回", "欠", "薪"]


def test_match_phrase_finds_only_contiguous_word(
    es_client: Elasticsearch, chinese_index: str
) -> None:
    phrase = _ids(es_client, chinese_index, {"match_phrase": {"body": "欠薪"}})
    assert phrase == {"contiguous-1", "contiguous-2"}

    # The same two characters as a plain match also hit the apart and reversed texts,
    # which is why the search stage must use phrases for Chinese words.
    loose = _ids(es_client, chinese_index, {"match": {"body": "欠薪"}})
    assert loose == {"contiguous-1", "contiguous-2", "apart-1", "apart-2", "reversed"}


def test_single_character_query_finds_every_text_with_it(
    es_client: Elasticsearch, chinese_index: str
) -> None:
    expected = {doc_id for doc_id, text in DOCS.items() if "薪" in text}
    assert expected == {"contiguous-1", "contiguous-2", "apart-1", "apart-2", "reversed"}
    assert _ids(es_client, chinese_index, {"match_phrase": {"body": "薪"}}) == expected
    assert _ids(es_client, chinese_index, {"match": {"body": "薪"}}) == expected
    assert _ids(es_client, chinese_index, {"match_phrase": {"body": "罢"}}) == set()
