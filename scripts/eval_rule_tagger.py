#!/usr/bin/env python3
"""Measure the rule-based STAND-IN tagger (pipeline.tag.rules.rule_entities) on the gold articles.

Each gold text is normalized (``pipeline.normalize.normalize`` if importable, else Hazm's
Normalizer), tagged, and compared per label with the key-based multiset comparison of
../shared/tools/score.py (its ``key``; letters/digits only, ZWNJ/spaces ignored).

    nice .venv/bin/python scripts/eval_rule_tagger.py                       # seeds + dev
    nice .venv/bin/python scripts/eval_rule_tagger.py --gold ../shared/gold/dev.jsonl --errors ROLE
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LABELS = ("PER", "ROLE", "ORG", "LOC", "FIG", "DATE")


def _scorer(path: str):
    spec = importlib.util.spec_from_file_location("munifacts_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _normalizer():
    try:
        from pipeline.normalize import normalize

        return lambda raw: normalize(raw).text, "pipeline.normalize"
    except Exception:
        from hazm import Normalizer

        n = Normalizer()
        return n.normalize, "hazm.Normalizer"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", nargs="+", default=[str(SHARED / "gold" / "seeds.jsonl"), str(SHARED / "gold" / "dev.jsonl")])
    ap.add_argument("--score-py", default=str(SHARED / "tools" / "score.py"))
    ap.add_argument("--errors", nargs="*", default=None, help="print missed/spurious entities for these labels")
    ap.add_argument("--no-external", action="store_true", help="do not call find_figures/find_dates")
    a = ap.parse_args(argv)

    from pipeline.tag.rules import rule_entities

    sc = _scorer(a.score_py)
    norm, norm_name = _normalizer()
    tot = {lab: [0, 0, 0] for lab in LABELS}
    errs: dict[str, tuple[Counter, Counter]] = {lab: (Counter(), Counter()) for lab in LABELS}
    n_docs = 0
    for path in a.gold:
        if not Path(path).exists():
            print(f"skip {path} (missing)")
            continue
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            doc = json.loads(line)
            n_docs += 1
            text = norm(doc["text"])
            pred = rule_entities(text, with_external=not a.no_external)
            for lab in LABELS:
                g = Counter(sc.key(e["text"]) for e in doc.get("entities", []) if e.get("label") == lab)
                p = Counter(sc.key(e.text) for e in pred if e.label == lab)
                tp = sum((g & p).values())
                tot[lab][0] += tp
                tot[lab][1] += sum(p.values())
                tot[lab][2] += sum(g.values())
                errs[lab][0].update(g - p)
                errs[lab][1].update(p - g)
    print(f"rule tagger on {n_docs} gold articles (normalizer: {norm_name})")
    print(f"{'label':6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'pred':>5s} {'gold':>5s}")
    all_tp = all_p = all_g = 0
    for lab in LABELS:
        tp, np_, ng = tot[lab]
        r = sc.f1(tp, np_, ng)
        all_tp, all_p, all_g = all_tp + tp, all_p + np_, all_g + ng
        print(f"{lab:6s} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {tp:5d} {np_:5d} {ng:5d}")
    r = sc.f1(all_tp, all_p, all_g)
    print(f"{'micro':6s} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {all_tp:5d} {all_p:5d} {all_g:5d}")
    for lab in a.errors or []:
        missed, spurious = errs[lab]
        print(f"\n{lab} missed: {dict(missed.most_common(40))}")
        print(f"{lab} spurious: {dict(spurious.most_common(40))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
