"""Entry points of the NLP stage: analyze_article / analyze_document on real and odd input."""

import json
from pathlib import Path

import pytest
from spacy.language import Language

from baoku.ingest.records import (
    Article,
    ArticlePart,
    ArticleType,
    BBox,
    DocumentStatus,
    IngestedDocument,
    Page,
    PageMeta,
    SourceFile,
)
from baoku.nlp.analyze import analyze_article, analyze_document
from baoku.nlp.pipeline import build_pipeline
from baoku.nlp.records import EntityLabel

GOLD = json.loads((Path(__file__).parent / "data" / "corpus_articles.json").read_text("utf-8"))


def _article(item: dict) -> Article:
    paras = item["paragraphs"] or item["captions"][0]["text"].split("\n")
    return Article(
        type=ArticleType(item["type"]), headline=item["headline"], kicker=item["kicker"],
        paragraphs=paras, reporters=item["reporters"], correspondents=item["correspondents"],
    )  # fmt: skip


def test_pipeline_is_cached_blank_zh_with_components() -> None:
    nlp = build_pipeline()
    assert isinstance(nlp, Language) and nlp is build_pipeline()
    assert nlp.lang == "zh"
    assert "baoku_agencies" in nlp.pipe_names and "baoku_figures" in nlp.pipe_names
    doc = nlp("上海市奉贤区总工会今年办理法律援助案件1276件。")
    assert [s.kb_id_ for s in doc.spans["AGENCY"]] == ["上海市奉贤区总工会"]


def test_fengxian_article_offsets_and_entities() -> None:
    art = _article(GOLD["articles"][0])
    facts = analyze_article(art, pub_date="2023-11-28")
    text = art.text
    for e in facts.entities:
        if e.start >= 0:
            assert text[e.start : e.end] == e.text
            assert text.count("\n", 0, e.start) == e.paragraph
    for f in facts.figures:
        assert text[f.start : f.end] == f.text
    agencies = {e.canonical for e in facts.entities if e.label == EntityLabel.AGENCY}
    assert {"上海市奉贤区总工会", "上海市奉贤区人民法院", "上海市奉贤区人民检察院",
            "上海市奉贤区人力资源和社会保障局", "上海市奉贤区司法局"} <= agencies  # fmt: skip
    person = next(e for e in facts.entities if e.text == "李凤英")
    assert person.extra["title"] == "奉贤区总工会劳动关系部部长"
    assert person.extra["agency"] == "上海市奉贤区总工会"
    places = [e for e in facts.entities if e.label == EntityLabel.PLACE]
    assert any(p.extra.get("path") == "上海市/奉贤区" for p in places)
    reporter = next(e for e in facts.entities if e.kind == "reporter")
    assert reporter.text == "裴龙翔"


@pytest.mark.parametrize(
    "paragraphs",
    [
        [],
        [""],
        ["，。！？……“”"],
        ["没有任何数字的一段话。"],
        ["今年以來，上海市奉賢區總工會辦理法律援助案件1276件，為職工挽回經濟損失1850萬餘元。"],
        ["\x00\ufffd\u200b" * 50],
        ["“" * 500 + "工会+法院"],
    ],
)
def test_odd_input_never_raises(paragraphs: list[str]) -> None:
    facts = analyze_article(
        Article(type=ArticleType.ARTICLE, paragraphs=paragraphs), pub_date="bad"
    )
    assert isinstance(facts.figures, list)


def test_two_megabyte_article() -> None:
    para = (
        "2021年，青岛西海岸新区总工会共办理法律援助案件1276件，为5893名职工挽回经济损失1850万余元。"
    )
    paragraphs = [para] * (2_000_000 // len(para.encode()))  # 2 MB of UTF-8
    art = Article(type=ArticleType.ARTICLE, paragraphs=paragraphs)
    facts = analyze_article(art, pub_date="2023-11-28")
    assert len(facts.figures) == 3 * len(paragraphs)
    last = facts.figures[-1]
    assert art.text[last.start : last.end] == last.text
    assert last.paragraph == len(paragraphs) - 1


def test_document_uses_page_dates_and_skips_ads() -> None:
    def part(i: int) -> list[ArticlePart]:
        return [ArticlePart(i, i + 1, [BBox(0, 0, 10, 10)])]

    arts = [
        Article(type=ArticleType.ARTICLE, paragraphs=["今年以来，共办理案件12件。"], parts=part(1)),
        Article(
            type=ArticleType.PHOTO,
            paragraphs=["4月12日，天津市东丽区总工会发放50多个充电宝。"],
            parts=part(0),
        ),
        Article(type=ArticleType.AD, paragraphs=["全场5折，仅售99元"], parts=part(0)),
    ]  # fmt: skip
    pages = [
        Page(0, 100, 100, PageMeta(date="2024-04-13")),
        Page(1, 100, 100, PageMeta(date="2023-11-28")),
    ]
    doc = IngestedDocument(SourceFile("x.pdf", "0" * 64, 1), DocumentStatus.INGESTED, pages, arts)
    out = analyze_document(doc)
    assert len(out.facts) == 3
    assert out.facts[0].figures[0].period_start == "2023-01-01"
    photo_dates = [e for e in out.facts[1].entities if e.label == EntityLabel.DATE]
    assert photo_dates[0].canonical == "2024-04-12"
    assert any(e.canonical == "天津市东丽区总工会" for e in out.facts[1].entities)
    assert out.facts[2].figures == [] and out.facts[2].entities == []


def test_the_pipeline_builds_the_docs_text_once() -> None:
    # spaCy's Doc.text joins every token on each access (a compiled property, so it cannot be
    # counted): the components share the one copy the first of them built
    nlp = build_pipeline()
    text = "记者从湖北省宜昌市总工会获悉，今年以来共发放助学金52万元。"
    doc = nlp(text)
    assert doc.user_data.get("baoku_text") == text
    assert doc._.figures and doc._.figures[0].text == "52万元"
