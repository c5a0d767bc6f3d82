"""Round 10 mechanisms (measure attachment, figure typing and number strings that are no
amounts), each on short invented sentences; none is taken from the gold sets.

``OWN`` and ``OWN_FIGURES`` are the round's own held-out check: news sentences in 工人日报
style, written and annotated by hand before the system ran on them (the first batch before
any code change, the second after the first fixes and before any run on it).
"""

import pytest

from baoku.nlp.quantities import find_quantities
from baoku.nlp.records import FigureType
from tests.fixtures.nlp_sentences import figures_of as _figures
from tests.fixtures.nlp_sentences import measure_of as _measure

# (sentence, figure, accepted measures); annotated before the first run.
OWN = [
    ("今年，全市实施职工疗休养项目35个。", "35个", {"职工疗休养项目", "疗休养项目", "项目"}),
    ("“农民丰收节”期间，市集带动农产品销售超过800万元。", "超过800万元", {"农产品销售", "销售"}),
    ("截至6月底，区人社局共线上审核稳岗补贴申请2100件。", "2100件",
     {"稳岗补贴申请", "补贴申请", "申请"}),
    ("该平台今年同步线上签约家政服务员3400名。", "3400名", {"家政服务员", "服务员"}),
    ("改革后，办事指南将办理环节由8个压缩为3个。", "8个", {"办理环节", "环节"}),
    ("改革后，办事指南将办理环节由8个压缩为3个。", "3个", {"办理环节", "环节"}),
    ("培训经费由企业承担，每期投入约5万元。", "约5万元", {"培训经费", "经费"}),
    ("慰问资金由区总工会统一拨付，每户发放1000元。", "1000元", {"慰问资金", "资金"}),
    ("今年共推荐就业的农民工860人，其中210人月收入超过5000元。", "210人", {"农民工"}),
    ("区总工会为320名参加技能比武的一线职工发放奖金。", "320名", {"一线职工", "职工"}),
    ("市人社局已为1500名签订劳动合同的外卖骑手办理工伤保险。", "1500名", {"外卖骑手", "骑手"}),
    ("参保人数和缴费金额同比分别增长18%和25%。", "18%", {"参保人数", "人数"}),
    ("参保人数和缴费金额同比分别增长18%和25%。", "25%", {"缴费金额", "金额"}),
    ("省总工会在全省40个技能培训基地开设周末课堂。", "40个", {"技能培训基地", "培训基地"}),
    ("今年，区总工会已举办电工培训班26期。", "26期", {"电工培训班", "培训班"}),
    ("在全市9个县（区）人社部门设立服务专窗。", "9个", {"县（区）人社部门", "人社部门"}),
    ("仲裁院今年办结案件300件，其中通过调解结案的占六成。", "六成",
     {"通过调解结案的", "调解结案的"}),
    ("今年以来，区总工会共走访慰问环卫工人1200人次。", "1200人次", {"环卫工人"}),
    ("市总工会今年为困难职工子女发放助学金86万元。", "86万元", {"助学金"}),
    ("全县共建成职工书屋65家，其中省级示范书屋12家。", "12家", {"省级示范书屋", "示范书屋"}),
    ("园区工会联合会今年新发展会员2400人。", "2400人", {"会员"}),
    # second batch, written after the first fixes, annotated before any run on it
    ("今年以来，县法院共线上调解劳资纠纷130件，现场开庭45件。", "45件", {"劳资纠纷"}),
    ("区仲裁院同期网上受理工伤争议案件62件。", "62件", {"工伤争议案件", "争议案件", "案件"}),
    ("直播带货活动带动农副产品销售逾300万元。", "逾300万元", {"农副产品销售", "销售"}),
    ("今年，全县实施农民工技能提升工程12项。", "12项",
     {"农民工技能提升工程", "技能提升工程", "工程"}),
    ("审批事项由15项精简为6项。", "15项", {"审批事项", "事项"}),
    ("审批事项由15项精简为6项。", "6项", {"审批事项", "事项"}),
    ("帮扶资金由市总工会统筹安排，每户补助约3000元。", "约3000元", {"补助", "帮扶资金", "资金"}),
    ("联谊活动的经费由企业工会承担，每次投入约8000元。", "约8000元", {"经费"}),
    ("入会人数和会费收入同比分别增长12%和9%。", "12%", {"入会人数", "人数"}),
    ("入会人数和会费收入同比分别增长12%和9%。", "9%", {"会费收入", "收入"}),
    ("街道工会在辖区8个社区服务中心开设职工课堂。", "8个", {"社区服务中心", "服务中心"}),
    ("去年共举办家政培训班32期。", "32期", {"家政培训班", "培训班"}),
    ("工会为参训学员推荐岗位180个，其中150人已签约上岗。", "150人", {"参训学员", "学员"}),
    ("在全省11个市（州）工会设立服务窗口。", "11个", {"市（州）工会", "工会"}),
    ("调解成功的案件中，当场履行的占八成。", "八成", {"当场履行的", "当场履行"}),
    ("市总工会为260名完成岗前培训的新入职员工颁发证书。", "260名", {"新入职员工", "员工"}),
]  # fmt: skip

# Still wrong at the end of round 10 (strict: they must fail until a rule fixes them).
OWN_OPEN = [
    # 街道 is a level word before the noun (the street's windows); the owner-or-level
    # reading of a bare level noun opening a subject is not decided by any rule
    ("今年，街道便民服务窗口由4个扩充到10个。", "10个", {"便民服务窗口", "服务窗口", "窗口"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "figure", "accepted"), OWN)
def test_own_heldout_sentences(text: str, figure: str, accepted: set[str]) -> None:
    assert _measure(text, figure) in accepted


@pytest.mark.xfail(strict=True, reason="open at the end of round 10 (see OWN_OPEN)")
@pytest.mark.parametrize(("text", "figure", "accepted"), OWN_OPEN)
def test_own_heldout_sentences_still_open(text: str, figure: str, accepted: set[str]) -> None:
    assert _measure(text, figure) in accepted


# (sentence, its figures and their types); a quoted numbered term and a lone Chinese zero in a
# word are no figures; docket acts counted by 件/宗 are cases.
OWN_FIGURES = [
    ("去年，该区仲裁院网上开庭45宗。", {"45宗": "cases"}),
    ("对拒不支付的，区人社局向法院申请强制执行12件。", {"12件": "cases"}),
    ("企业为女职工落实“三期”保护。", {}),
    ("汽车零部件企业的300名职工参加了比赛。", {"300名": "people"}),
    ("这家零售企业有职工300名。", {"300名": "people"}),
    ("车间每天生产零件3000个。", {"3000个": "count"}),
    ("工会推动企业落实“五险一金”。", {}),
    ("他所在的班组连续三年实现“零事故”。", {}),
    # second batch
    ("区人社局向法院申请强制执行欠薪案件9件。", {"9件": "cases"}),
    ("去年，市中院网上开庭审理案件1200余件。", {"1200余件": "cases"}),
    ("工会为女职工落实“三期”“四期”保护。", {}),
    ("这家零部件企业有职工860人。", {"860人": "people"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "figures"), OWN_FIGURES)
def test_own_heldout_figures(text: str, figures: dict[str, str]) -> None:
    assert {f.text: f.type.value for f in _figures(text)} == figures


# --- mechanism tests on further invented sentences -------------------------------------


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a lone Chinese zero is a word's morpheme, never an amount (zero is printed 0)
        ("园区有汽车零部件企业36家。", ["36家"]),
        ("零星工程也要签订合同。", []),
        # a numbered term quoted whole is a name
        ("女职工“四期”保护写入合同。", []),
        # a quote holding more than the figure keeps its figures
        ("构建“1个中心、3个服务站”网络。", ["1个", "3个"]),
        # zero printed as a digit is still read where a unit follows
        ("截至目前，欠薪投诉0件。", ["0件"]),
    ],
)
def test_numbers_that_are_no_amounts(text: str, figures: list[str]) -> None:
    assert [q.text for q in find_quantities(text)] == figures


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # acts of a court's or tribunal's docket are done once per case
        ("区法院今年网上立案300件。", "300件"),
        ("该院今年强制执行180件。", "180件"),
        ("仲裁庭线上庭审95宗。", "95宗"),
    ],
)
def test_docket_acts_count_cases(text: str, figure: str) -> None:
    [f] = [f for f in _figures(text) if f.text == figure]
    assert f.type is FigureType.CASES


def test_a_docket_act_alone_continues_the_earlier_cases_across_case_units() -> None:
    text = "仲裁院受理劳动争议案件520件，网上开庭210宗。"
    assert [f.measure for f in _figures(text)] == ["劳动争议案件", "劳动争议案件"]


def test_docket_acts_and_lexicon_verbs_alone_continue_the_cases() -> None:
    text = "法院今年受理劳动争议案件1200件，开庭审理860件。"
    assert [f.measure for f in _figures(text)] == ["劳动争议案件", "劳动争议案件"]


def test_a_predicate_with_only_time_words_and_adverbs_names_nothing() -> None:
    text = "全市开设爱心托管班120个，其中今年新开设30个。"
    assert _measure(text, "30个") == "爱心托管班"


def test_a_person_noun_heading_the_de_phrase_is_counted() -> None:
    assert _measure("工会为860名在一线坚守的医护人员送去慰问品。", "860名") == "医护人员"
    # a head that is no person leaves the count alone (the number is the clause's subject)
    assert _measure("共有120人参加的培训班今天结业。", "120人") is None


def test_a_field_work_verb_opening_a_clause_is_its_predicate() -> None:
    assert _measure("人社局开展执法检查，检查用人单位230户。", "230户") == "用人单位"


def test_a_verb_and_its_object_after_people_is_their_action() -> None:
    text = "全区已有快递员、外卖骑手等新就业形态劳动者9000人加入工会。"
    assert _measure(text, "9000人") == "新就业形态劳动者"
    # a verb before a person noun is its modifier (退休|职工)
    assert _measure("市总工会组织60名退休职工疗休养。", "60名") == "退休职工"


def test_a_pronoun_names_no_fund() -> None:
    # before a money noun a verb names the fund (投入|帮扶|资金); 其中 is no verb
    text = "企业职工平均工资为8.6万元，其中一线职工平均工资为6.9万元。"
    assert _measure(text, "6.9万元") == "一线职工平均工资"


def test_a_verb_after_a_distributive_in_a_linked_subject_is_a_modifier() -> None:
    assert _measure("项目每人每年资助标准为3000元。", "3000元") == "资助标准"
    # not linked: after the distributive the verb is the grant (每人|资助|5000元)
    assert _measure("工会为每人资助5000元。", "5000元") == "资助"


def test_income_is_a_money_noun() -> None:
    assert _measure("去年，全市工会经费收入12亿元。", "12亿元") == "工会经费收入"


def test_a_docket_act_modifies_no_noun() -> None:
    # unlike case words (欠薪|投诉|案件), 执行 after the counted noun is its predicate
    assert _measure("全市有120家企业执行最低工资标准。", "120家") == "企业"


def test_a_nominal_case_verb_keeps_its_own_name() -> None:
    # 结案 names what is counted (a nominal verb), it does not take the earlier cases
    assert _measure("中心接收调解案件80件，已结案66件。", "66件") == "结案"


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # adverbials of channel and time stand before the predicate
        ("县仲裁委今年共网上受理仲裁申请410件。", "410件", "仲裁申请"),
        ("市中院同期线上审结劳动争议案件230件。", "230件", "劳动争议案件"),
        # causative verbs end the measure even in a subject linked to its number
        ("消费季活动拉动职工消费超过2亿元。", "超过2亿元", "职工消费"),
        # time words belong to the clause's subject zone before the predicate
        ("今年全省实施工伤预防项目40个。", "40个", "工伤预防项目"),
        # 由 + amount + any verb with a resultative 为/到 is a change of the subject's amount
        ("办理时限由20天缩短为7天，申报材料由9份精简为4份。", "9份", "申报材料"),
        ("办理时限由20天缩短为7天，申报材料由9份精简为4份。", "4份", "申报材料"),
        # a relative clause with its own object before 的 lacks its subject: the head
        ("区总工会为150名取得高级工证书的职工发放奖励。", "150名", "职工"),
        # a verb with no object before 的: the number is its subject, the clause no modifier
        ("由36名律师组成的服务团成立。", "36名", "律师"),
        # a verb before a facility or class noun names its activity
        ("省总工会在12个职工培训基地开设课程。", "12个", "职工培训基地"),
        ("今年已举办培训班48期。", "48期", "培训班"),
        ("职工分赴省内8个疗休养基地。", "8个", "疗休养基地"),
        # a classifier of persons is followed by its person noun (jieba files 选手 as a verb)
        ("技能大赛吸引了来自60家企业的600余名选手参赛。", "600余名", "选手"),
        # divisions of one level in brackets are one level name
        ("在全省13个市（州）总工会设立服务站。", "13个", "市（州）总工会"),
        ("全市17个乡镇（街道）总工会建立法律服务站。", "17个", "乡镇（街道）总工会"),
    ],
)
def test_round10_measures(text: str, figure: str, measure: str) -> None:
    assert _measure(text, figure) == measure


def test_a_money_verb_alone_takes_the_sentence_money() -> None:
    text = "慰问经费由县总工会承担，每户发放800元。"
    assert _measure(text, "800元") in {"慰问经费", "经费"}
    # a grant word alone names the grant (每人资助5000元)
    assert _measure("区总工会今年为困难职工子女每人资助5000元。", "5000元") == "资助"


def test_a_money_noun_counts_no_people() -> None:
    text = "工会为返乡农民工推荐岗位300个，帮助其中120人月薪提高500元。"
    assert _measure(text, "120人") in {"返乡农民工", "农民工"}


def test_respectively_after_a_comparison_with_coordinated_subjects() -> None:
    text = "会员人数和会费金额同比分别增长8%和11%。"
    assert [f.measure for f in _figures(text)] == ["会员人数", "会费金额"]


def test_a_headless_de_phrase_before_zhan_is_the_part() -> None:
    assert _measure("受理的案件中，涉及农民工的占四成。", "四成") == "涉及农民工的"
