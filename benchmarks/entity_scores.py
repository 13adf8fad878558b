"""Entity scores of tagger checkpoints through ``munifacts extract``, side by side.

    python benchmarks/entity_scores.py --model shipped --model work/e5/teacher \
        --heldout work/e5/run1/holdout_ids.txt [--sets peyma,heldout,seedsdev] [--threads 1] [--int8]

For each model (``shipped`` = models/munitagger-fa) and each set, runs the extract
command in-process (same code path as the CLI) and prints one line of scores plus the
wall time of the whole extract:

* ``peyma``: PEYMA test (``work/ner/peyma_test.jsonl`` from ``scripts/build_ner_data.py``),
  each 10 sentences one document, one sentence per line; micro F1 over PER/ORG/LOC,
  entities compared per document as (label, letters-only key) multisets, like score.py.
* ``heldout``: the articles of ``../shared/gold/train.jsonl`` listed in ``--heldout`` (the
  ids a fine-tuning run kept out of training), scored with ``../shared/tools/score.py``.
* ``seedsdev``: ``../shared/gold/seeds.jsonl`` + ``dev.jsonl``, scored the same way.

Gold articles are given without their titles (as the evaluation hook does). Both entity
modes are scored for gold sets: ``combined`` (model + rules, the default pipeline) and
``model`` (the model's spans alone).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # --shared overrides (e.g. from a git worktree)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _key_module():
    sys.path.insert(0, str(SHARED / "tools"))
    import score  # the shared scorer: its key() is the comparison everyone uses

    return score


def peyma_docs(path: Path, per_doc: int = 10) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = []
    for i in range(0, len(rows), per_doc):
        group = rows[i:i + per_doc]
        ents = []
        for r in group:
            cur = None
            for tok, tag in zip(r["tokens"] + [""], r["tags"] + ["O"]):
                if cur and not (tag.startswith("I-") and tag[2:] == cur[0]):
                    ents.append({"label": cur[0], "text": " ".join(cur[1])})
                    cur = None
                if tag.startswith("B-") or (tag.startswith("I-") and cur is None):
                    cur = (tag[2:], [tok])
                elif cur:
                    cur[1].append(tok)
        docs.append({"id": f"peyma-{i // per_doc:04d}", "text": "\n".join(" ".join(r["tokens"]) for r in group),
                     "entities": ents})
    return docs


def run_extract(model: str, articles: list[dict], tmp: Path, name: str, entities: str, threads: int,
                int8: bool = False):
    from pipeline.cli import main as cli

    src, out = tmp / f"{name}.in.jsonl", tmp / f"{name}.{entities}.out.jsonl"
    with open(src, "w", encoding="utf-8") as fo:
        for a in articles:
            fo.write(json.dumps({"id": a["id"], "text": a["text"], **({"date": a["date"]} if a.get("date") else {})},
                                ensure_ascii=False) + "\n")
    cmd = ["extract", str(src), "-o", str(out), "-q", "--entities", entities, "--threads", str(threads)]
    cmd += [] if model == "shipped" else ["--model", model]
    cmd += ["--int8"] if int8 else []
    t0 = time.time()
    cli(cmd)
    return out, time.time() - t0


def score_peyma(docs: list[dict], pred_path: Path) -> dict:
    score = _key_module()
    preds = {}
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            preds[d.get("id") or d.get("doc_id")] = d.get("entities") or []
    out, tot = {}, [0, 0, 0]
    for lab in ("PER", "ORG", "LOC"):
        tp = npred = ngold = 0
        for d in docs:
            g = Counter(score.key(e["text"]) for e in d["entities"] if e["label"] == lab)
            p = Counter(score.key(e["text"]) for e in preds.get(d["id"], []) if e["label"] == lab)
            tp += sum((g & p).values()); npred += sum(p.values()); ngold += sum(g.values())
        out[lab] = score.f1(tp, npred, ngold)["f1"]
        tot = [tot[0] + tp, tot[1] + npred, tot[2] + ngold]
    out["micro"] = score.f1(*tot)["f1"]
    return out


def score_gold(gold: list[dict], pred_path: Path, tmp: Path, name: str) -> dict:
    gpath = tmp / f"{name}.gold.jsonl"
    gpath.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in gold), encoding="utf-8")
    res = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gpath), "--pred",
                          str(pred_path), "--json"], capture_output=True, text=True, check=True)
    ents = json.loads(res.stdout)["entities"]
    return {lab: ents[lab]["f1"] for lab in ("ALL", "PER", "ROLE", "ORG", "LOC", "FIG", "DATE")}


def read_gold(name: str) -> list[dict]:
    out = []
    for line in (SHARED / "gold" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            d.pop("title", None)
            out.append(d)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", action="append", required=True, help="'shipped' or a checkpoint folder (repeatable)")
    ap.add_argument("--sets", default="peyma,heldout,seedsdev")
    ap.add_argument("--heldout", default=None, help="file of held-out train.jsonl article ids (one per line)")
    ap.add_argument("--peyma", default=str(ROOT / "work" / "ner" / "peyma_test.jsonl"))
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--int8", action="store_true", help="score each model twice: as it is and with --int8")
    ap.add_argument("--shared", default=None, help="the shared data folder (default: ../shared beside the checkout)")
    args = ap.parse_args(argv)
    global SHARED
    if args.shared:
        SHARED = Path(args.shared)
    sets = args.sets.split(",")
    if not (SHARED / "gold").exists() and set(sets) & {"heldout", "seedsdev"}:
        print("../shared/gold is not present", file=sys.stderr)
        return 2
    data = {}
    if "peyma" in sets:
        if not Path(args.peyma).exists():
            print(f"no {args.peyma}: build it with scripts/build_ner_data.py", file=sys.stderr)
            return 2
        data["peyma"] = peyma_docs(Path(args.peyma))
    if "heldout" in sets:
        if not args.heldout:
            print("--heldout FILE is needed for the heldout set", file=sys.stderr)
            return 2
        ids = set(Path(args.heldout).read_text(encoding="utf-8").split())
        data["heldout"] = [a for a in read_gold("train") if a["id"] in ids]
    if "seedsdev" in sets:
        data["seedsdev"] = read_gold("seeds") + read_gold("dev")
    with tempfile.TemporaryDirectory() as tmpd:
        tmp = Path(tmpd)
        for mi, model in enumerate(args.model):
            for int8 in ([False, True] if args.int8 else [False]):
                for name, arts in data.items():
                    modes = ["combined"] if name == "peyma" else ["combined", "model"]
                    for mode in modes:
                        tag = f"m{mi}{'q' if int8 else ''}-{name}"
                        pred, secs = run_extract(model, arts, tmp, tag, mode, args.threads, int8)
                        res = score_peyma(arts, pred) if name == "peyma" else score_gold(arts, pred, tmp, tag + mode)
                        print(json.dumps({"model": model, **({"int8": int8} if args.int8 else {}), "set": name,
                                          "docs": len(arts), "entities": mode, "seconds": round(secs, 1), **res},
                                         ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
