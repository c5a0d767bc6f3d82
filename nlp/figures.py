"""Figure records: the numbers a fact-checker looks up, typed and tied to measure, agency, period.

NLP stage (ingest → **nlp** → search).  ``build_figures`` turns ``find_quantities`` hits into
``FigureRecord``s: the type (money, cases, people, percent, count), what is counted
(``measure``), who the sentence credits (``agency``) and the period it covers.  This module
assembles the records; the parts come from elsewhere:

* Measure: ``nlp.measure_choice`` (the pick for each figure in its sentence), built on the
  phrase readings of ``nlp.measures`` (the noun phrase after the unit, the object of the
  clause's predicate before the number), the word level of ``nlp.measure_words`` (jieba words,
  tags corrected, the lexicon in ``nlp/data/figures.toml``), the rate names of ``nlp.rates`` and
  the sentence look-ups of ``nlp.measure_context`` (see docs/nlp.md).
* Type: money and percent come from the unit; 件/宗/起… are cases when the measure names a
  case, dispute, complaint or aid (法律援助案件1276件), else counts (实事好事300件);
  名/人/人次/位/户 are people; every other count and physical measure is ``count``.
  Durations and ages are not figures (the period fields carry time); neither are habits,
  equipment ratings and slogans (``_stated_amount``).
* Agency: ``nlp.credit`` (the acting body of the sentence, or the body a report goes on
  about; see there).
* Period: ``nlp.periods`` (the nearest date expression before the figure in the same
  sentence, else the first in the sentence, else none).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

import jieba.posseg as pseg

from baoku.ingest.textclean import is_han
from baoku.nlp.agencies import AgencyMatch
from baoku.nlp.credit import credited, references
from baoku.nlp.dates import DateMatch, period_bounds
from baoku.nlp.measure_choice import SentenceMemory, choose_measure, spot_of
from baoku.nlp.measure_words import RESULTS, FigureLexicon, figure_lexicon
from baoku.nlp.periods import figure_period
from baoku.nlp.quantities import Quantity
from baoku.nlp.records import FigureRecord, FigureType
from baoku.nlp.sentences import SentenceIndex


def build_figures(
    text: str,
    quantities: Sequence[Quantity],
    index: SentenceIndex,
    agencies: Sequence[AgencyMatch],
    dates: Sequence[DateMatch],
    pub_date: date | None = None,
) -> list[FigureRecord]:
    """Figures of ``text``; a to-date period reaching past ``pub_date`` (今年) is cut at it."""
    lex = figure_lexicon()
    out: list[FigureRecord] = []
    sents = index.sentences
    memory = SentenceMemory()
    credited_by = sorted([*agencies, *references(text, agencies)], key=lambda a: a.start)
    starts = [q.start for q in quantities]  # find_quantities returns them in text order
    for q in quantities:
        si = index.sentence_of(q.start)
        s = sents[si] if sents else None
        s_start = s.start if s else 0
        s_end = s.end if s else len(text)
        # every quantity is read, figure or not: later figures go on from what it counted
        spot = spot_of(text, q, quantities, starts, sents, si, s_start, memory, lex)
        measure, qualifier = choose_measure(spot, memory)
        ftype = figure_type(q, measure, lex)
        if ftype is None or not _stated_amount(text, q, quantities, starts, s_start):
            continue
        agency = credited(text, credited_by, sents, si, q.start)
        period = figure_period(text, dates, index, si, q.start, pub_date)
        p_first, p_last = period_bounds(period, pub_date) if period else (None, None)
        out.append(
            FigureRecord(
                type=ftype,
                text=q.text,
                value=float(q.value),
                value_max=float(q.value_max) if q.value_max is not None else None,
                qualifier=qualifier,
                unit=q.unit,
                measure=measure,
                agency=agency,
                period_text=period.text if period else None,
                period_start=p_first.isoformat() if p_first else None,
                period_end=p_last.isoformat() if p_last else None,
                start=q.start,
                end=q.end,
                paragraph=index.paragraph_of(q.start),
                sentence=text[s_start:s_end],
            )
        )
    return out


def figure_type(q: Quantity, measure: str | None, lex: FigureLexicon) -> FigureType | None:
    if q.kind == "money":
        return FigureType.MONEY
    if q.kind == "percent":
        return FigureType.PERCENT
    if q.kind in ("duration", "age"):
        return None
    if q.unit in lex.people_units:
        return FigureType.PEOPLE
    if q.unit in lex.case_units and measure and _names_cases(measure, lex):
        return FigureType.CASES
    return FigureType.COUNT


def _names_cases(measure: str, lex: FigureLexicon) -> bool:
    """Does ``measure`` name cases?  Decided by its head word, as a compound's head decides
    what it is (劳动争议|案件, 欠薪|投诉, 法律咨询, 信访件; 欠薪|问题 is a problem and 举报箱 a
    box): the head ends in a case word, or is a procedural paper (申请, 结论) that a procedure
    modifies (工伤|认定|申请).  A result after a verb (调解|成功) is no head; a bare 案 only
    leads a word (案件, 欠薪|案): in 提案, 方案 or 议案 it ends a word for a document."""
    words = [p.word for p in pseg.lcut(measure, HMM=False) if is_han(p.word[0])]
    while len(words) > 1 and (words[-1] in RESULTS or words[-1] == "件"):
        words.pop()  # 调解|成功: the verb is the head, its result is not; 投诉|件: the paper
    if not words:
        return False
    word = words[-1]
    head = word.removesuffix("件") or word  # 信访件, 投诉件: 件 is the paper itself
    if word.startswith("案") or any(h.endswith(w) for h in (word, head) for w in lex.case_heads):
        return True
    return any(head.endswith(d) for d in lex.case_documents) and any(
        p in w for w in words for p in lex.procedures
    )


# 每周来上三四次: a count of times under 每+period is a habit's frequency, not an amount.
_HABIT = re.compile(r"每(?:周|天|日|月|年|星期|季度|个月)")


_TIMES = frozenset({"次", "回", "趟", "遍"})


_RATINGS = frozenset({"千伏", "千瓦", "兆瓦"})


def _stated_amount(
    text: str, q: Quantity, quantities: Sequence[Quantity], starts: list[int], s_start: int
) -> bool:
    """Is ``q`` an amount the paper states, rather than a habit, a rating or a slogan?"""
    clause = max(s_start, max(text.rfind(c, s_start, q.start) for c in "，；：") + 1)
    if q.unit in _TIMES and _HABIT.search(text, clause, q.start):
        return False
    if q.unit in _RATINGS and q.end < len(text) and is_han(text[q.end]):
        # 500千伏松桃巡维中心, 10千瓦光伏电站: voltage or power glued to a noun is the rating
        # of equipment (its class), not an amount; 4600万亩耕地 is an amount.
        word = pseg.lcut(text[q.end : q.end + 6], HMM=False)[0]
        if word.flag.startswith(("n", "vn")) or word.flag in ("j", "l"):
            return False
    # 两个百分百 / 三个100%: a count of percentages is a slogan; neither number is a figure.
    k = bisect_left(starts, q.start)
    for o in quantities[max(0, k - 1) : k + 2]:
        pair = (o, q) if o.end == q.start else (q, o) if q.end == o.start else None
        if pair and pair[0].unit == "个" and pair[1].kind == "percent":
            return False
    return True
