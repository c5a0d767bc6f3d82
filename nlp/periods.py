"""A figure's period: the time expression it covers, resolved to days.

NLP stage (ingest → **nlp** → search).  ``figure_period`` picks, for one figure, a date of
``nlp.dates.find_dates`` (or a time word that only matters as a period: 截至目前, 近年来, an event
with 以来, 两年来) and decides how far it runs:

* own sentence first: the nearest time expression before the figure, else the first after it;
  a comparison base (较去年, 比2022年, 去年同期, 由去年的…) is not the figure's period, except
  for a figure printed right after it (由去年的41%);
* a vague time (近日, 日前) gives no period, and nothing is inherited past it, unless its
  sentence also prints a date (记者近日从…获悉，今年上半年，…: the report's time, not the figures');
* a rate (按每人每月…, 每单补贴0.5元, 由每月150元提高到每月300元) is a standing amount: no period;
* 自X…以来 with an event clause between X and 以来 runs from X's start to the page date, and
  so does X + an event + 后 (今年2月投用后) for the clause it heads;
* a sentence with no time word inherits the frame of an earlier sentence of its paragraph
  (今年以来，…。其中…), 当天/当日/当晚 the last date printed before them; never a later one;
  a paragraph opening with a tie back to the report (其中, 同步, 会上, 这是, X期间，…) takes
  the lead's frame, 同期 after 今年以来…截至Y the span up to Y; a sentence stating a standing
  rule (按规定，…) inherits nothing;
* 今年 (and 本月, a half or quarter of this year) counts to the page date for what is achieved,
  the whole unit for a plan (将, 计划, 力争, 今年内); a printed year, 截至X and 到X keep X's end.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Final

from baoku.nlp.dates import DateMatch, years_back
from baoku.nlp.sentences import SentenceIndex

# Vague event times: the day cannot be told, so the figure has no period.
_VAGUE: Final[frozenset[str]] = frozenset({"近日", "日前", "不久前", "近期"})
_VAGUE_RE: Final[re.Pattern[str]] = re.compile("近日|日前|不久前|近期")
# A date right after these (or before 同期/相比) is what the figure is compared with.
_BASE_BEFORE: Final[re.Pattern[str]] = re.compile(r"(?:较|比|同比|由|与|相较于?|相比于?)$")
_BASE_AFTER: Final[re.Pattern[str]] = re.compile(r"(?:同期|相比|的水平)")
# Words of a plan or target: the unit named is the whole year (quarter, half), not to date.
_PLAN: Final[re.Pattern[str]] = re.compile("将|计划|力争|拟|预计|争取|年内|安排|目标")
_DONE: Final[re.Pattern[str]] = re.compile("已|累计|完成|共计")
# A sentence stating the terms of a contract or rule (合同约定，…今年工资增幅不低于6%): what it
# sets for 今年 is a target for the whole year.
_TERMS: Final[re.Pattern[str]] = re.compile("约定|规定")
# 今年 and other units holding the page date; printed years and months are not cut.
_CURRENT: Final[re.Pattern[str]] = re.compile(
    r"^(?:今年|本年度|当年|本月|当月)(?:上半年|下半年|前三季度|第?[一二三四]季度)?$"
    r"|^(?:上半年|下半年|前三季度|第?[一二三四]季度)$"
)
# Time words that only matter as a figure's period (the DATE rules leave them out).  现有 (全市
# 现有…21.6万人) is a stock at the time of writing, like 目前; 按现有标准 is no time.
_OPEN_NOW: Final[re.Pattern[str]] = re.compile(
    r"(?:截至|截止到?|到)目前|目前|(?<![按照依以])现有|近年来|近几年来?"
    r"|(?P<event>[^，,。；;：:！!？?、\n\d０-９年月日]{2,12}?)以来"
)
_NUM: Final[str] = "[0-9０-９一二两三四五六七八九十]"
# 两年来, 一年多来, 半年来, 3个月来: counted back from the page date (not 近3年来: dates.py).
_BACK: Final[re.Pattern[str]] = re.compile(rf"(?<!近)(?P<n>{_NUM}{{1,2}}|半)(?P<unit>年|个月)多?来")
# Openings of a paragraph that continue the report of the lead: a part of its totals (其中),
# a set it drew (在参加培训的企业中，), its statistics or findings (据…统计, 检查发现), an act
# done in step or in the same period (同步, 同期), the meeting it reported (会上, 恳谈会上), a
# demonstrative naming the lead's act again (这是…, 此次调整…).
_CONTINUES: Final[re.Pattern[str]] = re.compile(
    r"(?:据[^，。]{0,12}(?:介绍|统计)，)?"
    r"(?:其中|[^，。；]{0,8}会上|在[^，。；]{2,16}中，|据[^，。]{0,10}统计|(?:检查|调查|排查|督查)发现"
    r"|[^，。；]{2,16}(?:同步|同期)|这是|此次|这次|[^，。；]{1,8}期间，)"
)
# A paragraph opening with 同期 (市总工会同期受理…) speaks of the report's own period.
_SAME_PERIOD: Final[re.Pattern[str]] = re.compile(r"[^，。；]{2,16}同期")
# A frame is inherited from at most this many sentences back (a plain inheritance, and a
# bound on the work for long paragraphs with no time word).
_LOOKBACK: Final[int] = 8
# Words referring back to a date printed before: they take that date.
_ANAPHOR: Final[re.Pattern[str]] = re.compile("当天|当日|当晚|同日|同期")


def _extra(
    text: str, lo: int, hi: int, dates: Sequence[DateMatch], pub: date | None
) -> list[DateMatch]:
    """Period words of ``text[lo:hi]`` that ``find_dates`` leaves out, as open periods."""
    if pub is None:
        return []
    seg = text[lo:hi]
    if "来" not in seg and "目前" not in seg and "现有" not in seg:
        return []  # every word below holds one of these: most sentences skip the scans
    out: list[DateMatch] = _since_with_clause(text, lo, hi, dates, pub)
    taken = [(d.start, d.end) for d in dates if lo <= d.start < hi]
    taken += [(d.start, d.end) for d in out]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _OPEN_NOW.finditer(text, lo, hi):
        a, b = m.span()
        if m.group("event") is not None:
            # 服务站成立以来: an event with no date; one with a date is find_dates' own.
            a = b - len(m.group("event")) - 2
            if not free(a - 4, b):
                continue
        if free(a, b):
            out.append(DateMatch(a, b, text[a:b], None, pub, "period", True))
    for m in _BACK.finditer(text, lo, hi):
        first = years_back(m.group("n"), m.group("unit"), pub)
        if first is not None and free(*m.span()):
            out.append(DateMatch(m.start(), m.end(), m.group(), first, pub, "period", True))
    return out


# 自去年6月全市建立…制度以来: 自/从, a date, an event clause of any length, 以来 (find_dates
# takes only a short clause into the date; a longer one leaves the date standing alone).
_SINCE_FROM: Final[re.Pattern[str]] = re.compile(r"[自从][^，,。；;：:！!？?\n]{2,48}?以来")


def _since_with_clause(
    text: str, lo: int, hi: int, dates: Sequence[DateMatch], pub: date
) -> list[DateMatch]:
    """自X…以来 phrases whose X is a date printed right after 自: from X's start to the page
    date (a start after the page date keeps the date alone, as find_dates does)."""
    out: list[DateMatch] = []
    for m in _SINCE_FROM.finditer(text, lo, hi):
        anchor = next((d for d in dates if d.start == m.start() + 1), None)
        if anchor is None or anchor.end >= m.end() or anchor.first is None or anchor.first > pub:
            continue  # no date after 自, or find_dates already took 以来 into it
        out.append(DateMatch(m.start(), m.end(), m.group(), anchor.first, pub, "period", True))
    return out


# A rate is printed after 每 and its unit: 按每人每月1800元, 每单补贴0.5元, 由每月150元.
# Per-recipient amounts of an act (每人资助5000元) and per-year averages over a frame
# (2020年以来，每年发出要约3100多份) keep the frame; a comparison (每月工资比去年多了) is no rate.
_RATE: Final[re.Pattern[str]] = re.compile(
    r"(?:按每|每个?(?:月|周|天|日|班|单))[^，,。；;、比较多少增减]{0,6}$"
)


# A sentence stating a standing rule (按规定，…; 按每人每月1800元的标准给予…，对…再给予每人2000元)
# inherits no frame: its amounts hold whenever the rule applies.
_STANDING_RULE: Final[re.Pattern[str]] = re.compile(
    r"(?:^|(?<=[，,。；;：:！？\n]))按(?:照)?规定，|按每[^，。；]{0,14}标准"
)


def _is_rate(text: str, clause_start: int, offset: int) -> bool:
    return bool(_RATE.search(text, max(clause_start, offset - 12), offset))


def _is_base(text: str, d: DateMatch) -> bool:
    before = text[max(0, d.start - 3) : d.start]
    return bool(_BASE_BEFORE.search(before)) or bool(_BASE_AFTER.match(text, d.end))


def _bounded(text: str, d: DateMatch, offset: int, s_end: int, pub: date | None) -> DateMatch:
    """``d`` as the figure's period: whether it runs to the page date or its own end."""
    if text[d.start - 1 : d.start] == "到" and d.text.endswith(("底", "末")):
        d = replace(d, first=None)  # 到2025年底 (a target): like 截至, it states only the end
    if d.text.startswith(("截至", "截止", "到")) and d.first is None:
        return replace(d, to_date=False) if d.last is not None else d
    if d.text.endswith("起") and pub is not None and d.first is not None and d.first > pub:
        # 从12月1日起 on a November page: a rule in force from then on, with no end
        return replace(d, last=None, to_date=False)
    if not d.to_date or d.kind not in ("year", "month", "period"):
        return d
    if not _CURRENT.match(d.text):
        # a printed year or month (2023年, 今年2月) names the whole unit; 以来 was resolved.
        return d if d.text.endswith(("以来", "至今", "起")) else replace(d, to_date=False)
    lo, hi = min(d.end, offset), max(d.end, offset)
    span = text[lo:hi]
    clause_end = re.search("[，。；,;]", text[offset:s_end])
    tail = text[offset : offset + clause_end.start()] if clause_end else text[offset:s_end]
    if _DONE.search(span):
        return d
    if text.startswith("内", d.end) or _PLAN.search(span) or _PLAN.search(tail):
        return replace(d, to_date=False)
    sentence_start = max(text.rfind(c, 0, d.start) for c in "。！？\n") + 1
    if _TERMS.search(text, sentence_start, d.start):
        return replace(d, to_date=False)
    return d


def _with_start(text: str, d: DateMatch, own: Sequence[DateMatch]) -> DateMatch:
    """截至X after X以来 in the same sentence (今年2月以来…截至4月底): the stated start."""
    if d.first is not None or not d.text.startswith(("截至", "截止")):
        return d
    since = [
        e.first
        for e in own
        if e.end <= d.start and e.text.endswith("以来") and e.first and d.last and e.first <= d.last
    ]
    return replace(d, first=since[-1]) if since else d


def _usable(d: DateMatch) -> bool:
    return d.first is not None or d.last is not None


def figure_period(
    text: str,
    dates: Sequence[DateMatch],
    index: SentenceIndex,
    sentence: int,
    offset: int,
    pub: date | None,
) -> DateMatch | None:
    """The period of the figure at ``offset`` in sentence ``sentence`` (None: none)."""
    sents = index.sentences
    if not sents:
        return None
    s = sents[sentence]
    clause_start = max(text.rfind(c, s.start, offset) for c in "，,；;：:") + 1
    if _is_rate(text, max(clause_start, s.start), offset):
        return None
    own = _candidates(text, dates, s.start, s.end, pub)
    # 由去年的41%: a figure printed right after a base date is that date's.
    for d in own:
        if d.end <= offset and text[d.end : offset] in ("", "的") and _usable(d):
            return _bounded(text, d, offset, s.end, pub)
    if any(d.text in _VAGUE for d in own):
        kept = [d for d in own if d.text not in _VAGUE and not _is_base(text, d)]
        if not kept:
            return None
    picked = _pick(text, own, offset)
    if picked is not None:
        return _bounded(text, _with_start(text, picked, own), offset, s.end, pub)
    if _VAGUE_RE.search(text, s.start, s.end) or _STANDING_RULE.search(text, s.start, s.end):
        return None
    anaphor = _ANAPHOR.search(text, s.start, offset)
    para_start = text.rfind("\n", 0, s.start) + 1
    if (anaphor is not None and anaphor.group() == "同期") or _SAME_PERIOD.match(text, para_start):
        same = _same_period(text, dates, index, pub, s.paragraph, s.start)
        if same is not None:
            return same
    # a sentence with no time word continues its paragraph's frame (nearest sentence before
    # with a time word); 当天 takes the last date printed before it, in any earlier paragraph.
    for j in range(sentence - 1, max(-1, sentence - 1 - _LOOKBACK), -1):
        prev = sents[j]
        if prev.paragraph != s.paragraph and anaphor is None:
            # a paragraph opening with a tie back to the report (其中, 同步, 据…统计, 在X中)
            # continues the lead's frame; any other paragraph starts afresh
            if _CONTINUES.match(text, para_start):
                return _lead_frame(text, dates, index, pub, s.paragraph)
            break
        found = _frame_dates(text, dates, prev.start, prev.end, pub)
        if found is None:
            return None
        usable = found[1]
        if usable:
            frame = usable[-1] if anaphor is not None else usable[0]
            return _bounded(text, frame, frame.end, prev.end, pub)
    return None


def _same_period(
    text: str,
    dates: Sequence[DateMatch],
    index: SentenceIndex,
    pub: date | None,
    para: int,
    before: int,
) -> DateMatch | None:
    """同期 after a report opened by X以来 and cut by 截至Y: the report's span, X to Y
    (今年以来…截至5月底…市总工会同期受理89件).  None when there is no such pair."""
    lead = _lead_frame(text, dates, index, pub, para)
    if lead is None or lead.first is None or not lead.text.endswith("以来"):
        return None
    cuts = [
        d
        for d in dates
        if lead.end <= d.start < before and d.text.startswith(("截至", "截止")) and d.last
    ]
    if not cuts or cuts[-1].last < lead.first:
        return None
    cut = cuts[-1]
    return DateMatch(cut.start, cut.end, cut.text, lead.first, cut.last, "period")


def _candidates(
    text: str, dates: Sequence[DateMatch], lo: int, hi: int, pub: date | None
) -> list[DateMatch]:
    # find_dates returns its matches in text order: bisect, so long texts stay linear
    a = bisect.bisect_left(dates, lo, key=lambda d: d.start)
    b = bisect.bisect_left(dates, hi, lo=a, key=lambda d: d.start)
    inside = list(dates[a:b])
    extra = _extra(text, lo, hi, inside, pub)
    # a date inside a longer period word (去年6月 in 自去年6月…以来) is that word's anchor
    inside = [d for d in inside if not any(e.start <= d.start and d.end <= e.end for e in extra)]
    inside = [_since_event(text, d, pub) for d in inside]
    return sorted([*inside, *extra], key=lambda d: d.start)


# 今年2月投用后已有1200余名职工入住, 2022年形成常态化机制后…已选派2776名: a date, a short event
# clause and 后 open a period running from the date to the page date, like X以来.
_AFTER_EVENT: Final[re.Pattern[str]] = re.compile(
    r"[^，,。；;：:、！!？?\n\d０-９年月日]{0,10}?(?<!前)(?<!然)(?<!随)以?后"
)


def _since_event(text: str, d: DateMatch, pub: date | None) -> DateMatch:
    if pub is None or d.first is None or d.first > pub or d.kind not in ("year", "month", "day"):
        return d
    m = _AFTER_EVENT.match(text, d.end)
    if m is None:
        return d
    return DateMatch(d.start, m.end(), text[d.start : m.end()], d.first, pub, "period", True)


def _pick(text: str, own: Sequence[DateMatch], offset: int) -> DateMatch | None:
    """The nearest usable, non-base time expression before the figure, else the first after."""
    usable = [d for d in own if _usable(d) and d.text not in _VAGUE and not _is_base(text, d)]
    before = [d for d in usable if d.end <= offset]
    if before:
        return before[-1]
    # 投入资金3800万元建设公寓，今年2月投用后…: what came before the event is not timed by it
    after = [d for d in usable if not _after_event(d)]
    return after[0] if after else None


def _after_event(d: DateMatch) -> bool:
    """Whether ``d`` is a date + event + 后 period (``_since_event``)."""
    return d.text.endswith("后") and d.kind == "period" and d.last is not None


# The lead frame of the last text asked about: every figure of a paragraph that continues the
# report asks for it (one entry; a str compares by identity first, so the hit is cheap).
_LEAD_CACHE: dict[tuple[str, date | None], DateMatch | None] = {}


def _lead_frame(
    text: str, dates: Sequence[DateMatch], index: SentenceIndex, pub: date | None, para: int
) -> DateMatch | None:
    if para == 0:
        return None
    key = (text, pub)
    if key not in _LEAD_CACHE:
        _LEAD_CACHE.clear()
        _LEAD_CACHE[key] = _find_lead_frame(text, dates, index, pub)
    return _LEAD_CACHE[key]


def _frame_dates(
    text: str, dates: Sequence[DateMatch], start: int, end: int, pub: date | None
) -> tuple[list[DateMatch], list[DateMatch]] | None:
    """A sentence's dates that can frame later figures (comparison bases left out), and those
    of them usable as a period; None when its time is vague (近日): no frame, and nothing is
    inherited past it."""
    cands = [d for d in _candidates(text, dates, start, end, pub) if not _is_base(text, d)]
    concrete = [d for d in cands if d.text not in _VAGUE]
    if len(concrete) < len(cands) or _VAGUE_RE.search(text, start, end):
        # 记者近日从…获悉，今年上半年，…: beside a date that opens a clause the vague word
        # is the report's time; a year inside a name (近日…举办2024年…招聘会) frames
        # nothing, and the vague word blocks inheritance.
        concrete = [d for d in concrete if _sets_frame(text, d)]
        if not any(_usable(d) for d in concrete):
            return None
    # X…后 times the clause it heads, not the sentences after it (…投用后已有1200余名职工入住。
    # 公司工会还在公寓内配建…6处)
    return concrete, [d for d in concrete if _usable(d) and not _after_event(d)]


def _sets_frame(text: str, d: DateMatch) -> bool:
    """Whether ``d`` frames its sentence: it opens a clause (获悉，今年全市…) or is set off by
    a comma, is an open period (以来, 截至), or names the year a contract covers (2020年度)."""
    return (
        d.start == 0
        or text[d.start - 1] in "，,。；;：:\n"
        or text.startswith(("，", ","), d.end)
        or d.text.endswith(("以来", "至今", "起", "年度"))
        or text.startswith("度", d.end)
        or d.text.startswith(("截至", "截止"))
    )


def _find_lead_frame(
    text: str, dates: Sequence[DateMatch], index: SentenceIndex, pub: date | None
) -> DateMatch | None:
    for prev in index.sentences[:_LOOKBACK]:  # the frame opens the lead
        if prev.paragraph != 0:
            return None
        found = _frame_dates(text, dates, prev.start, prev.end, pub)
        if found is None:
            continue  # 近日，…召开表彰会。今年的竞赛…: the report's frame may follow
        cands, usable = found
        if usable:
            frame = _with_start(text, usable[0], cands)
            return _bounded(text, frame, frame.end, prev.end, pub)
    return None
