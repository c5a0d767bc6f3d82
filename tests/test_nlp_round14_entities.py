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
