"""Ingest accuracy benchmark: generated broadsheet pages in, article precision/recall and CER out.

Run: ``.venv/bin/python bench/ingest_accuracy.py [--issues 12 --pages 4 --seed 1000]``.
Generates issues with ``tests.pagegen`` (continuations, captions between articles, lead boxes,
two-line headlines), ingests them into a temporary archive exactly as ``baoku ingest`` does,
and compares whole articles (continued parts merged) with the gold answers:

* an article is right when its headline and its body (whitespace removed) equal gold's;
* body CER = character edits / gold characters, over all gold articles (a missed one counts
  in full);
* captions merged into article text, and continuation pairs linked, are counted too.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from baoku.runner import BatchOptions, run_batch  # noqa: E402
from baoku.search.store import Store  # noqa: E402
from bench.gold import GoldSet, load_gold, squash  # noqa: E402
from tests.pagegen.issue import generate_issue  # noqa: E402


def generate(out: Path, issues: int, pages: int, seed: int, scanned: bool = False) -> None:
    for i in range(issues):
        generate_issue(seed + i, out, pages=pages, scanned=scanned)


def evaluate(gold: GoldSet, store: Store) -> dict[str, object]:
    extracted = list(store.iter_articles(types=("article",)))
    photos = list(store.iter_articles(types=("photo",)))
    by_head: dict[tuple[str, str, str], list[int]] = {}
    for i, a in enumerate(extracted):
        by_head.setdefault((a.newspaper or "", a.date or "", squash(a.headline)), []).append(i)
    used: set[int] = set()
    right = 0
    edits = 0
    gold_chars = 0
    pairs = linked = 0
    misses: list[str] = []
    for g in gold.articles:
        gtext = squash(g.text)
        gold_chars += len(gtext)
        cands = [
            i for i in by_head.get((g.newspaper, g.date, squash(g.headline)), []) if i not in used
        ]
        best = None
        if cands:
            best = min(cands, key=lambda i: Levenshtein.distance(squash(extracted[i].text), gtext))
            used.add(best)
        if best is None:
            edits += len(gtext)
            misses.append(f"missing: {g.date} p{g.pages} {g.headline}")
        else:
            e = extracted[best]
            d = Levenshtein.distance(squash(e.text), gtext)
            edits += d
            if d == 0:
                right += 1
            else:
                misses.append(f"text differs ({d} edits): {g.date} p{g.pages} {g.headline}")
        if len(g.pages) > 1:
            pairs += len(g.pages) - 1
            if best is not None and set(g.pages) <= set(extracted[best].pages):
                linked += len(g.pages) - 1
    article_texts = [squash(a.text) for a in extracted]
    merged_captions = sum(
        1
        for c in gold.captions
        if len(squash(c)) >= 6 and any(squash(c) in t for t in article_texts)
    )
    photo_texts = {squash(p.text) for p in photos}
    captions_found = sum(1 for c in gold.captions if squash(c) in photo_texts)
    n_ex = len(extracted)
    return {
        "pages": gold.pages,
        "gold_articles": len(gold.articles),
        "extracted_articles": n_ex,
        "correct": right,
        "precision": right / n_ex if n_ex else 0.0,
        "recall": right / len(gold.articles) if gold.articles else 0.0,
        "body_cer": edits / gold_chars if gold_chars else 0.0,
        "captions": len(gold.captions),
        "captions_as_photo_items": captions_found,
        "captions_merged_into_articles": merged_captions,
        "continuation_pairs": pairs,
        "continuation_pairs_linked": linked,
        "problems": misses,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--issues", type=int, default=12)
    ap.add_argument("--pages", type=int, default=4, help="pages per issue")
    ap.add_argument("--seed", type=int, default=1000)
    ap.add_argument("--keep", type=Path, help="keep generated pages and archive here")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=10, help="problems to list")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="baoku-bench-"))
    pages_dir = work / "pages"
    t0 = time.perf_counter()
    generate(pages_dir, args.issues, args.pages, args.seed)
    t_gen = time.perf_counter() - t0
    gold = load_gold(pages_dir)
    with Store.open(work / "bench.db") as store:
        summary = run_batch([pages_dir], store, BatchOptions(force=True))
        report = evaluate(gold, store)
    report["ingest_pages_per_s"] = summary.pages / summary.elapsed if summary.elapsed else 0.0
    report["generate_s"] = t_gen
    report["failed_files"] = [r.reason for r in summary.results if r.status == "failed"]
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    print(
        f"pages {report['pages']}  gold articles {report['gold_articles']}  "
        f"extracted {report['extracted_articles']}  correct {report['correct']}"
    )
    print(
        f"article precision {report['precision']:.3f}  recall {report['recall']:.3f}  "
        f"body CER {report['body_cer']:.4%}"
    )
    print(
        f"captions {report['captions']}: as photo items {report['captions_as_photo_items']}, "
        f"merged into articles {report['captions_merged_into_articles']}"
    )
    print(
        f"continuation pairs {report['continuation_pairs']}, linked "
        f"{report['continuation_pairs_linked']}"
    )
    print(f"ingest {report['ingest_pages_per_s']:.1f} pages/s (1 worker, incl. store writes)")
    for line in report["problems"][: args.show]:  # type: ignore[index]
        print("  ", line)


if __name__ == "__main__":
    main()
