"""HTTP load benchmark: N concurrent clients on loopback against ``baoku serve``.

Builds (or reuses) a synthetic archive with ``bench.make_corpus``, starts ``baoku serve`` on a
free loopback port, runs ``--clients`` concurrent keep-alive clients for ``--duration``
seconds over a fixed mix of searches (words, phrases, filters, facets, date sorts, deep pages),
article reads and figure listings, then prints requests/s, p50/p95/p99 per kind and errors.
Target: search p99 <= 200 ms on 100k articles with 32 clients, zero errors.

    .venv/bin/python -m bench.api_load --articles 100000 --db /tmp/bench.db

Bounded: at most 256 clients and 600 s; only 127.0.0.1 is contacted. The client runs on the
same machine as the server, so on a small machine it takes CPU from the server: the numbers
are a lower bound on what the server alone would do.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("工会", "欠薪", "农民工", "法律援助", "职工", "劳动", "安全生产", "技能", "调解", "维权")
FACETS = ("newspaper", "year", "agency", "place", "figure_type")


def _request(rng: random.Random, article_ids: list[str]) -> tuple[str, str, dict[str, object]]:
    """One request of the mix: (kind, path, params)."""
    roll = rng.random()
    if roll < 0.10 and article_ids:
        return "article", f"/articles/{rng.choice(article_ids)}", {}
    if roll < 0.15:
        return "figures", "/figures", {"type": "money", "min_value": 10000, "limit": 20}
    params: dict[str, object] = {"q": rng.choice(WORDS), "limit": 20}
    if roll < 0.35:
        params["q"] = f"{rng.choice(WORDS)} {rng.choice(WORDS)}"
    if roll < 0.45:
        params["facet"] = list(rng.sample(FACETS, 3))
    elif roll < 0.55:
        params["newspaper"] = "工人日报"
        params["sort"] = "-date"
    elif roll < 0.60:
        params["q"] = ""
        params["date_from"] = "2023-01-01"
        params["sort"] = "-date"
    elif roll < 0.65:
        params["offset"] = rng.choice((100, 500, 2000))
    return "search", "/search", params


async def _client(
    base: str,
    seed: int,
    stop_at: float,
    article_ids: list[str],
    latencies: dict[str, list[float]],
    errors: dict[str, int],
) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30.0) as http:
        while time.perf_counter() < stop_at:
            kind, path, params = _request(rng, article_ids)
            start = time.perf_counter()
            try:
                resp = await http.get(path, params=params)  # type: ignore[arg-type]
                ok = resp.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies[kind].append(time.perf_counter() - start)
            if not ok:
                errors[kind] += 1


async def _run(base: str, clients: int, duration: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30.0) as http:
        seed_hits = (await http.get("/search", params={"q": "工会", "limit": 200})).json()["hits"]
    article_ids = [h["id"] for h in seed_hits]
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    started = time.perf_counter()
    stop_at = started + duration
    await asyncio.gather(
        *(_client(base, i, stop_at, article_ids, latencies, errors) for i in range(clients))
    )
    elapsed = time.perf_counter() - started
    total = sum(len(v) for v in latencies.values())
    print(f"{clients} clients, {elapsed:.1f} s: {total} requests, {total / elapsed:.1f} req/s")
    print(f"{'kind':<8} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for kind, values in sorted(latencies.items()):
        q = statistics.quantiles(values, n=100) if len(values) >= 2 else values * 99
        print(
            f"{kind:<8} {len(values):>7} {q[49] * 1000:>8.1f} {q[94] * 1000:>8.1f} "
            f"{q[98] * 1000:>8.1f} {errors[kind]:>7}"
        )
    print(f"errors: {sum(errors.values())}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("baoku serve exited during start-up; see its output above")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"baoku serve was not ready after {timeout:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/baoku-bench.db"))
    ap.add_argument("--articles", type=int, default=100_000, help="corpus size if --db is new")
    ap.add_argument("--clients", type=int, default=32, choices=range(1, 257), metavar="1..256")
    ap.add_argument("--duration", type=float, default=60.0, help="seconds (at most 600)")
    args = ap.parse_args()
    duration = min(max(args.duration, 1.0), 600.0)
    if not args.db.exists():
        from bench.make_corpus import build

        t = time.perf_counter()
        print(f"building a {args.articles}-article archive at {args.db} ...", flush=True)
        build(args.db, args.articles)
        print(f"built in {time.perf_counter() - t:.0f} s", flush=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "BAOKU_ES_URL"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "baoku.cli",
            "serve",
            "--db",
            str(args.db),
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _wait_ready(base, proc)
        asyncio.run(_run(base, args.clients, duration))
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    main()
