"""Search benchmark: indexing rate, index size and query latency of both backends (bench only).

Builds (or reuses) a seeded synthetic archive with ``bench.make_corpus``, then for SQLite and,
with ``--es URL``, Elasticsearch prints articles/s indexed, index size, and p50/p95/p99 over
``--queries`` queries per kind of five kinds: phrase, phrase + date range, agency filter +
facets, figure range, one-character term. SQLite searches are computed from scratch each
time (the result memo is emptied before each; ``bench.search_cost`` shows what it saves).
Targets: p95 ≤ 100 ms embedded, ≤ 50 ms ES; indexing ≥ 1,000 articles/s. Figures are printed,
never asserted.

    .venv/bin/python -m bench.search_bench --articles 100000 --db /tmp/bench.db \
        [--es http://127.0.0.1:9200] [--queries 50] [--seed 20240712]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from baoku.search import sqlite_backend
from baoku.search.query import FigureFilter, SearchQuery, SearchResult
from baoku.search.sqlite_backend import SqliteBackend
from baoku.search.store import Store
from bench.make_corpus import AGENCY_KINDS, DEFAULT_SEED, PLACES, build

PHRASES = (
    "欠薪",
    "农民工",
    "法律服务站",
    "工会",
    "劳动者",
    "职工",
    "调解",
    "维权",
    "工资支付",
    "新就业形态",
    "技能",
    "劳模",
    "安全生产",
    "服务站",
    "检察院",
    "总工会",
    "帮扶",
)
SINGLE = ("欠", "薪", "工", "法", "劳", "职", "调", "会", "站", "援")
KINDS = ("phrase", "phrase+date", "agency+facets", "figure range", "1-char")


def make_queries(n_per_kind: int, seed: int) -> dict[str, list[SearchQuery]]:
    rng = random.Random(seed + 1)
    out: dict[str, list[SearchQuery]] = {k: [] for k in KINDS}
    for _ in range(n_per_kind):
        out["phrase"].append(SearchQuery(f'"{rng.choice(PHRASES)}"'))
        start = rng.randint(1985, 2022)
        out["phrase+date"].append(
            SearchQuery(
                rng.choice(PHRASES),
                date_from=date(start, 1, 1),
                date_to=date(start + rng.randint(0, 2), 12, 31),
            )
        )
        path, short = rng.choice(PLACES)
        suffix, _ = rng.choice(AGENCY_KINDS)
        out["agency+facets"].append(
            SearchQuery(
                agencies=(f"{path.split('/')[0]}{short}{suffix}",),
                facets=("year", "newspaper", "place", "figure_type"),
            )
        )
        low = rng.choice((1e5, 1e6, 1e7))
        out["figure range"].append(
            SearchQuery(figure=FigureFilter(type="money", min_value=low, max_value=low * 5))
        )
        out["1-char"].append(SearchQuery(rng.choice(SINGLE)))
    return out


def _computed(backend: SqliteBackend) -> Callable[[SearchQuery], SearchResult]:
    """Searches computed from scratch: the queries repeat (ten phrases), and the result memo
    (search/result_memo.py) would answer the repeats from memory."""

    def search(q: SearchQuery) -> SearchResult:
        sqlite_backend._MEMO.clear()
        return backend.search(q)

    return search


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def run_queries(
    name: str, search: Callable[[SearchQuery], SearchResult], queries: dict[str, list[SearchQuery]]
) -> None:
    # Latency is wall time; the load average says how much else the machine was running.
    print(f"  {name:6s} load average before queries: {os.getloadavg()[0]:.2f}")
    everything: list[float] = []
    for kind, qs in queries.items():
        times = []
        totals = []
        for q in qs:
            t = time.perf_counter()
            r = search(q)
            times.append((time.perf_counter() - t) * 1000)
            totals.append(r.total)
        everything += times
        print(
            f"  {name:6s} {kind:14s} n={len(times):4d} p50 {percentile(times, 50):7.1f} ms  "
            f"p95 {percentile(times, 95):7.1f} ms  p99 {percentile(times, 99):7.1f} ms  "
            f"(median hits {statistics.median(totals):,.0f})"
        )
    print(
        f"  {name:6s} {'ALL':14s} n={len(everything):4d} p50 {percentile(everything, 50):7.1f}"
        f" ms  p95 {percentile(everything, 95):7.1f} ms  p99 {percentile(everything, 99):7.1f} ms"
        f"  (load average after: {os.getloadavg()[0]:.2f})"
    )


def wait_for_merges(client: Any, index: str, timeout_s: float = 600.0) -> float:
    """Seconds until the index has no merge running: a bulk load leaves many small segments
    that Elasticsearch merges in the background for a minute or more, and queries timed
    during that measure the merging, not the index an archive serves from."""
    start = time.perf_counter()
    idle = 0
    # Merges come in waves (one finished merge can make the next one eligible): three
    # quiet readings in a row, a second apart.
    while idle < 3 and time.perf_counter() - start < timeout_s:
        stats = client.indices.stats(index=index, metric="merge")
        idle = idle + 1 if stats["_all"]["total"]["merges"]["current"] == 0 else 0
        time.sleep(1.0)
    return time.perf_counter() - start


def db_size(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--db", type=Path, required=True, help="reused when it already exists")
    ap.add_argument("--es", help="Elasticsearch URL; omit to benchmark SQLite only")
    ap.add_argument("--queries", type=int, default=50, help="queries per kind (5 kinds)")
    ap.add_argument(
        "--rank-threads",
        type=int,
        default=None,
        help="SQLite: slices a large match set is ranked in at once (1: serial; default: CPUs)",
    )
    ap.add_argument(
        "--reindex",
        action="store_true",
        help="SQLite: also time rebuilding the search index from the stored records",
    )
    args = ap.parse_args()

    print(f"corpus: {args.articles:,} articles, seed {args.seed}, db {args.db}")
    if not args.db.exists():
        stats = build(args.db, args.articles, args.seed)
        print(
            f"  sqlite index  {stats.articles / stats.seconds:,.0f} articles/s "
            f"({stats.seconds:.1f} s: store + facts + FTS via Store.save_documents, 200 pages "
            f"per transaction, incl. {stats.optimize_seconds:.1f} s FTS optimize; "
            f"{stats.generate_seconds:.1f} s making up the corpus not counted)"
        )
        print(
            f"  sqlite index  {stats.articles / stats.cpu_seconds:,.0f} articles per CPU second "
            f"({stats.cpu_seconds:.1f} CPU s: the rate of an idle core on a shared machine)"
        )
    with Store.open(args.db) as store:
        if args.reindex:
            # Indexing alone, from records already stored: what `baoku reindex --to sqlite`
            # does, and the same job as the Elasticsearch rate below (streamed from SQLite).
            t, c = time.perf_counter(), time.process_time()
            rebuilt = store.rebuild_search_index()
            store.optimize_search_index()
            wall, cpu = time.perf_counter() - t, time.process_time() - c
            print(
                f"  sqlite reindex {rebuilt / wall:,.0f} articles/s ({rebuilt:,} whole articles "
                f"in {wall:.1f} s incl. FTS optimize, {rebuilt / cpu:,.0f} per CPU second: "
                "Store.rebuild_search_index from the stored records)"
            )
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        n = SqliteBackend(store).count()
    print(
        f"  sqlite size   {db_size(args.db) / 1e6:,.1f} MB for {n:,} articles "
        f"(whole archive: records, facts, FTS5)"
    )
    queries = make_queries(args.queries, args.seed)
    with Store.open(args.db, readonly=True) as store:
        backend = SqliteBackend(store, rank_threads=args.rank_threads)
        # Builds the tokenizer table and loads the NLP name resolvers (places, agencies)
        # once, as a long-running server would have done before its first search.
        warm_up = SearchQuery(
            "预热",
            places=("上海",),
            agencies=tuple(f"上海市浦东新区{suffix}" for suffix, _ in AGENCY_KINDS),
        )
        backend.search(warm_up)
        run_queries("sqlite", _computed(backend), queries)
        if args.es:
            from baoku.search.es_backend import EsBackend
            from baoku.search.reindex import reindex_to_es

            es = EsBackend(args.es, alias=f"baoku-bench-{os.getpid()}", store=store)
            summary = reindex_to_es(store, es, chunk_size=1000)
            print(
                f"  es     index  {summary.indexed / summary.seconds:,.0f} articles/s "
                f"({summary.seconds:.1f} s, streamed from SQLite)"
            )
            size = es.client.indices.stats(index=summary.index)["_all"]["total"]["store"]
            print(f"  es     size   {size['size_in_bytes'] / 1e6:,.1f} MB")
            settled = wait_for_merges(es.client, summary.index)
            print(f"  es     merges after the load finished in {settled:.1f} s (not counted)")
            es.search(warm_up)
            try:
                run_queries("es", es.search, queries)
            finally:
                es.client.indices.delete(index=summary.index)
                es.client.indices.delete_index_template(name=es.alias)


if __name__ == "__main__":
    main()
