"""Tests for search.syntax (the user query parser) and search.query (the request model)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baoku.search.query import (
    Backend,
    FacetCount,
    FigureFilter,
    SearchHit,
    SearchQuery,
    SearchResult,
)
from baoku.search.syntax import (
    And,
    Node,
    Not,
    Or,
    Phrase,
    QuerySyntaxError,
    Term,
    parse,
    positive_phrases,
)


def t(text: str) -> Term:
    return Term(text, tuple(text.lower()) if not text.isascii() else (text.lower(),))


def test_words_are_anded_and_chinese_words_are_contiguous() -> None:
    assert parse("工会 欠薪") == And((t("工会"), t("欠薪")))
    assert parse("欠薪") == Term("欠薪", ("欠", "薪"))
    assert parse("欠") == Term("欠", ("欠",))


def test_quotes_of_every_kind_make_phrases() -> None:
    expected = Phrase("工会 欠薪", ("工", "会", "欠", "薪"))
    for query in ('"工会 欠薪"', "“工会 欠薪”", "「工会 欠薪」", "『工会 欠薪』", "＂工会 欠薪＂"):
        assert parse(query) == expected, query
    assert parse('“工会 欠薪"') == expected  # typographic open, ASCII close


def test_unbalanced_quote_runs_to_the_end() -> None:
    assert parse('欠薪 "农民 工') == And((t("欠薪"), Phrase("农民 工", ("农", "民", "工"))))


def test_or_binds_tighter_than_and() -> None:
    assert parse("工会 欠薪 OR 讨薪") == And((t("工会"), Or((t("欠薪"), t("讨薪")))))
    assert parse("a OR b OR c") == Or((t("a"), t("b"), t("c")))
    assert parse("欠薪 ＯＲ 讨薪") == Or((t("欠薪"), t("讨薪")))


def test_and_is_the_implicit_and_and_not_excludes() -> None:
    assert parse("工会 AND 法院") == parse("工会 法院") == And((t("工会"), t("法院")))
    assert parse("工会 NOT 上海") == parse("工会 -上海") == And((t("工会"), Not(t("上海"))))
    farmer = Phrase("农民 工", ("农", "民", "工"))
    assert parse('工会 NOT "农民 工"') == And((t("工会"), Not(farmer)))
    assert parse("工会 ＡＮＤ 欠薪 ＮＯＴ 讨薪") == And((t("工会"), t("欠薪"), Not(t("讨薪"))))
    assert parse("NOT 欠薪 工会") == And((Not(t("欠薪")), t("工会")))
    # NOT before an OR group negates its first operand; the OR beside an exclusion is dropped.
    assert parse("工会 NOT 欠薪 OR 讨薪") == And((t("工会"), Not(t("欠薪")), t("讨薪")))
    assert parse("a NOT -b") == parse("a NOT NOT b") == And((t("a"), Not(t("b"))))


def test_lower_case_operators_are_words() -> None:
    assert parse("a or b") == And((t("a"), Term("or", ("or",)), t("b")))
    assert parse("a and not b") == And((t("a"), t("and"), t("not"), t("b")))
    assert parse("-OR a") == And((Not(Term("OR", ("or",))), t("a")))


@pytest.mark.parametrize(
    ("query", "same_as"),
    [
        ("欠薪 OR", "欠薪"),
        ("OR 欠薪", "欠薪"),
        ("欠薪 AND", "欠薪"),
        ("AND 欠薪", "欠薪"),
        ("欠薪 NOT", "欠薪"),
        ("欠薪 OR OR 讨薪", "欠薪 OR 讨薪"),
        ("欠薪 AND AND 讨薪", "欠薪 讨薪"),
        ("欠薪 OR AND 讨薪", "欠薪 讨薪"),
        ("a OR -b", "a -b"),
        ("a OR NOT b", "a -b"),
        ("-欠薪 OR 讨薪", "-欠薪 讨薪"),
        ("欠薪 OR 。", "欠薪"),
    ],
)
def test_dangling_operators_are_ignored(query: str, same_as: str) -> None:
    assert parse(query) == parse(same_as)


@pytest.mark.parametrize("query", ["OR", "AND", "NOT", "OR AND NOT", "ＯＲ"])
def test_only_operators_is_nothing_searchable(query: str) -> None:
    assert parse(query) is None


def test_negation() -> None:
    assert parse("工会 -欠薪") == And((t("工会"), Not(t("欠薪"))))
    assert parse('工会 -"农民 工"') == And((t("工会"), Not(Phrase("农民 工", ("农", "民", "工")))))
    assert parse("工会 - 欠薪") == And((t("工会"), t("欠薪")))  # a lone - is noise
    assert parse("－欠薪 工会") == And((Not(t("欠薪")), t("工会")))


@pytest.mark.parametrize(
    "query", ["-欠薪", '-"工会" -讨薪', "-a -b", "-欠薪 。", "NOT 欠薪", "NOT a -b OR NOT c"]
)
def test_only_negations_is_an_error_that_says_what_to_do(query: str) -> None:
    with pytest.raises(QuerySyntaxError, match=r"e\.g\."):
        parse(query)


@pytest.mark.parametrize("query", ["", "   ", "-", "--", "。，！", "()", '""', "「」", "- -"])
def test_nothing_searchable_is_none(query: str) -> None:
    assert parse(query) is None


def test_other_fts5_and_es_syntax_is_plain_text() -> None:
    assert parse("headline:欠薪") == Term("headline:欠薪", ("headline", "欠", "薪"))
    assert parse("NEAR(欠 薪)") == And((Term("NEAR(欠", ("near", "欠")), Term("薪)", ("薪",))))
    assert parse("欠* AND ^薪") == And((Term("欠*", ("欠",)), Term("^薪", ("薪",))))
    assert parse("covid-19") == Term("covid-19", ("covid", "1", "9"))


def test_positive_phrases_skip_exclusions() -> None:
    node = parse('工会 -欠薪 "a b" OR c')
    assert positive_phrases(node) == [("工", "会"), ("a", "b"), ("c",)]
    assert positive_phrases(None) == []


def _well_formed(node: Node) -> None:
    if isinstance(node, Term | Phrase):
        assert node.tokens and all(node.tokens)
    elif isinstance(node, Or):
        assert len(node.items) >= 2
        assert all(isinstance(i, Term | Phrase) for i in node.items)
    elif isinstance(node, Not):
        _well_formed(node.item)
    else:
        assert any(not isinstance(i, Not) for i in node.items)
        for item in node.items:
            assert not isinstance(item, And)
            _well_formed(item)


QUERYISH = st.lists(
    st.sampled_from(
        [
            *'欠薪工会 -"“”「」『』()*^:ORANDNOTEAR\t\u3000，。abc019',
            *("OR ", " OR ", " AND ", " NOT ", "ＮＯＴ ", '-"'),
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=60), QUERYISH))
def test_parse_never_raises_except_for_only_negations(query: str) -> None:
    try:
        node = parse(query)
    except QuerySyntaxError:
        assert any(mark in query for mark in ("-", "－", "﹣", "NOT", "ＮＯＴ"))
        return
    if node is not None:
        _well_formed(node)


# Words with no quotes, minus signs or spaces; some are operators or lower-case operator words.
WORDS = st.lists(
    st.one_of(
        st.text(alphabet="欠薪工会法院abc019，。*()", min_size=1, max_size=4),
        st.sampled_from(["or", "and", "not", "OR", "AND", "NOT"]),
    ),
    min_size=1,
    max_size=6,
)


def _parse_or_error(query: str) -> Node | str | None:
    try:
        return parse(query)
    except QuerySyntaxError:
        return "only exclusions"


@settings(max_examples=300, deadline=None)
@given(WORDS)
def test_and_between_words_changes_nothing(words: list[str]) -> None:
    # (An AND next to an OR cuts it off: ``a OR AND b`` is ``a b``.)
    words = [w for w in words if w != "OR"] or ["欠薪"]
    assert _parse_or_error(" AND ".join(words)) == _parse_or_error(" ".join(words))


@settings(max_examples=300, deadline=None)
@given(WORDS, st.text(alphabet="欠薪工会abc", min_size=1, max_size=3))
def test_not_word_is_minus_word(words: list[str], excluded: str) -> None:
    head = " ".join(words)
    assert _parse_or_error(f"{head} NOT {excluded}") == _parse_or_error(f"{head} -{excluded}")


@settings(max_examples=300, deadline=None)
@given(WORDS, st.sampled_from(["OR", "AND", "NOT", "ＯＲ", "OR AND", "NOT OR"]))
def test_a_trailing_operator_is_ignored(words: list[str], trailing: str) -> None:
    head = " ".join(words)
    assert _parse_or_error(f"{head} {trailing}") == _parse_or_error(head)


# --- the request model ---------------------------------------------------------------------


def test_search_query_defaults_and_parse() -> None:
    q = SearchQuery(text="工会 欠薪")
    assert q.limit == 20 and q.offset == 0 and q.types == ("article",)
    assert q.expression == And((t("工会"), t("欠薪")))
    assert SearchQuery().expression is None


def test_search_query_turns_lists_into_tuples_and_stays_hashable() -> None:
    q = SearchQuery(newspapers=["工人日报"], page_nos=[1, 2], facets=["year"])  # type: ignore[arg-type]
    assert q.newspapers == ("工人日报",) and q.page_nos == (1, 2)
    assert hash(q) == hash(SearchQuery(newspapers=("工人日报",), page_nos=(1, 2), facets=("year",)))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"limit": 0},
        {"limit": 501},
        {"offset": -1},
        {"offset": 9990, "limit": 20},
        {"sort": "score"},
        {"facets": ("year", "colour")},
        {"facets": ("year", "year")},
        {"date_from": date(2020, 1, 2), "date_to": date(2020, 1, 1)},
        {"types": ()},
        {"types": ("article", "poem")},
        {"page_nos": (0,)},
        {"newspapers": ("",)},
    ],
)
def test_search_query_rejects(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        SearchQuery(**kwargs)  # type: ignore[arg-type]


def test_search_query_rejects_a_bare_string_for_a_list() -> None:
    with pytest.raises(TypeError):
        SearchQuery(newspapers="工人日报")  # type: ignore[arg-type]


def test_search_query_surfaces_only_negation_error() -> None:
    with pytest.raises(QuerySyntaxError):
        SearchQuery(text="-欠薪")


def test_figure_filter_validation() -> None:
    with pytest.raises(ValueError):
        FigureFilter(type="weight")
    with pytest.raises(ValueError):
        FigureFilter(min_value=10, max_value=1)
    with pytest.raises(ValueError):
        FigureFilter(period_from=date(2021, 1, 1), period_to=date(2020, 1, 1))
    with pytest.raises(ValueError):
        FigureFilter(measure_contains="  ")


def test_figure_filter_holds_within_one_record() -> None:
    wanted = FigureFilter(min_value=1e6, measure_contains="案件")
    records = [
        {"type": "money", "value": 2e6, "measure": "元", "agency": None},
        {"type": "count", "value": 35.0, "measure": "案件", "agency": None},
    ]
    # Each condition holds in some record, but no single record satisfies both.
    assert not any(wanted.accepts(**r) for r in records)  # type: ignore[arg-type]
    assert wanted.accepts(type="count", value=1.2e6, measure="劳动争议案件", agency=None)


def test_figure_filter_period_overlap() -> None:
    f = FigureFilter(period_from=date(2020, 1, 1), period_to=date(2020, 12, 31))
    kw: dict[str, object] = {"type": "money", "value": 1.0, "measure": "元", "agency": None}
    assert f.accepts(**kw, period_start=date(2019, 7, 1), period_end=date(2020, 6, 30))  # type: ignore[arg-type]
    assert not f.accepts(**kw, period_start=date(2021, 1, 1), period_end=date(2021, 12, 31))  # type: ignore[arg-type]
    assert not f.accepts(**kw)  # type: ignore[arg-type]


def test_result_to_dict_shape() -> None:
    hit = SearchHit("a1", "工会追讨欠薪", "工人日报", date(2023, 5, 1), 3, "要闻", 1.5, "[欠薪]")
    result = SearchResult(total=7, hits=[hit], facets={"year": [FacetCount("2023", 7)]})
    assert result.to_dict() == {
        "total": 7,
        "hits": [
            {
                "id": "a1",
                "headline": "工会追讨欠薪",
                "newspaper": "工人日报",
                "date": "2023-05-01",
                "page": 3,
                "score": 1.5,
                "snippet": "[欠薪]",
            }
        ],
        "facets": {"year": [{"value": "2023", "count": 7}]},
    }
    with pytest.raises(ValueError):
        SearchResult(total=0, hits=[hit])
    with pytest.raises(ValueError):
        SearchResult(total=0, facets={"colour": []})


def test_backend_protocol_is_structural() -> None:
    class Empty:
        def search(self, q: SearchQuery) -> SearchResult:
            return SearchResult(total=0)

        def index_articles(self, records: object) -> int:
            return 0

        def delete_document(self, sha256: str) -> None:
            return None

        def count(self) -> int:
            return 0

    assert isinstance(Empty(), Backend)
    assert not isinstance(object(), Backend)
