"""Unit tests of the ingest steps that do not need a whole page: quality, lines, metadata."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from baoku.ingest.lines import chars_to_lines, is_heavy_font
from baoku.ingest.pagemeta import (
    merge_meta,
    meta_from_filename,
    meta_from_header,
    parse_date_override,
)
from baoku.ingest.pdf_reader import RawChar, RawPage, dedupe_chars
from baoku.ingest.quality import check_page
from baoku.ingest.records import BBox, PageMeta, PageStatus

BODY = "上海奉贤成立保障农民工工资支付法律服务站五方联动无缝衔接处置欠薪更高效工会"


def _row(
    text: str,
    x: float = 50,
    top: float = 100,
    size: float = 10,
    adv: float | None = None,
    font: str = "ABCDEF+FZSSJW",
) -> list[RawChar]:
    step = adv if adv is not None else size
    return [
        RawChar(ch, x + i * step, top, x + i * step + size, top + size, size, font)
        for i, ch in enumerate(text)
    ]


def _page(chars: list[RawChar], images: list[BBox] | None = None) -> RawPage:
    return RawPage(0, 600, 800, chars, images=images or [])


def test_good_layer_is_ok() -> None:
    assert check_page(_page(_row(BODY * 3))).status == PageStatus.OK


def test_private_use_layer_needs_ocr() -> None:
    garbled = "".join(chr(0xE000 + i) for i in range(60))
    verdict = check_page(_page(_row(garbled)))
    assert verdict.status == PageStatus.NEEDS_OCR and "private-use" in (verdict.reason or "")


def test_rare_characters_mean_a_broken_encoding() -> None:
    rare = "".join(chr(0x9F00 + (i * 7) % 150) for i in range(80))  # outside GB2312
    verdict = check_page(_page(_row(rare)))
    assert verdict.status == PageStatus.NEEDS_OCR and "common" in (verdict.reason or "")


def test_mojibake_layer_needs_ocr() -> None:
    verdict = check_page(_page(_row("¸Ö¹¤×Ü»áÎ¯Ô±»á" * 5)))
    assert verdict.status == PageStatus.NEEDS_OCR


def test_no_text_over_an_image_needs_ocr_and_blank_is_empty() -> None:
    assert check_page(_page([], [BBox(0, 0, 600, 800)])).status == PageStatus.NEEDS_OCR
    assert check_page(_page([])).status == PageStatus.EMPTY


def test_gutter_splits_columns_and_spaced_heading_joins() -> None:
    left = _row("左栏正文内容", x=50)
    right = _row("右栏正文内容", x=50 + 6 * 10 + 15)  # 1.5 em gutter
    lines = chars_to_lines(left + right)
    assert [ln.text for ln in lines] == ["左栏正文内容", "右栏正文内容"]
    spaced = _row("阅读提示", x=50, top=200, adv=22)  # 1.2 em between letter-spaced chars
    assert any(ln.text.replace(" ", "") == "阅读提示" for ln in chars_to_lines(spaced))


def test_vertical_rule_splits_a_row() -> None:
    chars = _row("甲乙丙丁", x=50)
    rule = BBox(69.5, 90, 70.5, 130)
    assert len(chars_to_lines(chars, [rule])) == 2


def test_fake_bold_duplicates_are_dropped() -> None:
    chars = _row("标题文字")
    shifted = [
        RawChar(c.text, c.x0 + 0.3, c.top, c.x1 + 0.3, c.bottom, c.size, c.fontname) for c in chars
    ]
    assert [c.text for c in dedupe_chars(chars + shifted)] == list("标题文字")
    # the same character one glyph further on is text, not a duplicate
    again = _row("工工")
    assert len(dedupe_chars(again)) == 2


def test_heavy_fonts() -> None:
    assert is_heavy_font("ABCDEF+FZXBSJW--GB1-0")
    assert is_heavy_font("WenQuanYiZenHei")
    assert not is_heavy_font("ABCDEF+FZSSJW--GB1-0")
    assert not is_heavy_font("ARPLUMingCN-Light")


def test_header_metadata() -> None:
    meta = meta_from_header([("四川工人日报", 40), ("2024年7月12日 星期五", 9), ("第3版 法治", 9)])
    assert meta == PageMeta("四川工人日报", "2024-07-12", 3, "法治")
    inner = meta_from_header([("文化", 18), ("2024年7月12日星期五", 9), ("第二版工人日报", 9)])
    assert inner == PageMeta("工人日报", "2024-07-12", 2, "文化")


def test_filename_fallback_and_overrides() -> None:
    assert meta_from_filename("/a/grrb20240712006.pdf") == PageMeta(
        "工人日报", "2024-07-12", 6, None
    )
    assert meta_from_filename("scan_0001.pdf") == PageMeta()
    merged = merge_meta(PageMeta(date="2020-01-05"), PageMeta("工人日报", "2024-07-12", 6, "要闻"))
    assert merged == PageMeta("工人日报", "2020-01-05", 6, "要闻")
    assert parse_date_override("2024年7月2日") == "2024-07-02"
    assert parse_date_override("20240702") == "2024-07-02"


@given(st.text(max_size=40))
def test_header_parsing_never_raises(text: str) -> None:
    meta_from_header([(text, 10.0)])
    meta_from_filename(text.replace("/", "") + ".pdf")
