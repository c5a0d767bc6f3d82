"""The /search result cache, its invalidation by the index generation, ETag revalidation,
one run for identical searches in flight, and the cache counters in /healthz."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from baoku.api.archive import Archive
from baoku.api.main import create_app
from baoku.api.search_cache import Rendered, SearchCache
from baoku.api.search_service import SearchService, etag_matches
from baoku.api.search_workers import Searched
from baoku.runner import BatchOptions, run_batch
from baoku.search.query import SearchQuery
from baoku.search.store import Store
from tests.fixtures.api import EXAMPLES, api_settings
from tests.test_api_documents import AUTH, PDF, upload, wait_done

MakeClient = Callable[..., AbstractContextManager[TestClient]]


def cache_stats(client: TestClient) -> dict[str, int]:
    stats: dict[str, int] = client.get("/healthz").json()["search_cache"]
    return stats


# ---------------------------------------------------------------------------- over HTTP


def test_repeat_search_is_served_from_the_cache(api_client: TestClient) -> None:
    params = {"q": "职工", "facet": ["newspaper", "year"], "limit": 7}
    before = cache_stats(api_client)
    first = api_client.get("/search", params=params)
    second = api_client.get("/search", params=params)
    assert first.status_code == second.status_code == 200
    assert first.headers["x-cache"] == "miss" and second.headers["x-cache"] == "hit"
    assert first.content == second.content and first.json()["total"] > 0
    assert first.headers["etag"] == second.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    assert "search;dur=" in first.headers["server-timing"]
    # Parameter order and spelling of the URL do not matter: the parsed query is the key.
    reordered = api_client.get("/search?limit=7&facet=newspaper&q=%E8%81%8C%E5%B7%A5&facet=year")
    assert reordered.headers["x-cache"] == "hit"
    # Another page is another result.
    other = api_client.get("/search", params={**params, "offset": 7})
    assert other.headers["x-cache"] == "miss" and other.headers["etag"] != first.headers["etag"]
    after = cache_stats(api_client)
    assert after["hits"] - before["hits"] == 2
    assert after["misses"] - before["misses"] == 2
    assert after["entries"] >= 2 and after["bytes"] > 0


def test_if_none_match_gives_304_until_the_result_changes(api_client: TestClient) -> None:
    first = api_client.get("/search", params={"q": "工会"})
    etag = first.headers["etag"]
    again = api_client.get("/search", params={"q": "工会"}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag and again.headers["x-cache"] == "revalidated"
    listed = api_client.get(
        "/search", params={"q": "工会"}, headers={"If-None-Match": f'"x", W/{etag}'}
    )
    assert listed.status_code == 304
    stale = api_client.get("/search", params={"q": "工会"}, headers={"If-None-Match": '"0-abc"'})
    assert stale.status_code == 200 and stale.content == first.content


def test_ingest_and_delete_invalidate_cached_results(make_client: MakeClient) -> None:
    with make_client() as client:
        empty = client.get("/search", params={"q": "工会"})
        assert empty.json()["total"] == 0
        assert client.get("/search", params={"q": "工会"}).headers["x-cache"] == "hit"
        generation = cache_stats(client)["generation"]

        doc = upload(client, PDF).json()["documents"][0]
        assert wait_done(client, doc["id"])["status"] == "ingested"
        found = client.get("/search", params={"q": "工会"})
        assert found.headers["x-cache"] == "miss" and found.json()["total"] > 0
        assert found.headers["etag"] != empty.headers["etag"]
        assert cache_stats(client)["generation"] > generation
        # The tag of the empty result no longer matches.
        revalidate = client.get(
            "/search", params={"q": "工会"}, headers={"If-None-Match": empty.headers["etag"]}
        )
        assert revalidate.status_code == 200 and revalidate.json()["total"] > 0
        assert client.get("/search", params={"q": "工会"}).headers["x-cache"] == "hit"

        assert client.delete(f"/documents/{doc['id']}", headers=AUTH).status_code == 200
        gone = client.get("/search", params={"q": "工会"})
        assert gone.headers["x-cache"] == "miss" and gone.json()["total"] == 0


def test_figure_listings_are_cached_and_invalidated(make_client: MakeClient) -> None:
    params = {"type": "money", "limit": 5}
    with make_client() as client:
        empty = client.get("/figures", params=params)
        assert empty.status_code == 200 and empty.json()["total"] == 0
        again = client.get("/figures", params=params)
        assert again.headers["x-cache"] == "hit" and again.content == empty.content
        etag = empty.headers["etag"]
        revalidated = client.get("/figures", params=params, headers={"If-None-Match": etag})
        assert revalidated.status_code == 304

        doc = upload(client, PDF).json()["documents"][0]
        assert wait_done(client, doc["id"])["status"] == "ingested"
        found = client.get("/figures", params=params, headers={"If-None-Match": etag})
        assert found.status_code == 200 and found.headers["x-cache"] == "miss"
        assert found.json()["total"] > 0 and found.headers["etag"] != etag

        assert client.delete(f"/documents/{doc['id']}", headers=AUTH).status_code == 200
        gone = client.get("/figures", params=params)
        assert gone.headers["x-cache"] == "miss" and gone.json()["total"] == 0


def test_article_reads_are_cached_until_the_archive_changes(make_client: MakeClient) -> None:
    with make_client() as client:
        doc = upload(client, PDF).json()["documents"][0]
        assert wait_done(client, doc["id"])["status"] == "ingested"
        hit = client.get("/search", params={"q": "工会"}).json()["hits"][0]
        first = client.get(f"/articles/{hit['id']}")
        again = client.get(f"/articles/{hit['id']}")
        assert first.status_code == again.status_code == 200
        assert (first.headers["x-cache"], again.headers["x-cache"]) == ("miss", "hit")
        assert first.content == again.content and first.json()["id"] == hit["id"]
        etag = first.headers["etag"]
        assert (
            client.get(f"/articles/{hit['id']}", headers={"If-None-Match": etag}).status_code == 304
        )
        # An unknown id is an error every time, never a cached answer.
        for _ in range(2):
            missing = client.get("/articles/0123456789abcdef")
            assert missing.status_code == 404 and "x-cache" not in missing.headers

        assert client.delete(f"/documents/{doc['id']}", headers=AUTH).status_code == 200
        gone = client.get(f"/articles/{hit['id']}", headers={"If-None-Match": etag})
        assert gone.status_code == 404


def test_a_write_from_another_process_invalidates_too(
    make_client: MakeClient, tmp_path: Path
) -> None:
    """The generation lives in the database, so a CLI ingest into the served archive (another
    connection, here another thread doing what `baoku ingest` does) is seen at once."""
    with make_client() as client:
        assert client.get("/search", params={"q": "工会"}).json()["total"] == 0
        assert client.get("/search", params={"q": "工会"}).headers["x-cache"] == "hit"

        def ingest() -> None:
            with Store.open(tmp_path / "fresh.db") as store:
                run_batch([EXAMPLES / "ldb20240315004.pdf"], store, BatchOptions())

        writer = threading.Thread(target=ingest)
        writer.start()
        writer.join(120)
        after = client.get("/search", params={"q": "工会"})
        assert after.headers["x-cache"] == "miss" and after.json()["total"] > 0


def test_cache_can_be_turned_off(make_client: MakeClient) -> None:
    with make_client(search_cache_mb=0, search_workers=3) as client:
        health = client.get("/healthz").json()
        assert health["search_cache"] is None
        assert health["searches"] == {"concurrency": 3, "running": 0, "waiting": 0, "refused": 0}
        for _ in range(2):
            resp = client.get("/search", params={"q": "工会"})
            assert resp.status_code == 200 and resp.headers["x-cache"] == "uncached"
            assert "etag" not in resp.headers


def test_searches_and_listings_in_threads_instead_of_workers(make_client: MakeClient) -> None:
    with make_client(search_workers=0) as client:
        assert client.app.state.search.workers is None  # type: ignore[attr-defined]
        for path, params in (("/search", {"q": "工会"}), ("/figures", {"type": "money"})):
            first = client.get(path, params=params)
            again = client.get(path, params=params)
            assert first.status_code == again.status_code == 200
            assert (first.headers["x-cache"], again.headers["x-cache"]) == ("miss", "hit")
            assert "queue;dur=" in first.headers["server-timing"]


def test_no_cache_with_elasticsearch(tmp_path: Path) -> None:
    # The ES index is fed after the store commits, so the store's generation cannot vouch
    # for ES results.
    settings = api_settings(tmp_path / "a.db", es_url="http://127.0.0.1:9")
    service = SearchService(Archive(settings), cache=SearchCache(), concurrency=2)
    assert service.cache is None
    # Figure listings come from the store whatever the search backend.
    assert service.store_cache is not None


# ---------------------------------------------------------------------------- one search in flight


def test_identical_searches_in_flight_run_once(tmp_path: Path) -> None:
    settings = api_settings(tmp_path / "a.db")
    archive = Archive(settings)
    archive.prepare()
    service = SearchService(archive, cache=SearchCache(), concurrency=4)
    calls: list[SearchQuery] = []

    async def slow_search(query: SearchQuery, tracked: bool, spread: bool) -> Searched:
        calls.append(query)
        started = time.perf_counter()
        await asyncio.sleep(0.2)
        return Searched(f'{{"q": "{query.text}"}}'.encode(), 0, started, 0.2)

    service._compute = slow_search  # type: ignore[method-assign]

    async def burst() -> list[str]:
        service.start()
        answers = await asyncio.gather(
            *(service.answer(SearchQuery(text=t), None) for t in ["a"] * 5 + ["b"] * 3)
        )
        return [a.outcome for a in answers]

    outcomes = asyncio.run(burst())
    assert sorted(q.text for q in calls) == ["a", "b"]
    assert outcomes.count("miss") == 2 and outcomes.count("coalesced") == 6
    assert service.cache is not None and service.cache.stats()["coalesced"] == 6
    # Done: the next asks are hits, with no new search.
    again = asyncio.run(service.answer(SearchQuery(text="a"), None))
    assert again.outcome == "hit" and len(calls) == 2


def test_searches_beyond_the_queue_are_refused_quickly(tmp_path: Path) -> None:
    from baoku.api.errors import ApiError

    archive = Archive(api_settings(tmp_path / "a.db"))
    archive.prepare()
    service = SearchService(archive, cache=SearchCache(), concurrency=1, max_waiting=2)

    async def slow_search(query: SearchQuery, tracked: bool, spread: bool) -> Searched:
        started = time.perf_counter()
        await asyncio.sleep(0.2)
        return Searched(b"{}", 0, started, 0.2)

    service._compute = slow_search  # type: ignore[method-assign]

    async def burst() -> list[object]:
        service.start()
        return await asyncio.gather(
            *(service.answer(SearchQuery(text=f"w{i}"), None) for i in range(5)),
            return_exceptions=True,
        )

    results = asyncio.run(burst())
    refused = [r for r in results if isinstance(r, ApiError)]
    # One running, two waiting; the other two are told to come back.
    assert len(refused) == 2 and service.refused == 2
    assert all(r.status == 503 and r.headers["Retry-After"] == "1" for r in refused)
    assert service.waiting == 0 and service.running == 0


# ---------------------------------------------------------------------------- the cache itself


def test_cache_bounds_entries_and_bytes() -> None:
    cache = SearchCache(max_entries=3, max_bytes=100)
    for i in range(5):
        cache.put(1, i, Rendered(b"x" * 10, f"t{i}"))
    assert cache.get(1, 0) is None and cache.get(1, 1) is None
    assert cache.get(1, 4) is not None
    assert cache.stats()["entries"] == 3 and cache.stats()["evictions"] == 2
    cache.put(1, "big", Rendered(b"y" * 90, "big"))  # pushes out all but the newest
    assert cache.stats()["bytes"] <= 100 and cache.get(1, "big") is not None
    cache.put(1, "huge", Rendered(b"z" * 101, "huge"))  # larger than the whole cache
    assert cache.get(1, "huge") is None


def test_recently_used_entries_stay() -> None:
    cache = SearchCache(max_entries=2)
    cache.put(1, "a", Rendered(b"a", "a"))
    cache.put(1, "b", Rendered(b"b", "b"))
    assert cache.get(1, "a") is not None  # now "b" is the least recently used
    cache.put(1, "c", Rendered(b"c", "c"))
    assert cache.get(1, "b") is None and cache.get(1, "a") is not None


def test_a_newer_generation_drops_older_entries() -> None:
    cache = SearchCache()
    cache.put(4, "q", Rendered(b"old", "t4"))
    assert cache.get(4, "q") is not None
    assert cache.get(5, "q") is None  # the index moved on
    assert cache.stats()["entries"] == 0 and cache.stats()["generation"] == 5
    cache.put(4, "q", Rendered(b"late", "t4"))  # computed on an older snapshot: not kept
    assert cache.get(5, "q") is None and cache.get(4, "q") is None


@pytest.mark.parametrize(
    ("header", "matches"),
    [
        ('"3-ab"', True),
        ('W/"3-ab"', True),
        ('"1-x", "3-ab"', True),
        ("*", True),
        ('"4-ab"', False),
        ("", False),
        (None, False),
        ("3-ab", False),
    ],
)
def test_if_none_match_comparison(header: str | None, matches: bool) -> None:
    assert etag_matches(header, '"3-ab"') is matches


# ---------------------------------------------------------------------------- worker processes


def test_worker_errors_come_back_as_their_own_types(tmp_path: Path) -> None:
    from baoku.api.errors import ApiError
    from baoku.api.search_workers import _error_value, _raise
    from baoku.search.store_errors import StoreLockedError
    from baoku.search.syntax import QuerySyntaxError

    for exc in (
        StoreLockedError(tmp_path / "a.db", "locked: wait"),
        ApiError(503, "search_unavailable", "no backend", {"x": 1}, {"Retry-After": "1"}),
        QuerySyntaxError("unbalanced quote"),
    ):
        with pytest.raises(type(exc)) as raised:
            _raise(*_error_value(exc))
        assert str(raised.value) == str(exc)
    with pytest.raises(StoreLockedError) as locked:
        _raise(*_error_value(StoreLockedError(tmp_path / "a.db", "locked")))
    assert locked.value.path == str(tmp_path / "a.db")


def test_a_dead_search_worker_is_replaced(make_client: MakeClient) -> None:
    import os
    import signal

    with make_client(search_workers=1, search_cache_mb=0) as client:
        assert client.get("/search", params={"q": "工会"}).status_code == 200
        workers = client.app.state.search.workers  # type: ignore[attr-defined]
        (pid,) = workers.pids()
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        resp = client.get("/search", params={"q": "工会"})
        assert resp.status_code == 200, resp.text
        assert workers.pids() not in ([], [pid])


def test_a_free_worker_takes_its_own_searches_first_within_the_window() -> None:
    import asyncio

    from baoku.api.search_workers import AFFINITY_WINDOW, SearchWorkers, _Job
    from baoku.api.settings import Settings

    async def run() -> None:
        workers = SearchWorkers(Settings(), 3)
        homes = {text: workers.home(text) for text in ("工会", "欠薪", "农民工 工资", "调解", "")}
        assert len(set(homes.values())) > 1  # words spread over the workers
        assert all(workers.home(text) == n for text, n in homes.items())  # and stay put
        loop = asyncio.get_running_loop()

        def job(home: int, pinned: bool = False) -> _Job:
            return _Job(home, pinned, b"", loop.create_future())

        # Its own search behind others in the window: taken first.
        a, b, own = job(1), job(2), job(0)
        workers._queue.extend([a, b, own])
        assert workers._take(0) is own
        # None of its own: the oldest of all, so nothing waits behind a busy home worker.
        assert workers._take(0) is a
        # Its own search beyond the window: the oldest goes first.
        others = [job(1) for _ in range(AFFINITY_WINDOW)]
        far = job(0)
        workers._queue.clear()
        workers._queue.extend([*others, far])
        assert workers._take(0) is others[0]
        # Pinned requests (warm-up) go only to their worker; cancelled ones to nobody.
        pinned, gone = job(2, pinned=True), job(0)
        gone.answer.cancel()
        workers._queue.clear()
        workers._queue.extend([gone, pinned])
        assert workers._take(0) is None and list(workers._queue) == [pinned]
        assert workers._take(2) is pinned

    asyncio.run(run())


def test_a_worker_that_cannot_start_fails_the_search_with_503(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import asyncio

    from baoku.api import search_workers
    from baoku.api.errors import ApiError
    from baoku.api.settings import Settings

    def refuse(settings: Settings) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(search_workers, "_start_process", refuse)

    async def run() -> None:
        workers = search_workers.SearchWorkers(Settings(), 2)
        with pytest.raises(ApiError) as failed:
            await asyncio.wait_for(workers.search(SearchQuery(text="工会"), False, False), 10)
        assert failed.value.status == 503 and "no processes left" in failed.value.message
        await workers.aclose()

    asyncio.run(run())


def test_preload_builds_the_lazy_search_tables() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from baoku.search import cjk\n"
        "from baoku.search.preload import preload\n"
        "assert cjk._bmp_table.cache_info().currsize == 0\n"
        "preload()\n"
        "assert cjk._bmp_table.cache_info().currsize == 1\n"
        "assert 'jieba.posseg' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_a_repeated_request_is_answered_without_parsing_it_again(
    api_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from baoku.api.routers import search as search_router

    parsed: list[object] = []
    real = search_router.to_search_query
    monkeypatch.setattr(search_router, "to_search_query", lambda p: parsed.append(p) or real(p))
    url = "/search?q=%E8%81%8C%E5%B7%A5&limit=3&facet=year"
    first = api_client.get(url)
    again = api_client.get(url)
    assert len(parsed) == 1  # the repeat never reached the endpoint
    assert again.status_code == 200 and again.content == first.content
    for header in ("etag", "cache-control", "content-type", "content-length"):
        assert again.headers[header] == first.headers[header]
    assert again.headers["x-cache"] == "hit"
    assert again.headers["server-timing"] == 'cache;desc="hit"'
    revalidated = api_client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert revalidated.status_code == 304 and len(parsed) == 1
    # Spelled differently, it is parsed, and found in the cache by its parsed key.
    api_client.get("/search?limit=3&facet=year&q=%E8%81%8C%E5%B7%A5")
    assert len(parsed) == 2


def test_closed_reads_never_take_the_repeat_path(make_client: MakeClient) -> None:
    from tests.fixtures.api import API_TOKEN

    with make_client(open_reads=False) as client:
        token = {"Authorization": f"Bearer {API_TOKEN}"}
        assert client.get("/search", params={"q": "工会"}, headers=token).status_code == 200
        again = client.get("/search", params={"q": "工会"}, headers=token)
        assert again.headers["x-cache"] == "hit"
        refused = client.get("/search", params={"q": "工会"})
        assert refused.status_code == 401


def test_an_app_started_again_searches_again(api_db: Path) -> None:
    from baoku.api.main import create_app

    app = create_app(api_settings(api_db))
    for words in ("工会", "职工"):  # a new search each time, not a cached answer
        with TestClient(app) as client:
            resp = client.get("/search", params={"q": words, "limit": 1})
            assert resp.status_code == 200 and resp.headers["x-cache"] == "miss", resp.text


def test_health_shows_each_search_process_memo(api_db: Path, make_client: MakeClient) -> None:
    settings = api_settings(api_db, search_workers=2, search_cache_mb=0, search_memo_mb=64)
    with TestClient(create_app(settings)) as client:
        assert all(m is None for m in client.get("/healthz").json()["search_memo"])
        # Three times on two workers: one of them runs it twice, whoever was free first.
        for _ in range(3):
            assert client.get("/search", params={"q": "工会"}).json()["total"] > 0
        memos = [m for m in client.get("/healthz").json()["search_memo"] if m is not None]
        pids = client.app.state.search.workers.pids()  # type: ignore[attr-defined]
        assert memos and {m["pid"] for m in memos} <= set(pids)
        assert all(m["max_bytes"] == 64 * 1024 * 1024 for m in memos)
        # Its second run found the first's results in the memo.
        assert sum(m["hits"] for m in memos) >= 1 and sum(m["entries"] for m in memos) >= 1
    with make_client(search_workers=0) as client:
        (memo,) = client.get("/healthz").json()["search_memo"]
        assert memo["pid"] == os.getpid()
