#!/usr/bin/env python3
"""Measure the rule-based figure and date modules against the gold files.

For every gold FIG entity with a figure record, compare ``parse_figure(text)``
(value, unit, kind, approx) with the record; then run ``find_figures`` and
``find_dates`` over each gold article (normalized with ``pipeline.normalize`` when
it is importable, else Hazm) and report span precision/recall/F1 against the gold
FIG/DATE entity texts, compared the way ``shared/tools/score.py`` does (ZWNJ
removed, Arabic/Persian letters and digits unified, spaces and punctuation dropped;
multiset per article).

Usage: python scripts/measure_figures.py [--gold-dir ../shared/gold] [--show]
Skips cleanly (exit 0) when the gold directory is absent.
"""
from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

_CHAR_MAP = str.maketrans({
    "ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "ؤ": "و", "إ": "ا", "أ": "ا", "ٱ": "ا",
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
})
_DROP = re.compile(r"[\u200c\u200d\u200e\u200f\u064b-\u065f\u0670\u0640\s«»\"'()\[\]،,:؛;.!?؟\-–—]")


def cmp_key(text: str | None) -> str:
    """Comparison key (same rules as the shared scorer)."""
    if not text:
        return ""
    return _DROP.sub("", unicodedata.normalize("NFKC", str(text)).translate(_CHAR_MAP))


def _normalizer():
    try:
        from pipeline.normalize import normalize

        return lambda raw: normalize(raw).text, "pipeline.normalize"
    except Exception:  # noqa: BLE001 - any import problem: fall back to Hazm
        from hazm import Normalizer

        n = Normalizer()
        return n.normalize, "hazm.Normalizer"


def _load(gold_dir: Path) -> list[dict]:
    docs = []
    for name in ("seeds.jsonl", "dev.jsonl"):
        path = gold_dir / name
        if path.exists():
            docs.extend(json.loads(line) for line in path.open(encoding="utf-8") if line.strip())
    return docs


def _prf(tp: int, n_pred: int, n_gold: int) -> str:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} pred={n_pred} gold={n_gold})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold-dir", default=str(Path(__file__).resolve().parents[2] / "shared" / "gold"))
    ap.add_argument("--show", action="store_true", help="list every mismatch")
    args = ap.parse_args(argv)
    gold_dir = Path(args.gold_dir)
    if not gold_dir.is_dir():
        print(f"skip: {gold_dir} not found")
        return 0
    docs = _load(gold_dir)
    if not docs:
        print(f"skip: no gold files in {gold_dir}")
        return 0

    from pipeline.persian.dates import find_dates
    from pipeline.persian.figures import find_figures, parse_figure

    # 1. parse_figure on gold figure texts
    n = ok_value = ok_unit = ok_kind = ok_approx = ok_all = 0
    bad: list[str] = []
    for doc in docs:
        for rec in doc.get("figures", []):
            fv = parse_figure(rec["text"])
            n += 1
            gv = rec.get("value")
            v_ok = fv.value is not None and gv is not None and abs(fv.value - float(gv)) <= 1e-6 * max(1.0, abs(float(gv)))
            u_ok = cmp_key(fv.unit) == cmp_key(rec.get("unit"))
            k_ok = fv.kind == rec.get("kind")
            a_ok = fv.approx == bool(rec.get("approx"))
            ok_value += v_ok
            ok_unit += u_ok
            ok_kind += k_ok
            ok_approx += a_ok
            ok_all += v_ok and u_ok and k_ok and a_ok
            if not (v_ok and u_ok and k_ok and a_ok):
                bad.append(f"  {rec['text']!r}: got ({fv.value}, {fv.unit}, {fv.kind}, {fv.approx}) "
                           f"gold ({gv}, {rec.get('unit')}, {rec.get('kind')}, {rec.get('approx')})")
    print(f"parse_figure on {n} gold figure texts:")
    if n:
        print(f"  value {ok_value / n:.3f}  unit {ok_unit / n:.3f}  kind {ok_kind / n:.3f}  "
              f"approx {ok_approx / n:.3f}  all four {ok_all / n:.3f}")
    if args.show and bad:
        print("\n".join(bad))

    # 2. span finders on normalized articles
    normalize, which = _normalizer()
    print(f"\nspan finders over {len(docs)} articles (normalized with {which}):")
    for label, finder in (("FIG", find_figures), ("DATE", find_dates)):
        tp = n_pred = n_gold = 0
        misses: list[str] = []
        for doc in docs:
            text = normalize(doc["text"])
            gold = Counter(cmp_key(e["text"]) for e in doc.get("entities", []) if e.get("label") == label)
            spans = finder(text)
            pred = Counter(cmp_key(s.text) for s in spans)
            tp += sum((gold & pred).values())
            n_pred += sum(pred.values())
            n_gold += sum(gold.values())
            if args.show:
                for k, c in (pred - gold).items():
                    misses.append(f"  {doc['id']} FP x{c}: {k}")
                for k, c in (gold - pred).items():
                    misses.append(f"  {doc['id']} FN x{c}: {k}")
        print(f"  {label:4s} {_prf(tp, n_pred, n_gold)}")
        if args.show and misses:
            print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
