"""Generate pages and issues: pick paper/date/pages by seed, compose, render PDF and gold JSON."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .content import StorySupply
from .page import PAGE_NAMES, Continuation, compose, gold, make_spec
from .render import render_pdf

# (name, file-name code) of the paper and some peers
NEWSPAPERS: list[tuple[str, str]] = [
    ("工人日报", "grrb"),
    ("劳动报", "ldb"),
    ("四川工人日报", "scgrrb"),
    ("江苏工人报", "jsgrb"),
    ("天津工人报", "tjgrb"),
    ("中国工人报", "zggrb"),
]


@dataclass(frozen=True)
class PageResult:
    """One generated page: its PDF, gold JSON and (optionally) scanned variant."""

    pdf: Path
    gold_path: Path
    gold: dict[str, Any]
    scan_pdf: Path | None = None
    scan_jpg: Path | None = None


@dataclass(frozen=True)
class IssueResult:
    """A generated issue: pages 1..N of one paper and date."""

    newspaper: str
    date: date
    pages: list[PageResult]


def paper_code(newspaper: str) -> str:
    for name, code in NEWSPAPERS:
        if name == newspaper:
            return code
    raise ValueError(f"unknown newspaper {newspaper!r}; known: {[n for n, _ in NEWSPAPERS]}")


def stem(code: str, day: date, page_no: int) -> str:
    """File stem following the real convention, e.g. grrb20240712001."""
    return f"{code}{day:%Y%m%d}{page_no:03d}"


def _pick_date(rng: random.Random) -> date:
    return date(2023, 1, 2) + timedelta(days=rng.randrange(0, 700))


def generate_issue(
    seed: int,
    out_dir: Path | str,
    pages: int = 4,
    scanned: bool = False,
    newspaper: str | None = None,
    day: date | None = None,
) -> IssueResult:
    """A consistent issue (same paper and date, pages 1..N) with articles continued across pages."""
    rng = random.Random(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    name = newspaper or rng.choice(NEWSPAPERS)[0]
    code = paper_code(name)
    day = day or _pick_date(rng)
    names = ["要闻", *rng.sample(PAGE_NAMES, k=min(pages - 1, len(PAGE_NAMES)))]
    supply = StorySupply(rng)
    pending: list[Continuation] = []
    results: list[PageResult] = []
    for no in range(1, pages + 1):
        spec = make_spec(rng, name, code, day, no, names[(no - 1) % len(names)])
        incoming = [c for c in pending if c.to_page == no]
        pending = [c for c in pending if c.to_page != no]
        send_to: list[int] = []
        if no < pages:
            for _ in range(rng.choice([1, 1, 2])):
                send_to.append(rng.randint(no + 1, min(pages, no + 2)))
        layout = compose(rng, spec, supply, incoming, send_to, allow_ad=rng.random() < 0.5)
        pending += layout.outgoing
        s = stem(code, day, no)
        g = gold(layout, seed, f"{s}.pdf")
        results.append(_write(layout, g, out, s, seed, scanned))
    return IssueResult(name, day, results)


def generate_page(
    seed: int,
    out_dir: Path | str,
    scanned: bool = False,
    newspaper: str | None = None,
    day: date | None = None,
    page_no: int | None = None,
) -> PageResult:
    """One standalone page (no continuations)."""
    rng = random.Random(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    name = newspaper or rng.choice(NEWSPAPERS)[0]
    code = paper_code(name)
    day = day or _pick_date(rng)
    no = page_no or rng.randint(1, 8)
    page_name = "要闻" if no == 1 else rng.choice(PAGE_NAMES)
    spec = make_spec(rng, name, code, day, no, page_name)
    layout = compose(rng, spec, StorySupply(rng), [], [], allow_ad=rng.random() < 0.6)
    s = stem(code, day, no)
    return _write(layout, gold(layout, seed, f"{s}.pdf"), out, s, seed, scanned)


def _write(
    layout: Any, g: dict[str, Any], out: Path, s: str, seed: int, scanned: bool
) -> PageResult:
    spec = layout.spec
    pdf = out / f"{s}.pdf"
    render_pdf(layout.drawing, spec.width, spec.height, pdf, s)
    scan_pdf = scan_jpg = None
    if scanned:
        from .scan import make_scan

        scan_pdf, scan_jpg, info = make_scan(
            pdf, out / f"{s}.scan.pdf", out / f"{s}.scan.jpg", seed * 1000 + spec.page_no
        )
        g["scan"] = info
    gold_path = out / f"{s}.gold.json"
    gold_path.write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return PageResult(pdf, gold_path, g, scan_pdf, scan_jpg)
