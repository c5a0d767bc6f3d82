"""The learned edges of a measure (``nlp.measure_edges``) and their training
(``bench/train_measure_edges.py``): candidates, features, the margin, the trained model in
the pipeline, and the trainer on groups whose answer is known."""

from __future__ import annotations

import pytest

from baoku.bench.train_measure_edges import Group, pick, train
from baoku.ingest.records import Article, ArticleType
from baoku.nlp import measure_edges
from baoku.nlp.analyze import analyze_article
from baoku.nlp.measure_edges import (
    MODEL_PATH,
    EdgeModel,
    Figure,
    adjusted_measure,
    chosen,
    edge_model,
    measure_span,
    recording,
    scored_candidates,
)


def _figure(sentence: str, text: str, unit: str, kind: str = "money") -> Figure:
    at = sentence.index(text)
    return Figure(at, at + len(text), unit, kind)


def _measures(paragraph: str) -> dict[str, str | None]:
    art = Article(
        type=ArticleType.ARTICLE, headline="", kicker="", subheadline="",
        paragraphs=[paragraph], reporters=[], correspondents=[],
    )  # fmt: skip
    return {f.text: f.measure for f in analyze_article(art, pub_date="2024-06-30").figures}


SENTENCE = "今年以来，该县劳动监察大队共为务工人员追回被骗金额86万元。"
FIG = _figure(SENTENCE, "86万元", "元")


def test_the_span_is_the_print_nearest_the_figure() -> None:
    s = "培训职工300人次，其中一线职工210人次"
    fig = _figure(s, "210人次", "人次", "people")
    assert measure_span(s, fig, "职工") == (s.index("一线职工") + 2, s.index("210"))
    assert measure_span(s, fig, "律师") is None


def test_candidates_stay_in_the_clause_off_the_number_and_start_with_the_rules_phrase() -> None:
    cands = scored_candidates(SENTENCE, FIG, "金额")
    assert cands is not None
    texts = [SENTENCE[a:b] for (a, b), _ in cands]
    assert texts[0] == "金额"
    assert "被骗金额" in texts and "追回被骗金额" in texts
    for text in texts:
        assert "，" not in text and "86" not in text and not any(c.isdigit() for c in text)


def test_no_model_keeps_the_rules_phrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(measure_edges, "edge_model", lambda: None)
    assert adjusted_measure(SENTENCE, FIG, "金额") == "金额"
    assert adjusted_measure(SENTENCE, FIG, None) is None


def test_a_neighbour_must_win_by_the_margin(monkeypatch: pytest.MonkeyPatch) -> None:
    # a modifier added on the left: 被骗 is welcome, the verb 追回 is not
    weights = {"+L:被骗": 1.0, "+L:追回": -2.0}
    model = EdgeModel(weights=weights, margin=0.5)
    monkeypatch.setattr(measure_edges, "edge_model", lambda: model)
    assert adjusted_measure(SENTENCE, FIG, "金额") == "被骗金额"
    strict = EdgeModel(weights=weights, margin=1.0)
    monkeypatch.setattr(measure_edges, "edge_model", lambda: strict)
    assert adjusted_measure(SENTENCE, FIG, "金额") == "金额"


def test_a_phrase_not_printed_in_one_piece_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    model = EdgeModel(weights={"+L:被骗": 5.0}, margin=0.0)
    monkeypatch.setattr(measure_edges, "edge_model", lambda: model)
    assert adjusted_measure(SENTENCE, FIG, "被骗工资") == "被骗工资"


@pytest.mark.parametrize("margin", [-0.1, float("nan"), float("inf")])
def test_the_margin_is_checked(margin: float) -> None:
    with pytest.raises(ValueError, match="margin"):
        EdgeModel(weights={}, margin=margin)


def test_recording_hands_over_candidates_and_keeps_the_rules_phrase() -> None:
    seen: list[tuple[str, Figure, int]] = []
    with recording(lambda s, f, c: seen.append((s, f, len(c)))):
        assert adjusted_measure(SENTENCE, FIG, "金额") == "金额"
    assert seen and seen[0][0] == SENTENCE and seen[0][1] == FIG and seen[0][2] > 1
    seen.clear()
    adjusted_measure(SENTENCE, FIG, "金额")
    assert not seen  # the recorder is gone after the block


def test_the_trained_model_ships_with_the_package() -> None:
    assert MODEL_PATH.exists()
    model = edge_model()
    assert model is not None and len(model.weights) > 1000 and model.margin >= 0


# Invented passages whose rules' phrase starts a word or two late (each failed before the model).
EDGE_CASES = [
    ("去年，全市接尘职工职业健康检查率达到91.2%。", "91.2%", "接尘职工职业健康检查率"),
    ("全市一线职工平均工资增幅为5.6%。", "5.6%", "一线职工平均工资增幅"),
    (
        "该公司将一线作业人员劳动防护用品发放标准由每人每年300元提高到500元。",
        "300元",
        "一线作业人员劳动防护用品发放标准",
    ),
]


@pytest.mark.parametrize(("paragraph", "figure", "measure"), EDGE_CASES)
def test_the_model_moves_edges_the_rules_missed(paragraph: str, figure: str, measure: str) -> None:
    assert _measures(paragraph)[figure] == measure


def test_right_phrases_stay() -> None:
    got = _measures("今年，市总工会投入资金120万元，为困难职工发放生活补助，共帮扶困难职工560名。")
    assert got == {"120万元": "资金", "560名": "困难职工"}
    # specific measures are not cut to the general words inside them
    got = _measures("今年，市总工会发放困难职工子女助学金38万元，新发展兼职调解员120名。")
    assert got == {"38万元": "困难职工子女助学金", "120名": "兼职调解员"}


def test_a_phrase_inside_the_rules_phrase_is_never_chosen() -> None:
    cands = [((2, 6), ["base"]), ((4, 6), ["inside"]), ((0, 6), ["longer"]), ((3, 8), ["shift"])]
    assert chosen(cands, [0.0, 9.0, 2.0, 1.0], margin=1.0) == 2
    assert chosen(cands, [0.0, 9.0, 0.5, 0.5], margin=1.0) == 0
    assert chosen(cands, [0.0, 9.0, 0.5, 3.0], margin=1.0) == 3


def _groups(n: int, set_no: int) -> list[Group]:
    # the right candidate carries "good"; every candidate carries noise the model must ignore
    out = []
    for k in range(n):
        right = k % 3
        cands = [
            ((i, i + 1), [f"noise:{(k + i) % 5}", *(["good"] if i == right else [])])
            for i in range(3)
        ]
        marks = [i == right for i in range(3)]
        out.append(Group(set_no, cands, ["a", "b", "c"], marks, marks))
    return out


def test_training_learns_the_feature_that_marks_the_right_phrase() -> None:
    weights = train(_groups(30, 1), l2=1.0, rounds=200)
    assert weights["good"] > 1.0
    assert all(abs(weights[f"noise:{i}"]) < weights["good"] / 2 for i in range(5))
    held_out = _groups(9, 2)
    assert [pick(weights, g, 0.5) for g in held_out] == [
        next(i for i, ok in enumerate(g.right) if ok) or 0 for g in held_out
    ]
