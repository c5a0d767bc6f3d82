"""Round 17: figure measures on shapes the writers of sets 67-72 printed.

The passages are invented (工人日报 style, own places and topics) and annotated by hand before
the code changed; each group of ``MEASURES`` names the reason its rule rests on.  They run end
to end through ``analyze_article`` (``tests.fixtures.nlp_sentences``).
"""

from __future__ import annotations

import pytest

from tests.fixtures.nlp_sentences import figure_of

MEASURES: list[tuple[str, str, tuple[str, ...]]] = [
    # "only" links a cost to its amount, as 要 and 只需 do
    ("搬进职工公寓后，他每月房租只要450元。", "450元", ("房租",)),
    ("这套一居室的保障房，每月租金只要780元。", "780元", ("租金",)),
    # a relative clause after the unit may open with a time: the head noun after 的 is counted
    (
        "区总工会走访慰问了37家国庆期间坚持生产的建筑企业。",
        "37家",
        ("国庆期间坚持生产的建筑企业", "建筑企业", "企业"),
    ),
    # a topic put up front with 这样的 is what a bare count at the end counts
    ("这样的职工小家，全县目前共有126个。", "126个", ("职工小家",)),
    # a change's start amount after 由去年的每人 is of the subject before 由
    (
        "今年县总工会把环卫工人慰问品标准由去年的每人200元提高到260元。",
        "200元",
        ("环卫工人慰问品标准", "慰问品标准", "标准"),
    ),
    # 把 puts what changes before the change verb
    (
        "该公司今年把夜班津贴标准提高到每人每班45元，比行业标准高出20%。",
        "45元",
        ("夜班津贴标准", "标准"),
    ),
    (
        "该公司今年把夜班津贴标准提高到每人每班45元，比行业标准高出20%。",
        "20%",
        ("夜班津贴标准", "标准"),
    ),
]


@pytest.mark.parametrize(("text", "figure", "accepted"), MEASURES)
def test_measure_of_round_17(text: str, figure: str, accepted: tuple[str, ...]) -> None:
    assert figure_of(text, figure).measure in accepted
