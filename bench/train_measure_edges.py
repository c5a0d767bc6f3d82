"""Train the measure-edge scorer of ``nlp.measure_edges`` on the opened gold sets.

Runs the pipeline with the scorer off over every opened gold article, takes each matched
figure whose gold names a measure, and builds the rules' phrase and its edge-moved
neighbours, labelled right where the gold lists them.  A log-linear model (softmax over each
figure's candidates, L2-regularised, full-batch AdaGrad in numpy) learns which to prefer.

``--cv`` reports, by folds of whole sets, what the scorer would change on sets it was not
trained on (wrong → right, right → wrong) for several margins; without it the model is
trained on every opened set and written to ``nlp/data/measure_edges.json``.  Closed sets are
never read.

    .venv/bin/python bench/train_measure_edges.py --cv
    .venv/bin/python bench/train_measure_edges.py
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass

import numpy as np

from baoku.bench.nlp_eval import CLOSED_SETS, _articles, _keyed, _written_sets, load_gold
from baoku.nlp import measure_edges
from baoku.nlp.analyze import analyze_article
from baoku.nlp.measure_edges import Candidates, Figure

MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


@dataclass(slots=True)
class Group:
    """One figure: its candidates' spans, features and texts, which are right, and its set.
    ``best`` marks the right candidates the gold lists first among those present (the gold
    lists the most specific form first: 困难职工子女助学金 before 助学金); the report counts
    moves between right forms by it."""

    set_no: int
    cands: Candidates
    texts: list[str]
    right: list[bool]
    best: list[bool]


def collect_groups() -> list[Group]:
    gold = load_gold()
    arts = _articles(gold)
    dates = {a["id"]: a["pub_date"] for a in gold.get("extra_articles", [])}
    # the corpus's held-out articles are set 1, the written sets their own numbers
    set_of = dict.fromkeys(gold.get("heldout_articles", []), 1)
    for n, ids in _written_sets(gold):
        set_of.update(dict.fromkeys(ids, n))
    groups = []
    for aid in sorted({f["article"] for f in gold["figures"]}):
        set_no = set_of.get(aid, 0)
        if set_no in CLOSED_SETS:
            continue
        art = arts[aid]
        seen: dict[tuple[str, int], Candidates] = {}

        def keep(sentence: str, figure: Figure, cands: Candidates, into: dict = seen) -> None:
            into[(sentence, figure.start)] = cands

        with measure_edges.recording(keep):
            facts = analyze_article(art, pub_date=dates.get(aid, gold["pub_date"]))
        text = art.text
        golds = _keyed([f for f in gold["figures"] if f["article"] == aid], lambda f: f["text"])
        ours = _keyed(facts.figures, lambda f: f.text)
        for key, gf in golds.items():
            sf = ours.get(key)
            if sf is None or gf["measure"] is None or not sf.measure:
                continue
            s0 = text.rfind(sf.sentence, 0, sf.start + len(sf.sentence))
            cands = seen.get((sf.sentence, sf.start - s0))
            if cands is None:
                continue
            texts = [sf.sentence[a:b] for (a, b), _ in cands]
            ranks = [gf["measure"].index(t) if t in gf["measure"] else None for t in texts]
            top = min((r for r in ranks if r is not None), default=None)
            groups.append(
                Group(
                    set_no,
                    cands,
                    texts,
                    [r is not None for r in ranks],
                    [r is not None and r == top for r in ranks],
                )
            )
    return groups


def train(groups: list[Group], l2: float, rounds: int = 600) -> dict[str, float]:
    """Weights maximising the log-probability of each figure's right candidates."""
    usable = [g for g in groups if any(g.right)]
    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    target: list[float] = []
    group_of: list[int] = []
    row = 0
    for gi, g in enumerate(usable):
        n_right = sum(g.right)
        for (_, feats), ok in zip(g.cands, g.right, strict=True):
            for f in feats:
                rows.append(row)
                cols.append(index.setdefault(f, len(index)))
            target.append(1.0 / n_right if ok else 0.0)
            group_of.append(gi)
            row += 1
    r, c = np.array(rows), np.array(cols)
    t, gid = np.array(target), np.array(group_of)
    w = np.zeros(len(index))
    hist = np.full(len(index), 1e-8)
    for _ in range(rounds):
        s = np.bincount(r, weights=w[c], minlength=row)
        top = np.full(len(usable), -np.inf)
        np.maximum.at(top, gid, s)
        e = np.exp(s - top[gid])
        p = e / np.bincount(gid, weights=e)[gid]
        grad = np.bincount(c, weights=(p - t)[r], minlength=len(index)) + l2 * w
        hist += grad * grad
        w -= 0.5 * grad / np.sqrt(hist)
    return {f: float(w[k]) for f, k in index.items()}


def pick(weights: dict[str, float], g: Group, margin: float) -> int:
    model = measure_edges.EdgeModel(weights, margin)
    return measure_edges.chosen(g.cands, [model.score(feats) for _, feats in g.cands], margin)


def changes(weights: dict[str, float], groups: list[Group], margin: float) -> list[int]:
    """What the scorer changes on ``groups``: wrong→right, right→wrong, wrong→wrong, and
    among right→right moves, those to a form the gold lists earlier and later."""
    out = [0, 0, 0, 0, 0]
    for g in groups:
        p = pick(weights, g, margin)
        if p == 0:
            continue
        was, now = g.right[0], g.right[p]
        out[0] += not was and now
        out[1] += was and not now
        out[2] += not was and not now
        out[3] += was and now and g.best[p] and not g.best[0]
        out[4] += was and now and g.best[0] and not g.best[p]
    return out


def cross_validate(groups: list[Group], folds: int, l2: float) -> None:
    sets = sorted({g.set_no for g in groups})
    total = {m: [0] * 5 for m in MARGINS}
    for k in range(folds):
        held = set(sets[k::folds])
        weights = train([g for g in groups if g.set_no not in held], l2)
        for m in MARGINS:
            moved = changes(weights, [g for g in groups if g.set_no in held], m)
            total[m] = [x + y for x, y in zip(total[m], moved, strict=True)]
    base = sum(g.right[0] for g in groups)
    print(f"{len(groups)} figures with candidates; rules right on {base}")
    for m, (gain, loss, other, up, down) in total.items():
        print(
            f"margin {m:.1f}: wrong→right {gain}, right→wrong {loss}, wrong→wrong {other}, "
            f"net {gain - loss:+d}; right→right to a form the gold lists earlier {up}, "
            f"later {down}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cv", action="store_true", help="cross-validate by sets, write nothing")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=0.3)
    ap.add_argument("--margin", type=float, default=1.5)
    args = ap.parse_args()
    groups = collect_groups()
    if args.cv:
        cross_validate(groups, args.folds, args.l2)
        return
    weights = train(groups, args.l2)
    kept = {f: round(v, 3) for f, v in sorted(weights.items()) if abs(v) >= 0.01}
    out = {"margin": args.margin, "l2": args.l2, "figures": len(groups), "weights": kept}
    measure_edges.MODEL_PATH.write_text(
        json.dumps(out, ensure_ascii=False, indent=0) + "\n", "utf-8"
    )
    print(f"{len(kept)} weights from {len(groups)} figures → {measure_edges.MODEL_PATH}")


if __name__ == "__main__":
    main()
