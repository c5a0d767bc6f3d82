"""Dates and periods in article text, resolved to ISO dates against the publication date.

NLP stage (ingest → **nlp** → search).  ``find_dates`` returns one ``DateMatch`` per printed
date or period: absolute (2023年11月25日, 2022年), yearless (11月初: the year comes from the page
date, stepping back a year when the month lies well after it), relative (今年, 去年, 上月,
今年以来, 近3年), ranges (1月~7月, 11月23日至27日, 今年1月至9月, 10月至次年3月; a yearless range
is placed as a whole nearest the page date) and open periods (截至9月底 has only an end;
2020年以来, 自2021年全面运行以来, 从去年开始 and a clause-opening 三年来 run to the page date;
截至目前, 今年底前 and 到2025年底 have only an end).  年内 is this year, 上年 the year before the
sentence's own, “十四五”末 a five-year plan's last year; 每年4月～9月 recurs and is no date.
Figures take their ``period`` from these through ``period_bounds``, which cuts only a to-date
period at the page date, so a period never ends before it starts.

Without a publication date, expressions that need one (今年, 11月初) are kept with no ISO
bounds rather than guessed.  近日/日前 ("recently") resolve to the week before the page date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from baoku.nlp.numbers import parse_number


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    text: str
    first: date | None  # period start (None: open or unresolved)
    last: date | None  # period end
    kind: str  # day | month | year | period
    # As a figure's period it counts up to the time of writing: open periods (以来, 至今,
    # 截至…) and single units (今年, 2023年, 本月) stop at the page date once begun.  A printed
    # range (4月～9月) states its own end; a period not begun by the page date (明年) is a plan.
    to_date: bool = False

    @property
    def canonical(self) -> str:
        """ISO form: 2023-11-25, 2023-11, 2023, or an ISO interval start/end ('..' when open)."""
        if self.first is None and self.last is None:
            return ""
        if self.kind == "day" and self.first == self.last and self.first is not None:
            return self.first.isoformat()
        if self.kind == "month" and self.first is not None:
            return self.first.isoformat()[:7]
        if self.kind == "year" and self.first is not None:
            return str(self.first.year)
        a = self.first.isoformat() if self.first else ".."
        b = self.last.isoformat() if self.last else ".."
        return f"{a}/{b}"


_NUM: Final[str] = "[0-9０-９〇零一二三四五六七八九十两]"
_YEAR: Final[str] = (
    r"(?:(?P<y>(?:19|20)\d\d|[〇零一二三四五六七八九]{4})年|(?P<ry>今年|去年|前年|明年|当年|本年度|上年度|上年(?![纪级])|次年|翌年))"
)
_MONTH: Final[str] = rf"(?:(?P<m>{_NUM}{{1,3}})月|(?P<rm>本月|上月|上个月|下月|当月))"
_DAY: Final[str] = rf"(?P<d>{_NUM}{{1,3}})[日号]"
_PART: Final[str] = r"(?P<part>上旬|中旬|下旬|初|底|末|中|份)"
_HALF: Final[str] = r"(?P<half>上半年|下半年|前三季度|第[一二三四]季度|[一二三四]季度)"
# Every part optional; find_dates drops empty points.
# 去年底, 2024年末: the year's last month.
_POINT: Final[str] = (
    rf"(?:{_YEAR}?(?:{_HALF}|{_MONTH}(?:{_DAY}|{_PART})?|(?P<yend>底(?!层)|末(?!端)))?)"
)
_REL_DAY: Final[str] = r"(?P<rd>今天|今日|昨天|昨日|近日|日前|前天)"
_NEAR: Final[str] = rf"近(?P<ny>{_NUM}{{1,3}})年(?:来|间)?"


_MONTH_LEAD: Final[re.Pattern[str]] = re.compile(
    r"(\d{1,2}|[一二三四五六七八九十]{1,2})(?:至|~|～|—|-)$"
)


def _point_re(suffix: str) -> str:
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{suffix}>", _POINT)


# Second end of a range may drop the year or month (11月23日至27日, 1月~7月, 1至9月).
_END: Final[str] = rf"(?:(?P<d2b>{_NUM}{{1,3}})[日号]|{_point_re('2')})"
_RANGE_JOIN: Final[str] = r"(?:至|到|~|～|—|-|－|－)"
_PATTERN: Final[re.Pattern[str]] = re.compile(
    r"(?=[0-9０-９〇零一二三四五六七八九十两今去前明当本上下第近昨截到次翌])"
    rf"(?P<until>截至|截止到?|到)?"
    rf"(?:{_NEAR}|{_REL_DAY}|(?P<p1>{_point_re('1')})(?:{_RANGE_JOIN}(?P<p2>{_END}))?)"
    rf"(?P<since>以来|至今|起|开始)?"
)


# 自2021年全面运行以来, 2022年服务站成立以来: a short clause (an event, no punctuation, no
# other date) between a point and 以来 still makes the point the start of an open period.
_SINCE_CLAUSE: Final[re.Pattern[str]] = re.compile(
    r"[^，,。；;：:！!？?、\n0-9０-９年月日号]{1,10}?以来"
)


# 年内 standing alone is this calendar year (区总工会计划年内再建…); after a count or another
# year word it is a duration or part of that word (3年内, 一年内, 今年内, 同年内, 近年内).
_WITHIN_YEAR: Final[re.Pattern[str]] = re.compile(
    r"(?<![0-9０-９〇零一二三四五六七八九十两百千几多半数今去前明当本上下近同周每该次翌])年内"
)


# A five-year plan's span (“十四五”末, 十三五期间): the n-th plan, from the third on, starts in
# 1953 + 5(n-1) + 3 (1963-65 fell between plans).  Only a part word makes it a time: the bare
# name is a plan's title (“十四五”职工服务规划).
_PLAN_SPAN: Final[re.Pattern[str]] = re.compile(
    r"(?P<until>到|截至)?[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?P<part>末|期间|时期)"
)


def _plan_spans(text: str) -> list[DateMatch]:
    out = []
    for m in _PLAN_SPAN.finditer(text):
        n = 10 + "一二三四五六七八九".index(m.group("n")) + 1
        first_year = 1953 + 5 * (n - 1) + 3
        first, last = date(first_year, 1, 1), date(first_year + 4, 12, 31)
        if m.group("part") == "末":
            first = date(first_year + 4, 1, 1)  # the plan's last year
        if m.group("until"):
            first = None  # 到“十四五”末 (a target): like 截至, only the end
        out.append(DateMatch(m.start(), m.end(), m.group(), first, last, "period"))
    return out


def _small(text: str | None) -> int | None:
    if not text:
        return None
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if len(text) == 4 and all(c in "〇零一二三四五六七八九" for c in text):
        return int("".join(str("〇一二三四五六七八九".index(c) if c != "零" else 0) for c in text))
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


def _yearless(month: int | None, pub: date) -> int:
    """The year of a month printed without one: the page's, or the year before when the month
    lies well after the page date (12月 on a January page)."""
    return pub.year - 1 if month is not None and month > pub.month + 1 else pub.year


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


@dataclass(frozen=True, slots=True)
class _Point:
    first: date
    last: date
    kind: str


def _year_of(
    g: dict[str, str | None], sfx: str, pub: date | None, ctx_year: int | None
) -> int | None:
    y = _small(g.get("y" + sfx))
    if y is not None:
        return y if 1900 <= y <= 2100 else None
    ry = g.get("ry" + sfx)
    if ry in ("次年", "翌年"):  # the year after the range's start (10月至次年3月)
        return ctx_year + 1 if ctx_year is not None else None
    if ry == "上年" and ctx_year is not None:
        return ctx_year - 1  # 截至2017年底…较上年: the year before the sentence's own
    if ry and pub is not None:
        return pub.year + {"今年": 0, "当年": 0, "本年度": 0, "去年": -1, "上年度": -1,
                           "前年": -2, "明年": 1, "上年": -1}[ry]  # fmt: skip
    return None


def _resolve(
    g: dict[str, str | None], sfx: str, pub: date | None, ctx_year: int | None
) -> _Point | None:
    year = _year_of(g, sfx, pub, ctx_year)
    if year is None and g.get("ry" + sfx):
        return None  # 次年 with no year before it
    half = g.get("half" + sfx)
    month = _small(g.get("m" + sfx))
    rm = g.get("rm" + sfx)
    if rm and pub is not None:
        shift = {"本月": 0, "当月": 0, "上月": -1, "上个月": -1, "下月": 1}[rm]
        y, mo = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
        year, month = y, mo + 1
    if year is None and (month is not None or half):
        year = ctx_year
        if year is None and pub is not None:
            year = _yearless(month, pub)
    if year is None:
        return None
    if half:
        spans = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9)}
        q = next((k for k in "一二三四" if k in half), None)
        lo, hi = spans.get(half, (0, 0)) if q is None else (3 * "一二三四".index(q) + 1,) * 2
        if q is not None:
            hi = lo + 2
        return _Point(date(year, lo, 1), _month_end(year, hi), "period")
    if month is None and g.get("yend" + sfx):
        return _Point(date(year, 12, 1), date(year, 12, 31), "month")
    if month is None:
        return _Point(date(year, 1, 1), date(year, 12, 31), "year")
    if not 1 <= month <= 12:
        return None
    day = _small(g.get("d" + sfx))
    if day is not None:
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        return _Point(date(year, month, day), date(year, month, day), "day")
    part = g.get("part" + sfx)
    end = _month_end(year, month)
    if part in ("初", "上旬"):
        return _Point(date(year, month, 1), date(year, month, 10), "period")
    if part in ("中", "中旬"):
        return _Point(date(year, month, 11), date(year, month, 20), "period")
    if part in ("下旬", "底", "末"):
        return _Point(date(year, month, 21), end, "period")
    return _Point(date(year, month, 1), end, "month")


def _end_point(g: dict[str, str | None], first: _Point, pub: date | None) -> _Point | None:
    if g.get("d2b"):
        d = _small(g["d2b"])
        try:
            day = date(first.first.year, first.first.month, d or 0)
        except ValueError:
            return None
        return _Point(day, day, "day")
    end = _resolve(g, "2", pub, first.first.year)
    printed_year = g.get("y2") or g.get("ry2") or g.get("rm2")
    if end is not None and not printed_year and end.last < first.first:
        # 10月至3月: a yearless end before the start is in the next year.
        end = _Point(_shift_year(end.first, 1), _shift_year(end.last, 1), end.kind)
    return end


def _place_range(first: date, last: date, pub: date) -> tuple[date, date]:
    """A yearless month range (4月～9月, 10月至次年3月) in the year that puts it nearest the page
    date: the one holding it, else the closer of this year's and last year's, the past on a tie.
    So a plan for April–September announced in March is this year's, 9月至11月 on a January
    page last year's."""

    def gap(shift: int) -> int:
        a, b = _shift_year(first, shift), _shift_year(last, shift)
        return (a - pub).days if a > pub else (pub - b).days if b < pub else 0

    base = pub.year - first.year
    shift = min((base - 1, base), key=gap)  # min keeps the first (the past) on a tie
    return _shift_year(first, shift), _shift_year(last, shift)


def _shift_year(day: date, years: int) -> date:
    """The same month and day ``years`` later, 29 February becoming the 28th."""
    y = day.year + years
    return date(y, day.month, min(day.day, calendar.monthrange(y, day.month)[1]))


def period_bounds(match: DateMatch, pub: date | None) -> tuple[date | None, date | None]:
    """A figure's period: ``match``'s bounds, a to-date period cut at the page date.

    Only a period that runs up to the time of writing and has begun by the page date is cut
    (今年 → year to date); the end never comes before the start.
    """
    first, last = match.first, match.last
    if (
        match.to_date
        and pub is not None
        and last is not None
        and last > pub
        and (first is None or first <= pub)
    ):
        last = pub
    return first, last


def parse_pub_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def find_dates(text: str, pub_date: date | None) -> list[DateMatch]:
    """Every date or period in ``text``, resolved against ``pub_date`` where needed."""
    out: list[DateMatch] = []
    for m in _PATTERN.finditer(text):
        if m.end() == m.start() or not (m.group("p1") or m.group("rd") or m.group("ny")):
            continue
        g = m.groupdict()
        start, end = m.start(), m.end()
        if g["p2"] == "":  # a joiner with nothing after it (至 in 1万人至…): no range
            g["p2"], g["since"], end = None, None, m.end("p1")
        if g["since"] == "开始" and text[start - 1 : start] not in ("从", "自"):
            g["since"], end = None, end - 2  # 2021年开始试点: the year it began, not a span
        if g["until"] == "到" and not g["p1"]:
            start += 1
        # A number glued in front (123月) means this is not a date; 每年4月～9月 recurs.
        if (start > 0 and text[start - 1].isdigit()) or text[max(0, start - 2) : start] in _EVERY:
            continue
        first: date | None
        last: date | None
        ranged = False
        if g["rd"]:
            if pub_date is None:
                first = last = None
            elif g["rd"] in ("近日", "日前"):
                first, last = pub_date - timedelta(days=7), pub_date
            else:
                back = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}[g["rd"]]
                first = last = pub_date - timedelta(days=back)
            kind = "day" if first == last and first is not None else "period"
        elif g["ny"]:
            n = _small(g["ny"])
            if n is None or n < 1 or pub_date is None:
                first, last = None, None
            else:
                # 近3年来: three calendar years counting the page's own (2021-01-01 on a 2023
                # page), not three years back to the day
                first, last = date(max(1, pub_date.year - n + 1), 1, 1), pub_date
            kind = "period"
        else:
            p1 = _resolve(g, "1", pub_date, _frame_year(out, text, start) if g["ry1"] else None)
            if p1 is None:
                if g["until"] == "到":
                    continue
                out.append(DateMatch(start, end, text[start:end], None, None, "period"))
                continue
            first, last, kind = p1.first, p1.last, p1.kind
            if g["p2"]:
                p2 = _end_point(g, p1, pub_date)
                if p2 is not None and p2.last >= p1.first:
                    last, kind, ranged = p2.last, "period", True
            # 1至9月 / 1—7月: a bare month number before the joiner opens the range.
            lead = _MONTH_LEAD.search(text, max(0, start - 4), start)
            if kind == "month" and not g["y1"] and not g["ry1"] and lead and first is not None:
                lo = _small(lead.group(1))
                if lo is not None and 1 <= lo < first.month:
                    start, first, kind = lead.start(), first.replace(month=lo), "period"
                    ranged = True
            printed = ("y1", "ry1", "rm1", "y2", "ry2", "rm2")
            if kind == "period" and pub_date is not None and not any(g[k] for k in printed):
                first, last = _place_range(first, last, pub_date)
        ends_at_close = not g["p2"] and not g["since"] and text[start:end].endswith(("底", "末"))
        if g["until"] in ("截至", "截止", "截止到"):
            first, kind = None, "period"
        elif g["until"] == "到" and ends_at_close:
            first, kind = None, "period"  # 到2025年底 (a target): like 截至, only the end
        elif g["until"] == "到":
            start = m.start("p1") if g["p1"] else start
        elif ends_at_close and text.startswith("前", end):
            first, kind, end = None, "period", end + 1  # 今年底前, 8月底前: only the end
        if not g["since"] and not g["until"] and first is not None:
            clause = _SINCE_CLAUSE.match(text, end)
            if clause is not None:
                g["since"], end = "以来", clause.end()
        # 2025年以来 on a 2023 page reaches back to nothing: the point keeps its own bounds.
        since = bool(g["since"]) and (pub_date is None or first is None or first <= pub_date)
        if since:
            last, kind = pub_date, "period"
        prev = out[-1] if out else None
        if prev and prev.end == start and prev.kind == "year" and prev.first and first and last:
            # 今年 + 1至9月 printed apart by the range syntax: one period in that year.
            shift = prev.first.year - first.year
            first, last = _shift_year(first, shift), _shift_year(last, shift)
            out[-1] = DateMatch(
                prev.start, end, text[prev.start : end], first, last, "period", not ranged
            )
            continue
        # A printed range (4月～9月) states its own end; anything else read as a figure's
        # period counts up to the time of writing.
        to_date = since or not ranged
        out.append(DateMatch(start, end, text[start:end], first, last, kind, to_date))
    if pub_date is not None and ("目前" in text or "来" in text):
        out = sorted([*out, *_open_to_page_date(text, pub_date)], key=lambda d: d.start)
    if pub_date is not None and "年内" in text:
        out = sorted([*out, *_within_year(text, pub_date)], key=lambda d: d.start)
    if "五" in text:
        out = sorted([*out, *_plan_spans(text)], key=lambda d: d.start)
    return out


_EVERY: Final[tuple[str, ...]] = ("每年", "每月")
# 截至目前: up to the page date.  N年来 opening a clause (三年来，…; not 服务站开通两年来, an
# event's age): whole years counted back from the page date (see years_back).
_UP_TO_NOW: Final[re.Pattern[str]] = re.compile(r"截至目前|截止到?目前")
_YEARS_BACK: Final[re.Pattern[str]] = re.compile(
    r"(?:^|(?<=[，,。；;：:\n”]))(?P<n>[0-9０-９一二两三四五六七八九十]{1,2})年多?来"
)


def years_back(n: str, unit: str, pub: date) -> date | None:
    """The start of ``n`` years (months) counted back from ``pub``: three or more years are
    calendar years counting the page's own (三年来 on a 2022 page: 2020-01-01, like 近3年来);
    一年来, 两年来, 半年来 and months count back to the same calendar day."""
    months = 6 if n == "半" else None
    if months is None:
        value = parse_number(n)
        if value is None or value != int(value) or value <= 0:
            return None
        if unit == "年" and value >= 3:
            return date(pub.year - int(value) + 1, 1, 1)
        months = int(value) * (12 if unit == "年" else 1)
    elif unit != "年":
        return None
    y, m = divmod(pub.year * 12 + pub.month - 1 - months, 12)
    day = min(pub.day, calendar.monthrange(y, m + 1)[1])
    return date(y, m + 1, day)


def _open_to_page_date(text: str, pub_date: date) -> list[DateMatch]:
    out = [
        DateMatch(m.start(), m.end(), m.group(), None, pub_date, "period")
        for m in _UP_TO_NOW.finditer(text)
    ]
    for m in _YEARS_BACK.finditer(text):
        first = years_back(m.group("n"), "年", pub_date)
        if first is not None:
            out.append(DateMatch(m.start(), m.end(), m.group(), first, pub_date, "period", True))
    return out


def _frame_year(out: list[DateMatch], text: str, start: int) -> int | None:
    """The year of the last date printed before ``start`` in its sentence (上年 counts from it)."""
    if not out or out[-1].last is None:
        return None
    prev = out[-1]
    if any(c in text[prev.end : start] for c in "。！？\n"):
        return None
    return prev.last.year


def _within_year(text: str, pub_date: date) -> list[DateMatch]:
    this_year = (date(pub_date.year, 1, 1), date(pub_date.year, 12, 31))
    return [
        DateMatch(m.start(), m.end(), m.group(), *this_year, "year", True)
        for m in _WITHIN_YEAR.finditer(text)
    ]
