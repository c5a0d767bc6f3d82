"""``baoku search`` / ``figures`` / ``entities`` / ``reindex`` on a small analysed archive:
tables, --json shapes, CSV batches, and friendly errors."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from baoku.cli import cli
from baoku.search.schema import SCHEMA_VERSION
from baoku.search.store import Store
from tests.fixtures.search_corpus import Headlines, all_documents

H = Headlines


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "archive.db"
    with Store.open(path) as store:
        for doc in all_documents():
            store.save_document(doc)
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_search_json_is_the_api_shape(db: Path) -> None:
    code, out = run("search", "欠薪", "--db", str(db), "--json", "--facets")
    assert code == 0, out
    data = json.loads(out)
    assert data["total"] == 1
    hit = data["hits"][0]
    assert set(hit) == {"id", "headline", "newspaper", "date", "page", "score", "snippet"}
    assert hit["headline"] == H.CONTINUED and hit["page"] == 1 and hit["date"] == "2024-07-12"
    assert "[欠薪]" in hit["snippet"] and "欠 薪" not in hit["snippet"]
    assert {"value": "上海市", "count": 1} in data["facets"]["place"]


def test_search_table_marks_the_match(db: Path) -> None:
    code, out = run("search", "调解成功率", "--db", str(db))
    assert code == 0, out
    assert "1 hits" in out and "[调解成功率]" in out


def test_search_filters_and_figure_options(db: Path) -> None:
    code, out = run(
        "search",
        "--db",
        str(db),
        "--json",
        "--type",
        "cases",
        "--min",
        "1,000",
        "--measure",
        "案件",
    )
    assert code == 0, out
    assert [h["headline"] for h in json.loads(out)["hits"]] == [H.LEGAL_AID]
    code, out = run(
        "search",
        "工会",
        "--db",
        str(db),
        "--json",
        "--place",
        "上海",
        "--from",
        "2024-01-01",
        "--sort",
        "-date",
    )
    assert [h["headline"] for h in json.loads(out)["hits"]] == [H.CONTINUED, H.PUTUO]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--", "-欠薪"], "only of excluded words"),
        (["工会", "--from", "2024-13-01"], "YYYY-MM-DD"),
        (["--type", "moneyy"], "is not one of"),
        (["--min", "lots"], "not a number"),
        ([], "nothing to search for"),
        (["工会", "--from", "2024-02-01", "--to", "2024-01-01"], "--from is after --to"),
    ],
)
def test_friendly_errors(db: Path, args: list[str], message: str) -> None:
    code, out = run("search", "--db", str(db), *args)
    assert code != 0
    assert message in out
    assert "Traceback" not in out


def test_missing_archive_says_what_to_run(tmp_path: Path) -> None:
    code, out = run("search", "欠薪", "--db", str(tmp_path / "none.db"))
    assert code != 0 and "baoku ingest" in out


def test_batch_queries_to_csv(db: Path, tmp_path: Path) -> None:
    queries = tmp_path / "q.csv"
    queries.write_text("query,place,from\n欠薪,,\n工会,上海|北京,2024-01-01\n", encoding="utf-8")
    out = tmp_path / "hits.csv"
    code, output = run("search", "--db", str(db), "--queries", str(queries), "--out", str(out))
    assert code == 0, output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["query"], r["headline"]) for r in rows if r["query"] == "欠薪"] == [
        ("欠薪", H.CONTINUED)
    ]
    assert {r["headline"] for r in rows if r["query"] == "工会"} == {H.CONTINUED, H.PUTUO}


def test_batch_reports_the_bad_row(db: Path, tmp_path: Path) -> None:
    queries = tmp_path / "q.csv"
    queries.write_text("query,from\n欠薪,\n工会,yesterday\n", encoding="utf-8")
    code, out = run(
        "search", "--db", str(db), "--queries", str(queries), "--out", str(tmp_path / "o.csv")
    )
    assert code != 0 and "row 3" in out


def test_figures_json_with_provenance(db: Path) -> None:
    code, out = run("figures", "--db", str(db), "--type", "money", "--min", "1e6", "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["total"] == 2
    top = data["figures"][0]
    assert top["text"] == "2000万元" and top["page"] == 3 and top["bbox"]
    assert "2000万元" in top["sentence"]


def test_entities_json(db: Path) -> None:
    code, out = run("entities", "--db", str(db), "--label", "place", "--json")
    assert code == 0, out
    names = [e["canonical"] for e in json.loads(out)]
    assert set(names) == {"上海市奉贤区", "上海市普陀区", "北京市", "杭州市"}


def test_reindex_to_unreachable_es_is_a_clear_error(db: Path) -> None:
    code, out = run("reindex", "--to", "es", "--es", "http://127.0.0.1:9", "--db", str(db))
    assert code != 0 and "cannot reach Elasticsearch" in out


def test_reindex_to_sqlite_rebuilds_and_reports(tmp_path: Path, db: Path) -> None:
    copy = tmp_path / "copy.db"
    with Store.open(db, readonly=True) as src, Store.open(copy) as dst:
        src.connection.backup(dst.connection)
    code, out = run("reindex", "--to", "sqlite", "--db", str(copy), "--json")
    assert code == 0, out
    with Store.open(copy, readonly=True) as store:
        assert json.loads(out) == {"target": "sqlite", "indexed": store.whole_article_count()}
    code, out = run("search", "欠薪", "--db", str(copy), "--json")
    assert json.loads(out)["total"] == 1


def test_a_listing_upgrades_an_archive_an_older_baoku_wrote(tmp_path: Path) -> None:
    old = tmp_path / "v6.db"
    with Store.open(old) as store:
        for doc in all_documents():
            store.save_document(doc)
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("DROP TABLE es_backlog")  # what schema 7 added
    conn.execute("PRAGMA user_version = 6")
    conn.close()
    result = CliRunner().invoke(cli, ["search", "工会", "--db", str(old), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"] > 0  # the note went to stderr
    assert "upgrading" in result.stderr and "schema version 6 to" in result.stderr
    with Store.open(old, readonly=True) as store:
        assert store.schema_version == SCHEMA_VERSION
