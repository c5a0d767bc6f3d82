"""Tests for baoku.ingest.textclean: line joining, normalisation, letter-spacing."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baoku.ingest.textclean import (
    CJK_CLASS,
    cjk_chars,
    clean_heading,
    clean_text,
    collapse_spaced,
    is_cjk,
    is_wide_punct,
    join_lines,
    to_halfwidth_alnum,
)

# Real extracted lines (工人日报, /work/shared/corpus) with their wrap points kept.
CORPUS_PARAGRAPH = [
    "根据协作机制意见，“保障农民工工资支",
    "付法律服务站”的服务窗口设在奉贤区总工",
    "会、区人社局、区司法局，依托职工服务中心、",
    "仲裁院和公共法律服务中心 3 个日常维权窗",
    "口，负责接待、线索登记等。",
]


# --- helpers -------------------------------------------------------------------------


def test_is_cjk_and_wide_punct() -> None:
    assert is_cjk("中") and is_cjk("〇") and is_cjk("\U00020000")
    assert not is_cjk("，") and not is_cjk("a") and not is_cjk("1") and not is_cjk("")
    assert not is_cjk("한")  # Hangul keeps its word spaces
    assert is_wide_punct("，") and is_wide_punct("（") and is_wide_punct("、")
    assert not is_wide_punct("“") and not is_wide_punct(",") and not is_wide_punct("中")


def test_to_halfwidth_alnum_keeps_fullwidth_punctuation() -> None:
    assert to_halfwidth_alnum("１２３ＡＢｃ％，（）") == "123ABc%，（）"


# --- join_lines ------------------------------------------------------------------------


def test_join_lines_corpus_paragraph() -> None:
    joined = join_lines(CORPUS_PARAGRAPH)
    assert joined.startswith("根据协作机制意见，“保障农民工工资支付法律服务站”")
    assert "区总工会、区人社局" in joined
    assert "中心 3 个日常维权窗口，" in joined  # spaces inside a line are clean_text's job


def test_join_lines_byline_wrapped_mid_name() -> None:
    lines = ["本报讯 （记者李昱霖 通讯员徐小丽 郭", "彬）近日，河北省工会系统法律服务团成立。"]
    assert (
        join_lines(lines)
        == "本报讯 （记者李昱霖 通讯员徐小丽 郭彬）近日，河北省工会系统法律服务团成立。"
    )


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["the union", "members"], "the union members"),
        (["会员 12351", "热线"], "会员 12351热线"),
        (["equal employ-", "ment"], "equal employment"),
        (["COVID-", "19"], "COVID-19"),
        (["Anti-", "Corruption"], "Anti-Corruption"),
        (["unions,", "workers"], "unions, workers"),
        (
            ["第二届全球数字贸易博览会于 11月 23", "日至 27 日"],
            "第二届全球数字贸易博览会于 11月 23日至 27 日",
        ),
        (["", "  中国  ", "", "工会"], "中国工会"),
        ([], ""),
    ],
)
def test_join_lines_examples(lines: list[str], expected: str) -> None:
    assert join_lines(lines) == expected


# --- clean_text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("11 月初，上海奉贤区法院", "11月初，上海奉贤区法院"),
        ("仲裁院和公共法律服务中心 3 个日常维权窗口", "仲裁院和公共法律服务中心3个日常维权窗口"),
        ("这个由 374名专业成员组成的服务团", "这个由374名专业成员组成的服务团"),
        ("2022 年 提 升 279%；成 功调解 2936 宗", "2022年提升279%；成功调解2936宗"),
        (
            "工 会 业 务 ，乐 享 周 边 商 圈 各 类“ 工 会 合 作 伙 伴”",
            "工会业务，乐享周边商圈各类“工会合作伙伴”",
        ),
        ("项权益。 （下转第 2版）", "项权益。（下转第2版）"),
        ("他说,我们要做好服务;工作:落实!对吗?", "他说，我们要做好服务；工作：落实！对吗？"),
        ("投入资金1,100万元,增长3.5%!", "投入资金1,100万元，增长3.5%！"),
        ("时间:10:30开始", "时间：10:30开始"),
        ("GDP(国内生产总值)增长", "GDP（国内生产总值）增长"),
        ("(下转第 2 版)", "（下转第2版）"),
        ("（记者裴龙翔)刚揭牌", "（记者裴龙翔）刚揭牌"),
        ("(1)加强组织", "（1）加强组织"),
        ('他说"你好"', "他说“你好”"),
        ('"工会+仲裁"裁前联动', "“工会+仲裁”裁前联动"),
        ("500~600元", "500～600元"),
        ("2月21日~24日", "2月21日～24日"),
        ("今年 1月~7月", "今年1月～7月"),
        ("每年 4月～9月选派", "每年4月～9月选派"),
        ("１２３名职工，占７２．５％", "123名职工，占72.5%"),
        ("G 新闻特写", "G 新闻特写"),
        ("使用 Python 开发", "使用 Python 开发"),
        ("Windows 10 系统", "Windows 10 系统"),
        (
            "网址 http://www.workercn.cn/a?b=1&c=2 查询",
            "网址 http://www.workercn.cn/a?b=1&c=2 查询",
        ),
        ("邮箱:ghxc@126.com", "邮箱：ghxc@126.com"),
        ("  第一段 \n\n  第二段  ", "第一段\n第二段"),
        ("a\u3000\u3000b\u200b", "a b"),
        ("“ 双 降 双 升 ”的 背 后", "“双降双升”的背后"),
    ],
)
def test_clean_text_examples(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "latin",
    [
        'Hello, world! (see) "ok" 1~7 10:30 3.5 1,100',
        "mail me: a.b@example.org; https://example.org/x?y=1:2",
        "Workers' Daily",
    ],
)
def test_clean_text_leaves_latin_only_text_alone(latin: str) -> None:
    assert clean_text(latin) == latin


def test_clean_heading_keeps_word_spaces() -> None:
    assert clean_heading("到基层蹲点 在一线“淬火”") == "到基层蹲点 在一线“淬火”"
    assert clean_heading("拓展建会渠道 提供普惠服务") == "拓展建会渠道 提供普惠服务"
    assert clean_heading("“ 双 降 双 升 ”的 背 后") == "“双降双升”的背后"
    assert clean_heading("长 江 产 业 投 资 集 团") == "长江产业投资集团"
    assert clean_heading("打 造 10 家 工 人 文 化 宫") == "打造10家工人文化宫"
    assert clean_heading("G 新闻特写") == "G 新闻特写"


# --- collapse_spaced -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("阅 读 提 示", "阅读提示"),
        ("阅 读 提 示\n佛山南海区总工会", "阅读提示\n佛山南海区总工会"),
        ("G 新闻特写", "G 新闻特写"),
        ("到基层蹲点 在一线“淬火”", "到基层蹲点 在一线“淬火”"),
        ("中 国", "中 国"),  # two characters could be two words
        ("本报记者 杨明清 张嫱", "本报记者 杨明清 张嫱"),
        ("", ""),
    ],
)
def test_collapse_spaced_examples(raw: str, expected: str) -> None:
    assert collapse_spaced(raw) == expected


# --- properties ------------------------------------------------------------------------

CJK_SAMPLE = "中国工会职工服务劳动法律援助〇"
ALPHABET = (
    CJK_SAMPLE
    + "0123456789０１９ａＺ"
    + "abcXYZ"
    + "  \u3000\t\n"
    + ",.;:?!()\"'~%-/@"
    + "，。；：？！（）“”、《》～…—·"
)
mixed_text = st.text(alphabet=st.sampled_from(ALPHABET), max_size=60)
any_text = st.one_of(mixed_text, st.text(max_size=40))
_CJK_SPACE_CJK = re.compile(f"[{CJK_CLASS}] [{CJK_CLASS}]")


def _ascii_digits(s: str) -> str:
    return re.sub("[^0-9]", "", to_halfwidth_alnum(s))


@settings(max_examples=400)
@given(any_text)
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=300)
@given(any_text)
def test_clean_heading_is_idempotent(text: str) -> None:
    once = clean_heading(text)
    assert clean_heading(once) == once


@settings(max_examples=400)
@given(any_text)
def test_clean_text_keeps_cjk_and_digits(text: str) -> None:
    out = clean_text(text)
    assert cjk_chars(out) == cjk_chars(text)
    assert _ascii_digits(out) == _ascii_digits(text)
    assert cjk_chars(clean_heading(text)) == cjk_chars(text)


@settings(max_examples=400)
@given(any_text)
def test_clean_text_leaves_no_space_between_cjk(text: str) -> None:
    out = clean_text(text)
    assert _CJK_SPACE_CJK.search(out) is None
    assert not any(is_wide_punct(a) or is_wide_punct(b) for a, b in _space_neighbours(out))
    assert "  " not in out and out == out.strip()


def _space_neighbours(s: str) -> list[tuple[str, str]]:
    return [(s[i - 1], s[i + 1]) for i, ch in enumerate(s) if ch == " " and 0 < i < len(s) - 1]


@given(
    st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=30).map(
        lambda s: s.replace('"', "")
    ),
    st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=30),
)
def test_clean_text_leaves_printable_ascii_alone(a: str, b: str) -> None:
    text = f"{a} {b}".strip()
    assert clean_text(text) == " ".join(text.split())


lines_strategy = st.lists(mixed_text, max_size=8)


@settings(max_examples=300)
@given(lines_strategy)
def test_join_lines_keeps_cjk(lines: list[str]) -> None:
    assert cjk_chars(join_lines(lines)) == cjk_chars("".join(lines))


@given(
    st.lists(st.text(alphabet=st.sampled_from(CJK_SAMPLE + "0123456789，。“”（）%"), max_size=12))
)
def test_join_lines_adds_nothing_between_cjk_lines(lines: list[str]) -> None:
    assert join_lines(lines) == "".join(lines)


@given(st.lists(st.sampled_from(CJK_SAMPLE), min_size=3, max_size=12))
def test_collapse_spaced_closes_up_single_characters(chars: list[str]) -> None:
    assert collapse_spaced(" ".join(chars)) == "".join(chars)


@settings(max_examples=300)
@given(mixed_text)
def test_collapse_spaced_only_removes_spaces(text: str) -> None:
    out = collapse_spaced(text)
    assert out.replace(" ", "") == text.replace(" ", "")
    assert collapse_spaced(out) == out
