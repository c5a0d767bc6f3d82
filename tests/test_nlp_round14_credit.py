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
