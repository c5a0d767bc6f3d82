"""Round 7 mechanisms (figure typing, measure, credit, people names), each on short invented
sentences; none is taken from the gold sets."""

import pytest

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.analyze import analyze_article
from baoku.nlp.figures import _names_cases, figure_lexicon
from baoku.nlp.records import FigureRecord, FigureType


def _figures(text: str) -> list[FigureRecord]:
    art = Article(type=ArticleType.ARTICLE, headline="", paragraphs=text.split("\n"))
    return analyze_article(art, pub_date="2024-05-01").figures


def _figure(text: str, figure: str) -> FigureRecord:
    [f] = [f for f in _figures(text) if f.text == figure]
    return f


@pytest.mark.parametrize(
    ("measure", "cases"),
    [
        # the head word decides: a case word ends it, whatever modifies it
        ("劳动人事争议", True),
        ("农民工欠薪投诉", True),
        ("法律咨询", True),
        ("信访件", True),
        ("职工投诉举报", True),
        ("调解成功", True),  # a result after the verb is no head
        ("审结", True),
        ("劳动能力鉴定", True),
        # a procedural paper is a case file only under a procedure
        ("劳动人事争议仲裁申请", True),
        ("工伤认定结论", True),
        ("支持起诉申请", True),
        ("入会申请", False),
        # the case word modifies another head: what is counted is that head
        ("欠薪问题", False),
        ("举报箱", False),
        ("职代会提案", False),
        ("帮扶方案", False),
        ("安全隐患", False),
        ("生产安全事故", False),
        ("重点项目", False),
        ("规上企业", False),
    ],
)
def test_case_type_is_decided_by_the_head_word(measure: str, cases: bool) -> None:
    assert _names_cases(measure, figure_lexicon()) is cases


def test_case_units_of_procedures_and_of_true_counts() -> None:
    figs = _figures(
        "区仲裁院今年共受理劳动人事争议仲裁申请320件，接待法律咨询1800件。"
        "县总工会收到入会申请60件，督促整改安全隐患120件，全年共实施实事项目35件。"
    )
    assert [(f.text, f.type) for f in figs] == [
        ("320件", FigureType.CASES),
        ("1800件", FigureType.CASES),
        ("60件", FigureType.COUNT),
        ("120件", FigureType.COUNT),
        ("35件", FigureType.COUNT),
    ]
