"""OCR benchmark: generated *scanned* pages in, article precision/recall, CER and speed out.

Run: ``.venv/bin/python bench/ocr_accuracy.py [--issues 5 --pages 4 --seed 2000]`` (20 pages).
Pages come from ``tests.pagegen`` with ``scanned=True`` (200 dpi, skew ≤ 1°, blur, noise,
JPEG, wrapped in an image-only PDF). Only the ``.scan.pdf`` files are ingested, as
``baoku ingest --ocr auto`` would, one page at a time in one process with one ONNX thread
(seconds per page on one core); articles are scored with the matching of
``bench/ingest_accuracy.py``.

Tesseract 5 (chi_sim) reads the same page JPEGs for comparison. It has no article
segmentation, so both engines are also compared on a reading-order-free measure: the
character-bag error of the whole page (Chinese characters and digits; |gold − read| counts per
character, over gold characters), which isolates recognition from layout.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from baoku.ingest.errors import IngestError  # noqa: E402
from baoku.ingest.pipeline import ingest_file  # noqa: E402
from baoku.search.store import Store  # noqa: E402
from bench.gold import load_gold  # noqa: E402
from bench.ingest_accuracy import evaluate, generate  # noqa: E402


def _countable(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff") or ch.isdigit()


def _gold_page_chars(gold_json: dict[str, object]) -> Counter[str]:
    parts: list[str] = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            parts.append(v)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for k, x in v.items():
                if k in (
                    "text",
                    "headline",
                    "kicker",
                    "subheadline",
                    "byline",
                    "lead",
                    "paragraphs",
                    "caption",
                    "credit",
                    "furniture",
                    "articles",
                ):
                    walk(x)

    walk(gold_json)
    return Counter(ch for ch in "".join(parts) if _countable(ch))


def bag_error(gold: Counter[str], read: Counter[str]) -> tuple[int, int]:
    keys = set(gold) | set(read)
    return sum(abs(gold[k] - read[k]) for k in keys), sum(gold.values())


def tesseract_page(jpg: Path) -> tuple[str, float]:
    t0 = time.perf_counter()
    out = subprocess.run(
        ["tesseract", str(jpg), "stdout", "-l", "chi_sim", "--psm", "3"],
        capture_output=True,
        text=True,
        check=True,
        env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
    )
    return out.stdout, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--issues", type=int, default=5)
    ap.add_argument("--pages", type=int, default=4, help="pages per issue")
    ap.add_argument("--seed", type=int, default=2000)
    ap.add_argument("--keep", type=Path, help="keep generated pages and archive here")
    ap.add_argument("--no-tesseract", action="store_true")
    ap.add_argument("--show", type=int, default=10, help="problems to list")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="baoku-ocr-bench-"))
    gen = work / "generated"
    generate(gen, args.issues, args.pages, args.seed, scanned=True)
    scans = work / "scans"
    scans.mkdir(exist_ok=True)
    for f in gen.glob("*.scan.pdf"):
        shutil.copy(f, scans / f.name)
    for f in gen.glob("*.gold.json"):
        shutil.copy(f, scans / f.name)
    gold = load_gold(scans)
    ours = [0, 0]
    tess = [0, 0]
    tess_time = ocr_time = 0.0
    failed: list[str] = []
    with Store.open(work / "bench.db") as store:
        for gj in sorted(scans.glob("*.gold.json")):
            g = json.loads(gj.read_text(encoding="utf-8"))
            want = _gold_page_chars(g)
            stem = gj.name.removesuffix(".gold.json")
            t0 = time.perf_counter()
            try:
                doc = ingest_file(scans / f"{stem}.scan.pdf")
            except IngestError as exc:
                failed.append(str(exc))
                continue
            ocr_time += time.perf_counter() - t0
            store.save_document(doc, replace=True)
            # Recognition alone: OCR lines of the page vs the gold page, order-free.
            text = "".join(ln.text for p in doc.pages for b in p.blocks for ln in b.lines)
            e, n = bag_error(want, Counter(ch for ch in text if _countable(ch)))
            ours[0] += e
            ours[1] += n
            if not args.no_tesseract and shutil.which("tesseract"):
                text, secs = tesseract_page(gen / f"{stem}.scan.jpg")
                tess_time += secs
                e, n = bag_error(want, Counter(ch for ch in text if _countable(ch)))
                tess[0] += e
                tess[1] += n
        report = evaluate(gold, store)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pages = max(1, int(report["pages"]))  # type: ignore[call-overload]
    ocr_s = ocr_time / pages

    print(
        f"pages {report['pages']}  gold articles {report['gold_articles']}  "
        f"extracted {report['extracted_articles']}  correct {report['correct']}"
    )
    print(
        f"RapidOCR (PP-OCRv4) + baoku layout: article precision {report['precision']:.3f}  "
        f"recall {report['recall']:.3f}  body CER {report['body_cer']:.2%}"
    )
    print(
        f"RapidOCR: {ocr_s:.1f} s/page (1 core, whole ingest incl. render, deskew, layout)  "
        f"peak RSS {peak / 1024:.0f} MiB"
    )
    if ours[1]:
        print(f"RapidOCR page character-bag error {ours[0] / ours[1]:.2%}")
    if tess[1]:
        print(
            f"Tesseract 5 chi_sim page character-bag error {tess[0] / tess[1]:.2%}  "
            f"{tess_time / pages:.1f} s/page (1 thread)"
        )
    print(f"failed files: {failed}")
    for line in report["problems"][: args.show]:  # type: ignore[index]
        print("  ", line)


if __name__ == "__main__":
    main()
