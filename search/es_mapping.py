"""Elasticsearch index layout for whole articles (search stage): settings, mappings, the
index template, and ``SearchDoc`` → source document.

No plugins: the searched text fields hold ``cjk.index_form`` text and use the built-in
``whitespace`` analyzer, so ES sees token for token what FTS5 sees (docs/search.md). The
natural text sits in a non-indexed ``display`` object for snippets, which are cut in Python
exactly as the SQLite backend cuts them. Facet and filter values are keyword arrays built from
``SearchDoc.key_values`` (place paths with all prefixes); figures are NESTED so a value range
and a measure must hold within one figure record.
"""

from __future__ import annotations

from typing import Any, Final

from baoku.search.cjk import bigram_form, index_form
from baoku.search.search_doc import SearchDoc

# Text fields searched, with the boosts that mirror the SQLite backend's bm25 weights.
TEXT_FIELDS: Final[tuple[str, ...]] = (
    "headline_ix^4",
    "kicker_ix^2",
    "subheadline_ix^2",
    "lead_ix^1.5",
    "body_ix",
)

# The bigram form of each text field (same boosts): phrases of 2+ tokens are matched there as
# phrases of bigrams (``cjk.bigram_tokens``), far rarer terms than single characters.
BIGRAM_FIELDS: Final[tuple[str, ...]] = (
    "headline_bi^4",
    "kicker_bi^2",
    "subheadline_bi^2",
    "lead_bi^1.5",
    "body_bi",
)

# Keyword field of each ``SearchDoc`` key field (filters and facets).
KEY_FIELDS: Final[dict[str, str]] = {
    "place": "places",
    "agency": "agencies",
    "person": "persons",
    "initiative": "initiatives",
    "kind": "kinds",
    "figure_type": "figure_types",
    "page": "pages",
}

# Index form and bigram form, both with the whitespace analyzer: token for token what FTS5
# sees. The bigram form is computed in Python (cjk.bigram_form) rather than by a shingle
# filter: the minimal distribution's custom analyzers cannot use the whitespace tokenizer, and
# one definition for both backends keeps them identical by construction.
_TEXT: Final = {"type": "text", "analyzer": "whitespace"}
_KEYWORD: Final = {"type": "keyword"}
_DATE: Final = {"type": "date", "format": "yyyy-MM-dd"}

SETTINGS: Final[dict[str, Any]] = {
    # One shard: exact facet counts and totals, and bm25 statistics over the whole index; a
    # million articles is a few GB, well within one shard.
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "max_result_window": 10_000,
}

MAPPINGS: Final[dict[str, Any]] = {
    "dynamic": "strict",
    "properties": {
        "id": _KEYWORD,
        "type": _KEYWORD,
        "sha256s": _KEYWORD,
        "part_ids": _KEYWORD,
        "newspaper": _KEYWORD,
        "date": _DATE,
        "year": _KEYWORD,
        "page_no": {"type": "integer"},
        "pages": _KEYWORD,
        "page_name": _KEYWORD,
        "headline_ix": _TEXT,
        "kicker_ix": _TEXT,
        "subheadline_ix": _TEXT,
        "lead_ix": _TEXT,
        "body_ix": _TEXT,
        "headline_bi": _TEXT,
        "kicker_bi": _TEXT,
        "subheadline_bi": _TEXT,
        "lead_bi": _TEXT,
        "body_bi": _TEXT,
        "display": {"type": "object", "enabled": False},
        "places": _KEYWORD,
        "agencies": _KEYWORD,
        "persons": _KEYWORD,
        "initiatives": _KEYWORD,
        "kinds": _KEYWORD,
        "figure_types": _KEYWORD,
        "figures": {
            "type": "nested",
            "properties": {
                "type": _KEYWORD,
                "value": {"type": "double"},
                "value_max": {"type": "double"},
                "measure": _KEYWORD,
                "agency": _KEYWORD,
                "period_start": _DATE,
                "period_end": _DATE,
                # Precomputed overlap bounds (FigureFilter.accepts: a one-sided period is a day).
                "overlap_start": _DATE,
                "overlap_end": _DATE,
            },
        },
    },
}


def template_body(pattern: str) -> dict[str, Any]:
    return {
        "index_patterns": [pattern],
        "priority": 100,
        "template": {"settings": SETTINGS, "mappings": MAPPINGS},
    }


def to_source(doc: SearchDoc) -> dict[str, Any]:
    """The ES source document of ``doc``."""
    keys: dict[str, list[str]] = {field: [] for field in KEY_FIELDS.values()}
    forms = {
        "headline": index_form(doc.headline),
        "kicker": index_form(doc.kicker),
        "subheadline": index_form(doc.subheadline),
        "lead": index_form(doc.lead),
        "body": index_form(doc.body),
    }
    for name, value in doc.key_values():
        keys[KEY_FIELDS[name]].append(value)
    return {
        "id": doc.id,
        "type": doc.type,
        "sha256s": list(doc.sha256s),
        "part_ids": list(doc.part_ids),
        "newspaper": doc.newspaper,
        "date": doc.date,
        "year": doc.year,
        "page_no": doc.page_no,
        "page_name": doc.page_name,
        **{f"{name}_ix": form for name, form in forms.items()},
        **{f"{name}_bi": bigram_form(form) for name, form in forms.items()},
        "display": {"headline": doc.headline, "body": doc.body},
        **keys,
        "figures": [
            {
                "type": f.type,
                "value": f.value,
                "value_max": f.value_max,
                "measure": f.measure,
                "agency": f.agency,
                "period_start": f.period_start,
                "period_end": f.period_end,
                "overlap_start": f.overlap_start,
                "overlap_end": f.overlap_end,
            }
            for f in doc.figures
        ],
    }
