"""Round 14: agency credit on shapes the new writers of sets 21-26 printed.

Invented passages, annotated before the code changed, run end to end.
"""

from __future__ import annotations

from tests.fixtures.nlp_sentences import figure_of


def test_the_body_a_reporter_learned_from_is_credited_over_a_generic_collective() -> None:
    # 记者从X获悉 / 据X统计: X gave the figures, whichever of its collectives counted them;
    # sets 21, 22 and 25 (three writers) all credit so
    text = (
        "记者从江西省赣州市人社局获悉，今年1至10月，全市劳动保障监察机构共查处欠薪案件312件，"
        "为4600余名农民工追发工资5800万元。"
    )
    for figure in ("312件", "4600余名", "5800万元"):
        assert figure_of(text, figure).agency == "赣州市人力资源和社会保障局"
    text = "据江西省赣州市总工会统计，今年以来，全市各级工会共走访慰问困难职工2300户。"
    assert figure_of(text, "2300户").agency == "赣州市总工会"


def test_a_body_reporting_what_its_collective_did_credits_the_collective() -> None:
    # X通报，全市…机构共查处…: the report says what the collective did (no named body acted)
    text = "江西省赣州市人社局日前通报，全市劳动保障监察机构今年共查处欠薪案件312件。"
    assert figure_of(text, "312件").agency is None


def test_a_documents_later_findings_are_credited_as_its_first_findings() -> None:
    # 白皮书显示, then 白皮书同时显示: the white paper goes on reporting; its first findings
    # had a generic collective as subject (null), so the later ones are null too, not the
    # court that published it
    text = (
        "江苏省淮安市中级人民法院日前发布劳动争议审判白皮书。白皮书显示，去年全市两级法院共审结"
        "劳动争议案件1860件。\n该院还联合市总工会设立诉调对接工作室5个。"
        "白皮书同时显示，劳动者胜诉或部分胜诉的案件占比约65%。"
    )
    assert figure_of(text, "1860件").agency is None
    assert figure_of(text, "5个").agency == "淮安市中级人民法院"
    assert figure_of(text, "约65%").agency is None


def test_items_still_pending_are_their_own_subject() -> None:
    # 仍有N件X正在…: an existential count whose items have a predicate of their own
    text = (
        "记者从湖南省岳阳市君山区人民法院获悉，今年以来，区法院共执结涉薪案件56件。截至目前，仍有9件涉薪案件正在执行中，"
        "涉及金额约80万元。"
    )
    assert figure_of(text, "9件").agency is None
    assert figure_of(text, "约80万元").agency is None


def test_a_standard_as_its_own_subject_credits_nobody() -> None:
    # 标准为/上限为N: the amount itself is the subject (rules 43, 98, 99), unless a body is
    # the sentence's subject or an agreement fixed it
    text = "每名环卫工人的慰问标准为300元至500元不等。"
    assert figure_of(text, "300元至500元").agency is None
    text = "据介绍，宜昌市总工会推出的互助保障设有多个项目，住院医疗单次补助上限为6万元。"
    assert figure_of(text, "6万元").agency is None
    text = "今年，湖北省宜昌市总工会安排疗休养资金800万元，人均补助标准为1500元。"
    assert figure_of(text, "1500元").agency == "宜昌市总工会"
    text = "湖北省宜昌市纺织行业工会联合会与行业协会开展协商，合同约定，行业最低工资标准为2100元。"
    assert figure_of(text, "2100元").agency == "宜昌市纺织行业工会联合会"


def test_a_person_opening_the_sentence_after_a_time_frame_acts_himself() -> None:
    text = "今年6月，他参加了区总工会组织的免费体检，领到一份价值150元的慰问品。"
    assert figure_of(text, "150元").agency is None


def test_a_bare_court_word_with_no_court_named_is_no_other_bodys_doing() -> None:
    text = (
        "记者从湖南省岳阳市君山区人民检察院获悉，该院今年共受理支持起诉申请42件。"
        "目前，法院已判决或调解结案35件。"
    )
    assert figure_of(text, "35件").agency is None


def test_an_areas_items_linked_to_their_number_are_their_own_tally() -> None:
    # X结合起来，今年全市参赛企业达到N家: the area's items are the clause's subject (as 全市有
    # 产业工人约62万人 is, set 18); a running total of the body's own output (总数已达) is not
    text = "宜昌市总工会把“安康杯”竞赛与安全生产月活动结合起来，今年全市参赛企业达到412家。"
    assert figure_of(text, "412家").agency is None
    text = "湖北省宜昌市总工会今年新建职工书屋36家，全市职工书屋总数已达540家。"
    assert figure_of(text, "540家").agency == "宜昌市总工会"


def test_a_part_of_a_group_acting_itself_is_its_own_subject() -> None:
    # (a source reporting it in the same sentence, X通报，…, would still be credited)
    text = (
        "湖北省宜昌市夷陵区总工会今年把职代会建设作为重点工作。"
        "截至3月底，全区已建会企业中有318家建立了职代会制度。"
    )
    assert figure_of(text, "318家").agency is None


def test_figures_in_a_speakers_words_are_the_speakers_even_with_a_body_as_subject() -> None:
    # X表示，市总工会将…，今年已推动N家… and X介绍说，…，市总工会连续举办N场…: a person's
    # words credit nobody (sets 22, 28, 30; round 16: sets 35 to 56 read 介绍 so too)
    text = (
        "湖北省宜昌市总工会副主席李华表示，市总工会将把休假落实情况纳入协商内容，"
        "今年已推动86家企业增加年休假条款。"
    )
    assert figure_of(text, "86家").agency is None
    text = "湖北省宜昌市总工会权益保障部部长李华介绍说，3月以来，市总工会连续举办6场招聘会。"
    assert figure_of(text, "6场").agency is None
    # the body's own sentence after the speaker's is the body's
    text = "部长李华介绍了有关情况。3月以来，湖北省宜昌市总工会连续举办6场招聘会。"
    assert figure_of(text, "6场").agency == "宜昌市总工会"
