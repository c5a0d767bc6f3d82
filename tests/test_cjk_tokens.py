"""Tests for search.cjk: the index form FTS5 and Elasticsearch see, and readable highlights."""

from __future__ import annotations

import re
import sqlite3
import time
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baoku.search import cjk

B = cjk.BOUNDARY

TOKENIZE = "unicode61 remove_diacritics 0"

# CJK, kana, full-width forms, ASCII, digits, Chinese punctuation, astral Han, emoji, marks.
MIXED = st.text(
    alphabet=st.sampled_from(
        list("欠薪工会农民〇々あア㐀豈ＡＺａ１９！，。：“”「」()[]*^\"'-_ \t\n")
        + list("abcXYZ0123456789éß\u0301")
        + ["\U00020000", "\U0002a6d6", "😀", "\u3000", "①", "⑩", "½"]
    ),
    max_size=60,
)


def fts_terms(stored: str) -> list[str]:
    """The terms unicode61 makes of ``stored`` in a real FTS5 table, in order."""
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZE}')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    db.execute("INSERT INTO t VALUES (?)", (stored,))
    return [row[0] for row in db.execute("SELECT term FROM v ORDER BY offset")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("欠薪问题", "欠 薪 问 题"),
        ("追讨欠薪1850万余元。", f"追 讨 欠 薪 1 8 5 0 万 余 元 {B}"),
        ("ＡＢＣ公司１２号", "abc 公 司 1 2 号"),
        ("Covid-19疫情", "covid 1 9 疫 情"),
        ("“工会”《条例》", "工 会 条 例"),
        ("拖欠，薪资。\n", f"拖 欠 {B} 薪 资 {B} {B}"),
        ("1,850 3.5 a-b", "1 8 5 0 3 5 a b"),
        ("The ILO's union", "the ilo s union"),
        ("第①条 ⑩", "第 1 条 1 0"),
        ("二〇二三年", "二 〇 二 三 年"),
        ("𠀀字😀", "𠀀 字"),
        ("bad\ud800surrogate", "bad surrogate"),
        ("", ""),
        ("()*^-·—“”《》", ""),
        ("e\u0301t\u00e9", "eté"),  # a decomposed accent is dropped, not a separator
    ],
)
def test_index_form_examples(text: str, expected: str) -> None:
    assert cjk.index_form(text) == expected


def test_unicode61_keeps_han_runs_whole_so_spacing_is_needed() -> None:
    # Why the index form exists: raw Chinese is one FTS5 term per run, and full-width letters
    # are case-folded but not narrowed.
    assert fts_terms("欠薪问题") == ["欠薪问题"]
    assert fts_terms("ＡＢＣ") == ["ａｂｃ"]
    assert fts_terms(cjk.index_form("欠薪问题ＡＢＣ1850")) == [*"欠薪问题", "abc", *"1850"]


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_unicode61_splits_index_form_exactly_at_our_spaces(text: str) -> None:
    stored = cjk.index_form(text)
    assert fts_terms(stored) == stored.split()


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_fast_path_equals_reference_definition(text: str) -> None:
    assert cjk.index_form(text) == cjk.reference_index_form(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MIXED, st.text(max_size=60)))
def test_index_form_shape_and_spans(text: str) -> None:
    stored = cjk.index_form(text)
    assert stored == " ".join(stored.split())
    tokens = stored.split()
    for token in tokens:
        if any(cjk.is_cjk(ch) or ch.isdecimal() for ch in token):
            assert len(token) == 1, token
        assert all(ch.isalnum() for ch in token)
    spans = cjk.token_spans(text)
    assert [t for t, _, _ in spans] == tokens
    for token, start, end in spans:
        assert 0 <= start < end <= len(text)
        assert cjk.index_form(text[start:end]).split().count(token) >= 1
    assert B not in cjk.phrase_tokens(text)[:1] + cjk.phrase_tokens(text)[-1:]
    assert " ".join(cjk.phrase_tokens(text)) in stored


def test_phrase_tokens_trim_boundaries_only_at_the_ends() -> None:
    assert cjk.phrase_tokens("。欠薪！") == ["欠", "薪"]
    assert cjk.phrase_tokens("欠，薪") == ["欠", B, "薪"]
    assert cjk.phrase_tokens("，。") == []


def test_index_form_speed() -> None:
    article = (
        "据悉，2023年全国总工会共帮助农民工追讨欠薪1850万余元，涉及ＡＢＣ公司和Covid-19。" * 50
    )
    cjk.index_form(article)  # builds the translate table once
    rounds = 200
    start = time.perf_counter()
    for _ in range(rounds):
        cjk.index_form(article)
    rate = len(article) * rounds / (time.perf_counter() - start)
    print(f"\nindex_form: {rate / 1e6:.1f} M chars/s on {len(article)}-char articles")
    # A floor far below the measured ~8 M chars/s, so only a real regression trips it.
    assert rate > 1e6


def _fts_marked(text: str, query: str, fn: str) -> str:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZE}')")
    db.execute("INSERT INTO t VALUES (?)", (cjk.index_form(text),))
    args = "?, ?, '…', 6" if fn == "snippet" else "?, ?"
    row = db.execute(
        f"SELECT {fn}(t, 0, {args}) FROM t WHERE t MATCH ?",
        (cjk.FTS_OPEN, cjk.FTS_CLOSE, query),
    ).fetchone()
    assert row is not None
    return str(row[0])


def test_unspace_highlight_from_real_fts5() -> None:
    text = "据悉，全国总工会追讨欠薪1850万余元、欠薪问题 and the ILO union"
    marked = _fts_marked(text, '"欠 薪" OR "ilo" OR "1 8 5 0"', "highlight")
    # Chinese next to Latin is written without a space, as Chinese typesetting mostly does;
    # every clause mark comes back as the boundary mark.
    assert cjk.unspace_marked(marked) == (
        "据悉，全国总工会追讨[欠薪][1850]万余元，[欠薪]问题and the [ilo] union"
    )
    assert cjk.unspace_marked(marked, "<b>", "</b>").count("<b>欠薪</b>") == 2


def test_unspace_snippet_keeps_ellipsis() -> None:
    text = "一二三四五六七八九十工会追讨欠薪以后继续说很多很多别的话"
    marked = _fts_marked(text, '"欠 薪"', "snippet")
    readable = cjk.unspace_marked(marked)
    assert "[欠薪]" in readable
    assert readable.startswith("…") and readable.endswith("…")
    assert " " not in readable


def test_unspace_keeps_spaces_between_words_only() -> None:
    assert (
        cjk.unspace_marked("covid 1 9 \x02疫 情\x03 abc \x02def\x03") == "covid 19[疫情]abc [def]"
    )
    assert cjk.unspace_marked("") == ""


def test_mark_phrases_on_original_text() -> None:
    text = "追讨欠薪1850万余元，欠、薪不算；ＡＢＣ公司"
    marked = cjk.mark_phrases(text, [["欠", "薪"], ["abc"], ["1", "8", "5"]], "<", ">")
    # 欠、薪 is not the word 欠薪: the clause mark between them is a token of its own.
    assert marked == "追讨<欠薪><185>0万余元，欠、薪不算；<ＡＢＣ>公司"


def test_snippet_windows_around_first_match() -> None:
    text = "开头" * 100 + "职工欠薪问题" + "结尾" * 100
    out = cjk.snippet(text, [("欠", "薪")], width=30)
    assert "[欠薪]" in out
    assert out.startswith("…") and out.endswith("…")
    assert len(out) <= 30 + 4
    assert cjk.snippet("短文", [("欠", "薪")]) == "短文"


@settings(max_examples=500, deadline=None)
@given(st.one_of(MIXED, st.text(max_size=60)), st.lists(MIXED, min_size=1, max_size=3))
def test_fast_match_ranges_equal_the_token_loop(text: str, words: list[str]) -> None:
    # Phrases taken from the text itself as well, so that most examples do match.
    phrases = [cjk.phrase_tokens(w) for w in words] + [cjk.phrase_tokens(text[1:9])]
    assert cjk.match_ranges(text, phrases) == cjk._match_ranges(cjk.token_spans(text), phrases)


def _whole_text_snippet(text: str, phrases: list[list[str]], width: int) -> str:
    """The snippet as computed before pieces: every match of the whole text first."""
    ranges = cjk.match_ranges(text, phrases)
    start = 0
    if ranges:
        lead = max(0, (width - (ranges[0][1] - ranges[0][0])) // 3)
        start = max(0, ranges[0][0] - lead)
    end = min(len(text), start + width)
    start = max(0, min(start, end - width))
    out, pos = (["…"] if start > 0 else []), start
    for r_start, r_end in ranges:
        if r_end > start and r_start < end:
            s, e = max(r_start, start), min(r_end, end)
            out += [text[pos:s], "[", text[s:e], "]"]
            pos = e
    out.append(text[pos:end])
    if end < len(text):
        out.append("…")
    return re.sub(r"\s+", " ", "".join(out)).strip()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(MIXED, st.sampled_from(["欠薪", "，", "。\n", "欠 薪"])), max_size=80),
    st.lists(MIXED, min_size=1, max_size=3),
    st.integers(1, 120),
    st.sampled_from([1, 7, 64, 512]),
)
def test_snippet_read_in_pieces_equals_the_whole_text(
    parts: list[str], words: list[str], width: int, chunk: int
) -> None:
    # Long texts with clause marks where pieces are cut, and small pieces too, so that windows
    # reaching past a piece and matches next to a cut are common.
    text = "".join(parts)
    phrases = [cjk.phrase_tokens(w) for w in [*words, "欠薪"]]
    with patch.object(cjk, "_SNIPPET_CHUNK", chunk):
        got = cjk.snippet(text, phrases, width=width)
    assert got == _whole_text_snippet(text, phrases, width)


def test_fast_match_ranges_overlapping_and_compatibility_forms() -> None:
    assert cjk.match_ranges("工工工", [["工", "工"]]) == [(0, 3)]
    # ⑩ is two tokens from one character; ＡＢＣ narrows; a match ends inside no character.
    assert cjk.match_ranges("第⑩条ＡＢＣ公司", [["1", "0", "条"], ["abc"]]) == [(1, 3), (3, 6)]
    assert cjk.match_ranges("拖欠，薪资", [["欠", "薪"]]) == []


def test_bigram_form_pairs_adjacent_tokens() -> None:
    j = cjk.BIGRAM_JOINER
    assert cjk.bigram_form(cjk.index_form("欠薪，ab")) == f"欠{j}薪 薪{j}{B} {B}{j}ab"
    assert cjk.bigram_tokens(["欠"]) == []
    assert cjk.bigram_form("") == ""
    # unicode61 keeps the joiner inside a token, so FTS5 stores exactly these bigrams.
    stored = cjk.bigram_form(cjk.index_form("追讨欠薪1850万 Covid-19"))
    assert fts_terms(stored) == stored.split()
