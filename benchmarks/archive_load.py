"""Time ``munifacts load`` (insert + people/organization resolution) and a few queries on a larger archive.

    python benchmarks/archive_load.py --facts facts.jsonl --copies 100

The extract lines of ``--facts`` are repeated ``--copies`` times under new ids (so the
resolver sees the same people across many articles), loaded in batches into a fresh archive,
then loaded again (nothing added). Prints seconds per step.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.db import load_articles, open_db  # noqa: E402
from pipeline.db.query import Filters, query  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--facts", type=Path, required=True, help="munifacts extract output")
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--batches", type=int, default=5, help="number of load calls")
    args = ap.parse_args()
    arts = [json.loads(x) for x in args.facts.read_text(encoding="utf-8").splitlines() if x.strip()]
    lines = [("bench", i, {**a, "id": f"{a['id']}#{c}"}) for c in range(args.copies) for i, a in enumerate(arts)]
    with tempfile.TemporaryDirectory() as tmp:
        con = open_db(Path(tmp) / "bench.duckdb")
        step = -(-len(lines) // args.batches)
        t0 = time.perf_counter()
        for i in range(0, len(lines), step):
            load_articles(con, lines[i:i + step])
        t1 = time.perf_counter()
        again = load_articles(con, lines)
        t2 = time.perf_counter()
        people = con.execute("SELECT count(*) FROM people").fetchall()[0][0]
        q = {}
        for name, kind, f in (("officials --role", "officials", Filters(role="شهردار")),
                              ("commitments --person", "commitments", Filters(person="نیک‌پور")),
                              ("quotes --text", "quotes", Filters(text="پسماند"))):
            s = time.perf_counter()
            n = len(query(con, kind, f))
            q[name] = (time.perf_counter() - s, n)
    print(f"{len(lines)} articles in {args.batches} loads: {t1 - t0:.1f} s ({len(lines) / (t1 - t0):.0f} articles/s, "
          f"resolution rebuilt after each load); {people} people")
    print(f"loading all again: {t2 - t1:.1f} s, {again.added} added, {again.unchanged} unchanged")
    for name, (sec, n) in q.items():
        print(f"query {name}: {sec * 1000:.0f} ms, {n} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
