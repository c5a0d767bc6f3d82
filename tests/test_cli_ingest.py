"""`baoku ingest` / `documents` / `export` end to end on real sample pages and broken files."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from baoku.cli import cli
from tests.fixtures.pdfs import blank_pdf, text_pdf, truncated_pdf

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    """Three real pages of one issue plus one file of each broken kind."""
    d = tmp_path / "in"
    d.mkdir()
    for f in sorted(EXAMPLES.glob("grrb*.pdf")):
        shutil.copy(f, d / f.name)
    (d / "zero.pdf").write_bytes(b"")
    (d / "page.pdf").write_text("<html>not found</html>")
    truncated_pdf(EXAMPLES / "ldb20240315004.pdf", d / "cut.pdf")
    text_pdf(d / "locked.pdf", ["工会"], encrypt="pw")
    blank_pdf(d / "blank.pdf")
    return d


def test_batch_with_bad_files_ingests_every_good_one(batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    code, out = _run("ingest", str(batch), "--db", str(db), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["counts"]["ingested"] == 3
    assert report["counts"]["failed"] == 5
    failed = [f for f in report["files"] if f["status"] == "failed"]
    reasons = {Path(f["path"]).name: f["reason"] for f in failed}
    assert "empty" in reasons["zero.pdf"]
    assert "not a PDF" in reasons["page.pdf"]
    assert "password" in reasons["locked.pdf"]
    assert "blank" in reasons["blank.pdf"]
    assert reasons["cut.pdf"]
    assert all("\n" not in r for r in reasons.values())

    code, out = _run("documents", "--db", str(db), "--json")
    docs = json.loads(out)
    assert {d["status"] for d in docs} == {"ingested", "failed"}
    assert all(d["error"] for d in docs if d["status"] == "failed")
    # Every failure is on record, also those refused before reading (empty, not a PDF).
    stored = {Path(d["path"]).name: d["error"] for d in docs if d["status"] == "failed"}
    assert stored == reasons


def test_reingest_is_a_noop_and_force_replaces(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    page = EXAMPLES / "ldb20240315004.pdf"
    _run("ingest", str(page), "--db", str(db))
    code, out = _run("ingest", str(page), "--db", str(db), "--json")
    assert code == 0 and json.loads(out)["counts"]["skipped"] == 1
    first = _run("export", "--db", str(db))[1]
    code, out = _run("ingest", str(page), "--db", str(db), "--force", "--json")
    assert json.loads(out)["counts"]["ingested"] == 1
    assert _run("export", "--db", str(db))[1].splitlines() == first.splitlines()


def test_nothing_ingestible_exits_nonzero(tmp_path: Path) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_text("plain text")
    code, _ = _run("ingest", str(bad), "--db", str(tmp_path / "a.db"))
    assert code == 1


def test_export_merges_continued_articles(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    _run("ingest", *[str(p) for p in sorted(EXAMPLES.glob("grrb*.pdf"))], "--db", str(db))
    out = _run("export", "--db", str(db), "--format", "jsonl")[1]
    records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    articles = [r for r in records if r["type"] == "article"]
    photos = [r for r in records if r["type"] == "photo"]
    assert articles and photos
    continued = [r for r in articles if len(r["pages"]) > 1]
    gold_pairs = 0
    for g in EXAMPLES.glob("grrb*.gold.json"):
        gold_pairs += sum(1 for a in json.loads(g.read_text())["articles"] if a["continues_to"])
    assert len(continued) == gold_pairs > 0
    for r in continued:
        assert r["continuations"] and len({p["page"] for p in r["parts"]}) == len(r["pages"])
    assert all(r["source"]["sha256"] and r["newspaper"] == "工人日报" for r in articles)
    # the NLP stage's facts come with each article, traceable to their sentence
    figures = [f for r in articles for f in r["figures"]]
    assert figures and all(f["sentence"] and f["text"] in f["sentence"] for f in figures)
    assert any(e["label"] == "AGENCY" for r in articles for e in r["entities"])

    out_csv = tmp_path / "a.csv"
    _run("export", "--db", str(db), "--format", "csv", "--out", str(out_csv))
    with out_csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(records)
    assert {"id", "headline", "text", "pages"} <= set(rows[0])


def test_date_page_overrides_and_env_db(tmp_path: Path) -> None:
    page = tmp_path / "scan_of_unknown_origin.pdf"
    shutil.copy(EXAMPLES / "ldb20240315004.pdf", page)
    db = tmp_path / "env.db"
    code, _ = _run(
        "ingest", str(page), "--date", "2020/1/5", "--page", "7", env={"BAOKU_DB": str(db)}
    )
    assert code == 0 and db.exists()
    out = _run("export", env={"BAOKU_DB": str(db)})[1]
    rec = json.loads(out.splitlines()[0])
    assert rec["date"] == "2020-01-05" and rec["pages"] == [7]


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["ingest", str(EXAMPLES), "--date", "yesterday", "--db", str(tmp_path / "a.db")]
    )
    assert result.exit_code == 2 and "--date" in result.output


def test_two_workers_match_one(tmp_path: Path) -> None:
    one, two = tmp_path / "1.db", tmp_path / "2.db"
    pages = [str(p) for p in sorted(EXAMPLES.glob("*.pdf"))]
    _run("ingest", *pages, "--db", str(one), "--workers", "1")
    _run("ingest", *pages, "--db", str(two), "--workers", "2")
    a = sorted(_run("export", "--db", str(one))[1].splitlines())
    b = sorted(_run("export", "--db", str(two))[1].splitlines())
    assert a == b and a


def test_needs_ocr_files_are_read_again_once_ocr_is_on(tmp_path: Path) -> None:
    from tests.fixtures.pdfs import image_only_pdf

    scan = image_only_pdf(tmp_path / "scan.pdf")
    db = str(tmp_path / "a.db")
    report = json.loads(_run("ingest", str(scan), "--db", db, "--ocr", "never", "--json")[1])
    assert report["counts"]["needs_ocr"] == 1
    # The reason is on the document record, not only in this run's summary.
    listed = json.loads(_run("documents", "--db", db, "--json")[1])
    assert listed[0]["status"] == "needs_ocr" and "p1:" in listed[0]["error"]
    report = json.loads(_run("ingest", str(scan), "--db", db, "--ocr", "auto", "--json")[1])
    assert report["counts"]["skipped"] == 0
    again = json.loads(_run("ingest", str(scan), "--db", db, "--ocr", "never", "--json")[1])
    assert again["counts"]["skipped"] == 1


def test_mistyped_folders_start_nothing(tmp_path: Path) -> None:
    page = EXAMPLES / "ldb20240315004.pdf"
    nowhere = tmp_path / "no-such-folder"
    code, _ = _run("ingest", str(page), "--db", str(nowhere / "a.db"))
    assert code == 2 and not nowhere.exists()
    db = tmp_path / "a.db"
    assert _run("ingest", str(page), "--db", str(db))[0] == 0
    code, _ = _run("export", "--db", str(db), "--out", str(nowhere / "x.jsonl"))
    assert code == 2 and not nowhere.exists()


def test_progress_as_lines_when_not_a_terminal(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["ingest", str(EXAMPLES / "ldb20240315004.pdf"), "--db", str(tmp_path / "a.db")]
    )
    assert result.exit_code == 0, result.output
    assert "ingest: 1/1 files, 1/1 pages" in result.stderr and "pages/s" in result.stderr


def test_no_files_hints_at_subfolders(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLES / "ldb20240315004.pdf", tmp_path / "in" / "sub" / "p.pdf")
    result = CliRunner().invoke(
        cli, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "a.db")]
    )
    assert result.exit_code == 1 and "add -r" in result.output


def test_stored_path_is_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Page images are rendered from the stored path, by a server started anywhere.
    shutil.copy(EXAMPLES / "ldb20240315004.pdf", tmp_path / "p.pdf")
    monkeypatch.chdir(tmp_path)
    assert _run("ingest", "p.pdf", "--db", "a.db")[0] == 0
    docs = json.loads(_run("documents", "--db", "a.db", "--json")[1])
    assert docs[0]["path"] == str(tmp_path / "p.pdf")
