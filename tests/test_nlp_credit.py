"""Agency credit across sentences and paragraphs (round 6, nlp.figures + nlp.cohesion), each
mechanism on short invented sentences (none is taken from the gold sets)."""

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.analyze import analyze_article
from baoku.nlp.cohesion import opening, takes_up


def _credit(text: str) -> dict[str, str | None]:
    art = Article(type=ArticleType.ARTICLE, headline="", paragraphs=text.split("\n"))
    return {f.text: f.agency for f in analyze_article(art, pub_date="2024-05-01").figures}


def test_a_paragraph_taking_up_the_previous_ones_activity_keeps_its_body() -> None:
    got = _credit(
        "浙江省温州市总工会今年在各镇街建成职工读书角80个。\n"
        "读书角开放半年来，共接待职工阅读2.1万人次。"
    )
    assert got["2.1万人次"] == "温州市总工会"


def test_a_verb_filed_opening_still_ties_by_its_pieces() -> None:
    # jieba files 帮扶 as a verb; the opening is compared by two-character pieces
    got = _credit("湖南省岳阳市总工会启动困难职工精准帮扶行动。\n帮扶小组累计走访困难职工860户。")
    assert got["860户"] == "岳阳市总工会"


def test_a_time_frame_before_the_subject_is_skipped() -> None:
    got = _credit(
        "山东省潍坊市总工会开展职工互助保险活动，参保职工12万人。\n"
        "截至6月底，互助保险累计赔付380万元。"
    )
    assert got["380万元"] == "潍坊市总工会"


def test_a_paragraph_with_a_subject_of_its_own_starts_afresh() -> None:
    got = _credit(
        "江西省九江市总工会举办职工篮球联赛，参赛队伍48支。\n"
        "九江市民营企业数量已达3.2万家。\n"
        "今年全市新增就业岗位1.5万个。"
    )
    assert got["48支"] == "九江市总工会"
    assert got["3.2万家"] is None  # a place as subject: the area's statistic
    assert got["1.5万个"] is None  # nothing taken up from the paragraph before


def test_an_area_subject_is_not_credited_even_after_a_connective() -> None:
    got = _credit("广西南宁市总工会建成职工之家200个。\n据了解，南宁市现有产业工人约90万人。")
    assert got["约90万人"] is None


def test_a_place_before_a_determiner_is_one_item_not_an_area() -> None:
    got = _credit("甘肃省兰州市总工会打造“职工驿家”。\n据悉，兰州市首个“职工驿家”投入资金6万元。")
    assert got["6万元"] == "兰州市总工会"


def test_the_means_of_the_clause_ties_an_area_subject_to_the_activity() -> None:
    got = _credit(
        "河北省保定市总工会开展工资集体协商专项检查。\n"
        "通过专项检查，全市企业职工工资平均增长5.2%。\n"
        "经过两年推进，全市签订集体合同企业达到9000家。"
    )
    assert got["5.2%"] == "保定市总工会"
    assert got["9000家"] is None  # 经过 says how long, not by what means


def test_a_carried_paragraph_passes_the_credit_to_its_next_sentence() -> None:
    got = _credit(
        "吉林省长春市总工会开展职工体检活动。\n"
        "体检活动覆盖职工4.6万人。体检中发现职业健康问题的职工占比为3.1%。"
    )
    assert got["4.6万人"] == got["3.1%"] == "长春市总工会"


def test_a_sentence_credited_by_its_neighbour_does_not_pass_it_on() -> None:
    got = _credit(
        "四川省成都市总工会举办春风行动招聘会3场。现场观看直播10万人次；"
        "在招聘会上，参会企业收到简历2300份。"
    )
    assert got["10万人次"] == "成都市总工会"
    assert got["2300份"] is None


def test_a_set_frame_states_the_make_up_of_the_set() -> None:
    got = _credit(
        "江苏省南通市总工会组织快递员集中入会，入会快递员3100名。\n入会快递员中，女性占比为18%。"
    )
    assert got["18%"] is None


def test_a_body_that_reports_hands_over_to_the_body_opening_the_next_clause() -> None:
    got = _credit(
        "浙江省杭州市总工会日前发布消息，杭州职工技能学院成立以来累计培训学员3.4万人次。\n"
        "学院已在各区建立教学点15个。"
    )
    assert got["3.4万人次"] == "杭州职工技能学院"
    assert got["15个"] == "杭州职工技能学院"


def test_opening_reads_the_subject_by_position() -> None:
    text = "截至9月底，互助保障累计给付互助金"
    op = opening(text, 0, len(text))
    assert op.subject == "互助保障" and not op.area
    assert opening("全市规模以上企业", 0, 8).area
    assert opening("通过履约检查，全区企业", 0, 11).means
    assert takes_up("读书角", "建成职工读书角80个")
    assert not takes_up("职工", "慰问职工")  # a piece every report shares ties nothing


def test_a_time_word_is_not_part_of_an_organization_name() -> None:
    art = Article(
        type=ArticleType.ARTICLE,
        headline="",
        paragraphs=["宝武钢铁集团有限公司工会表示，明年集团将投入8000万元改善食堂。"],
    )
    facts = analyze_article(art, pub_date="2024-05-01")
    assert "明年集团" not in {e.text for e in facts.entities}
    # the bare head opening the clause after the time word refers back, legal form and all
    assert [f.agency for f in facts.figures] == ["宝武钢铁集团有限公司"]


def test_a_paragraph_without_a_subject_goes_on_with_the_previous_body() -> None:
    got = _credit(
        "浙江省宁波市总工会今年为环卫工人购买意外伤害保险。\n"
        "截至10月底，已为36名环卫工人办理理赔。\n"
        "截至11月底，已有52名快递员申请加入。\n"
        "从去年开始，这项工作覆盖各类户外劳动者4万人。"
    )
    assert got["36名"] == "宁波市总工会"  # 已为…: no subject of its own after the time frame
    assert got["52名"] is None  # 已有…: an existential brings in its own subject
    assert got["4万人"] is None  # 这项工作 is a subject, and it takes up nothing named before


def test_gai_yuan_refers_back_to_the_court() -> None:
    got = _credit(
        "江苏省苏州市中级人民法院发布审判报告。\n报告显示，去年该院审结劳动争议案件3200件。"
    )
    assert got["3200件"] == "苏州市中级人民法院"


def test_a_demonstrative_points_back_to_the_previous_topic() -> None:
    got = _credit(
        "福建省厦门市总工会今年建成户外劳动者服务站150个。\n"
        "这些站点累计服务环卫工人和快递员32万人次。\n"
        "该项目还为职工发放防暑用品4.5万份。"
    )
    assert got["32万人次"] == "厦门市总工会"  # 这些 refers back, whatever the noun
    assert got["4.5万份"] == "厦门市总工会"  # 该项目: one word jieba files as a pronoun


def test_an_event_frame_is_taken_up_a_people_frame_is_not() -> None:
    got = _credit(
        "山西省太原市总工会开展法律咨询活动40场。\n"
        "活动中，律师现场解答问题700余个。\n"
        "咨询职工中，农民工占比为61%。"
    )
    assert got["700余个"] == "太原市总工会"
    assert got["61%"] is None


def test_a_prepositional_frame_takes_up_the_topic() -> None:
    got = _credit(
        "湖北省襄阳市总工会开展劳动安全检查，发现隐患210处。\n"
        "对检查发现的隐患，已督促整改198处。\n"
        "经过整改，企业职工满意度达到93%。"
    )
    assert got["198处"] == "襄阳市总工会"
    assert got["93%"] == "襄阳市总工会"  # 经过整改: the frame's word was in the paragraph before


def test_people_opening_a_paragraph_act_themselves() -> None:
    got = _credit(
        "江西省南昌市中级人民法院开展欠薪案件集中执行。\n"
        "为尽快兑现权益，执行干警先后冻结银行账户23个。"
    )
    assert got["23个"] is None
