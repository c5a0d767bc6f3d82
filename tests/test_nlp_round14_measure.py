"""Round 14: figure measures on shapes the new writers of sets 21 and 22 printed.

The passages are invented (工人日报 style, own topics and places) and annotated by hand before
the code changed; each group names the grammatical reason its rule rests on.  They run end to
end through ``analyze_article`` (``tests.fixtures.nlp_sentences``).  ``OWN`` lists
(text, figure surface, accepted measures).
"""

from __future__ import annotations

import pytest

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.analyze import analyze_article
from baoku.nlp.measure_choice import _edges_tidied
from baoku.nlp.measure_words import figure_lexicon
from tests.fixtures.nlp_sentences import figure_of, figures_of

OWN: list[tuple[str, str, tuple[str, ...]]] = [
    # a manner word right before a verb (全额返还, 在线注册, 试点推行) opens the predicate: it
    # ends the noun phrase after the unit, whatever jieba's tag
    (
        "今年以来，县总工会向860家小微企业工会全额返还工会经费1200万元。",
        "860家",
        ("小微企业工会", "工会"),
    ),
    ("目前，全区已有3100余名快递员在线申请加入工会。", "3100余名", ("快递员",)),
    ("市总工会将在6个区县试点推行职工互助保障。", "6个", ("区县",)),
    ("全县共有45家企业免费提供见习岗位。", "45家", ("企业",)),
    ("今年共有230家企业工会足额拨缴工会经费。", "230家", ("企业工会", "工会")),
    # 以上/以下 after a level is part of the noun phrase (三级以上医院), not its end
    ("全市19家三级以上医院开设了劳模就医绿色通道。", "19家", ("三级以上医院", "医院")),
    ("该县40家规模以上企业均已建立工会。", "40家", ("规模以上企业", "企业")),
    # a body printed right before a grant verb is its subject: the grant is what is paid
    (
        "每名学生资助标准为5000元，其中区总工会资助3000元，企业配套2000元。",
        "3000元",
        ("资助",),
    ),
    (
        "每份套餐成本为12元，其中县总工会补贴6元。",
        "6元",
        ("补贴",),
    ),
    # a verb printed again before a bare number counts the object it took the first time
    (
        "区总工会为返乡农民工发放爱心包，内含口罩、毛巾等物品，共发放3200份。",
        "3200份",
        ("爱心包",),
    ),
    (
        "市总工会为环卫工人配送清凉礼包，全市累计配送1.2万份。",
        "1.2万份",
        ("清凉礼包", "礼包"),
    ),
    # round 14, sets 23-26 (opened): the shapes their misses share, in own sentences
    # money taken out of a fund (从X中列支/拿出N元) is an amount of that fund
    ("区总工会从工会经费中列支20万元，用于困难职工帮扶。", "20万元", ("工会经费",)),
    ("县总工会从留成经费中拿出15万元，为环卫工人购买意外险。", "15万元", ("留成经费",)),
    # X比Y多(了)N: the amount is of X, the thing compared
    ("老周说，今年家里的收入比去年多了1万多元。", "1万多元", ("收入",)),
    # a change then a level reached (增长7%，达到6200元) is one quantity, named once
    (
        "全区一线职工月平均工资同比增长7%，达到6200元。",
        "6200元",
        ("一线职工月平均工资", "月平均工资", "平均工资"),
    ),
    # X等方面 is the topic of the items, not the items
    ("工会共收集就业、培训等方面意见建议200余条。", "200余条", ("意见建议",)),
    # an administrative level and its bound (市级以上) say where items sit, as 市级 does
    ("截至目前，全市已建成市级以上职工书屋120家。", "120家", ("职工书屋", "书屋")),
    # two nouns joined by 及 before a list comma are one phrase
    (
        "合同覆盖全市18家纺织及服装企业、2.3万名职工。",
        "18家",
        ("纺织及服装企业", "企业"),
    ),
    # a person's name after the noun is an apposition: the noun is what is counted
    ("今年5月，农民工王强等6人被拖欠工资4.2万元。", "6人", ("农民工",)),
    # the 年 of a date is no part of the measure after it
    (
        "2022年企业职工人均收入8.6万元。",
        "8.6万元",
        ("企业职工人均收入", "职工人均收入", "人均收入"),
    ),
    # the statutory crime 拒不支付劳动报酬 (refusal to pay wages) is one term, 涉嫌 with it
    ("今年以来，该院办理拒不支付劳动报酬案件9件。", "9件", ("拒不支付劳动报酬案件", "案件")),
    (
        "区人社局向公安机关移送涉嫌拒不支付劳动报酬犯罪案件6起。",
        "6起",
        ("涉嫌拒不支付劳动报酬犯罪案件", "犯罪案件", "案件"),
    ),
    # a count inside 'X中的N' is a part of the group X (the preposition's object, without its
    # demonstrative), also when a verb follows the unit
    (
        "去年，县检察院对这些案件中的4起提起公诉，县法院已审结3起。",
        "4起",
        ("案件",),
    ),
    # 涉 ('involving') before a noun modifies it; an aspect adverb (正在) opens the predicate
    ("截至目前，尚有8件涉薪案件正在审理中。", "8件", ("涉薪案件", "案件")),
    # pieces jieba's dictionary cuts or files wrongly: 零部件 (no numeral), 新|设 (one verb),
    # 脱贫|户 (a household noun), 外|省籍 (a modifier), 在线 before 办理 (a lexicon verb)
    (
        "今年，全区将在52家规上汽车零部件企业推行技能等级认定。",
        "52家",
        ("规上汽车零部件企业", "汽车零部件企业", "企业"),
    ),
    ("县总工会在乡镇新设职工服务站8个。", "8个", ("职工服务站", "服务站")),
    ("今年以来，消费帮扶共带动1500余户脱贫户增收。", "1500余户", ("脱贫户",)),
    ("全市有环卫工人4000余人，其中外省籍工人占三成。", "三成", ("外省籍工人", "工人")),
    ("平台上线后，已有2300余家基层工会在线办理经费返还。", "2300余家", ("基层工会", "工会")),
    # a verb right before a body noun after the classifier names the body's business
    ("县检察院向5家建设单位发出检察建议。", "5家", ("建设单位", "单位")),
    # after a distributive phrase (每条…建议) a grant word alone is the grant
    ("企业设立创新奖励基金，每条被采纳的建议奖励100元至1000元。", "100元至1000元", ("奖励",)),
    # a company, industry or people owner before a wage or income noun is its owner: the
    # measure is the money noun (as sets 5 and 24 print it)
    ("去年全市纺织行业职工月平均工资为4200元。", "4200元", ("月平均工资", "平均工资", "工资")),
    ("2023年公司职工人均收入8.2万元。", "8.2万元", ("人均收入", "收入", "职工人均收入")),
    # a named company before 'X最多' is the owner of X, and 最多 the predicate
    (
        "40名选手分获各等级奖项，其中东方锅炉有限公司获奖人数最多，达7人。",
        "7人",
        ("获奖人数", "人数"),
    ),
    # 从A…涨到/提高到B is a change of the subject before 从, as 由A…到B is; 从事 is no 从
    ("他说，今年每月到手的工资从4100元左右涨到了4600多元。", "4100元左右", ("工资",)),
    ("他说，今年每月到手的工资从4100元左右涨到了4600多元。", "4600多元", ("工资",)),
    ("合同约定，夜班津贴从每班20元提高到30元。", "20元", ("夜班津贴", "津贴")),
    ("2023年3月，在某工地从事钢筋工作的26名农民工因欠薪求助。", "26名", ("农民工",)),
    # 代缴 (pay on another's behalf) is a money verb: its object is the money
    ("区总工会为860名困难职工、农民工代缴互助金12.9万元。", "12.9万元", ("互助金",)),
    # policy and cause-of-action terms are one noun (新就业形态, 确认劳动关系, 追索劳动报酬), and
    # a long phrase keeps them whole
    (
        "2022年以来，区法院共受理涉网约车司机、货车司机、外卖骑手等新就业形态劳动者劳动争议案件96件。",
        "96件",
        ("新就业形态劳动者劳动争议案件", "劳动争议案件", "案件"),
    ),
    ("其中，确认劳动关系纠纷31件，追索劳动报酬纠纷45件。", "31件", ("确认劳动关系纠纷", "纠纷")),
    ("其中，确认劳动关系纠纷31件，追索劳动报酬纠纷45件。", "45件", ("追索劳动报酬纠纷", "纠纷")),
    # people who join are counted by who they are, not by an earlier object of 入会
    (
        "市总工会开展快递员入会集中行动，全市新发展快递员、外卖骑手等新就业形态劳动者入会8600人。",
        "8600人",
        ("新就业形态劳动者", "劳动者"),
    ),
    # an amount per person after a count of people is of the money the sentence named
    ("区总工会发放助学金52万元，其中资助本科新生80名，每人5000元。", "5000元", ("助学金",)),
    (
        "区总工会发放助学金52万元，其中资助本科新生80名，每人5000元；专科新生40名，每人3000元。",
        "3000元",
        ("助学金",),
    ),
    # a modal glued to its verb (可兑换) is two words; 兑换 takes the money as object
    ("矿工每查实一项隐患可获得积分，积分可兑换奖励200元至400元。", "200元至400元", ("奖励",)),
    # after a money noun a lexicon verb is the predicate, even one that names bodies elsewhere
    ("今年，公司工会用返还的3万元经费组织职工开展技能比武。", "3万元", ("经费", "返还的经费")),
    # words that open no noun phrase are dropped (依法, 推动, 各类), as is a change verb after its
    # subject and a one-character verb that takes an object (签)
    ("今年以来，该院依法支持起诉62件。", "62件", ("支持起诉",)),
    (
        "今年已指导60家企业开展协商，推动企业缴费比例由平均3%提高到5%。",
        "3%",
        ("企业缴费比例", "缴费比例"),
    ),
    ("今年以来，全县共排查各类事故隐患1240条。", "1240条", ("事故隐患", "隐患")),
    ("市总工会力争今年新签行业集体合同12份以上。", "12份以上", ("行业集体合同", "集体合同")),
    # a modifier or person conjunct before a firm's or facility's head shares the head
    (
        "2022年，全市152家国有及国有控股企业全部建立职代会制度。",
        "152家",
        ("国有及国有控股企业", "企业"),
    ),
    # X籍 (native of X) is one modifier with its place
    ("今年宜昌籍高校毕业生共2.3万人。", "2.3万人", ("宜昌籍高校毕业生", "高校毕业生")),
    # a money noun jieba tags as a verb (收入) names money: it does not continue the count before
    (
        "今年以来，各帮扶车间累计发放工资1600余万元，务工人员人均月收入2300元左右。",
        "2300元左右",
        ("人均月收入", "月收入", "收入"),
    ),
    # 就 is a function word, never part of a word jieba left in pieces (企业|就|年|金);
    # 服 after a verb is a noun suffix (防晒|服); 进场 after the unit is the predicate
    ("今年以来，已指导56家企业就年金缴费开展专项协商。", "56家", ("企业",)),
    ("区总工会为环卫工人每人发放防晒服2套。", "2套", ("防晒服",)),
    ("当天，市人社局组织130家企业进场招聘。", "130家", ("企业",)),
    # a list of amounts by category before 的标准 sets one standard for the money paid after
    (
        "职工取得证书后，可按初级工800元、中级工1200元、高级工1600元的标准申领补贴。",
        "800元",
        ("补贴",),
    ),
    (
        "职工取得证书后，可按初级工800元、中级工1200元、高级工1600元的标准申领补贴。",
        "1600元",
        ("补贴",),
    ),
    # a body and its verb name no items: the part counts what the whole counted
    ("该院共受理移送的欠薪线索72条，其中区总工会移送30条。", "30条", ("欠薪线索", "线索")),
    # 建会企业 and 解困脱困 are terms; 确定 is a report verb
    ("全县现有小微企业1.2万余家，其中已建会企业8600家。", "8600家", ("已建会企业", "建会企业")),
    ("其中，城关区、临夏县分别完成解困脱困312户和208户。", "312户", ("解困脱困",)),
    ("省总工会在各地确定疗休养基地8个。", "8个", ("疗休养基地", "基地")),
    # 其中 is one word even where jieba reads 中外 (其中|外地职工)
    ("全厂有职工1200人，其中外地职工占四成。", "四成", ("外地职工",)),
]


@pytest.mark.parametrize(("text", "figure", "measures"), OWN)
def test_own_passages(text: str, figure: str, measures: tuple[str, ...]) -> None:
    assert figure_of(text, figure).measure in measures


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("去年，县检察院对这些案件中的4起提起公诉，县法院已审结3起。", "4起"),
        ("去年，县检察院对这些案件中的4起提起公诉，县法院已审结3起。", "3起"),
        # a prosecution is a docket act: done once per case
        ("今年以来，该院已对欠薪犯罪嫌疑人提起公诉6起。", "6起"),
        # a settlement a court confirms is a case file (a paper a procedure modifies)
        ("今年以来，县法院已对12宗人民调解协议进行司法确认。", "12宗"),
        ("截至目前，尚有8件涉薪案件正在审理中。", "8件"),
        # a confirmation procedure's files are cases, as 认定 (recognition) ones are
        ("工会律师协助外卖骑手申请职业伤害确认26件。", "26件"),
        # a clause after a semicolon goes on with the count before it
        ("今年以来，区仲裁院共受理劳动争议案件410件，同比下降6.2%；审结392件。", "392件"),
        # a manner adverb after 其中N件 opens the predicate; the part counts what the whole did
        ("该院共受理支持起诉申请64件，经审查对其中58件依法支持起诉。", "58件"),
    ],
)
def test_case_units_of_legal_acts_and_papers_count_cases(text: str, figure: str) -> None:
    assert figure_of(text, figure).type == "cases"


def test_a_measure_starts_after_a_cut_list_comma_or_conjunction() -> None:
    lex = figure_lexicon()
    assert _edges_tidied("、农民工代缴互助金", lex) == "农民工代缴互助金"
    assert _edges_tidied("或调解结案", lex) == "调解结案"
    assert _edges_tidied("“法律明白人", lex) == "法律明白人"  # a quotation cut off
    assert _edges_tidied("“法律明白人”培训", lex) == "“法律明白人”培训"
    assert _edges_tidied("、", lex) is None


def test_a_noun_before_the_manner_word_still_heads_a_phrase_that_ends_there() -> None:
    # 在线 before a noun is a modifier (在线课程), so the rule needs the verb after it
    assert figure_of("工会开发了12门在线课程。", "12门").measure in ("在线课程", "课程")


def test_qizhong_is_no_part_of_an_agency_name() -> None:
    # 其中 ('of which') opens a clause; the body after it is the clause's subject
    text = "每名学生资助标准为5000元，其中区总工会资助3000元。"
    art = Article(type=ArticleType.ARTICLE, headline="", paragraphs=[text])
    found = analyze_article(art, pub_date="2024-05-01")
    assert [e.text for e in found.entities if e.label == "AGENCY"] == ["区总工会"]


def test_buildings_are_counted_in_zhuang_as_in_dong() -> None:
    got = figure_of("今年以来，该区覆盖商务楼宇31幢。", "31幢")
    assert (got.type, got.value, got.measure) == ("count", 31, "商务楼宇")
    # 3幢2单元 is an address, as 3栋2单元 is
    assert not [f for f in figures_of("他家住3幢2单元。") if f.text == "3幢"]
