#!/usr/bin/env python3
"""Train the commitment clause classifier on ../shared/gold/train.jsonl and compare it with the rules.

    python scripts/train_commitments.py                 # 5-fold CV table (learned vs rules), then train on all
    python scripts/train_commitments.py --no-save       # only the CV table
    python scripts/train_commitments.py --C 1 --threshold 0.5

Folds are article-level (articles sorted by id, fold = index mod k), the same as
``scripts/eval_records.py``. For each held-out fold the model is trained on the other folds;
the held-out clauses are scored as commitments with ``../shared/tools/score.py``'s matching
(content word overlap >= 0.5, kind equal), on gold text without the tagger, against the
cue classes alone (``classify_clause(use_model=False)``) and the combination that ships (cue
classes + classifier). The C and threshold with the best mean F1(+kind) over the folds are used
to train the shipped model on all of train (seeds and dev are never read here).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.eval_records import SHARED, folds_of, gold_docs, load_scorer  # noqa: E402


def _learned_preds(model, rows) -> list[dict]:
    from pipeline.records.commitment_model import clause_features
    from pipeline.lexicons.matcher import cue_classes, fold

    out = []
    for text, clauses in rows:
        ft = fold(text)
        preds = []
        for c in clauses:
            kind, _ = model.predict(clause_features(ft, c, cue_classes()))
            if kind is not None:
                preds.append({"content": text[c.start:c.end], "kind": kind})
        out.append(preds)
    return out


def _clause_preds(prepared: dict, docs: list[dict], model=None, use_model: bool = True) -> list[list[dict]]:
    """Commitments by :func:`pipeline.records.commitments.classify_clause` (cue classes, with or without
    the classifier ``model``) on each article's clauses."""
    from pipeline.records.commitments import classify_clause
    from pipeline.lexicons.matcher import fold

    out = []
    for d in docs:
        text, clauses, _ = prepared[d["id"]]
        ft = fold(text)
        out.append([{"content": text[c.start:c.end], "kind": k} for c in clauses
                    if (k := classify_clause(ft, c, model, use_model=use_model)) is not None])
    return out


def _score(scorer_mod, docs: list[dict], preds: list[list[dict]]) -> tuple[dict, dict]:
    sc = scorer_mod.Scorer()
    for d, p in zip(docs, preds):
        sc.score_doc({"commitments": d.get("commitments", [])}, {"commitments": p})
    rep = sc.report()
    return rep["commitments"], rep["commitments(+kind)"]


def main(args=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, nargs="*", default=[0.5, 1.0, 2.0])
    ap.add_argument("--threshold", type=float, nargs="*", default=[0.6, 0.7, 0.75, 0.8])
    ap.add_argument("--out", type=Path, default=None, help="model file (default: the shipped path)")
    ap.add_argument("--no-save", action="store_true")
    ns = ap.parse_args(args)
    from pipeline.records.commitment_model import MODEL_PATH, fit, labelled_clauses, training_rows
    from pipeline.lexicons.matcher import cue_classes, fold
    from pipeline.records.commitment_model import clause_features

    scorer = load_scorer()
    if scorer is None:
        print("../shared is not present next to the checkout; nothing to train on", file=sys.stderr)
        return 2
    docs = gold_docs("train")
    fold_of = folds_of([d["id"] for d in docs], ns.folds)
    prepared = {d["id"]: labelled_clauses(d) for d in docs}
    cues = cue_classes()
    feats = {i: [clause_features(fold(t), c, cues) for c in cl] for i, (t, cl, _) in prepared.items()}
    results: dict[tuple[float, float], list] = {}
    for C in ns.C:
        preds_by_thr: dict[float, dict[str, list[dict]]] = {t: {} for t in ns.threshold}
        for k in range(ns.folds):
            X, y = [], []
            for d in docs:
                if fold_of[d["id"]] != k:
                    X.extend(feats[d["id"]])
                    y.extend(prepared[d["id"]][2])
            model = fit(X, y, C=C)
            for d in docs:
                if fold_of[d["id"]] != k:
                    continue
                text, clauses, _ = prepared[d["id"]]
                probs = [model.probs(f) for f in feats[d["id"]]]
                none = model.classes.index("none")
                for t in ns.threshold:
                    out = []
                    for c, p in zip(clauses, probs):
                        if p[none] < t:
                            best = max((i for i in range(len(p)) if i != none), key=lambda i: p[i])
                            out.append({"content": text[c.start:c.end], "kind": model.classes[best]})
                    preds_by_thr[t][d["id"]] = out
        for t in ns.threshold:
            results[(C, t)] = list(_score(scorer, docs, [preds_by_thr[t][d["id"]] for d in docs]))
    rules = _score(scorer, docs, _clause_preds(prepared, docs, use_model=False))
    (bC, bt), _ = max(results.items(), key=lambda kv: (kv[1][1]["f1"], kv[1][0]["f1"]))
    combined_preds: dict[str, list[dict]] = {}
    for k in range(ns.folds):
        X, y = [], []
        for d in docs:
            if fold_of[d["id"]] != k:
                X.extend(feats[d["id"]])
                y.extend(prepared[d["id"]][2])
        model = fit(X, y, C=bC, threshold=bt)
        held = [d for d in docs if fold_of[d["id"]] == k]
        for d, p in zip(held, _clause_preds(prepared, held, model)):
            combined_preds[d["id"]] = p
    combined = _score(scorer, docs, [combined_preds[d["id"]] for d in docs])
    print(f"commitments on train, {ns.folds} article-level folds held out, gold text (no tagger)")
    print(f"{'system':28} {'P':>6} {'R':>6} {'F1':>6} | {'+kind P':>7} {'R':>6} {'F1':>6}")
    print(f"{'cue classes alone (rules)':28} {rules[0]['p']:6.3f} {rules[0]['r']:6.3f} {rules[0]['f1']:6.3f} | "
          f"{rules[1]['p']:7.3f} {rules[1]['r']:6.3f} {rules[1]['f1']:6.3f}")
    for (C, t), (a, b) in sorted(results.items()):
        print(f"{f'learned C={C:g} thr={t:g}':28} {a['p']:6.3f} {a['r']:6.3f} {a['f1']:6.3f} | "
              f"{b['p']:7.3f} {b['r']:6.3f} {b['f1']:6.3f}")
    (C, t), (a, b) = max(results.items(), key=lambda kv: (kv[1][1]["f1"], kv[1][0]["f1"]))
    print(f"{'cue classes + learned':28} {combined[0]['p']:6.3f} {combined[0]['r']:6.3f} {combined[0]['f1']:6.3f} | "
          f"{combined[1]['p']:7.3f} {combined[1]['r']:6.3f} {combined[1]['f1']:6.3f}   (as shipped)")
    print(f"best: C={C:g} threshold={t:g}: F1 {a['f1']:.3f}, +kind {b['f1']:.3f}")
    if ns.no_save:
        return 0
    X, y = training_rows(docs)
    card = (f"commitment clause classifier: logistic regression on cue-class, verb-form and word features; "
            f"trained on ../shared/gold/train.jsonl ({len(docs)} articles, {len(X)} clauses); "
            f"{ns.folds}-fold article CV on gold text: F1 {a['f1']:.3f}, +kind {b['f1']:.3f} "
            f"(cue classes alone {rules[0]['f1']:.3f} / {rules[1]['f1']:.3f}; cue classes + model, as shipped, "
            f"{combined[0]['f1']:.3f} / {combined[1]['f1']:.3f}); C={C:g}, threshold={t:g}; "
            f"built by scripts/train_commitments.py")
    model = fit(X, y, C=C, threshold=t, card=card)
    out = ns.out or MODEL_PATH
    model.save(out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB, {len(model.weights)} features)")
    print(card)
    return 0


if __name__ == "__main__":
    sys.exit(main())
