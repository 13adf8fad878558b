#!/usr/bin/env python3
"""Select a precision-audit set of municipal news from outlets other than the gold ones.

    python scripts/audit_sample.py OUT.jsonl                 # ../shared/corpora, the fixed rule below
    python scripts/audit_sample.py OUT.jsonl --ids OUT.ids   # also write the list of ids (outlet:offset)
    munifacts extract OUT.jsonl -o facts.jsonl --threads 1

The rule (no randomness, no reading of the texts): an article (or, for the sentence corpora, a
window of ``--window`` consecutive sentences) is a candidate when it holds at least
``--min-hits`` (default 1) words of a municipal body or office (شهردار، شهرداری، شورای شهر، استاندار،
فرماندار، بخشدار، دهیار, not استاندارد; Arabic ي/ك read as Persian). Per outlet the candidates with the most
hits are kept (ties: earliest first), up to the quota of that outlet:

======================  =====  =====================================================
outlet (folder)         quota  unit
======================  =====  =====================================================
raw_tabnak              8      article (title line, body lines, empty line)
raw_radiofarda          8      article (same layout)
farsnews_2023           6      article (CSV row)
raw_updt                10     window of 15 sentences (Bijankhan-era, UPDT spacing)
raw_perdt               22     window of 15 sentences (no document breaks in PerDT)
fars_news_lm            6      article with Arabic ي/ك (older Fars, a contrast)
======================  =====  =====================================================

With ``--seed N`` the units are drawn at random (seed N) among the candidates instead of taking those with
the most hits: a fresh sample for each audit, so a change is not judged on the units it was fitted to.

Windows are non-overlapping (a window starts at a multiple of ``--window``). Ids are
``outlet:offset`` (article index, or first sentence line); the text is written as the corpus has
it (no normalization), so the run sees the original orthography. The output holds corpus text:
keep it out of version control. Exits 0 with a message when the corpora are absent.
"""
from __future__ import annotations

import argparse
import csv
import json
import lzma
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUOTAS = {"raw_tabnak": 8, "raw_radiofarda": 8, "farsnews_2023": 6, "raw_updt": 10, "raw_perdt": 22,
          "fars_news_lm": 6}
_KEY = re.compile(r"شهردار|شورای\s*(?:اسلامی\s*)?شهر|استاندار(?!د)|فرماندار|بخشدار|دهیار")
_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "\u200c": " "})


def _default_corpora() -> Path:
    """``../shared/corpora`` beside the checkout (or one folder further up, for a worktree)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpora").exists():
            return base / "shared" / "corpora"
    return ROOT.parent / "shared" / "corpora"


def hits(text: str) -> int:
    """Municipal words in ``text`` (Arabic ي/ك and half-spaces folded)."""
    return len(_KEY.findall(text.translate(_FOLD)))


def _blank_line_articles(path: Path, outlet: str) -> list[dict]:
    """Title line, body lines, an empty line per article."""
    out, block = [], []
    lines = path.read_text(encoding="utf-8").splitlines() + [""]
    for line in lines:
        if line.strip():
            block.append(line.strip())
        elif block:
            out.append({"id": f"{outlet}:{len(out)}", "title": block[0], "text": "\n".join(block[1:]),
                        "source": outlet})
            block = []
    return out


def _windows(path: Path, outlet: str, size: int) -> list[dict]:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    return [{"id": f"{outlet}:{i}", "text": " ".join(ln for ln in lines[i:i + size] if ln), "source": outlet}
            for i in range(0, len(lines), size)]


def _farsnews_2023(path: Path) -> list[dict]:
    csv.field_size_limit(10**9)
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            text = (row.get("text") or "").strip()
            if text:
                out.append({"id": f"farsnews_2023:{i}", "title": (row.get("title") or "").strip(), "text": text,
                            "source": "farsnews_2023"})
    return out


def _fars_news_lm(folder: Path) -> list[dict]:
    out = []
    for n in range(1, 6):
        path = folder / f"fars-news-{n}.json.xz"
        if not path.exists():
            continue
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            for i, art in enumerate(json.load(fh)):
                body = "\n".join([art.get("abstract") or ""] + list(art.get("paragraphs") or [])).strip()
                if "ي" not in body and "ك" not in body:        # only the older spelling
                    continue
                out.append({"id": f"fars_news_lm:{n}:{i}", "title": art.get("title") or "", "text": body,
                            "source": "fars_news_lm"})
    return out


def load(corpora: Path, window: int) -> dict[str, list[dict]]:
    """All candidate units per outlet (before the keyword rule)."""
    return {
        "raw_tabnak": _blank_line_articles(corpora / "raw_tabnak" / "tabnak.txt", "raw_tabnak"),
        "raw_radiofarda": _blank_line_articles(corpora / "raw_radiofarda" / "radiofarda.txt", "raw_radiofarda"),
        "farsnews_2023": _farsnews_2023(corpora / "farsnews_2023" / "farsnews.csv"),
        "raw_updt": _windows(corpora / "raw_updt" / "updt_plain.txt", "raw_updt", window),
        "raw_perdt": _windows(corpora / "raw_perdt" / "perdt_sentences.txt", "raw_perdt", window),
        "fars_news_lm": _fars_news_lm(corpora / "fars_news_lm"),
    }


def select(units: list[dict], quota: int, min_hits: int, seed: int | None = None) -> list[dict]:
    """The ``quota`` units with the most municipal words (at least ``min_hits``), earliest first on ties,
    returned in corpus order; with ``seed``, ``quota`` units drawn at random among those candidates."""
    scored = [(hits((u.get("title") or "") + "\n" + u["text"]), i) for i, u in enumerate(units)]
    if seed is not None:
        cands = [s for s in scored if s[0] >= min_hits]
        keep = random.Random(seed).sample(cands, min(quota, len(cands)))
        return [units[i] for _, i in sorted(keep, key=lambda s: s[1])]
    keep = sorted((s for s in scored if s[0] >= min_hits), key=lambda s: (-s[0], s[1]))[:quota]
    return [units[i] for _, i in sorted(keep, key=lambda s: s[1])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="JSONL to write (id, title, text, source)")
    ap.add_argument("--corpora", type=Path, default=_default_corpora())
    ap.add_argument("--ids", type=Path, help="also write the selected ids, one a line")
    ap.add_argument("--window", type=int, default=15)
    ap.add_argument("--min-hits", type=int, default=1)
    ap.add_argument("--seed", type=int, default=None, help="draw the units at random among the candidates")
    args = ap.parse_args(argv)
    if not args.corpora.exists():
        print(f"no corpora at {args.corpora}; nothing to do")
        return 0
    chosen = []
    for outlet, units in load(args.corpora, args.window).items():
        picked = select(units, QUOTAS[outlet], args.min_hits, args.seed)
        print(f"{outlet}: {len(picked)} of {len(units)} units")
        chosen.extend(picked)
    with args.out.open("w", encoding="utf-8") as fh:
        for unit in chosen:
            fh.write(json.dumps(unit, ensure_ascii=False) + "\n")
    if args.ids:
        args.ids.write_text("".join(u["id"] + "\n" for u in chosen), encoding="utf-8")
    print(f"{len(chosen)} units -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
