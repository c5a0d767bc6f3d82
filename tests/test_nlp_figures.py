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
