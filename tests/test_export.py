"""Article export: JSONL and CSV parse back to the store's records; a 2,000-article run."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from baoku.ingest.records import ArticleType
from baoku.search.export import export_articles
from baoku.search.records import EXPORT_FIELDS
from baoku.search.store import Store
from tests.fixtures.store_docs import article, document, front_page, page, second_page

NESTED = {
    "entities",
    "figures",
    "source",
    "pages",
    "reporters",
    "correspondents",
    "photographers",
    "paragraphs",
    "parts",
    "continuations",
    "part_ids",
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "baoku.db") as s:
        s.save_document(second_page())  # later page first, on purpose
        s.save_document(front_page())
        tricky = document(
            "grrb20240712004.pdf",
            [page(0, 4)],
            [
                article('标题含"引号",逗号', ["第一段,有逗号。", '第二段\n有换行和"引号"。']),
                article("", ["图片说明。"], type=ArticleType.PHOTO, y=600.0),
                article("", ["广告。"], type=ArticleType.AD, y=900.0),
            ],
        )
        s.save_document(tricky)
        yield s


FIELDS = [*EXPORT_FIELDS, "entities", "figures"]


def expected(store: Store, types: tuple[str, ...]) -> list[dict[str, object]]:
    # These hand-made documents carry no NLP facts, so both lists are empty.
    return [{**r.to_json_dict(), "entities": [], "figures": []} for r in store.iter_articles(types)]


def test_jsonl_parses_back_to_the_records(store: Store) -> None:
    buf = io.StringIO()
    n = export_articles(store, buf, "jsonl")
    text = buf.getvalue()
    rows = [json.loads(line) for line in text.splitlines()]
    assert n == len(rows) == 5  # 3 articles (one merged over two files) + 1 photo, no ad
    assert rows == expected(store, ("article", "photo"))
    assert "让劳动者共享发展成果" in text  # ensure_ascii=False: Chinese stays readable
    merged = next(r for r in rows if r["headline"] == "让劳动者共享发展成果")
    assert merged["pages"] == [1, 2]
    assert merged["paragraphs"] == ["第一段。", "第二段开头接着说完。", "第三段。"]
    assert [p["page"] for p in merged["parts"]] == [1, 2]
    assert len(merged["parts"][0]["bboxes"][0]) == 4
    assert merged["source"]["file"].endswith("grrb20240712001.pdf")
    assert len(merged["continuations"]) == 1
    assert list(rows[0]) == FIELDS


def test_csv_parses_back_with_nested_json_and_bom(store: Store) -> None:
    buf = io.StringIO()
    n = export_articles(store, buf, "csv", types=("article", "photo", "ad"), bom=True)
    text = buf.getvalue()
    assert text.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(text[1:], newline=""))
    assert reader.fieldnames == FIELDS
    rows = list(reader)
    assert n == len(rows) == 6
    want = expected(store, ("article", "photo", "ad"))
    for got, exp in zip(rows, want, strict=True):
        for key in FIELDS:
            value = exp[key]
            if key in NESTED:
                assert json.loads(got[key]) == value, key
            elif value is None:
                assert got[key] == "", key
            else:
                assert got[key] == str(value), key
    tricky = next(r for r in rows if r["headline"] == '标题含"引号",逗号')
    assert tricky["text"] == '第一段,有逗号。\n第二段\n有换行和"引号"。'


def test_csv_file_round_trip_through_utf8_sig(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "articles.csv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        n = export_articles(store, fh, "csv", bom=True)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n and rows[0]["id"]


def test_type_filter_and_bad_arguments(store: Store) -> None:
    buf = io.StringIO()
    assert export_articles(store, buf, "jsonl", types=("ad",)) == 1
    assert json.loads(buf.getvalue())["type"] == "ad"
    with pytest.raises(ValueError, match="jsonl"):
        export_articles(store, io.StringIO(), "xml")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown article type"):
        export_articles(store, io.StringIO(), "jsonl", types=("column",))
    empty = io.StringIO()
    assert export_articles(store, empty, "csv", types=()) == 0
    assert empty.getvalue().startswith("id,type,source")  # header even when nothing matches


def test_two_thousand_articles_insert_and_export(tmp_path: Path) -> None:
    """Sanity run at a realistic page density: 100 pages x 20 articles, every 10th continued."""
    n_pages, per_page = 100, 20
    docs = []
    for p in range(n_pages):
        page_no = p % 8 + 1
        day = f"2024-{p // 8 % 12 + 1:02d}-{p // 96 + 10:02d}"
        arts = []
        for i in range(per_page):
            continued = i == 0 and page_no < 8
            arts.append(
                article(
                    f"第{p}页第{i}篇 职工权益保障新举措",
                    [
                        f"段落{k}：全国总工会今年投入资金{k * 13}万元，覆盖{i}个省份。"
                        for k in range(6)
                    ],
                    page_no=page_no,
                    y=50.0 * i,
                    continues_to=page_no + 1 if continued else None,
                    continued_from=page_no - 1 if i == 1 and page_no > 1 else None,
                    reporters=["记者甲"],
                )
            )
        d = document(f"grrb{p:05d}.pdf", [page(0, page_no, date=day)], arts)
        docs.append(d)

    path = tmp_path / "big.db"
    with Store.open(path) as store:
        t0 = time.perf_counter()
        for d in docs:
            store.save_document(d)
        t_insert = time.perf_counter() - t0
        buf = io.StringIO()
        t1 = time.perf_counter()
        n_jsonl = export_articles(store, buf, "jsonl", types=("article",))
        t_jsonl = time.perf_counter() - t1
        t2 = time.perf_counter()
        n_csv = export_articles(store, io.StringIO(), "csv", types=("article",))
        t_csv = time.perf_counter() - t2
        stats = store.stats()
    links = stats["continuations"]["total"]
    assert stats["articles"]["total"] == n_pages * per_page
    assert n_jsonl == n_csv == n_pages * per_page - links
    assert links > 0
    size_mb = path.stat().st_size / 1e6
    print(
        f"\n2,000 articles: insert {t_insert:.2f}s ({n_pages * per_page / t_insert:.0f} art/s), "
        f"jsonl export {t_jsonl:.2f}s, csv export {t_csv:.2f}s, {links} continuation links, "
        f"db {size_mb:.1f} MB"
    )
