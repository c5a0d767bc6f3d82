"""``check_figure``: where the archive prints a claimed figure, and which records give another
value for the same measure and agency, labelled by how their periods relate."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from baoku.cli import cli
from baoku.nlp.records import AnalyzedDocument, ArticleFacts, FigureRecord, FigureType
from baoku.search.figure_check import ClaimError, check_figure, parse_claim
from baoku.search.store import Store
from tests.fixtures.search_corpus import _with_sources, fig
from tests.fixtures.store_docs import article, document, page

UNION = "上海市奉贤区总工会"
OTHER_UNION = "杭州市总工会"


def _doc(
    name: str, day: str, paper: str, paragraphs: list[str], figures: list[FigureRecord]
) -> AnalyzedDocument:
    doc = _with_sources(
        document(
            name,
            [page(0, 2, newspaper=paper, date=day)],
            [article(f"{name} 标题", paragraphs, page_no=2)],
        )
    )
    return AnalyzedDocument(doc, [ArticleFacts(figures=figures)])


def _corpus() -> list[AnalyzedDocument]:
    a = ["奉贤区总工会今年以来追讨欠薪1850万余元，为5893名职工提供服务。"]
    b = ["奉贤区总工会今年以来追讨欠薪1700万元。"]
    c = ["奉贤区总工会去年全年追讨欠薪1200万元。"]
    d = ["杭州市总工会今年以来追讨欠薪900万元。"]
    e = ["某地今年以来追讨欠薪800万元。"]
    money, people = FigureType.MONEY, FigureType.PEOPLE
    this_year = ("2024-01-01", "2024-07-12")
    return [
        _doc(
            "a.pdf",
            "2024-07-12",
            "工人日报",
            a,
            [
                fig(a, money, "1850万余元", 18_500_000, "元", "欠薪", UNION, this_year, "over"),
                fig(a, people, "5893名", 5893, "名", "职工", UNION, this_year),
            ],
        ),
        _doc(
            "b.pdf",
            "2024-08-01",
            "劳动报",
            b,
            [
                fig(
                    b,
                    money,
                    "1700万元",
                    17_000_000,
                    "元",
                    "欠薪",
                    UNION,
                    ("2024-01-01", "2024-07-31"),
                )
            ],
        ),
        _doc(
            "c.pdf",
            "2024-01-05",
            "工人日报",
            c,
            [
                fig(
                    c,
                    money,
                    "1200万元",
                    12_000_000,
                    "元",
                    "欠薪",
                    UNION,
                    ("2023-01-01", "2023-12-31"),
                )
            ],
        ),
        _doc(
            "d.pdf",
            "2024-07-20",
            "工人日报",
            d,
            [fig(d, money, "900万元", 9e6, "元", "欠薪", OTHER_UNION)],
        ),
        _doc("e.pdf", "2024-07-21", "工人日报", e, [fig(e, money, "800万元", 8e6, "元", "欠薪")]),
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path: Path = tmp_path_factory.mktemp("check") / "archive.db"
    with Store.open(path) as store:
        for doc in _corpus():
            store.save_document(doc)
    return path


@pytest.fixture(scope="module")
def conn(db: Path) -> Iterator[sqlite3.Connection]:
    with Store.open(db, readonly=True) as store:
        yield store.connection


def test_claim_is_read_like_the_paper() -> None:
    claim = parse_claim("一千八百五十万余元")
    assert (claim.value, claim.qualifier, claim.unit) == (18_500_000, "over", "元")
    assert parse_claim("追讨欠薪1850万余元").text == "1850万余元"
    with pytest.raises(ClaimError, match="no figure"):
        parse_claim("全国两会")


def test_found_with_page_and_disagreements_first(conn: sqlite3.Connection) -> None:
    result = check_figure(conn, "1850万余元")
    assert result.found_total == 1
    found = result.found[0]
    assert (found.newspaper, found.page, found.agency) == ("工人日报", 2, UNION)
    assert "1850万余元" in found.sentence
    got = [(o.figure.text, o.relation) for o in result.others]
    # Same agency and measure only: 杭州 and the uncredited 800万元 count other things.
    assert got == [("1700万元", "same_period"), ("1200万元", "other_period")]
    assert all(o.compared_with == found.id for o in result.others)


def test_written_differently_is_the_same_figure(conn: sqlite3.Connection) -> None:
    assert check_figure(conn, "18,500,000元").found_total == 1
    assert check_figure(conn, "5893人").found[0].text == "5893名"
    # 人次 counts visits, not people.
    assert check_figure(conn, "5893人次").found_total == 0


def test_not_printed_lists_what_was_printed_instead(conn: sqlite3.Connection) -> None:
    result = check_figure(conn, "1900万元", measure="欠薪", agency=UNION)
    assert result.found_total == 0
    assert {o.figure.text for o in result.others} == {"1850万余元", "1700万元", "1200万元"}
    assert all(o.relation is None and o.compared_with is None for o in result.others)
    # Without a measure there is nothing to compare with.
    assert check_figure(conn, "1900万元").others == []


def test_filters_narrow_the_found(conn: sqlite3.Connection) -> None:
    assert check_figure(conn, "1850万余元", agency=OTHER_UNION).found_total == 0
    assert check_figure(conn, "1700万元", newspapers=("劳动报",)).found_total == 1


def test_cli_check_table_json_and_errors(db: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["check", "1850万余元", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "printed 1 time(s)" in out.output and "same period" in out.output
    out = runner.invoke(cli, ["check", "1850万余元", "--db", str(db), "--json"])
    data = json.loads(out.output)
    assert data["claim"]["value"] == 18_500_000 and data["found_total"] == 1
    assert [o["relation"] for o in data["others"]] == ["same_period", "other_period"]
    out = runner.invoke(cli, ["check", "全国两会", "--db", str(db)])
    assert out.exit_code == 2 and "no figure" in out.output


def test_api_check_matches_the_cli(db: Path) -> None:
    from fastapi.testclient import TestClient

    from baoku.api.main import create_app
    from tests.fixtures.api import api_settings

    with TestClient(create_app(api_settings(db))) as client:
        resp = client.get("/figures/check", params={"claim": "一千八百五十万余元"})
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert body["claim"]["value"] == 18_500_000 and body["claim"]["qualifier"] == "over"
        assert body["found_total"] == 1
        found = body["found"][0]
        assert found["text"] == "1850万余元" and found["newspaper"] == "工人日报"
        assert found["image"].endswith(f"?highlight={found['id']}")
        assert [(o["text"], o["relation"]) for o in body["others"]] == [
            ("1700万元", "same_period"),
            ("1200万元", "other_period"),
        ]
        assert {o["compared_with"] for o in body["others"]} == {found["id"]}
        # Filters narrow it the way `baoku check` does.
        narrowed = client.get(
            "/figures/check", params={"claim": "1850万余元", "agency": OTHER_UNION}
        ).json()
        assert narrowed["found_total"] == 0 and narrowed["others"] == []
        instead = client.get(
            "/figures/check", params={"claim": "1900万元", "measure": "欠薪", "agency": UNION}
        ).json()
        assert {o["relation"] for o in instead["others"]} == {None}
        # A claim with no number, and a reversed date range, are the client's to fix.
        bad = client.get("/figures/check", params={"claim": "全国两会"})
        assert bad.status_code == 422 and bad.json()["error"]["code"] == "no_figure_in_claim"
        assert "1850万余元" in bad.json()["error"]["message"]
        rev = client.get(
            "/figures/check",
            params={"claim": "1850万元", "date_from": "2024-02-01", "date_to": "2024-01-01"},
        )
        assert rev.status_code == 422 and set(rev.json()) == {"error"}
        missing = client.get("/figures/check")
        assert missing.status_code == 422 and set(missing.json()) == {"error"}


def test_a_change_in_one_sentence_is_not_a_disagreement(tmp_path: Path) -> None:
    text = ["奉贤区总工会今年调解成功率由过去的95%提高到98%。"]
    year = ("2024-01-01", "2024-07-12")
    pct = FigureType.PERCENT
    doc = _doc(
        "rate.pdf",
        "2024-07-12",
        "工人日报",
        text,
        [
            fig(text, pct, "95%", 95, "%", "调解成功率", UNION, year),
            fig(text, pct, "98%", 98, "%", "调解成功率", UNION, year),
        ],
    )
    other = ["奉贤区总工会今年调解成功率为90%。"]
    contradiction = _doc(
        "other.pdf",
        "2024-08-01",
        "劳动报",
        other,
        [fig(other, pct, "90%", 90, "%", "调解成功率", UNION, year)],
    )
    path = tmp_path / "rate.db"
    with Store.open(path) as store:
        store.save_document(doc)
        store.save_document(contradiction)
    with Store.open(path, readonly=True) as store:
        result = check_figure(store.connection, "98%")
    assert result.found_total == 1
    assert [(o.figure.text, o.relation) for o in result.others] == [("90%", "same_period")]
