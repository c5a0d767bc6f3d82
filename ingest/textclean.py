"""Text cleanup for the ingest stage: extracted lines become normalised article text.

Place in the flow: ingest (layout → articles) joins the visual lines of a paragraph with
``join_lines`` and normalises every article string with ``clean_text`` (``clean_heading``
for headlines, whose spaces between words carry meaning) before nlp and search see it.
Bylines and photo credits must be parsed *before* ``clean_text``: it removes the spaces
that separate names (see ``baoku.ingest.byline``).

Everything here is a pure function built on precompiled regexes and ``str.translate``;
Python-level callbacks run only on spots that need a change (a space, a half-width mark,
a straight quote), never once per character.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Han ideographs (basic, extension A, compatibility, supplementary planes), 〇, and kana.
# Hangul is left out on purpose: Korean separates words with spaces, so those must stay.
CJK_CLASS = (
    "\u3007\u3041-\u3096\u30a1-\u30fa\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0003134f"
)
# Punctuation that only occurs in CJK typesetting; a space next to it is always noise.
WIDE_PUNCT_CLASS = (
    "\u3001-\u3006\u3008-\u303f\u30fb\ufe10-\ufe1f\ufe30-\ufe4f"
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
)
# Marks shared by Chinese and Western text (curly quotes, dashes, ellipsis, middle dot):
# a space next to them goes only when the other side is CJK.
SHARED_PUNCT = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00b7"

_CJK = re.compile(f"[{CJK_CLASS}]")
_CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
_WIDE = re.compile(f"[{WIDE_PUNCT_CLASS}]")
_WORD = re.compile(rf"[\w{CJK_CLASS}]")

_HALFWIDTH_TABLE: dict[int, int | str | None] = {
    **{cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)},  # ０-９
    **{cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
    **{cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)},  # ａ-ｚ
    0xFF05: "%",  # ％ belongs to the number before it, like the digits
    0x301C: "\uff5e",  # wave dash 〜 → the fullwidth tilde ～ that ranges use
    0x3000: " ",  # ideographic space: plain whitespace from here on
    0x200B: None,  # zero-width space, BOM, soft hyphen, word joiner: invisible debris
    0xFEFF: None,
    0x00AD: None,
    0x2060: None,
}
# str.translate walks every character in Python-level dict lookups; a regex search for
# "anything to translate" first is several times faster on clean CJK text.
_NEEDS_HALFWIDTH = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp in sorted(_HALFWIDTH_TABLE)) + "]"
)
_FULLWIDTH_PUNCT_TABLE = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！"})

_FW_DECIMAL = re.compile(r"(?<=\d)\uff0e(?=\d)")
_LINE_BREAKS = "\n\r\v\f\x1c-\x1e\x85\u2028\u2029"
_NEWLINE_RUN = re.compile(rf"[^\S{_LINE_BREAKS}]*[{_LINE_BREAKS}]\s*")
_ANY_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")
_HSPACE_RUN = re.compile(r"[^\S\n]+")
_QUOTED = re.compile(r'"([^"\n]*)"')
_PARENS = re.compile(r"\(([^()\n]*)\)")
_MIXED_PARENS = re.compile(r"（([^（）()\n]*)\)|\(([^（）()\n]*)）")
_TILDE = re.compile("~")
# Maximal runs of non-word characters that hold something to fix: a half-width mark
# that may become full-width, or a space. Runs of full-width marks alone never match,
# so plain Chinese text costs one regex scan and no callback.
_PUNCT_RUN = re.compile(rf"[^\w\n{CJK_CLASS}]*[,;:?!][^\w\n{CJK_CLASS}]*")
_SPACE_RUN = re.compile(rf"[^\w\n{CJK_CLASS}]* [^\w\n{CJK_CLASS}]*")

_LATIN_ALNUM = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ASCII_SOFT_END = frozenset(",;:!?.)]\"'")

_MARKS = f"[{WIDE_PUNCT_CLASS}{SHARED_PUNCT}]"
# One letter-spaced token: a CJK character with marks clinging to it, marks alone, or a
# number ("打 造 10 家 工 人 文 化 宫" is spaced out the same way).
_SPACED_TOKEN = rf"(?:{_MARKS}*[{CJK_CLASS}]{_MARKS}*|{_MARKS}+|\d+(?:[.,]\d+)*%?)"
_SPACED_RUN = re.compile(rf"(?<!\S){_SPACED_TOKEN}(?: {_SPACED_TOKEN}){{2,}}(?!\S)")


def is_cjk(ch: str) -> bool:
    """True for one Han ideograph (or 〇, or kana); False for punctuation, digits, Hangul."""
    return bool(ch) and _CJK.fullmatch(ch) is not None


def is_han(ch: str) -> bool:
    """True for one ideograph of the basic CJK Unified block (U+4E00–U+9FFF) only."""
    return "\u4e00" <= ch <= "\u9fff"


def is_wide_punct(ch: str) -> bool:
    """True for punctuation used only in CJK typesetting (，。、（）《》：…), not for “”."""
    return bool(ch) and _WIDE.fullmatch(ch) is not None


def cjk_chars(text: str) -> str:
    """The CJK characters of ``text`` in order, everything else dropped."""
    return "".join(_CJK_RUN.findall(text))


def to_halfwidth_alnum(text: str) -> str:
    """Full-width digits, Latin letters and ％ to ASCII; invisible debris removed.

    Unlike NFKC this leaves full-width punctuation (，：（）) alone.
    """
    if _NEEDS_HALFWIDTH.search(text) is None:
        return text
    return text.translate(_HALFWIDTH_TABLE)


def join_lines(lines: Sequence[str]) -> str:
    """Join the column-wrapped visual lines of one paragraph into one string.

    Lines are concatenated without a separator (a wrap inside Chinese text is no word
    break), except that a single space goes where a Latin letter or digit ends one line
    and the next starts with one (an English phrase wrapped), or after ASCII punctuation
    before a Latin letter. Digit against digit is joined without a space: in these
    papers that is a wrapped number, not two words. A hyphen that ends a line after a
    Latin letter and is followed by a lowercase letter is taken as a wrap hyphen and
    dropped ("employ-" + "ment"); before an uppercase letter or digit it stays
    ("COVID-" + "19").
    """
    parts: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if parts:
            prev = parts[-1]
            last, first = prev[-1], line[0]
            if last.isdigit() and first.isdigit():
                pass  # a number wrapped mid-way ("3.4" + "8万件"), not two words
            elif _LATIN_ALNUM.match(last) and _LATIN_ALNUM.match(first):
                parts.append(" ")
            elif (
                last == "-"
                and len(prev) >= 2
                and _LATIN_LETTER.match(prev[-2])
                and first.isascii()
                and first.islower()
            ):
                parts[-1] = prev[:-1]
            elif last in _ASCII_SOFT_END and _LATIN_LETTER.match(first):
                parts.append(" ")
        parts.append(line)
    return "".join(parts)


def collapse_spaced(text: str) -> str:
    """Close up letter-spaced CJK: "阅 读 提 示" → "阅读提示".

    Only runs of at least three space-separated tokens, each a single CJK character
    (full-width marks may cling to it, "“ 双 降 双 升 ”的" counts) or marks alone, and
    with at least two CJK tokens, are closed up. Spaces between multi-character words
    ("G 新闻特写", "到基层蹲点 在一线") are kept.
    """
    if " " not in text:
        return text
    return _SPACED_RUN.sub(_close_up, text)


def _close_up(m: re.Match[str]) -> str:
    run = m.group()
    tokens = run.split(" ")
    if sum(1 for t in tokens if _CJK.search(t)) < 2:
        return run
    return "".join(tokens)


def clean_text(text: str) -> str:
    """Normalise one article string (one paragraph, or paragraphs separated by newlines).

    - full-width digits/letters/％ become ASCII; invisible characters go (no NFKC);
    - whitespace runs collapse to one space; a run holding a line break becomes one
      ``"\\n"`` (a paragraph break), with no spaces around it; ends are stripped;
    - a space goes when either side is CJK-only punctuation, or one side is CJK and the
      other CJK, a digit or punctuation ("11 月初" → "11月初"); it stays between a Latin
      letter and CJK ("G 新闻特写"), and between CJK and a number that belongs to Latin
      text ("Windows 10 系统", a URL ending in a digit);
    - ``, ; : ? !`` become ``，；：？！`` when the nearest letter/digit/ideograph on either
      side is CJK, or is a number with CJK beyond it ("增长3.5%!"); a mark between two
      digits never changes, so "1,100万元", "10:30", "3.5" and URLs keep theirs;
    - ``( )`` become ``（ ）`` when the content or a neighbour is CJK (nested pairs too,
      and a pair half full-width already is completed); straight double quotes pair up
      left to right and become “ ” under the same test; single quotes are left alone;
    - ``~`` in a range becomes ``～`` when digits or CJK flank it and CJK is next to the
      range ("500~600元", "2月21日~24日"), so ranges reach nlp in one form; "1~7" in
      Latin-only text stays.

    Idempotent, and never adds, drops or reorders CJK characters or digits.
    """
    return _clean(text, join_cjk=True)


def clean_heading(text: str) -> str:
    """``clean_text`` for headlines and kickers, where a space between CJK words is a break.

    Letter-spaced runs are closed up (``collapse_spaced``); spaces between two
    CJK words then stay (one each), all other rules are those of ``clean_text``.
    """
    return _clean(text, join_cjk=False)


def _clean(text: str, *, join_cjk: bool) -> str:
    text = to_halfwidth_alnum(text)
    if "\uff0e" in text:
        text = _FW_DECIMAL.sub(".", text)
    if _ANY_LINE_BREAK.search(text):
        text = _NEWLINE_RUN.sub("\n", text)
    text = _HSPACE_RUN.sub(" ", text).strip()
    if '"' in text:
        text = _QUOTED.sub(_fix_quotes, text)
    if "(" in text or ")" in text:
        text = _fix_parens(text)
    if "~" in text:
        text = _TILDE.sub(_fix_tilde, text)
    if not join_cjk:
        text = collapse_spaced(text)
    text = _PUNCT_RUN.sub(_fix_punct_run, text)
    return _SPACE_RUN.sub(_fix_space_run_join if join_cjk else _fix_space_run_keep, text)


def _near_cjk(s: str, i: int, step: int) -> bool:
    """Is the nearest word character from ``s[i]`` towards ``step`` CJK?

    Marks and spaces are skipped so the answer does not change once they are cleaned,
    which keeps ``clean_text`` idempotent; a line break ends the search.
    """
    n = len(s)
    while 0 <= i < n:
        ch = s[i]
        if ch == "\n":
            return False
        if _WORD.match(ch):
            return _CJK.match(ch) is not None
        i += step
    return False


def _fix_quotes(m: re.Match[str]) -> str:
    inner = m.group(1)
    s = m.string
    if _CJK.search(inner) or _near_cjk(s, m.start() - 1, -1) or _near_cjk(s, m.end(), 1):
        return f"“{inner}”"
    return m.group()


def _fix_paren(m: re.Match[str]) -> str:
    inner = m.group(1)
    s = m.string
    if _CJK.search(inner) or _near_cjk(s, m.start() - 1, -1) or _near_cjk(s, m.end(), 1):
        return f"（{inner}）"
    return m.group()


def _fix_parens(text: str) -> str:
    text = _MIXED_PARENS.sub(lambda m: f"（{m.group(1) or m.group(2) or ''}）", text)
    # Innermost pairs go first; repeating to a fixed point handles nesting, so a second
    # clean_text finds nothing left to convert.
    while True:
        new = _PARENS.sub(_fix_paren, text)
        if new == text:
            return text
        text = new


def _range_side_near_cjk(s: str, i: int, step: int) -> tuple[bool, bool]:
    """From the ``~`` at ``i - step``: (is the range end a digit or CJK, is CJK next to it)."""
    n = len(s)
    while 0 <= i < n and s[i] == " ":
        i += step
    if not 0 <= i < n:
        return False, False
    if _CJK.match(s[i]):
        return True, True
    if not s[i].isdigit():
        return False, False
    while 0 <= i < n and (s[i].isdigit() or s[i] in "., "):
        i += step
    return True, 0 <= i < n and _CJK.match(s[i]) is not None


def _fix_tilde(m: re.Match[str]) -> str:
    s = m.string
    left_ok, left_cjk = _range_side_near_cjk(s, m.start() - 1, -1)
    right_ok, right_cjk = _range_side_near_cjk(s, m.end(), 1)
    if left_ok and right_ok and (left_cjk or right_cjk):
        return "\uff5e"
    return "~"


def _number_near_cjk(s: str, i: int, step: int) -> bool:
    """From the digit at ``i``: is the number it belongs to next to CJK ("增长3.5%!")?"""
    n = len(s)
    while 0 <= i < n and (s[i].isdigit() or s[i] in "., "):
        i += step
    return 0 <= i < n and _CJK.match(s[i]) is not None


def _fix_punct_run(m: re.Match[str]) -> str:
    run = m.group()
    s = m.string
    start, end = m.span()
    left = s[start - 1] if start > 0 else ""
    right = s[end] if end < len(s) else ""
    if _CJK.match(left) or _CJK.match(right):
        return run.translate(_FULLWIDTH_PUNCT_TABLE)
    left_digit, right_digit = left.isdigit(), right.isdigit()
    if left_digit and right_digit:
        return run  # 1,100 / 10:30 / 3:2
    if (left_digit and _number_near_cjk(s, start - 1, -1)) or (
        right_digit and _number_near_cjk(s, end, 1)
    ):
        return run.translate(_FULLWIDTH_PUNCT_TABLE)
    return run


def _ascii_run_has_letter(s: str, i: int) -> bool:
    """Is the number at ``s[i]`` part of Latin text ("Windows 10", a URL, "iPhone15")?

    Looks through the ASCII around it, across single spaces, for a Latin letter.
    """
    n = len(s)
    j = i
    while j >= 0 and s[j].isascii():
        if s[j].isalpha():
            return True
        j -= 1
    j = i + 1
    while j < n and s[j].isascii():
        if s[j].isalpha():
            return True
        j += 1
    return False


def _space_goes(s: str, a: int, b: int, join_cjk: bool) -> bool:
    """Should the single space between ``s[a]`` and ``s[b]`` go?"""
    ca, cb = s[a], s[b]
    if _WIDE.match(ca) or _WIDE.match(cb):
        return True
    a_cjk = _CJK.match(ca) is not None
    b_cjk = _CJK.match(cb) is not None
    if a_cjk and b_cjk:
        return join_cjk
    if not (a_cjk or b_cjk):
        return False
    other, at = (cb, b) if a_cjk else (ca, a)
    if other.isalpha():
        return False  # "G 新闻特写", "使用 Python 开发"
    if other.isdigit():
        # "11 月初" is an extraction artifact; "Windows 10 系统" or a URL ending in a
        # digit keeps its space so the Latin token stays whole.
        return not _ascii_run_has_letter(s, at)
    return True


def _fix_space_run(m: re.Match[str], join_cjk: bool) -> str:
    s = m.string
    start, end = m.span()
    out: list[str] = []
    keep_from = start
    # Whitespace is collapsed already, so every space here stands alone between two
    # characters; a text edge or a line break never borders one (lines are stripped).
    for i in range(start, end):
        if s[i] == " " and _space_goes(s, i - 1, i + 1, join_cjk):
            out.append(s[keep_from:i])
            keep_from = i + 1
    out.append(s[keep_from:end])
    return "".join(out)


def _fix_space_run_join(m: re.Match[str]) -> str:
    return _fix_space_run(m, True)


def _fix_space_run_keep(m: re.Match[str]) -> str:
    return _fix_space_run(m, False)
