"""Tests for baoku.ingest.byline: bylines, lead bylines and photo credits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoku.ingest.byline import (
    Byline,
    is_byline_line,
    parse_byline,
    parse_photo_credit,
    split_lead_byline,
)
from baoku.ingest.textclean import clean_text


@pytest.mark.parametrize(
    ("text", "source", "reporters", "correspondents"),
    [
        ("本报讯（记者裴龙翔）", "本报讯", ("裴龙翔",), ()),
        ("本报讯 （记者李昱霖 通讯员徐小丽 郭彬）", "本报讯", ("李昱霖",), ("徐小丽", "郭彬")),
        ("本报讯（记者 张三 李四 通讯员 王五）", "本报讯", ("张三", "李四"), ("王五",)),
        ("本报讯(记者康劲 通讯员任涛)", "本报讯", ("康劲",), ("任涛",)),
        ("本报记者 杨明清 张嫱 本报通讯员 藏东建", "本报", ("杨明清", "张嫱"), ("藏东建",)),
        ("本报记者 彭冰 柳姗姗", "本报", ("彭冰", "柳姗姗"), ()),
        ("本报记者 叶小钟 赵思远 本报通讯员 秦金芳", "本报", ("叶小钟", "赵思远"), ("秦金芳",)),
        ("记者 张三", "", ("张三",), ()),
        ("新华社北京11月20日电（记者 刘岭逸 李一博）", "新华社", ("刘岭逸", "李一博"), ()),
        ("本报讯", "本报讯", (), ()),
        ("本报特约记者 王伟", "本报", ("王伟",), ()),
        ("通讯员 韩石华", "", (), ("韩石华",)),
        ("记者 阿依古丽·买买提", "", ("阿依古丽·买买提",), ()),
        ("本报记者 王伟 报道", "本报", ("王伟",), ()),
        ("本报记者 张三、李四", "本报", ("张三", "李四"), ()),
        ("据新华社电", "新华社", (), ()),
    ],
)
def test_parse_byline_forms(
    text: str, source: str, reporters: tuple[str, ...], correspondents: tuple[str, ...]
) -> None:
    byline = parse_byline(text)
    assert byline is not None
    assert byline.raw == text
    assert byline.source == source
    assert byline.reporters == reporters
    assert byline.correspondents == correspondents


def test_interns_and_dateline() -> None:
    byline = parse_byline("本报讯（记者张翀 通讯员彭静 实习生陈燕语）")
    assert byline == Byline(
        raw="本报讯（记者张翀 通讯员彭静 实习生陈燕语）",
        source="本报讯",
        reporters=("张翀",),
        correspondents=("彭静",),
        interns=("陈燕语",),
    )
    xinhua = parse_byline("新华社北京11月20日电（记者 刘岭逸）")
    assert xinhua is not None and xinhua.dateline == "北京11月20日电"
    home = parse_byline("本报北京3月5日电")
    assert home is not None and (home.source, home.dateline) == ("本报", "北京3月5日电")


@pytest.mark.parametrize(
    ("glued", "names"),
    [
        ("徐小丽郭彬", ("徐小丽", "郭彬")),  # only 徐小丽 + 郭彬 starts both parts with a surname
        ("李昱霖徐小丽", ("李昱霖", "徐小丽")),
        ("张三李四", ("张三李四",)),  # four characters: could be one name, kept whole
        ("王明华张建国", ("王明华", "张建国")),  # 华张建国 is too long for one name
        ("王明张华李", ("王明张华李",)),  # 王明 张华李 or 王明张 华李: ambiguous, kept whole
    ],
)
def test_glued_names_split_only_when_unambiguous(glued: str, names: tuple[str, ...]) -> None:
    byline = parse_byline(f"本报讯（通讯员{glued}）")
    assert byline is not None
    assert byline.correspondents == names


def test_byline_after_clean_text_still_parses_roles() -> None:
    # clean_text removes the spaces between names; role words still separate them.
    byline = parse_byline(clean_text("本报讯 （记者李昱霖 通讯员徐小丽 郭彬）"))
    assert byline is not None
    assert byline.reporters == ("李昱霖",)
    assert byline.correspondents == ("徐小丽", "郭彬")


@pytest.mark.parametrize(
    "text",
    [
        "G 新闻特写",
        "本报讯近日，上海奉贤区法院",
        "记者了解到，为不断满足职工群众对美好生活的向往",
        "记者",
        "记者了解到",
        "通讯员表示",
        "本报记者 本报通讯员 王五",
        "五方联动无缝衔接处置欠薪更高效",
        "",
    ],
)
def test_not_a_byline(text: str) -> None:
    assert parse_byline(text) is None
    assert not is_byline_line(text)


def test_is_byline_line_on_corpus_lines() -> None:
    assert is_byline_line("本报记者 王伟")
    assert is_byline_line("本报通讯员 韩石华")
    assert is_byline_line("本报记者 陈晓燕 王维砚")
    assert not is_byline_line("本报讯 （记者裴龙翔）刚揭牌成立不久，")


@pytest.mark.parametrize(
    ("paragraph", "rest", "reporters"),
    [
        (
            "本报讯 （记者裴龙翔）刚揭牌成立不久，上海市奉贤区",
            "刚揭牌成立不久，上海市奉贤区",
            ("裴龙翔",),
        ),
        (
            "本报讯（记者李昱霖 通讯员曹守振）“没想到工会这么及时地帮我解决了困难。”",
            "“没想到工会这么及时地帮我解决了困难。”",
            ("李昱霖",),
        ),
        ("新华社北京11月20日电（记者 张三）近日，", "近日，", ("张三",)),
        ("本报讯 近日，河北省工会系统法律服务团成立。", "近日，河北省工会系统法律服务团成立。", ()),
        ("本报记者 王伟\n近日，江苏省南通市召开", "近日，江苏省南通市召开", ("王伟",)),
    ],
)
def test_split_lead_byline(paragraph: str, rest: str, reporters: tuple[str, ...]) -> None:
    byline, body = split_lead_byline(paragraph)
    assert byline is not None
    assert body == rest
    assert byline.reporters == reporters


@pytest.mark.parametrize(
    "paragraph",
    [
        "近日，一大早，58岁的李红旗匆匆赶往陕西省西安市",
        "(1)加强组织建设",
        "记者了解到，为不断满足职工群众对美好生活的向往",
    ],
)
def test_split_lead_byline_without_byline(paragraph: str) -> None:
    assert split_lead_byline(paragraph) == (None, paragraph)


@pytest.mark.parametrize(
    ("caption", "text", "names"),
    [
        (
            "图为观众在第二届全球数字贸易博览会丝路电商馆参观。\n新华社记者 刘岭逸 摄",
            "图为观众在第二届全球数字贸易博览会丝路电商馆参观。",
            ["刘岭逸"],
        ),
        (
            "受益青少年超6500人次。 新华社记者 李一博 摄",
            "受益青少年超6500人次。",
            ["李一博"],
        ),
        (
            "满足更多户外劳动者需求。 本报记者 张玺 本报通讯员 任志伟 摄",
            "满足更多户外劳动者需求。",
            ["张玺", "任志伟"],
        ),
        ("本报记者 曹建雄 摄", "", ["曹建雄"]),
        ("职工参加技能比赛。 张三 摄", "职工参加技能比赛。", ["张三"]),
        ("职工参加技能比赛（张三 摄）", "职工参加技能比赛", ["张三"]),
        ("职工参加技能比赛。张三/摄", "职工参加技能比赛。", ["张三"]),
        ("职工参加技能比赛。（新华社发 李四 摄）", "职工参加技能比赛。", ["李四"]),
        ("职工参加技能比赛。", "职工参加技能比赛。", []),
        ("这是用无人机拍摄", "这是用无人机拍摄", []),
        ("记者 阿依古丽·买买提 摄", "", ["阿依古丽·买买提"]),
    ],
)
def test_parse_photo_credit(caption: str, text: str, names: list[str]) -> None:
    assert parse_photo_credit(caption) == (text, names)


# --- properties ------------------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙"
GIVEN = "明华建国丽芳伟强军平红英玲娜涛"
names = st.builds(
    lambda s, g: s + g,
    st.sampled_from(SURNAMES),
    st.text(alphabet=st.sampled_from(GIVEN), min_size=1, max_size=2),
)
name_lists = st.lists(names, min_size=1, max_size=3)
bodies = st.text(alphabet=st.sampled_from("职工会服务劳动法律援助，。"), max_size=30).map(
    lambda s: "近日，" + s
)


@given(name_lists, st.lists(names, max_size=3), st.booleans())
def test_bracketed_byline_roundtrip(
    reporters: list[str], correspondents: list[str], half_width: bool
) -> None:
    inner = "记者" + " ".join(reporters)
    if correspondents:
        inner += " 通讯员" + " ".join(correspondents)
    text = f"本报讯({inner})" if half_width else f"本报讯 （{inner}）"
    byline = parse_byline(text)
    assert byline is not None
    assert byline.reporters == tuple(reporters)
    assert byline.correspondents == tuple(correspondents)


@given(name_lists, st.lists(names, max_size=3))
def test_bare_byline_roundtrip(reporters: list[str], correspondents: list[str]) -> None:
    text = "本报记者 " + " ".join(reporters)
    if correspondents:
        text += " 本报通讯员 " + " ".join(correspondents)
    byline = parse_byline(text)
    assert byline is not None and byline.source == "本报"
    assert (byline.reporters, byline.correspondents) == (tuple(reporters), tuple(correspondents))
    assert is_byline_line(text)


@given(name_lists, bodies)
def test_split_lead_byline_returns_body_intact(reporters: list[str], body: str) -> None:
    byline, rest = split_lead_byline(f"本报讯（记者{' '.join(reporters)}）{body}")
    assert byline is not None and byline.reporters == tuple(reporters)
    assert rest == body


@given(bodies)
def test_split_lead_byline_leaves_plain_paragraphs(body: str) -> None:
    assert split_lead_byline(body) == (None, body)


@given(bodies, name_lists, st.sampled_from(["新华社记者", "本报记者", "本报通讯员"]))
def test_photo_credit_roundtrip(body: str, photographers: list[str], role: str) -> None:
    caption = f"{body}。 {role} {' '.join(photographers)} 摄"
    assert parse_photo_credit(caption) == (f"{body}。", photographers)


def test_split_lead_byline_across_unjoined_lines() -> None:
    paragraph = "本报讯 （记者李昱霖 通讯员徐小丽 郭\n彬）近日，河北省工会系统法律服务团成立。"
    byline, rest = split_lead_byline(paragraph)
    assert byline is not None
    assert byline.correspondents == ("徐小丽", "郭彬")
    assert rest == "近日，河北省工会系统法律服务团成立。"
