"""Ingest speed and memory benchmark, with its baselines measured in the same run.

Run: ``.venv/bin/python bench/ingest_speed.py [--pages 40] [--batch 500]``.
On the same generated pages it times:

* bare pdfplumber ``extract_words()`` (the floor: reading the text layer at all),
* poppler's ``pdftotext`` (a C extractor, for scale),
* baoku's whole ingestion (``ingest_file``: layout, articles, cleanup) on one worker,
* ``run_batch`` into a store with ``--workers 1`` and ``--workers 2``,

then ingests a batch of ``--batch`` distinct files in one process and samples its resident
memory as the batch goes, to show it stays flat rather than growing with batch size.
Targets: baoku ≤ 1.5× bare pdfplumber; 2 workers ≥ 1.7× one worker.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from baoku.ingest.pipeline import ingest_file  # noqa: E402
from baoku.runner import BatchOptions, run_batch  # noqa: E402
from baoku.search.store import Store  # noqa: E402
from tests.pagegen.issue import generate_issue  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def timed(label: str, fn, pages: int) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    dt = time.perf_counter() - t0
    print(f"{label:<38} {dt:7.2f}s  {pages / dt:6.2f} pages/s")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=40, help="generated pages to time on")
    ap.add_argument("--batch", type=int, default=500, help="files in the memory run (0: skip)")
    ap.add_argument("--seed", type=int, default=300)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="baoku-speed-"))
    src = work / "pages"
    seed = args.seed
    while len(list(src.glob("*.pdf"))) < args.pages:
        generate_issue(seed, src, pages=4)
        seed += 1
    files = sorted(src.glob("*.pdf"))[: args.pages]
    n = len(files)
    print(f"{n} generated broadsheet pages, {os.cpu_count()} CPUs")

    def bare() -> None:
        for f in files:
            with pdfplumber.open(f) as pdf:
                for page in pdf.pages:
                    page.extract_words()

    def poppler() -> None:
        for f in files:
            subprocess.run(["pdftotext", "-layout", str(f), "-"], check=True, capture_output=True)

    def baoku() -> None:
        for f in files:
            ingest_file(f)

    def batch(workers: int, facts: bool = False) -> None:
        db = work / f"w{workers}{'f' if facts else ''}.db"
        with Store.open(db) as store:
            run_batch(files, store, BatchOptions(workers=workers, facts=facts))

    t_bare = timed("pdfplumber extract_words (bare)", bare, n)
    if shutil.which("pdftotext"):
        timed("poppler pdftotext -layout", poppler, n)
    t_baoku = timed("baoku ingest_file (1 process)", baoku, n)
    t_w1 = timed("baoku ingest --no-facts --workers 1", lambda: batch(1), n)
    t_w2 = timed("baoku ingest --no-facts --workers 2", lambda: batch(2), n)
    t_f1 = timed("baoku ingest (with NLP facts) -w 1", lambda: batch(1, True), n)
    t_f2 = timed("baoku ingest (with NLP facts) -w 2", lambda: batch(2, True), n)
    print(f"baoku ingest_file / bare pdfplumber: {t_baoku / t_bare:.2f}x  (target <= 1.5x)")
    print(f"whole ingest --no-facts / bare:      {t_w1 / t_bare:.2f}x")
    print(f"--workers 2 speed-up (no facts):     {t_w1 / t_w2:.2f}x  (target >= 1.7x, 2 cores)")
    print(f"--workers 2 speed-up (with facts):   {t_f1 / t_f2:.2f}x")

    if args.batch:
        many = work / "many"
        many.mkdir()
        for i in range(args.batch):
            # Distinct bytes (so none is skipped as a duplicate), same content to parse.
            data = files[i % n].read_bytes() + f"\n%baoku-copy {i}\n".encode()
            (many / f"copy{i:05d}.pdf").write_bytes(data)
        samples: list[tuple[int, float]] = []

        def on_progress(p) -> None:  # type: ignore[no-untyped-def]
            if p.files_done % max(1, args.batch // 10) == 0:
                samples.append((p.files_done, rss_mb()))

        with Store.open(work / "many.db") as store:
            t0 = time.perf_counter()
            run_batch([many], store, BatchOptions(workers=1, facts=False), on_progress)
            dt = time.perf_counter() - t0
        print(f"{args.batch}-file batch (1 worker): {dt:.1f}s, {args.batch / dt:.2f} pages/s")
        print("resident memory by files done: " + ", ".join(f"{k}:{v:.0f}MB" for k, v in samples))
        if len(samples) >= 3:
            early = samples[1][1]
            late = samples[-1][1]
            print(f"growth from {samples[1][0]} to {samples[-1][0]} files: {late - early:+.1f} MB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
