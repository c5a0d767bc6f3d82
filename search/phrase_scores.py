"""Exact bm25 ranking of unfiltered searches from per-phrase score arrays (search stage).

FTS5 has no top-k pruning: a search over common words computes bm25 for every match, and a
pair of words found in most articles costs as much as both words together, every time.
FTS5's bm25 of a row is a sum over the query's phrases, in the order they are printed in
the MATCH expression, of a term that depends only on that phrase (its IDF over the whole
table and its weighted frequency in the row), and 0.0 for a phrase the row lacks. So the
score a row gets for ``"工会" AND "职工"`` is exactly the sum, in that order, of the scores
it gets for ``"工会"`` and for ``"职工"`` alone (checked bit for bit over 89,000 rows; the
tests compare whole rankings with the SQL path).

A search process that meets the same phrase often enough keeps its matches and scores, read
once with one full FTS5 pass (``PhraseScores``), in the result memo; a search all of whose
phrases are kept is then answered with numpy (``sqlite_backend``): the match set from
intersections, unions and differences, narrowed to the ids meeting its filters, each row's
score summed in FTS5's order, the page by (score, row id) or by the archive's date order.
Reading a phrase's scores costs about three ranking passes of it, so only phrases that keep
coming back are read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce

import numpy as np
import numpy.typing as npt

from baoku.search.syntax import Node, Not, Or, Phrase, Term

Ids = npt.NDArray[np.int64]
Scores = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class PhraseScores:
    """Every row matching one phrase, ascending, with its bm25 for that phrase alone."""

    ids: Ids
    scores: Scores

    @property
    def nbytes(self) -> int:
        return int(self.ids.nbytes + self.scores.nbytes)


def leaves(node: Node) -> list[Term | Phrase]:
    """The phrases of ``node`` in the order ``fts_compile`` prints them (FTS5 numbers them
    so): an And's positives before its exclusions. ``compile_match`` of one gives its own
    MATCH string."""
    if isinstance(node, Term | Phrase):
        return [node]
    if isinstance(node, Not):
        return leaves(node.item)
    if isinstance(node, Or):
        return [leaf for item in node.items for leaf in leaves(item)]
    positives = [i for i in node.items if not isinstance(i, Not)]
    negatives = [i for i in node.items if isinstance(i, Not)]
    return [leaf for item in (*positives, *negatives) for leaf in leaves(item)]


def read_phrase(rows: list[tuple[int, float]]) -> PhraseScores:
    """``PhraseScores`` from (row id, score) rows in any order."""
    ids = np.fromiter((r[0] for r in rows), np.int64, len(rows))
    scores = np.fromiter((r[1] for r in rows), np.float64, len(rows))
    if len(ids) > 1 and not bool(np.all(ids[1:] > ids[:-1])):
        order = np.argsort(ids, kind="stable")
        ids, scores = ids[order], scores[order]
    ids.flags.writeable = False
    scores.flags.writeable = False
    return PhraseScores(ids, scores)


def matching(node: Node, phrase: Callable[[Term | Phrase], PhraseScores]) -> Ids:
    """The ids matching ``node``, ascending, from the phrases' own matches."""
    if isinstance(node, Term | Phrase):
        return phrase(node).ids
    if isinstance(node, Or):
        return reduce(np.union1d, (matching(i, phrase) for i in node.items))
    if isinstance(node, Not):
        raise ValueError("a bare exclusion matches nothing by itself")
    positives = [matching(i, phrase) for i in node.items if not isinstance(i, Not)]
    found = reduce(lambda a, b: np.intersect1d(a, b, assume_unique=True), positives)
    negatives = [matching(i.item, phrase) for i in node.items if isinstance(i, Not)]
    if negatives:
        found = np.setdiff1d(found, reduce(np.union1d, negatives), assume_unique=True)
    return found


def summed_scores(ids: Ids, node: Node, phrase: Callable[[Term | Phrase], PhraseScores]) -> Scores:
    """Each row's bm25 for the whole query: its phrases' scores added one after the other
    in FTS5's phrase order, 0.0 for a phrase the row lacks (as FTS5 adds)."""
    total = np.zeros(len(ids), np.float64)
    for leaf in leaves(node):
        own = phrase(leaf)
        if not len(own.ids) or not len(ids):
            continue
        at = np.minimum(np.searchsorted(own.ids, ids), len(own.ids) - 1)
        total = total + np.where(own.ids[at] == ids, own.scores[at], 0.0)
    return total


def top(ids: Ids, scores: Scores, limit: int) -> list[tuple[int, float]]:
    """The first ``limit`` rows by score, highest first, ties by row id."""
    if len(ids) > limit:
        # Everything scoring at least the limit-th best score, then an exact sort of those.
        cut = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        keep = scores >= cut
        ids, scores = ids[keep], scores[keep]
    order = np.lexsort((ids, -scores))[:limit]
    return [(int(i), float(s)) for i, s in zip(ids[order], scores[order], strict=True)]
