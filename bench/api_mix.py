"""The request mix of the HTTP load bench (bench/api_load.py): what 32 users ask for.

Drawn from the archive under test, not from a word list: a sample of its articles (read over
the API) gives the vocabulary (jieba words ranked by how many sampled articles hold them),
phrases (runs of their text), and the filter values (its own newspaper, place and agency
facets). Searches are single words, word pairs, exact phrases, OR/exclusions, filtered,
faceted, date-sorted, filter-only listings and deep pages; the rest are article reads and
figure listings.

Two ways to pick searches:
* ``skewed``: a fixed pool of distinct searches, popularity Zipf(s) by rank, as search logs
  are; common words are more likely to be in the popular ranks, as users ask for them more.
* ``distinct``: every search differs from every other of the run (no cache can help).
"""

from __future__ import annotations

import random
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from urllib.parse import urlencode

from baoku.search.query import FIGURE_TYPES as QUERY_FIGURE_TYPES

_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{6,}")

# (kind, share of requests)
SEARCH_KINDS: tuple[tuple[str, float], ...] = (
    ("word", 0.22),
    ("pair", 0.16),
    ("phrase", 0.07),
    ("boolean", 0.04),
    ("filter", 0.09),
    ("facets", 0.08),
    ("date_sort", 0.04),
    ("listing", 0.03),
    ("deep_page", 0.07),
)
OTHER_KINDS: tuple[tuple[str, float], ...] = (("article", 0.15), ("figures", 0.05))
FACETS = ("year", "newspaper", "page_name", "place", "agency", "figure_type", "initiative")
FIGURE_TYPES = tuple(sorted(QUERY_FIGURE_TYPES))


@dataclass(frozen=True, slots=True)
class Material:
    """What the mix is made of, read from the archive under test."""

    words: list[str]  # most widespread first
    runs: list[str]  # long runs of Han text, for phrases
    article_ids: list[str]
    newspapers: list[str]
    places: list[str]
    agencies: list[str]
    years: list[int]


def vocabulary(texts: list[str], max_words: int = 4000) -> list[str]:
    """jieba words of two or more Han characters, by the number of texts holding them."""
    import jieba

    jieba.setLogLevel(60)
    df: Counter[str] = Counter()
    for text in texts:
        df.update({w for w in jieba.cut(text) if _HAN_WORD.match(w)})
    return [w for w, _ in sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))[:max_words]]


def han_runs(texts: list[str], limit: int = 20_000) -> list[str]:
    return [m.group() for t in texts for m in _HAN_RUN.finditer(t)][:limit]


class Zipf:
    """Ranks 0..n-1 with P(r) proportional to 1 / (r + 1) ** s."""

    def __init__(self, n: int, s: float) -> None:
        self._cum = list(accumulate(1.0 / (r + 1) ** s for r in range(n)))

    def draw(self, rng: random.Random) -> int:
        return min(bisect_left(self._cum, rng.random() * self._cum[-1]), len(self._cum) - 1)


class SearchMaker:
    """Makes one search of a given kind: (kind, target URL)."""

    def __init__(self, m: Material, word_s: float = 1.0) -> None:
        self.m = m
        self._word = Zipf(len(m.words), word_s)

    def word(self, rng: random.Random) -> str:
        return self.m.words[self._word.draw(rng)]

    def phrase(self, rng: random.Random) -> str:
        run = rng.choice(self.m.runs)
        n = rng.randint(3, min(7, len(run)))
        start = rng.randrange(len(run) - n + 1)
        return f'"{run[start : start + n]}"'

    def make(self, kind: str, rng: random.Random) -> str:
        m = self.m
        p: list[tuple[str, object]] = []
        if kind == "word":
            p.append(("q", self.word(rng)))
        elif kind == "pair":
            p.append(("q", f"{self.word(rng)} {self.word(rng)}"))
        elif kind == "phrase":
            p.append(("q", self.phrase(rng)))
        elif kind == "boolean":
            a, b, c = self.word(rng), self.word(rng), self.word(rng)
            p.append(("q", rng.choice((f"{a} OR {b}", f"{a} -{b}", f"{a} {b} OR {c}"))))
        elif kind == "filter":
            p.append(("q", self.word(rng)))
            choice = rng.randrange(3)
            if choice == 0 and m.newspapers:
                p.append(("newspaper", rng.choice(m.newspapers)))
            elif choice == 1 and m.places:
                p.append(("place", rng.choice(m.places)))
            else:
                y = rng.choice(m.years)
                p += [("date_from", f"{y}-01-01"), ("date_to", f"{y}-{rng.randint(1, 12):02d}-28")]
        elif kind == "facets":
            p.append(("q", self.word(rng)))
            p += [("facet", f) for f in rng.sample(FACETS, rng.randint(1, 3))]
        elif kind == "date_sort":
            p += [("q", self.word(rng)), ("sort", rng.choice(("-date", "date")))]
        elif kind == "listing":
            y = rng.choice(m.years)
            p += [("date_from", f"{y}-{rng.randint(1, 12):02d}-01"), ("sort", "-date")]
            if m.agencies and rng.random() < 0.5:
                p.append(("agency", rng.choice(m.agencies)))
        elif kind == "deep_page":
            p += [("q", self.word(rng)), ("offset", rng.choice((20, 40, 100, 200, 500, 2000)))]
        else:
            raise ValueError(kind)
        return "/search?" + urlencode([*p, ("limit", 20)])


def other_request(kind: str, m: Material, rng: random.Random) -> str:
    """An article read, or a figure listing drawn from some thousands of combinations."""
    if kind == "article":
        return f"/articles/{rng.choice(m.article_ids)}"
    p: list[tuple[str, object]] = [("type", rng.choice(FIGURE_TYPES))]
    if rng.random() < 0.5:
        p.append(("min_value", 10 ** rng.randint(1, 6)))
    if m.newspapers and rng.random() < 0.3:
        p.append(("newspaper", rng.choice(m.newspapers)))
    if rng.random() < 0.3:
        y = rng.choice(m.years)
        p += [("date_from", f"{y}-01-01"), ("date_to", f"{y}-12-31")]
    p.append(("sort", rng.choice(("-value", "value", "-date", "date"))))
    p += [("limit", 20), ("offset", rng.choice((0, 0, 0, 20, 100)))]
    return "/figures?" + urlencode(p)


def _pick(kinds: tuple[tuple[str, float], ...], roll: float) -> str | None:
    for kind, share in kinds:
        if roll < share:
            return kind
        roll -= share
    return None


class Mix:
    """Requests for the clients. ``pool`` distinct searches ranked by popularity (skewed), or
    every search new (``distinct=True``)."""

    def __init__(
        self,
        material: Material,
        *,
        distinct: bool,
        pool: int = 50_000,
        query_s: float = 1.0,
        word_s: float = 1.0,
        seed: int = 1,
    ) -> None:
        self.material = material
        self.distinct = distinct
        self.maker = SearchMaker(material, word_s)
        self.seen: set[str] = set()
        self._pool: list[tuple[str, str]] = []
        if not distinct:
            rng = random.Random(seed)
            while len(self._pool) < pool:
                kind = _pick(SEARCH_KINDS, rng.random() * _total(SEARCH_KINDS))
                assert kind is not None
                target = self.maker.make(kind, rng)
                if target not in self.seen:
                    self.seen.add(target)
                    self._pool.append((kind, target))
            self._rank = Zipf(pool, query_s)
        self.sent: set[str] = set()  # every search target of the run
        self.phase_sent: set[str] = set()  # those since the last ``new_phase``

    def new_phase(self) -> None:
        self.phase_sent = set()

    def next(self, rng: random.Random) -> tuple[str, str]:
        """(kind, target) of the next request."""
        roll = rng.random()
        other = _pick(OTHER_KINDS, roll)
        if other is not None:
            return other, other_request(other, self.material, rng)
        if not self.distinct:
            kind, target = self._pool[self._rank.draw(rng)]
        else:
            while True:
                kind = _pick(SEARCH_KINDS, rng.random() * _total(SEARCH_KINDS))
                assert kind is not None
                target = self.maker.make(kind, rng)
                if target not in self.sent:
                    break
        self.sent.add(target)
        self.phase_sent.add(target)
        return kind, target


def _total(kinds: tuple[tuple[str, float], ...]) -> float:
    return sum(share for _, share in kinds)
