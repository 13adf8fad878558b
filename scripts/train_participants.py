#!/usr/bin/env python3
"""Train the meeting-participant filter on ../shared/gold/train.jsonl (tagged by the shipped model).

    python scripts/train_participants.py             # 5-fold CV table, then train the shipped model on all
    python scripts/train_participants.py --no-save   # only the CV table

The meeting rules propose candidate participants with tags saying how each was found
(:mod:`pipeline.records.participant_model`); a logistic regression learns which take part. The
articles are tagged once by ``scripts/eval_records.py``'s cache (``munifacts extract``, shipped
model). Folds are article-level (articles sorted by id, fold = index mod k), as in
``eval_records.py``: for each held-out fold the filter is trained on the other folds and the
held-out meetings are scored with ``../shared/tools/score.py`` (meetings, meeting participants).
C, the threshold and ``keep_best`` (a meeting keeps its best candidate when all fall below the
threshold) with the best mean F1 of meetings and participants train the shipped model on all of
train (seeds and dev are never read here).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.eval_records import DEFAULT_CACHE, folds_of, gold_docs, load_scorer, tag, tagged_docs, with_tags  # noqa: E402


def meeting_scores(scorer_mod, docs: list[dict], preds: dict[str, list[dict]]) -> tuple[dict, dict]:
    """(meetings, meeting participants) reports of ``score.py`` for predicted meetings per article id."""
    sc = scorer_mod.Scorer()
    for d in docs:
        sc.score_doc({"meetings": d.get("meetings", [])}, {"meetings": preds.get(d["id"], [])})
    rep = sc.report()
    return rep["meetings"], rep["meeting participants"]


def main(args=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, nargs="*", default=[0.1, 0.3, 1.0])
    ap.add_argument("--threshold", type=float, nargs="*", default=[0.0, 0.2, 0.3, 0.4, 0.5, 0.6])
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--out", type=Path, default=None, help="model file (default: the shipped path)")
    ap.add_argument("--no-save", action="store_true")
    ns = ap.parse_args(args)
    from pipeline.records import participant_model as pm
    from pipeline.records.commitment_model import fit
    from pipeline.records.meetings import meeting_candidates

    scorer = load_scorer()
    if scorer is None:
        print("../shared is not present next to the checkout; nothing to train on", file=sys.stderr)
        return 2
    docs = with_tags(gold_docs("train"), tagged_docs(tag("train", ns.cache, False, None)))
    docs = [d for d in docs if d["_tagged"] is not None]
    fold_of = folds_of([d["id"] for d in docs], ns.folds)
    cands = {d["id"]: meeting_candidates(d["_tagged"]) for d in docs}
    rows = {d["id"]: pm.candidate_rows(d, d["_tagged"]) for d in docs}

    def preds_with(model, keep_best: bool, ids) -> dict[str, list[dict]]:
        out = {}
        for i in ids:
            ms = []
            for d_, cs in cands[i]:
                if d_.weak:  # weak drafts are the meeting model's
                    continue
                if model is not None:
                    model.meta["keep_best"] = keep_best
                parts = pm.keep(model, cs)
                if parts:
                    ms.append({"participants": [p.model_dump() for p in parts]})
            out[i] = ms
        return out

    rules = meeting_scores(scorer, docs, preds_with(None, False, [d["id"] for d in docs]))
    results = {}
    for C in ns.C:
        models = {}
        for k in range(ns.folds):
            X, y = [], []
            for d in docs:
                if fold_of[d["id"]] != k:
                    X += rows[d["id"]][0]
                    y += rows[d["id"]][1]
            models[k] = fit(X, y, C=C)
        for t in ns.threshold:
            for kb in (False, True):
                preds = {}
                for k, model in models.items():
                    model.threshold = t
                    preds.update(preds_with(model, kb, [d["id"] for d in docs if fold_of[d["id"]] == k]))
                results[(C, t, kb)] = meeting_scores(scorer, docs, preds)

    def goal(v):
        return (v[0]["f1"] + v[1]["f1"]) / 2

    print(f"meeting participants on train, {ns.folds} article-level folds held out, shipped tagger")
    print(f"{'system':36} {'meet P':>6} {'R':>6} {'F1':>6} | {'part P':>6} {'R':>6} {'F1':>6}")

    def row(name, a, b):
        print(f"{name:36} {a['p']:6.3f} {a['r']:6.3f} {a['f1']:6.3f} | {b['p']:6.3f} {b['r']:6.3f} {b['f1']:6.3f}")
    row("rule candidates (no filter)", *rules)
    ranked = sorted(results.items(), key=lambda kv: -goal(kv[1]))
    for (C, t, kb), (a, b) in ranked[:8]:
        row(f"filter C={C:g} thr={t:g} keep_best={int(kb)}", a, b)
    (C, t, kb), (a, b) = ranked[0]
    print(f"best: C={C:g} threshold={t:g} keep_best={kb}: meetings F1 {a['f1']:.3f}, participants F1 {b['f1']:.3f}")
    if ns.no_save:
        return 0
    X, y = [], []
    for d in docs:
        X += rows[d["id"]][0]
        y += rows[d["id"]][1]
    card = (f"meeting participant filter: logistic regression on how each rule candidate was found (source, "
            f"word before, distance to the cue, clause and words from the cue), its type and the meeting's kind; trained on the tagged "
            f"../shared/gold/train.jsonl ({len(docs)} articles, {len(X)} candidates); {ns.folds}-fold article CV: "
            f"meetings F1 {a['f1']:.3f}, participants F1 {b['f1']:.3f} (rule candidates unfiltered {rules[0]['f1']:.3f} / "
            f"{rules[1]['f1']:.3f}); C={C:g}, threshold={t:g}, keep_best={kb}; built by scripts/train_participants.py")
    model = fit(X, y, C=C, threshold=t, card=card)
    model.meta["keep_best"] = kb
    out = ns.out or pm.MODEL_PATH
    model.save(out)
    print(f"wrote {out.name} ({out.stat().st_size // 1024} KB, {len(model.weights)} features)")
    print(card)
    return 0


if __name__ == "__main__":
    sys.exit(main())
