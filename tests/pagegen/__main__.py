"""Command line: `python -m tests.pagegen --seed 7 --pages 4 --out DIR [--scanned] ...`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from .issue import NEWSPAPERS, generate_issue


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.pagegen", description=__doc__)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pages", type=int, default=4)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--scanned", action="store_true", help="also write .scan.pdf/.scan.jpg")
    ap.add_argument("--newspaper", choices=[n for n, _ in NEWSPAPERS], default=None)
    ap.add_argument("--date", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
    args = ap.parse_args(argv)
    res = generate_issue(
        args.seed,
        args.out,
        pages=args.pages,
        scanned=args.scanned,
        newspaper=args.newspaper,
        day=args.date,
    )
    print(f"{res.newspaper} {res.date.isoformat()}: {len(res.pages)} pages")
    for p in res.pages:
        g = p.gold
        conts = [f"{a['key']}→{a['continues_to']}" for a in g["articles"] if a["continues_to"]]
        extra = f" scan={p.scan_pdf.name}" if p.scan_pdf else ""
        print(
            f"  {p.pdf} ({p.pdf.stat().st_size // 1024} KB) gold={p.gold_path.name} "
            f"articles={len(g['articles'])} columns={g['columns']}"
            f"{' continues ' + ', '.join(conts) if conts else ''}{extra}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
