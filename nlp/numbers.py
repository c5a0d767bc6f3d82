"""One number expression in news text → an exact ``Decimal``.

NLP stage (ingest → **nlp** → search), lowest layer of figure extraction:
``nlp.quantities`` finds number expressions in article text and hands each one here;
the later figure/entity components only ever see the values computed here.

Written by hand rather than on top of cn2an: cn2an 0.5 rejects ``2.5万亿`` and ``1,100万``,
reads the vague range ``两三`` as 23 and turns ``统一零售价`` into ``统10售价``, and it returns
floats for decimals.  Here every step is ``Decimal`` arithmetic under a context that traps
``Inexact``, so a value is either exact or ``None``.

Accepted forms: Arabic numbers with ``,`` thousands groups and a decimal point (full-width
digits too), Chinese numerals (一千八百五十, 两, 零/〇, 十二, 万/亿, 万亿, financial and
traditional characters), decimals read with 点, and mixed forms (1亿2000万, 1亿零500万,
3万4000, 25万6千, 2.5万亿).  A Chinese digit that trails a unit without 零 is the spoken
abbreviation of the next lower place (一万五 = 15000, 二百五 = 250); an Arabic one is taken
literally (3万4000 = 34000).  Runs of bare Chinese digits (二〇二三, 两三) are not one number:
the first is a year reading for the date stage, the second a vague range for ``parse_range``.
"""

from __future__ import annotations

import re
from decimal import Decimal, Inexact, InvalidOperation, localcontext
from functools import lru_cache
from typing import Final

DIGIT_VALUES: Final[dict[str, int]] = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: Final[dict[str, int]] = {
    "十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000,
}  # fmt: skip
BIG_UNITS: Final[dict[str, int]] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
ZERO_CHARS: Final[str] = "".join(c for c, v in DIGIT_VALUES.items() if v == 0)
NONZERO_DIGIT_CHARS: Final[str] = "".join(c for c, v in DIGIT_VALUES.items() if v)
POINT: Final[str] = "点"
VAGUE_DIGIT: Final[str] = "几"

_FULLWIDTH: Final = str.maketrans("０１２３４５６７８９．", "0123456789.")
# The comma group may not be followed by a fourth digit: "1,1000" is not 1,100 then 0.
_ARABIC: Final = re.compile(r"[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?")
_SPACE: Final = re.compile(r"\s+")

# Pairs of neighbouring digits that news text uses for a vague range (两三个, 三五天);
# 三两 is the colloquial reversed order of 两三.
_RANGE_PAIRS: Final[frozenset[tuple[int, int]]] = frozenset(
    {(d, d + 1) for d in range(1, 9)} | {(3, 5), (3, 2)}
)

_Token = tuple[str, Decimal, bool]  # (kind, value, is a Chinese digit)


def _tokenize(text: str) -> list[_Token] | None:
    """Split into num/zero/small/big tokens; None on any character outside the grammar."""
    s = text.translate(_FULLWIDTH)
    tokens: list[_Token] = []
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch.isspace():
            i += 1
        elif "0" <= ch <= "9":
            m = _ARABIC.match(s, i)
            assert m is not None  # a digit always starts a match
            tokens.append(("num", Decimal(m.group().replace(",", "")), False))
            i = m.end()
        elif ch in DIGIT_VALUES:
            value = DIGIT_VALUES[ch]
            tokens.append(("zero" if value == 0 else "num", Decimal(value), True))
            i += 1
        elif ch in SMALL_UNITS:
            tokens.append(("small", Decimal(SMALL_UNITS[ch]), False))
            i += 1
        elif ch in BIG_UNITS:
            tokens.append(("big", Decimal(BIG_UNITS[ch]), False))
            i += 1
        elif ch == POINT:
            j = i + 1
            while j < n and s[j] in DIGIT_VALUES:
                j += 1
            if j == i + 1:
                return None
            fraction = "".join(str(DIGIT_VALUES[c]) for c in s[i + 1 : j])
            tokens.append(("point", Decimal("0." + fraction), False))
            i = j
        else:
            return None
    return tokens


def _evaluate(tokens: list[_Token]) -> Decimal | None:
    """Fold tokens place by place: section (< 万) → 万 group → 亿 group."""
    yi_part = Decimal(0)  # everything closed by 亿
    wan_part = Decimal(0)  # closed by 万 inside the current 亿 group
    section = Decimal(0)  # below 万
    pending: Decimal | None = None  # a number not yet multiplied by a unit
    pending_cn = False
    unit_before_pending: Decimal | None = None
    last_unit: Decimal | None = None
    last_small: Decimal | None = None
    after_zero = False
    seen_wan = seen_yi = seen_any = False
    prev_kind = ""
    for kind, value, is_cn in tokens:
        if kind == "num":
            if pending is not None:  # 五六 / 3 4: digit-by-digit reading, not one number
                return None
            pending, pending_cn = value, is_cn
            unit_before_pending = last_unit if prev_kind in ("small", "big") else None
        elif kind == "zero":
            if pending is not None:
                return None
            after_zero = True
        elif kind == "small":
            if last_small is not None and value >= last_small:
                return None  # 十百, 三十四十
            if pending is None:
                # Implied 一 only where a section starts (十二, 十万) or after 零 (一千零十).
                if section and not after_zero:
                    return None
                pending = Decimal(1)
            section += pending * value
            pending, last_small, after_zero = None, value, False
        elif kind == "big":
            if value == BIG_UNITS["万"]:
                if seen_wan:
                    return None
                group = section + (pending or 0)
                if pending is None and not section:
                    return None  # bare 万, 零万
                if seen_yi and group >= 10**4:
                    return None
                wan_part, seen_wan = group * value, True
            else:
                if seen_yi:
                    return None
                if pending is None and not section and not seen_wan:
                    return None
                # 2.5万亿 and 1万2000亿 put a whole 万 group under 亿.
                yi_part = (wan_part + section + (pending or 0)) * value
                wan_part, seen_wan, seen_yi = Decimal(0), False, True
            section, pending, last_small, after_zero = Decimal(0), None, None, False
        else:  # point
            if pending is None and not section and not (after_zero and prev_kind == "zero"):
                return None
            pending = section + (pending or 0) + value
            pending_cn, section, last_small, after_zero = False, Decimal(0), None, False
        if kind in ("small", "big"):
            last_unit = value
        prev_kind, seen_any = kind, True
    if not seen_any:
        return None
    if pending is not None and pending_cn and not after_zero and unit_before_pending is not None:
        pending *= unit_before_pending / 10  # 一万五 = 15000, 二百五 = 250
    rest = section + (pending or 0)
    if (seen_wan and rest >= 10**4) or (seen_yi and not seen_wan and rest >= 10**8):
        return None
    return yi_part + wan_part + rest


def tidy(value: Decimal) -> Decimal:
    """Canonical form: integral values without exponent or trailing zeros (3.48万 → 34800)."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


@lru_cache(maxsize=8192)  # pure and immutable-valued; news text repeats its figures a lot
def _exact(text: str) -> Decimal | None:
    tokens = _tokenize(text)
    if not tokens:
        return None
    with localcontext() as ctx:
        # Every digit of input can be shifted by at most 12 places (万亿), so this precision
        # never rounds; Inexact is trapped anyway so a surprise becomes None, not a wrong value.
        ctx.prec = 12 * len(text) + 40
        ctx.traps[Inexact] = True
        try:
            value = _evaluate(tokens)
            return None if value is None else tidy(value)
        except (Inexact, InvalidOperation):
            return None


def parse_number(text: str) -> Decimal | None:
    """Value of one number expression, or None when ``text`` is not exactly one number.

    >>> parse_number("1亿零500万")
    Decimal('105000000')
    """
    if VAGUE_DIGIT in text:
        return None
    return _exact(text)


def parse_range(text: str) -> tuple[Decimal, Decimal] | None:
    """Bounds of a vague Chinese numeral: 两三 → (2, 3), 三四十 → (30, 40), 十几 → (11, 19).

    几 stands for 1..9 after a unit (十几 = 11..19) and 2..9 leading one (几十 = 20..90).
    None unless ``text`` holds exactly one such vague spot and both readings are numbers.
    """
    s = _SPACE.sub("", text)
    candidates: list[tuple[str, str]] = []
    if s.count(VAGUE_DIGIT) == 1:
        i = s.index(VAGUE_DIGIT)
        before_unit = i + 1 < len(s) and (s[i + 1] in SMALL_UNITS or s[i + 1] in BIG_UNITS)
        after_unit = i > 0 and (s[i - 1] in SMALL_UNITS or s[i - 1] in BIG_UNITS)
        if not (before_unit or after_unit):
            return None  # bare 几 is "a few", not a figure
        low = "一" if after_unit else "二"  # 十几万 = 11万..19万, 几十万 = 20万..90万
        candidates.append((s[:i] + low + s[i + 1 :], s[:i] + "九" + s[i + 1 :]))
    elif VAGUE_DIGIT in s:
        return None
    else:
        runs = [m for m in re.finditer(f"[{NONZERO_DIGIT_CHARS}]{{2,}}", s)]
        if len(runs) != 1 or len(runs[0].group()) != 2 or re.search(f"[{ZERO_CHARS}0-9]", s):
            return None
        i = runs[0].start()
        a, b = DIGIT_VALUES[s[i]], DIGIT_VALUES[s[i + 1]]
        if (a, b) not in _RANGE_PAIRS:
            return None
        candidates.append((s[:i] + s[i] + s[i + 2 :], s[:i] + s[i + 1] + s[i + 2 :]))
    low_text, high_text = candidates[0]
    low, high = _exact(low_text), _exact(high_text)
    if low is None or high is None or low == high:
        return None
    return (min(low, high), max(low, high))
