"""Break Chinese text into lines of a given width, with real glyph widths and kinsoku rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fonts import text_width

# characters a line may not start with, and may not end with (Chinese line-breaking rules)
NO_START = set("，。、；：？！”’）》〉」』】%…—·")
NO_END = set("“‘（《〈「『【")
_UNIT = re.compile(r"[A-Za-z0-9.%+\-/_#@&]+|——|……|.", re.S)


@dataclass(frozen=True)
class Line:
    """One printed line: `text` is an exact slice paragraph[start:end]."""

    text: str
    start: int
    end: int
    width: float
    indent: float
    last: bool  # the paragraph's final line (not justified)


def units(text: str) -> list[str]:
    """Unbreakable units: digit/Latin runs, doubled dashes and ellipses, single CJK chars."""
    return _UNIT.findall(text)


def _split_long(unit: str, font: str, size: float, width: float) -> list[str]:
    # a Latin/digit run wider than the column must break somewhere: break by char
    if text_width(unit, font, size) <= width:
        return [unit]
    return list(unit)


def break_paragraph(
    text: str, font: str, size: float, width: float, indent_chars: float = 2.0
) -> list[Line]:
    """Greedy line breaking; the first line is indented by `indent_chars` full-width chars."""
    toks: list[str] = []
    for u in units(text):
        toks.extend(_split_long(u, font, size, width - indent_chars * size))
    lines: list[Line] = []
    pos = 0
    i = 0
    first = True
    while i < len(toks):
        indent = indent_chars * size if first else 0.0
        avail = width - indent
        j = i
        w = 0.0
        while j < len(toks):
            tw = text_width(toks[j], font, size)
            if w + tw > avail + 1e-6:
                break
            w += tw
            j += 1
        if j < len(toks):
            # kinsoku: pull units down so the next line does not start with a closer
            # and this one does not end with an opener
            k = j
            while k - 1 > i and (toks[k][0] in NO_START or toks[k - 1][-1] in NO_END):
                k -= 1
            if k > i:
                j = k
        if j == i:  # a single unit wider than the line cannot happen after _split_long
            j = i + 1
        seg = "".join(toks[i:j])
        lines.append(
            Line(seg, pos, pos + len(seg), text_width(seg, font, size), indent, j >= len(toks))
        )
        pos += len(seg)
        i = j
        first = False
    return lines


def fit_lines(
    text: str, font: str, size: float, width: float, max_lines: int, min_size: float
) -> tuple[float, list[Line]]:
    """Largest size <= `size` (0.5 pt steps) fitting `text` in `max_lines` unindented lines."""
    s = size
    while True:
        lines = break_paragraph(text, font, s, width, 0.0)
        if len(lines) <= max_lines or s <= min_size:
            return s, lines
        s -= 0.5
