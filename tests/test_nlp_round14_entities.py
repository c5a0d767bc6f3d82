"""Round 14: agency mentions on shapes the new writers of sets 23-26 printed.

Invented passages (own places and trades), annotated before the code changed; they run end to
end through ``analyze_article``.
"""

from __future__ import annotations

from baoku.ingest.records import Article, ArticleType
from baoku.nlp.analyze import analyze_article


def _agencies(*paragraphs: str) -> list[tuple[str, str]]:
    art = Article(type=ArticleType.ARTICLE, headline="", paragraphs=list(paragraphs))
    found = analyze_article(art, pub_date="2024-05-01")
    return [(e.text, e.canonical) for e in found.entities if e.label == "AGENCY"]


def test_a_trade_starting_with_jia_is_part_of_the_name() -> None:
    # 家 is a classifier only after a numeral (23家企业); 家具/家电/家政 open a word
    got = _agencies("浙江省台州市黄岩区家具行业工会联合会近日发布消息。")
    assert got == [("浙江省台州市黄岩区家具行业工会联合会", "台州市黄岩区家具行业工会联合会")]
    assert _agencies("区总工会走访了23家企业。") == [("区总工会", "区总工会")]


def test_gonglianhui_is_the_short_form_of_the_named_federation() -> None:
    got = _agencies(
        "浙江省台州市黄岩区家具行业工会联合会近日发布消息，今年以来，行业工联会共走访企业42家。"
    )
    assert got[1] == ("行业工联会", "台州市黄岩区家具行业工会联合会")


def test_a_short_form_belongs_to_the_nearest_name_before_it() -> None:
    got = _agencies(
        "浙江省台州市黄岩区家具行业工会联合会日前成立，会员企业86家。",
        "同月，台州市路桥区模具行业工会联合会也挂牌成立，行业工联会首批吸纳会员企业40家。",
    )
    assert got[-1] == ("行业工联会", "台州市路桥区模具行业工会联合会")
