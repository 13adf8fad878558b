#!/usr/bin/env python3
"""End-to-end record scores on ../shared/gold: train by article-level folds, and seeds+dev.

    python scripts/eval_records.py                       # table: train folds (held out) | seeds+dev
    python scripts/eval_records.py --retag               # re-run the tagger first (after a model change)
    python scripts/eval_records.py --splits heldout      # only seeds+dev
    python scripts/eval_records.py --show commitments --fold 2   # per-article misses of one record type
    python scripts/eval_records.py --splits train --kinds        # commitment kind confusion (gold x predicted)

How it works:

1. **Tag once.** ``munifacts extract`` (the library, the shipped model, combined entities) runs on
   every gold article with its title removed (as the final check does); its output (normalized text
   and entity spans) is cached in ``--cache`` so the records can be re-run in seconds. The cache is
   rebuilt with ``--retag`` or when a gold file is newer than it.
2. **Records per fold.** ``train.jsonl`` is cut into ``--folds`` article-level folds (articles sorted
   by id, fold = index mod k). The learned record components (:data:`LEARNED`) are trained on the
   other folds and the records of the held-out fold are built with them; seeds+dev use components
   trained on all of train (what ships). Rule-only components need no training.
3. **Score** with ``../shared/tools/score.py`` (its ``Scorer``), pooled over the held-out folds.

Only train.jsonl is ever trained on; seeds and dev are measured.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _find_shared() -> Path:
    """``../shared`` of the checkout (or of the folder above it, for a worktree one level deeper);
    ``$MUNIFACTS_SHARED`` overrides."""
    import os

    if os.environ.get("MUNIFACTS_SHARED"):
        return Path(os.environ["MUNIFACTS_SHARED"])
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "gold").exists():
            return base / "shared"
    return ROOT.parent / "shared"


SHARED = _find_shared()
DEFAULT_CACHE = ROOT / ".cache" / "eval_records"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SPLITS = {"train": ["train"], "heldout": ["seeds", "dev"]}
RECORD_ROWS = ("officials(person+role)", "officials(+org)", "meetings", "meeting participants", "commitments",
               "commitments(+kind)", "quotes", "quotes(+speaker)", "figures", "figures(+value)")
#: issue targets (F1), printed beside the scores
TARGETS = {"officials(person+role)": 0.85, "meetings": 0.85, "meeting participants": 0.75, "commitments": 0.80,
           "commitments(+kind)": 0.75, "quotes(+speaker)": 0.85, "figures(+value)": 0.95}


def load_scorer():
    """``score.py`` of ../shared/tools as a module (None when ../shared is absent)."""
    path = SHARED / "tools" / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("munifacts_shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_docs(name: str) -> list[dict]:
    return read_jsonl(SHARED / "gold" / f"{name}.jsonl")


def folds_of(ids: list[str], k: int) -> dict[str, int]:
    """Article id -> fold number (sorted ids, index mod k): stable across runs and machines."""
    return {doc_id: i % k for i, doc_id in enumerate(sorted(ids))}


# ---------------------------------------------------------------- 1. tagging (cached)
def tag(name: str, cache: Path, retag: bool, model: str | None) -> Path:
    """The cached ``munifacts extract`` output for gold split ``name`` (built when missing or stale)."""
    out = cache / f"{name}.tagged.jsonl"
    src = SHARED / "gold" / f"{name}.jsonl"
    if out.exists() and not retag and out.stat().st_mtime >= src.stat().st_mtime:
        return out
    cache.mkdir(parents=True, exist_ok=True)
    inp = cache / f"{name}.input.jsonl"
    with open(inp, "w", encoding="utf-8") as fo:
        for d in gold_docs(name):
            fo.write(json.dumps({k: d.get(k) for k in ("id", "text", "date", "source")}, ensure_ascii=False) + "\n")
    from pipeline.cli import main as cli

    cmd = ["extract", str(inp), "-o", str(out), "-q", "--errors", str(cache / f"{name}.errors.jsonl")]
    cmd += ["--model", model] if model else []
    status = cli(cmd)
    if status == 2:
        raise SystemExit(f"munifacts extract failed on {inp} (status 2)")
    return out


def tagged_docs(path: Path) -> dict[str, dict]:
    return {d["id"]: d for d in read_jsonl(path)}


# ---------------------------------------------------------------- 2. records
def document_of(tagged: dict):
    """A tokenized Document with the cached normalized text and entity spans."""
    from pipeline.document import Document, Span
    from pipeline.tokenize import tokenize

    doc = Document(id=tagged["id"], raw=tagged["text"], text=tagged["text"], date=tagged.get("date"),
                   source=tagged.get("source"))
    tokenize(doc)
    doc.entities = [Span(e["label"], e["start"], e["end"], e["text"], e.get("score")) for e in tagged["entities"]]
    return doc


#: re-run the entity repairs on the cached entities (``--repair``: after a change to ``tag/repair.py``)
REPAIR = False


def records_of(tagged: dict) -> dict:
    """The record fields (as plain dicts) that the record stages build for one article.

    The cached entities are the output's, already repaired, so the repair stage is not run again
    unless :data:`REPAIR` is set (the repairs are idempotent)."""
    from pipeline.records.assemble import build_records

    doc = build_records(document_of(tagged), repair=REPAIR)
    out: dict = {"id": tagged["id"], "entities": tagged["entities"]}
    for name in ("officials", "meetings", "commitments", "quotes", "figures"):
        out[name] = [r.model_dump() if hasattr(r, "model_dump") else r for r in doc.records.get(name, [])]
    return out


#: learned record components: name -> (train(gold docs) -> model, use(model) context manager)
LEARNED: dict[str, tuple[Callable[[list[dict]], object], Callable[[object], object]]] = {}


#: learned components by name: the module that provides ``train_model`` and ``using_model``
LEARNED_MODULES = {"commitments": "pipeline.records.commitment_model",
                   "participants": "pipeline.records.participant_model",
                   "meetings": "pipeline.records.meeting_model",
                   "officials": "pipeline.records.official_model"}


#: trained per fold by default; «meetings» (the meeting-candidate model) ships no model and is measured with
#: ``--learned commitments,participants,officials,meetings`` (see the README, "Seventh pass: meetings")
DEFAULT_LEARNED = ("commitments", "participants", "officials")


def register_learned(names: list[str]) -> None:
    """Fill :data:`LEARNED` with the named components (``train_model`` / ``using_model`` of their module)."""
    for name in names:
        mod = importlib.import_module(LEARNED_MODULES[name])
        LEARNED[name] = (mod.train_model, mod.using_model)


@contextmanager
def learned_from(train_docs: list[dict]) -> Iterator[None]:
    """Every learned component trained on ``train_docs`` and installed for the records stage."""
    stack = []
    try:
        for _name, (train, use) in LEARNED.items():
            cm = use(train(train_docs))
            cm.__enter__()
            stack.append(cm)
        yield
    finally:
        for cm in reversed(stack):
            cm.__exit__(None, None, None)


def with_tags(gold: list[dict], tagged: dict[str, dict]) -> list[dict]:
    """The gold articles with their cached tagged form under ``"_tagged"`` (learned components that
    learn from the rules' candidates, e.g. the participant filter, train on the tagger's output)."""
    return [{**g, "_tagged": tagged.get(g["id"])} for g in gold]


# ---------------------------------------------------------------- 3. scoring
def score(scorer_mod, gold: list[dict], preds: dict[str, dict]) -> dict:
    sc = scorer_mod.Scorer()
    for g in gold:
        sc.score_doc(g, preds.get(g["id"], {}))
    return sc.report()


def run(args) -> dict[str, dict]:
    scorer = load_scorer()
    if scorer is None:
        raise SystemExit("../shared/tools/score.py is not present next to the checkout; nothing to measure")
    register_learned(args.learned)
    reports: dict[str, dict] = {}
    timings: dict[str, float] = {}
    train_tagged = tagged_docs(tag("train", args.cache, args.retag, args.model))
    if "train" in args.splits:
        gold = with_tags(gold_docs("train"), train_tagged)
        tagged = train_tagged
        fold = folds_of([g["id"] for g in gold], args.folds)
        preds: dict[str, dict] = {}
        t0 = time.time()
        for k in range(args.folds):
            if args.fold is not None and k != args.fold:
                continue
            fit = [g for g in gold if fold[g["id"]] != k]
            with learned_from(fit) if LEARNED else _nothing():
                for g in gold:
                    if fold[g["id"]] == k and g["id"] in tagged:
                        preds[g["id"]] = records_of(tagged[g["id"]])
        timings["train"] = time.time() - t0
        scored = [g for g in gold if args.fold is None or fold[g["id"]] == args.fold]
        reports["train folds"] = score(scorer, scored, preds)
        if args.show:
            show(args.show, scored, preds)
        if args.kinds:
            print(kind_confusion(scorer, scored, preds))
            per = [score(scorer, [g for g in scored if fold[g["id"]] == k], preds) for k in range(args.folds)
                   if args.fold is None or k == args.fold]
            print("per fold, commitments / +kind F1: " + "  ".join(
                f"{r['commitments']['f1']:.3f}/{r['commitments(+kind)']['f1']:.3f}" for r in per))
    if "heldout" in args.splits:
        gold = [g for name in SPLITS["heldout"] for g in gold_docs(name)]
        tagged = {}
        for name in SPLITS["heldout"]:
            tagged.update(tagged_docs(tag(name, args.cache, args.retag, args.model)))
        t0 = time.time()
        with learned_from(with_tags(gold_docs("train"), train_tagged)) if LEARNED else _nothing():
            preds = {g["id"]: records_of(tagged[g["id"]]) for g in gold if g["id"] in tagged}
        timings["heldout"] = time.time() - t0
        reports["seeds+dev"] = score(scorer, gold, preds)
        if args.show and "train" not in args.splits:
            show(args.show, gold, preds)
    args.timings = timings
    return reports


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def show(record: str, gold: list[dict], preds: dict[str, dict]) -> None:
    """Print gold vs predicted items of one record type, per article (for error analysis)."""
    for g in gold:
        p = preds.get(g["id"], {})
        print(f"=== {g['id']}")
        for item in g.get(record, []):
            print("  G", json.dumps(item, ensure_ascii=False))
        for item in p.get(record, []):
            item = {k: v for k, v in item.items() if k != "evidence"}
            print("  P", json.dumps(item, ensure_ascii=False))


def kind_confusion(scorer_mod, gold: list[dict], preds: dict[str, dict]) -> str:
    """Commitments matched as ``score.py`` matches them (content overlap >= 0.5, greedy): gold kind
    (rows) against predicted kind (columns); ``-`` is a gold commitment without a match (FN column)
    or a predicted one without a match (FP row)."""
    from collections import Counter

    kinds = ("agreement", "decision", "obligation", "promise", "plan")
    cm: Counter = Counter()
    for g in gold:
        gc = g.get("commitments", [])
        pc = preds.get(g["id"], {}).get("commitments", []) or []
        pairs = scorer_mod.greedy(gc, pc, lambda a, b: scorer_mod.overlap(a.get("content"), b.get("content")) >= 0.5)
        for gi, pi in pairs:
            cm[gc[gi].get("kind"), pc[pi].get("kind")] += 1
        for gi in set(range(len(gc))) - {a for a, _ in pairs}:
            cm[gc[gi].get("kind"), "-"] += 1
        for pi in set(range(len(pc))) - {b for _, b in pairs}:
            cm["-", pc[pi].get("kind")] += 1
    cols = kinds + ("-",)
    lines = ["commitment kinds: gold (rows) x predicted (columns); - = unmatched",
             f"{'':12}" + "".join(f"{c[:6]:>8}" for c in cols) + f"{'gold':>8}"]
    for r in cols:
        lines.append(f"{r:12}" + "".join(f"{cm[r, c]:8d}" for c in cols) + f"{sum(cm[r, c] for c in cols):8d}")
    return "\n".join(lines)


def table(reports: dict[str, dict]) -> str:
    cols = list(reports)
    head = f"{'record':26}" + "".join(f" | {c:^22}" for c in cols) + " | target"
    sub = f"{'':26}" + "".join(f" | {'P':>6} {'R':>6} {'F1':>6}  " for _ in cols) + " |"
    lines = [head, sub, "-" * len(head)]
    for row in RECORD_ROWS:
        cells = []
        for c in cols:
            s = reports[c].get(row)
            cells.append(f" | {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}  " if s else f" | {'-':>22}")
        tgt = TARGETS.get(row)
        lines.append(f"{row:26}" + "".join(cells) + (f" | {tgt:.2f}" if tgt else " |"))
    return "\n".join(lines)


def main(args=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--splits", default="train,heldout", help="comma list of: train (k folds), heldout (seeds+dev)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fold", type=int, default=None, help="only this held-out fold of train")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the tagged gold articles are kept")
    ap.add_argument("--retag", action="store_true", help="re-run the tagger even when the cache is fresh")
    ap.add_argument("--model", default=None, help="tagger model path (default: the shipped model)")
    ap.add_argument("--repair", action="store_true",
                    help="re-run the entity repairs on the cached entities (after a repair change, without --retag)")
    ap.add_argument("--show", default=None, help="print gold vs predicted items of this record type")
    ap.add_argument("--kinds", action="store_true",
                    help="print the commitment kind confusion matrix of the train folds (gold x predicted)")
    ap.add_argument("--commitment-kinds", choices=("shipped", "rules", "plan/promise", "all"), default="shipped",
                    help="who names a commitment's kind in the per-fold models: the shipped setting, the rules, or the "
                         "learned kind classifier between plan and promise / for all kinds but decision and agreement")
    ap.add_argument("--json", action="store_true", help="print the reports as JSON")
    ap.add_argument("--learned", default=",".join(DEFAULT_LEARNED),
                    help=f"learned components to train per fold (comma list of {', '.join(LEARNED_MODULES)}; "
                         "empty: use the shipped models as they are)")
    ns = ap.parse_args(args)
    ns.splits = [s.strip() for s in ns.splits.split(",") if s.strip()]
    ns.learned = [s.strip() for s in ns.learned.split(",") if s.strip()]
    unknown = [s for s in ns.learned if s not in LEARNED_MODULES]
    if unknown:
        ap.error(f"unknown learned component(s) {unknown}; use {', '.join(LEARNED_MODULES)}")
    bad = [s for s in ns.splits if s not in SPLITS]
    if bad:
        ap.error(f"unknown split(s) {bad}; use train and/or heldout")
    if not (SHARED / "gold").exists():
        print("../shared/gold is not present next to the checkout; nothing to measure", file=sys.stderr)
        return 2
    global REPAIR
    REPAIR = ns.repair
    if ns.commitment_kinds != "shipped":
        from pipeline.records import commitment_model

        commitment_model.KIND_SCOPE = ns.commitment_kinds
    reports = run(ns)
    if ns.json:
        print(json.dumps(reports, ensure_ascii=False, indent=1))
    else:
        print(table(reports))
        print("records time: " + ", ".join(f"{k} {v:.1f}s" for k, v in ns.timings.items())
              + (f"; learned components: {', '.join(LEARNED)}" if LEARNED else "; rules only"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
