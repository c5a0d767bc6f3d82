"""Tests of the broadsheet page generator: determinism, exact text layer, boxes, continuations."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from tests.pagegen import generate_issue, generate_page

TOL = 1.5  # pt around a gold box when cropping


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.01 and b[0] < a[2] - 0.01 and a[1] < b[3] - 0.01 and b[1] < a[3] - 0.01


@pytest.fixture(scope="module")
def issue(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return generate_issue(11, tmp_path_factory.mktemp("issue"), pages=3, scanned=True)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return generate_page(5, tmp_path_factory.mktemp("page"), newspaper="劳动报")


def test_same_seed_same_gold_and_bytes(tmp_path: Path) -> None:
    a = generate_page(3, tmp_path / "a")
    b = generate_page(3, tmp_path / "b")
    assert a.gold == b.gold
    assert a.pdf.read_bytes() == b.pdf.read_bytes()
    c = generate_page(4, tmp_path / "c")
    assert c.gold != a.gold


def test_stem_and_gold_fields(page: Any) -> None:
    g = page.gold
    assert re.fullmatch(r"ldb\d{8}\d{3}\.pdf", g["file"])
    assert page.pdf.name == g["file"]
    assert json.loads(page.gold_path.read_text(encoding="utf-8")) == g
    assert 5 <= g["columns"] <= 8
    assert g["articles"], "a page without articles"
    for a in g["articles"]:
        assert a["type"] in {"article", "photo", "ad"}
        if a["type"] == "article":
            assert a["headline"] and a["paragraphs"]


def _check_text_layer(pdf: Path, gold: dict[str, Any]) -> None:
    with pdfplumber.open(pdf) as doc:
        p = doc.pages[0]
        assert (float(p.width), float(p.height)) == pytest.approx((gold["width"], gold["height"]))
        deduped = p.dedupe_chars()
        blocks = [b for a in gold["articles"] for b in a["blocks"]] + gold["furniture"]
        for blk in blocks:
            x0, top, x1, bottom = blk["bbox"]
            assert 0 <= x0 < x1 <= gold["width"] and 0 <= top < bottom <= gold["height"]
            crop = deduped.within_bbox((x0 - TOL, top - TOL, x1 + TOL, bottom + TOL))
            got = _norm(crop.extract_text())
            assert got == _norm(blk["text"]), (blk["role"], blk["text"][:40])
        all_text = _norm(deduped.extract_text())
        assert sum(len(_norm(b["text"])) for b in blocks) == len(all_text)


def test_text_layer_exact_in_every_block(page: Any, issue: Any) -> None:
    _check_text_layer(page.pdf, page.gold)
    for r in issue.pages:
        _check_text_layer(r.pdf, r.gold)


def test_boxes_disjoint_and_on_page(page: Any, issue: Any) -> None:
    for g in [page.gold] + [r.gold for r in issue.pages]:
        arts = g["articles"]
        for a in arts:
            x0, top, x1, bottom = a["bbox"]
            assert 0 <= x0 < x1 <= g["width"] and 0 <= top < bottom <= g["height"]
        for i, a in enumerate(arts):
            for b in arts[i + 1 :]:
                assert not _overlap(a["bbox"], b["bbox"]), (a["key"], b["key"])


def test_paragraphs_match_body_text(page: Any) -> None:
    # the body blocks of an article print exactly its paragraphs (plus an inline byline)
    for a in page.gold["articles"]:
        if a["type"] != "article":
            continue
        body = "".join(b["text"] for b in a["blocks"] if b["role"] == "body")
        expect = "".join(a["paragraphs"])
        if a["byline"].startswith("本报讯") and a["continued_from"] is None:
            expect = a["byline"] + expect
        assert _norm(body) == _norm(expect)


def test_continuations_pair_up(issue: Any) -> None:
    by_page = {r.gold["page_no"]: r.gold for r in issue.pages}
    sent = [(g["page_no"], a) for g in by_page.values() for a in g["articles"] if a["continues_to"]]
    assert sent, "this seed should produce at least one continued article"
    for page_no, a in sent:
        target = by_page[a["continues_to"]]
        parts = [b for b in target["articles"] if b["article_id"] == a["article_id"]]
        assert len(parts) == 1
        part = parts[0]
        assert part["continued_from"] == page_no
        roles = [b["role"] for b in a["blocks"]]
        assert roles[-1] == "continuation"
        assert a["blocks"][-1]["text"] == f"（下转第{a['continues_to']}版）"
        assert any(b["text"] == f"（上接第{page_no}版）" for b in part["blocks"])
        assert [b["continued_from"] for b in target["articles"]].count(page_no) >= 1


def test_scanned_variant_has_no_text_and_same_size(issue: Any) -> None:
    for r in issue.pages:
        assert r.scan_pdf is not None and r.scan_jpg is not None
        assert r.gold["scan"]["dpi"] >= 150
        assert abs(r.gold["scan"]["angle"]) <= 1.0
        with pdfplumber.open(r.scan_pdf) as doc:
            p = doc.pages[0]
            assert len(p.chars) == 0
            assert (float(p.width), float(p.height)) == pytest.approx(
                (r.gold["width"], r.gold["height"]), abs=0.01
            )
