"""CPU cost of computed searches, per kind of the API load mix, in one process (bench only).

What the HTTP load bench (``bench.api_load``) cannot separate: how much CPU one search that
no cache answered costs, by kind (words, pairs, phrases, filters, facets, deep pages, …), as
a search worker computes it (``SqliteBackend.search`` plus rendering the API's JSON). The
searches are the load bench's ``--distinct`` mix (``bench.api_mix``), drawn from the archive
under test. Two passes over the same searches in the same run: the baseline with the result
memo emptied before every search (each computed from scratch), then with the memo kept
(``search/result_memo.py``), as a worker process keeps it. Thread CPU time, one thread
(``rank_threads=1``, as under load); figures are printed, never asserted.

    .venv/bin/python -m bench.search_cost --db /tmp/bench.db [--searches 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from baoku.api.models import SearchParams, SearchResultPublic
from baoku.api.routers.search import to_search_query
from baoku.search import sqlite_backend
from baoku.search.query import SearchQuery
from baoku.search.sqlite_backend import SqliteBackend
from baoku.search.store import Store
from bench.api_mix import Material, Mix, han_runs, vocabulary
from bench.search_bench import percentile

# SearchParams fields that take several values.
_LISTS = frozenset(
    {"newspaper", "page", "page_name", "place", "agency", "person", "initiative", "type", "facet"}
)


def material_from_store(store: Store, articles: int, seed: int) -> Material:
    """The load bench's material, read from the archive directly instead of over HTTP."""
    conn = store.connection
    ids = [r[0] for r in conn.execute("SELECT id FROM search_docs ORDER BY id")]
    picked = sorted(random.Random(seed).sample(ids, min(articles, len(ids))))
    rows = [
        conn.execute(
            "SELECT d.head, t.headline || ' ' || t.lead || ' ' || t.body FROM search_docs d "
            "JOIN search_text t ON t.id = d.id WHERE d.id = ?",
            (i,),
        ).fetchone()
        for i in picked
    ]
    facets = SqliteBackend(store).search(
        SearchQuery(limit=1, facets=("newspaper", "place", "agency", "year"))
    )
    values = {name: [c.value for c in counts] for name, counts in facets.facets.items()}
    texts = [text for _, text in rows]
    return Material(
        words=vocabulary(texts),
        runs=han_runs(texts),
        article_ids=[head for head, _ in rows],
        newspapers=values.get("newspaper", [])[:10],
        places=values.get("place", [])[:30],
        agencies=values.get("agency", [])[:30],
        years=[int(y) for y in values.get("year", [])] or [2024],
    )


def _query(target: str) -> SearchQuery:
    params: dict[str, object] = {}
    for key, value in parse_qsl(urlsplit(target).query):
        if key in _LISTS:
            params.setdefault(key, [])
            params[key].append(value)  # type: ignore[attr-defined]
        else:
            params[key] = value
    return to_search_query(SearchParams(**params))  # type: ignore[arg-type]


def _run(
    backend: SqliteBackend, searches: list[tuple[str, SearchQuery]], *, memo: bool
) -> dict[str, list[float]]:
    cost: dict[str, list[float]] = defaultdict(list)
    for kind, q in searches:
        if not memo:
            sqlite_backend._MEMO.clear()
        start = time.thread_time()
        result = backend.search(q)
        SearchResultPublic.model_validate(result.to_dict()).model_dump_json()
        cost[kind].append((time.thread_time() - start) * 1000)
    return cost


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="an archive (bench.make_corpus)")
    ap.add_argument("--searches", type=int, default=1000)
    ap.add_argument("--sample", type=int, default=300, help="articles read to make the mix")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    store = Store.open(args.db, readonly=True)
    material = material_from_store(store, args.sample, args.seed)
    mix, rng = Mix(material, distinct=True, seed=args.seed), random.Random(args.seed)
    searches: list[tuple[str, SearchQuery]] = []
    while len(searches) < args.searches:
        kind, target = mix.next(rng)
        if target.startswith("/search"):
            searches.append((kind, _query(target)))
    backend = SqliteBackend(store, rank_threads=1)
    backend.warm_facets(wait=True)
    _run(backend, searches[:20], memo=False)  # name indexes, gazetteer, page cache
    print(f"{len(searches)} distinct searches of the API mix, {args.db}")
    base = _run(backend, searches, memo=False)
    sqlite_backend._MEMO.clear()
    kept = _run(backend, searches, memo=True)
    print(f"{'kind':10} {'n':>5} {'mean ms':>15} {'p50 ms':>15} {'p95 ms':>15}")
    print(f"{'':10} {'':>5} {'base → memo':>15} {'base → memo':>15} {'base → memo':>15}")
    every_base, every_kept = [], []
    for kind in sorted(base):
        b, k = base[kind], kept[kind]
        p50 = f"{percentile(b, 50):>6.1f} → {percentile(k, 50):<6.1f}"
        p95 = f"{percentile(b, 95):>6.1f} → {percentile(k, 95):<6.1f}"
        every_base += b
        every_kept += k
        print(
            f"{kind:10} {len(b):>5} {sum(b) / len(b):>6.1f} → {sum(k) / len(k):<6.1f} {p50} {p95}"
        )
    mean_b, mean_k = sum(every_base) / len(every_base), sum(every_kept) / len(every_kept)
    print(f"{'ALL':10} {len(every_base):>5} {mean_b:>6.1f} → {mean_k:<6.1f}")
    memo = sqlite_backend._MEMO
    print(
        f"memo: {memo.hits} hits, {memo.misses} misses, {len(memo)} entries, "
        f"{memo.bytes / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
