"""Named officials with titles (nlp.people) and quoted initiatives (nlp.initiatives)."""

from hypothesis import given
from hypothesis import strategies as st

from baoku.nlp.initiatives import find_initiatives, initiative_key
from baoku.nlp.people import find_officials


def test_official_with_title() -> None:
    text = (
        "奉贤区总工会劳动关系部部长李凤英介绍。在奉贤区人社局执法大队副大队长季丽琛看来，这很重要。"
    )
    got = [(o.name, o.title) for o in find_officials(text, [])]
    assert got == [
        ("李凤英", "奉贤区总工会劳动关系部部长"),
        ("季丽琛", "奉贤区人社局执法大队副大队长"),
    ]


def test_title_without_name() -> None:
    assert find_officials("相关负责人表示，工作正在推进。", []) == []


def test_initiatives_and_figurative_quotes() -> None:
    text = (
        "联合推出“保障农民工工资支付法律服务站”协作机制，形成“工会+法院”联动，"
        "开展“职等你来”招聘，打造“126”工会工作体系。在一线“淬火”，是“对症下药”，"
        "他说：“年关越来越近，大家抓紧。”"
    )
    keys = [m.key for m in find_initiatives(text)]
    assert keys == ["保障农民工工资支付法律服务站", "工会+法院", "职等你来", "126"]


def test_key_folds_variants() -> None:
    variants = ["“工会＋法院”", "工会 + 法院", "“工会+法院”", "「工会＋法院」"]
    assert {initiative_key(v) for v in variants} == {"工会+法院"}
    assert initiative_key("中国梦•劳动美") == initiative_key("中国梦·劳动美")


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    for m in find_initiatives(text):
        assert text[m.start : m.end] == m.text
    find_officials(text, [])
