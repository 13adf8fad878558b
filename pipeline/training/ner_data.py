#!/usr/bin/env python3
"""Build the NER training data for the munifacts tagger (labels PER ROLE ORG LOC FIG DATE, BIO).

Outputs (JSON lines, one sentence each: ``{"tokens", "tags", "source", "silver"}``) under
``work/ner/`` (git-ignored; no corpus text goes into the repository):

* ``train.jsonl``       PEYMA train + NSURL-2019 600K + ParsTwiNER train (+ silver ROLE/FIG) + synthetic
* ``dev.jsonl``         PEYMA dev (+ silver, so ROLE/FIG can be measured)
* ``peyma_test.jsonl``  PEYMA test, original mapped labels only (standard benchmark, no silver)
* ``nsurl_test.jsonl``  NSURL-2019 test, original mapped labels only

Label mapping: PER/ORG/LOC as is; DAT, TIM -> DATE; MON, PCT -> FIG; ParsTwiNER EVE/POG/NAT -> O;
malformed NSURL tags (``I-DATO``, ``OB-ORG``, ``$ارگان``, ...) -> the nearest valid tag or O; then
BIO is repaired (an ``I-X`` that does not continue an X becomes ``B-X``).

Tokens are normalized like the pipeline's Hazm-style normalizer, one token in, one token out:
Arabic ي/ك -> ی/ک, digits -> Persian digits, diacritics and kashida removed, and a space inside
a token (PEYMA's lost ZWNJ, «روش های») -> ZWNJ.

Silver labels (``silver`` lists the labels added to that sentence):
* ROLE from ``pipeline.tag.rules.role_token_spans`` on O tokens only (never over a gold entity);
* DATE from ``pipeline.persian.dates.find_dates`` on O tokens of ParsTwiNER only (it has no date labels);
* FIG from ``pipeline.persian.figures.find_figures`` on O tokens (if importable), skipping any
  overlap with existing entities; existing MON/PCT spans are extended to a preceding approximator
  («بیش از», «حدود», «بالغ بر» ...) as ANNOTATION.md wants.

Sentences whose text occurs inside a ../shared/gold article are dropped (dedup only), and
NSURL sentences that repeat a PEYMA sentence are not counted twice.

    nice .venv/bin/python -m pipeline.training.ner_data            # everything, ~1-2 min
    nice .venv/bin/python -m pipeline.training.ner_data --no-silver --synthetic 0
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

from pipeline.persian.dates import find_dates
from pipeline.persian.figures import find_figures

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

LABELS = ("PER", "ROLE", "ORG", "LOC", "FIG", "DATE")
TYPE_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "DAT": "DATE", "TIM": "DATE", "MON": "FIG", "PCT": "FIG",
            "EVE": None, "POG": None, "NAT": None, "EVENT": None}
_TAG_RE = re.compile(r"([BI])[-_]?(PER|ORG|LOC|DAT|TIM|MON|PCT|EVE|EVENT|POG|NAT)", re.I)

_CHAR_MAP = str.maketrans({
    "ي": "ی", "ى": "ی", "ك": "ک", "ە": "ه",
    **{str(i): chr(0x06F0 + i) for i in range(10)},
    **{chr(0x0660 + i): chr(0x06F0 + i) for i in range(10)},
})
_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, kashida
_ZW = re.compile(r"[\s\u200c\u200d\u00a0]+")
APPROX = ["بیش از", "حدود", "بالغ بر", "قریب به", "حداقل", "کمتر از", "نزدیک به", "تقریبا", "تقریباً", "بالای", "زیر", "افزون بر",
          "حداکثر", "بیشتر از"]


# ---------------------------------------------------------------- mapping / normalization
def map_tag(tag: str) -> str:
    """Corpus tag -> our BIO tag (``O`` for unknown/dropped types). Handles ``_`` and malformed tags."""
    tag = (tag or "").strip()
    if not tag or tag == "O":
        return "O"
    m = _TAG_RE.search(tag)
    if not m:
        return "O"
    lab = TYPE_MAP.get(m.group(2).upper())
    if lab is None:
        return "O"
    return f"{m.group(1).upper()}-{lab}"


def repair_bio(tags: list[str]) -> list[str]:
    """Make a tag sequence valid BIO: an I-X not preceded by B-X/I-X becomes B-X."""
    out, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def norm_token(tok: str) -> str:
    """Normalize one token like the pipeline does, never splitting or dropping it."""
    t = unicodedata.normalize("NFC", tok).translate(_CHAR_MAP)
    t = _DIACRITICS.sub("", t)
    t = _ZW.sub("\u200c", t.strip()).strip("\u200c")
    return t or tok.strip() or "_"


def text_key(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).translate(_CHAR_MAP).replace("ئ", "ی")
    return re.sub(r"[^\w]|_", "", _DIACRITICS.sub("", t))


# ---------------------------------------------------------------- readers
def read_conll(path: Path, sep: str) -> list[tuple[list[str], list[str]]]:
    """Sentences of (tokens, raw tags); ``sep`` splits on the LAST occurrence (PEYMA tokens hold spaces)."""
    sents, toks, tags = [], [], []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if toks:
                    sents.append((toks, tags))
                    toks, tags = [], []
                continue
            if sep not in line:
                continue
            tok, lab = line.rsplit(sep, 1)
            if not tok.strip():
                continue
            toks.append(tok)
            tags.append(lab)
    if toks:
        sents.append((toks, tags))
    return sents


def convert(sents, source: str) -> list[dict]:
    out = []
    for toks, tags in sents:
        ntoks = [norm_token(t) for t in toks]
        ntags = repair_bio([map_tag(t) for t in tags])
        out.append({"tokens": ntoks, "tags": ntags, "source": source, "silver": []})
    return out


# ---------------------------------------------------------------- silver labels
def spans_of(tags: list[str]) -> list[tuple[str, int, int]]:
    out, cur = [], None
    for i, t in enumerate(tags + ["O"]):
        if cur and not (t.startswith("I-") and t[2:] == cur[0]):
            out.append((cur[0], cur[1], i))
            cur = None
        if t.startswith("B-") or (t.startswith("I-") and cur is None):
            cur = (t[2:], i)
    return out


def extend_approx(row: dict) -> bool:
    """Extend FIG spans (from MON/PCT) leftwards over an approximator («بیش از ۶۵ درصد»)."""
    toks, tags, changed = row["tokens"], row["tags"], False
    for lab, a, b in spans_of(tags):
        if lab != "FIG":
            continue
        for ap in APPROX:
            words = ap.split()
            k = len(words)
            if a - k >= 0 and [t.replace("\u200c", "") for t in toks[a - k:a]] == [w.replace("\u200c", "") for w in words] \
                    and all(t == "O" for t in tags[a - k:a]):
                tags[a - k] = "B-FIG"
                for x in range(a - k + 1, a + 1):
                    tags[x] = "I-FIG"
                changed = True
                break
    return changed


_NUMERIC = re.compile(r"[0-9۰-۹]|^(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|پانزده|بیست|سی|چهل|پنجاه|"
                      r"شصت|هفتاد|هشتاد|نود|صد|دویست|سیصد|پانصد|هزار|میلیون|میلیارد|نیم)$")


def _get_find_figures():
    return find_figures


def _get_find_dates():
    return find_dates


def _apply_spans(row: dict, finder, label: str, added: set) -> None:
    """Label the token spans ``finder(text)`` returns as ``label`` where all their tokens are O."""
    toks, tags = row["tokens"], row["tags"]
    text, starts = "", []
    for t in toks:
        starts.append(len(text) + (1 if text else 0))
        text = f"{text} {t}" if text else t
    try:
        found = finder(text)
    except Exception:
        found = []
    for sp in found:
        idx = [k for k, s in enumerate(starts) if s < sp.end and sp.start < s + len(toks[k])]
        if not idx:
            continue
        a, b = idx[0], idx[-1] + 1
        if any(tags[x] != "O" for x in range(a, b)):
            continue
        tags[a] = "B-" + label
        for x in range(a + 1, b):
            tags[x] = "I-" + label
        added.add(label)


def add_silver(row: dict, find_figures=None, do_role=True, find_dates=None) -> None:
    from pipeline.tag.rules import role_token_spans

    toks, tags = row["tokens"], row["tags"]
    added = set(row.get("silver") or [])
    if extend_approx(row):
        added.add("FIG")
    if find_figures is not None and any(_NUMERIC.search(t) for t in toks):
        _apply_spans(row, find_figures, "FIG", added)
    if find_dates is not None:  # only for corpora without date annotation (ParsTwiNER)
        _apply_spans(row, find_dates, "DATE", added)
    if do_role:
        occupied = [t != "O" for t in tags]
        for a, b in role_token_spans(toks, occupied):
            if any(occupied[a:b]):
                continue
            tags[a] = "B-ROLE"
            for x in range(a + 1, b):
                tags[x] = "I-ROLE"
            added.add("ROLE")
    row["silver"] = sorted(added)


# ---------------------------------------------------------------- gold dedup
def gold_blob(gold_dir: Path) -> str:
    parts = []
    for name in ("seeds.jsonl", "dev.jsonl", "test.jsonl"):
        p = gold_dir / name
        if p.exists():
            for line in open(p, encoding="utf-8"):
                if line.strip():
                    parts.append(text_key(json.loads(line).get("text", "")))
    return "\n".join(parts)


def in_gold(row: dict, blob: str, min_len: int = 25) -> bool:
    k = text_key("".join(row["tokens"]))
    return len(k) >= min_len and k in blob


# ---------------------------------------------------------------- output
def write_jsonl(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + f".tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def label_counts(rows: list[dict]) -> Counter:
    c = Counter()
    for r in rows:
        for t in r["tags"]:
            if t.startswith("B-"):
                c[t[2:]] += 1
    return c


def print_stats(name: str, rows: list[dict]) -> None:
    by_src: dict[str, list[dict]] = {}
    for r in rows:
        by_src.setdefault(r["source"], []).append(r)
    print(f"== {name}: {len(rows)} sentences, {sum(len(r['tokens']) for r in rows)} tokens")
    for src, rs in sorted(by_src.items()):
        c = label_counts(rs)
        print(f"   {src:12s} sents={len(rs):6d}  " + "  ".join(f"{lab}={c.get(lab, 0)}" for lab in LABELS))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=str(SHARED / "corpora"), help="root of the shared corpora (read-only)")
    ap.add_argument("--gold", default=str(SHARED / "gold"), help="gold dir, used ONLY to drop overlapping sentences")
    ap.add_argument("--out", default=str(ROOT / "work" / "ner"), help="output directory")
    ap.add_argument("--synthetic", type=int, default=4000, help="number of synthetic municipal sentences (0 = none)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-silver", action="store_true", help="skip silver ROLE/FIG labels")
    ap.add_argument("--no-parstwiner", action="store_true")
    ap.add_argument("--ready", action="store_true", help="also write work/ner/READY with a one-line summary")
    a = ap.parse_args(argv)
    t0 = time.time()
    root, out = Path(a.corpora), Path(a.out)

    peyma = {s: convert(read_conll(root / "peyma" / f"{s}.txt", "|"), "peyma") for s in ("train", "dev", "test")}
    nsurl = convert(read_conll(root / "nsurl2019_task7" / "train_600k.txt", "\t"), "nsurl600k")
    nsurl_test = convert(read_conll(root / "nsurl2019_task7" / "test.txt", "\t"), "nsurl_test")
    ptw = [] if a.no_parstwiner else convert(read_conll(root / "parstwiner" / "train.txt", "\t"), "parstwiner")
    print(f"read corpora in {time.time() - t0:.1f}s")

    blob = gold_blob(Path(a.gold)) if Path(a.gold).exists() else ""
    dropped = Counter()

    # dedup: held-out (PEYMA dev/test, NSURL test) sentences never appear in train; NSURL == PEYMA not twice
    held = {text_key("".join(r["tokens"])) for r in peyma["dev"] + peyma["test"] + nsurl_test}
    seen: set[str] = set()
    train: list[dict] = []
    for r in peyma["train"] + nsurl + ptw:
        k = text_key("".join(r["tokens"]))
        if k in seen or k in held:
            dropped["dup:" + r["source"]] += 1
            continue
        if blob and in_gold(r, blob):
            dropped["gold:" + r["source"]] += 1
            continue
        seen.add(k)
        train.append(r)

    def gold_free(rows):
        keep = []
        for r in rows:
            if blob and in_gold(r, blob):
                dropped["gold:" + r["source"]] += 1
            else:
                keep.append(r)
        return keep

    dev, ptest, ntest = gold_free(peyma["dev"]), gold_free(peyma["test"]), gold_free(nsurl_test)

    if not a.no_silver:
        ff = _get_find_figures()
        print(f"silver: ROLE from rules; FIG from find_figures: {'yes' if ff else 'NOT AVAILABLE (approximators only)'}")
        t1 = time.time()
        fd = _get_find_dates()
        print(f"silver: DATE for ParsTwiNER (no date labels) from find_dates: {'yes' if fd else 'NOT AVAILABLE'}")
        for r in train + dev:
            add_silver(r, ff, find_dates=fd if r["source"] == "parstwiner" else None)
        print(f"silver labels in {time.time() - t1:.1f}s")

    if a.synthetic:
        from pipeline.training.synthetic import generate

        syn = generate(a.synthetic, a.seed)
        for r in syn:
            r["tokens"] = [norm_token(t) for t in r["tokens"]]
            r["tags"] = repair_bio(r["tags"])
        syn = gold_free(syn)
        train += syn

    for r in train + dev + ptest + ntest:
        assert len(r["tokens"]) == len(r["tags"]), r
    write_jsonl(train, out / "train.jsonl")
    write_jsonl(dev, out / "dev.jsonl")
    write_jsonl(ptest, out / "peyma_test.jsonl")
    write_jsonl(ntest, out / "nsurl_test.jsonl")

    print_stats("train", train)
    print_stats("dev", dev)
    print_stats("peyma_test", ptest)
    print_stats("nsurl_test", ntest)
    if dropped:
        print("dropped:", dict(dropped))
    c = label_counts(train)
    summary = (f"work/ner ready ({time.strftime('%H:%M')}): train={len(train)} sents "
               f"({', '.join(f'{lab}={c.get(lab, 0)}' for lab in LABELS)}), dev={len(dev)}, "
               f"peyma_test={len(ptest)}, nsurl_test={len(ntest)}; fields tokens/tags(BIO)/source/silver")
    if a.ready:
        tmp = out / ".READY.tmp"
        tmp.write_text(summary + "\n", encoding="utf-8")
        os.replace(tmp, out / "READY")
    print(summary)
    print(f"done in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
