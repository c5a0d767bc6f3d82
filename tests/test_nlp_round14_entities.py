"""Round 14: agency mentions on shapes the new writers of sets 23-26 printed.

Invented passages (own places and trades), annotated before the code changed; they run end to
end through ``analyze_article``.
"""

from __future__ import annotations

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.analyze import analyze_article


def _agencies(*paragraphs: str) -> list[tuple[str, str]]:
    art = Article(type=ArticleType.ARTICLE, headline="", paragraphs=list(paragraphs))
    found = analyze_article(art, pub_date="2024-05-01")
    return [(e.text, e.canonical) for e in found.entities if e.label == "AGENCY"]


def test_a_trade_starting_with_jia_is_part_of_the_name() -> None:
    # 家 is a classifier only after a numeral (23家企业); 家具/家电/家政 open a word
    got = _agencies("浙江省台州市黄岩区家具行业工会联合会近日发布消息。")
    assert got == [("浙江省台州市黄岩区家具行业工会联合会", "台州市黄岩区家具行业工会联合会")]
    assert _agencies("区总工会走访了23家企业。") == [("区总工会", "区总工会")]


def test_gonglianhui_is_the_short_form_of_the_named_federation() -> None:
    got = _agencies(
        "浙江省台州市黄岩区家具行业工会联合会近日发布消息，今年以来，行业工联会共走访企业42家。"
    )
    assert got[1] == ("行业工联会", "台州市黄岩区家具行业工会联合会")


def test_a_short_form_belongs_to_the_nearest_name_before_it() -> None:
    got = _agencies(
        "浙江省台州市黄岩区家具行业工会联合会日前成立，会员企业86家。",
        "同月，台州市路桥区模具行业工会联合会也挂牌成立，行业工联会首批吸纳会员企业40家。",
    )
    assert got[-1] == ("行业工联会", "台州市路桥区模具行业工会联合会")


def test_a_verb_taking_a_firm_is_no_part_of_its_name() -> None:
    got = _agencies("江苏省淮安市清江浦区人民法院依法判决淮安某物流有限公司支付工资8.6万元。")
    assert ("淮安某物流有限公司", "淮安某物流有限公司") in got


def test_an_address_before_a_company_named_after_its_city_is_no_part_of_the_name() -> None:
    # 吉林省四平市铁东区|四平恒通…: the chain is the address, the name restarts with 四平;
    # 青海|盐湖工业… does not restart (盐湖 is no place of the chain)
    got = _agencies("在江苏省淮安市清江浦区淮安恒顺机械有限公司的车间里，焊工正在作业。")
    assert ("淮安恒顺机械有限公司", "淮安恒顺机械有限公司") in got
    got = _agencies("青海盐湖工业股份有限公司工会组织职工开展技能比武。")
    assert got[0][0] == "青海盐湖工业股份有限公司工会"


def test_a_count_of_people_opens_no_name() -> None:
    got = _agencies("达州市总工会组织28名工会律师进驻快递分拨中心。")
    assert [t for t, _ in got] == ["达州市总工会"]


def test_huitong_after_a_body_is_the_verb_not_the_county() -> None:
    got = _agencies("江西省吉安市泰和县人社局会同县住建局开展专项检查。")
    assert all("会同县" not in c for _, c in got)


def test_a_body_named_after_a_county_level_city_takes_its_full_prefix() -> None:
    got = _agencies("广西壮族自治区北流市陶瓷行业协会与北流市总工会开展行业工资集体协商。")
    assert got[0] == ("广西壮族自治区北流市陶瓷行业协会", "玉林市北流市陶瓷行业协会")


def test_employment_service_centres_are_in_the_lexicon() -> None:
    got = _agencies("记者从湖北省宜昌市就业服务中心获悉，市就业服务中心今年举办招聘会26场。")
    assert got == [
        ("湖北省宜昌市就业服务中心", "宜昌市就业服务中心"),
        ("市就业服务中心", "宜昌市就业服务中心"),
    ]


def test_a_prefecture_printed_only_in_a_firms_name_leaves_shi_to_the_county_level_city() -> None:
    # 江苏省靖江市 (a county-level city under 泰州) and 泰州鼎盛…有限公司: the firm's name is
    # no printing of the prefecture, so 市人社局 is 靖江's
    got = dict(
        _agencies(
            "江苏省靖江市人民检察院日前通报，该院与市人社局建立联合督查机制。",
            "检察官发现，泰州鼎盛建设工程有限公司在靖江承建的项目未按月拨付工资。",
        )
    )
    assert got["市人社局"] == "泰州市靖江市人力资源和社会保障局"


def _initiatives(text: str) -> list[tuple[str, str]]:
    art = Article(type=ArticleType.ARTICLE, headline="", paragraphs=[text])
    found = analyze_article(art, pub_date="2024-05-01")
    return [(e.text, e.canonical) for e in found.entities if e.label == "INITIATIVE"]


def test_named_national_programmes_are_initiatives_quoted_or_not() -> None:
    got = _initiatives("县人社局督促在建项目全面落实农民工工资专用账户制度。")
    assert got == [("农民工工资专用账户制度", "农民工工资专用账户制度")]
    got = _initiatives("市总工会把深化产改作为重点，纳入“金秋助学”重点资助范围。")
    assert got == [("产改", "产业工人队伍建设改革"), ("“金秋助学”", "金秋助学")]
    # inside another quoted name it is that name's part (“秋送温暖” is its own campaign)
    assert ("送温暖", "送温暖") not in _initiatives("工会开展“春送岗位”“秋送温暖”等活动。")


def test_punctuation_and_digits_name_no_street() -> None:
    # 今年1至10月，街道总工会: the bare 街道总工会 is the story's street union, not "月，街道"
    got = _agencies(
        "广东省汕头市龙湖区珠池街道总工会日前发布消息，今年1至10月，街道总工会共开展活动96场。"
    )
    assert got[1] == ("街道总工会", "汕头市龙湖区珠池街道总工会")


def test_a_level_character_opening_a_word_is_no_level() -> None:
    got = _agencies("浙江省江山市贺村镇总工会推动成立区域性联合工会3家。")
    assert [t for t, _ in got] == ["浙江省江山市贺村镇总工会"]


def test_laizi_is_no_part_of_a_firms_name() -> None:
    got = _agencies("来自青海高原铝业有限公司的职工代表在会上发言。")
    assert got == [("青海高原铝业有限公司", "青海高原铝业有限公司")]


def test_words_grouped_by_first_character_keep_their_order() -> None:
    # the suffix scan tries the longest suffix first (有限公司 before 公司): grouping keeps it
    from baoku.nlp.agencies import _by_first_char

    groups = _by_first_char(("有限公司", "工会联合会", "公司", "工会", "局"))
    assert groups == {
        "有": ("有限公司",),
        "工": ("工会联合会", "工会"),
        "公": ("公司",),
        "局": ("局",),
    }
