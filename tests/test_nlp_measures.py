"""Measure and credit mechanisms of round 5 (nlp.figures): structural rules, each on short
invented sentences (none is taken from the gold sets)."""

import pytest

from baoku.nlp.measure_words import figure_lexicon, word_tags
from baoku.nlp.records import FigureType
from tests.fixtures.nlp_sentences import figures_of as _figures
from tests.fixtures.nlp_sentences import measure_of as _measure


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # after an adverb the verb is the predicate, even where jieba files it as vn or n
        ("全市共排查职业危害隐患2100余处。", "2100余处", "职业危害隐患"),
        ("律师团共代理劳动争议案件310件。", "310件", "劳动争议案件"),
        ("该区还约谈欠薪企业负责人47人。", "47人", "欠薪企业负责人"),
        # the predicate takes every word up to the number, whatever their tags
        ("全县共举办农民工技能培训班85期。", "85期", "农民工技能培训班"),
        ("全市共查处违法用工行为1200起。", "1200起", "违法用工行为"),
        ("劳模工作室年均开展技术攻关30余项。", "30余项", "技术攻关"),
        ("中心已调处劳资纠纷460余起。", "460余起", "劳资纠纷"),
        ("全市共签订女职工权益保护专项集体合同2800份。", "2800份", "女职工权益保护专项集体合同"),
        # a verb compound filed as a noun is a predicate too
        ("区人社局立案查处拖欠工资案件64件。", "64件", "拖欠工资案件"),
        # serial predicates: the object follows the last verb; not before a fund's name
        ("区总工会组织开展安全生产月活动26场次。", "26场次", "安全生产月活动"),
        ("累计投入帮扶资金2860万元。", "2860万元", "帮扶资金"),
        ("检查组发现并督促整改事故隐患340项。", "340项", "事故隐患"),
        # a verb opening the clause is its predicate
        ("该活动发放消费券800万元，拉动消费近5000万元。", "近5000万元", "消费"),
        # a prepositional phrase is adverbial: what the number counts follows its object
        ("法律援助中心通过诉讼方式结案320件。", "320件", "结案"),
        # an enumeration's 等 and a 的-modifier: the head after them is counted
        ("驿站为货车司机提供热水、休息等服务300余人次。", "300余人次", "服务"),
        # jieba's longest match took a verb too far: 获奖|金 is 获|奖金
        ("决赛选手共获得奖金52万元，人均获奖金约3000元。", "约3000元", "奖金"),
        # a phrase linked to the number (达, 为, 超过) is the subject and keeps its verbs
        ("人均补助标准为2000元。", "2000元", "人均补助标准"),
        ("全市女职工组织已达4300个。", "4300个", "女职工组织"),
        ("工会志愿者服务队已发展到46支。", "46支", "工会志愿者服务队"),
        ("平台上线半年来，注册用户已超过15万人。", "超过15万人", "注册用户"),
        # a new clause is not the previous figure's phrase (新增会员…，会员总数…)
        ("全区新增会员8600人，会员总数达到12.4万人。", "12.4万人", "会员总数"),
        # existential verbs are predicates (现有), negation ends a phrase after the unit
        ("全市现有在册困难职工2480户。", "2480户", "在册困难职工"),
        ("检查发现，有17家企业未按规定缴纳工会经费。", "17家", "企业"),
        # a verbal noun between nouns stays inside the phrase
        ("市总工会组织劳动保护监督检查员1200余名。", "1200余名", "劳动保护监督检查员"),
        # 青年 is people, not a time word
        ("活动吸引了2000多名青年职工参加。", "2000多名", "青年职工"),
        # proportion words (增幅, 比例) name percentages; the place in front is dropped and
        # 一线 (read as a numeral by the tagger) kept by the learned edges (nlp.measure_edges)
        ("全市一线职工平均工资增幅为5.6%。", "5.6%", "一线职工平均工资增幅"),
        ("其中女性会员占比27%。", "27%", "女性会员占比"),
        # after 价值 or a spread (不等) the noun after 的 is what the amount is of
        ("工会为会员赠送价值100元的意外伤害保险。", "100元", "意外伤害保险"),
        ("每人获得3000元至5000元不等的资助。", "3000元至5000元", "资助"),
        # a comparison between a subject and its change verb is skipped
        ("工会经费收入较上年增长8.2%。", "8.2%", "工会经费收入"),
        # a change verb opening the money noun changes it; it is no part of it
        ("取得中级工、高级工证书的匠人每月分别增加技能津贴300元和600元。", "300元", "技能津贴"),
        # the head closing a list with 等 (等岗位, 等行业) belongs to the list, not the people
        ("全区冷库作业、分拣、装卸等岗位一线职工4200余名。", "4200余名", "一线职工"),
        ("发展网约车、外卖、快递等行业工会联合会17个。", "17个", "行业工会联合会"),
        # who is paid and how often (每人每天) say what it is per, not what it is
        ("防火期内专业扑火队员每人每天补贴不低于50元。", "不低于50元", "补贴"),
        # a comparison's difference (较…高出) is of the subject compared
        ("持证护理员月均收入较未持证人员高出600元至900元。", "600元至900元", "持证护理员月均收入"),
        # a standard reset (调整为) is measured by its subject, 最低/最高 included
        ("该市将最低月工资标准调整为2480元。", "2480元", "最低月工资标准"),
        ("该市将失业保险金标准调整至1900元。", "1900元", "失业保险金标准"),
        ("医疗互助最高补助标准提高到5万元。", "5万元", "医疗互助最高补助标准"),
        # a sentence opening with 其中 draws from the last figure of its kind before the ；
        ("该院受理劳动争议案件412件，标的额1.8亿元；其中去年受理186件。", "186件", "劳动争议案件"),
        # a pronoun of a double object, a time word, a guess and a modal are no part of it
        ("养老院一次性支付她加班费和夜班补贴共计1.86万元。", "1.86万元", "加班费和夜班补贴"),
        ("“现在工资每月按时打到卡上，今年还涨了300多元。”", "300多元", "工资"),
        ("按照新合同，明年她的年收入预计能增加8000多元。", "8000多元", "年收入"),
        ("协议约定，研发岗位试用期工资应为转正工资的80%以上。", "80%以上", "研发岗位试用期工资"),
        # money got back: 拿回 is one verb (the dictionary cuts 拿|回加|班费)
        ("他在律师帮助下申请仲裁，最终拿回加班费4.6万元。", "4.6万元", "加班费"),
        # a per-word after the subject says per what; inside a statistic's name it stays
        ("通过集体协商，企业职工年终奖人均增加2000元。", "2000元", "企业职工年终奖"),
        ("劳动模范疗养费用标准由每人3000元提高到4500元。", "3000元", "劳动模范疗养费用标准"),
        ("最低工资标准上调至每月2200元。", "2200元", "最低工资标准"),
    ],
)
def test_measure_mechanisms(text: str, figure: str, measure: str) -> None:
    assert _measure(text, figure) == measure


def test_a_verb_alone_before_the_number_counts_the_previous_items() -> None:
    figs = _figures("市人社局共检查用人单位4300户，责令整改156户。")
    assert [f.measure for f in figs] == ["用人单位", "用人单位"]


def test_a_bare_you_is_an_agent_not_a_change() -> None:
    # 由56名仲裁员组成: no change follows, so the number counts what follows the unit
    assert _measure("仲裁院建立了由56名兼职仲裁员组成的调解队伍。", "56名") == "兼职仲裁员"


def test_jian_ci_is_a_case_unit() -> None:
    [f, _] = _figures("职工服务中心全年受理咨询投诉2.6万件次，按时办结率99%。")
    assert (f.text, f.type, f.measure) == ("2.6万件次", FigureType.CASES, "咨询投诉")


def test_segmentation_repair_only_for_a_dictionary_noun() -> None:
    lex = figure_lexicon()
    assert ("奖金", "n") in word_tags("人均获奖金", lex)
    assert ("慰问金", "n") in word_tags("发放慰问金", lex)  # 问金 is no word: the suffix rule


def test_a_connective_carries_credit_into_a_new_paragraph() -> None:
    figs = _figures(
        "广东省东莞市劳动人事争议仲裁院今年共受理劳动争议案件9865件。\n"
        "其中，通过调解结案5710件；涉案金额共计4.3亿元。\n"
        "全市参保职工人数也有所增加，新增参保职工1.2万人。"
    )
    credit = {f.text: f.agency for f in figs}
    assert credit["5710件"] == "东莞市劳动人事争议仲裁院"
    assert credit["4.3亿元"] == "东莞市劳动人事争议仲裁院"  # passed on after 其中，…；
    assert credit["1.2万人"] is None  # a new paragraph without a connective starts afresh


def test_counted_people_as_subject_carry_no_body() -> None:
    figs = _figures("大赛由江苏省总工会主办。决赛获奖选手共获奖金86万元。")
    assert [f.agency for f in figs] == [None]


def test_respectively_maps_changes_onto_earlier_figures() -> None:
    figs = _figures("年均借阅量达45万人次，人均借阅图书6.2本，分别比上年增长12%和8%。")
    got = {f.text: f.measure for f in figs}
    assert got["12%"] == got["45万人次"] == "年均借阅量"
    assert got["8%"] == got["6.2本"] == "图书"  # 册/本 count books


def test_relative_clause_after_the_unit() -> None:
    text = "全市共对1.5万名接触粉尘的劳动者开展职业健康检查。"
    assert _measure(text, "1.5万名") == "劳动者"
    # a clause with a lexicon or after-verb is no relative modifier of the head
    assert _measure("拨付资金14万元用于奖励成绩突出的服务站。", "14万元") == "资金"
    assert _measure("由56名兼职仲裁员组成的调解队伍。", "56名") == "兼职仲裁员"


def test_a_set_frame_names_what_is_counted() -> None:
    assert _measure("入会司机中，来自外省的有1860人。", "1860人") == "入会司机"


def test_a_word_ending_the_clause_after_the_unit_is_the_noun() -> None:
    assert _measure("对优秀工作室给予每家20万元资助。", "20万元") == "资助"
    assert _measure("请专家进行3场线上就业指导和帮扶。", "3场") == "线上就业指导"


def test_existential_verbs_link_a_subject() -> None:
    assert _measure("单笔支出较大的项目共有36个。", "36个") == "项目"


def test_nominal_suffix_filed_as_a_verb() -> None:
    text = "企业为职工缴纳补充医疗保险费共计850万元。"
    assert _measure(text, "850万元") == "补充医疗保险费"


def test_a_generic_collective_is_a_noun_phrase_not_a_clause() -> None:
    figs = _figures("记者从安徽省阜阳市人力资源和社会保障局获悉，全市已检查用人单位2860户。")
    assert [f.agency for f in figs] == ["阜阳市人力资源和社会保障局"]
    figs = _figures("郑州市人力资源和社会保障局通报，全市劳动保障监察机构共立案查处欠薪案件415件。")
    assert [f.agency for f in figs] == [None]  # the collective acted


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # round 6: a scope word is a preposition's object; the verb after it is the predicate
        ("市总工会今年在全市建成户外劳动者暖心驿站95家。", "95家", "户外劳动者暖心驿站"),
        ("学校已在各县建立实训基地12个。", "12个", "实训基地"),
        # a share with no linking verb: the part named before 占
        ("参训职工中，一线职工占71%。", "71%", "一线职工"),
        ("该市女性会员人数约占全市会员总数的38%。", "38%", "女性会员人数"),
        # an amount in a band after 在 is a band of the noun before 在
        ("经查，单次采购在2万元以上的合同共有14份。", "2万元以上", "单次采购"),
        ("日工资在200元以下的临时工比例明显下降。", "200元以下", "日工资"),
        # after a distributive (每人, 每个+noun) the next word is the predicate
        ("工会对困难职工每人发放取暖补贴800元。", "800元", "取暖补贴"),
        ("每个站点配备兼职调解员3名。", "3名", "兼职调解员"),
        ("区总工会对新建职工之家每家给予2000元至5000元的建设经费。", "2000元至5000元", "建设经费"),
        # a pivot verb takes a verb after it: the object follows that verb
        ("检查组督促整改安全隐患64处。", "64处", "安全隐患"),
        ("律师团帮助追回欠薪180万元。", "180万元", "欠薪"),
    ],
)
def test_measure_mechanisms_round6(text: str, figure: str, measure: str) -> None:
    assert _measure(text, figure) == measure


def test_a_window_cut_by_the_limit_does_not_read_as_linked() -> None:
    # the clause is longer than the window: the word it cut is no linking word
    text = "江西省南昌市青山湖区总工会还对在岗的困难职工每人补助医疗费用600元。"
    assert _measure(text, "600元") == "医疗费用"


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # a verbal noun last makes a noun compound, not a predicate (工程|建设 → …领域案件)
        ("其中，工程建设领域案件58件。", "58件", "工程建设领域案件"),
        # after the unit a "verb" followed by an adverb is the counted noun (提案|已|办结)
        ("职代会收到的218件提案已全部办结。", "218件", "提案"),
        # a localizer opening a rate name belongs to the phrase before (规模|以上|企业…率)
        ("全县规模以上企业工会组建率达92%。", "92%", "企业工会组建率"),
    ],
)
def test_measure_mechanisms_round6_words(text: str, figure: str, measure: str) -> None:
    assert _measure(text, figure) == measure


def test_a_proposal_is_no_case() -> None:
    [f] = [f for f in _figures("职代会收到的218件提案已全部办结。") if f.text == "218件"]
    assert f.type == FigureType.COUNT  # 提案 ends a word in 案: a document, not a case
    [g] = _figures("法院受理欠薪案32件。")
    assert g.type == FigureType.CASES


def test_a_value_alone_is_of_the_goods_just_counted() -> None:
    figs = _figures("区总工会向环卫工人发放防寒服装1200套，价值约36万元。")
    assert [f.measure for f in figs] == ["防寒服装", "防寒服装"]


def test_a_clause_of_a_total_counts_what_the_clause_before_named() -> None:
    text = "全区重点企业已全部建立职工健康档案，共计860份。"
    assert _measure(text, "860份") == "职工健康档案"  # 已|全部|建立: 全部 is adverbial too


def test_a_run_of_single_characters_is_one_unknown_word() -> None:
    lex = figure_lexicon()
    assert ("网约车", "n") in word_tags("网约车司机", lex)
    assert ("点赞数", "n") in word_tags("点赞数达", lex)  # a linking verb ends the run
    assert ("的", "uj") in word_tags("为每人发的", lex)  # function characters stay apart
    assert _measure("全市现有网约车司机约1.8万人。", "约1.8万人") == "网约车司机"


def test_people_are_counted_by_a_person_noun() -> None:
    text = "援助站为86名外卖骑手代理维权案件。"
    assert _measure(text, "86名") == "外卖骑手"
    assert _measure("为300名职工代表发放慰问品。", "300名") == "职工代表"


def test_a_one_character_lexicon_verb_between_nouns_is_the_predicate() -> None:
    assert _measure("目前，服务站有专职社工6名。", "6名") == "专职社工"


def test_a_clause_of_a_per_word_alone_counts_the_previous_object() -> None:
    text = "区总工会为480名困难职工发放慰问金，人均800元。"
    assert _measure(text, "800元") == "慰问金"


def test_a_value_alone_after_goods_named_in_the_clause_before() -> None:
    text = "区总工会为1.2万名环卫工人送去防暑降温物品，总价值约36万元。"
    assert _measure(text, "约36万元") == "防暑降温物品"


def test_a_place_in_front_of_a_subject_says_where() -> None:
    assert _measure("深圳市户外劳动者总数约80万人。", "约80万人") == "户外劳动者总数"


def test_an_object_put_up_front_is_what_the_verb_counts() -> None:
    text = "对走访中收集的诉求，工会已协调解决86件。"
    assert _measure(text, "86件") == "诉求"


def test_qi_zhong_with_no_noun_counts_a_part_of_the_previous_items() -> None:
    text = "全年培训电焊工2400人次，其中取得高级证书的有600人。"
    assert _measure(text, "600人") == "电焊工"


def test_listed_amounts_share_the_noun_after_the_last() -> None:
    figs = _figures("市总工会分别给予每人1万元、3000元奖励。")
    assert [f.measure for f in figs] == ["奖励", "奖励"]
    # items with nouns of their own keep them
    figs = _figures("全市评出“金牌工人”20名、“技术标兵”80名。")
    assert [f.measure for f in figs] == ["金牌工人", "技术标兵"]


def test_an_approximation_before_zhan_qualifies_the_share() -> None:
    [f] = _figures("该市女性会员人数约占会员总数的38%。")
    assert (f.measure, f.qualifier, f.value) == ("女性会员人数", "approx", 38.0)
