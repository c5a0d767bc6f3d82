"""Compile a parsed user query (``syntax`` AST) into an SQLite FTS5 MATCH expression.

Search stage (ingest → nlp → **search**). The store binds the returned string as a parameter
of ``... WHERE fts MATCH ?`` against columns holding ``cjk.index_form`` text.

Every term and phrase becomes ONE double-quoted FTS5 string of its index tokens (``"欠 薪"``),
with any ``"`` doubled, so FTS5 reads it as a phrase and nothing a user typed can act as FTS5
syntax (NEAR, AND, *, ^, column filters). Only this module writes operators and parentheses.
FTS5's NOT is binary, so an ``And`` with exclusions compiles to ``(positives) NOT (a OR b)``.
A lone ``Not`` is refused: ``syntax.parse`` never produces one (it raises QuerySyntaxError).

With ``bigrams=True`` (the store's index, schema v3) a term or phrase of two or more tokens is
written as the phrase of its bigrams (``cjk.bigram_tokens``): the same contiguous match, looked
up by far rarer terms. One-token terms stay unigrams. No column filter is needed to keep the
two apart: only bigram columns hold tokens with ``cjk.BIGRAM_JOINER``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from baoku.search.cjk import bigram_tokens
from baoku.search.syntax import And, Node, Not, Or, Phrase, Term

_COLUMN: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def quote(tokens: Sequence[str]) -> str:
    """One FTS5 string literal holding ``tokens`` as a phrase."""
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def _compile(node: Node, bigrams: bool = False) -> str:
    if isinstance(node, Term | Phrase):
        if bigrams and len(node.tokens) > 1:
            return quote(bigram_tokens(node.tokens))
        return quote(node.tokens)
    if isinstance(node, Or):
        return "(" + " OR ".join(_compile(i, bigrams) for i in node.items) + ")"
    if isinstance(node, Not):
        raise ValueError("FTS5 cannot match a bare exclusion; put it inside an And")
    positives = [i for i in node.items if not isinstance(i, Not)]
    negatives = [i.item for i in node.items if isinstance(i, Not)]
    if not positives:
        raise ValueError("And holds only exclusions")
    expr = "(" + " AND ".join(_compile(i, bigrams) for i in positives) + ")"
    if negatives:
        expr += " NOT (" + " OR ".join(_compile(i, bigrams) for i in negatives) + ")"
    return expr


def compile_match(
    node: Node, columns: Sequence[str] | None = None, *, bigrams: bool = False
) -> str:
    """The FTS5 MATCH string for ``node``, optionally restricted to ``columns``.

    ``columns`` are names from the store's schema (never user input); each must be a plain
    identifier (with ``bigrams``, name the ``_bi`` columns too). A phrase still has to lie
    within one column, as in Elasticsearch. ``bigrams``: match phrases of 2+ tokens against
    bigram columns (see the module docstring).
    """
    if not isinstance(node, And | Or | Term | Phrase | Not):
        raise TypeError(f"not a query node: {node!r}")
    expr = _compile(node, bigrams)
    if columns:
        for column in columns:
            if not _COLUMN.fullmatch(column):
                raise ValueError(f"not a column identifier: {column!r}")
        expr = "{" + " ".join(columns) + "}: (" + expr + ")"
    return expr
