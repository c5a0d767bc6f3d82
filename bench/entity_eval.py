"""Scores PLACE, PERSON, INITIATIVE and DATE mentions against the gold's ``entities``
(``bench/nlp_eval.py`` prints them per part, next to figures and agencies).

Mentions match by label and overlapping span, not by identical surface: where a date ends
(2020年 or 2020年以来) or whether a place keeps its province (湖北武汉) is the canonical value's
business, scored separately on the matched pairs. Byline people (no span in the paragraphs)
are the ingest stage's and are not scored here, and a place printed inside a gold agency's name
(上海市奉贤区总工会) is neither required nor held against the system: the gold marks agencies,
not the places inside them.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from baoku.ingest.records import Article
from baoku.nlp.records import ArticleFacts, EntityLabel, EntityMention, FigureRecord

LABELS = (EntityLabel.PLACE, EntityLabel.PERSON, EntityLabel.INITIATIVE, EntityLabel.DATE)
_QUOTES = re.compile(r"[“”\"「」『』‘’'\s]")


@dataclass(frozen=True, slots=True)
class GoldMention:
    label: str
    start: int
    end: int
    item: dict[str, Any]


def spans_in_order(text: str, surfaces: Iterable[str]) -> list[tuple[int, int]]:
    """Where each surface is printed: the n-th listing of a surface is its n-th occurrence
    (how the gold lists agency mentions)."""
    seen: Counter[str] = Counter()
    out = []
    for surface in surfaces:
        at = -1
        for _ in range(seen[surface] + 1):
            at = text.find(surface, at + 1)
            if at < 0:
                raise ValueError(f"{surface!r} is not printed {seen[surface] + 1} times")
        seen[surface] += 1
        out.append((at, at + len(surface)))
    return out


def gold_spans(
    text: str, gold: list[dict[str, Any]], agency_spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Where each gold entity is printed. The gold lists them in reading order, so each is
    the first occurrence at or after the previous one's start that overlaps no mention of
    its label placed before it; a place is never one inside an agency's name (武汉 in
    武汉市总工会)."""
    placed: dict[str, list[tuple[int, int]]] = {}
    out = []
    floor = 0
    for g in gold:
        surface, label = g["text"], g["label"]
        # Mentions of one label never overlap; across labels they may nest (a name inside
        # an initiative's name).
        blocked = placed.get(label, []) + (agency_spans if label == EntityLabel.PLACE else [])
        span = _free_occurrence(text, surface, floor, blocked) or _free_occurrence(
            text, surface, 0, blocked
        )
        if span is None:
            raise ValueError(f"{surface!r} is not printed where the gold lists it")
        placed.setdefault(label, []).append(span)
        out.append(span)
        floor = span[0]
    return out


def _free_occurrence(
    text: str, surface: str, start: int, blocked: list[tuple[int, int]]
) -> tuple[int, int] | None:
    at = text.find(surface, start)
    while at >= 0:
        end = at + len(surface)
        if not any(s < end and at < e for s, e in blocked):
            return at, end
        at = text.find(surface, at + 1)
    return None


def interval(canonical: str | None) -> tuple[str | None, str | None]:
    """The first and last day a date's canonical value covers: 2022 → (2022-01-01,
    2022-12-31); 2023-03/2023-05 → (2023-03-01, 2023-05-31); ../2023-09 → (None, 2023-09-30)."""
    if not canonical:
        return None, None
    left, _, right = canonical.partition("/")
    return _first_day(left), _last_day(right or left)


def _first_day(part: str) -> str | None:
    if part in ("", ".."):
        return None
    if len(part) == 4:
        return f"{part}-01-01"
    if len(part) == 7:
        return f"{part}-01"
    return part


def _last_day(part: str) -> str | None:
    if part in ("", ".."):
        return None
    if len(part) == 4:
        return f"{part}-12-31"
    if len(part) == 7:
        year, month = int(part[:4]), int(part[5:7])
        return f"{part}-{calendar.monthrange(year, month)[1]:02d}"
    return part


def figure_period(figure: FigureRecord) -> tuple[str | None, str | None]:
    """The first and last day a figure's period covers (None: open, or no period)."""
    return interval(figure.period_start)[0], interval(figure.period_end)[1]


def _gold_interval(item: dict[str, Any]) -> tuple[str | None, str | None]:
    return item.get("start"), item.get("end")


def _bare(name: str | None) -> str:
    return _QUOTES.sub("", name or "")


class EntityScore:
    """Counts for one part: per label tp/fp/fn and what is right on the matched pairs."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {label.value: Counter() for label in LABELS}

    def add(
        self,
        aid: str,
        article: Article,
        gold: list[dict[str, Any]],
        agency_spans: list[tuple[int, int]],
        facts: ArticleFacts,
        *,
        show: bool,
    ) -> None:
        spans = gold_spans(article.text, gold, agency_spans)
        wanted = [GoldMention(g["label"], s, e, g) for g, (s, e) in zip(gold, spans, strict=True)]
        found = [
            m
            for m in facts.entities
            if m.label in LABELS
            and m.start >= 0
            and not (m.label == EntityLabel.PLACE and _inside(m, agency_spans))
        ]
        used: set[int] = set()
        for g in wanted:
            c = self.counts[g.label]
            match = next(
                (
                    i
                    for i, m in enumerate(found)
                    if i not in used
                    and m.label.value == g.label
                    and m.start < g.end
                    and g.start < m.end
                ),
                None,
            )
            if match is None:
                c["fn"] += 1
                _show(show, aid, f"{g.label}-MISS", g.item["text"], None, g.item.get("canonical"))
                continue
            used.add(match)
            c["tp"] += 1
            self._judge(aid, g, found[match], c, show=show)
        for i, m in enumerate(found):
            if i not in used:
                self.counts[m.label.value]["fp"] += 1
                _show(show, aid, f"{m.label.value}-EXTRA", m.text, m.canonical, None)

    def _judge(
        self, aid: str, g: GoldMention, m: EntityMention, c: Counter[str], *, show: bool
    ) -> None:
        want = g.item
        if g.label == EntityLabel.DATE:
            got_span = (m.extra.get("start") or None, m.extra.get("end") or None)
            if got_span == (None, None):
                got_span = interval(m.canonical)
            right = got_span == _gold_interval(want)
            got, expected = got_span, _gold_interval(want)
        elif g.label == EntityLabel.INITIATIVE:
            right = _bare(m.canonical) == _bare(want.get("canonical"))
            got, expected = m.canonical, want.get("canonical")
        else:
            right = m.canonical == want.get("canonical")
            got, expected = m.canonical, want.get("canonical")
        c["canon_ok"] += right
        if not right:
            _show(show, aid, f"{g.label}-CANON", want["text"], got, expected)
        if g.label == EntityLabel.PLACE:
            c["kind_ok"] += m.kind == want.get("kind")
        if g.label == EntityLabel.PERSON and want.get("title"):
            c["titled"] += 1
            title_right = (m.extra.get("title") or None) == want["title"]
            c["title_ok"] += title_right
            if not title_right:
                _show(show, aid, "PERSON-TITLE", want["text"], m.extra.get("title"), want["title"])

    def print(self) -> None:
        print("entities (same label, overlapping span; canonical judged on the matched):")
        for label, c in self.counts.items():
            tp, fp, fn = c["tp"], c["fp"], c["fn"]
            if not tp + fp + fn:
                continue
            what = {"DATE": "span right", "PERSON": "name right"}.get(label, "canonical right")
            line = (
                f"  {label:10s} P={_ratio(tp, tp + fp)}  R={_ratio(tp, tp + fn)}  "
                f"{what}: {_ratio(c['canon_ok'], tp)}"
            )
            if label == "PLACE":
                line += f"  kind right: {_ratio(c['kind_ok'], tp)}"
            if label == "PERSON":
                line += f"  title right: {_ratio(c['title_ok'], c['titled'])}"
            print(line)


def _inside(m: EntityMention, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def _show(show: bool, aid: str, what: str, text: str, got: Any, want: Any) -> None:
    if show:
        print(f"    {aid} {what:16s} {text}: got {got!r}  want {want!r}")


def evaluate_entities(
    gold: dict[str, Any],
    articles: dict[str, Article],
    facts: dict[str, ArticleFacts],
    ids: list[str],
    *,
    show: bool,
) -> None:
    """Print the entity scores of the articles among ``ids`` that the gold annotates."""
    annotated = set(gold.get("entity_articles", []))
    chosen = [aid for aid in ids if aid in annotated]
    if not chosen:
        return
    score = EntityScore()
    for aid in chosen:
        text = articles[aid].text
        mine = [g for g in gold["agencies"] if g["article"] == aid]
        agency_spans = spans_in_order(text, [g["text"] for g in mine])
        entities = [e for e in gold["entities"] if e["article"] == aid]
        score.add(aid, articles[aid], entities, agency_spans, facts[aid], show=show)
    score.print()
