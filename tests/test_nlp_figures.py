"""Figure records: type, value, measure, credited agency and period (nlp.figures)."""

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
