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


def test_people_count_before_jun_all() -> None:
    # 均 after a count of people is "all"; 人均 before an amount is per head
    f = _figure("体检发现问题的58人均已安排复诊。", "58人")
    assert (f.type, f.value) == (FigureType.PEOPLE, 58.0)
    assert [f.text for f in _figures("全县职工人均3000元。")] == ["3000元"]


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # a 的-phrase before the number leaves its head out: an earlier figure of its kind
        ("全市受理仲裁申请900件，其中裁决结案的610件。", "610件", "仲裁申请"),
        ("参赛的技术工人620人，获得证书的480余人。", "480余人", "技术工人"),
        # ... also across ； (the clause before it)
        ("入住的职工家庭300户，每户补助800元；未入住的120户，每户补助500元。", "120户", "职工家庭"),
        # ... or the set a frame names, even after a report clause
        (
            "据区法院统计，在审结的劳动争议案件中，标的额在5万元以上的有41件。",
            "41件",
            "劳动争议案件",
        ),
        ("在参加体检的环卫工人中，查出高血压的215人已转诊。", "215人", "环卫工人"),
    ],
)
def test_headless_relative_takes_the_noun_left_out(text: str, figure: str, measure: str) -> None:
    assert _figure(text, figure).measure == measure


def test_headless_relative_cases_are_cases() -> None:
    f = _figure("据区法院统计，在审结的劳动争议案件中，标的额在5万元以上的有41件。", "41件")
    assert f.type == FigureType.CASES


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # after a distributive a verb alone is the grant itself
        ("县总工会为120名环卫工人每人补助600元。", "600元", "补助"),
        ("区总工会向困难职工每户救助3000元，每人奖励500元。", "500元", "奖励"),
        # a verb with an object keeps the object
        ("市总工会为农民工每人补贴参保费用200元。", "200元", "参保费用"),
    ],
)
def test_distributive_with_a_verb_alone(text: str, figure: str, measure: str) -> None:
    assert _figure(text, figure).measure == measure
