"""The Elasticsearch backlog: files whose ES copy is behind the store after a failed update
are queued in the store, sent first by the next update, and cleared by a full reindex."""

from __future__ import annotations

import json
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from baoku.api.archive import Archive
from baoku.cli import cli
from baoku.search import es_backlog
from baoku.search.es_backend import DEFAULT_ALIAS, EsBackend, EsIndexer
from baoku.search.query import SearchQuery
from baoku.search.reindex import reindex_to_es
from baoku.search.sqlite_backend import SqliteBackend
from baoku.search.store import Store
from tests.fixtures.api import api_settings
from tests.fixtures.search_corpus import drop_es, front_page, law_page, second_page
from tests.test_api_documents import PDF, MakeClient, upload, wait_done

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DOWN = "http://127.0.0.1:9"  # nothing listens on the discard port


def _sha(doc: object) -> str:
    return doc.document.source.sha256  # type: ignore[attr-defined]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "a.db") as s:
        yield s


def _down_indexer() -> EsIndexer:
    return EsIndexer(DOWN, retries=0, request_timeout_s=1)


def test_queue_moves_a_file_to_the_end_and_clear_keeps_what_came_after_the_mark(
    store: Store,
) -> None:
    assert es_backlog.mark(store) == 0 and es_backlog.count(store) == 0
    assert es_backlog.queue(store, ["a", "b", "a"], "down") == 2
    before = es_backlog.mark(store)
    # Queued again by another process after our update read the store: it must stay.
    es_backlog.queue(store, ["a"], "refused")
    assert es_backlog.pending(store).sha256s == ("b", "a")
    assert es_backlog.clear(store, ["a", "b"], upto=before) == 1
    assert [(w.sha256, w.reason) for w in es_backlog.waiting(store)] == [("a", "refused")]
    assert es_backlog.clear(store, None, upto=es_backlog.mark(store)) == 1
    assert es_backlog.count(store) == 0


def test_a_failed_update_queues_every_file_it_did_not_send(store: Store) -> None:
    docs = [front_page(), second_page(), law_page()]
    for doc in docs:
        store.save_document(doc)
    report = es_backlog.send(_down_indexer(), store, [_sha(d) for d in docs], chunk=2)
    assert report.sent == 0 and report.indexed == 0
    assert report.error and "127.0.0.1:9" in report.error
    assert report.behind == 3
    waiting = es_backlog.waiting(store)
    assert {w.sha256 for w in waiting} == {_sha(d) for d in docs}
    assert all(w.path and w.reason == report.error for w in waiting)


def test_cli_ingest_with_a_cluster_down_keeps_the_archive_and_lists_what_waits(
    tmp_path: Path,
) -> None:
    pages = tmp_path / "in"
    pages.mkdir()
    for f in sorted(EXAMPLES.glob("grrb*.pdf"))[:2]:
        shutil.copy(f, pages / f.name)
    db = tmp_path / "a.db"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["ingest", str(pages), "--db", str(db), "--es", DOWN, "--json", "--no-facts"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["counts"]["ingested"] == 2
    assert report["es"]["waiting_files"] == 2 and report["es"]["indexed"] == 0
    assert "baoku ingest --es" in report["es"]["error"]

    listed = runner.invoke(cli, ["documents", "--db", str(db), "--es-waiting", "--json"])
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert {Path(r["path"]).name for r in rows} == {f.name for f in pages.iterdir()}
    assert all(r["reason"] for r in rows)
    text = runner.invoke(cli, ["documents", "--db", str(db), "--es-waiting"])
    assert "2 files wait for Elasticsearch" in text.output

    # Still down: the next run retries, keeps them queued and says so.
    again = runner.invoke(cli, ["ingest", str(pages), "--db", str(db), "--es", DOWN])
    assert again.exit_code == 0
    assert "2 files wait for Elasticsearch" in again.output
    assert "--es-waiting" in again.output


@pytest.fixture
def es(es_url: str, store: Store) -> Iterator[EsBackend]:
    backend = EsBackend(es_url, alias=f"baoku-test-{uuid.uuid4().hex[:8]}", store=store)
    yield backend
    drop_es(backend)


@pytest.mark.es
def test_the_next_update_sends_the_waiting_files_first(store: Store, es: EsBackend) -> None:
    store.save_document(second_page())
    store.save_document(law_page())
    es_backlog.send(_down_indexer(), store, [_sha(second_page()), _sha(law_page())])
    assert es_backlog.count(store) == 2

    up = EsIndexer(es.url, alias=es.alias)
    store.save_document(front_page())
    report = es_backlog.send(up, store, [_sha(front_page())])
    assert report.error is None and report.sent == 1
    # Only the new file went: the waiting ones are sent by catch_up.
    assert report.behind == 2
    caught = es_backlog.catch_up(up, store, limit=1)
    assert caught.sent == 1 and caught.behind == 1
    caught = es_backlog.catch_up(up, store)
    assert caught.sent == 1 and caught.behind == 0
    # The copy now holds what the store holds (page 2 merged into page 1's article).
    assert es.count() == SqliteBackend(store).count() == 5
    assert es.search(SearchQuery("调解成功率")).total == 1


@pytest.mark.es
def test_a_deleted_file_that_waited_leaves_the_copy(store: Store, es: EsBackend) -> None:
    up = EsIndexer(es.url, alias=es.alias)
    store.save_document(law_page())
    es_backlog.send(up, store, [_sha(law_page())])
    assert es.count() == SqliteBackend(store).count() > 0
    store.delete_document(_sha(law_page()))
    es_backlog.send(_down_indexer(), store, [_sha(law_page())])
    assert [w.path for w in es_backlog.waiting(store)] == [None]
    assert es_backlog.catch_up(up, store).behind == 0
    assert es.count() == 0


@pytest.fixture
def default_alias(es_url: str, store: Store) -> Iterator[EsBackend]:
    """The alias incremental updates use. On a cluster that already has it (someone's real
    archive, via BAOKU_ES_URL) the test is skipped: it must not be touched."""
    backend = EsBackend(es_url, alias=DEFAULT_ALIAS, store=store)
    found = backend.client.options(ignore_status=404).indices.get(index=f"{DEFAULT_ALIAS}-*")
    if found.meta.status == 200 and found.body:
        pytest.skip(f"the cluster at {es_url} holds a {DEFAULT_ALIAS} index; not touching it")
    yield backend
    drop_es(backend)


@pytest.mark.es
def test_a_full_reindex_clears_the_backlog_of_its_alias_only(
    store: Store, es: EsBackend, default_alias: EsBackend
) -> None:
    for doc in (front_page(), law_page()):
        store.save_document(doc)
    es_backlog.send(_down_indexer(), store, [_sha(front_page()), _sha(law_page())])
    assert reindex_to_es(store, es).cleared_backlog == 0  # another alias: still waiting
    assert es_backlog.count(store) == 2
    summary = reindex_to_es(store, default_alias)
    assert summary.cleared_backlog == 2 and es_backlog.count(store) == 0


def test_a_server_update_with_the_cluster_down_queues_the_file(tmp_path: Path) -> None:
    archive = Archive(api_settings(tmp_path / "a.db", es_url=DOWN))
    with Store.open(tmp_path / "a.db") as store:
        store.save_document(law_page())
        archive.sync_elasticsearch(store, [_sha(law_page())])
        assert es_backlog.pending(store).sha256s == (_sha(law_page()),)


@pytest.mark.es
def test_a_server_update_sends_what_waits_and_readiness_tells_how_many(
    tmp_path: Path, es_url: str, default_alias: EsBackend
) -> None:
    db = tmp_path / "b.db"
    archive = Archive(api_settings(db, es_url=es_url))
    with Store.open(db) as store:
        store.save_document(law_page())
        es_backlog.send(_down_indexer(), store, [_sha(law_page())])
        ok, message = archive.check_elasticsearch()
        assert ok and "1 files wait" in message
        store.save_document(front_page())
        archive.sync_elasticsearch(store, [_sha(front_page())])
        assert es_backlog.count(store) == 0
        counted = EsBackend(es_url, alias=DEFAULT_ALIAS).count()
        assert counted == SqliteBackend(store).count()
    assert "wait" not in archive.check_elasticsearch()[1]


def test_a_file_stored_for_an_update_waits_until_the_update_is_sent(store: Store) -> None:
    from baoku.runner import _EsFeed

    feed = _EsFeed(DOWN, store)
    store.save_document(law_page())
    feed.add(_sha(law_page()))
    # The batch dies here (Ctrl-C, a kill): the file is already waiting, with why.
    (entry,) = es_backlog.waiting(store)
    assert entry.sha256 == _sha(law_page()) and entry.reason == es_backlog.INTERRUPTED


@pytest.mark.es
def test_a_file_stored_while_a_reindex_runs_is_in_the_new_index(
    tmp_path: Path, es: EsBackend
) -> None:
    db = tmp_path / "c.db"
    with Store.open(db) as store:
        store.save_document(law_page())
        reindex_to_es(store, es)  # the alias exists: incremental updates go through it

        def meanwhile(done: int) -> None:
            # Another process stores a file and sends it, to the old index, mid-rebuild.
            if done == 1:
                with Store.open(db) as other:
                    other.save_document(second_page())
                    up = EsIndexer(es.url, alias=es.alias)
                    assert es_backlog.send(up, other, [_sha(second_page())]).error is None

        summary = reindex_to_es(store, es, chunk_size=1, on_progress=meanwhile)
        assert summary.resent >= 1
        assert es.count() == SqliteBackend(store).count()
        assert es.search(SearchQuery("调解成功率")).total == 1


def test_an_upload_the_cluster_missed_says_so_in_its_document(make_client: MakeClient) -> None:
    with make_client(es_url=DOWN) as client:
        (doc,) = upload(client, PDF).json()["documents"]
        done = wait_done(client, doc["id"])
        assert done["status"] == "ingested"
        # The upload batch's update runs after the file is stored: wait for it to fail.
        deadline = time.monotonic() + 30
        while client.get(f"/documents/{doc['id']}").json()["es_waiting"] in (
            None,
            es_backlog.INTERRUPTED,
        ):
            assert time.monotonic() < deadline, "the failed update was never recorded"
            time.sleep(0.2)
        assert "127.0.0.1:9" in client.get(f"/documents/{doc['id']}").json()["es_waiting"]
        waiting = client.get("/documents", params={"es_waiting": "true"}).json()
        assert waiting["total"] == 1 and waiting["documents"][0]["id"] == doc["id"]
        assert client.get("/documents").json()["total"] == 1
