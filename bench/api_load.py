"""HTTP load benchmark: N concurrent clients on loopback against ``baoku serve``.

Builds (or reuses) a synthetic archive with ``bench.make_corpus``, starts ``baoku serve`` on a
free loopback port, reads a sample of the archive to make the request mix (``bench.api_mix``:
searches of many shapes over the archive's own vocabulary, article reads, figure listings),
runs ``--clients`` closed-loop keep-alive clients (no think time) for ``--duration`` seconds,
then prints requests/s, p50/p95/p99 per kind, errors, the number of distinct searches, the
server's cache counters (from /healthz), where the server spent a search's time (from its
Server-Timing header: waiting for a search worker, and the search itself, per kind), and the
CPU taken by the server and by this client.
Target: search p99 <= 200 ms on 100k articles with 32 clients, zero errors.

    .venv/bin/python -m bench.api_load --db /tmp/api100k.db --articles 100000            # skewed
    .venv/bin/python -m bench.api_load --db /tmp/api100k.db --articles 100000 --distinct

The client speaks HTTP/1.1 over raw asyncio streams (no HTTP library) so that it takes as
little as possible of the CPU it shares with the server; its share is printed. Bounded: at
most 256 clients and 600 s; only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from bench.api_mix import SEARCH_KINDS, Material, Mix, han_runs, vocabulary

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 30.0
SEARCH_KIND_NAMES = {k for k, _ in SEARCH_KINDS}


# ---------------------------------------------------------------------------- a small client


@dataclass(slots=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


class Connection:
    """One keep-alive HTTP/1.1 connection to the server."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> Reply:
        reused = self._writer is not None
        try:
            return await self._get(target)
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            # The server may close an idle keep-alive connection; a GET is safe to resend.
            self.close()
            if not reused or (isinstance(exc, asyncio.IncompleteReadError) and exc.partial):
                raise
            return await self._get(target)

    async def _get(self, target: str) -> Reply:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        assert self._reader is not None and self._writer is not None
        self._writer.write(
            f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode()
        )
        head = await self._reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await self._reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._chunked()
        else:
            body = b""
        if headers.get("connection", "").lower() == "close":
            self.close()
        return Reply(status, headers, body)

    async def _chunked(self) -> bytes:
        assert self._reader is not None
        parts = []
        while True:
            size = int((await self._reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self._reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await self._reader.readexactly(size))
            await self._reader.readexactly(2)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None


# ---------------------------------------------------------------------------- the run


@dataclass
class Tally:
    latency: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    cache: Counter[str] = field(default_factory=Counter)  # X-Cache of search replies
    queue_ms: list[float] = field(default_factory=list)  # Server-Timing of computed searches
    search_ms: list[float] = field(default_factory=list)
    search_ms_by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))


def _server_timing(value: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for metric in value.split(","):
        name, *params = (p.strip() for p in metric.split(";"))
        for p in params:
            if p.startswith("dur="):
                out[name] = float(p[4:])
    return out


async def _client(host: str, port: int, mix: Mix, seed: int, stop_at: float, tally: Tally) -> None:
    rng = random.Random(seed)
    conn = Connection(host, port)
    try:
        while time.perf_counter() < stop_at:
            kind, target = mix.next(rng)
            start = time.perf_counter()
            problem = None
            try:
                reply = await asyncio.wait_for(conn.get(target), TIMEOUT_S)
                if reply.status != 200:
                    problem = f"{reply.status} {target} {reply.body[:200]!r}"
                elif not reply.body.startswith(b"{"):
                    problem = f"not JSON: {target}"
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                problem = f"{exc.__class__.__name__} {target}"
                conn.close()
            tally.latency[kind].append(time.perf_counter() - start)
            if problem is not None:
                tally.errors[kind] += 1
                if len(tally.error_samples) < 5:
                    tally.error_samples.append(problem)
                continue
            if kind in SEARCH_KIND_NAMES or kind == "figures":
                group = "search" if kind in SEARCH_KIND_NAMES else kind
                tally.cache[f"{group} {reply.headers.get('x-cache', '?')}"] += 1
            timing = _server_timing(reply.headers.get("server-timing", ""))
            if "search" in timing:
                tally.search_ms_by_kind[kind].append(timing["search"])
                if kind in SEARCH_KIND_NAMES:
                    tally.queue_ms.append(timing.get("queue", 0.0))
                    tally.search_ms.append(timing["search"])
    finally:
        conn.close()


async def _json(conn: Connection, target: str) -> dict[str, object]:
    reply = await conn.get(target)
    if reply.status != 200:
        raise SystemExit(f"GET {target}: {reply.status} {reply.body[:300]!r}")
    data: dict[str, object] = json.loads(reply.body)
    return data


async def sample_material(host: str, port: int, articles: int, seed: int) -> Material:
    """Read ``articles`` articles spread over the archive, and its top filter values."""
    conn = Connection(host, port)
    try:
        listing = await _json(conn, "/search?" + urlencode({"limit": 1, "sort": "-date"}))
        total = int(listing["total"])  # type: ignore[call-overload]
        rng = random.Random(seed)
        ids: list[str] = []
        max_offset = min(total, 10_000) - 1
        for offset in sorted(rng.sample(range(max(1, max_offset)), min(articles, max_offset))):
            page = await _json(conn, f"/search?sort=-date&limit=1&offset={offset}")
            ids += [h["id"] for h in page["hits"]]  # type: ignore[attr-defined]
        texts = []
        for aid in ids:
            art = await _json(conn, f"/articles/{aid}")
            texts.append(
                " ".join(str(art.get(k) or "") for k in ("headline", "lead", "text", "body"))
            )
        facets = await _json(
            conn,
            "/search?"
            + urlencode(
                [("limit", 1)] + [("facet", f) for f in ("newspaper", "place", "agency", "year")]
            ),
        )
        values = {
            name: [str(v["value"]) for v in vals]  # type: ignore[index]
            for name, vals in facets["facets"].items()  # type: ignore[attr-defined]
        }
    finally:
        conn.close()
    return Material(
        words=vocabulary(texts),
        runs=han_runs(texts),
        article_ids=ids,
        newspapers=values.get("newspaper", [])[:10],
        places=values.get("place", [])[:30],
        agencies=values.get("agency", [])[:30],
        years=[int(y) for y in values.get("year", [])] or [2024],
    )


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of ``pid`` and all its live descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = defaultdict(list)
    usage: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children[int(fields[1])].append(int(entry))
        usage[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += usage.get(p, 0.0)
        todo += children.get(p, [])
    return total


def _q(values: list[float], pct: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def _report(tally: Tally, elapsed: float, clients: int, mix: Mix) -> None:
    total = sum(len(v) for v in tally.latency.values())
    print(f"{clients} clients, {elapsed:.1f} s: {total} requests, {total / elapsed:.1f} req/s")
    print(
        f"{'kind':<10} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}"
        f"   {'computed':>8} {'its p50 ms':>10}"
    )
    searches = [x for k, v in tally.latency.items() if k in SEARCH_KIND_NAMES for x in v]
    rows = [*sorted(tally.latency.items()), ("SEARCH", searches)]
    for kind, values in rows:
        errs = (
            sum(n for k, n in tally.errors.items() if k in SEARCH_KIND_NAMES)
            if kind == "SEARCH"
            else tally.errors[kind]
        )
        computed = tally.search_ms if kind == "SEARCH" else tally.search_ms_by_kind.get(kind, [])
        server = f"   {len(computed):>8} {_q(computed, 50):>10.1f}" if computed else ""
        print(
            f"{kind:<10} {len(values):>7} {_q(values, 50) * 1000:>8.1f} "
            f"{_q(values, 95) * 1000:>8.1f} {_q(values, 99) * 1000:>8.1f} {errs:>7}{server}"
        )
    print(f"errors: {sum(tally.errors.values())}")
    for sample in tally.error_samples:
        print(f"  e.g. {sample}")
    mode = "all distinct" if mix.distinct else "skewed (Zipf pool)"
    searches_sent = len(searches)
    hits = tally.cache["search hit"] + tally.cache["search revalidated"]
    print(
        f"searches: {searches_sent}, distinct {len(mix.phase_sent)} ({mode}); "
        f"answered from the cache {hits / max(1, searches_sent):.1%}; "
        f"X-Cache: {dict(sorted(tally.cache.items()))}"
    )
    if tally.search_ms:
        print(
            "computed searches (server): "
            f"search p50 {_q(tally.search_ms, 50):.1f} ms, p95 {_q(tally.search_ms, 95):.1f} ms; "
            f"queue p50 {_q(tally.queue_ms, 50):.1f} ms, p95 {_q(tally.queue_ms, 95):.1f} ms"
        )


async def _run(host: str, port: int, args: argparse.Namespace, server_pid: int) -> None:
    t = time.perf_counter()
    material = await sample_material(host, port, args.sample, args.seed)
    mix = Mix(
        material,
        distinct=args.distinct,
        pool=args.pool,
        query_s=args.zipf,
        word_s=args.word_zipf,
        seed=args.seed,
    )
    print(
        f"mix from the archive in {time.perf_counter() - t:.1f} s: {len(material.words)} words, "
        f"{len(material.article_ids)} articles sampled",
        flush=True,
    )
    if args.warmup > 0:
        # Not measured: a server that has been up a while has its popular results cached.
        await asyncio.gather(
            *(
                _client(host, port, mix, -(i + 1), time.perf_counter() + args.warmup, Tally())
                for i in range(args.clients)
            )
        )
        print(f"warmed up for {args.warmup:.0f} s with the same mix (not measured)", flush=True)
    mix.new_phase()
    conn = Connection(host, port)
    before = (await _json(conn, "/healthz")).get("search_cache")
    tally = Tally()
    cpu_server, cpu_client = _cpu_seconds(server_pid), time.process_time()
    started = time.perf_counter()
    stop_at = started + args.duration
    await asyncio.gather(
        *(
            _client(host, port, mix, args.seed * 1000 + i, stop_at, tally)
            for i in range(args.clients)
        )
    )
    elapsed = time.perf_counter() - started
    cpu_server = _cpu_seconds(server_pid) - cpu_server
    cpu_client = time.process_time() - cpu_client
    after = (await _json(conn, "/healthz")).get("search_cache")
    conn.close()
    _report(tally, elapsed, args.clients, mix)
    if isinstance(before, dict) and isinstance(after, dict):
        d = {k: after[k] - before[k] for k in ("hits", "misses", "coalesced", "evictions")}
        looked = d["hits"] + d["misses"]
        print(
            f"server cache (searches and figure listings): hit rate "
            f"{d['hits'] / max(1, looked):.1%} ({d['hits']} hits, "
            f"{d['misses']} misses of which {d['coalesced']} joined a search in flight, "
            f"{d['evictions']} evicted; {after['entries']} entries, "
            f"{after['bytes'] / 1e6:.1f} MB)"
        )
    else:
        print("server cache: off")
    cores = os.cpu_count() or 1
    requests = sum(len(v) for v in tally.latency.values())
    print(
        f"CPU over the run ({cores} cores = {cores * elapsed:.0f} core-s): server "
        f"{cpu_server:.0f} s ({cpu_server / elapsed:.2f} cores, "
        f"{cpu_server * 1000 / max(1, requests):.1f} ms per request), this client "
        f"{cpu_client:.1f} s ({cpu_client / elapsed:.2f} cores); the rest went to other work "
        "on the machine or idle"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("baoku serve exited during start-up; see its output above")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                s.sendall(b"GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"baoku serve was not ready after {timeout:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/baoku-bench.db"))
    ap.add_argument("--articles", type=int, default=100_000, help="corpus size if --db is new")
    ap.add_argument("--clients", type=int, default=32, choices=range(1, 257), metavar="1..256")
    ap.add_argument("--duration", type=float, default=60.0, help="seconds (at most 600)")
    ap.add_argument("--distinct", action="store_true", help="every search different")
    ap.add_argument(
        "--warmup", type=float, default=0.0, help="seconds of the same mix first, not measured"
    )
    ap.add_argument("--pool", type=int, default=50_000, help="distinct searches (skewed mix)")
    ap.add_argument("--zipf", type=float, default=1.0, help="exponent of search popularity")
    ap.add_argument("--word-zipf", type=float, default=1.0, help="exponent of word choice")
    ap.add_argument("--sample", type=int, default=300, help="articles read to make the mix")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    ap.add_argument(
        "--server-arg", action="append", default=[], help="extra `baoku serve` argument"
    )
    args = ap.parse_args()
    args.duration = min(max(args.duration, 1.0), 600.0)
    args.warmup = min(max(args.warmup, 0.0), 600.0)
    if not args.db.exists():
        from bench.make_corpus import build

        t = time.perf_counter()
        print(f"building a {args.articles}-article archive at {args.db} ...", flush=True)
        build(args.db, args.articles)
        print(f"built in {time.perf_counter() - t:.0f} s", flush=True)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "BAOKU_ES_URL"}
    command = [
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
        *(["--workers", str(args.workers)] if args.workers != 1 else []),
        *args.server_arg,
    ]
    print("server:", " ".join(command[2:]), flush=True)
    proc = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        _wait_ready(port, proc)
        asyncio.run(_run("127.0.0.1", port, args, proc.pid))
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    main()
