"""Store of record: schema, round trip, duplicates, atomic replace, failures, continuations."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from baoku.ingest.records import ArticleType, DocumentStatus, SourceFile, TextSource
from baoku.search.linking import Candidate, choose_links, headline_similarity, normalize_headline
from baoku.search.schema import SCHEMA_VERSION
from baoku.search.store import (
    InvalidRecordError,
    NotADatabaseError,
    SaveOutcome,
    SchemaVersionError,
    Store,
    StoreLockedError,
    StoreReadOnlyError,
    StoreUnavailableError,
    StoreWriteError,
)
from tests.fixtures.store_docs import (
    article,
    document,
    front_page,
    page,
    second_page,
    sha,
    source,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "db" / "baoku.db")
    yield s
    s.close()


def headlines(store: Store, **kw: object) -> list[str]:
    return [a.headline for a in store.iter_articles(**kw)]


# ---------------------------------------------------------------- opening


def test_open_creates_folders_schema_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "archive.db"
    with Store.open(path) as store:
        assert path.is_file()
        assert store.schema_version == SCHEMA_VERSION
        conn = store.connection
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {
            "documents",
            "pages",
            "articles",
            "article_parts",
            "blocks",
            "continuations",
        } <= tables
    with Store.open(path) as again:  # reopening does not re-run migrations
        assert again.schema_version == SCHEMA_VERSION


def test_not_a_database_names_the_path(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are not the pages you are looking for " * 100)
    with pytest.raises(NotADatabaseError) as err:
        Store.open(junk)
    assert str(junk) in str(err.value)
    assert "not a SQLite database" in str(err.value)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaVersionError, match="upgrade baoku"):
        Store.open(path)


def test_locked_database_raises_typed_error_at_open_and_at_save(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    with Store.open(path, busy_timeout_s=0.1) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreLockedError, match="locked"):
                Store.open(path, busy_timeout_s=0.1)
            with pytest.raises(StoreLockedError) as err:
                store.save_document(front_page())
            assert str(path) in str(err.value)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert store.save_document(front_page()) is SaveOutcome.INSERTED


def test_readonly_open_reads_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    with Store.open(path) as store:
        store.save_document(front_page())
    with Store.open(path, readonly=True) as ro:
        assert len(list(ro.iter_articles())) == 2
        with pytest.raises(StoreReadOnlyError, match="readonly"):
            ro.save_document(second_page())
    with pytest.raises(StoreUnavailableError, match="no archive"):
        Store.open(tmp_path / "missing.db", readonly=True)


def test_unwritable_path_is_refused_before_sqlite_touches_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ro.db"
    Store.open(path).close()
    # Root ignores permission bits, so simulate what a normal user's os.access reports.
    monkeypatch.setattr("baoku.search.store.os.access", lambda *_a, **_k: False)
    with pytest.raises(StoreReadOnlyError, match="readonly=True") as err:
        Store.open(path)
    assert str(path) in str(err.value)
    with Store.open(path, readonly=True) as ro:  # reading needs no write access
        assert ro.stats()["documents"]["total"] == 0


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions"
)
def test_read_only_file_raises_typed_error(tmp_path: Path) -> None:
    path = tmp_path / "locked-down" / "ro.db"
    Store.open(path).close()
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        with pytest.raises(StoreReadOnlyError, match="read-only"):
            Store.open(path)
    finally:
        path.parent.chmod(0o755)
        path.chmod(0o644)


# ---------------------------------------------------------------- round trip


def test_round_trip_document_pages_blocks_articles(store: Store) -> None:
    doc = document(
        "grrb20240712003.pdf",
        [page(0, 3), page(1, 4, page_name="副刊")],
        [
            article(
                "职工书屋开到家门口",
                ["第一段。", "第二段。"],
                page_no=3,
                reporters=["李四", "王五"],
                text_source=TextSource.OCR,
                ocr_confidence=0.91,
            ),
            article("", ["图为职工在书屋阅读。"], page_index=1, page_no=4, type=ArticleType.PHOTO),
        ],
    )
    doc.articles[0].kicker = "基层风采"
    doc.articles[0].lead = "阅读提示：书屋进社区。"
    doc.articles[1].photographers = ["赵六"]
    assert store.save_document(doc) is SaveOutcome.INSERTED

    stored = store.find_document(doc.source.sha256)
    assert stored is not None
    assert (stored.path, stored.size, stored.pages) == (doc.source.path, doc.source.size, 2)
    assert stored.status is DocumentStatus.INGESTED and stored.error is None
    assert stored.ingested_at.endswith("+00:00")
    assert store.find_document(sha("nothing")) is None
    assert [d.sha256 for d in store.list_documents()] == [doc.source.sha256]
    assert store.list_documents(DocumentStatus.FAILED) == []

    art = doc.articles[0]
    rec = store.get_article(art.content_id(doc.source.sha256))
    assert rec is not None
    assert rec.type is ArticleType.ARTICLE
    assert (rec.newspaper, rec.date, rec.pages, rec.page_name) == (
        "工人日报",
        "2024-07-12",
        [3],
        "要闻",
    )
    assert (rec.kicker, rec.headline, rec.lead) == (
        "基层风采",
        "职工书屋开到家门口",
        "阅读提示：书屋进社区。",
    )
    assert rec.reporters == ["李四", "王五"]
    assert rec.paragraphs == ["第一段。", "第二段。"] and rec.text == "第一段。\n第二段。"
    assert rec.source.file == doc.source.path and rec.source.sha256 == doc.source.sha256
    assert [b.rounded() for b in rec.parts[0].bboxes] == [b.rounded() for b in art.parts[0].bboxes]
    assert rec.text_source is TextSource.OCR and rec.ocr_confidence == pytest.approx(0.91)
    assert rec.continuations == [] and rec.continues_to is None

    photo = store.get_article(doc.articles[1].content_id(doc.source.sha256))
    assert photo is not None and photo.photographers == ["赵六"] and photo.pages == [4]
    assert photo.page_name == "副刊"
    assert headlines(store) == ["职工书屋开到家门口"]
    assert [a.type for a in store.iter_articles(types=("article", "photo"))] == [
        ArticleType.ARTICLE,
        ArticleType.PHOTO,
    ]

    blocks = store.connection.execute(
        "SELECT page_index, seq, role, text FROM blocks ORDER BY page_index, seq"
    ).fetchall()
    assert blocks == [
        (0, 0, "header", "工人日报 2024-07-12 第3版"),
        (0, 1, "body", "第3版正文"),
        (1, 0, "header", "工人日报 2024-07-12 第4版"),
        (1, 1, "body", "第4版正文"),
    ]
    s = store.stats()
    assert s["documents"] == {"ingested": 1, "total": 1}
    assert s["pages"] == {"ok": 2, "total": 2}
    assert s["articles"] == {"article": 1, "photo": 1, "total": 2}
    assert s["blocks"]["total"] == 4 and s["article_parts"]["total"] == 2


def test_unknown_type_filter_says_what_is_allowed(store: Store) -> None:
    with pytest.raises(ValueError, match="article, photo, ad"):
        list(store.iter_articles(types=("editorial",)))


def test_identical_parts_in_one_document_keep_both(store: Store) -> None:
    ad = article("", [], type=ArticleType.AD)
    ad.parts = []
    doc = document("ads.pdf", [page(0, 8)], [ad, article("", [], type=ArticleType.AD)])
    doc.articles[1].parts = []
    store.save_document(doc)
    assert store.stats()["articles"]["ad"] == 2
    assert [r.pages for r in store.iter_articles(types=("ad",))] == [[8], [8]]


# ---------------------------------------------------------------- duplicates and replace


def test_resaving_same_hash_is_a_noop(store: Store) -> None:
    doc = front_page()
    assert store.save_document(doc) is SaveOutcome.INSERTED
    before = (store.stats(), store.find_document(doc.source.sha256))
    changed = front_page(headline="完全不同的标题")
    assert store.save_document(changed) is SaveOutcome.SKIPPED_DUPLICATE
    assert (store.stats(), store.find_document(doc.source.sha256)) == before
    assert "让劳动者共享发展成果" in headlines(store)


def test_replace_swaps_contents_and_keeps_document_id(store: Store) -> None:
    old = front_page()
    store.save_document(old)
    doc_id = store.find_document(old.source.sha256).id  # type: ignore[union-attr]
    new = document(
        old.source.path.rsplit("/", 1)[1],
        [page(0, 1), page(1, 1)],
        [article("新版标题", ["新正文。"], page_no=1)],
    )
    assert store.save_document(new, replace=True) is SaveOutcome.REPLACED
    stored = store.find_document(old.source.sha256)
    assert stored is not None and stored.id == doc_id and stored.pages == 2
    assert headlines(store) == ["新版标题"]
    assert store.stats()["blocks"]["total"] == 4


def _install_failing_insert(store: Store, headline: str) -> None:
    # A TEMP trigger makes a real INSERT fail inside SQLite, mid-transaction.
    store.connection.execute(
        "CREATE TEMP TRIGGER fail_insert BEFORE INSERT ON main.articles "
        f"WHEN NEW.headline = '{headline}' BEGIN SELECT RAISE(ABORT, 'forced failure'); END"
    )


def test_failed_replace_leaves_old_records_intact(store: Store) -> None:
    store.save_document(front_page())
    store.save_document(second_page())
    before_stats = store.stats()
    before = [r.to_json_dict() for r in store.iter_articles(types=("article", "photo", "ad"))]
    assert before_stats["continuations"]["total"] == 1

    replacement = front_page()
    replacement.articles = [
        article("第一篇没问题", ["正文。"], page_no=1),
        article("boom", ["第二篇插入时失败。"], page_no=1, y=500.0),
    ]
    _install_failing_insert(store, "boom")
    with pytest.raises(StoreWriteError, match="forced failure") as err:
        store.save_document(replacement, replace=True)
    assert "rolled back" in str(err.value)
    assert not store.connection.in_transaction
    assert store.stats() == before_stats
    after = [r.to_json_dict() for r in store.iter_articles(types=("article", "photo", "ad"))]
    assert after == before
    # The store stays usable after the failure.
    store.connection.execute("DROP TRIGGER temp.fail_insert")
    assert store.save_document(replacement, replace=True) is SaveOutcome.REPLACED
    assert "boom" in headlines(store)


def test_failed_first_save_leaves_nothing(store: Store) -> None:
    _install_failing_insert(store, "boom")
    doc = document("x.pdf", [page(0, 1)], [article("boom", ["x"], page_no=1)])
    with pytest.raises(StoreWriteError):
        store.save_document(doc)
    assert store.find_document(doc.source.sha256) is None
    assert store.stats()["pages"]["total"] == 0


# ---------------------------------------------------------------- failures


def test_failed_document_is_stored_with_its_error(store: Store) -> None:
    doc = document("broken.pdf", [], [], status=DocumentStatus.FAILED, error="PDF is encrypted")
    assert store.save_document(doc) is SaveOutcome.INSERTED
    stored = store.find_document(doc.source.sha256)
    assert stored is not None and stored.status is DocumentStatus.FAILED
    assert stored.error == "PDF is encrypted"
    with pytest.raises(InvalidRecordError, match="error message"):
        store.save_document(document("b2.pdf", [], [], status=DocumentStatus.FAILED))


def test_record_failure_is_isolated_and_never_overwrites_good_documents(store: Store) -> None:
    good = front_page()
    store.save_document(good)
    before = store.stats()

    bad = source("truncated.pdf")
    assert store.record_failure(bad, "truncated file: EOF marker missing") is SaveOutcome.INSERTED
    assert store.record_failure(bad, "still truncated") is SaveOutcome.REPLACED
    failed = store.list_documents("failed")
    assert [(d.sha256, d.error, d.pages) for d in failed] == [(bad.sha256, "still truncated", 0)]

    # A copy of the good file failing to read must not wipe what is stored.
    copy = SourceFile(path="/elsewhere/copy.pdf", sha256=good.source.sha256, size=good.source.size)
    assert store.record_failure(copy, "disk error") is SaveOutcome.SKIPPED_DUPLICATE
    kept = store.find_document(good.source.sha256)
    assert kept is not None and kept.status is DocumentStatus.INGESTED and kept.error is None
    after = store.stats()
    assert after["articles"] == before["articles"] and after["pages"] == before["pages"]

    # Once the file reads, a plain save supersedes the failure row.
    fixed = document("truncated.pdf", [page(0, 5)], [article("修好了", ["正文。"], page_no=5)])
    assert store.save_document(fixed) is SaveOutcome.REPLACED
    assert store.find_document(bad.sha256).status is DocumentStatus.INGESTED  # type: ignore[union-attr]
    assert store.find_document(bad.sha256).error is None  # type: ignore[union-attr]


# ---------------------------------------------------------------- continuations


@pytest.mark.parametrize("order", ["page1_first", "page2_first"])
def test_continuation_across_files_in_either_order(store: Store, order: str) -> None:
    p1, p2 = front_page(), second_page()
    for doc in [p1, p2] if order == "page1_first" else [p2, p1]:
        store.save_document(doc)
    recs = list(store.iter_articles())
    assert [r.headline for r in recs] == ["让劳动者共享发展成果", "高温下的坚守", "职工医保改革"]
    whole = recs[0]
    head_id = p1.articles[0].content_id(p1.source.sha256)
    tail_id = p2.articles[0].content_id(p2.source.sha256)
    assert whole.id == head_id and whole.part_ids == [head_id, tail_id]
    # The continued part started mid-paragraph: joined onto 第二段开头.
    assert whole.paragraphs == ["第一段。", "第二段开头接着说完。", "第三段。"]
    assert whole.pages == [1, 2]
    assert [(p.page_no, p.sha256) for p in whole.parts] == [
        (1, p1.source.sha256),
        (2, p2.source.sha256),
    ]
    assert [(c.from_article, c.to_article) for c in whole.continuations] == [(head_id, tail_id)]
    assert whole.continues_to is None and whole.continued_from is None
    assert whole.source.sha256 == p1.source.sha256 and whole.reporters == ["张三"]
    # Asking for the continued part gives the whole article.
    via_tail = store.get_article(tail_id)
    assert via_tail is not None and via_tail.id == head_id


def test_unlinked_parts_are_yielded_with_their_jump_markers(store: Store) -> None:
    store.save_document(second_page())
    recs = {r.headline: r for r in store.iter_articles()}
    assert recs["共享发展成果"].continued_from == 1
    assert recs["共享发展成果"].paragraphs == ["接着说完。", "第三段。"]
    store.save_document(front_page())
    assert store.stats()["continuations"]["total"] == 1
    assert "共享发展成果" not in headlines(store)


def test_other_date_or_paper_is_not_linked(store: Store) -> None:
    store.save_document(front_page())
    other_day = second_page()
    other_day.pages[0].meta.date = "2024-07-13"
    store.save_document(other_day)
    other_paper = second_page("other002.pdf")
    other_paper.pages[0].meta.newspaper = "中国工人"
    store.save_document(other_paper)
    assert store.stats()["continuations"]["total"] == 0


def test_continuation_within_one_document_and_chain_of_three(store: Store) -> None:
    doc = document(
        "grrb20240712.pdf",
        [page(0, 1), page(1, 2), page(2, 5)],
        [
            article("长篇通讯", ["一。"], page_index=0, page_no=1, continues_to=2),
            article(
                "长篇通讯", ["二。"], page_index=1, page_no=2, continued_from=1, continues_to=5
            ),
            article("其他消息", ["别的。"], page_index=1, page_no=2, y=700.0),
            article("长篇通讯", ["三。"], page_index=2, page_no=5, continued_from=2),
        ],
    )
    store.save_document(doc)
    recs = list(store.iter_articles())
    assert [r.headline for r in recs] == ["长篇通讯", "其他消息"]
    assert recs[0].paragraphs == ["一。", "二。", "三。"] and recs[0].pages == [1, 2, 5]
    assert len(recs[0].continuations) == 2


def test_ambiguous_candidates_are_refused(store: Store) -> None:
    # Two copies of page 2 (different files, same content): either could be the continuation.
    store.save_document(front_page())
    store.save_document(second_page("grrb20240712002.pdf"))
    store.save_document(second_page("grrb20240712002-rescan.pdf"))
    assert store.stats()["continuations"]["total"] == 0
    assert headlines(store).count("共享发展成果") == 2
    assert "让劳动者共享发展成果" in headlines(store)


def test_headline_similarity_picks_among_several(store: Store) -> None:
    p1 = document(
        "p1.pdf",
        [page(0, 1)],
        [
            article("让劳动者共享发展成果", ["甲"], page_no=1, continues_to=2),
            article("全国总工会召开十八届三次执委会议", ["乙"], page_no=1, y=500.0, continues_to=2),
        ],
    )
    p2 = document(
        "p2.pdf",
        [page(0, 2)],
        [
            article("（上接第1版）全总执委会议", ["乙续"], page_no=2, continued_from=1),
            article("共享发展成果", ["甲续"], page_no=2, y=500.0, continued_from=1),
        ],
    )
    store.save_document(p2)
    store.save_document(p1)
    got = {r.headline: r.paragraphs for r in store.iter_articles()}
    assert got == {
        "让劳动者共享发展成果": ["甲", "甲续"],
        "全国总工会召开十八届三次执委会议": ["乙", "乙续"],
    }


def test_replace_redoes_linking(store: Store) -> None:
    store.save_document(front_page())
    store.save_document(second_page())
    assert store.stats()["continuations"]["total"] == 1
    # Re-ingest page 1 with a reader that no longer sees the 下转 marker: link must go.
    p1 = front_page()
    p1.articles[0].continues_to = None
    store.save_document(p1, replace=True)
    assert store.stats()["continuations"]["total"] == 0
    assert "共享发展成果" in headlines(store)
    # And back again.
    store.save_document(front_page(), replace=True)
    assert store.stats()["continuations"]["total"] == 1
    assert "共享发展成果" not in headlines(store)


def test_removing_a_rival_on_replace_resolves_an_old_tie(store: Store) -> None:
    store.save_document(front_page())
    store.save_document(second_page("a.pdf"))
    store.save_document(second_page("b.pdf"))
    assert store.stats()["continuations"]["total"] == 0
    b = second_page("b.pdf")
    b.articles[0].continued_from = None
    store.save_document(b, replace=True)
    assert store.stats()["continuations"]["total"] == 1


def test_cycle_is_refused(store: Store) -> None:
    doc = document(
        "loop.pdf",
        [page(0, 1), page(1, 2)],
        [
            article("循环", ["一"], page_index=0, page_no=1, continues_to=2, continued_from=2),
            article("循环", ["二"], page_index=1, page_no=2, continues_to=1, continued_from=1),
        ],
    )
    store.save_document(doc)
    assert store.stats()["continuations"]["total"] == 1
    assert len(list(store.iter_articles())) == 1  # nothing vanished into a loop


# ---------------------------------------------------------------- matching rules


def test_normalize_headline_drops_markers_and_punctuation() -> None:
    assert normalize_headline("（上接第1版） 共享·发展“成果”") == "共享发展成果"
    assert normalize_headline("下转第十二版") == ""


def test_choose_links_rules() -> None:
    a, b = Candidate("a", "让劳动者共享发展成果"), Candidate("b", "职工医保改革")
    ta, tb = Candidate("ta", "共享发展成果"), Candidate("tb", "医保改革")
    assert sorted(x[:2] for x in choose_links([a, b], [ta, tb])) == [("a", "ta"), ("b", "tb")]
    # A lone pair links on page numbers alone, even without a headline.
    assert [x[:2] for x in choose_links([a], [Candidate("t", "")])] == [("a", "t")]
    # Two blank continued parts: a tie, refused.
    assert choose_links([a], [Candidate("t1", ""), Candidate("t2", "")]) == []
    # Two sources equally like one target: refused.
    assert choose_links([a, Candidate("a2", "让劳动者共享发展成果")], [ta]) == []
    assert headline_similarity("高温下的坚守", "高温下的坚守") == 100.0
