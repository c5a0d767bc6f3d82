"""Round 11: a figure's period (nlp.periods), each mechanism on invented 工人日报-style text.

``OWN`` is the round's own check: passages written and annotated by hand before any code of
the round changed (none is taken from the gold sets).  Each row: passage (paragraphs split at
line breaks), page date, figure, and the (start, end) the figure covers (None: open or no
period).
"""

from __future__ import annotations

import pytest

from tests.fixtures.nlp import figure_named

PUB = "2024-05-01"

OWN: list[tuple[str, str, str, tuple[str | None, str | None]]] = [
    # 1 其中 continues the frame of the sentence before it.
    (
        "今年以来，某市总工会开展职工技能培训，共培训职工1.2万人次。其中，新就业形态劳动者3200人次。",
        PUB,
        "3200人次",
        ("2024-01-01", "2024-05-01"),
    ),
    # 2 今年 with a plan: the whole year.
    ("今年，区总工会计划新建职工书屋40家。", PUB, "40家", ("2024-01-01", "2024-12-31")),
    # 3 a comparison base (去年同期) is not the figure's period.
    (
        "今年以来，全区已调解劳动争议案件320件，较去年同期增长12%。",
        PUB,
        "12%",
        ("2024-01-01", "2024-05-01"),
    ),
    # 4 比去年: the change covers the figure's own quarter.
    (
        "一季度，全市新建户外劳动者服务站65个，比去年增加18个。",
        PUB,
        "18个",
        ("2024-01-01", "2024-03-31"),
    ),
    # 5 截至 a month: the month's end, even after the page date.
    ("截至5月底，全市工会共发放助学金380万元。", "2024-05-20", "380万元", (None, "2024-05-31")),
    # 6 a printed year with a plan: the whole year.
    ("2024年，市总工会将为一线职工免费体检1.5万人。", PUB, "1.5万人", ("2024-01-01", "2024-12-31")),
    # 7 近日 is vague: no period.
    ("近日，县总工会为50名环卫工人送去防暑用品。", PUB, "50名", (None, None)),
    # 8 N年来 counted back from the page date.
    (
        "两年来，园区职工服务中心累计接待咨询4300余人次。",
        PUB,
        "4300余人次",
        ("2022-05-01", "2024-05-01"),
    ),
    # 9 近N年来: N calendar years counting the page's year.
    ("近3年来，全市工会累计筹集帮扶资金2.1亿元。", PUB, "2.1亿元", ("2022-01-01", "2024-05-01")),
    # 10 截至目前: open start, the page date.
    ("截至目前，全县已建立货车司机工会小组36个。", PUB, "36个", (None, "2024-05-01")),
    # 11 an event with no date + 以来: open start, the page date.
    (
        "驿站建成以来，已为户外劳动者提供热水和休息服务2.6万人次。",
        PUB,
        "2.6万人次",
        (None, "2024-05-01"),
    ),
    # 12 自X起 opens a period that runs to the page date.
    (
        "自去年起，市总工会为困难职工子女发放助学金，共资助学生900名。",
        PUB,
        "900名",
        ("2023-01-01", "2024-05-01"),
    ),
    # 13 a sentence with no time word continues the paragraph's frame.
    (
        "今年1至4月，市劳动人事争议仲裁院受理案件1500件。结案率达到96%。",
        PUB,
        "96%",
        ("2024-01-01", "2024-04-30"),
    ),
    # 14 never from a later paragraph.
    (
        "活动现场，工会干部为职工答疑80余人次。\n3月12日，市总工会举办春风行动招聘会。",
        PUB,
        "80余人次",
        (None, None),
    ),
    # 15 由去年的A: A is last year's; B the sentence's own (today's) period.
    ("全市企业工会建会率由去年的72%提高到今年的81%。", PUB, "72%", ("2023-01-01", "2023-12-31")),
    ("全市企业工会建会率由去年的72%提高到今年的81%。", PUB, "81%", ("2024-01-01", "2024-05-01")),
    # 16 当天 refers back to the date of the sentence before.
    (
        "3月8日，区总工会举办女职工健康讲座。当天共有200余名女职工参加。",
        PUB,
        "200余名",
        ("2024-03-08", "2024-03-08"),
    ),
    # 17 a vague time word starts a new event: the frame before it is not inherited.
    (
        "今年以来，市总工会走访企业300家。近日，市总工会为20家企业送去安全宣传资料。",
        PUB,
        "20家",
        (None, None),
    ),
    # 18 a half year ahead of the page date: the whole half.
    ("上半年，全区将开展职业技能竞赛12场。", PUB, "12场", ("2024-01-01", "2024-06-30")),
    # 19 a standing structure with no time word: no period.
    ("该中心设有法律咨询、心理疏导等6个功能室。", PUB, "6个", (None, None)),
    # 20 比2022年: the base year is not the figure's period.
    (
        "2023年，全市工会会员新增4.5万名，比2022年多1.1万名。",
        PUB,
        "1.1万名",
        ("2023-01-01", "2023-12-31"),
    ),
]


@pytest.mark.parametrize(
    ("text", "pub", "figure", "want"), OWN, ids=[f"own{i}" for i in range(1, len(OWN) + 1)]
)
def test_own_passages(
    text: str, pub: str, figure: str, want: tuple[str | None, str | None]
) -> None:
    f = figure_named(text, pub, figure)
    assert (f.period_start, f.period_end) == want, f.period_text


# Mechanisms added after the own check above, each on further invented text.
MECHANISMS: list[tuple[str, str, str, tuple[str | None, str | None]]] = [
    # a paragraph opening with 其中 continues the lead's frame ...
    (
        "今年1至3月，全市仲裁机构受理劳动争议案件2100件。\n其中，涉及农民工的案件530件。",
        PUB,
        "530件",
        ("2024-01-01", "2024-03-31"),
    ),
    # ... as does one opening with a set drawn from the report (在X中，)
    (
        "今年以来，区总工会为1.5万名女职工开展免费体检。\n在参加体检的女职工中，一线职工占68%。",
        PUB,
        "68%",
        ("2024-01-01", "2024-05-01"),
    ),
    # ... but a paragraph about another act starts afresh
    (
        "今年以来，区总工会为1.5万名女职工开展免费体检。\n区妇联还在8个社区设立了女职工休息室。",
        PUB,
        "8个",
        (None, None),
    ),
    # 三年来: three calendar years counting the page's own; 两年来 counts back to the day
    (
        "三年来，县总工会累计为困难职工发放救助金860万元。",
        PUB,
        "860万元",
        ("2022-01-01", "2024-05-01"),
    ),
    # 今年内: a plan, the whole year
    (
        "市总工会表示，今年内全市新建职工之家的覆盖率达到90%。",
        PUB,
        "90%",
        ("2024-01-01", "2024-12-31"),
    ),
    # 截至X after X以来 in the same sentence: the stated start
    (
        "今年2月以来，截至4月底，全市追回欠薪2300万元。",
        PUB,
        "2300万元",
        ("2024-02-01", "2024-04-30"),
    ),
    # 去年底: December of last year
    ("去年底，区总工会为120名环卫工人送去棉衣。", PUB, "120名", ("2023-12-01", "2023-12-31")),
    # 到X年底 (a target): only its end
    ("到2026年底，全市力争建成户外劳动者服务站500个。", PUB, "500个", (None, "2026-12-31")),
    # 从X起 after the page date: in force from then, with no end
    ("从6月1日起，全市月最低工资标准调整为2300元。", PUB, "2300元", ("2024-06-01", None)),
]


@pytest.mark.parametrize(
    ("text", "pub", "figure", "want"),
    MECHANISMS,
    ids=[f"mech{i}" for i in range(1, len(MECHANISMS) + 1)],
)
def test_mechanisms(text: str, pub: str, figure: str, want: tuple[str | None, str | None]) -> None:
    f = figure_named(text, pub, figure)
    assert (f.period_start, f.period_end) == want, f.period_text


def test_year_end_is_december() -> None:
    from datetime import date

    from baoku.nlp.dates import find_dates

    [d] = find_dates("去年底", date(2024, 5, 1))
    assert d.canonical == "2023-12"
    assert find_dates("基层末端", date(2024, 5, 1)) == []
