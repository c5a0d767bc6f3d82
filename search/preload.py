"""Load, ahead of the first search, the tables a search reads lazily (search stage).

A search process otherwise pays for them on its first request: the CJK folding tables of
``cjk`` (65,536 entries each, for index forms and snippets) on the first search with words,
and on the first place or agency filter the division data, the agency grammar and jieba's
tagger (seconds). A server calls ``preload`` while it starts, so that no user's search waits
for them.
"""

from __future__ import annotations

from baoku.search.cjk import index_tokens, match_ranges
from baoku.search.filters import canonical_agency, resolve_place


def preload() -> None:
    """Build the lazily built tables now (each once per process; later calls cost nothing)."""
    index_tokens("工会")
    match_ranges("工会", [["工", "会"]])  # the snippet table
    # A street-level name takes the grammar's whole path, jieba's part-of-speech tagger
    # included; a place name loads the division data.
    canonical_agency("奉贤区南桥镇总工会")
    resolve_place("奉贤")
