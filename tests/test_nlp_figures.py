"""Figure records: type, value, measure, credited agency and period (nlp.figures)."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.analyze import analyze_article
from baoku.nlp.records import FigureRecord, FigureType


def _figures(text: str, headline: str = "", pub: str | None = "2023-11-28") -> list[FigureRecord]:
    art = Article(type=ArticleType.ARTICLE, headline=headline, paragraphs=text.split("\n"))
    return analyze_article(art, pub_date=pub).figures


def test_fact_check_sentence() -> None:
    figs = _figures(
        "2021年，青岛西海岸新区总工会共办理法律援助案件1276件，为5893名职工挽回经济损失1850万余元，"
        "调解成功率达72.2%。"
    )
    got = [(f.type, f.text, f.value, f.qualifier, f.measure) for f in figs]
    assert got == [
        (FigureType.CASES, "1276件", 1276.0, "exact", "法律援助案件"),
        (FigureType.PEOPLE, "5893名", 5893.0, "exact", "职工"),
        (FigureType.MONEY, "1850万余元", 18500000.0, "over", "经济损失"),
        (FigureType.PERCENT, "72.2%", 72.2, "exact", "调解成功率"),
    ]
    assert {f.agency for f in figs} == {"青岛市西海岸新区总工会"}
    assert {(f.period_start, f.period_end) for f in figs} == {("2021-01-01", "2021-12-31")}


def test_count_that_is_not_cases() -> None:
    [f] = _figures("今年以来，该市为职工办实事好事300件。")
    assert f.type == FigureType.COUNT
    assert (f.period_start, f.period_end) == ("2023-01-01", "2023-11-28")


def test_offsets_and_paragraph() -> None:
    text = "第一段没有数字。\n截至今年9月，上海市奉贤区总工会帮助职工追回欠薪24万余元。"
    [f] = _figures(text)
    assert text[f.start : f.end] == "24万余元"
    assert f.paragraph == 1
    assert f.sentence.startswith("截至今年9月")
    assert (f.period_start, f.period_end) == (None, "2023-09-30")
    assert f.agency == "上海市奉贤区总工会"


def test_durations_and_dates_are_not_figures() -> None:
    assert _figures("在收到线索5日内，2023年11月，工作3年的职工。") == []


def test_range() -> None:
    [f] = _figures("每人可获500~600元补贴。")
    assert (f.value, f.value_max, f.qualifier) == (500.0, 600.0, "range")


def test_comparison_counts_what_the_clause_counted() -> None:
    figs = _figures(
        "今年上半年，全省各地受理劳动人事争议1.2万件，同比增加近800件，较去年提升6.5%。"
    )
    got = [(f.text, f.type, f.measure) for f in figs]
    assert got == [
        ("1.2万件", FigureType.CASES, "劳动人事争议"),
        ("近800件", FigureType.CASES, "劳动人事争议"),
        ("6.5%", FigureType.PERCENT, "劳动人事争议"),
    ]


def test_measure_stops_at_the_verb_after_the_noun() -> None:
    figs = _figures("杭州市总工会为120名环卫工人颁发慰问金，并组织36名蹲点干部赴企业走访。")
    assert [(f.text, f.measure) for f in figs] == [("120名", "环卫工人"), ("36名", "蹲点干部")]


def test_noun_linked_by_chao_is_the_measure() -> None:
    [f] = _figures("宁波市总工会举办的线上答题活动，参与职工超30万人次线上参加。")
    assert f.measure == "职工"  # 参与 is a lexicon verb, so the noun after it; never 线上


def test_change_verb_names_the_quantity_before_it() -> None:
    [f] = _figures("去年，该区欠薪投诉处理时限缩短，平均结案周期下降12%。")
    assert f.measure == "平均结案周期"


def test_credit_skips_a_body_named_as_a_place() -> None:
    [f] = _figures("据悉，服务站设在无锡市梁溪区人民法院，共接待来访职工300余人次。")
    assert f.agency is None


def test_credit_follows_a_pivot_verb() -> None:
    figs = _figures("苏州市总工会指导苏州市吴中区总工会成立职工服务驿站，共服务职工1500余人次。")
    assert figs[0].agency == "苏州市吴中区总工会"


def test_credit_from_an_agent_frame_after_the_figure() -> None:
    figs = _figures("新建20家职工驿站、改造50个服务站点……在南京市总工会的统筹下，各区同步推进。")
    assert {f.agency for f in figs} == {"南京市总工会"}


def test_generic_subject_gets_no_carried_credit() -> None:
    text = "合肥市总工会召开推进会。近年来，全市各级工会通过多种方式服务职工达5万余人。"
    [f] = _figures(text)
    assert f.agency is None


# --- round 3: mechanisms found on the dev articles (each rule, not each article) ---------


def test_habitual_frequency_is_no_figure() -> None:
    assert _figures("市民张先生说，他每周都要来上三四次课。") == []
    [f] = _figures("今年以来，该中心共开展培训三四十次。")
    assert f.value == 30 and f.qualifier == "range"


def test_voltage_rating_glued_to_a_name_is_no_figure() -> None:
    assert _figures("南方电网某供电局500千伏松桃巡维中心副站长周某介绍。") == []
    [f] = _figures("该集团为4600万亩耕地建立档案。")
    assert f.value == 46000000  # an area glued to a noun is an amount


def test_count_of_percentages_is_a_slogan() -> None:
    assert _figures("实现园区工会建会率、入会率两个百分百。") == []
    [f] = _figures("园区工会建会率达100%。")
    assert f.value == 100


def test_measure_keeps_single_characters_jieba_splits_off() -> None:
    [f] = _figures("福建工会共征集近500个工会网络正能量项目。")
    assert f.measure == "工会网络正能量项目"
    [f] = _figures("直播当天，点赞数达5.5万次。")
    assert f.measure == "点赞数"


def test_coordination_to_the_clause_end_is_one_measure() -> None:
    [f] = _figures("该区建设100个劳动领域政治安全和劳动关系监测点；")
    assert f.measure == "劳动领域政治安全和劳动关系监测点"
    figs = _figures("该所联合30家律师事务所、近百名律师开展服务。")
    assert [f.measure for f in figs] == ["律师事务所", "律师"]
    [f] = _figures("市总工会组织5893名职工和家属参加活动。")
    assert f.measure == "职工"  # the coordination is a subject of 参加, not the clause end


def test_administrative_level_is_not_part_of_the_measure() -> None:
    [f] = _figures("该区建设100个自治区级劳动关系监测点。")
    assert f.measure == "劳动关系监测点"


def test_change_verb_subject_keeps_its_inner_verb() -> None:
    [f] = _figures("今年以来，案件调处质量提升18%。")
    assert f.measure == "案件调处质量"


def test_verb_after_time_word_is_the_predicate() -> None:
    [f] = _figures("兰州市总工会每年发出要约3100多份。")
    assert f.measure == "要约"


def test_verbal_modifier_after_a_main_verb_stays() -> None:
    [f] = _figures("成都市总工会投入蹲点工作专项资金735万元。")
    assert f.measure == "蹲点工作专项资金"


def test_verbal_noun_before_counted_people_is_the_verb() -> None:
    [f] = _figures("聊城市总工会引导社会组织服务职工达3万余人。")
    assert f.measure == "职工"


def test_leftward_coordination_is_one_measure() -> None:
    [f] = _figures("该集团共命名劳模、工匠和高技能人才创新工作室107家。")
    assert f.measure in ("劳模、工匠和高技能人才创新工作室", "工匠和高技能人才创新工作室")


@given(st.integers(min_value=2, max_value=99999))
@settings(max_examples=25, deadline=None)
def test_frequency_under_每_is_never_a_figure(n: int) -> None:
    assert _figures(f"张先生每周都要来{n}次。") == []
    [f] = _figures(f"张先生今年共来了{n}次。")
    assert f.value == n


def test_body_referred_back_by_its_head_is_credited() -> None:
    text = "近日，河北省工会系统法律服务团成立。\n据了解，服务团成员包括仲裁员46人、执业律师257人。"
    figs = _figures(text)
    assert [f.agency for f in figs] == ["河北省工会系统法律服务团"] * 2


def test_anaphor_gai_credits_the_named_group() -> None:
    text = (
        "北大荒集团九三分公司工会打造了创新工作室。截至目前，该集团各级工会共命名创新工作室107家。"
    )
    [f] = _figures(text)
    assert f.agency == "北大荒集团"


def test_long_described_centre_does_not_block_credit_from_the_previous_sentence() -> None:
    text = (
        "青岛西海岸新区总工会持续完善维权体系。"
        "同时为职工挽回经济损失14万元，农民工欠薪案件联合速调中心全程参与。"
    )
    [f] = _figures(text, headline="青岛西海岸新区")
    assert f.agency == "青岛市西海岸新区总工会"


def test_verb_with_a_noun_suffix_is_one_noun() -> None:
    [f] = _figures("鄞州区总工会今年培训兼职调解员300多名。")
    assert f.measure == "兼职调解员"
    figs = _figures("郑州市总工会向200名困难农民工每人发放慰问金1000元。")
    assert [f.measure for f in figs] == ["困难农民工", "慰问金"]


def test_quoted_name_before_the_number_is_the_measure() -> None:
    [f] = _figures("宝安区总工会已在辖区建成“暖新驿站”156个。")
    assert f.measure == "暖新驿站"


def test_what_follows_de_is_what_the_amount_is_of() -> None:
    [f] = _figures("江岸区总工会为农民工送上了价值5万元的“暖心包”。")
    assert f.measure == "暖心包"
    [f] = _figures("省总要求各地将不少于70%的资金用于一线职工。")
    assert f.measure == "资金" and f.qualifier == "over"


def test_object_after_the_previous_figures_people_is_the_measure() -> None:
    figs = _figures("今年以来，市人社局为1.1万名劳动者追讨工资待遇1.56亿元。")
    assert [f.measure for f in figs] == ["劳动者", "工资待遇"]


def test_verb_opening_the_clause_is_the_predicate() -> None:
    [_, f] = _figures("执行干警查封房产2套，冻结银行账户17个。")
    assert f.measure == "银行账户"


def test_households_are_counts_not_people() -> None:
    [f] = _figures("市总工会走访慰问困难职工12.8万户。")
    assert f.type == FigureType.COUNT


def test_a_person_speaking_credits_nobody() -> None:
    text = "“现在一次就能办完。”区人社局劳动监察大队负责人说，今年该区拖欠工资投诉同比下降27%。"
    [f] = _figures(text, headline="宁波市鄞州区")
    assert f.agency is None and f.measure == "拖欠工资投诉"


def test_generic_collective_after_the_announcing_body_credits_nobody() -> None:
    text = "河南省郑州市人力资源和社会保障局通报，全市劳动保障监察机构共查处欠薪案件415件。"
    [f] = _figures(text)
    assert f.agency is None


def test_body_in_the_figures_own_phrase_is_credited() -> None:
    text = "工作室由区总工会选派的12名调解员和区法院派驻的3名法官轮流值班。"
    figs = _figures(text, headline="宁波市鄞州区")
    assert [f.agency for f in figs] == ["宁波市鄞州区总工会", "宁波市鄞州区人民法院"]


def test_body_opening_the_figures_clause_is_credited() -> None:
    text = "江岸区总工会为农民工送上慰问品，区总工会法律服务站现场解答法律咨询40余人次。"
    [f] = _figures(text, headline="武汉市江岸区")
    assert f.agency == "武汉市江岸区总工会法律服务站"


def test_verb_with_its_result_counts_cases() -> None:
    figs = _figures("工作室共受理劳动争议案件862件，调解成功719件。")
    # round 8: a verb and its result count the items of the figure before (the gold accepts
    # both readings here, and only the inherited one in 受理…调解申请1375件，调解成功1108件)
    assert [(f.measure, f.type) for f in figs][1] == ("劳动争议案件", FigureType.CASES)


def test_quantity_noun_keeps_its_verb() -> None:
    [f] = _figures("现场企业提供岗位，招聘人数7000多人。")
    assert f.measure == "招聘人数"


def test_generic_subject_before_a_body_credits_nobody() -> None:
    [f] = _figures("近3年来，四川工会紧扣四川省委发展战略，走访企业2.7万余家。")
    assert f.agency is None


def test_share_alone_is_the_measure_of_a_percentage() -> None:
    figs = _figures("白皮书显示，涉新就业形态劳动者的案件达412件，占比6%。")
    assert [f.measure for f in figs][1] == "占比"


def test_distributive_words_are_not_the_measure() -> None:
    [f] = _figures("困难职工子女助学金为每人每年3000~5000元。")
    assert f.measure == "困难职工子女助学金" and f.qualifier == "range"


def test_verb_alone_after_a_case_figure_counts_the_same_cases() -> None:
    figs = _figures("全市法院共受理一审劳动争议案件6843件，审结6512件，同比分别上升11.2%和9.7%。")
    assert [f.type for f in figs[:2]] == [FigureType.CASES, FigureType.CASES]
    assert {f.measure for f in figs} == {"一审劳动争议案件"}


def test_people_stop_before_a_money_noun() -> None:
    figs = _figures("某公司拖欠45名农民工工资共计62万元。")
    assert [f.measure for f in figs] == ["农民工", "工资"]


def test_mistagged_noun_after_a_classifier() -> None:
    [f] = _figures("江西省总工会表彰20名选手获评技术能手。")
    assert f.measure == "选手"


def test_all_courts_of_a_city_are_a_generic_subject() -> None:
    text = "合肥市中级人民法院发布白皮书。2023年，全市法院共受理劳动争议案件6843件。"
    [f] = _figures(text)
    assert f.agency is None


def test_company_union_referred_back_is_the_union() -> None:
    text = (
        "中国石化天津分公司工会推动集体协商。\n"
        "2023年，该公司共发放职工技能津贴1亿2000万元；公司工会还投入600余万元建设设施86处。\n"
        "据了解，该公司工会会员已达4600余人。"
    )
    figs = _figures(text)
    assert [f.agency for f in figs] == [
        "中国石化天津分公司",
        "中国石化天津分公司工会",
        "中国石化天津分公司工会",
        "中国石化天津分公司工会",
    ]


def test_purpose_verb_before_a_money_noun_names_the_fund() -> None:
    [f] = _figures("区总工会今年累计投入帮扶资金200万元。")
    assert f.measure == "帮扶资金"
    [f] = _figures("区总工会安排专项帮扶资金40万元。")
    assert f.measure == "专项帮扶资金"


def test_money_verb_is_not_part_of_the_money_it_moves() -> None:
    [f] = _figures("该局督促企业补缴养老保险费60万元。")
    assert f.measure == "养老保险费"


def test_case_words_tagged_as_verbs_modify_the_case_noun() -> None:
    [f] = _figures("该院今年共受理农民工欠薪投诉案件120件。")
    assert f.measure == "农民工欠薪投诉案件"
    [f] = _figures("劳动监察支队立案查处欠薪投诉案件35件。")
    assert f.measure == "欠薪投诉案件"


def test_one_character_verb_glued_to_its_object_is_split() -> None:
    figs = _figures("区总工会为86名农民工追发工资50万元。")
    assert [f.measure for f in figs] == ["农民工", "工资"]


def test_adverb_and_verb_alone_counts_the_previous_items() -> None:
    figs = _figures("区总工会已建成职工驿站30个，其中去年新建8个。")
    assert [f.measure for f in figs] == ["职工驿站", "职工驿站"]


def test_group_union_reference_is_the_union_with_a_legal_form_in_its_name() -> None:
    text = (
        "华北能源集团有限责任公司工会开展送温暖活动。\n"
        "据悉，该集团工会今年还将投入专项资金300万元。"
    )
    [f] = _figures(text)
    assert f.agency == "华北能源集团有限责任公司工会"


def test_numeral_word_ending_in_a_noun_is_part_of_the_measure() -> None:
    [f] = _figures("公司组织一线员工300人参加培训。")
    assert f.measure == "一线员工"


def test_wage_noun_before_counted_people_stays_in_the_measure() -> None:
    [f] = _figures("市总工会今年培训工资集体协商指导员500余人。")
    assert f.measure == "工资集体协商指导员"


def test_person_subject_takes_no_carried_credit() -> None:
    text = "王先生到市总工会求助。市总工会协调劳动监察部门介入。最终，王建国拿回工资2万元。"
    [f] = _figures(text)
    assert f.agency is None


def test_body_referred_back_by_a_demonstrative_owns_the_measure() -> None:
    [f] = _figures("华北能源集团有限责任公司工会推动建会入会。据了解，该公司职工会员已达5200余人。")
    assert f.measure == "职工会员"
    [f] = _figures("据统计，该公司一线员工年均工资增长6%。")
    assert f.measure == "一线员工年均工资"


def test_people_measure_stops_before_their_action() -> None:
    figs = _figures("竞赛共吸引全市200余家企业的1.5万名职工参赛。")
    assert [f.measure for f in figs] == ["企业", "职工"]


def test_one_character_verb_after_the_unit_is_no_modifier() -> None:
    figs = _figures("市总工会组织500名劳模分5批赴省内疗休养基地疗养。")
    assert figs[0].measure == "劳模"
    assert all(f.measure is None or "赴" not in f.measure for f in figs)


def test_verb_after_the_clause_subject_is_its_predicate() -> None:
    figs = _figures("职工提出合理化建议4500条，被采纳1200条。")
    assert [f.measure for f in figs] == ["合理化建议", "合理化建议"]  # 被采纳: the same items


def test_share_after_de_is_the_share() -> None:
    [f] = _figures("该公司职工中，本科以上学历的占比68%。")
    assert f.measure == "占比"


def test_new_built_filed_as_a_county_is_a_verb() -> None:
    figs = _figures("今年全市新建户外劳动者服务站150个。")
    assert figs[0].measure == "户外劳动者服务站"


def test_amounts_of_a_change_from_one_to_another_are_of_the_subject() -> None:
    figs = _figures("该市困难职工家庭人均收入由2019年的8000元提高到去年的1.2万元。")
    assert [f.measure for f in figs] == ["困难职工家庭人均收入"] * 2
    [f] = _figures("活动所需资金由区总工会发放慰问金500元。")
    assert f.measure == "慰问金"  # 由 + an agent is no change of amount


def test_break_through_links_the_number_to_its_subject() -> None:
    [f] = _figures("目前，全市新就业形态劳动者入会人数已突破5万人。")
    assert f.measure == "新就业形态劳动者入会人数"


def test_rate_name_is_widened_to_whole_words() -> None:
    [f] = _figures("全市建筑工地农民工实名制覆盖率达到98%。")
    # never half a word (工实名制覆盖率); since round 9 an owner the name cut (建筑工地|农民工…)
    # is dropped whole, leaving the rate word and its predicate
    assert f.measure in {"农民工实名制覆盖率", "覆盖率"}


def test_goods_before_their_value_are_the_measure() -> None:
    [f] = _figures("活动期间，工会志愿者为户外劳动者送去防暑降温物资价值30万元。")
    assert f.measure == "防暑降温物资"


def test_people_stop_before_what_they_obtained() -> None:
    figs = _figures("去年，全市共有1.3万名职工参加技能培训，2600人取得职业资格证书。")
    # not 职业资格证书; since round 7 a clause opening with its number counts the people of
    # the sentence's earlier people figure (the gold's rule for set 11)
    assert [f.measure for f in figs] == ["职工", "职工"]


def test_a_plan_for_later_months_keeps_its_period() -> None:
    # Announced in March for April–September: the future of that year, not cut at the page.
    [f] = _figures("4月～9月，该市将培训新就业形态劳动者不少于1000名。", pub="2021-03-04")
    assert (f.period_text, f.period_start, f.period_end) == ("4月～9月", "2021-04-01", "2021-09-30")
    [f] = _figures("明年，全市计划新建职工驿站248家。", pub="2024-09-18")
    assert (f.period_start, f.period_end) == ("2025-01-01", "2025-12-31")


def test_year_so_far_is_cut_at_the_page_date() -> None:
    [f] = _figures("今年，全市调解劳动争议案件800件。")
    assert (f.period_start, f.period_end) == ("2023-01-01", "2023-11-28")


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["", "2022年", "今年", "去年", "明年", "截至"]),
    st.integers(1, 12),
    st.sampled_from(["", "至次年", "至", "～今年", "至2023年"]),
    st.integers(1, 12),
    st.sampled_from(["", "以来"]),
    st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)),
)
def test_figure_periods_never_end_before_they_start(
    year: str, m1: int, join: str, m2: int, since: str, pub: date
) -> None:
    period = f"{year}{m1}月" + (f"{join}{m2}月" if join else "") + since
    for f in _figures(f"{period}，全市开展技能培训1000人次。", pub=pub.isoformat()):
        if f.period_start and f.period_end:
            assert f.period_start <= f.period_end, (period, pub, f)
