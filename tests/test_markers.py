"""Tests for baoku.ingest.markers: continuation markers between pages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoku.ingest.markers import (
    Continuation,
    chinese_numeral_to_int,
    find_continuations,
    parse_continuation,
    strip_continuations,
)


@pytest.mark.parametrize(
    ("text", "direction", "page"),
    [
        ("（下转第2版）", "to", 2),
        ("(下转第 2 版)", "to", 2),
        ("（下转第 2版）", "to", 2),  # as extracted in the corpus
        ("（上接第1版）", "from", 1),
        ("下转2版", "to", 2),
        ("（下转第二版）", "to", 2),
        ("（紧转第3版）", "to", 3),
        ("（紧接第1版）", "from", 1),
        ("（转第十二版）", "to", 12),
        ("（接第１版）", "from", 1),
    ],
)
def test_parse_continuation_forms(text: str, direction: str, page: int) -> None:
    c = parse_continuation(text)
    assert c == Continuation(direction=direction, page=page, span=(0, len(text)))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "企业关停并转导致的工资拖欠",
        "努力实现劳动争议多元化解从“碎片化”转向“全链条”",
        "转第3版的内容",  # a bare 转 inside a sentence is not a marker
        "（下转第零版）",
        "",
    ],
)
def test_no_continuation(text: str) -> None:
    assert parse_continuation(text) is None
    assert strip_continuations(text) == (text, [])


def test_strip_corpus_examples() -> None:
    text = "项权益。 （下转第 2版）"
    stripped, found = strip_continuations(text)
    assert stripped == "项权益。"
    assert found == [Continuation("to", 2, (5, 13))]
    assert text[5:13] == "（下转第 2版）"

    text = "为当事人邓某争取到\n60万元工亡赔偿款。 （下转第 2版）\n广西工会创新"
    assert strip_continuations(text)[0] == "为当事人邓某争取到\n60万元工亡赔偿款。\n广西工会创新"

    text = "已斩获百余万“铁粉”。\n（下转第 2版）\n吉林省总构建"
    assert strip_continuations(text)[0] == "已斩获百余万“铁粉”。\n吉林省总构建"


def test_strip_inline_and_several() -> None:
    text = "（上接第1版）前文 （下转第2版） 后文"
    stripped, found = strip_continuations(text)
    assert stripped == "前文 后文"
    assert [(c.direction, c.page) for c in found] == [("from", 1), ("to", 2)]
    assert find_continuations(text) == found


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("一百零五", 105),
        ("一百一十", 110),
        ("两百", 200),
        ("〇三", 3),
        ("十十", None),
        ("百", None),
        ("", None),
    ],
)
def test_chinese_numeral_to_int(numeral: str, value: int | None) -> None:
    assert chinese_numeral_to_int(numeral) == value


# --- properties ------------------------------------------------------------------------

_D = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """Independent int → Chinese numeral for 1..199, as pages are printed."""
    if n < 10:
        return _D[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _D[tens]) + "十" + (_D[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    out = _D[hundreds] + "百"
    if rest == 0:
        return out
    if rest < 10:
        return out + "零" + _D[rest]
    tens, ones = divmod(rest, 10)
    return out + _D[tens] + "十" + (_D[ones] if ones else "")


@st.composite
def markers(draw: st.DrawFn) -> tuple[str, str, int]:
    page = draw(st.integers(min_value=1, max_value=199))
    kw, direction = draw(
        st.sampled_from([("下转", "to"), ("紧转", "to"), ("上接", "from"), ("紧接", "from")])
    )
    number = _to_chinese(page) if draw(st.booleans()) else str(page)
    gap = draw(st.sampled_from(["", " "]))
    opening, closing = draw(st.sampled_from([("（", "）"), ("(", ")"), ("", "")]))
    return f"{opening}{kw}第{gap}{number}{gap}版{closing}", direction, page


@given(st.integers(min_value=1, max_value=199))
def test_chinese_numeral_roundtrip(n: int) -> None:
    assert chinese_numeral_to_int(_to_chinese(n)) == n


body = st.text(alphabet=st.sampled_from("职工会服务劳动法律援助，。“”12"), min_size=1, max_size=30)


@given(markers(), body, body)
def test_marker_parsed_and_stripped(marker: tuple[str, str, int], before: str, after: str) -> None:
    text_marker, direction, page = marker
    text = f"{before}。 {text_marker}\n{after}"
    c = parse_continuation(text)
    assert c is not None and (c.direction, c.page) == (direction, page)
    assert text[c.span[0] : c.span[1]] == text_marker
    stripped, found = strip_continuations(text)
    assert stripped == f"{before}。\n{after}"
    assert found == [c]


@given(body)
def test_text_without_markers_unchanged(text: str) -> None:
    assert strip_continuations(text) == (text, [])
