"""Facts of an article continued on another page are made with the whole article in view: the
later part's 西海岸新区总工会 / 区人社局 resolve to the place its head named, whichever file
is ingested first, and a link undone later is noticed."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from baoku.runner import BatchOptions, refresh_continued_facts, run_batch
from baoku.search.query import SearchQuery
from baoku.search.sqlite_backend import SqliteBackend
from baoku.search.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ISSUE = sorted(EXAMPLES.glob("grrb*.pdf"))  # a 3-page issue with 下转/上接 between pages
PLACE = "青岛市"  # the head names 山东青岛西海岸新区; the continued part only 西海岸新区


def _linked_tail(db: Path) -> tuple[str, str]:
    """(head, tail) of the continued article about 西海岸新区."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT c.from_article, c.to_article FROM continuations c "
            "JOIN entity_mentions e ON e.article = c.to_article "
            "WHERE e.text LIKE '%西海岸新区%' GROUP BY c.to_article"
        ).fetchall()
    finally:
        conn.close()
    assert len(rows) == 1, rows
    return rows[0]


def _agencies(db: Path, part: str) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(
            conn.execute(
                "SELECT text, canonical FROM entity_mentions WHERE article = ? "
                "AND label = 'AGENCY'",
                (part,),
            ).fetchall()
        )
    finally:
        conn.close()


def _context(db: Path, part: str) -> str | None:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT facts_context FROM articles WHERE id = ?", (part,)).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def _ingest(db: Path, files: list[Path], **options: object) -> None:
    with Store.open(db) as store:
        summary = run_batch(files, store, BatchOptions(**options))  # type: ignore[arg-type]
    assert summary.count("ingested") == len(files)


def test_continued_part_resolves_with_its_head(tmp_path: Path) -> None:
    db = tmp_path / "one.db"
    _ingest(db, ISSUE)
    head, tail = _linked_tail(db)
    assert _context(db, tail) == head
    found = _agencies(db, tail)
    # Read alone, the part gave 西海岸新区总工会 and 西海岸新区人力资源和社会保障局.
    assert found["西海岸新区总工会"] == "青岛市西海岸新区总工会"
    assert found["区人社局"] == "青岛市西海岸新区人力资源和社会保障局"
    named_there = [c for c in found.values() if "西海岸新区" in c]
    assert named_there and all(c.startswith(PLACE) for c in named_there)
    with Store.open(db, readonly=True) as store:
        assert store.stale_continued_parts() == []
        # The search index was rebuilt with them: no facet value for the short form.
        result = SqliteBackend(store).search(SearchQuery("西海岸新区", facets=("agency",)))
        agencies = {f.value for f in result.facets["agency"]}
        assert "青岛市西海岸新区人力资源和社会保障局" in agencies
        assert not {a for a in agencies if a.startswith("西海岸新区")}


def test_same_facts_whichever_page_comes_first(tmp_path: Path) -> None:
    together = tmp_path / "together.db"
    _ingest(together, ISSUE)
    apart = tmp_path / "apart.db"
    for path in reversed(ISSUE):  # continuations first, one batch each
        _ingest(apart, [path])
    head, tail = _linked_tail(apart)
    assert _context(apart, tail) == head
    assert _agencies(apart, tail) == _agencies(together, _linked_tail(together)[1])


def test_undone_link_is_read_alone_again(tmp_path: Path) -> None:
    db = tmp_path / "undone.db"
    _ingest(db, ISSUE)
    head, tail = _linked_tail(db)
    with Store.open(db) as store:
        head_file = store.connection.execute(
            "SELECT d.sha256 FROM articles a JOIN documents d ON d.id = a.document WHERE a.id = ?",
            (head,),
        ).fetchone()[0]
        assert store.delete_document(head_file)
        tasks = store.stale_continued_parts()
        # Every part the deleted page continued onto now stands alone.
        assert (tail, None) in [(t.part, t.head) for t in tasks]
        assert {t.head for t in tasks} == {None}
        assert refresh_continued_facts(store) == {t.sha256 for t in tasks}
        assert store.stale_continued_parts() == []
    assert _context(db, tail) is None
    assert _agencies(db, tail)["西海岸新区总工会"] == "西海岸新区总工会"


def test_no_facts_batch_leaves_parts_alone(tmp_path: Path) -> None:
    db = tmp_path / "bare.db"
    _ingest(db, ISSUE, facts=False)
    with Store.open(db, readonly=True) as store:
        assert store.connection.execute(
            "SELECT COUNT(*) FROM articles WHERE facts_context IS NOT NULL"
        ).fetchone() == (0,)
        assert store.connection.execute("SELECT COUNT(*) FROM entity_mentions").fetchone() == (0,)


def test_sentence_broken_by_the_jump_is_read_whole() -> None:
    from baoku.ingest.records import Article, ArticleType
    from baoku.nlp.analyze import analyze_article

    lead_in = "该体系自2021年全面运行以来，共为5893名职工提供服务，为职工追"
    part = Article(ArticleType.ARTICLE, paragraphs=["回经济损失1850万余元，开展普法宣传70余场。"])
    alone = analyze_article(part, pub_date="2024-07-12")
    joined = analyze_article(part, pub_date="2024-07-12", lead_in=lead_in)
    money = next(f for f in joined.figures if f.text == "1850万余元")
    assert part.text[money.start : money.end] == "1850万余元" and money.paragraph == 0
    assert "自2021年全面运行以来" in money.sentence and money.period_start == "2021-01-01"
    assert money.measure == "经济损失"
    # Facts inside the lead-in belong to the previous part.
    assert "5893名" not in {f.text for f in joined.figures}
    assert all(e.start >= 0 and e.end <= len(part.text) for e in joined.entities)
    assert {f.text for f in joined.figures} == {f.text for f in alone.figures}
    alone_money = next(f for f in alone.figures if f.text == "1850万余元")
    assert alone_money.period_start is None


@given(st.text(alphabet="甲乙丙。！？，”\n", max_size=30))
def test_unfinished_sentence_is_the_text_after_the_last_end(text: str) -> None:
    from baoku.search.part_context import unfinished_sentence

    got = unfinished_sentence(text)
    assert text.rstrip().endswith(got)
    assert not any(mark in got for mark in "。！？\n")
    if got:  # only when the text does not end a sentence
        assert not re.search(r"[。！？]”*\Z", text.rstrip())
