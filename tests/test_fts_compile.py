"""Tests for search.fts_compile against a real in-memory SQLite FTS5 table."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baoku.search.cjk import bigram_form, index_form
from baoku.search.fts_compile import compile_match, quote
from baoku.search.syntax import Not, QuerySyntaxError, Term, parse

DOCS: dict[int, tuple[str, str]] = {
    1: ("工会帮助农民工讨回欠薪", "据悉，2023年全国总工会共帮助农民工追讨欠薪1850万余元。"),
    2: ("欠款与薪资", "企业欠下货款，职工薪资按时发放。"),
    3: ("COVID-19 防控", "职工医院发放口罩5000只，Covid-19 检测。"),
    4: ("劳模座谈", "全国劳动模范在北京座谈。"),
    5: ("工资支付条例", "根治欠薪：《保障农民工工资支付条例》施行。"),
    6: ("数字", "追回工资185万元。"),
    7: ("International", 'The ILO and the union said "workers first".'),
    8: ("短", "他说：欠！"),
    9: ("拖欠", "工资被拖欠，薪资问题"),
}


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(headline, text, "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    conn.executemany(
        "INSERT INTO fts (rowid, headline, text) VALUES (?, ?, ?)",
        [(i, index_form(h), index_form(t)) for i, (h, t) in DOCS.items()],
    )
    return conn


def ids(db: sqlite3.Connection, query: str, columns: tuple[str, ...] | None = None) -> set[int]:
    node = parse(query)
    assert node is not None
    expr = compile_match(node, columns)
    return {r[0] for r in db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expr,))}


# Query → ids of DOCS. test_es_compile runs the same table against Elasticsearch: it is the
# seed of the contract suite both backends must pass.
CASES: list[tuple[str, set[int]]] = [
    ("欠薪", {1, 5}),  # never 2 (欠…薪) nor 9 (欠，薪 across a clause mark)
    ("欠", {1, 2, 5, 8, 9}),
    ("薪", {1, 2, 5, 9}),
    ('"欠 薪"', {1, 5}),
    ("欠薪 -条例", {1}),
    ("欠薪 OR 劳模", {1, 4, 5}),
    ("欠薪 ＯＲ 劳模", {1, 4, 5}),
    ("1850", {1}),
    ("185", {1, 6}),  # numbers match as substrings, like Chinese
    ("2023年", {1}),
    ("covid-19", {3}),
    ("COVID19", {3}),
    ('"workers first"', {7}),
    ('"first workers"', set()),
    ("ILO union", {7}),
    ("工会", {1}),
    ("农民工 工资", {5}),
    ("「劳动模范」", {4}),
    ("“职工”", {2, 3}),
    ("全国 -劳模 -劳动", {1}),
    ("欠，薪", {9}),
    ("headline:欠薪", set()),  # plain text, not a column filter
    ("NEAR(欠 薪)", set()),
    ("欠*", {1, 2, 5, 8, 9}),
    ("口罩5000只 COVID", {3}),
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_queries_against_real_fts5(db: sqlite3.Connection, query: str, expected: set[int]) -> None:
    assert ids(db, query) == expected


def test_column_restriction(db: sqlite3.Connection) -> None:
    assert ids(db, "欠薪", ("headline",)) == {1}
    assert ids(db, "工会 -条例", ("headline", "text")) == {1}
    with pytest.raises(ValueError):
        compile_match(Term("a", ("a",)), ("text) OR (1",))


def test_every_token_is_quoted() -> None:
    expr = compile_match(parse('工会 -欠薪 "a b" OR c'))  # type: ignore[arg-type]
    assert expr == '("工 会" AND ("a b" OR "c")) NOT ("欠 薪")'
    assert quote(['a"b']) == '"a""b"'


def test_bare_not_is_refused() -> None:
    with pytest.raises(ValueError):
        compile_match(Not(Term("a", ("a",))))


INJECTIONS = [
    "'); DROP TABLE fts; --",
    '" OR 1=1 --',
    '"" OR ""',
    '欠薪" OR "',
    "* NOT 欠",
    "{headline text}: 欠",
    "text : 欠薪",
    "a NEAR/3 b",
    "^欠",
    "欠 + 薪",
    "(((",
    ")))",
    "'",
    "\x00",
]


@pytest.mark.parametrize("query", INJECTIONS)
def test_injection_strings_are_inert(db: sqlite3.Connection, query: str) -> None:
    try:
        node = parse(query)
    except QuerySyntaxError:
        return
    if node is not None:
        expr = compile_match(node)
        db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expr,)).fetchall()
    assert db.execute("SELECT count(*) FROM fts").fetchone() == (len(DOCS),)


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        st.text(max_size=50),
        st.lists(
            st.sampled_from(
                [
                    '"',
                    "“",
                    "」",
                    "-",
                    " OR ",
                    "OR",
                    "AND",
                    "NOT",
                    "NEAR",
                    "(",
                    ")",
                    "*",
                    "^",
                    ":",
                    "{",
                    "}",
                    "+",
                    "欠",
                    "薪",
                    "a",
                    "1",
                    " ",
                    "，",
                    "headline:",
                    "'",
                    "\x00",
                ]
            ),
            max_size=25,
        ).map("".join),
    )
)
def test_any_string_compiles_to_a_match_sqlite_accepts(db: sqlite3.Connection, query: str) -> None:
    try:
        node = parse(query)
    except QuerySyntaxError:
        return
    if node is None:
        return
    for columns in (None, ("headline", "text")):
        expr = compile_match(node, columns)
        # Raises sqlite3.OperationalError on a malformed expression; that is the failure.
        db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expr,)).fetchall()


@pytest.fixture(scope="module")
def db_bigrams() -> sqlite3.Connection:
    """The store's layout: each text as index form and as bigram form (schema v3)."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(headline, text, headline_bi, text_bi, "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    rows = []
    for i, (h, t) in DOCS.items():
        hf, tf = index_form(h), index_form(t)
        rows.append((i, hf, tf, bigram_form(hf), bigram_form(tf)))
    conn.executemany(
        "INSERT INTO fts (rowid, headline, text, headline_bi, text_bi) VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    return conn


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_bigram_phrases_match_exactly_what_unigram_phrases_match(
    db_bigrams: sqlite3.Connection, query: str, expected: set[int]
) -> None:
    node = parse(query)
    assert node is not None
    expr = compile_match(node, bigrams=True)
    found = {r[0] for r in db_bigrams.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expr,))}
    assert found == expected


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("工会欠薪资，。 ab1")), max_size=30),
    st.text(alphabet=st.sampled_from(list("工会欠薪资，ab1 ")), min_size=1, max_size=6),
)
def test_bigram_and_unigram_matching_agree_on_any_text(text: str, word: str) -> None:
    node = parse(f'"{word}"')
    if node is None:
        return
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(u, b, tokenize='unicode61 remove_diacritics 0')"
    )
    form = index_form(text)
    conn.execute("INSERT INTO fts (rowid, u, b) VALUES (1, ?, ?)", (form, bigram_form(form)))
    uni = conn.execute(
        "SELECT COUNT(*) FROM fts WHERE fts MATCH ?", ("{u}: " + compile_match(node),)
    )
    bi = conn.execute(
        "SELECT COUNT(*) FROM fts WHERE fts MATCH ?", (compile_match(node, bigrams=True),)
    )
    assert uni.fetchone() == bi.fetchone()
