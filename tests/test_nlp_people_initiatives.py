"""Named officials with titles (nlp.people) and quoted initiatives (nlp.initiatives)."""

from hypothesis import given
from hypothesis import strategies as st

from baoku.nlp.agencies import PlaceContext, find_agencies
from baoku.nlp.initiatives import find_initiatives, initiative_key
from baoku.nlp.people import find_officials
from baoku.nlp.places import find_places


def test_official_with_title() -> None:
    text = (
        "奉贤区总工会劳动关系部部长李凤英介绍。在奉贤区人社局执法大队副大队长季丽琛看来，这很重要。"
    )
    got = [(o.name, o.title) for o in find_officials(text, [])]
    assert got == [
        ("李凤英", "奉贤区总工会劳动关系部部长"),
        ("季丽琛", "奉贤区人社局执法大队副大队长"),
    ]


def test_a_title_runs_across_the_he_inside_a_body_name() -> None:
    text = "“维权很难。”电白区人力资源和社会保障局党组书记、局长吴志坚告诉记者。"
    places = find_places(text)
    bodies = find_agencies(text, places, PlaceContext.from_places(places))
    got = [(o.name, o.title) for o in find_officials(text, bodies)]
    assert got == [("吴志坚", "电白区人力资源和社会保障局党组书记、局长")]


def test_less_common_family_names() -> None:
    got = [o.name for o in find_officials("厂长洪志刚说。区总工会副主席操红梅介绍了情况。", [])]
    assert got == ["洪志刚", "操红梅"]
    # a verb opening with a family-name character after a role is no name
    assert find_officials("职工晋升技能等级的通道打通了。", []) == []


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


def test_key_keeps_letter_case() -> None:
    text = "创新“法院+工会+人社+N”协作联动机制，推出“e路同行”服务品牌。"
    assert [m.key for m in find_initiatives(text)] == ["法院+工会+人社+N", "e路同行"]
    assert initiative_key("“１＋Ｎ”") == "1+N"  # width folded, case kept


def test_numbers_need_a_head_word() -> None:
    # A bare number is a fragment; with a programme word after it (maybe after a short
    # modifier) it names the programme.
    assert find_initiatives("拨打“12351”咨询，共接听“126”个。") == []
    text = "形成“321”法律服务工作模式，打造“126”工会工作体系，开通“12351”热线。"
    assert [(m.key, m.head) for m in find_initiatives(text)] == [
        ("321", "模式"),
        ("126", "工作体系"),
        ("12351", "热线"),
    ]
    # A function word or a new predicate between the quote and the head word breaks the link.
    assert find_initiatives("有“30”家的活动") == []
    assert find_initiatives("坚持“对症下药”开展行动，用“12”推出平台。") == []


def test_operator_must_join_two_parts() -> None:
    assert find_initiatives("探索实施的“工会+”裁调对接工作，提出“+1”。") == []
    text = "推进“互联网+”行动，构建“线上+线下”网络，打造“工会驿站·零工之家”。"
    assert [m.key for m in find_initiatives(text)] == ["互联网+", "线上+线下", "工会驿站·零工之家"]


def test_common_word_after_naming_verb_is_figurative() -> None:
    text = "为农机建立“身份证”，筑牢“防火墙”，开展“回头看”，推出“职等你来”。"
    assert [m.key for m in find_initiatives(text)] == ["回头看", "职等你来"]


def test_idiom_names_a_mechanism_only_with_its_head_word() -> None:
    assert [m.key for m in find_initiatives("构建“双管齐下”联动机制。")] == ["双管齐下"]
    assert find_initiatives("该区坚持“双管齐下”，推动落实。") == []


@given(
    st.text(alphabet="0123456789+＋·× 工会法院N", min_size=2, max_size=12),
    st.sampled_from(["", "联动机制", "工作体系", "，", "的"]),
)
def test_fragments_never_count_without_a_head(body: str, after: str) -> None:
    for m in find_initiatives(f"开展“{body}”{after}。"):
        key = m.key
        # what counts is either a phrase with a head word after it or one whose operators
        # each join two parts and that is more than a number
        assert m.head is not None or (
            not key.endswith(("+", "·", "×"))
            and not key.startswith(("+", "·", "×"))
            and not key.replace("+", "").replace("·", "").replace("×", "").isdigit()
        ), (body, after, key)
