"""bench/annotation: a written gold set is checked before review and merge."""

from __future__ import annotations

import json
from pathlib import Path

from bench.annotation.validate_set import validate
from bench.nlp_eval import load_gold


def _set_of(article_id: str) -> dict[str, object]:
    gold = load_gold()
    return {
        "articles": [a for a in gold["extra_articles"] if a["id"] == article_id],
        "figures": [f for f in gold["figures"] if f["article"] == article_id],
        "agencies": [a for a in gold["agencies"] if a["article"] == article_id],
        "entities": [e for e in gold["entities"] if e["article"] == article_id],
        "rules": [],
    }


def test_an_opened_gold_article_passes(tmp_path: Path) -> None:
    path = tmp_path / "set36.json"
    path.write_text(json.dumps(_set_of("h36-01"), ensure_ascii=False), "utf-8")
    assert validate(path, 36) == []


def test_a_figure_listed_more_often_than_printed_and_a_bad_type_are_reported(
    tmp_path: Path,
) -> None:
    one = _set_of("h36-01")
    figures = one["figures"]
    assert isinstance(figures, list)
    figures.append({**figures[0]})  # the same surface once more than the body prints it
    figures[1] = {**figures[1], "type": "amount"}
    path = tmp_path / "set36.json"
    path.write_text(json.dumps(one, ensure_ascii=False), "utf-8")
    errs = validate(path, 36)
    assert any("listed 2 times" in e for e in errs)
    assert any("type/qualifier 'amount'" in e for e in errs)
