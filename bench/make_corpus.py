"""Build a seeded synthetic archive of N articles for the search benchmark (bench only).

Texts are recombined paragraphs of the hand-checked corpus (tests/data/corpus_articles.json);
places, agencies, initiatives, figures, dates, papers and pages are drawn from fixed lists with
``random.Random(seed)``, so the same seed gives the same archive. Documents go straight into
the store as ``AnalyzedDocument``s with hand-made facts (no PDF rendering), one document per
printed page of about eight articles.

    .venv/bin/python -m bench.make_corpus --articles 100000 --db /tmp/bench.db --seed 20240712
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

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
from baoku.nlp.records import (
    AnalyzedDocument,
    ArticleFacts,
    EntityLabel,
    EntityMention,
    FigureRecord,
    FigureType,
)
from baoku.search.filters import canonical_agency
from baoku.search.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus_articles.json"
DEFAULT_SEED = 20240712
PER_PAGE = 8

NEWSPAPERS = ("工人日报", "劳动报", "四川工人日报")
PAGE_NAMES = ("要闻", "新闻", "工会", "法治", "经济", "评论", "地方", "副刊")
# (canonical path, short name as printed)
PLACES = (
    ("上海市/奉贤区", "奉贤区"),
    ("上海市/普陀区", "普陀区"),
    ("上海市/浦东新区", "浦东新区"),
    ("北京市/朝阳区", "朝阳区"),
    ("北京市/海淀区", "海淀区"),
    ("浙江省/杭州市", "杭州市"),
    ("浙江省/宁波市", "宁波市"),
    ("江苏省/南京市", "南京市"),
    ("江苏省/苏州市", "苏州市"),
    ("广东省/深圳市", "深圳市"),
    ("广东省/广州市", "广州市"),
    ("四川省/成都市", "成都市"),
    ("山东省/青岛市", "青岛市"),
    ("湖北省/武汉市", "武汉市"),
    ("甘肃省/兰州市", "兰州市"),
    ("福建省/福州市", "福州市"),
)
AGENCY_KINDS = (
    ("总工会", "union"),
    ("人民法院", "court"),
    ("人民检察院", "procuratorate"),
    ("人力资源和社会保障局", "government"),
    ("司法局", "government"),
)
INITIATIVES = (
    "保障农民工工资支付法律服务站",
    "夏送清凉",
    "职工书屋",
    "劳模工匠进校园",
    "新就业形态劳动者入会",
)
MEASURES = (
    (FigureType.MONEY, "元", ("追讨欠薪", "经济损失", "帮扶资金", "工资")),
    (FigureType.CASES, "件", ("法律援助案件", "欠薪案件", "劳动争议案件")),
    (FigureType.PEOPLE, "人", ("农民工", "受益职工", "新会员")),
    (FigureType.PERCENT, "%", ("调解成功率", "入会率")),
)


@dataclass(frozen=True, slots=True)
class CorpusStats:
    articles: int
    documents: int
    seconds: float  # storing and indexing, without making up the corpus
    generate_seconds: float
    optimize_seconds: float  # part of ``seconds``
    # CPU time of the same work (this process, all threads): on a shared machine the wall
    # time depends on what else runs; indexing is single-threaded, so articles per CPU
    # second is the rate of an idle core.
    cpu_seconds: float


def load_paragraphs() -> tuple[list[str], list[str]]:
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    paragraphs = [p for a in data["articles"] for p in a.get("paragraphs", []) if len(p) > 20]
    headlines = [a["headline"] for a in data["articles"] if a.get("headline")]
    return paragraphs, headlines


# A few dozen distinct names; resolving each once keeps the generator out of the timing.
_canonical_agency = cache(canonical_agency)


def _figure(rng: random.Random, agency: str, day: str, para_no: int) -> tuple[str, FigureRecord]:
    ftype, unit, measures = rng.choice(MEASURES)
    measure = rng.choice(measures)
    if ftype == FigureType.PERCENT:
        value = float(rng.randint(50, 99))
        text = f"{int(value)}%"
    elif ftype == FigureType.MONEY:
        value = float(rng.randint(1, 5000) * 10_000)
        text = f"{int(value // 10_000)}万元"
    else:
        value = float(rng.randint(1, 20_000))
        text = f"{int(value)}{unit}"
    sentence = f"{agency}今年以来{measure}达{text}。"
    year = day[:4]
    return sentence, FigureRecord(
        type=ftype,
        text=text,
        value=value,
        value_max=None,
        qualifier="exact",
        unit=unit,
        measure=measure,
        agency=agency,
        period_text=f"{year}年",
        period_start=f"{year}-01-01",
        period_end=day,
        start=sentence.index(text),
        end=sentence.index(text) + len(text),
        paragraph=para_no,
        sentence=sentence,
    )


def _article(
    rng: random.Random,
    paragraphs: list[str],
    headlines: list[str],
    day: str,
    page_index: int,
    slot: int,
) -> tuple[Article, ArticleFacts]:
    path, short = rng.choice(PLACES)
    province = path.split("/")[0]
    suffix, kind = rng.choice(AGENCY_KINDS)
    # Canonical as the NLP stage names it (a city's bureau drops its province), so agency
    # filters in the benchmark resolve to the names that are indexed.
    agency = _canonical_agency(f"{province}{short}{suffix}")
    initiative = rng.choice(INITIATIVES)
    lead_para = f"{short}{suffix}近日推进“{initiative}”工作。"
    body = [lead_para, *rng.sample(paragraphs, rng.randint(2, 5))]
    offset = sum(len(p) + 1 for p in body)
    entities = [
        EntityMention(
            EntityLabel.PLACE,
            short,
            path.replace("/", ""),
            "district",
            0,
            len(short),
            0,
            {"path": path},
        ),
        EntityMention(
            EntityLabel.AGENCY, f"{short}{suffix}", agency, kind, 0, len(short) + len(suffix), 0
        ),
        EntityMention(
            EntityLabel.INITIATIVE,
            initiative,
            initiative,
            None,
            lead_para.index(initiative),
            lead_para.index(initiative) + len(initiative),
            0,
        ),
    ]
    figures = []
    for _ in range(rng.randint(0, 3)):
        sentence, fig = _figure(rng, agency, day, len(body))
        body.append(sentence)
        # Offsets are into the whole part text; the sentence is the paragraph appended last.
        figures.append(replace(fig, start=offset + fig.start, end=offset + fig.end))
        offset += len(sentence) + 1
    y = 80.0 + slot * 130.0
    headline = f"{short}{rng.choice(headlines)[:14]}"
    art = Article(
        type=ArticleType.ARTICLE,
        headline=headline,
        paragraphs=body,
        paragraph_sources=[
            (page_index, BBox(40.0, y + 10 * i, 400.0, y + 10 * i + 9)) for i in range(len(body))
        ],
        parts=[ArticlePart(page_index, None, [BBox(40.0, y, 400.0, y + 120.0)])],
    )
    return art, ArticleFacts(entities=entities, figures=figures)


def generate(n_articles: int, seed: int = DEFAULT_SEED) -> Iterator[AnalyzedDocument]:
    rng = random.Random(seed)
    paragraphs, headlines = load_paragraphs()
    made = 0
    doc_no = 0
    while made < n_articles:
        paper = rng.choice(NEWSPAPERS)
        day = f"{rng.randint(1985, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        page_no = rng.randint(1, 8)
        count = min(PER_PAGE, n_articles - made)
        pairs = [_article(rng, paragraphs, headlines, day, 0, i) for i in range(count)]
        name = f"bench-{seed}-{doc_no}.pdf"
        doc = IngestedDocument(
            source=SourceFile(name, hashlib.sha256(name.encode()).hexdigest(), 1),
            status=DocumentStatus.INGESTED,
            pages=[Page(0, 842.0, 1191.0, PageMeta(paper, day, page_no, PAGE_NAMES[page_no - 1]))],
            articles=[a for a, _ in pairs],
        )
        yield AnalyzedDocument(doc, [f for _, f in pairs])
        made += count
        doc_no += 1


def build(db: Path, n_articles: int, seed: int = DEFAULT_SEED) -> CorpusStats:
    """Save the corpus as a bulk load does: ``Store.save_documents`` (many pages per commit),
    then ``optimize_search_index``. Time spent making up documents is measured apart."""
    generating = 0.0
    generating_cpu = 0.0

    def timed() -> Iterator[AnalyzedDocument]:
        nonlocal generating, generating_cpu
        docs = generate(n_articles, seed)
        while True:
            t, c = time.perf_counter(), time.process_time()
            doc = next(docs, None)
            generating += time.perf_counter() - t
            generating_cpu += time.process_time() - c
            if doc is None:
                return
            yield doc

    start, start_cpu = time.perf_counter(), time.process_time()
    with Store.open(db) as store:
        n_docs = len(store.save_documents(timed()))
        t = time.perf_counter()
        store.optimize_search_index()
        optimize = time.perf_counter() - t
    total = time.perf_counter() - start
    cpu = time.process_time() - start_cpu - generating_cpu
    return CorpusStats(n_articles, n_docs, total - generating, generating, optimize, cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--db", type=Path, required=True)
    args = ap.parse_args()
    stats = build(args.db, args.articles, args.seed)
    print(
        f"seed {args.seed}: {stats.articles} articles in {stats.documents} documents, "
        f"{stats.seconds:.1f} s ({stats.articles / stats.seconds:,.0f} articles/s; of it "
        f"{stats.optimize_seconds:.1f} s optimize; {stats.generate_seconds:.1f} s generating "
        f"not counted); CPU {stats.cpu_seconds:.1f} s "
        f"({stats.articles / stats.cpu_seconds:,.0f} articles per CPU second)"
    )


if __name__ == "__main__":
    main()
