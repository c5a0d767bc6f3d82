"""Agency names and their canonical forms (nlp.agencies)."""

from hypothesis import given
from hypothesis import strategies as st

from baoku.nlp.agencies import PlaceContext, canonical_agency, find_agencies
from baoku.nlp.places import find_places

FENGXIAN = (
    "11月初，上海奉贤区法院、区检察院、区总工会、区司法局和区人社局联合推出协作机制。"
    "奉贤区总工会劳动关系部部长李凤英介绍，奉贤区人社局执法大队已经介入。"
)


def _agencies(text: str, context: str = "") -> list[tuple[str, str, str]]:
    ctx = PlaceContext.from_places(find_places(text) + find_places(context))
    return [(a.text, a.canonical, a.kind) for a in find_agencies(text, find_places(text), ctx)]


def test_level_prefixes_resolve_from_article_place() -> None:
    got = _agencies(FENGXIAN)
    assert got[:5] == [
        ("上海奉贤区法院", "上海市奉贤区人民法院", "court"),
        ("区检察院", "上海市奉贤区人民检察院", "procuratorate"),
        ("区总工会", "上海市奉贤区总工会", "union"),
        ("区司法局", "上海市奉贤区司法局", "government"),
        ("区人社局", "上海市奉贤区人力资源和社会保障局", "government"),
    ]
    canon = {c for _, c, _ in got}
    assert canon == {
        "上海市奉贤区人民法院", "上海市奉贤区人民检察院", "上海市奉贤区总工会",
        "上海市奉贤区司法局", "上海市奉贤区人力资源和社会保障局",
    }  # fmt: skip


def test_abbreviations() -> None:
    got = _agencies("聊城市总引导社会组织，市总将继续推进。全总表示支持。")
    assert [c for _, c, _ in got] == ["聊城市总工会", "聊城市总工会", "中华全国总工会"]


def test_zong_inside_words_is_not_a_union() -> None:
    assert _agencies("全市总体经济总量稳步增长，市总结经验。", "山东省聊城市") == []


def test_bare_generic_words_are_not_mentions() -> None:
    assert _agencies("工会组织要主动对接法院和政府部门。") == []


def test_named_organizations() -> None:
    got = _agencies(
        "在位于河北省秦皇岛市海港区的秦皇岛博赫科技开发有限公司内；长江产业投资集团工会成立。"
    )
    assert ("秦皇岛博赫科技开发有限公司", "秦皇岛博赫科技开发有限公司", "company") in got
    assert ("长江产业投资集团工会", "长江产业投资集团工会", "union") in got


def test_canonical_agency_for_filters() -> None:
    assert canonical_agency("区总", "奉贤") == "上海市奉贤区总工会"
    assert canonical_agency("区人社局", "上海奉贤") == "上海市奉贤区人力资源和社会保障局"
    assert canonical_agency("全总") == "中华全国总工会"
    assert canonical_agency("省总", "广东") == "广东省总工会"
    assert canonical_agency("市总", "聊城") == "聊城市总工会"
    assert canonical_agency("奉贤区总工会") == "上海市奉贤区总工会"
    assert canonical_agency("佛山市南海区法院") == "佛山市南海区人民法院"
    assert canonical_agency("不是机构") == "不是机构"
    assert canonical_agency("") == ""


def test_five_spellings_one_entity() -> None:
    text = "奉贤区总工会、上海市奉贤区总工会、区总工会和区总都到场，上海奉贤区总工会也来了。"
    canon = {c for _, c, k in _agencies(text) if k == "union"}
    assert canon == {"上海市奉贤区总工会"}


@given(st.text(max_size=120), st.one_of(st.none(), st.text(max_size=10)))
def test_canonical_agency_never_raises(name: str, place: str | None) -> None:
    assert isinstance(canonical_agency(name, place), str)
