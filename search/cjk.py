"""Index form of article text for full-text search: one token per Chinese character and digit.

Search stage (ingest → nlp → **search**). The store feeds ``index_form(text)`` into an FTS5
table declared with ``tokenize="unicode61 remove_diacritics 0"`` and the Elasticsearch backend
into a ``whitespace``- or ``standard``-analyzed field, so both backends see the same tokens; the
query side turns user words into the same tokens with ``phrase_tokens``. docs/search.md has the
scheme and why.

unicode61 alone keeps a run of Han characters as ONE token (欠薪问题 is a single term), so a
search for 欠薪 would never hit it. Spacing every CJK character makes a Chinese word a phrase
of single characters, which is exact and contiguous for queries of any length, 1 character
included. Digits are spaced the same way so that 1850 is found inside 1850万余元; numbers
therefore match as substrings (185 hits 1850), as Chinese does.

Per character: clause punctuation (。，、；：！？ and line breaks) becomes the ``BOUNDARY``
token, checked first because NFKC would turn ， into a plain comma; otherwise NFKC
(full-width ＡＢＣ１２ become ABC12, compatibility ideographs their unified form, ① becomes 1),
lowercase; then CJK characters and decimal digits become their own token, other letters and
numbers join into words, combining marks are dropped, and everything else (other punctuation,
symbols, spaces, controls, lone surrogates) only separates tokens. The per-character rule is
precomputed into a ``str.translate`` table for the whole BMP; the rare astral characters
(CJK extensions B and later, emoji) go through the same rule by regex.

Highlighting: ``unspace_marked`` turns FTS5 ``highlight()``/``snippet()`` output of the spaced
column back into readable text (欠薪, not 欠 薪); ``mark_phrases`` / ``snippet`` mark matches
in the ORIGINAL text (punctuation and case kept), for stores whose FTS table keeps no content.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import accumulate, pairwise
from typing import Final

# Scripts written without spaces between words: each character is its own token. Han
# (unified, extension A, compatibility, extensions B+ in the astral planes), the 々 / 〇 /
# Hangzhou-numeral marks, kana and bopomofo.
_CJK_RANGES: Final[tuple[tuple[int, int], ...]] = (
    (0x3005, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303C),
    (0x3040, 0x30FF),
    (0x3100, 0x312F),
    (0x31A0, 0x31BF),
    (0x31F0, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)

# Private marks for FTS5 highlight()/snippet(): control characters never survive index_form,
# so they cannot collide with indexed text.
FTS_OPEN: Final = "\x02"
FTS_CLOSE: Final = "\x03"

_ASTRAL: Final = re.compile("[\U00010000-\U0010ffff]")

# Clause punctuation and line breaks become a token of their own so that a phrase cannot run
# across them: 欠薪 must not match 拖欠，薪资 or a 欠 ending one paragraph and a 薪 opening the
# next. The token is a compatibility ideograph, which NFKC maps away from every input, so no
# text or query word can produce it; unicode61 and Lucene's standard tokenizer both keep it as
# one token. ASCII , . : stay plain separators because they occur inside numbers (1,850 / 3.5).
BOUNDARY: Final = "\uf900"
_BOUNDARY_CHARS: Final = frozenset("。，、；：！？\n")


def is_cjk(ch: str) -> bool:
    """True for a character that is indexed as a token on its own (Han, kana, bopomofo)."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES) and ch.isalnum()


def _piece(ch: str) -> str:
    """What one already-normalised character becomes in the index form."""
    if ch.isdecimal() or is_cjk(ch):
        return f" {ch} "
    if ch.isalnum():
        return ch
    if unicodedata.category(ch).startswith("M"):
        return ""
    return " "


@cache
def _rule(ch: str) -> str:
    # Surrogates cannot be NFKC-normalised meaningfully and must never reach SQLite (they do
    # not encode to UTF-8), so they separate like punctuation.
    if "\ud800" <= ch <= "\udfff":
        return " "
    if ch in _BOUNDARY_CHARS:
        return f" {BOUNDARY} "
    return "".join(_piece(c) for c in unicodedata.normalize("NFKC", ch).lower())


@cache
def _bmp_table() -> list[str]:
    # A list indexed by code point: str.translate looks each character up with __getitem__,
    # and indexing a list is cheaper than hashing into a dict (~10% of index_form). An astral
    # code point raises IndexError, a LookupError, which translate takes as "unchanged".
    return [_rule(chr(cp)) for cp in range(0x10000)]


def _astral(match: re.Match[str]) -> str:
    return _rule(match.group())


def index_tokens(text: str) -> list[str]:
    """The tokens of ``index_form(text)``, as a list."""
    spaced = text.translate(_bmp_table())
    if not spaced.isascii():
        spaced = _ASTRAL.sub(_astral, spaced)
    return spaced.split()


def index_form(text: str) -> str:
    """Space-separated tokens of ``text``, ready for FTS5 unicode61 (or ES whitespace)."""
    return " ".join(index_tokens(text))


def phrase_tokens(term: str) -> list[str]:
    """Tokens a user's word or phrase must match, contiguous and in order ([] if none).

    Clause boundaries at either end are dropped (欠薪。 means 欠薪); inside they stay, so
    欠，薪 finds only that punctuated text.
    """
    tokens = index_form(term).split()
    start, end = 0, len(tokens)
    while start < end and tokens[start] == BOUNDARY:
        start += 1
    while end > start and tokens[end - 1] == BOUNDARY:
        end -= 1
    return tokens[start:end]


# Joins the two tokens of a bigram. A private-use character: index_form never outputs one (its
# rule makes them separators), so a bigram can be split back unambiguously (ab+c is not a+bc),
# while unicode61 (token characters L* N* Co) and Lucene's whitespace tokenizer keep it inside
# the token. The Elasticsearch shingle filter uses the same separator.
BIGRAM_JOINER: Final = "\ue000"


def bigram_tokens(tokens: Sequence[str]) -> list[str]:
    """Each pair of adjacent index tokens as one token: [欠, 薪, 款] → [欠\ue000薪, 薪\ue000款].

    A phrase of n ≥ 2 tokens matches at a position exactly when its n-1 bigrams match there
    contiguously, so a multi-character word is looked up by far rarer terms than its single
    characters (工会 is one posting list, not the position lists of 工 and 会 intersected).
    """
    return [BIGRAM_JOINER.join(pair) for pair in pairwise(tokens)]


def bigram_form(index_text: str) -> str:
    """The bigram column text of an ``index_form`` string: every adjacent token pair."""
    return bigram_form_of(index_text.split())


def bigram_form_of(tokens: Sequence[str]) -> str:
    """The bigram column text of a list of index tokens (``index_tokens``)."""
    # zip over the list and its tail, not itertools.pairwise: zip reuses its result tuple
    # when the consumer drops it, which makes this twice as fast (measured).
    pairs = zip(tokens, tokens[1:], strict=False)  # noqa: RUF007
    return " ".join(map(BIGRAM_JOINER.join, pairs))


def reference_index_form(text: str) -> str:
    """Character-by-character definition of ``index_form``; the fast path must equal it."""
    return " ".join("".join(_rule(ch) for ch in text).split())


def _glued(left: str, right: str) -> bool:
    """Whether two adjacent index tokens were written without a space in natural text."""
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return True
    return left[-1].isdecimal() and right[0].isdecimal()


_MARKED_PIECES: Final = re.compile(f"[{FTS_OPEN}{FTS_CLOSE}]|[^ {FTS_OPEN}{FTS_CLOSE}]+| +")


def unspace_marked(
    spaced: str,
    open_mark: str = "[",
    close_mark: str = "]",
    *,
    fts_open: str = FTS_OPEN,
    fts_close: str = FTS_CLOSE,
    boundary: str = "，",
) -> str:
    """Readable text from FTS5 ``highlight()``/``snippet()`` output of an index-form column.

    Call FTS5 with ``fts_open``/``fts_close`` as its marks (defaults: ``FTS_OPEN``,
    ``FTS_CLOSE``). Spaces between CJK characters and between digits are removed, spaces
    between words kept, the marks replaced by ``open_mark``/``close_mark``, clause boundary
    tokens shown as ``boundary``; a snippet's ellipsis passes through. Other punctuation and
    case are not recoverable from the index form; use ``snippet``/``mark_phrases`` on the
    original text where that matters.
    """
    if (fts_open, fts_close) != (FTS_OPEN, FTS_CLOSE):
        spaced = spaced.replace(fts_open, FTS_OPEN).replace(fts_close, FTS_CLOSE)
    out: list[str] = []
    previous = ""
    # Index in `out` of a placeholder for the space run seen since the last token; whether it
    # becomes a space is known only at the next token. Marks after it land after the space,
    # marks before it stay before, so "abc <def>" gives "abc [def]" and "<欠 薪> 和" "[欠薪]和".
    space_slot: int | None = None
    for piece in _MARKED_PIECES.findall(spaced):
        if piece == FTS_OPEN:
            out.append(open_mark)
        elif piece == FTS_CLOSE:
            out.append(close_mark)
        elif piece[0] == " ":
            if space_slot is None:
                space_slot = len(out)
                out.append("")
        else:
            if space_slot is not None and previous and not _glued(previous, piece):
                out[space_slot] = " "
            space_slot = None
            out.append(boundary if piece == BOUNDARY else piece)
            previous = piece
    return "".join(out)


_TOKEN_RUN: Final = re.compile("[^ ]+")


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for each index token of ``text``, with offsets into ``text``.

    The tokens are exactly ``index_form(text).split()``. A token made from part of one
    character (⑩ gives 1 and 0) spans that whole character. Slower than ``index_form``
    (a Python loop); meant for the few texts of a result page.
    """
    pieces: list[str] = []
    source: list[int] = []
    for i, ch in enumerate(text):
        out = _rule(ch)
        pieces.append(out)
        source.extend([i] * len(out))
    joined = "".join(pieces)
    return [
        (m.group(), source[m.start()], source[m.end() - 1] + 1) for m in _TOKEN_RUN.finditer(joined)
    ]


def _match_ranges(
    spans: Sequence[tuple[str, int, int]], phrases: Sequence[Sequence[str]]
) -> list[tuple[int, int]]:
    tokens = [t for t, _, _ in spans]
    ranges: list[tuple[int, int]] = []
    for phrase in phrases:
        n = len(phrase)
        if n == 0:
            continue
        first = phrase[0]
        for i, tok in enumerate(tokens):
            if tok == first and tokens[i : i + n] == list(phrase):
                ranges.append((spans[i][1], spans[i + n - 1][2]))
    return _merged(ranges)


# Ends every character's piece in the translated text so that pieces map back to characters.
# A control character: its own rule turns it into a space, and no rule outputs one.
_PIECE_END: Final = "\x00"


@cache
def _bmp_piece_table() -> list[str]:
    return [piece + _PIECE_END for piece in _bmp_table()]


@cache
def _phrase_pattern(phrase: tuple[str, ...]) -> re.Pattern[str]:
    # A zero-width match with the phrase captured, so overlapping occurrences are all found
    # (工工 twice in 工工工), each starting and ending at a token edge.
    body = " +".join(re.escape(t) for t in phrase)
    return re.compile(f"(?<![^ ])(?=({body})(?![^ ]))")


def match_ranges(text: str, phrases: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) offsets in ``text`` of every occurrence of each phrase.

    The same ranges as matching the phrases against ``token_spans(text)``, found with one
    ``str.translate`` and a regex search instead of a Python loop per character (the pieces
    each character becomes are delimited, so a match maps back to the characters it came
    from). Text with astral characters, which the table does not cover, takes the loop.
    """
    wanted = [tuple(p) for p in phrases if p]
    if not wanted:
        return []
    if not text.isascii() and _ASTRAL.search(text):
        return _match_ranges(token_spans(text), wanted)
    pieces = text.translate(_bmp_piece_table()).split(_PIECE_END)
    ends = list(accumulate(map(len, pieces)))  # ends[i]: where character i's piece ends
    joined = "".join(pieces)
    ranges: list[tuple[int, int]] = []
    for phrase in wanted:
        for m in _phrase_pattern(phrase).finditer(joined):
            start, end = m.span(1)
            ranges.append((bisect_right(ends, start), bisect_right(ends, end - 1) + 1))
    return _merged(ranges)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark_phrases(
    text: str,
    phrases: Sequence[Sequence[str]],
    open_mark: str = "[",
    close_mark: str = "]",
) -> str:
    """``text`` with every occurrence of each token phrase wrapped in the marks."""
    out: list[str] = []
    pos = 0
    for start, end in match_ranges(text, phrases):
        out += [text[pos:start], open_mark, text[start:end], close_mark]
        pos = end
    out.append(text[pos:])
    return "".join(out)


# Snippets look for the first match in pieces of about this many characters, each ending
# just after clause punctuation, rather than translating a whole long body for a match that
# is usually in its first lines.
_SNIPPET_CHUNK: Final = 128
_BOUNDARY_RE: Final = re.compile(f"[{''.join(sorted(_BOUNDARY_CHARS))}]")


def _boundary_cut(text: str, at: int) -> int:
    """The offset just after the first clause mark at or after ``at`` (else the end).

    A clause mark is a ``BOUNDARY`` token: the tokens on either side of the cut are those of
    the whole text, and no match of a phrase without that token runs across it, so matching
    each piece alone finds exactly the whole text's matches."""
    found = _BOUNDARY_RE.search(text, at)
    return found.end() if found else len(text)


def _snippet_window(
    text: str, phrases: Sequence[Sequence[str]], width: int
) -> tuple[int, int, list[tuple[int, int]]]:
    """(start, end) of the snippet and the match ranges that can fall in it: the same as
    computing ``match_ranges`` of the whole text, reading only up to the window's end."""
    pos, n = 0, len(text)
    # A phrase typed with a clause mark inside (欠，薪) runs across such cuts: read it whole.
    chunk = n if any(BOUNDARY in p for p in phrases) else _SNIPPET_CHUNK
    while pos < n:
        cut = _boundary_cut(text, pos + chunk)
        found = match_ranges(text[pos:cut], phrases)
        if found:
            first_start, first_end = found[0][0] + pos, found[0][1] + pos
            lead = max(0, (width - (first_end - first_start)) // 3)
            start = max(0, first_start - lead)
            end = min(n, start + width)
            start = max(0, min(start, end - width))
            ranges = [(a + pos, b + pos) for a, b in found]
            if end > cut:  # the window reaches past the piece: read on to its end
                more = _boundary_cut(text, end)
                ranges += [(a + cut, b + cut) for a, b in match_ranges(text[cut:more], phrases)]
            # Pieces before ``pos`` held no match, so these are all the window can show.
            return start, end, ranges
        pos = cut
    return 0, min(n, width), []


def snippet(
    text: str,
    phrases: Sequence[Sequence[str]],
    open_mark: str = "[",
    close_mark: str = "]",
    *,
    width: int = 80,
    ellipsis: str = "…",
) -> str:
    """About ``width`` characters of ``text`` around the first match, matches marked.

    Without a match (the hit came from another field, or only negations) it is the start of
    the text. Whitespace runs are collapsed so that line breaks do not eat the budget.
    """
    start, end, ranges = _snippet_window(text, phrases, width)
    out: list[str] = [ellipsis] if start > 0 else []
    pos = start
    for r_start, r_end in ranges:
        if r_end <= start or r_start >= end:
            continue
        s, e = max(r_start, start), min(r_end, end)
        out += [text[pos:s], open_mark, text[s:e], close_mark]
        pos = e
    out.append(text[pos:end])
    if end < len(text):
        out.append(ellipsis)
    return re.sub(r"\s+", " ", "".join(out)).strip()
