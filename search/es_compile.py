"""Compile a parsed user query (``syntax`` AST) into Elasticsearch query DSL.

Search stage (ingest → nlp → **search**). The Elasticsearch backend puts the returned dict
into a ``bool.must`` beside its filters. The target fields hold ``cjk.index_form`` text and
are analyzed with the built-in ``whitespace`` or ``standard`` analyzer; both then see exactly
the tokens FTS5 sees, so the two backends match the same articles (docs/search.md).

Term/Phrase → ``match_phrase`` of the space-joined index tokens (one field) or ``multi_match``
of type ``phrase`` (several fields: the phrase must lie within one field, as in FTS5); And →
``bool.must`` + ``bool.must_not``; Or → ``bool.should`` with ``minimum_should_match: 1``.
User text only ever appears as a query string of a phrase query, never as query syntax.

With ``bigram_fields`` (the index's ``*.bi`` sub-fields) a term or phrase of two or more tokens
is sent as the phrase of its bigrams to those fields, as ``fts_compile`` does for FTS5; one-token
terms stay on the unigram fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from baoku.search.cjk import bigram_tokens
from baoku.search.syntax import And, Node, Not, Or, Phrase, Term

EsQuery = dict[str, Any]


def _phrase(tokens: Sequence[str], fields: Sequence[str]) -> EsQuery:
    text = " ".join(tokens)
    # match_phrase takes no ``^boost`` suffix in a field name; multi_match does.
    if len(fields) == 1 and "^" not in fields[0]:
        return {"match_phrase": {fields[0]: {"query": text}}}
    return {"multi_match": {"query": text, "type": "phrase", "fields": list(fields)}}


def _compile(node: Node, fields: Sequence[str], bigram_fields: Sequence[str] | None) -> EsQuery:
    if isinstance(node, Term | Phrase):
        if bigram_fields and len(node.tokens) > 1:
            return _phrase(bigram_tokens(node.tokens), bigram_fields)
        return _phrase(node.tokens, fields)
    if isinstance(node, Or):
        return {
            "bool": {
                "should": [_compile(i, fields, bigram_fields) for i in node.items],
                "minimum_should_match": 1,
            }
        }
    if isinstance(node, Not):
        return {"bool": {"must_not": [_compile(node.item, fields, bigram_fields)]}}
    must = [_compile(i, fields, bigram_fields) for i in node.items if not isinstance(i, Not)]
    must_not = [_compile(i.item, fields, bigram_fields) for i in node.items if isinstance(i, Not)]
    query: dict[str, Any] = {"must": must}
    if must_not:
        query["must_not"] = must_not
    return {"bool": query}


def compile_es(
    node: Node, fields: Sequence[str], bigram_fields: Sequence[str] | None = None
) -> EsQuery:
    """The query DSL for ``node`` over ``fields`` (names from the index mapping); phrases of
    2+ tokens go to ``bigram_fields`` as bigrams when those are given.

    Field boosts in the ``name^2`` form are passed through to ``multi_match``.
    """
    for names in (fields, bigram_fields or ["x"]):
        if not names or any(not f or not isinstance(f, str) for f in names):
            raise ValueError("compile_es needs at least one field name")
    if not isinstance(node, And | Or | Term | Phrase | Not):
        raise TypeError(f"not a query node: {node!r}")
    return _compile(node, list(fields), list(bigram_fields) if bigram_fields else None)
