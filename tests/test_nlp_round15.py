"""Round 15: figure measures, credit and entities on shapes the writers of sets 36-38 printed.

The passages are invented (工人日报 style, own topics and places) and annotated by hand before
the code changed; each group names the grammatical reason its rule rests on.  They run end to
end through ``analyze_article`` (``tests.fixtures.nlp_sentences``).  ``OWN`` lists
(text, figure surface, accepted measures).
"""

from __future__ import annotations

import pytest

from baoku.nlp.measure_words import figure_lexicon, word_tags
from tests.fixtures.nlp_sentences import entities_of, facts_of, figure_of, figures_of

OWN: list[tuple[str, str, tuple[str, ...]]] = [
    # 全地区 / 全旗 scope the whole area, as 全市 does: no part of what is counted
    ("2023年，全地区职工年平均工资为6.5万元。", "6.5万元", ("职工年平均工资", "年平均工资")),
    (
        "截至10月底，全旗职工医疗互助参保人数达1.8万人。",
        "1.8万人",
        ("职工医疗互助参保人数", "参保人数"),
    ),
    # 在建 (under construction) modifies the noun after it; jieba cuts 在|建工|地
    ("县总工会组织律师走进18个在建工地开展普法宣传。", "18个", ("在建工地", "工地")),
    # 一次性 before a noun phrase is a modifier (jieba files it as an adverb)
    (
        "今年共支付工伤保险待遇860万元，其中一次性伤残补助金占三成以上。",
        "三成以上",
        ("一次性伤残补助金",),
    ),
    # 庭 after a verb is a noun suffix, as 员 and 费 are (巡回|庭)
    ("市仲裁院在工业园区设立了6个仲裁巡回庭。", "6个", ("仲裁巡回庭", "巡回庭")),
    # 提档升级 (upgrade) is one verb, not 提 and the noun 档
    (
        "市总工会今年新建和提档升级户外劳动者服务站点40个。",
        "40个",
        ("户外劳动者服务站点", "服务站点", "站点"),
    ),
    # after a semicolon a headless count goes on with the whole, not with a 其中 part of it
    (
        "今年以来，市仲裁院共受理劳动争议案件860件，其中工伤待遇案件210件；已审结795件。",
        "795件",
        ("劳动争议案件", "案件"),
    ),
    # parallel modifiers printed alike share the head the last one carries (失业|保险 is cut
    # apart by jieba, so the words are aligned by printed length)
    (
        "截至6月底，全市医疗保险、生育保险参保人数分别为52.3万人和48.1万人。",
        "52.3万人",
        ("医疗保险参保人数", "参保人数"),
    ),
    # a numbered category (一类) labels the noun after it
    (
        "按规定，一类地区标准约占当地职工月平均工资的35%。",
        "35%",
        ("一类地区标准",),
    ),
    # a group framing the clause before (X中，…的有N) names the items where nothing nearer does
    (
        "全省新开工交通和水利工程项目中，按项目参加工伤保险的有236个。",
        "236个",
        ("新开工交通和水利工程项目", "工程项目", "项目"),
    ),
    # coordinated levels (全国和省级, 省、市级) are one modifier of the noun after them
    (
        "疗休养团共有来自各地的120名全国和省级劳动模范。",
        "120名",
        ("全国和省级劳动模范", "劳动模范"),
    ),
    # an adverb of extent (仅, 只, 才) between a subject and its link is no part of either
    ("经核算，该项目实际发生的培训费用仅为1.8万元。", "1.8万元", ("培训费用", "费用")),
    # 涨 (rise) is a change verb like 提高: the amount is of the noun before it
    ("“换了岗位以后，我的月工资涨了900元。”", "900元", ("月工资", "工资")),
    # a grant verb right before the money (奖励了) names it, over a noun an earlier figure counted
    (
        "“今年岗位津贴提高了300元，厂里还一次性奖励了3000元。”",
        "3000元",
        ("奖励", "一次性奖励"),
    ),
    # a share whose owner the rate pattern cut (at a 的, or inside a word jieba misfiles: 一线/m,
    # 外来/f) is named by its rate word alone: half an owner names nothing
    (
        "全年共受理劳动争议案件620件，其中涉及加班费的案件占比约三成。",
        "约三成",
        ("占比", "涉及加班费的案件占比", "涉及加班费的案件"),
    ),
    (
        "本期参训学员210人，其中一线职工和农民工学员占比达68%。",
        "68%",
        ("占比", "一线职工和农民工学员占比", "一线职工和农民工学员"),
    ),
    (
        "该区共有建筑业从业人员3.2万人，其中外来务工人员占比超过六成。",
        "超过六成",
        ("占比", "外来务工人员占比", "外来务工人员"),
    ),
    # an amount after a verb of withholding pay is the pay itself
    ("今年5月，14名农民工被拖欠工资共计28.6万元。", "28.6万元", ("工资",)),
    # a verb and its complement 出 are one verb; a word after 并 is a predicate
    ("共征集合理化建议500条，评选出优秀建议60条。", "60条", ("优秀建议", "建议")),
    ("监督员今年共巡查并报告安全隐患1200余条。", "1200余条", ("安全隐患", "隐患")),
    # an aiming verb before a rate (将确保) is no part of the rate's name
    ("区总工会将确保投诉办结率达到98%以上。", "98%以上", ("投诉办结率", "办结率")),
    # a verb opening the first of two coordinated nouns modifies it when the last conjunct is
    # a modifier and a head too and the verb is no predicate the lexicon knows
    (
        "该镇共有规上企业46家、快递网点和餐饮商户120多个。",
        "120多个",
        ("快递网点和餐饮商户", "快递网点", "餐饮商户"),
    ),
    ("今年共培训职工和农民工3000人。", "3000人", ("职工和农民工",)),
    # 疗休养 (recuperation) is one noun; people counted by an activity are the people
    (
        "今年以来，市总工会组织“匠心康养”职工疗休养活动30批次。",
        "30批次",
        ("职工疗休养活动", "疗休养活动"),
    ),
    (
        "基地去年接待劳模和一线职工疗休养8600人次。",
        "8600人次",
        ("劳模和一线职工", "一线职工", "职工"),
    ),
    # a bare share after a count (，占60%) is that count's share of the whole
    (
        "全区共受理劳动争议案件500件，其中欠薪案件300件，占60%。",
        "60%",
        ("欠薪案件",),
    ),
    # a verb between two nouns after the unit, with an adverb or a money verb after them, is
    # inside the subject: a compound (创新工作室, 创新成果)
    (
        "全区18家职工创新工作室共完成技术革新项目96项。",
        "18家",
        ("职工创新工作室", "创新工作室", "工作室"),
    ),
    (
        "公司今年对52项职工创新成果给予奖励。",
        "52项",
        ("职工创新成果", "创新成果", "成果"),
    ),
    # 在档 (on file) modifies the noun after it, as 在册 does
    ("今年已为2300余名在档困难职工发放慰问金。", "2300余名", ("在档困难职工", "困难职工")),
    # 仍 (still) between a subject and its link is a filler
    ("报销后，个人负担的医疗费用仍超过5000元。", "超过5000元", ("医疗费用", "个人负担的医疗费用")),
    # a money verb after a verbal noun is the predicate: its object is the money
    ("去年住院治疗花去医疗费6万多元。", "6万多元", ("医疗费",)),
    # a verb before a team noun names the team's task
    ("区总工会组成6支慰问小分队走访一线职工。", "6支", ("慰问小分队", "小分队")),
    # a verb of aiming ends the subject before the target
    ("今年全市参保职工力争突破20万人。", "突破20万人", ("参保职工", "职工")),
    # after a conjunction joining nouns, a verb outside the lexicon modifies the next noun
    (
        "已走访环卫工人860名、快递员和外卖骑手320余名。",
        "320余名",
        ("快递员和外卖骑手", "外卖骑手"),
    ),
    # examples closed by 等 after 的 name the kind after them
    (
        "区总工会为环卫工人送去价值18万元的毛巾、草帽、风油精等防暑降温用品。",
        "18万元",
        ("防暑降温用品", "用品"),
    ),
    # 开发 (create, of posts) is a predicate verb; 开发区 stays a noun
    (
        "今年以来，区人社局为有劳动能力的低保家庭成员开发公益性岗位60个。",
        "60个",
        ("公益性岗位", "岗位"),
    ),
    ("全市各开发区共有规上企业300家。", "300家", ("规上企业", "企业")),
    # a person's name opening a money measure is who is paid, not what the money is
    ("经调解，公司当场支付张国庆赔偿款4.6万元。", "4.6万元", ("赔偿款",)),
    # a time word opening the subject says when, it is no part of what is counted
    ("据统计，目前职工驿站合作商户已达860家。", "860家", ("职工驿站合作商户", "合作商户", "商户")),
    # the money after 的 is what a recipient before the amount is paid (up to its money head)
    ("协会按规模给予每个站点2000元至4000元的运营经费。", "2000元至4000元", ("运营经费", "经费")),
    (
        "对新建书屋每家给予3000元至1万元的图书和设备补助。",
        "3000元至1万元",
        ("图书和设备补助", "补助"),
    ),
    # categories before 分别 and a money verb share out the amounts
    (
        "困难帮扶、医疗救助和金秋助学分别支出860万元、420万元和310万元。",
        "420万元",
        ("医疗救助",),
    ),
    # after money, a verb before a money noun names the fund (5万元|建设|经费)
    ("县总工会对每家工作室给予3万元建设经费。", "3万元", ("建设经费", "经费")),
    # 多了 (grew by) is a change; the month after 每个 says per what
    ("“评上技师后，每个月岗位津贴多了500元。”", "500元", ("岗位津贴", "津贴")),
    # a one-character modal between a subject and its change is no part of it
    ("改造后，单线产能能提高百分之十五。", "百分之十五", ("单线产能", "产能")),
    # a verb right before the person noun after a people unit says which of them
    ("今年已有260名获奖选手直接晋升一级职业技能等级。", "260名", ("获奖选手", "选手")),
    # 还有 (there still are) links a subject to its count, as 尚有 does
    ("截至去年底，全县在档困难职工还有212户。", "212户", ("在档困难职工", "困难职工")),
    # 欠下 (run up) takes the money as its object; the noun after the amount names it
    ("“家里一下子欠下近6万元医疗费。”", "近6万元", ("医疗费",)),
    # 深入 (go into) is a predicate verb; 给予 opens no money's name
    ("区总工会组织技能大师深入逾60家企业开展辅导。", "逾60家", ("企业",)),
    ("对稳定就业满6个月的，给予一次性交通补贴600元。", "600元", ("一次性交通补贴", "交通补贴")),
    # a conjunct does not print twice what it shares with the head (市政工程 + 工程项目)
    ("房屋建筑、市政工程和水利工程项目分别为90个、40个和20个。", "40个", ("市政工程项目",)),
    # a money noun as subject of a verb of costing is what the amount pays for
    ("“孩子一学期的学费就要三千多元。”", "三千多元", ("学费",)),
    ("“这次住院医疗费花了2万多元。”", "2万多元", ("住院医疗费", "医疗费")),
]


@pytest.mark.parametrize(("text", "figure", "measures"), OWN)
def test_own_passages(text: str, figure: str, measures: tuple[str, ...]) -> None:
    assert figure_of(text, figure).measure in measures


def test_zaijian_is_no_modifier_inside_a_longer_word() -> None:
    lex = figure_lexicon()
    assert ("在建", "b") not in word_tags("正在建设12个项目", lex)
    assert ("在岗", "b") not in word_tags("在岗位上干了20年", lex)
    assert ("一次性", "d") in word_tags("一次性奖励了5000元", lex)


def test_a_list_of_numbered_categories_counts_nothing() -> None:
    text = "调整后，一类、二类、三类地区月最低工资标准分别为1900元、1800元和1700元。"
    assert [f.text for f in figures_of(text)] == ["1900元", "1800元", "1700元"]
    assert {f.measure for f in figures_of(text)} == {"月最低工资标准"}


def test_a_body_that_spends_is_not_what_the_money_pays_for() -> None:
    assert figure_of("今年，区总工会花了20万元。", "20万元").measure != "区总工会"


def _people(text: str) -> list[str]:
    return [t for t, _ in entities_of(text, "PERSON")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a worker named after an occupation in 工, with or without 的
        ("在开发区一处工地务工的张建平是受益者之一。", ["张建平"]),
        ("在纺织厂当挡车工的刘秀兰告诉记者，今年工资涨了。", ["刘秀兰"]),
        # a reporting verb right after three characters ends a three-character name
        ("焊接车间电焊工陈国平说，今年考取了技师证。", ["陈国平"]),
        # transliterated names with their dot, after a title or standing alone
        ("州总工会副主席艾尔肯·吐尔洪介绍，驿站已覆盖全州。", ["艾尔肯·吐尔洪"]),
        ("据热依拉·阿不都说，托管班已开班。", ["热依拉·阿不都"]),
        # a job noun before the dotted name and a time word after it bound it
        ("车间安检员吐尔逊·买买提前不久发现了管道隐患。", ["吐尔逊·买买提"]),
        # 工 opening a word (工程项目) ends no occupation; a quoted dotted slogan is no name
        ("县总工会走访了12个在建工程项目。", []),
        ("市总工会举办“中国梦·劳动美”主题演讲比赛。", []),
        ("区总工会在园区建成工会爱心驿站·零工之家3处。", []),
    ],
)
def test_people_named_without_a_post(text: str, names: list[str]) -> None:
    assert _people(text) == names


def test_a_range_printed_with_baifenzhi_at_both_ends_is_one_figure() -> None:
    [f] = figures_of("可按自付医疗费用的百分之二十至百分之四十获得补助。")
    assert (f.text, f.value, f.value_max, f.qualifier) == (
        "百分之二十至百分之四十",
        20,
        40,
        "range",
    )


def test_tupo_before_a_number_is_a_lower_bound() -> None:
    [f] = figures_of("今年参保人数将突破12万人。")
    assert (f.text, f.value, f.qualifier) == ("突破12万人", 120000, "over")


def test_the_short_form_of_a_union_before_tongji_is_a_mention() -> None:
    facts = facts_of("记者从湖南省株洲市芦淞区总工会获悉。据区总统计，全区现有困难职工312户。")
    names = [(e.text, e.canonical) for e in facts.entities if e.label == "AGENCY"]
    assert ("区总", "株洲市芦淞区总工会") in names


def _places(text: str) -> list[str]:
    return [c for _, c in entities_of(text, "PLACE")]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a prefecture-level city's short form that jieba files under another tag is a place
        # where it is a word of its own
        ("今年考入大连一所大学的王欣就是受助学生之一。", ["辽宁省大连市"]),
        ("他从遵义来到这里打工已有五年。", ["贵州省遵义市"]),
        # and no place inside other words, nor a short form that is a common word alone
        ("全市工会要聚焦作风建设，统一经营口径。", []),
        ("活动现场来宾云集。", []),
    ],
)
def test_city_short_forms_standing_alone(text: str, places: list[str]) -> None:
    assert _places(text) == places


def test_a_prefecture_with_two_short_forms_is_found_by_either() -> None:
    facts = facts_of(
        "记者从新疆维吾尔自治区巴音郭楞蒙古自治州总工会获悉。巴州人社局今年检查企业300家。"
    )
    canon = {e.text: e.canonical for e in facts.entities if e.label == "AGENCY"}
    assert canon["巴州人社局"] == "巴音郭楞蒙古自治州人力资源和社会保障局"


def test_a_workers_workplace_named_as_subject_is_credited() -> None:
    f = figure_of(
        "“高温天在外干活最辛苦。”焊工李明说。他所在的金昌宏达建设有限公司今年已为800余名职工"
        "发放高温津贴共计52万余元。",
        "52万余元",
    )
    assert f.agency == "金昌宏达建设有限公司"


def test_a_companys_short_form_after_its_registered_name_is_the_same_company() -> None:
    facts = facts_of(
        "金昌恒泰冶金设备有限公司工会日前召开职代会。\n"
        "恒泰冶金设备公司今年投入安全改造资金320万元。"
    )
    canon = {e.text: e.canonical for e in facts.entities if e.label == "AGENCY"}
    assert canon.get("恒泰冶金设备公司") == "金昌恒泰冶金设备有限公司"
    [f] = [f for f in facts.figures if f.text == "320万元"]
    assert f.agency == "金昌恒泰冶金设备有限公司"


def test_a_town_named_by_its_own_union_in_a_city_without_counties() -> None:
    facts = facts_of("记者从广东省中山市总工会获悉。其中，小榄镇总工会今年新建驿站12个。")
    canon = {e.text: e.canonical for e in facts.entities if e.label == "AGENCY"}
    assert canon.get("小榄镇总工会") == "中山市小榄镇总工会"
    [f] = [f for f in facts.figures if f.text == "12个"]
    assert f.agency == "中山市小榄镇总工会"


def test_diqu_before_a_body_is_the_storys_prefecture_when_it_is_a_diqu() -> None:
    def agencies(text: str) -> list[tuple[str, str]]:
        return entities_of(text, "AGENCY")

    found = agencies(
        "新疆维吾尔自治区和田地区总工会日前召开全委会。地区人社局负责人介绍了就业情况。"
    )
    assert ("地区人社局", "和田地区人力资源和社会保障局") in found
    assert agencies("该地区人社局今年新增岗位300个。") == []


def test_a_bodys_published_data_credit_it_over_a_generic_collective() -> None:
    f = figure_of(
        "湖南省长沙市中级人民法院发布的数据显示，2023年，全市两级法院共审结劳动争议案件2860件。",
        "2860件",
    )
    assert f.agency == "长沙市中级人民法院"


def test_a_platform_named_with_a_long_head_after_its_quote_is_taken_up() -> None:
    text = (
        "记者近日从浙江省湖州市人社局获悉，该市上线的“湖薪宝”工资支付监控预警平台已接入项目320个。"
        "今年上半年，平台共推送欠薪预警信息860条。"
    )
    assert figure_of(text, "860条").agency == "湖州市人力资源和社会保障局"


def test_a_town_opening_a_clause_is_the_one_its_later_bodies_belong_to() -> None:
    facts = facts_of(
        "浙江省衢州市龙游县总工会日前通报。湖镇镇是龙游的工业重镇。镇总工会牵头成立了联合工会。"
    )
    canon = {e.text: e.canonical for e in facts.entities if e.label == "AGENCY"}
    assert canon.get("镇总工会") == "衢州市龙游县湖镇镇总工会"


# --- round 15 review: ordinary phrasings the round's rules must leave alone ----------------


@pytest.mark.parametrize(
    ("text", "figure", "measures"),
    [
        # a grant word before a money noun names the fund, it is no money verb taking it
        ("今年共发放补贴资金50万元。", "50万元", ("补贴资金",)),
        # 计划 is a plan (a noun) here, no aiming verb
        ("全市实施就业见习计划共计2000人次。", "2000人次", ("就业见习计划", "见习计划")),
        # a rate after 的 names itself whole
        ("全省农民工的工资支付率达98%。", "98%", ("工资支付率",)),
        # money between the part and the semicolon leaves the whole of the cases
        (
            "共受理劳动争议案件1386件，其中追索劳动报酬案件867件，涉及金额3000万元；已审结1302件。",
            "1302件",
            ("劳动争议案件", "案件"),
        ),
        # a scope word before the first conjunct opens the phrase too
        ("全市快递网点和餐饮门店共计1200家。", "1200家", ("快递网点和餐饮门店",)),
    ],
)
def test_review_measures(text: str, figure: str, measures: tuple[str, ...]) -> None:
    assert figure_of(text, figure).measure in measures


def test_review_people_places_and_words() -> None:
    assert _people("对农民工李强来说，这笔钱很重要。") == ["李强"]
    assert _people("区总工会开展劳动者港湾·爱心驿站建设。") == []
    assert _places("农民工王玉林说，工资到账了。") == []
    assert _places("志愿者在河源头开展巡河活动。") == []
    lex = figure_lexicon()
    for text in ("在建党百年之际", "在建档立卡贫困户中", "存在档次差距", "在岗前培训"):
        assert not any(t == "b" for _, t in word_tags(text, lex)), text
    [f] = figures_of("降幅为百分之五十至百分之三十。")[:1]
    assert f.value_max is None


def test_review_agencies() -> None:
    def agencies(paragraphs: list[str]) -> list[tuple[str, str]]:
        return entities_of("\n".join(paragraphs), "AGENCY")

    # an industry alone is no short form of one firm
    found = agencies(["兰州劳务派遣有限公司是当地龙头企业。全市劳务派遣公司共有86家。"])
    assert [t for t, _ in found] == ["兰州劳务派遣有限公司"]
    # 地区 inside a phrase names no body; standing alone at a paragraph's start it does
    found = agencies(["新疆阿克苏地区总工会日前召开全委会。南疆地区法院今年共审结欠薪案件300件。"])
    assert all(t != "地区法院" and not t.startswith("南疆") for t, _ in found)
    found = agencies(
        ["新疆阿克苏地区总工会日前召开全委会。", "地区人社局共为职工追回工资120万元。"]
    )
    assert ("地区人社局", "阿克苏地区人力资源和社会保障局") in found
    # a common noun before 镇 names no town
    found = agencies(["东莞市加快小城镇建设，重点镇建设成效明显。镇总工会今年发放慰问金20万元。"])
    assert all("重点镇" not in c for _, c in found)


def test_a_firm_named_after_its_partner_starts_after_lianhe() -> None:
    facts = facts_of("吉林省四平市人社局联合四平华宇机械有限公司开展岗位练兵活动。")
    names = [e.text for e in facts.entities if e.label == "AGENCY"]
    assert names == ["吉林省四平市人社局", "四平华宇机械有限公司"]


@pytest.mark.parametrize(
    ("text", "printed", "canonical"),
    [
        # a district's police is a branch of the city's bureau, named so officially
        ("湖南省郴州市北湖区人社局联合区公安分局开展行动。", "区公安分局", "郴州市公安局北湖分局"),
        (
            "河北省沧州市城管执法局今年投入资金38万元。",
            "河北省沧州市城管执法局",
            "沧州市城市管理综合行政执法局",
        ),
        # a union's labour-dispute mediation centre after its name is its sub-unit
        (
            "记者从安徽省芜湖市鸠江区总工会获悉，区总工会劳动争议调解中心今年受理纠纷318件。",
            "区总工会劳动争议调解中心",
            "芜湖市鸠江区总工会劳动争议调解中心",
        ),
        # a county-level city printed in the sentence is the 市 of a level prefix after it
        (
            "湖南省株洲市总工会通报。醴陵市总工会主席介绍，市总工会联合市人社局开办夜校42所。",
            "市人社局",
            "株洲市醴陵市人力资源和社会保障局",
        ),
        # a place whose characters are function words elsewhere (于都) opens a firm's name
        (
            "江西省赣州市于都县总工会获悉。他回到家乡，创办了于都锦华服装有限公司。",
            "于都锦华服装有限公司",
            "于都锦华服装有限公司",
        ),
        # an autonomous county printed as its short form and 县 (都安县) is the county
        (
            "广西河池市都安瑶族自治县总工会获悉。都安县人社局今年新增岗位300个。",
            "都安县人社局",
            "河池市都安瑶族自治县人力资源和社会保障局",
        ),
        (
            "重庆市渝北区人力社保局今年新增岗位300个。",
            "重庆市渝北区人力社保局",
            "重庆市渝北区人力资源和社会保障局",
        ),
        (
            "河南省信阳市固始县就业创业服务中心举办招聘会12场。",
            "河南省信阳市固始县就业创业服务中心",
            "信阳市固始县就业创业服务中心",
        ),
    ],
)
def test_agency_names_of_round_15(text: str, printed: str, canonical: str) -> None:
    assert dict(entities_of(text, "AGENCY")).get(printed) == canonical


def test_a_unions_workers_legal_centre_is_its_sub_unit_and_bare_it_is_none() -> None:
    def agencies(text: str) -> dict[str, str]:
        return dict(entities_of(text, "AGENCY"))

    found = agencies(
        "记者从湖北省宜昌市总工会获悉，市总工会职工法律援助中心今年共接待职工960人次。"
    )
    assert found.get("市总工会职工法律援助中心") == "宜昌市总工会职工法律援助中心"
    found = agencies("湖北省宜昌市夷陵区总工会依托职工法律援助中心开展维权服务。")
    assert "职工法律援助中心" not in found
    # 设有 (has) is a clause verb: no name runs across it (…互助保障设有住院医疗…)
    assert agencies("据介绍，烟台市职工互助保障设有住院医疗等项目。") == {}


def test_no_person_from_a_verb_after_a_title_or_a_facility_after_a_role() -> None:
    assert _people("法院选派8名特邀调解员常驻，全年调解纠纷300件。") == []
    assert _people("在科技有限公司的职工托育园里，孩子们正在午睡。") == []
    assert _people("调解员吴国平介绍，全年调解纠纷300件。") == ["吴国平"]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a ranking (前三名) counts no people; 目前 before a number keeps it a count
        ("共有18名选手分获各项目前三名。", ["18名"]),
        ("目前3名职工已返岗。", ["3名"]),
        # 多 after 成 is a lower bound of the share
        ("其中欠薪案件占两成多。", ["两成多"]),
        # 伍 ending a word (队伍) is no formal numeral
        ("文艺队伍成了凝聚人心的纽带。", []),
    ],
)
def test_round_15_figure_surfaces(text: str, figures: list[str]) -> None:
    assert [f.text for f in figures_of(text)] == figures


def test_jieba_word_counts_are_read_in_a_fresh_process() -> None:
    # the dictionary loads lazily: a first reader must not find it empty
    import subprocess
    import sys

    code = "from baoku.nlp.jieba_words import word_freq; print(word_freq('工会') > 0)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
