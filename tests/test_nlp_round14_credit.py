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
