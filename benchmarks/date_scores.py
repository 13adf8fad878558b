"""DATE and ALL entity scores end to end, on the date work's development and check splits.

    python benchmarks/date_scores.py [--sets dev,check,seedsdev] [--errors dev] [--threads 1]
    python benchmarks/date_scores.py --labels ORG,ROLE,ALL [--errors dev]   # other labels

* ``dev``: the first 60 articles of ``../shared/gold/train.jsonl`` sorted by id (the date
  grammar was developed on these), ``check``: the other 35 (looked at only as numbers and
  as the spans that changed), ``seedsdev``: ``seeds.jsonl`` + ``dev.jsonl`` (measure only).

Articles are given without their titles; the extract runs in-process with ``--without
records`` (entities only). ``--errors dev`` (train sets only) also prints the spans of the
``--labels`` (DATE by default) that are missed or spurious per article, compared as score.py compares them.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from entity_scores import SHARED, _key_module, read_gold, score_gold  # noqa: E402


def _sets() -> dict[str, list[dict]]:
    train = sorted(read_gold("train"), key=lambda a: a["id"])
    return {"dev": train[:60], "check": train[60:], "seedsdev": read_gold("seeds") + read_gold("dev")}


def _extract(articles: list[dict], tmp: Path, name: str, threads: int) -> Path:
    from pipeline.cli import main as cli

    src, out = tmp / f"{name}.in.jsonl", tmp / f"{name}.out.jsonl"
    src.write_text("".join(json.dumps({"id": a["id"], "text": a["text"], **({"date": a["date"]} if a.get("date") else {})},
                                      ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    cli(["extract", str(src), "-o", str(out), "-q", "--without", "records", "--threads", str(threads)])
    return out


def _errors(gold: list[dict], pred_path: Path, label: str = "DATE") -> list[str]:
    key = _key_module().key
    preds = {}
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            preds[d["id"]] = [e["text"] for e in d.get("entities") or [] if e["label"] == label]
    lines = []
    for a in gold:
        g = [e["text"] for e in a["entities"] if e["label"] == label]
        p = preds.get(a["id"], [])
        gk, pk = Counter(map(key, g)), Counter(map(key, p))
        miss = [t for t in dict.fromkeys(g) if (gk - pk)[key(t)]]
        spur = [t for t in dict.fromkeys(p) if (pk - gk)[key(t)]]
        tag = "" if label == "DATE" else f"{label}\t"
        lines += [f"{a['id']}\t{tag}MISS\t{t}" for t in miss] + [f"{a['id']}\t{tag}SPUR\t{t}" for t in spur]
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="dev,check,seedsdev")
    ap.add_argument("--errors", default="", help="train sets whose DATE errors to list (dev, check)")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--labels", default="DATE,ALL", help="entity labels to print (ALL: every label)")
    args = ap.parse_args(argv)
    labels = [x.strip() for x in args.labels.split(",") if x.strip()]
    if not (SHARED / "gold").is_dir():
        print(f"no gold files under {SHARED}", file=sys.stderr)
        return 2
    if "seedsdev" in args.errors.split(","):
        print("seeds+dev are for measuring only: no error listing", file=sys.stderr)
        return 2
    sets = _sets()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for name in args.sets.split(","):
            out = _extract(sets[name], tmp, name, args.threads)
            s = score_gold(sets[name], out, tmp, name)
            print(f"{name:9s} ({len(sets[name])} articles)  " + "  ".join(f"{lab} {s[lab]:.3f}" for lab in labels))
            if name in args.errors.split(","):
                for lab in (x for x in labels if x != "ALL"):
                    print("\n".join(_errors(sets[name], out, lab)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
