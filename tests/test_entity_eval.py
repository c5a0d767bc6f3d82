"""The entity scorer of the NLP evaluation (bench/entity_eval.py): spans of listed surfaces,
date intervals, and overlap matching with canonical values judged on the matched pairs."""

from __future__ import annotations

import pytest

from baoku.bench.entity_eval import EntityScore, gold_spans, interval
from baoku.ingest.records import Article, ArticleType
from baoku.nlp.records import ArticleFacts, EntityLabel, EntityMention


def test_gold_mentions_are_placed_in_reading_order_outside_agency_names() -> None:
    text = "武汉市总工会和武汉市、武汉的职工"
    gold = [
        {"label": "PLACE", "text": "武汉市"},
        {"label": "PLACE", "text": "武汉"},
    ]
    # 武汉市 inside the agency's name is skipped; 武汉 inside the 武汉市 just placed too.
    assert gold_spans(text, gold, [(0, 6)]) == [(7, 10), (11, 13)]
    with pytest.raises(ValueError, match="not printed"):
        gold_spans("武汉", [{"label": "PLACE", "text": "武汉"}] * 2, [])


@pytest.mark.parametrize(
    ("canonical", "days"),
    [
        ("2022", ("2022-01-01", "2022-12-31")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023-11-24", ("2023-11-24", "2023-11-24")),
        ("2023-03/2023-05", ("2023-03-01", "2023-05-31")),
        ("2018-01-01/2023-11-28", ("2018-01-01", "2023-11-28")),
        ("../2023-09", (None, "2023-09-30")),
        (None, (None, None)),
    ],
)
def test_a_dates_canonical_value_covers_whole_units(
    canonical: str | None, days: tuple[str | None, str | None]
) -> None:
    assert interval(canonical) == days


def _mention(label: EntityLabel, text: str, at: int, canonical: str, **extra: str) -> EntityMention:
    return EntityMention(label, text, canonical, None, at, at + len(text), 0, dict(extra))


def test_overlap_matches_and_canonical_is_judged_separately(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "2020年以来，武汉市总工会在武汉开展“工会+法院”"
    article = Article(type=ArticleType.ARTICLE, headline="", kicker="", paragraphs=[text])
    gold = [
        {"label": "DATE", "text": "2020年以来", "start": "2020-01-01", "end": "2023-11-28"},
        {"label": "PLACE", "text": "武汉", "canonical": "湖北省武汉市", "kind": "city"},
        {"label": "INITIATIVE", "text": "“工会+法院”", "canonical": "工会+法院"},
    ]
    facts = ArticleFacts(
        entities=[
            # a shorter date span than the gold's, with the same days: matched and right
            _mention(EntityLabel.DATE, "2020年", 0, "2020-01-01/2023-11-28"),
            # a place inside the agency's name: neither required nor an error
            _mention(EntityLabel.PLACE, "武汉市", 7, "湖北省武汉市"),
            _mention(EntityLabel.PLACE, "武汉", 14, "武汉市"),  # matched, canonical wrong
            _mention(EntityLabel.INITIATIVE, "工会+法院", 19, "工会+法院"),
            _mention(EntityLabel.PERSON, "李娜", -1, "李娜"),  # byline: not scored here
            _mention(EntityLabel.PERSON, "开展", 16, "开展"),  # spurious
        ]
    )
    score = EntityScore()
    score.add("a", article, gold, [(7, 12)], facts, show=False)
    c = score.counts
    assert (c["DATE"]["tp"], c["DATE"]["canon_ok"]) == (1, 1)
    assert (c["PLACE"]["tp"], c["PLACE"]["fp"], c["PLACE"]["canon_ok"]) == (1, 0, 0)
    assert (c["INITIATIVE"]["tp"], c["INITIATIVE"]["canon_ok"]) == (1, 1)
    assert (c["PERSON"]["tp"], c["PERSON"]["fp"], c["PERSON"]["fn"]) == (0, 1, 0)
    score.print()
    assert "PLACE      P=1.000 (1/1)  R=1.000 (1/1)  canonical right: 0.000 (0/1)" in (
        capsys.readouterr().out
    )


def test_a_figures_period_is_compared_as_days() -> None:
    from baoku.bench.entity_eval import figure_period
    from baoku.nlp.records import FigureRecord, FigureType

    def fig(start: str | None, end: str | None) -> FigureRecord:
        return FigureRecord(
            FigureType.MONEY, "5万元", 5e4, None, "exact", "元", None, None,
            None, start, end, 0, 4, 0, "",
        )  # fmt: skip

    assert figure_period(fig("2023", "2023-07")) == ("2023-01-01", "2023-07-31")
    assert figure_period(fig(None, "2023-09-30")) == (None, "2023-09-30")
    assert figure_period(fig(None, None)) == (None, None)
