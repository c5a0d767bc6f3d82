"""Figures in article text: money, percentages, counts and durations with exact values.

NLP stage (ingest → **nlp** → search).  ``find_quantities`` scans cleaned article text and
returns one ``Quantity`` per figure, with character offsets into that text; ``nlp.numbers``
turns each number expression into a ``Decimal``.  Later components attach what a figure
counts (cases, people), which agency the sentence credits and the period; this module only
says what the paper printed: value, bound qualifier, measure word.

How the scan works: one precompiled regex finds "number run + optional 余/多/来 + optional
万/亿 + measure word" (or 百分之…), then small fixed-size windows around each hit decide
qualifiers and reject look-alikes.  Runs are possessive and may only start where a number
starts, so the scan is linear in the text length.

Decisions worth knowing:

* A number needs a measure word, ``%``, 百分之 or a currency to become a figure; 12345热线,
  phone numbers, 5G, 两会, 一线, 三农, 十八大, 四方联动 have none and yield nothing.
* Dates are not figures: 月, 日 and 号 are not measure words (only 个月 is), and 年 counts only
  as a duration when the number is not a four-digit year and no month/度/级/代/底 follows.
* A bare 一 before a measure word (一名党员, 一起, 一次) is the indefinite article, never a
  figure; Arabic ``1个`` is kept.  第 in front makes an ordinal and is rejected.
* 近/将近/接近 ("nearly") give qualifier ``under`` with the printed value as the bound
  (近1700万元 → 17000000, under), matching 不到/不足.  Before a duration 近 means "the recent"
  (近3年来 = the last three years), so there it is not a qualifier.
* Ranges (500~600元, 三四十人, 十几名) give qualifier ``range`` with ``value``/``value_max``;
  a range is vague by construction, so no separate approx-range qualifier.  In ``3-5万元``
  the 万 applies to both ends.
* Spans include absorbed qualifier words (超过36支, 近百名, 1000人以上) and currency words
  (人民币500元, 8亿元人民币).  最高/最多 right before the number are a cap (under), 最低/最少
  a floor (over), as 不超过/不少于 are (最高10万元的赔付); 最高 inside a noun (单笔最高奖励达5万元)
  names a realised maximum, and the number stays exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Final, Literal

from baoku.nlp.numbers import (
    BIG_UNITS,
    DIGIT_VALUES,
    SMALL_UNITS,
    ZERO_CHARS,
    parse_number,
    parse_range,
    tidy,
)

Qualifier = Literal["exact", "over", "under", "approx", "range"]
Kind = Literal["money", "percent", "count", "duration", "age", "ratio", "measure"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure; ``text == source[start:end]``.  For ranges ``value`` is the low end."""

    start: int
    end: int
    text: str
    value: Decimal
    value_max: Decimal | None
    qualifier: Qualifier
    unit: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class _Unit:
    name: str
    kind: Kind
    factor: int = 1  # 三成 = 30%
    addend: Decimal = Decimal(0)  # 1个半月 = 1.5 个月
    hint: Qualifier | None = None  # 1个多月 = more than a month


def _table() -> dict[str, _Unit]:
    units: dict[str, _Unit] = {}
    for surface, name in {
        "元": "元", "元人民币": "元", "人民币": "元", "美元": "USD", "欧元": "EUR",
        "港元": "HKD", "港币": "HKD", "日元": "JPY", "英镑": "GBP",
    }.items():  # fmt: skip
        units[surface] = _Unit(name, "money")
    for surface in ("%", "％"):
        units[surface] = _Unit("%", "percent")
    units["‰"] = _Unit("‰", "percent")
    units["个百分点"] = units["百分点"] = units["個百分點"] = _Unit("百分点", "percent")
    units["成"] = _Unit("%", "percent", factor=10)
    for surface, name in {
        "年": "年", "天": "天", "个月": "个月", "個月": "个月", "周": "周", "个星期": "周",
        "周年": "周年", "小时": "小时", "个小时": "小时", "分钟": "分钟",
        "个工作日": "工作日", "工作日": "工作日",
        # a classifier before a time noun counts time (25个年头, 3个钟头, 两个季度)
        "个年头": "年", "个钟头": "小时", "个季度": "季度",
    }.items():  # fmt: skip
        units[surface] = _Unit(name, "duration")
    for prefix, name in (("个", "个月"), ("個", "个月"), ("个", "小时")):
        tail = "月" if name == "个月" else "小时"
        units[f"{prefix}多{tail}"] = _Unit(name, "duration", hint="over")
        units[f"{prefix}半{tail}"] = _Unit(name, "duration", addend=Decimal("0.5"))
    units["岁"] = units["周岁"] = units["歲"] = _Unit("岁", "age")
    units["倍"] = _Unit("倍", "ratio")
    for surface, name in {
        "平方米": "平方米", "平方公里": "平方公里", "平方千米": "平方公里", "立方米": "立方米",
        "公里": "公里", "千米": "公里", "米": "米", "亩": "亩", "畝": "亩", "公顷": "公顷",
        "吨": "吨", "噸": "吨", "千克": "千克", "公斤": "千克", "千瓦时": "千瓦时",
        "千瓦": "千瓦", "兆瓦": "兆瓦", "千伏": "千伏",
    }.items():  # fmt: skip
        units[surface] = _Unit(name, "measure")
    counts = (
        "件次", "件", "宗", "起", "名", "人次", "人", "位", "家次", "家", "个", "场次", "场", "次",
        "所",
        "户次", "户", "项", "批次", "批", "期", "支", "座", "条", "份", "对", "辆", "台", "套",
        "张", "本",
        "篇", "部门", "部", "间", "栋", "幢", "处", "种", "类", "门", "届", "轮", "例", "单", "笔",
        "封", "册",
        "只", "枚", "块", "株", "棵", "艘", "架", "组",
        # trips of buses and trains (返乡专车126趟, 开行专列8趟次)
        "趟次", "趟", "车次", "班次",
        # containers count goods handed out (热水600余杯, 矿泉水200箱, 月饼500盒)
        "杯", "瓶", "袋", "箱", "盒", "碗",
    )  # fmt: skip
    for surface in counts:
        units[surface] = _Unit(surface, "count")
    traditional = {"個": "个", "場": "场", "項": "项", "張": "张", "輛": "辆", "臺": "台",
                   "條": "条", "門": "门", "屆": "届", "種": "种", "類": "类", "間": "间",
                   "處": "处", "人數": "人"}  # fmt: skip
    for surface, name in traditional.items():
        if name in units:
            units[surface] = units[name]
    return units


_UNITS: Final[dict[str, _Unit]] = _table()

# A measure character that also begins a common word is no measure word there:
# 56万种植户 (种植), 3位于 (位于), 说起来 (起来), 6支持 (支持), 5年度 (handled by the year guard).
_NOT_BEFORE: Final[dict[str, str]] = {
    "种": "植子养", "起": "来步跳算床飞", "位": "于置列居数", "期": "间待盼望限满货",
    "所": "有以谓属在得长", "条": "件例款", "支": "持付援撑", "台": "账阶湾上下风",
    "部": "署", "户": "外籍口", "座": "谈", "单": "位元独", "门": "店诊票槛",
    "处": "理置罚分长",
    "张": "贴", "本": "报科地", "间": "隔距断", "轮": "番", "对": "接象话于策比外照待",
    "人": "民员才社大口身力数", "名": "义称额字次", "天": "然气津下空", "元": "旦素宵",
    "家": "庭属", "场": "所地景馆", "批": "准复评示", "套": "餐", "个": "体性",
    "成": "群功立为员本果效长绩熟交品型就都败", "周": "末边围期转", "年": "轻均薪会",
    "米": "饭粮面",
}  # fmt: skip

# 人均 + an amount is a per-head figure; after a count of people 均 is the adverb "all".
_PER_HEAD: Final = re.compile(r"均[0-9０-９一二两三四五六七八九十]")

# Fixed phrases whose numerals are not figures.
_IDIOMS: Final = re.compile(
    "三番五次|三天两头|五花八门|一五一十|千家万户|千千万万|十年如一日|三五成群|七七八八"
    "|[一二两三四五六七八九十]位一体"
)

_DIGITS: Final = "0-9０-９"
_CN_DIGITS: Final = "".join(DIGIT_VALUES)
_CN_ALL: Final = _CN_DIGITS + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "几"
_SEPARATORS: Final = "~～〜\\-—–－至到"
_SP: Final = "[ \u3000]{0,2}"

# Place characters that start measure words (500千伏, 0.5百分点) stop a number run there.
_PLACE: Final = "十拾千仟百佰万萬亿億"
_PLACE_IN_RUN: Final = "(?:[十拾仟佰万萬亿億]|千(?![伏瓦米克])|百(?!分))"
_ARABIC: Final = rf"[{_DIGITS}]++(?:,[0-9]{{3}}(?![0-9]))*+(?:[.．][{_DIGITS}]++)?+"
# Arabic-led runs: 1亿零500万, 3万4000, 2.5万亿.  Chinese-led runs: 一千八百五十, 三点五.
_ARABIC_RUN: Final = (
    rf"(?<![{_DIGITS}.．,A-Za-z{_PLACE}{ZERO_CHARS}])"
    rf"(?>{_ARABIC}(?:(?:{_PLACE_IN_RUN}|[{ZERO_CHARS}])++(?:{_ARABIC})?+)*+)"
)
_CN_CHAR: Final = rf"(?:[{_CN_DIGITS}几]|{_PLACE_IN_RUN}|点(?=[{_CN_DIGITS}]))"
# Arabic may follow a Chinese place character (一亿2000万) but never a Chinese digit, so in
# 统一3个 the 3 still starts a run of its own.
_CN_RUN: Final = (
    rf"(?<![{_DIGITS}A-Za-z{_CN_ALL}])"
    rf"(?>{_CN_CHAR}++(?:(?<=[{_PLACE}{ZERO_CHARS}]){_ARABIC}(?:{_PLACE_IN_RUN}|[{ZERO_CHARS}])*+)*+)"
)
_RUN: Final = rf"(?:{_ARABIC_RUN}|{_CN_RUN})"
_UNIT_ALT: Final = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))

_QUANTITY: Final = re.compile(
    rf"""
    (?P<pct_of>百分之{_SP}(?P<pct_num>{_RUN})
      (?:{_SP}[{_SEPARATORS}]{_SP}百分之{_SP}(?P<pct_high>{_RUN}))?)
    | (?P<pct_full>百分百)
    | (?:(?P<low>{_RUN}){_SP}(?P<low_unit>{_UNIT_ALT})?{_SP}(?P<sep>[{_SEPARATORS}]){_SP})?
      (?P<num>{_RUN}){_SP}
      (?:(?P<mod>[余多来]){_SP})?(?P<scale>[万萬亿億]{{1,2}})?(?P<mod2>[余多])?{_SP}
      (?P<unit>{_UNIT_ALT})
    """,
    re.VERBOSE,
)

_PREFIX: Final = re.compile(
    rf"(?P<word>大约|约为|约有|约|大概|将近|接近|近|超过|超|逾|不到|不足|不少于|不低于|少于|低于"
    rf"|不超过|至少|最多|最高|最低|最少|多于|高于|突破|人民币|上){_SP}$"
)
_PREFIX_QUALIFIER: Final[dict[str, Qualifier]] = {
    "大约": "approx", "约为": "approx", "约有": "approx", "约": "approx", "大概": "approx",
    "将近": "under", "接近": "under", "近": "under", "不到": "under", "不足": "under",
    "少于": "under", "低于": "under", "不超过": "under", "最多": "under", "最高": "under",
    "超过": "over", "超": "over", "逾": "over", "不少于": "over", "不低于": "over",
    "至少": "over", "多于": "over", "高于": "over", "上": "over", "最低": "over", "最少": "over",
    "突破": "over",
}  # fmt: skip
# 节约 (save), 签约 (sign), 最近/附近 (recent/nearby), 赶超 (catch up) are verbs, not qualifiers.
_PREFIX_NOT_AFTER: Final[dict[str, str]] = {
    "约": "节制签预特合相邀履违续和要",
    "近": "最附就邻贴靠亲",
    "超": "赶高",
}
_SUFFIX: Final = re.compile(rf"{_SP}(?P<word>以上|以下|以内|左右|上下(?![班级游半])|之多|有余)")
_SUFFIX_QUALIFIER: Final[dict[str, Qualifier]] = {
    "以上": "over", "有余": "over", "以下": "under", "以内": "under",
    "左右": "approx", "上下": "approx", "之多": "exact",
}  # fmt: skip
_MOD_QUALIFIER: Final[dict[str, Qualifier]] = {"余": "over", "多": "over", "来": "approx"}
_ORDINAL: Final = re.compile(rf"第{_SP}$")
# Words and characters of times before 二次 that make it a count (先后二次, 曾二次), and where
# or to whom a counted 二次 goes (二次到公司); before anything else 二次 means "secondary".
_TIMES_WORDS: Final = frozenset({"先后", "累计", "连续", "前后", "共计"})
_TIMES_CHARS: Final = frozenset("曾已共又再")
_GOING_TO: Final = frozenset("到去来赴在向对与和被给深上进入")
# Terms and sittings of a body are numbered without 第 (十八届二次执委会议, 三届一次职代会,
# 十四届全国人大): a 届 followed by a sitting's number or a body's name, and the 次 after 届,
# are ordinals; 举办三届运动会 (editions of an event, a meeting noun absent) stays a count.
# An address numbers a building, then a unit, room or floor inside it (3栋2单元, 5号楼301室).
_ADDRESS_NEXT: Final = re.compile(rf"\s*[0-9０-９{_CN_DIGITS}十]+\s*(?:单元|室|层|楼|号)")
_SESSION_NEXT: Final = re.compile(
    rf"[0-9０-９{_CN_DIGITS}十]|[\u4e00-\u9fff]{{0,4}}?(?:全会|全委会|执委会|代表大会|职代会|人大|政协|常委会)"
)
_AFTER_YEAR: Final = re.compile(
    rf"{_SP}(?:[月度级代底初末中]|(?:[0-9０-９]{{1,2}}|[{_CN_DIGITS}十]{{1,3}}){_SP}月)"
)
_LIST_ITEM: Final = re.compile(
    rf"(?P<num>{_RUN}){_SP}(?P<mod>[余多])?(?P<scale>[万萬亿億]{{1,2}})?{_SP}[、和及与或]{_SP}$"
)
_BARE_PLACE_OK: Final = frozenset({"近", "将近", "接近", "上", "逾", "超", "超过", "约", "大约"})
_SPACE: Final = re.compile(r"\s")
_TO_ASCII: Final = str.maketrans("０１２３４５６７８９", "0123456789")
_MAX_RUN: Final = 64  # longer digit strings are not newspaper figures (and keep Decimal cheap)
_WINDOW: Final = 8
_LIST_WINDOW: Final = 48


def _scale(text: str | None) -> Decimal:
    value = Decimal(1)
    for ch in text or "":
        value *= BIG_UNITS[ch]
    return value


def _trailing_scale(run: str) -> Decimal:
    """万 in 5万, 万亿 in 2.5万亿: the place a bare low end of a range inherits (3-5万元)."""
    tail = run[len(run.rstrip("".join(BIG_UNITS))) :]
    return _scale(tail)


def _combine(hints: list[Qualifier]) -> Qualifier:
    """One qualifier from all markers; a lower bound wins over a loose "about" (约500余人)."""
    if "over" in hints and "under" in hints:
        return "approx"
    order: tuple[Qualifier, ...] = ("over", "under", "approx")
    return next((q for q in order if q in hints), "exact")


def _value_of(run: str, bare_ok: bool) -> tuple[Decimal, Decimal | None] | None:
    """(low, high-or-None) of a run; None when it is no figure on its own."""
    s = _SPACE.sub("", run)
    if len(s) > _MAX_RUN:
        return None
    if s[0] in _PLACE and s[0] not in "十拾":
        # 百余次, 千万元 and 近百名 are figures; 千家万户 and 百年大计 are not.
        if bare_ok:
            s = "一" + s
        elif len(s) == 1:
            return None
    value = parse_number(s)
    return (value, None) if value is not None else parse_range(s)


def _is_year(run: str, text: str, end: int) -> bool:
    """2023年 or 5年3月: a calendar year for the date stage, not a duration."""
    digits = run.translate(_TO_ASCII)
    return (digits.isdigit() and len(digits) == 4) or _AFTER_YEAR.match(text, end) is not None


def _prefix(text: str, start: int, floor: int) -> tuple[str | None, int]:
    """Qualifier word (or 人民币) right before ``start``, and where it begins."""
    lo = max(floor, start - _WINDOW)
    m = _PREFIX.search(text, lo, start)
    if m is None:
        return None, start
    word = m.group("word")
    before = text[m.start() - 1] if m.start() > 0 else ""
    if before and before in _PREFIX_NOT_AFTER.get(word, ""):
        return None, start
    return word, m.start()


def _looks_alike(text: str, m: re.Match[str], first: int, floor: int) -> bool:
    """Context that makes a match no figure: 第3批, 三番五次, COVID-19例."""
    start, end = m.span()
    if _ORDINAL.search(text, max(floor, start - 3), start):
        return True
    unit = m.group("unit")
    if unit in ("栋", "幢", "号楼") and _ADDRESS_NEXT.match(text, end):
        return True  # 家住3栋2单元: a building's number in an address, not a count of buildings
    if (unit in ("届", "屆") and _SESSION_NEXT.match(text, end)) or (
        unit == "次" and text[start - 1 : start] in ("届", "屆")
    ):
        return True  # 十八届二次执委会议, 十四届全国人大: terms and sittings without 第
    after = text[end : end + 1]
    if unit == "次" and text[start:end] == "二次" and "\u4e00" <= after <= "\u9fff":
        # 二次医疗报销, 二次救助: "secondary" before a noun; a count says 两次, and one
        # printed 二次 goes on to where or to whom (先后二次到公司), or follows a word of
        # times (先后, 累计, 曾)
        counted = text[max(0, start - 2) : start] in _TIMES_WORDS or (
            start > 0 and text[start - 1] in _TIMES_CHARS
        )
        return not counted and after not in _GOING_TO
    idiom = _IDIOMS.search(text, max(0, start - 6), min(len(text), end + 6))
    if idiom is not None and idiom.start() < end and start < idiom.end():
        return True
    if first > 0 and text[first - 1] in "“‘「" and text[end : end + 1] in ("”", "’", "」"):
        return True  # 女职工“四期”保护, 落实“三期”: a numbered term quoted whole is a name
    code = first >= 2 and text[first - 1] in "-－" and text[first - 2].isascii()
    return code and text[first - 2].isalnum()


def _apply_prefix(
    word: str | None, word_start: int, start: int, unit: _Unit, run: str, hints: list[Qualifier]
) -> int:
    """Add the prefix word's qualifier to ``hints``; returns the (possibly earlier) start."""
    if word is None:
        return start
    if word == "人民币":
        return word_start if unit.kind == "money" else start
    if word == "上":  # 上千人, but not 会上3人
        if run[0] in _PLACE and run[0] not in "十拾":
            hints.append("over")
            return word_start
        return start
    if word == "近" and unit.kind == "duration":
        return start  # 近3年来: "the last three years", not "nearly"
    hints.append(_PREFIX_QUALIFIER[word])
    return word_start


def _range_low(m: re.Match[str], unit: _Unit, high: Decimal, scale: Decimal) -> Decimal | None:
    """Low end of an explicit range (500~600元, 3-5万元), or None when it is no range."""
    low_unit = m.group("low_unit")
    if low_unit and _UNITS[low_unit] != unit:
        return None
    got = _value_of(m.group("low"), False)
    if got is None or got[1] is not None:
        return None
    low = got[0]
    low_run = _SPACE.sub("", m.group("low"))
    if unit.name == "年" and _is_year(low_run, "", 0):
        return None
    high_scale = _trailing_scale(_SPACE.sub("", m.group("num"))) * scale
    # 3-5万元: the 万 belongs to both ends; 5000-1万元: it does not.
    arabic_low = not any(c in _CN_ALL for c in low_run)
    if arabic_low and not low_unit and low * high_scale < high:
        low *= high_scale
    return low if low < high else None


_NUMBERED_CLASS_BEFORE = re.compile(r"[一二三四五六七八九十][类類]?、$")
_NUMBERED_CLASS_AFTER = re.compile(r"[、和及][一二三四五六七八九十]+[类類]")


# Words ending in 伍, the formal numeral five (队伍, 入伍): no number starts inside them.
_WORDS_WITH_WU: Final = frozenset({"队伍", "入伍", "落伍", "退伍", "行伍"})

# Words ending in 前 before a number that keep it a count (目前3名, 此前, 节前, 提前); 各项目|前
# 三名 is a ranking after 项目.
_ORDINARY_QIAN = re.compile(r"(?:(?<!项)目|[此以之提当事眼面跟生年月日节会])前$")


def _from_match(text: str, m: re.Match[str], floor: int) -> tuple[Quantity, _Unit] | None:
    start, end = m.span()
    hints: list[Qualifier] = []
    if m.group("pct_full") or m.group("pct_of"):
        if _looks_alike(text, m, start, floor):
            return None
        word, word_start = _prefix(text, start, floor)
        unit = _UNITS["%"]
        got = (Decimal(100), None) if m.group("pct_full") else _value_of(m.group("pct_num"), True)
        if got is None:
            return None
        if m.group("pct_high"):
            # 百分之三十至百分之五十: a range printed with 百分之 at both ends; one that does not
            # rise (百分之五十至百分之三十) or does not parse is only its first percentage
            high = _value_of(m.group("pct_high"), True)
            if high is not None and got[1] is None and high[1] is None and got[0] < high[0]:
                got = (got[0], high[0])
            else:
                end = m.end("pct_num")
        start = _apply_prefix(word, word_start, start, unit, "百", hints)
        return _finish(text, start, end, got[0], got[1], hints, unit)

    first = m.start("low") if m.group("low") else m.start("num")
    if _looks_alike(text, m, first, floor):
        return None
    surface = m.group("unit")
    unit = _UNITS[surface]
    if end < len(text) and text[end] in _NOT_BEFORE.get(surface, ""):
        return None
    if surface in ("类", "類") and (
        _NUMBERED_CLASS_BEFORE.search(text, max(0, first - 6), first)
        or _NUMBERED_CLASS_AFTER.match(text, end)
    ):
        # 一、二、三类地区, 一类、二类、三类地区: a list of numbered categories labels them,
        # counts nothing
        return None
    if text[max(0, first - 1) : first + 1] in _WORDS_WITH_WU:
        return None  # 文艺队伍|成了…: 伍 ends a word here, it is no formal numeral five
    if (
        surface == "名"
        and first >= 1
        and text[first - 1] == "前"
        and not _ORDINARY_QIAN.search(text, max(0, first - 3), first)
    ):
        return None  # 获得前三名, 分获各项目前三名: a ranking, no count of people
    if surface == "人" and _PER_HEAD.match(text, end):
        return None  # …人均3000元: per head, not people; 386人均已转诊: 均 is "all" of the 386
    run = _SPACE.sub("", m.group("num"))
    word, word_start = _prefix(text, first, floor)
    got = _value_of(run, word in _BARE_PLACE_OK or m.group("mod") is not None)
    if got is None:
        return None
    if run in ("一", "壹") and not m.group("mod") and not m.group("low"):
        return None  # 一名党员, 一起: the article "a", not a count
    if all(c in ZERO_CHARS for c in run) and not m.group("low"):
        return None  # 零部件, 零件: a lone Chinese zero is a word's morpheme (zero itself is 0)
    if unit.name == "年" and _is_year(run, text, end):
        return None
    with localcontext() as ctx:
        ctx.prec = 200
        scale = _scale(m.group("scale"))
        low, high = got[0] * scale, (got[1] * scale if got[1] is not None else None)
        if m.group("low"):
            if high is not None:
                return None  # 5至十几人: a vague end inside an explicit range
            bottom = _range_low(m, unit, low, scale)
            if bottom is None:
                return None
            low, high = bottom, low
        if surface == "成" and (high or low) > 10:
            return None
        low = low * unit.factor + unit.addend
        high = high * unit.factor + unit.addend if high is not None else None
    hints += [_MOD_QUALIFIER[m.group(k)] for k in ("mod", "mod2") if m.group(k)]
    if surface == "成" and end < len(text) and text[end] in "多余":
        hints.append("over")  # 两成多, 三成余: a share printed with 多 after its unit
        end += 1
    if unit.hint:
        hints.append(unit.hint)
    start = _apply_prefix(word, word_start, first, unit, run, hints)
    return _finish(text, start, end, low, high, hints, unit)


def _finish(
    text: str,
    start: int,
    end: int,
    low: Decimal,
    high: Decimal | None,
    hints: list[Qualifier],
    unit: _Unit,
) -> tuple[Quantity, _Unit]:
    suffix = _SUFFIX.match(text, end)
    if suffix is not None:
        hints = [*hints, _SUFFIX_QUALIFIER[suffix.group("word")]]
        end = suffix.end()
    qualifier: Qualifier = "range" if high is not None else _combine(hints)
    quantity = Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=tidy(low),
        value_max=tidy(high) if high is not None else None,
        qualifier=qualifier,
        unit=unit.name,
        kind=unit.kind,
    )
    return quantity, unit


def _list_items(text: str, anchor: Quantity, unit: _Unit, floor: int) -> list[Quantity]:
    """Unit-less items before ``anchor`` joined by 、/和/及: 1.2万、1.5万元 → both money."""
    if anchor.unit == "年" or anchor.qualifier == "range":
        return []
    items: list[Quantity] = []
    right = anchor.start
    while True:
        m = _LIST_ITEM.search(text, max(floor, right - _LIST_WINDOW), right)
        if m is None:
            break
        run = _SPACE.sub("", m.group("num"))
        # Chinese items need a place character: 二、三个 is a heading number, not a list.
        if run[0] in _CN_ALL and not any(c in _PLACE for c in run):
            break
        if _ORDINAL.search(text, max(floor, m.start() - 3), m.start()):
            break
        value = parse_number(run)
        if value is None:
            break
        with localcontext() as ctx:
            ctx.prec = 200
            value = value * _scale(m.group("scale")) * unit.factor
        hints: list[Qualifier] = [_MOD_QUALIFIER[m.group("mod")]] if m.group("mod") else []
        end = max(m.end("num"), m.end("mod"), m.end("scale"))  # end() is -1 for a missing group
        qualifier = _combine(hints)
        items.append(Quantity(m.start(), end, text[m.start() : end], tidy(value), None,
                              qualifier, unit.name, unit.kind))  # fmt: skip
        right = m.start()
    items.reverse()
    return items


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in order of position; spans never overlap."""
    found: list[Quantity] = []
    floor = 0
    for m in _QUANTITY.finditer(text):
        if m.start() < floor:
            continue
        got = _from_match(text, m, floor)
        if got is None:
            continue
        q, unit = got
        found.extend(_list_items(text, q, unit, floor))
        found.append(q)
        floor = q.end
    return found
