#!/usr/bin/env python3
"""Build pipeline/lexicons/non_name_words.txt: words that labelled Persian NER text almost never
tags as part of a person's name.

    python -m pipeline.training.ner_data --corpora ../shared/corpora --out work/ner   # once
    python scripts/build_non_name_words.py --ner work/ner/train.jsonl                 # writes the lexicon

The rule tagger reads a given name followed by a surname word, and a title followed by a word
(«آقای کریمی»), as a person. Words such as «قرآن», «پیشرفت», «بزرگوار» or «کسری» fit that shape
(«رفیع قرآن», «امام بزرگوار») but are common words. Which words are so is read off labelled data,
not listed by hand: a word (in the tagger's key form) seen at least ``--min-count`` times in the
NER training sentences (PEYMA and NSURL-2019, research use; ParsTwiNER, MIT; the synthetic
sentences are left out) and inside a PER span in at most ``--max-share`` of them is written.
Names that the data tags as PER often enough («عباس», «محمد», «امام») never enter. Only the
words are written, one per line, no corpus text.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("peyma", "nsurl600k", "parstwiner")


def non_name_words(rows, min_count: int = 5, max_share: float = 0.05) -> list[str]:
    """Word keys seen ``min_count`` times or more and inside PER at most ``max_share`` of the time."""
    from pipeline.tag.lexindex import word_key

    per, total = Counter(), Counter()
    for r in rows:
        if r.get("source") not in SOURCES:
            continue
        for tok, tag in zip(r["tokens"], r["tags"]):
            k = word_key(tok)
            total[k] += 1
            if tag.endswith("-PER"):
                per[k] += 1
    return sorted(k for k, n in total.items() if n >= min_count and per[k] <= max_share * n and k.strip())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ner", default="work/ner/train.jsonl")
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--max-share", type=float, default=0.05)
    ap.add_argument("--out", default=str(ROOT / "pipeline" / "lexicons" / "non_name_words.txt"))
    args = ap.parse_args(argv)
    with open(args.ner, encoding="utf-8") as fh:
        words = non_name_words((json.loads(line) for line in fh if line.strip()), args.min_count, args.max_share)
    header = ("# Words the NER training data (PEYMA, NSURL-2019, ParsTwiNER) almost never tags as part of a\n"
              f"# person's name (>= {args.min_count} occurrences, PER share <= {args.max_share}).\n"
              "# Built by scripts/build_non_name_words.py; do not edit by hand.\n")
    Path(args.out).write_text(header + "".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{len(words)} words -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
