"""Speed of the record rules against article length (they should grow linearly).

    python benchmarks/records_speed.py                 # 1k, 5k, 20k, 80k words
    python benchmarks/records_speed.py --words 2000 40000

The article is the sample articles of ``data/samples`` repeated until it has the wanted number of
words; entities come from the rule tagger (no model) and the entity repairs, so only the record
stages are timed.
Prints CPU seconds per article and microseconds per word; a flat µs/word column means linear time.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def sample_text() -> str:
    from pipeline.inputs import InputItem, iter_inputs

    items = [x for x in iter_inputs([str(ROOT / "data" / "samples")]) if isinstance(x, InputItem)]
    return "\n".join(x.text.strip() for x in items)


def article(words: int) -> str:
    base = sample_text()
    n = len(base.split())
    reps = max(1, round(words / n))
    return "\n".join([base] * reps)


def build_doc(text: str):
    from pipeline.document import Document
    from pipeline.normalize import normalize
    from pipeline.tag.repair import repair_document
    from pipeline.tag.rules import rule_entities
    from pipeline.tokenize import tokenize

    nt = normalize(text)
    doc = tokenize(Document(id="bench", raw=text, text=nt.text, norm=nt))
    doc.entities = rule_entities(doc.text)
    return repair_document(doc)


def run_records(doc) -> None:
    from pipeline.records.assemble import build_records

    build_records(doc, repair=False)


def main(args=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, nargs="*", default=[1000, 5000, 20000, 80000])
    ns = ap.parse_args(args)
    print(f"{'words':>8} {'entities':>9} {'records s':>10} {'µs/word':>8}")
    for w in ns.words:
        doc = build_doc(article(w))
        n = len(doc.text.split())
        t0 = time.process_time()  # CPU time: another job on the machine does not inflate it
        run_records(doc)
        dt = time.process_time() - t0
        print(f"{n:8d} {len(doc.entities):9d} {dt:10.2f} {1e6 * dt / n:8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
