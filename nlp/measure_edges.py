"""Learned edges of a measure: where the counted noun phrase starts and ends.

NLP stage (ingest → **nlp** → search), called by ``nlp.measure_choice`` on the measure its
rules chose.  The rules find the right phrase most of the time but often cut it a word short
at an edge or start it a word off (被骗|金额 cut to 金额).  Those edges depend on
words the rules cannot all name, so a linear model scores the phrases one to three words
longer or shorter at either end, from the words at the edges, their parts of speech and what
lies just outside them.  The rules' phrase stays unless a longer or shifted neighbour scores
clearly better; the scorer never shortens a phrase to one inside it.

The weights are trained by ``bench/train_measure_edges.py`` on the opened gold sets and
stored in ``nlp/data/measure_edges.json``; without that file the rules' phrase is kept.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from baoku.ingest.textclean import is_han
from baoku.nlp.measure_words import figure_lexicon, word_tags

MODEL_PATH = Path(__file__).parent / "data" / "measure_edges.json"

# How far an edge may move, in words: outwards and inwards.
_OUT = 3
_IN = 2
_LONGEST = 24
# A measure never runs across a clause break.
_BREAKS = frozenset("，。；：！？,;:!?\n")


# Each candidate phrase's span in its sentence and its features, the rules' phrase first.
Candidates = list[tuple[tuple[int, int], list[str]]]


@dataclass(frozen=True, slots=True)
class EdgeModel:
    """Feature weights of the edge scorer and the margin a neighbour must win by."""

    weights: dict[str, float]
    margin: float

    def __post_init__(self) -> None:
        if not math.isfinite(self.margin) or self.margin < 0:
            raise ValueError(f"margin must be a finite number >= 0, not {self.margin!r}")

    def score(self, features: list[str]) -> float:
        return sum(map(self.weights.get, features, repeat(0.0)))


@lru_cache(maxsize=1)
def edge_model() -> EdgeModel | None:
    """The trained model, or None where none has been trained (the rules decide alone)."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text("utf-8"))
    return EdgeModel(weights=data["weights"], margin=float(data["margin"]))


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a window of the sentence, with their offsets into the sentence."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    tags: list[str]

    def at(self, offset: int) -> int:
        """Index of the word holding ``offset``."""
        return max(0, bisect_right(self.starts, offset) - 1)


@dataclass(frozen=True, slots=True)
class Figure:
    """The figure a measure is chosen for: its span in the sentence, unit and kind."""

    start: int
    end: int
    unit: str
    kind: str


def measure_span(sentence: str, figure: Figure, measure: str) -> tuple[int, int] | None:
    """Where ``measure`` is printed in ``sentence``: the print nearest the figure, or None
    where it is not printed as one piece (a noun shared from elsewhere in a list)."""
    best: tuple[int, tuple[int, int]] | None = None
    at = sentence.find(measure)
    while at >= 0:
        end = at + len(measure)
        if end <= figure.start or at >= figure.end:
            gap = figure.start - end if end <= figure.start else at - figure.end
            if best is None or gap < best[0]:
                best = (gap, (at, end))
        at = sentence.find(measure, at + 1)
    return best[1] if best else None


# Figures are read in text order, so the few sentences last tagged are the ones asked for.
@lru_cache(maxsize=8)
def _sentence_tags(sentence: str) -> tuple[list[int], list[tuple[str, str]]]:
    """Each word's start and the words with their tags; every figure of a sentence reads
    the same words, so a sentence is tagged once."""
    tagged = word_tags(sentence, figure_lexicon())
    starts = []
    at = 0
    for word, _ in tagged:
        starts.append(at)
        at += len(word)
    return starts, tagged


def sentence_words(sentence: str, span: tuple[int, int], figure: Figure) -> Words | None:
    """The words around ``span`` (a few more than its candidates can reach), cut where
    ``span``'s edges and the figure's are."""
    word_starts, tagged = _sentence_tags(sentence)
    first = max(0, bisect_right(word_starts, span[0]) - 1 - _OUT - 2)
    last = min(len(tagged), bisect_right(word_starts, span[1]) + _OUT + 2)
    cuts = {span[0], span[1], figure.start, figure.end}
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    tags: list[str] = []
    for k in range(first, last):
        word, tag = tagged[k]
        at = word_starts[k]
        end = at + len(word)
        if sentence[at:end] != word:
            return None  # the tagger changed the text; its offsets cannot be trusted
        inner = sorted(c for c in cuts if at < c < end)
        for a, b in zip([at, *inner], [*inner, end], strict=True):
            starts.append(a)
            ends.append(b)
            words.append(sentence[a:b])
            tags.append(tag)
    return Words(starts, ends, words, tags) if words else None


def edge_candidates(
    sentence: str, span: tuple[int, int], figure: Figure, words: Words
) -> list[tuple[int, int]]:
    """``span`` first, then the phrases with either edge moved a few words, that stay in
    the clause and on the span's side of the figure."""
    first = words.at(span[0])
    last = words.at(span[1] - 1)
    before = span[1] <= figure.start
    base_breaks = any(c in _BREAKS for c in sentence[span[0] : span[1]])
    out = [span]
    # every candidate keeps a word of the span: a phrase elsewhere is no edge moved
    for i in range(max(0, first - _OUT), min(last, first + _IN) + 1):
        for j in range(max(i, first, last - _IN), min(len(words.words), last + _OUT + 1)):
            a, b = words.starts[i], words.ends[j]
            if (a, b) == span or b - a > _LONGEST:
                continue
            if (b > figure.start) if before else (a < figure.end):
                continue
            piece = sentence[a:b]
            if not base_breaks and any(c in _BREAKS for c in piece):
                continue
            if not is_han(piece[0]) and piece[0] not in "“（(《":
                continue
            if any(c.isdigit() for c in piece):
                continue
            out.append((a, b))
    return out


def edge_features(
    sentence: str,
    cand: tuple[int, int],
    span: tuple[int, int],
    figure: Figure,
    words: Words,
) -> list[str]:
    """What the scorer reads of one candidate: how its edges moved and the words there."""
    i, j = words.at(cand[0]), words.at(cand[1] - 1)
    bi, bj = words.at(span[0]), words.at(span[1] - 1)
    dl, dr = i - bi, j - bj
    side = "b" if span[1] <= figure.start else "a"
    shift = f"{dl},{dr}"
    feats = [
        f"d:{shift}",
        f"d:{shift}|{side}",
        f"d:{shift}|{figure.kind}",
        f"d:{shift}|u:{figure.unit}",
        f"f:{words.words[i]}",
        f"ft:{words.tags[i]}",
        f"l:{words.words[j]}",
        f"lt:{words.tags[j]}",
        f"lt:{words.tags[j]}|{figure.kind}",
        f"l:{words.words[j]}|{figure.kind}",
        f"ft:{words.tags[i]}|lt:{words.tags[j]}",
        f"len:{min(cand[1] - cand[0], 12)}|{side}",
        f"fc:{sentence[cand[0]]}",
        f"lc:{sentence[cand[1] - 1]}",
        f"lc:{sentence[cand[1] - 1]}|{figure.kind}",
        f"n:{j - i + 1}|{side}",
    ]
    outer = words.words[i - 1] if i > 0 else "^"
    outer_tag = words.tags[i - 1] if i > 0 else "^"
    feats += [
        f"o:{outer}",
        f"ot:{outer_tag}",
        f"ot:{outer_tag}|ft:{words.tags[i]}",
        f"oc:{sentence[cand[0] - 1] if cand[0] > 0 else '^'}",
    ]
    nxt = words.words[j + 1] if j + 1 < len(words.words) else "$"
    nxt_tag = words.tags[j + 1] if j + 1 < len(words.words) else "$"
    feats += [f"r:{nxt}", f"rt:{nxt_tag}", f"lt:{words.tags[j]}|rt:{nxt_tag}|{side}"]
    for k in range(min(i, bi), max(i, bi)):
        sign = "+" if i < bi else "-"
        feats += [
            f"{sign}L:{words.words[k]}",
            f"{sign}Lt:{words.tags[k]}",
            f"{sign}Lt:{words.tags[k]}|{side}",
            f"{sign}Lc:{words.words[k][-1]}",
        ]
    for k in range(min(j, bj) + 1, max(j, bj) + 1):
        sign = "+" if j > bj else "-"
        feats += [
            f"{sign}R:{words.words[k]}",
            f"{sign}Rt:{words.tags[k]}",
            f"{sign}Rt:{words.tags[k]}|{side}",
            f"{sign}Rc:{words.words[k][0]}",
        ]
    return feats


def _inside(cand: tuple[int, int], span: tuple[int, int]) -> bool:
    """Is ``cand`` a phrase inside ``span`` (never chosen, see ``chosen``)?"""
    return cand != span and span[0] <= cand[0] and cand[1] <= span[1]


def scored_candidates(
    sentence: str, figure: Figure, measure: str, *, inside: bool = True
) -> Candidates | None:
    """Each candidate phrase with its features, the rules' phrase first; None where that
    phrase is not printed as one piece (a noun shared from elsewhere in a list).  Training
    reads the phrases inside the rules' phrase too (``inside``); choosing needs none."""
    span = measure_span(sentence, figure, measure)
    if span is None:
        return None
    words = sentence_words(sentence, span, figure)
    if words is None:
        return None
    return [
        (cand, edge_features(sentence, cand, span, figure, words))
        for cand in edge_candidates(sentence, span, figure, words)
        if inside or not _inside(cand, span)
    ]


Recorder = Callable[[str, Figure, Candidates], None]
# Set while the training script collects candidates; the rules' phrases are kept then.
_RECORDER: ContextVar[Recorder | None] = ContextVar("measure_edge_recorder", default=None)


@contextmanager
def recording(callback: Recorder) -> Iterator[None]:
    """Hand every figure's sentence, figure and candidates to ``callback`` and keep the
    rules' phrases (the training set of ``bench/train_measure_edges.py``)."""
    token = _RECORDER.set(callback)
    try:
        yield
    finally:
        _RECORDER.reset(token)


def chosen(cands: Candidates, scores: list[float], margin: float) -> int:
    """Index of the candidate to use: the best scoring one where it beats the rules' phrase
    (index 0) by more than ``margin``, else 0.  A phrase inside the rules' phrase is never
    chosen: trained to take any acceptable form, the scorer would cut specific measures to
    general ones (兼职调解员 to 调解员), and a shorter acceptable form tells a reader less."""
    base = cands[0][0]
    best = 0
    for k in range(1, len(cands)):
        if not _inside(cands[k][0], base) and scores[k] > scores[best]:
            best = k
    return best if scores[best] - scores[0] > margin else 0


def adjusted_measure(sentence: str, figure: Figure, measure: str | None) -> str | None:
    """``measure``, or the candidate phrase the model prefers to it by more than its margin."""
    recorder = _RECORDER.get()
    model = edge_model()
    if not measure or (model is None and recorder is None):
        return measure
    cands = scored_candidates(sentence, figure, measure, inside=recorder is not None)
    if cands is None:
        return measure
    if recorder is not None:
        recorder(sentence, figure, cands)
        return measure
    assert model is not None
    k = chosen(cands, [model.score(feats) for _, feats in cands], model.margin)
    if k == 0:
        return measure
    a, b = cands[k][0]
    return sentence[a:b]
