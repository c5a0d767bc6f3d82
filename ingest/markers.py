"""Continuation markers for the ingest stage: （下转第2版） / （上接第1版）.

Place in the flow: the article code (ingest) finds these in body text to link an
article's parts across pages and strips them before the text goes to nlp and search.

A marker counts when it is bracketed ("（转第3版）", "(接第 1 版)") or uses a keyword
that only markers use (下转 / 上接 / 紧转 / 紧接, as in the bare "下转2版"); a bare
"转第3版" inside a sentence is left alone. Pages are Arabic or Chinese numerals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_CN_NUMERAL = "零〇一二两三四五六七八九十百"
_MARKER_RE = re.compile(
    rf"(?P<open>[（(][ \t\u3000]*)?"
    r"(?P<kw>下转|上接|紧转|紧接|转|接)[ \t\u3000]*(?:第[ \t\u3000]*)?"
    rf"(?P<page>[0-9０-９]{{1,3}}|[{_CN_NUMERAL}]{{1,6}})[ \t\u3000]*版"
    r"(?P<close>[ \t\u3000]*[）)])?"
)
_STRONG = frozenset({"下转", "上接", "紧转", "紧接"})
_HSPACE = " \t\u3000"
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


@dataclass(frozen=True, slots=True)
class Continuation:
    """A continuation marker: ``to`` another page (下转) or ``from`` one (上接).

    ``span`` is (start, end) of the marker in the text it was found in.
    """

    direction: Literal["to", "from"]
    page: int
    span: tuple[int, int]


def chinese_numeral_to_int(text: str) -> int | None:
    """Value of a small Chinese numeral (一, 十二, 二十, 一百零五, 〇三); None if malformed."""
    if not text:
        return None
    if all(c in _DIGITS for c in text):  # digit by digit: 〇三, 二一
        value = 0
        for c in text:
            value = value * 10 + _DIGITS[c]
        return value
    total = 0
    digit: int | None = None
    for c in text:
        if c in "零〇":
            continue  # a placeholder inside 一百零五
        if c in _DIGITS:
            if digit is not None:
                return None
            digit = _DIGITS[c]
        elif c == "百":
            if digit is None or total:
                return None
            total = digit * 100
            digit = None
        elif c == "十":
            if total % 100 >= 10:
                return None
            total += (1 if digit is None else digit) * 10
            digit = None
        else:
            return None
    return total + (digit or 0)


def find_continuations(text: str) -> list[Continuation]:
    """Every continuation marker in ``text``, in order."""
    return [c for m in _MARKER_RE.finditer(text) if (c := _to_continuation(m)) is not None]


def parse_continuation(text: str) -> Continuation | None:
    """The first continuation marker in ``text``, or None."""
    for m in _MARKER_RE.finditer(text):
        c = _to_continuation(m)
        if c is not None:
            return c
    return None


def strip_continuations(text: str) -> tuple[str, list[Continuation]]:
    """Remove continuation markers and the whitespace they leave; spans refer to ``text``.

    A marker alone on a line takes its line break with it; one at a line end takes the
    spaces before it; one between two spaced words leaves one space.
    """
    found = find_continuations(text)
    if not found:
        return text, []
    out: list[str] = []
    pos = 0
    for c in found:
        start, end = c.span
        before = text[pos:start]
        kept = before.rstrip(_HSPACE)
        had_space_before = len(kept) < len(before)
        after_end = end
        while after_end < len(text) and text[after_end] in _HSPACE:
            after_end += 1
        line_start = (kept == "" and (pos == 0 or text[pos - 1] == "\n")) or kept.endswith("\n")
        at_line_end = after_end == len(text) or text[after_end] == "\n"
        out.append(kept)
        if line_start and at_line_end and after_end < len(text):
            after_end += 1  # the marker filled its line: the line break goes too
        elif not line_start and not at_line_end and had_space_before and after_end > end:
            out.append(" ")
        pos = after_end
    out.append(text[pos:])
    result = "".join(out)
    if found[-1].span[1] >= len(text.rstrip()):
        result = result.rstrip()
    return result, found


def _to_continuation(m: re.Match[str]) -> Continuation | None:
    kw = m.group("kw")
    bracketed = m.group("open") is not None and m.group("close") is not None
    if kw not in _STRONG and not bracketed:
        return None
    raw_page = m.group("page")
    if raw_page[0] in _CN_NUMERAL:
        page = chinese_numeral_to_int(raw_page)
    else:
        page = int(raw_page.translate({cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}))
    if page is None or page <= 0:
        return None
    direction: Literal["to", "from"] = "to" if "转" in kw else "from"
    # A lone bracket ("（下转第2版" cut by the extractor) is part of the marker all the same.
    return Continuation(direction=direction, page=page, span=m.span())
