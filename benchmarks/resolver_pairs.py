"""Pairwise precision and recall of person resolution on the labelled mention pairs.

    python benchmarks/resolver_pairs.py                       # extracts data/samples first (~20 s)
    python benchmarks/resolver_pairs.py --facts facts.jsonl   # output of: munifacts extract data/samples -o facts.jsonl

Two settings:

* ``given mentions``: every mention of the pair set is added to its article's names, with the
  offices the extractor found (the resolver alone: perfect mention detection);
* ``extracted only``: only the names the extractor found; a pair mention it did not find
  (by the name key, in that article) counts as "not merged".

A pair is predicted "same" when both mentions get the same person id. Wrong merges (false
"same") cost precision; missed merges cost recall.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.db import load_files, open_db  # noqa: E402
from pipeline.db.load import names_input  # noqa: E402
from pipeline.db.names import name_parts  # noqa: E402
from pipeline.db.resolve import resolve  # noqa: E402


def _key(name: str) -> str | None:
    p = name_parts(name)
    return p.key if p else None


def read_pairs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _scores(pairs: list[dict], same_pred: list[bool]) -> dict:
    tp = sum(p["same"] and s for p, s in zip(pairs, same_pred))
    fp = sum((not p["same"]) and s for p, s in zip(pairs, same_pred))
    fn = sum(p["same"] and not s for p, s in zip(pairs, same_pred))
    tn = len(pairs) - tp - fp - fn
    return {"pairs": len(pairs), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0}


def evaluate(facts: list[Path], pairs: list[dict]) -> dict:
    con = open_db(None)
    load_files(con, facts)
    base = names_input(con)
    known = {a.article_id for a in base}
    missing = sorted({side["article"] for p in pairs for side in (p["a"], p["b"])} - known)
    if missing:
        raise SystemExit(f"articles of the pair set not in the facts: {', '.join(missing[:5])}; "
                         f"extract data/samples into --facts")

    # extracted only: a mention's person is the extracted name with the same key in that article
    res = resolve(base)
    by_key = {}
    for aid, name, pid, _ in res.mentions:
        by_key.setdefault((aid, _key(name)), pid)
    extracted_pred, found = [], 0
    for p in pairs:
        ids = [by_key.get((s["article"], _key(s["mention"]))) for s in (p["a"], p["b"])]
        found += sum(i is not None for i in ids)
        extracted_pred.append(None not in ids and ids[0] == ids[1])

    # given mentions: the pair mentions added to their articles
    by_id = {a.article_id: a for a in base}
    for p in pairs:
        for s in (p["a"], p["b"]):
            by_id[s["article"]].names.append(s["mention"])
    res = resolve(list(by_id.values()))
    ids = {(aid, name): pid for aid, name, pid, _ in res.mentions}
    given_pred = [ids[(p["a"]["article"], p["a"]["mention"])] == ids[(p["b"]["article"], p["b"]["mention"])]
                  for p in pairs]
    errors = [{"error": "wrong merge" if g else "missed", "a": p["a"], "b": p["b"]}
              for p, g in zip(pairs, given_pred) if g != p["same"]]
    return {"given mentions": _scores(pairs, given_pred), "extracted only": _scores(pairs, extracted_pred),
            "mentions found by extract": f"{found}/{2 * len(pairs)}", "errors (given mentions)": errors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--facts", nargs="*", type=Path, help="extract output of data/samples (default: extract it now)")
    ap.add_argument("--pairs", type=Path, default=ROOT / "tests" / "db" / "data" / "mention_pairs.jsonl")
    ap.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = ap.parse_args(argv)
    pairs = read_pairs(args.pairs)
    with tempfile.TemporaryDirectory() as tmp:
        facts = args.facts
        if not facts:
            out = Path(tmp) / "samples.jsonl"
            subprocess.run([sys.executable, "-m", "pipeline", "extract", str(ROOT / "data" / "samples"), "-o", str(out),
                            "--threads", "1", "-q"], cwd=ROOT, check=True)
            facts = [out]
        report = evaluate(facts, pairs)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    n_same = sum(p["same"] for p in pairs)
    print(f"{len(pairs)} pairs ({n_same} same person, {len(pairs) - n_same} different people)")
    for setting in ("given mentions", "extracted only"):
        s = report[setting]
        print(f"{setting:15}  precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
              f"(wrong merges {s['fp']}, missed {s['fn']})")
    print(f"pair mentions found by extract: {report['mentions found by extract']}")
    for e in report["errors (given mentions)"]:
        print(f"  {e['error']:11} {e['a']['article']}:{e['a']['mention']}  |  {e['b']['article']}:{e['b']['mention']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
