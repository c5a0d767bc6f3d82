"""Round 12: agency, place and person detection on shapes found in sets 19 and 20.

The sentences are invented (工人日报 style, own topics and places) and annotated by hand before
the code changed; each test names the grammatical reason the rule rests on.  They run end to
end through ``analyze_article`` so they measure what users get.
"""

from __future__ import annotations

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.analyze import analyze_article
from baoku.nlp.places import find_places
from baoku.nlp.records import ArticleFacts, EntityLabel


def _facts(text: str, pub_date: str = "2024-05-14") -> ArticleFacts:
    art = Article(
        type=ArticleType.ARTICLE, headline="", kicker="", subheadline="",
        paragraphs=text.split("\n"), reporters=[], correspondents=[],
    )  # fmt: skip
    return analyze_article(art, pub_date=pub_date)


def _labelled(facts: ArticleFacts, label: EntityLabel) -> list[tuple[str, str, str | None]]:
    return [(e.text, e.canonical, e.kind) for e in facts.entities if e.label == label]


def test_a_short_form_yields_to_a_full_name_that_overlaps_it() -> None:
    # 从江 (从江县) glued to the preposition 从 overlaps 江苏省, printed with its level suffix
    got = [(p.text, p.division and p.division.path) for p in find_places("消息从江苏省南通市传来")]
    assert got == [("江苏省南通市", "江苏省/南通市")]
    # the county itself is still read when nothing fuller overlaps it
    assert [p.text for p in find_places("来自从江县的务工人员")] == ["从江县"]
    assert [p.text for p in find_places("来自从江的务工人员")] == ["从江"]


def test_a_body_after_from_keeps_its_province_in_the_printed_mention() -> None:
    facts = _facts("记者从江西省萍乡市总工会获悉，市总工会今年新建职工驿站12个。")
    agencies = _labelled(facts, EntityLabel.AGENCY)
    assert agencies[0] == ("江西省萍乡市总工会", "萍乡市总工会", "union")


def test_a_development_zone_gives_no_place_mention() -> None:
    # a functional zone sits beside the divisions in the code list but is no division
    facts = _facts("烟台市总工会走进烟台高新技术产业开发区，为园区职工送去清凉。")
    places = [t for t, _, _ in _labelled(facts, EntityLabel.PLACE)]
    assert "烟台高新技术产业开发区" not in places


def test_a_clause_ending_in_a_body_word_is_no_name() -> None:
    # a quoted remark that ends in 医院: names hold no adverbs or negation (不, 再)
    facts = _facts("“下班后就近体检，不用再排队去医院。”职工陈海燕说。")
    assert _labelled(facts, EntityLabel.AGENCY) == []
    # a real name after punctuation still counts
    facts = _facts("据介绍，湘雅医院专家团队已到园区义诊。")
    assert ("湘雅医院", "湘雅医院", "institution") in _labelled(facts, EntityLabel.AGENCY)


def test_a_level_prefixed_association_after_a_conjunction_is_the_citys() -> None:
    facts = _facts("浙江省宁波市总工会日前与市建筑业协会签订合作协议。")
    assert ("市建筑业协会", "宁波市建筑业协会", "association") in _labelled(
        facts, EntityLabel.AGENCY
    )


def test_a_federation_of_unions_is_a_union() -> None:
    facts = _facts("浙江省宁波市物流行业工会联合会今年吸纳会员1200名。")
    assert _labelled(facts, EntityLabel.AGENCY)[0] == (
        "浙江省宁波市物流行业工会联合会",
        "宁波市物流行业工会联合会",
        "union",
    )


def test_the_object_of_a_governing_verb_starts_at_its_level_prefix() -> None:
    # 会同|市残疾人康复服务中心: the centre is the verb's object, not part of the union's name
    facts = _facts("浙江省宁波市总工会会同市残疾人康复服务中心开展上门服务。")
    agencies = _labelled(facts, EntityLabel.AGENCY)
    assert ("市残疾人康复服务中心", "宁波市残疾人康复服务中心", "institution") in agencies


def test_a_job_noun_in_yuan_before_a_name_is_a_role() -> None:
    facts = _facts("“隐患早发现，大家才安全。”社区网格员邓晓勇说。")
    assert ("邓晓勇", "邓晓勇", "other") in _labelled(facts, EntityLabel.PERSON)


def test_a_town_right_under_a_city_without_counties_is_a_unit() -> None:
    # 东莞市 has towns under it and no county level: its town union keeps the city chain,
    # and the later 镇总工会 is the same body
    facts = _facts("广东省东莞市塘厦镇总工会今年开办职工夜校。镇总工会还为学员发放交通补贴。")
    agencies = _labelled(facts, EntityLabel.AGENCY)
    assert agencies == [
        ("广东省东莞市塘厦镇总工会", "东莞市塘厦镇总工会", "union"),
        ("镇总工会", "东莞市塘厦镇总工会", "union"),
    ]


def test_league_and_banner_levels_resolve_in_inner_mongolia() -> None:
    # 盟 is a prefecture-level league and 旗 a county-level banner, printed bare like 市/县
    facts = _facts(
        "内蒙古自治区兴安盟科尔沁右翼前旗总工会今年开展技能培训。"
        "盟总工会拨付专项资金，旗人社局负责组织考核。"
    )
    agencies = [(t, c) for t, c, _ in _labelled(facts, EntityLabel.AGENCY)]
    assert ("盟总工会", "兴安盟总工会") in agencies
    assert ("旗人社局", "兴安盟科尔沁右翼前旗人力资源和社会保障局") in agencies


def test_the_youth_league_committee_of_the_story_city() -> None:
    facts = _facts("江西省赣州市总工会、团市委联合举办青年职工技能比武。")
    assert ("团市委", "共青团赣州市委员会", "party") in _labelled(facts, EntityLabel.AGENCY)


def test_a_unions_committee_is_a_union_and_its_centre_an_institution() -> None:
    facts = _facts(
        "安徽省合肥市蜀山区总工会日前召开会议。区总工会女职工委员会和区总工会法律援助中心"
        "分别作了汇报。"
    )
    kinds = {t: k for t, _, k in _labelled(facts, EntityLabel.AGENCY)}
    assert kinds["区总工会女职工委员会"] == "union"
    assert kinds["区总工会法律援助中心"] == "institution"


def test_shi_in_a_prefecture_story_about_its_county_level_city() -> None:
    # 市 can only be a division named …市: in a 州 whose county-level city the story is about,
    # 市人社局 is that city's bureau
    facts = _facts("新疆维吾尔自治区博尔塔拉蒙古自治州博乐市总工会联合市人社局开展招聘。")
    agencies = [(t, c) for t, c, _ in _labelled(facts, EntityLabel.AGENCY)]
    assert ("市人社局", "博尔塔拉蒙古自治州博乐市人力资源和社会保障局") in agencies


def test_recently_is_no_date_mention() -> None:
    # 近日 / 日前 name no day a reader could cite; dates printed beside them still count
    facts = _facts("记者近日从湖南省衡阳市总工会获悉，今年1至4月全市新建职工驿站30个。")
    assert [t for t, _, _ in _labelled(facts, EntityLabel.DATE)] == ["今年1至4月"]


# Round 13 (shapes of sets 21 and 22)


def test_shi_in_a_county_level_city_story_whose_prefecture_is_not_printed() -> None:
    # 义乌市 is a county-level city of 金华市; the story never prints 金华, so 市 is 义乌市
    facts = _facts("浙江省义乌市总工会日前联合市人社局开展春风行动。市总工会还设立了服务专窗。")
    agencies = [(t, c) for t, c, _ in _labelled(facts, EntityLabel.AGENCY)]
    assert ("市人社局", "金华市义乌市人力资源和社会保障局") in agencies
    assert ("市总工会", "金华市义乌市总工会") in agencies
    # with the prefecture printed, 市 stays the prefecture
    facts = _facts("浙江省金华市总工会和义乌市总工会日前联合市人社局开展春风行动。")
    agencies = [(t, c) for t, c, _ in _labelled(facts, EntityLabel.AGENCY)]
    assert ("市人社局", "金华市人力资源和社会保障局") in agencies


def test_standard_local_bureaus_and_peoples_organizations() -> None:
    facts = _facts(
        "湖北省襄阳市总工会联合市城市管理和综合执法局、市乡村振兴局、市文化馆开展慰问。"
        "湖北省襄阳市残疾人联合会也派员参加。"
    )
    got = {t: (c, k) for t, c, k in _labelled(facts, EntityLabel.AGENCY)}
    assert got["市城市管理和综合执法局"] == ("襄阳市城市管理和综合执法局", "government")
    assert got["市乡村振兴局"] == ("襄阳市乡村振兴局", "government")
    assert got["市文化馆"] == ("襄阳市文化馆", "institution")
    assert got["湖北省襄阳市残疾人联合会"] == ("襄阳市残疾人联合会", "association")


def test_a_bare_company_union_after_a_named_company_is_its_union() -> None:
    facts = _facts(
        "芜湖恒信汽车部件有限公司有职工800余人。今年，公司工会为职工办理互助保障。"
        "“保障很实在。”公司工会主席吴敏说。"
    )
    unions = [(t, c) for t, c, k in _labelled(facts, EntityLabel.AGENCY) if k == "union"]
    assert unions == [("公司工会", "芜湖恒信汽车部件有限公司工会")] * 2
    # with no company named before it, 公司工会 names no body
    assert _labelled(_facts("公司工会为职工办理互助保障。"), EntityLabel.AGENCY) == []


def test_a_firm_described_with_an_indefinite_count_is_no_name() -> None:
    facts = _facts("毕业后，她在杭州一家物流公司当调度员。")
    assert _labelled(facts, EntityLabel.AGENCY) == []
    assert [t for t, _, _ in _labelled(facts, EntityLabel.PLACE)] == ["杭州"]


def test_household_and_job_nouns_with_de_cue_a_name() -> None:
    facts = _facts("种植户李翠兰今年卖出茶叶800斤。在工地当安全员的孙建国说，培训很实用。")
    people = [t for t, _, _ in _labelled(facts, EntityLabel.PERSON)]
    assert people == ["李翠兰", "孙建国"]


def test_a_name_without_a_han_surname_after_a_role_or_origin() -> None:
    facts = _facts("职工代表阿依古丽表示，培训很管用。来自伊犁的阿依古丽2020年当上了育婴师。")
    people = [t for t, _, _ in _labelled(facts, EntityLabel.PERSON)]
    assert people == ["阿依古丽", "阿依古丽"]
    # a name jieba cuts short (乌兰图|雅) is left out rather than printed wrong
    facts = _facts("来自乌审旗的乌兰图雅2020年当上了月嫂。")
    assert _labelled(facts, EntityLabel.PERSON) == []
    # common compounds jieba files as names are no names
    facts = _facts("律师法律援助中心的志愿者宣传教育活动")
    assert _labelled(facts, EntityLabel.PERSON) == []


def test_trips_of_buses_are_counted() -> None:
    facts = _facts("今年春节后，县人社局共开行返岗专车86趟、专列3趟次。")
    assert [(f.text, f.value) for f in facts.figures] == [("86趟", 86), ("3趟次", 3)]
