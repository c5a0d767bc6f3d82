"""Dates and periods resolved against the publication date (nlp.dates)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoku.nlp.dates import find_dates

PUB = date(2023, 11, 28)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("11月初", "2023-11-01/2023-11-10"),
        ("今年1月~7月", "2023-01-01/2023-07-31"),
        ("今年1至9月", "2023-01-01/2023-09-30"),
        ("2020年以来", "2020-01-01/2023-11-28"),
        ("截至今年9月", "../2023-09-30"),
        ("11月23日至27日", "2023-11-23/2023-11-27"),
        ("去年12月底", "2022-12-21/2022-12-31"),
        ("2022年", "2022"),
        ("3月15日", "2023-03-15"),
        ("二〇二三年十一月二十五日", "2023-11-25"),
        ("上半年", "2023-01-01/2023-06-30"),
        ("上月", "2023-10"),
        ("近日", "2023-11-21/2023-11-28"),
    ],
)
def test_resolution(text: str, canonical: str) -> None:
    [d] = find_dates(text, PUB)
    assert d.text == text
    assert d.canonical == canonical


@pytest.mark.parametrize(
    ("text", "span", "canonical"),
    [
        ("该体系自2021年全面运行以来，", "2021年全面运行以来", "2021-01-01/2023-11-28"),
        ("服务站2022年3月成立以来共办案", "2022年3月成立以来", "2022-03-01/2023-11-28"),
        # Punctuation or another date in between: the point stands alone.
        ("2021年，服务站运行以来", "2021年", "2021"),
    ],
)
def test_event_clause_before_since_opens_the_period(text: str, span: str, canonical: str) -> None:
    d = find_dates(text, PUB)[0]
    assert (d.text, d.canonical) == (span, canonical)


def test_yearless_month_after_page_date_is_last_year() -> None:
    [d] = find_dates("12月5日", date(2024, 1, 10))
    assert d.canonical == "2023-12-05"


def test_relative_dates_without_page_date_stay_unresolved() -> None:
    [d] = find_dates("今年以来", None)
    assert d.first is None and d.last is None and d.canonical == ""
    [abs_] = find_dates("2022年5月24日", None)
    assert abs_.canonical == "2022-05-24"


def test_not_dates() -> None:
    assert find_dates("在收到线索5日内，工作3年", PUB) == []
    assert find_dates("13月40日", PUB) == [] or all(
        d.canonical == "" for d in find_dates("13月40日", PUB)
    )


@given(st.text(alphabet="0123456789今去年月日至以来截底初旬上下半一二三十，", max_size=40),
       st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))  # fmt: skip
def test_never_raises_and_ordered(text: str, pub: date) -> None:
    for d in find_dates(text, pub):
        assert text[d.start : d.end] == d.text
        if d.first and d.last:
            assert d.first <= d.last
