"""Check a written gold set before it is reviewed or merged (bench/annotation/README.md).

Usage: python3 bench/annotation/validate_set.py /tmp/sets/setNN.json NN
Prints the counts and OK, or every problem found (exit status 1).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

FIGURE_KEYS = {"article", "text", "type", "value", "value_max", "qualifier", "measure", "agency",
               "period"}  # fmt: skip
TYPES = {"money", "cases", "people", "percent", "count"}
QUALIFIERS = {"exact", "over", "under", "approx", "range"}
AGENCY_KINDS = {"union", "government", "institution", "court", "company", "procuratorate",
                "association", "party"}  # fmt: skip
ENTITY_KINDS: dict[str, set[str | None]] = {
    "PLACE": {"district", "city", "county", "province"},
    "PERSON": {"other", "official"},
    "DATE": {"period", "year", "month", "day"},
    "INITIATIVE": {None},
}
ARTICLE_KEYS = ("headline", "kicker", "byline", "reporters", "correspondents", "paragraphs",
                "pub_date")  # fmt: skip


def _iso(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _articles(d: dict[str, Any], n: int, errs: list[str]) -> dict[str, str]:
    bodies = {}
    for a in d.get("articles", []):
        aid = a.get("id", "")
        if not re.fullmatch(rf"h{n}-0[1-9]", aid):
            errs.append(f"bad article id {aid!r} (want h{n}-01..)")
        errs += [f"{aid}: missing {k}" for k in ARTICLE_KEYS if k not in a]
        if not _iso(a.get("pub_date")):
            errs.append(f"{aid}: bad pub_date")
        bodies[aid] = "\n".join(a.get("paragraphs", []))
        if not 400 <= len(bodies[aid]) <= 1100:
            errs.append(f"{aid}: body length {len(bodies[aid])} outside 400-1100")
    return bodies


def _occurrences(items: list[dict[str, Any]], what: str, bodies: dict[str, str],
                 errs: list[str]) -> None:  # fmt: skip
    """Every item is printed in its article's body as often as it is listed (occurrence order
    is how the scorer matches items)."""
    seen: dict[tuple[str, str], int] = {}
    for it in items:
        aid, text = it.get("article"), it.get("text") or ""
        if aid not in bodies:
            errs.append(f"{what} {text!r}: unknown article {aid!r}")
            continue
        seen[(aid, text)] = seen.get((aid, text), 0) + 1
        printed = bodies[aid].count(text)
        if what != "entity" and printed < seen[(aid, text)]:
            errs.append(f"{what} {text!r} in {aid}: listed {seen[(aid, text)]} times, body has "
                        f"{printed}")  # fmt: skip


def _figures(d: dict[str, Any], errs: list[str]) -> None:
    for f in d.get("figures", []):
        t = f.get("text")
        if set(f) - FIGURE_KEYS:
            errs.append(f"figure {t!r}: unknown keys {sorted(set(f) - FIGURE_KEYS)}")
        errs += [f"figure {t!r}: missing {k}" for k in sorted(FIGURE_KEYS - {"value_max"})
                 if k not in f]  # fmt: skip
        if f.get("type") not in TYPES or f.get("qualifier") not in QUALIFIERS:
            errs.append(f"figure {t!r}: type/qualifier {f.get('type')!r}/{f.get('qualifier')!r}")
        if not isinstance(f.get("value"), (int, float)):
            errs.append(f"figure {t!r}: value not a number")
        if f.get("qualifier") == "range" and not isinstance(f.get("value_max"), (int, float)):
            errs.append(f"figure {t!r}: range without value_max")
        m = f.get("measure")
        if m is not None and not (isinstance(m, list) and m and all(isinstance(x, str) and x
                                                                    for x in m)):  # fmt: skip
            errs.append(f"figure {t!r}: measure must be null or a non-empty list of strings")
        if f.get("agency") is not None and not isinstance(f.get("agency"), str):
            errs.append(f"figure {t!r}: agency must be null or a string")
        per = f.get("period")
        if per is not None and (
            not isinstance(per, dict)
            or set(per) != {"text", "start", "end"}
            or any(per[k] is not None and not _iso(per[k]) for k in ("start", "end"))
        ):
            errs.append(f"figure {t!r}: period must be null or {{text,start,end}} with ISO days")


def _entities(d: dict[str, Any], bodies: dict[str, str], errs: list[str]) -> None:
    for a in d.get("agencies", []):
        if a.get("kind") not in AGENCY_KINDS or not a.get("canonical"):
            errs.append(f"agency {a.get('text')!r}: kind/canonical {a.get('kind')!r}")
    for e in d.get("entities", []):
        label, text = e.get("label"), e.get("text")
        if label not in ENTITY_KINDS or e.get("kind") not in ENTITY_KINDS[label]:
            errs.append(f"entity {text!r}: label/kind {label!r}/{e.get('kind')!r}")
            continue
        if label == "PERSON" and "title" not in e:
            errs.append(f"entity {text!r}: PERSON needs title (null if none)")
        if label == "DATE" and (
            not _iso(e.get("end")) or (e.get("start") is not None and not _iso(e.get("start")))
        ):
            errs.append(f"entity {text!r}: DATE start/end not ISO (start null for 截至X)")
        body = bodies.get(e.get("article", ""), "")
        if text and label != "PERSON" and text not in body:
            errs.append(f"entity {text!r}: not in body of {e.get('article')}")


def validate(path: Path, n: int) -> list[str]:
    d = json.loads(path.read_text("utf-8"))
    errs = [f"missing key {k}" for k in ("articles", "figures", "agencies", "entities", "rules")
            if k not in d]  # fmt: skip
    bodies = _articles(d, n, errs)
    for key, what in (("figures", "figure"), ("agencies", "agency"), ("entities", "entity")):
        _occurrences(d.get(key, []), what, bodies, errs)
    _figures(d, errs)
    _entities(d, bodies, errs)
    print(f"{len(bodies)} articles, {len(d.get('figures', []))} figures, "
          f"{len(d.get('agencies', []))} agency mentions, {len(d.get('entities', []))} entities, "
          f"{len(d.get('rules', []))} rules")  # fmt: skip
    return errs


def main() -> int:
    errs = validate(Path(sys.argv[1]), int(sys.argv[2]))
    for e in errs:
        print(" -", e)
    print("OK" if not errs else "ERRORS above")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
