"""Figure records: the numbers a fact-checker looks up, typed and tied to measure, agency, period.

NLP stage (ingest → **nlp** → search).  ``build_figures`` turns ``find_quantities`` hits into
``FigureRecord``s: the type (money, cases, people, percent, count), what is counted
(``measure``), who the sentence credits (``agency``) and the period it covers.

Rules (lexicon in ``nlp/data/figures.toml``):

* Type: money and percent come from the unit; 件/宗/起… are cases when the measure names a
  case, dispute, complaint or aid (法律援助案件1276件), else counts (实事好事300件);
  名/人/人次/位/户 are people; every other count and physical measure is ``count``.
  Durations and ages are not figures (the period fields carry time).
* Measure: the noun printed after the unit (5893名职工 → 职工) when there is one, else the
  words before the number back to the last verb or punctuation (挽回经济损失1850万余元 →
  经济损失), with linking words (达, 共计, 超过…) stripped.
* Agency: the first agency named in the sentence before the figure; when the sentence names
  none, the first agency of the paragraph's previous sentence (其中… continues it).
* Period: the nearest date expression before the figure in the same sentence, else the first
  in the sentence, else none.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from baoku.nlp.agencies import AgencyMatch
from baoku.nlp.dates import DateMatch
from baoku.nlp.quantities import Quantity
from baoku.nlp.records import FigureRecord, FigureType
from baoku.nlp.sentences import SentenceIndex


@dataclass(frozen=True, slots=True)
class FigureLexicon:
    case_words: tuple[str, ...]
    case_units: frozenset[str]
    people_units: frozenset[str]
    verbs: tuple[str, ...]
    after_verbs: tuple[str, ...]
    fillers: tuple[str, ...]
    after_stop: frozenset[str]


@cache
def figure_lexicon() -> FigureLexicon:
    raw = (resources.files("baoku.nlp") / "data" / "figures.toml").read_text(encoding="utf-8")
    d = tomllib.loads(raw)
    return FigureLexicon(
        tuple(d["case_words"]),
        frozenset(d["case_units"]),
        frozenset(d["people_units"]),
        tuple(sorted(set(d["verbs"]), key=len, reverse=True)),
        tuple(d["after_verbs"]),
        tuple(sorted(set(d["fillers"]), key=len, reverse=True)),
        frozenset(d["after_stop"]),
    )


# A causative verb in front (促使案件办结率) is not part of the rate's name.
_RATE = re.compile(r"(?:促使|使得|使|让|将|把)?([\u4e00-\u9fff]{2,6}?(?:率|比重|占比))")
_BOUNDARY = frozenset("，。；：！？、,;:!?（）()“”‘’《》\n 　")


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def measure_after(text: str, end: int, lex: FigureLexicon, limit: int = 10) -> str | None:
    """Noun printed right after the unit (5893名职工参加 → 职工)."""
    j = end
    while j < len(text) and j - end < limit and _cjk(text[j]) and text[j] not in lex.after_stop:
        j += 1
    word = text[end:j]
    # 3个日常维权窗口 keeps going; 374名专业成员|组成, 5893名职工|挽回 stop at the verb.
    for v in (*lex.after_verbs, *(v for v in lex.verbs if len(v) > 1)):
        k = word.find(v, 1)
        if k >= 1:
            word = word[:k]
    return word if len(word) >= 2 else None


def measure_before(
    text: str, start: int, floor: int, lex: FigureLexicon, limit: int = 14
) -> str | None:
    """Words before the number back to a verb or punctuation (挽回经济损失 → 经济损失)."""
    i = start
    while (
        i > floor
        and start - i < limit
        and text[i - 1] not in _BOUNDARY
        and not text[i - 1].isdigit()
    ):
        i -= 1
    window = text[i:start]
    changed = True
    while changed and window:
        changed = False
        for f in lex.fillers:
            if window.endswith(f):
                window, changed = window[: -len(f)], True
                break
    cut, verb_at = 0, len(window)
    for v in lex.verbs:
        k = window.rfind(v)
        if k >= 0 and k + len(v) > cut:
            cut, verb_at = k + len(v), k
    # 调解成功率提高到95%: nothing follows the verb, so the measure is what precedes it.
    if window.endswith("率") and cut < len(window):
        cut = verb_at  # 调解成功率: the verb is part of the rate's name
    window = window[cut:] if len(window) - cut >= 2 else window[:verb_at]
    if len(window) > 10:
        window = window[-10:]
    while window and window[0] in "的了已共":
        window = window[1:]
    return window if len(window) >= 2 and all(_cjk(c) for c in window) else None


def figure_type(q: Quantity, measure: str | None, lex: FigureLexicon) -> FigureType | None:
    if q.kind == "money":
        return FigureType.MONEY
    if q.kind == "percent":
        return FigureType.PERCENT
    if q.kind in ("duration", "age"):
        return None
    if q.unit in lex.people_units:
        return FigureType.PEOPLE
    if q.unit in lex.case_units and measure and any(w in measure for w in lex.case_words):
        return FigureType.CASES
    return FigureType.COUNT


def build_figures(
    text: str,
    quantities: Sequence[Quantity],
    index: SentenceIndex,
    agencies: Sequence[AgencyMatch],
    dates: Sequence[DateMatch],
    pub_date: date | None = None,
) -> list[FigureRecord]:
    """Figures of ``text``; a period reaching past ``pub_date`` (今年) is cut at it."""
    lex = figure_lexicon()
    out: list[FigureRecord] = []
    sents = index.sentences
    prev_end_in_sentence: dict[int, int] = {}
    for q in quantities:
        si = index.sentence_of(q.start)
        s = sents[si] if sents else None
        s_start = s.start if s else 0
        s_end = s.end if s else len(text)
        floor = max(s_start, prev_end_in_sentence.get(si, s_start))
        prev_end_in_sentence[si] = q.end
        after = measure_after(text, q.end, lex)
        measure = after or measure_before(text, q.start, floor, lex)
        if q.kind == "percent":
            # 办结率由过去的95%提高到98%: a rate named earlier in the clause is the measure.
            clause = max(text.rfind(c, s_start, q.start) for c in "，；：、") + 1
            rates = _RATE.findall(text, max(s_start, clause), q.start)
            rate = rates[-1] if rates else None
            measure = rate or measure_before(text, q.start, floor, lex)
        ftype = figure_type(q, measure, lex)
        if ftype is None:
            continue
        agency = _credited(agencies, sents, si, q.start, index)
        period = _period(dates, s_start, s_end, q.start)
        out.append(
            FigureRecord(
                type=ftype,
                text=q.text,
                value=float(q.value),
                value_max=float(q.value_max) if q.value_max is not None else None,
                qualifier=q.qualifier,
                unit=q.unit,
                measure=measure,
                agency=agency,
                period_text=period.text if period else None,
                period_start=period.first.isoformat() if period and period.first else None,
                period_end=_clip(period.last, pub_date) if period and period.last else None,
                start=q.start,
                end=q.end,
                paragraph=index.paragraph_of(q.start),
                sentence=text[s_start:s_end],
            )
        )
    return out


def _credited(
    agencies: Sequence[AgencyMatch], sents: Sequence, si: int, offset: int, index: SentenceIndex
) -> str | None:
    if not sents:
        return None
    s = sents[si]
    inside = [a for a in agencies if s.start <= a.start < offset]
    if inside:
        return inside[0].canonical
    if si > 0 and sents[si - 1].paragraph == s.paragraph:
        p = sents[si - 1]
        before = [a for a in agencies if p.start <= a.start < p.end]
        if before:
            return before[0].canonical
    return None


def _period(dates: Sequence[DateMatch], s_start: int, s_end: int, offset: int) -> DateMatch | None:
    inside = [d for d in dates if s_start <= d.start < s_end and (d.first or d.last)]
    before = [d for d in inside if d.end <= offset]
    if before:
        return before[-1]
    return inside[0] if inside else None


def _clip(last: date, pub_date: date | None) -> str:
    return (min(last, pub_date) if pub_date else last).isoformat()
