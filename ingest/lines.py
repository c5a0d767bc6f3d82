"""Chars → visual lines: the unit layout analysis works on.

Third step of ingest (pdf_reader → **lines** → layout → articles). Chars are grouped by
baseline and size into rows, and rows are cut at column gutters and vertical rules. Letter-
spaced headings (阅 读 提 示) come out as one line, because their single-character pieces are
re-joined when they sit evenly on one baseline.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from baoku.ingest.pdf_reader import RawChar
from baoku.ingest.records import BBox, TextLine

# Font names that mark a heavy face: Latin weights, 黑体 (Hei), and the usual 方正 headline
# faces (小标宋 XBS, 大标宋 DBS, 黑 HT/DH, 综艺 ZY, 粗 C*), whose names carry no "Bold".
_HEAVY_FONT = re.compile(
    r"bold|black|heavy|semibold|demi|hei|gothic|FZ(?:X?DBS|XBS|HT|DH|ZD|ZY|CH|CQ|LB)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class LineSettings:
    baseline_tolerance: float = 0.3  # × size: chars this close in bottom share a row
    gutter: float = 0.9  # × size: a wider gap between chars cuts a row into two lines
    spaced_gap: float = 2.6  # × size: widest gap re-joined between letter-spaced characters
    spaced_piece: int = 2  # longest piece (chars) that counts as letter-spaced

    def __post_init__(self) -> None:
        if not 0 < self.baseline_tolerance < 1 or self.gutter <= 0 or self.spaced_gap < self.gutter:
            raise ValueError(
                "LineSettings: need 0 < baseline_tolerance < 1 and spaced_gap >= gutter > 0"
            )


def is_heavy_font(fontname: str) -> bool:
    # Subset prefixes (ABCDEF+Name) carry no weight information.
    return bool(_HEAVY_FONT.search(fontname.split("+", 1)[-1]))


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _piece_text(chars: Sequence[RawChar]) -> str:
    out: list[str] = []
    prev: RawChar | None = None
    gaps = sorted(b.x0 - a.x1 for a, b in itertools.pairwise(chars))
    # Justified lines spread every gap alike; only a gap well above the line's usual one is
    # a space.
    usual = max(0.0, gaps[len(gaps) // 2]) if gaps else 0.0
    for c in chars:
        # Space glyphs were dropped; a visible gap becomes one space again (between Latin
        # words, and between names in bylines). Text cleanup removes it between Chinese chars.
        if prev is not None:
            gap = c.x0 - prev.x1 - usual
            latin = _is_ascii_alnum(prev.text[-1]) and _is_ascii_alnum(c.text[0])
            if gap > (0.2 if latin else 0.25) * c.size:
                out.append(" ")
        out.append(c.text)
        prev = c
    return "".join(out)


def _make_line(chars: Sequence[RawChar]) -> TextLine:
    sizes = Counter(round(c.size, 1) for c in chars)
    fonts = Counter(c.fontname for c in chars)
    fontname = fonts.most_common(1)[0][0]
    return TextLine(
        text=_piece_text(chars),
        bbox=BBox(
            min(c.x0 for c in chars),
            min(c.top for c in chars),
            max(c.x1 for c in chars),
            max(c.bottom for c in chars),
        ),
        size=sizes.most_common(1)[0][0],
        bold=is_heavy_font(fontname),
        fontname=fontname,
    )


def _rows(chars: list[RawChar], tol: float) -> list[list[RawChar]]:
    """Group chars into rows of one baseline and one size (different sizes never share a row)."""
    rows: list[list[RawChar]] = []
    open_rows: list[tuple[float, float, list[RawChar]]] = []  # (bottom, size, chars)
    for c in sorted(chars, key=lambda c: (c.bottom, c.x0)):
        placed = False
        keep: list[tuple[float, float, list[RawChar]]] = []
        for bottom, size, row in open_rows:
            if c.bottom - bottom > size:  # row can take no more chars: close it
                rows.append(row)
                continue
            if not placed and abs(c.bottom - bottom) <= tol * size and abs(c.size - size) <= 0.6:
                row.append(c)
                placed = True
            keep.append((bottom, size, row))
        if not placed:
            keep.append((c.bottom, c.size, [c]))
        open_rows = keep
    rows.extend(row for _, _, row in open_rows)
    return rows


def _blocked(
    x_left: float, x_right: float, top: float, bottom: float, vrules: Sequence[BBox]
) -> bool:
    for r in vrules:
        if x_left - 1 <= (r.x0 + r.x1) / 2 <= x_right + 1 and r.top <= bottom and r.bottom >= top:
            return True
    return False


def chars_to_lines(
    chars: list[RawChar], vrules: Sequence[BBox] = (), settings: LineSettings | None = None
) -> list[TextLine]:
    """Visual lines, sorted top to bottom then left to right."""
    s = settings or LineSettings()
    lines: list[TextLine] = []
    for row in _rows(chars, s.baseline_tolerance):
        row.sort(key=lambda c: c.x0)
        pieces: list[list[RawChar]] = [[row[0]]]
        for prev, c in itertools.pairwise(row):
            gap = c.x0 - prev.x1
            if gap > s.gutter * c.size or _blocked(prev.x1, c.x0, c.top, c.bottom, vrules):
                pieces.append([c])
            else:
                pieces[-1].append(c)
        merged: list[list[RawChar]] = [pieces[0]]
        for piece in pieces[1:]:
            last = merged[-1]
            gap = piece[0].x0 - last[-1].x1
            # Letter-spaced headings: runs of 1-2 char pieces, evenly spread on one baseline.
            if (
                len(piece) <= s.spaced_piece
                and len(last) <= s.spaced_piece * 4
                and _short_pieces(last, s)
                and gap <= s.spaced_gap * piece[0].size
                and not _blocked(last[-1].x1, piece[0].x0, piece[0].top, piece[0].bottom, vrules)
            ):
                last.extend(piece)
            else:
                merged.append(piece)
        lines.extend(_make_line(p) for p in merged)
    lines.sort(key=lambda ln: (round(ln.bbox.top, 0), ln.bbox.x0))
    return lines


def _short_pieces(chars: list[RawChar], s: LineSettings) -> bool:
    """True when ``chars`` is itself letter-spaced (or a single short piece)."""
    if len(chars) <= s.spaced_piece:
        return True
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(chars)]
    return all(g > s.gutter * b.size * 0.5 for g, b in zip(gaps, chars[1:], strict=False))
