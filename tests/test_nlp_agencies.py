"""Agency names and their canonical forms (nlp.agencies)."""

from hypothesis import given
from hypothesis import strategies as st

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.agencies import PlaceContext, canonical_agency, find_agencies
from baoku.nlp.analyze import analyze_article
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


def test_a_zone_named_after_its_city_is_not_prefixed_twice() -> None:
    got = _agencies("记者从郑州航空港经济综合实验区总工会获悉，区总工会联合区人社局开展行动。")
    assert [c for _, c, _ in got] == [
        "郑州航空港经济综合实验区总工会",
        "郑州航空港经济综合实验区总工会",
        "郑州航空港经济综合实验区人力资源和社会保障局",
    ]
    # a county that merely shares its city's name keeps the city in front
    assert _agencies("通化县总工会为职工送去慰问金。")[0][1] == "通化市通化县总工会"


def test_standard_bureaus_and_departments() -> None:
    got = _agencies("伊春市总工会联合市林业和草原局开展活动，铁力市林草局、省工信厅参加。")
    assert [c for _, c, _ in got] == [
        "伊春市总工会",
        "伊春市林业和草原局",
        "伊春市铁力市林业和草原局",
        "黑龙江省工业和信息化厅",
    ]


def test_a_prefecture_short_name_before_zhou_is_part_of_the_mention() -> None:
    got = _agencies("延边州总工会为林区职工送去慰问金，州总工会表示将继续帮扶。")
    assert got == [
        ("延边州总工会", "延边朝鲜族自治州总工会", "union"),
        ("州总工会", "延边朝鲜族自治州总工会", "union"),
    ]


def test_a_bare_company_union_after_a_named_one_is_that_union() -> None:
    text = "延吉松涛森林生态旅游有限公司工会与公司签订合同。公司工会主席朴成哲介绍了协商。"
    got = _agencies(text)
    assert [(t, c) for t, c, _ in got] == [
        ("延吉松涛森林生态旅游有限公司工会", "延吉松涛森林生态旅游有限公司工会"),
        ("公司工会", "延吉松涛森林生态旅游有限公司工会"),
    ]


def test_he_after_a_body_is_a_conjunction_not_hexian() -> None:
    got = _agencies("在县总工会和县人社局指导下开展协商。", context="河南省郑州市中牟县")
    assert [c for _, c, _ in got] == ["郑州市中牟县总工会", "郑州市中牟县人力资源和社会保障局"]
    assert _agencies("安徽省和县总工会为职工送清凉。")[0][1] == "马鞍山市和县总工会"


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


# --- rules for local units, descriptive names and generic lists (invented sentences) ---------


def test_new_area_outweighs_its_county_for_level_prefixes() -> None:
    text = (
        "浙江宁波东钱湖新区总工会联合区法院办案。东钱湖新区总工会还走访了鄞州。"
        "东钱湖新区总工会表示将继续推进。"
    )
    got = {t: c for t, c, _ in _agencies(text, "浙江省宁波市")}
    assert got["区法院"] == "宁波市东钱湖新区人民法院"


def test_street_bodies_take_the_full_chain() -> None:
    text = "江苏南京江北新区总工会表示，江北新区总工会指导泰山街道总工会成立服务站。"
    got = {t: c for t, c, _ in _agencies(text)}
    assert got["泰山街道总工会"] == "南京市江北新区泰山街道总工会"


def test_bare_street_union_is_the_street_last_named() -> None:
    text = "广东深圳宝安区针对福永街道企业多的实际，区总工会引导街道总工会开展服务。"
    got = {t: c for t, c, _ in _agencies(text)}
    assert got["街道总工会"] == "深圳市宝安区福永街道总工会"


def test_autonomous_region_union_is_not_a_district_union() -> None:
    text = "内蒙古自治区召开会议。今年，自治区总工会推进调解工作。"
    got = [(t, c) for t, c, _ in _agencies(text)]
    assert ("自治区总工会", "内蒙古自治区总工会") in got
    assert all(t != "区总工会" for t, _ in got)


def test_level_prefix_in_a_generic_list_is_not_a_mention() -> None:
    text = "浙江省杭州市各区、县总工会层层选拔，杭州市总工会汇总。"
    got = [t for t, _, _ in _agencies(text)]
    assert "县总工会" not in got
    assert "杭州市总工会" in got


def test_place_prefixed_descriptive_names() -> None:
    text = "江西省南昌市东湖区劳动争议速裁一体化中心受理案件，江西省有色冶金工会也参加。"
    got = {t: (c, k) for t, c, k in _agencies(text)}
    assert got["江西省南昌市东湖区劳动争议速裁一体化中心"] == (
        "南昌市东湖区劳动争议速裁一体化中心", "institution")  # fmt: skip
    assert got["江西省有色冶金工会"] == ("江西省有色冶金工会", "union")


def test_level_prefixed_descriptive_name_and_its_short_form() -> None:
    text = "湖北武汉江岸区总工会构建以区职工维权服务中心为枢纽的体系。职工维权服务中心每周开放。"
    got = [(t, c) for t, c, _ in _agencies(text)]
    assert ("区职工维权服务中心", "武汉市江岸区职工维权服务中心") in got
    assert ("职工维权服务中心", "武汉市江岸区职工维权服务中心") in got


def test_descriptive_names_do_not_cross_a_verb_or_a_count() -> None:
    text = "上海奉贤区法院设立诉调对接工作室，打造12个镇街法律服务工作站。和睦家庭融入集团生活。"
    got = [t for t, _, _ in _agencies(text)]
    assert got == ["上海奉贤区法院"]


def test_generic_runs_are_not_names() -> None:
    assert [t for t, _, _ in _agencies("福建省基层工会积极参与。")] == []


def test_university_keeps_its_campus_and_level_org_gets_the_province() -> None:
    got = {t: c for t, c, _ in _agencies("中国石油大学（华东）教授说，省广播电视集团承办。",
                                         "河南省郑州市")}  # fmt: skip
    assert "中国石油大学（华东）" in got
    assert got["省广播电视集团"] == "河南省广播电视集团"


def test_counted_kind_of_body_is_not_a_mention() -> None:
    text = "山东省总工会向16个市总工会下拨资金，创建创新工作室联盟5个。"
    assert [a[0] for a in _agencies(text)] == ["山东省总工会"]


def test_bare_institution_after_a_de_modifier_is_a_class() -> None:
    text = "奉贤区总工会拨付资金奖励工作成绩突出的法律服务站，依托职工服务中心开展服务。"
    got = [a[0] for a in _agencies(text, "上海市奉贤区")]
    assert "法律服务站" not in got and "职工服务中心" in got


def test_descriptive_name_runs_past_a_body_to_its_place() -> None:
    got = _agencies("近日，河北省工会系统法律服务团成立。")
    assert got == [("河北省工会系统法律服务团", "河北省工会系统法律服务团", "institution")]


def test_long_described_centre_without_prefix_is_a_mention() -> None:
    text = "南海区总工会在里水镇试点建立劳动争议联合调解中心。联合调解中心建立后运转顺畅。"
    got = _agencies(text, "佛山市南海区里水镇")
    assert [a[0] for a in got][-2:] == ["劳动争议联合调解中心", "联合调解中心"]


def test_branch_after_its_company_is_one_name() -> None:
    got = _agencies("顺丰速运有限公司深圳分公司等12家企业成立工会。")
    assert got[0][0] == "顺丰速运有限公司深圳分公司"
    got = _agencies("北大荒集团九三分公司工会打造创新工作室。")
    assert got[0][:3] == ("北大荒集团九三分公司工会", "北大荒集团九三分公司工会", "union")


def test_bureau_is_government() -> None:
    got = _agencies("宝安区人力资源局相关负责人表示。", "深圳市宝安区")
    assert got == [("宝安区人力资源局", "深圳市宝安区人力资源局", "government")]


def test_level_prefix_after_ge_is_a_kind() -> None:
    got = _agencies("山东省总工会要求各市总将资金用于一线职工。")
    assert [a[0] for a in got] == ["山东省总工会"]


def test_level_prefix_takes_the_nearest_place_of_its_level() -> None:
    text = (
        "成都市总工会选派干部。成都市总工会投入资金。"
        "绵阳市总工会设立“移动办公桌”，形成市总全面领导的机制。"
    )
    got = _agencies(text)
    assert got[-1] == ("市总", "绵阳市总工会", "union")


def test_party_committees_and_their_departments() -> None:
    got = _agencies("四川工会紧扣四川省委发展战略。")
    assert got == [("四川省委", "四川省委", "party")]
    got = _agencies("福建省总工会、省委网信办联合举办活动。")
    assert got[1] == ("省委网信办", "福建省委网络安全和信息化委员会办公室", "party")


def test_short_form_after_its_full_name_is_supported() -> None:
    got = _agencies("安徽省合肥市中级人民法院发布白皮书。合肥中院相关负责人介绍。")
    assert [a[1] for a in got] == ["合肥市中级人民法院"] * 2


def test_all_courts_is_no_mention() -> None:
    assert _agencies("2023年，全市法院共受理案件。", "合肥市") == []


def test_prefecture_level_zhou_prefix() -> None:
    text = "贵州省黔东南苗族侗族自治州总工会获悉。州总工会、州人社局联合发文。"
    got = _agencies(text)
    assert [a[1] for a in got] == [
        "黔东南苗族侗族自治州总工会",
        "黔东南苗族侗族自治州总工会",
        "黔东南苗族侗族自治州人力资源和社会保障局",
    ]


def test_canonical_names_keep_full_width_brackets() -> None:
    # NFKC would print the campus in ASCII brackets; official names use full-width ones.
    assert canonical_agency("中国地质大学（武汉）") == "中国地质大学（武汉）"
    assert canonical_agency("中国地质大学 (武汉)") == "中国地质大学（武汉）"


def _canonicals_and_credit(text: str) -> tuple[list[str], list[str | None]]:
    """The canonical agencies found in a one-paragraph article, and each figure's credit."""
    art = Article(type=ArticleType.ARTICLE, headline="", paragraphs=[text])
    facts = analyze_article(art, pub_date="2024-05-01")
    ags = [e.canonical for e in facts.entities if e.label.value == "AGENCY"]
    return ags, [f.agency for f in facts.figures]


def test_a_lexicon_institution_after_a_body_is_its_sub_unit() -> None:
    ags, credit = _canonicals_and_credit("江苏省南京市总工会法律援助中心今年代理案件120件。")
    assert ags == ["南京市总工会法律援助中心"]
    assert credit == ["南京市总工会法律援助中心"]


def test_a_body_acting_on_another_has_no_sub_unit() -> None:
    ags, _ = _canonicals_and_credit("江苏省南京市总工会派驻法院的8名调解员参与调解案件900件。")
    assert ags == ["南京市总工会"]
