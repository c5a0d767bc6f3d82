"""Check a claimed figure against the archive (search stage, for fact-checkers).

An editor asks: "did the paper really print 1850万余元, where, and does another article give a
different number for the same thing?"  ``check_figure`` parses the claim with the NLP stage's
number reader (so 1850万余元, 一千八百五十万元 and 18,500,000元 are one value), lists the stored
figure records that print that value, and then, for each thing those records count (measure
and credited agency), the records that print a *different* value for it, each labelled by
how their periods relate: the same period (a real disagreement), another period (a different
statistic), or not stated.  When the claim is not found but a measure is given, the records
for that measure are the "others": what the paper printed instead.

Read-only; built on ``fact_listing.list_figures`` so filters and provenance (sentence, page,
box) are the same as ``baoku figures``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Literal

from baoku.nlp.quantities import find_quantities
from baoku.search.fact_listing import FigureHit, FigureQuery, list_figures
from baoku.search.query import MAX_LIMIT, MAX_WINDOW, FigureFilter

Relation = Literal["same_period", "other_period", "period_unknown"]

# Units that count the same thing: 5893名职工 and 5893人 are the same figure; 人次 (visits)
# is not, and neither are 件 and 起 of different measures (the measure check handles those).
_PERSON_UNITS: Final = frozenset({"人", "名", "位"})
# Most distinct (measure, agency) pairs whose other values are looked up for one claim.
MAX_SUBJECTS: Final = 10


class ClaimError(ValueError):
    """The claim holds no figure the number reader understands."""


@dataclass(frozen=True, slots=True)
class Claim:
    text: str  # the figure as the user typed it (the part the reader recognised)
    value: float
    value_max: float | None
    qualifier: str
    unit: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "value_max": self.value_max,
            "qualifier": self.qualifier,
            "unit": self.unit,
        }


@dataclass(frozen=True, slots=True)
class OtherFigure:
    """A record giving another value for the measure (and agency) of a found record."""

    figure: FigureHit
    relation: Relation | None  # None: the claim was not found, so nothing to compare with
    compared_with: int | None  # id of the found record it differs from

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.figure.to_dict(),
            "relation": self.relation,
            "compared_with": self.compared_with,
        }


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    claim: Claim
    found_total: int
    found: list[FigureHit]
    others: list[OtherFigure]

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim.to_dict(),
            "found_total": self.found_total,
            "found": [f.to_dict() for f in self.found],
            "others": [o.to_dict() for o in self.others],
        }


def parse_claim(text: str) -> Claim:
    """The first figure in ``text`` (e.g. "1850万余元", "追回经济损失1850万余元")."""
    quantities = find_quantities(text.strip())
    if not quantities:
        raise ClaimError(
            f"no figure in {text!r}: give a number with its unit, e.g. 1850万余元, 1276件, 72.2%"
        )
    q = quantities[0]
    return Claim(
        text=q.text,
        value=float(q.value),
        value_max=float(q.value_max) if q.value_max is not None else None,
        qualifier=q.qualifier,
        unit=q.unit,
    )


def _unit_group(unit: str) -> str:
    return "persons" if unit in _PERSON_UNITS else unit


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _prints_claim(hit: FigureHit, claim: Claim) -> bool:
    return (
        _unit_group(hit.unit) == _unit_group(claim.unit)
        and _same(hit.value, claim.value)
        and _same(hit.value_max, claim.value_max)
    )


def _span(hit: FigureHit) -> tuple[str, str] | None:
    start = hit.period_start or hit.period_end
    end = hit.period_end or hit.period_start
    return (start, end) if start and end else None


def relation(a: FigureHit, b: FigureHit) -> Relation:
    """How the periods two records cover relate (ISO dates compare as strings)."""
    pa, pb = _span(a), _span(b)
    if pa is None or pb is None:
        return "period_unknown"
    return "same_period" if pa[0] <= pb[1] and pb[0] <= pa[1] else "other_period"


_RELATION_ORDER: Final[dict[str | None, int]] = {
    "same_period": 0,
    "period_unknown": 1,
    "other_period": 2,
    None: 3,
}


def _same_subject(hit: FigureHit, claim: Claim, measure: str) -> bool:
    """``hit`` counts what ``measure`` names, in the claim's unit, with another value."""
    # instr() in the filter also matches longer measures (欠薪 in 欠薪案件): require equality.
    return (
        hit.measure == measure
        and _unit_group(hit.unit) == _unit_group(claim.unit)
        and not _prints_claim(hit, claim)
    )


def check_figure(
    conn: sqlite3.Connection,
    claim_text: str,
    *,
    measure: str | None = None,
    agency: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    newspapers: tuple[str, ...] = (),
    limit: int = 50,
) -> ClaimCheck:
    """Where the archive prints the claimed figure, and other values for the same thing.

    ``measure`` (contained in the record's measure) and ``agency`` (canonical) narrow both
    lists; dates and newspapers narrow by article.
    """
    claim = parse_claim(claim_text)
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be 1..{MAX_LIMIT}: {limit!r}")

    def listing(figure: FigureFilter) -> list[FigureHit]:
        # Every record of the filter, in pages: a claim check must not miss a later page.
        out: list[FigureHit] = []
        while True:
            page = list_figures(
                conn,
                FigureQuery(
                    figure=figure,
                    date_from=date_from,
                    date_to=date_to,
                    newspapers=newspapers,
                    sort="-date",
                    limit=MAX_LIMIT,
                    offset=len(out),
                ),
            )
            out += page.figures
            if len(out) >= page.total or not page.figures or len(out) + MAX_LIMIT > MAX_WINDOW:
                return out

    # The value filter runs in SQL with a relative tolerance (values are stored as floats).
    slack = 1e-9 * max(1.0, abs(claim.value))
    found_all = [
        h
        for h in listing(
            FigureFilter(
                min_value=claim.value - slack,
                max_value=claim.value + slack,
                measure_contains=measure,
                agency=agency,
            )
        )
        if _prints_claim(h, claim)
    ]
    found_ids = {h.id for h in found_all}
    others: dict[int, OtherFigure] = {}
    if found_all:
        # What the found records count: (measure, agency) pairs, each compared with the first
        # record that printed the claim for it.
        anchors: dict[tuple[str, str | None], FigureHit] = {}
        for h in found_all:
            if h.measure and len(anchors) < MAX_SUBJECTS:
                anchors.setdefault((h.measure, h.agency), h)
        for (subject, credited), anchor in anchors.items():
            for h in listing(FigureFilter(measure_contains=subject, agency=credited)):
                if h.id in found_ids or h.id in others or not _same_subject(h, claim, subject):
                    continue
                if h.agency != credited:
                    continue  # agency=None in the filter means "any"; here it means "none"
                if h.part_id == anchor.part_id and h.sentence == anchor.sentence:
                    # Two values in one sentence are a change (由95%提高到98%) or a list, not
                    # another article saying otherwise.
                    continue
                rel = relation(anchor, h)
                if credited is None and rel != "same_period":
                    # With no agency, the measure alone (经济损失) is too common a noun to say
                    # two articles count the same thing unless their periods coincide.
                    continue
                others[h.id] = OtherFigure(figure=h, relation=rel, compared_with=anchor.id)
    elif measure:
        # Not printed: what the paper printed for that measure instead.
        for h in listing(FigureFilter(measure_contains=measure, agency=agency)):
            if _unit_group(h.unit) == _unit_group(claim.unit):
                others[h.id] = OtherFigure(figure=h, relation=None, compared_with=None)
    # Disagreements first, then the unclear, then other periods; newest first within each.
    ordered = sorted(
        others.values(), key=lambda o: (o.figure.date or "", o.figure.id), reverse=True
    )
    ordered.sort(key=lambda o: _RELATION_ORDER[o.relation])
    return ClaimCheck(
        claim=claim,
        found_total=len(found_all),
        found=found_all[:limit],
        others=ordered[:limit],
    )
