#!/usr/bin/env python
"""Orthography robustness: the same gold articles in older spellings, end to end.

    python benchmarks/orthography_robustness.py [--n 40] [--seed 13] [--variants all] [--threads 1]

Takes ``--n`` articles of ``../shared/gold/train.jsonl`` (40 by default): sorted by id,
the ones at index ``i * total // n`` (evenly spaced, so every outlet is in), without
titles as the evaluation hook gives them. Writes degraded copies and runs
``munifacts extract`` in-process on the original and on each copy (the code path of
``benchmarks/entity_scores.py``), then scores every run with ``../shared/tools/score.py``.
Prints entity F1 per label and ALL and the record scores, one column per variant, as the
change against the original.

Variants (each alone, then ``all``; a fixed seed, so every run sees the same text):

* ``arabic``: «ی» → «ي», «ک» → «ك»; a word-final «ه» + ZWNJ + «ی» (ezafe) → «ۀ».
* ``zwnj_space``: every ZWNJ becomes a space («می‌شود» → «می شود», «شهرداری‌ها» →
  «شهرداری ها»).
* ``zwnj_drop``: every ZWNJ is removed (pieces glued: «میشود», «شهرداریها»).
* ``digits_ar``: every digit (Persian or Latin) → Arabic-Indic («۱۴۰۲»/«1402» → «١٤٠٢»).
* ``digits_latin``: Persian digits → Latin.
* ``clitics``: a standalone «و», «در» or «به» is glued to the next word
  («و امسال» → «وامسال») with probability ``--clitic-rate`` (0.15).
* ``all``: ``arabic``, then each ZWNJ either a space or removed (a coin per ZWNJ),
  then ``digits_ar``, then ``clitics``.

Gold consistency. ``score.py``'s ``key`` maps «ي/ك/ۀ» and both digit sets to one form
and drops spaces and ZWNJ, so ``arabic`` (except the ezafe), ZWNJ and digit changes
leave the keys as they were. Deterministic variants (all but ``clitics``) are applied
to every string of the gold article as well (entity texts, people, roles, quotes,
commitment contents), which also covers «ه‌ی» → «ۀ» (key «هی» vs «ه») and keeps
``score.py``'s word overlap (quotes, commitments) comparable. A glued clitic is never
part of an entity (ANNOTATION.md: prepositions and «و» stay outside spans), so the gold
stays as it is: a clitic glued onto an entity's first word («درتهران») still expects
«تهران»; a clitic inside an entity («حمل ونقل») leaves the key unchanged; ``all``
gets the same gold as ``arabic`` + digits. ``--clitic-outside`` instead never glues
onto the first word of a gold entity (an easier test).

The shipped tagger was trained on most of ``train.jsonl``, so the original column is
optimistic; the point is the change per variant. ``--keep DIR`` keeps the inputs,
predictions and gold copies. Prints numbers, asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ZWNJ = "\u200c"
FA_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_ARABIC_LETTERS = str.maketrans({"ی": "ي", "ک": "ك"})
_EZAFE = re.compile("ه" + ZWNJ + "[یي](?![\u0600-\u06ff" + ZWNJ + "])")
_TO_AR_DIGITS = str.maketrans({**{FA_DIGITS[i]: AR_DIGITS[i] for i in range(10)},
                               **{str(i): AR_DIGITS[i] for i in range(10)}})
_TO_LATIN = str.maketrans({FA_DIGITS[i]: str(i) for i in range(10)})
_CLITIC = re.compile(r"(?:(?<=^)|(?<=[\s«(\"]))(و|در|به) (?=[\u0621-\u06cc])", re.M)

VARIANTS = ("arabic", "zwnj_space", "zwnj_drop", "digits_ar", "digits_latin", "clitics", "all")
RECORD_METRICS = ("officials(person+role)", "officials(+org)", "meetings", "meeting participants", "commitments",
                  "commitments(+kind)", "quotes", "quotes(+speaker)", "figures", "figures(+value)")
LABELS = ("ALL", "PER", "ROLE", "ORG", "LOC", "FIG", "DATE")


def arabic(text: str) -> str:
    return _EZAFE.sub("ۀ", text).translate(_ARABIC_LETTERS)


def zwnj_space(text: str) -> str:
    return text.replace(ZWNJ, " ")


def zwnj_drop(text: str) -> str:
    return text.replace(ZWNJ, "")


def digits_ar(text: str) -> str:
    return text.translate(_TO_AR_DIGITS)


def digits_latin(text: str) -> str:
    return text.translate(_TO_LATIN)


def zwnj_mixed(text: str, rng: random.Random) -> str:
    return "".join((" " if rng.random() < 0.5 else "") if ch == ZWNJ else ch for ch in text)


def glue_clitics(text: str, rng: random.Random, rate: float, avoid: frozenset[str] = frozenset()) -> str:
    def sub(m: re.Match) -> str:
        nxt = re.match(r"[^\s«»()\"،.:؛]+", text[m.end():])
        if nxt and nxt.group(0) in avoid:
            return m.group(0)
        return m.group(1) if rng.random() < rate else m.group(0)

    return _CLITIC.sub(sub, text)


def map_strings(obj, fn):
    if isinstance(obj, str):
        return fn(obj)
    if isinstance(obj, list):
        return [map_strings(x, fn) for x in obj]
    if isinstance(obj, dict):
        return {k: (v if k in ("id", "source", "date", "label", "kind", "unit") else map_strings(v, fn))
                for k, v in obj.items()}
    return obj


def entity_starts(art: dict) -> frozenset[str]:
    return frozenset(e["text"].split()[0] for e in art.get("entities", []) if e.get("text", "").split())


def make_variant(name: str, arts: list[dict], seed: int, rate: float, outside: bool) -> tuple[list, list]:
    """(input articles, gold articles) of one variant."""
    det = {"arabic": arabic, "zwnj_space": zwnj_space, "zwnj_drop": zwnj_drop, "digits_ar": digits_ar,
           "digits_latin": digits_latin}
    inputs, golds = [], []
    for i, a in enumerate(arts):
        rng = random.Random(f"{seed}:{name}:{a['id']}")
        if name == "original":
            text, gold = a["text"], a
        elif name in det:
            text, gold = det[name](a["text"]), map_strings(a, det[name])
        elif name == "clitics":
            text, gold = glue_clitics(a["text"], rng, rate, entity_starts(a) if outside else frozenset()), a
        elif name == "all":
            fn = lambda s, r: digits_ar(zwnj_mixed(arabic(s), r))  # noqa: E731
            text = glue_clitics(fn(a["text"], rng), rng, rate,
                                frozenset(map(arabic, entity_starts(a))) if outside else frozenset())
            gold = map_strings(a, lambda s: digits_ar(arabic(s)))
        else:
            raise ValueError(name)
        inputs.append({"id": a["id"], "text": text, **({"date": a["date"]} if a.get("date") else {})})
        golds.append(gold)
    return inputs, golds


def run(name: str, inputs: list[dict], golds: list[dict], tmp: Path, threads: int) -> dict:
    from pipeline.cli import main as cli

    src, out, gpath = tmp / f"{name}.in.jsonl", tmp / f"{name}.out.jsonl", tmp / f"{name}.gold.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in inputs), encoding="utf-8")
    gpath.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in golds), encoding="utf-8")
    cli(["extract", str(src), "-o", str(out), "-q", "--threads", str(threads)])
    res = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gpath), "--pred",
                          str(out), "--json"], capture_output=True, text=True, check=True)
    rep = json.loads(res.stdout)
    return {**{f"entity {lab}": rep["entities"][lab]["f1"] for lab in LABELS},
            **{m: rep[m]["f1"] for m in RECORD_METRICS}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=40, help="N train articles evenly spaced by id (default 40; 0 = all)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--variants", default="all", help=f"comma list of {','.join(VARIANTS)} or 'all' (every one)")
    ap.add_argument("--clitic-rate", type=float, default=0.15)
    ap.add_argument("--clitic-outside", action="store_true", help="never glue onto a gold entity's first word")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--keep", default=None, metavar="DIR", help="keep inputs, predictions and gold copies here")
    ap.add_argument("--json", action="store_true", help="print one JSON line per variant instead of a table")
    ap.add_argument("--shared", default=None, help="the shared data folder (default: ../shared beside the checkout)")
    args = ap.parse_args(argv)
    global SHARED
    if args.shared:
        SHARED = Path(args.shared)
    path = SHARED / "gold" / "train.jsonl"
    if not path.exists():
        print(f"{path} is not present", file=sys.stderr)
        return 2
    arts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for a in arts:
        a.pop("title", None)
    arts.sort(key=lambda a: a["id"])
    if args.n and args.n < len(arts):  # evenly spaced, so every outlet of the file is in
        arts = [arts[i * len(arts) // args.n] for i in range(args.n)]
    names = ["original"] + (list(VARIANTS) if args.variants == "all" else args.variants.split(","))
    results = {}
    with tempfile.TemporaryDirectory() as tmpd:
        tmp = Path(args.keep) if args.keep else Path(tmpd)
        tmp.mkdir(parents=True, exist_ok=True)
        for name in names:
            inputs, golds = make_variant(name, arts, args.seed, args.clitic_rate, args.clitic_outside)
            results[name] = run(name, inputs, golds, tmp, args.threads)
            if args.json:
                print(json.dumps({"variant": name, "docs": len(arts), **results[name]}, ensure_ascii=False),
                      flush=True)
            else:
                print(f"done: {name}", file=sys.stderr, flush=True)
    if not args.json:
        rows = list(results["original"])
        print(f"{len(arts)} articles (train.jsonl, evenly spaced by id), seed {args.seed}; F1, variant columns show the "
              f"change against original")
        print(f"{'metric':24}" + "".join(f"{n[:12]:>13}" for n in names))
        for r in rows:
            base = results["original"][r]
            cells = [f"{base:13.3f}"] + [f"{results[n][r] - base:+13.3f}" for n in names[1:]]
            print(f"{r:24}" + "".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
