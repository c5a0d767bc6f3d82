"""Write what a gold-set writer may read: /tmp/brief/rules.md (every annotation rule of the
opened gold) and /tmp/brief/example.json (one annotated article, h36-01, in the set format).

Usage: python3 bench/annotation/prepare_brief.py   (then hand writer_brief.md to a writer)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH.parent))

from bench.nlp_eval import load_gold  # noqa: E402

OUT = Path("/tmp/brief")


def main() -> None:
    gold = load_gold()
    OUT.mkdir(parents=True, exist_ok=True)
    head = "# Annotation rules of the baoku NLP gold (every item applies; later items record "
    head += "choices made in earlier sets)\n\n"
    (OUT / "rules.md").write_text(head + "\n\n".join("- " + r for r in gold["rules"]) + "\n")
    ids = {"h36-01"}
    example = {
        "articles": [a for a in gold["extra_articles"] if a["id"] in ids],
        "figures": [f for f in gold["figures"] if f["article"] in ids],
        "agencies": [a for a in gold["agencies"] if a["article"] in ids],
        "entities": [e for e in gold["entities"] if e["article"] in ids],
        "rules": ["(one string per choice the general rules did not settle, quoting the item)"],
    }
    (OUT / "example.json").write_text(json.dumps(example, ensure_ascii=False, indent=1))
    print(f"wrote {OUT / 'rules.md'} and {OUT / 'example.json'}")


if __name__ == "__main__":
    main()
