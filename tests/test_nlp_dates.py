"""Dates and periods resolved against the publication date (nlp.dates)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoku.nlp.dates import find_dates, period_bounds

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


@pytest.mark.parametrize(
    ("text", "pub", "canonical"),
    [
        # A plan announced in March for April–September is this year's (the future).
        ("4月～9月", date(2021, 3, 4), "2021-04-01/2021-09-30"),
        ("5至9月", date(2021, 3, 4), "2021-05-01/2021-09-30"),
        # A range well before a January page is last year's.
        ("9月至11月", date(2023, 1, 10), "2022-09-01/2022-11-30"),
        # Ranges crossing the new year: a yearless end before the start is the next year.
        ("10月～次年3月", date(2021, 3, 4), "2020-10-01/2021-03-31"),
        ("10月至翌年3月", date(2021, 9, 1), "2021-10-01/2022-03-31"),
        ("12月至2月", date(2023, 1, 10), "2022-12-01/2023-02-28"),
        ("去年12月至今年2月", date(2023, 3, 4), "2022-12-01/2023-02-28"),
        ("2023年11月至次年1月", date(2024, 3, 4), "2023-11-01/2024-01-31"),
    ],
)
def test_yearless_ranges_are_placed_as_a_whole(text: str, pub: date, canonical: str) -> None:
    [d] = find_dates(text, pub)
    assert (d.text, d.canonical) == (text, canonical)


def test_next_year_without_a_year_before_it_stays_unresolved() -> None:
    [d] = find_dates("次年3月", PUB)
    assert d.first is None and d.last is None


def test_since_a_point_after_the_page_date_is_no_open_period() -> None:
    [d] = find_dates("2025年以来", PUB)
    assert period_bounds(d, PUB) == (date(2025, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        # Periods running up to the time of writing stop at the page date ...
        ("今年", (date(2023, 1, 1), PUB)),
        ("2023年", (date(2023, 1, 1), PUB)),
        ("本月", (date(2023, 11, 1), PUB)),
        ("今年以来", (date(2023, 1, 1), PUB)),
        ("截至今年12月", (None, PUB)),
        # ... printed ranges and future points keep their printed end.
        ("今年1月至12月", (date(2023, 1, 1), date(2023, 12, 31))),
        ("11月至12月", (date(2023, 11, 1), date(2023, 12, 31))),
        ("明年", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2024年", (date(2024, 1, 1), date(2024, 12, 31))),
        ("12月", (date(2023, 12, 1), date(2023, 12, 31))),
    ],
)
def test_period_bounds_cut_only_to_date_periods(
    text: str, bounds: tuple[date | None, date | None]
) -> None:
    [d] = find_dates(text, PUB)
    assert period_bounds(d, PUB) == bounds


def test_leap_day_in_a_year_merge_does_not_raise() -> None:
    [d] = find_dates("2023年2月29日至3月1日", PUB)  # no such day: unresolved, no error
    assert d.canonical == "" or d.first <= d.last  # type: ignore[operator]
    [d] = find_dates("2023年2月28日至3月1日", PUB)
    assert d.canonical == "2023-02-28/2023-03-01"


_YEARS = st.sampled_from(["", "2019年", "2020年", "2021年", "2022年", "今年", "去年", "明年"])
_END_YEARS = st.sampled_from(["", "次年", "今年", "去年", "2021年", "2022年"])
_JOINS = st.sampled_from(["至", "～", "~", "—", "-", "到"])
_TAILS = st.sampled_from(["", "以来", "至今"])
_HEADS = st.sampled_from(["", "截至", "今年", "去年"])


@st.composite
def _ranges(draw: st.DrawFn) -> str:
    """Month/day points and ranges, with and without years, as printed in news text."""

    def point(years: st.SearchStrategy[str]) -> str:
        y = draw(years)
        m = draw(st.integers(1, 12))
        day = draw(st.one_of(st.just(""), st.integers(1, 31).map(lambda d: f"{d}日")))
        part = "" if day else draw(st.sampled_from(["", "初", "中旬", "底"]))
        return f"{y}{m}月{day}{part}"

    text = draw(_HEADS) + point(_YEARS)
    if draw(st.booleans()):
        end = draw(st.one_of(st.integers(1, 31).map(lambda d: f"{d}日"), st.just(""))) or point(
            _END_YEARS
        )
        text += draw(_JOINS) + end
    elif draw(st.booleans()):
        text = f"{draw(st.integers(1, 12))}{draw(_JOINS)}{text}"
    return text + draw(_TAILS) + "，全市开展培训"


@given(_ranges(), st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
def test_ranges_never_end_before_they_start(text: str, pub: date) -> None:
    for d in find_dates(text, pub):
        assert text[d.start : d.end] == d.text
        if d.first and d.last:
            assert d.first <= d.last, d
        first, last = period_bounds(d, pub)
        if first and last:
            assert first <= last, d
