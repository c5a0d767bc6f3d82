"""Merge a reviewed written set into the gold, closed (bench/annotation/README.md).

Usage: python3 bench/annotation/merge_set.py NN [NN ...]
Writes /tmp/sets/setNN.json as bench/data/nlp_gold_sets/heldoutNN.json and appends its rules
to ``closed_rules`` in bench/data/nlp_gold.json (a replaced set's rules are not added again).
Byline names are dropped from the entities (byline fields are not scored text), and a
placeholder DATE start (0001-01-01, for 截至X) becomes the open start it stands for.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"
SETS = Path("/tmp/sets")


def _cleaned(d: dict[str, Any]) -> dict[str, Any]:
    body = {a["id"]: "\n".join(a["paragraphs"]) for a in d["articles"]}
    byline = {a["id"]: {*a["reporters"], *a["correspondents"]} for a in d["articles"]}

    def from_byline(e: dict[str, Any]) -> bool:
        aid = e["article"]
        return e["label"] == "PERSON" and e["text"] not in body[aid] and e["text"] in byline[aid]

    entities = [e for e in d["entities"] if not from_byline(e)]
    for e in entities:
        if e.get("start") == "0001-01-01":
            e["start"], e["canonical"] = None, "../" + e["end"]
    return {**d, "entities": entities}


def merge(n: int, core: dict[str, Any]) -> str:
    d = _cleaned(json.loads((SETS / f"set{n}.json").read_text("utf-8")))
    out = DATA / "nlp_gold_sets" / f"heldout{n:02d}.json"
    new = not out.exists()
    one = {
        "set": n,
        "articles": d["articles"],
        "entities_annotated": True,
        **{k: d[k] for k in ("figures", "agencies", "entities")},
    }
    out.write_text(json.dumps(one, ensure_ascii=False, indent=1) + "\n", "utf-8")
    if new:
        tagged = ("figures", "agencies", "entities")
        core.setdefault("closed_rules", []).extend(
            r if r.startswith(tagged) else f"figures (h{n}): {r}" for r in d["rules"]
        )
    return f"set {n}: {'written' if new else 'replaced'} ({len(d['figures'])} figures)"


def main() -> None:
    core_path = DATA / "nlp_gold.json"
    core = json.loads(core_path.read_text("utf-8"))
    for n in map(int, sys.argv[1:]):
        print(merge(n, core))
    core_path.write_text(json.dumps(core, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
