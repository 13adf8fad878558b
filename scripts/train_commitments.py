#!/usr/bin/env python3
"""Train the commitment clause classifier on ../shared/gold/train.jsonl and compare it with the rules.

    python scripts/train_commitments.py                 # 5-fold CV table (learned vs rules), then train on all
    python scripts/train_commitments.py --no-save       # only the CV table
    python scripts/train_commitments.py --C 1 --threshold 0.5 --cue-threshold 0.95

Folds are article-level (articles sorted by id, fold = index mod k), the same as
``scripts/eval_records.py``. For each held-out fold the model is trained on the other folds;
the held-out clauses are scored as commitments with ``../shared/tools/score.py``'s matching
(content word overlap >= 0.5, kind equal), on gold text without the tagger, against the
cue classes alone (``classify_clause(use_model=False)``), the classifier alone, and the combination
that ships (cue classes + classifier). The combination's settings are chosen on the held-out folds:
C, the threshold for clauses without a cue, the threshold at which the classifier vetoes a cue, and
whether the classifier (rather than the cue) names plan vs promise. The settings with the best mean
of F1 and F1(+kind) train the shipped model on all of train (seeds and dev are never read here).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.eval_records import SHARED, folds_of, gold_docs, load_scorer  # noqa: E402


def _clause_preds(prepared: dict, docs: list[dict], model=None, use_model: bool = True) -> list[list[dict]]:
    """Commitments by :func:`pipeline.records.commitments.classify_clause` (cue classes, with or without
    the classifier ``model``) on each article's clauses."""
    from pipeline.records.commitment_model import date_spans
    from pipeline.records.commitments import classify_clause
    from pipeline.lexicons.matcher import fold

    out = []
    for d in docs:
        text, clauses, _ = prepared[d["id"]]
        ft, dates = fold(text), date_spans(text)
        out.append([{"content": text[c.start:c.end], "kind": k} for c in clauses
                    if (k := classify_clause(ft, c, model, use_model=use_model, dates=dates)) is not None])
    return out


def _score(scorer_mod, docs: list[dict], preds: list[list[dict]]) -> tuple[dict, dict]:
    sc = scorer_mod.Scorer()
    for d, p in zip(docs, preds):
        sc.score_doc({"commitments": d.get("commitments", [])}, {"commitments": p})
    rep = sc.report()
    return rep["commitments"], rep["commitments(+kind)"]


def _combined(prepared: dict, docs: list[dict], cue_kinds: dict, probs: dict, classes: list[str], t: float,
              t_cue: float, model_kinds: tuple[str, ...]) -> list[list[dict]]:
    """What :func:`pipeline.records.commitments.classify_clause` returns for each clause, from the cue
    kinds and model probabilities computed once (so the thresholds can be searched cheaply)."""
    from pipeline.records.commitments import UNVETOED

    none = classes.index("none")
    out = []
    for d in docs:
        text, clauses, _ = prepared[d["id"]]
        preds = []
        for c, (k, sched), p in zip(clauses, cue_kinds[d["id"]], probs[d["id"]]):
            if k == "not" or k == "question":
                continue
            if k is not None:
                if k not in UNVETOED:
                    if p[none] >= t_cue:
                        continue
                    if k in model_kinds or (sched and "scheduled" in model_kinds):
                        k = max(("plan", "promise"), key=lambda x: p[classes.index(x)])
                kind = k
            else:
                if p[none] >= t:
                    continue
                kind = classes[max((i for i in range(len(p)) if i != none), key=lambda i: p[i])]
            preds.append({"content": text[c.start:c.end], "kind": kind})
        out.append(preds)
    return out


def main(args=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, nargs="*", default=[0.5, 1.0, 2.0])
    ap.add_argument("--threshold", type=float, nargs="*", default=[0.5, 0.6, 0.7, 0.75, 0.8],
                    help="P(none) below which a clause without a cue is a commitment")
    ap.add_argument("--cue-threshold", type=float, nargs="*", default=[0.8, 0.9, 0.95, 1.01],
                    help="P(none) at which a clause with a plan/promise/obligation cue is dropped (1.01: never)")
    ap.add_argument("--model-kinds", choices=("cv", "none", "scheduled", "all"), default="none",
                    help="whether the classifier names plan vs promise of cue clauses: chosen by CV, never (the cue's "
                         "kind stands; the default, as the guideline's plan-vs-promise point reads), for scheduled "
                         "light-verb work only, or for all plan/promise cues")
    ap.add_argument("--out", type=Path, default=None, help="model file (default: the shipped path)")
    ap.add_argument("--no-save", action="store_true")
    ns = ap.parse_args(args)
    from pipeline.records.commitment_model import (MODEL_PATH, clause_features, date_spans, fit,
                                                   labelled_clauses, training_rows)
    from pipeline.records.commitments import cue_kind_detail, is_question
    from pipeline.lexicons.matcher import cue_classes, fold

    scorer = load_scorer()
    if scorer is None:
        print("../shared is not present next to the checkout; nothing to train on", file=sys.stderr)
        return 2
    docs = gold_docs("train")
    fold_of = folds_of([d["id"] for d in docs], ns.folds)
    prepared = {d["id"]: labelled_clauses(d) for d in docs}
    cues = cue_classes()
    feats, cue_kinds = {}, {}
    for i, (t, cl, _) in prepared.items():
        ft, dates = fold(t), date_spans(t)
        feats[i] = [clause_features(ft, c, cues, dates) for c in cl]
        cue_kinds[i] = [("question", False) if is_question(ft, c.start, c.end)
                        else cue_kind_detail(ft, c.start, c.end, cues, dates) for c in cl]
    # which cue kinds' plan-vs-promise the classifier decides: none, scheduled work only, all
    all_sets = {"none": (), "scheduled": ("scheduled",), "all": ("scheduled", "plan", "promise")}
    kind_sets = list(all_sets.values()) if ns.model_kinds == "cv" else [all_sets[ns.model_kinds]]
    results: dict[tuple, list] = {}
    alone: dict[tuple, list] = {}
    for C in ns.C:
        probs: dict[str, list] = {}
        classes = None
        for k in range(ns.folds):
            X, y = [], []
            for d in docs:
                if fold_of[d["id"]] != k:
                    X.extend(feats[d["id"]])
                    y.extend(prepared[d["id"]][2])
            model = fit(X, y, C=C)
            classes = model.classes
            for d in docs:
                if fold_of[d["id"]] == k:
                    probs[d["id"]] = [model.probs(f) for f in feats[d["id"]]]
        for t in ns.threshold:
            # the classifier alone: every clause by the model (cues only as features)
            nocue = {i: [(None, False)] * len(v) for i, v in cue_kinds.items()}
            alone[(C, t)] = list(_score(scorer, docs, _combined(prepared, docs, nocue, probs, classes, t, 2.0, ())))
            for tc in ns.cue_threshold:
                for ks in kind_sets:
                    results[(C, t, tc, ks)] = list(_score(scorer, docs, _combined(prepared, docs, cue_kinds, probs,
                                                                                 classes, t, tc, ks)))
    rules = _score(scorer, docs, _clause_preds(prepared, docs, use_model=False))

    def goal(v):  # mean of F1 and F1(+kind)
        return (v[0]["f1"] + v[1]["f1"]) / 2

    print(f"commitments on train, {ns.folds} article-level folds held out, gold text (no tagger)")
    print(f"{'system':44} {'P':>6} {'R':>6} {'F1':>6} | {'+kind P':>7} {'R':>6} {'F1':>6}")

    def row(name, a, b):
        print(f"{name:44} {a['p']:6.3f} {a['r']:6.3f} {a['f1']:6.3f} | {b['p']:7.3f} {b['r']:6.3f} {b['f1']:6.3f}")
    row("cue classes alone (rules)", *rules)
    (aC, at), (aa, ab) = max(alone.items(), key=lambda kv: goal(kv[1]))
    row(f"classifier alone C={aC:g} thr={at:g}", aa, ab)
    ranked = sorted(results.items(), key=lambda kv: -goal(kv[1]))
    for (C, t, tc, ks), (a, b) in ranked[:8]:
        row(f"cues+classifier C={C:g} thr={t:g} cue={tc:g} {'/'.join(ks) or 'cue kind'}", a, b)
    (C, t, tc, ks), (a, b) = ranked[0]
    print(f"best: C={C:g} threshold={t:g} cue_threshold={tc:g} model kinds={'/'.join(ks) or '-'}: "
          f"F1 {a['f1']:.3f}, +kind {b['f1']:.3f}")
    if ns.no_save:
        return 0
    X, y = training_rows(docs)
    card = (f"commitment clause classifier: logistic regression on cue-class, verb-form, date and word features; "
            f"trained on ../shared/gold/train.jsonl ({len(docs)} articles, {len(X)} clauses); "
            f"{ns.folds}-fold article CV on gold text, cue classes + classifier: F1 {a['f1']:.3f}, +kind {b['f1']:.3f} "
            f"(cue classes alone {rules[0]['f1']:.3f} / {rules[1]['f1']:.3f}; classifier alone "
            f"{aa['f1']:.3f} / {ab['f1']:.3f}); C={C:g}, threshold={t:g}, cue threshold={tc:g}, "
            f"model picks {'/'.join(ks) or 'no'} kinds; built by scripts/train_commitments.py")
    model = fit(X, y, C=C, threshold=t, card=card, cue_threshold=tc, model_kinds=ks)
    out = ns.out or MODEL_PATH
    model.save(out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB, {len(model.weights)} features)")
    print(card)
    return 0


if __name__ == "__main__":
    sys.exit(main())
