"""Shared output options of the listing commands (``--csv`` beside ``--json``) and the
figures table's sentence window, on a small analysed archive."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from baoku.cli import cli
from baoku.commands.figures import FIGURE_COLUMNS, figure_context
from baoku.search.store import Store
from tests.fixtures.search_corpus import all_documents


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-out") / "archive.db"
    with Store.open(path) as store:
        for doc in all_documents():
            store.save_document(doc)
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def rows(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def test_figures_csv_has_the_json_records(db: Path) -> None:
    args = ("figures", "--db", str(db), "--type", "money", "--min", "1e6")
    code, out = run(*args, "--csv")
    assert code == 0, out
    got = rows(out)
    code, js = run(*args, "--json")
    want = json.loads(js)["figures"]
    assert got and len(got) == len(want)
    assert list(got[0]) == list(FIGURE_COLUMNS)
    for row, fig in zip(got, want, strict=True):
        assert float(row["value"]) == fig["value"]
        assert row["text"] == fig["text"] and row["sentence"] == fig["sentence"]
        assert row["agency"] == (fig["agency"] or "")


def test_search_csv_ranks_hits(db: Path) -> None:
    code, out = run("search", "欠薪", "--db", str(db), "--csv")
    assert code == 0, out
    got = rows(out)
    assert [r["rank"] for r in got] == ["1"] and got[0]["total"] == "1"
    assert "[欠薪]" in got[0]["snippet"]


def test_entities_and_documents_csv(db: Path) -> None:
    code, out = run("entities", "--db", str(db), "--label", "place", "--csv")
    assert code == 0, out
    places = rows(out)
    assert {r["canonical"] for r in places} >= {"上海市奉贤区", "北京市"}
    assert all(r["label"] == "PLACE" for r in places)
    code, out = run("documents", "--db", str(db), "--csv")
    assert code == 0, out
    docs = rows(out)
    assert docs and all(r["status"] and r["sha256"] for r in docs)
    assert all(r["error"] != "None" for r in docs)  # None is an empty cell


def test_json_and_csv_together_is_a_usage_error(db: Path) -> None:
    code, out = run("figures", "--db", str(db), "--json", "--csv")
    assert code == 2 and "one of --json and --csv" in out


def test_figure_context_marks_the_figure_and_elides() -> None:
    sentence = "该体系自2021年全面运行以来，为职工追回经济损失1850万余元，开展普法宣传70余场。"
    text = figure_context(sentence, "1850万余元", width=6)
    assert text.plain == "…追回经济损失1850万余元，开展普法宣…"
    marked = [text.plain[s.start : s.end] for s in text.spans]
    assert marked == ["1850万余元"]
    # A figure the sentence does not hold verbatim still shows the sentence's start.
    assert figure_context("短句。", "9件").plain == "短句。"


def _ids(out: str) -> set[str]:
    return {h["id"] for h in json.loads(out)["hits"]}


def test_search_words_need_no_quotes(db: Path) -> None:
    quoted = run("search", "工会 调解", "--db", str(db), "--json")[1]
    code, out = run("search", "工会", "调解", "--db", str(db), "--json")
    assert code == 0, out
    assert _ids(out) == _ids(quoted) and _ids(out)
    # A leading dash excludes, as inside quotes.
    code, out = run("search", "工会", "-调解", "--db", str(db), "--json")
    assert code == 0, out
    assert _ids(out) == _ids(run("search", "工会 -调解", "--db", str(db), "--json")[1])
    assert not _ids(out) & _ids(quoted)
    # A misspelt option is refused, not searched for.
    code, out = run("search", "工会", "--limt", "3", "--db", str(db))
    assert code == 2 and "no such option: --limt" in out


def test_figure_bounds_read_like_the_paper(db: Path) -> None:
    digits = run("figures", "--db", str(db), "--min", "18500000", "--json")[1]
    code, out = run("figures", "--db", str(db), "--min", "1850万", "--json")
    assert code == 0, out
    assert json.loads(out) == json.loads(digits) and json.loads(out)["total"] >= 1
    code, out = run("figures", "--db", str(db), "--min", "lots")
    assert code == 2 and "not a number" in out
    code, out = run("figures", "--db", str(db), "--min", "5", "--max", "1")
    assert code == 2 and "--min is above --max" in out


def test_query_batch_summary_as_json(db: Path, tmp_path: Path) -> None:
    questions = tmp_path / "q.csv"
    questions.write_text("query\n欠薪\n工会\n", encoding="utf-8")
    out_csv = tmp_path / "hits.csv"
    code, out = run(
        "search", "--queries", str(questions), "--out", str(out_csv), "--db", str(db), "--json"
    )
    assert code == 0, out
    summary = json.loads(out)
    assert summary["queries"] == 2 and summary["hits"] == len(rows(out_csv.read_text("utf-8")))
    code, out = run(
        "search", "欠薪", "--queries", str(questions), "--out", str(out_csv), "--db", str(db)
    )
    assert code == 2 and "leave out the words" in out
