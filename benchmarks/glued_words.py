#!/usr/bin/env python
"""Glued-word splitting benchmark: precision and recall of restored spaces.

Data: correctly written news in which we remove spaces, then ask the
normalizer to put them back.

* ``bench`` (default): the 200 held-out Fars articles of
  ``benchmarks/zwnj_restoration.py`` (never counted by the lexicon or the
  bigram model), ZWNJ-consistent ones only (the same rule as there);
* ``tune``: the next 100 Fars articles by sha1(link), also never counted;
  the splitting thresholds were chosen on this set.

Cases (a fixed random seed): in each article, spaces are removed (a) after
«و», «در», «به», «از», «با» before a word, and (b) between two random
adjacent words; at most one case in any three consecutive words, up to
``--cases`` in all, half of each kind.  Metrics:

* ``precision``: restored spaces at a removed position / all spaces the
  system put between two letters that had none in its input;
* ``recall``: removed spaces put back / removed spaces (``clitic``: those
  after «و/در/به/از/با»; ``pairs``: those between two random words);
* ``FP(clit)``: false splits, and in brackets those right after a clitic
  (و در به از با بر که) at the start of a token: mostly words the source
  itself wrote glued («درزمینه», «براساس»), which the benchmark cannot tell
  from real errors;
* ``half``: removed spaces that came back as a half-space instead («بهطور»
  -> «به‌طور», a spelling the lexicon attests); not counted in the recall;
* ``false splits/1k``: spaces put into the *unmodified* articles, per 1,000
  words (the cost on text that has no glued words);
* throughput in CPU time (``time.process_time``: other jobs on the machine
  do not count).

Run: ``nice python benchmarks/glued_words.py [--corpora DIR] [--set tune]``.
Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.normalize import Normalizer, rules  # noqa: E402

_spec = importlib.util.spec_from_file_location("zwnj_restoration", REPO / "benchmarks" / "zwnj_restoration.py")
zb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(zb)
build = zb.build

CLITICS = ("و", "در", "به", "از", "با")
_WORD = re.compile("^[" + rules.AR_LETTER_CLASS + rules.ZWNJ + "]+$")
_LETTER = re.compile("[" + rules.AR_LETTER_CLASS + "]")


def boundaries(text: str) -> tuple[str, set[int]]:
    """(letters, indices i of letters preceded by only whitespace since letter i-1)."""
    letters, out = [], set()
    gap = None  # None: no letter yet / non-space seen; True: only spaces since last letter
    for ch in zb.clean(text):
        if _LETTER.match(ch):
            if gap:
                out.add(len(letters))
            letters.append(ch)
            gap = False
        elif ch.isspace() and ch != "\n":
            if gap is False:
                gap = True
        elif ch == rules.ZWNJ:
            pass  # «پلیس‌ آگاهی»: a ZWNJ next to a space changes nothing
        else:
            gap = None
    return "".join(letters), out


def glue(text: str, rng: random.Random, budget: list[int]) -> tuple[str, set[int], set[int]]:
    """``text`` with some spaces removed; the letter indices where they were,
    and those of them after a clitic."""
    lines = text.split("\n")
    out_lines = []
    for line in lines:
        toks = line.split(" ")
        keep_space = [True] * (len(toks) - 1)
        clitic = [False] * (len(toks) - 1)
        last = -3
        for i in range(len(toks) - 1):
            if i - last < 3:
                continue
            a, b = toks[i], toks[i + 1]
            if not (_WORD.match(a) and _WORD.match(b)) or len(b) < 2:
                continue
            if a in CLITICS and budget[0] > 0 and rng.random() < 0.5:
                budget[0] -= 1
            elif a not in CLITICS and len(a) >= 2 and budget[1] > 0 and rng.random() < 0.04:
                budget[1] -= 1
            else:
                continue
            keep_space[i] = False
            clitic[i] = a in CLITICS
            last = i
        s = toks[0]
        for i, t in enumerate(toks[1:]):
            s += (" " if keep_space[i] else ("\x00" if clitic[i] else "")) + t
        out_lines.append(s)
    marked = "\n".join(out_lines)
    glued = marked.replace("\x00", "")
    letters_o, b_o = boundaries(text)
    letters_g, b_g = boundaries(glued)
    assert letters_o == letters_g
    after_clitic, k = set(), 0
    for ch in zb.clean(marked):
        if ch == "\x00":
            after_clitic.add(k)
        elif _LETTER.match(ch):
            k += 1
    return glued, b_o - b_g, after_clitic


def new_spaces(inp: str, out: str) -> set[int]:
    li, bi = boundaries(inp)
    lo, bo = boundaries(out)
    if li != lo:  # Hazm-style repeated-letter edits: align
        import difflib

        sm = difflib.SequenceMatcher(None, lo, li, autojunk=False)
        mapped = set()
        for a, b, size in sm.get_matching_blocks():
            mapped.update(b + (p - a) for p in bo if a < p < a + size)
        bo = mapped
    return bo - bi


def load_docs(corpora: Path, which: str) -> list[str]:
    if which == "tune":
        links = build.fars_heldout_links(corpora, build.N_TUNE, start=build.N_HELDOUT)
    else:
        links = build.fars_heldout_links(corpora)
    docs = {}
    for link, text in build.fars_articles(corpora):
        if link in links:
            docs[link] = text
    ok = zb.consistency_filter()
    return [d for _, d in sorted(docs.items()) if ok(d)]


def _after_clitic(letters: str, starts: set[int], p: int) -> bool:
    """Is the space at letter index ``p`` right after a clitic that starts a token?"""
    for c in CLITICS + ("بر", "که"):
        k = p - len(c)
        if k >= 0 and letters[k:p] == c and (k in starts or k == 0):
            return True
    return False


def evaluate(fn, docs, glued):
    tp = fp = fn_ = half = tp_clitic = n_clitic = fp_clitic = 0
    false_clean = 0
    n_words = 0
    chars = 0
    elapsed = 0.0
    for doc, (g, gold, clitic) in zip(docs, glued):
        t0 = time.process_time()
        out = fn(g)
        elapsed += time.process_time() - t0
        chars += len(g)
        pred = new_spaces(g, out)
        _, zw, _ = zb.skeleton(zb.clean(out))
        half += len({p for p in gold - pred if p in zw})
        tp += len(pred & gold)
        letters, starts = boundaries(g)
        fp_clitic += sum(1 for p in pred - gold if _after_clitic(letters, starts, p))
        tp_clitic += len(pred & clitic)
        n_clitic += len(clitic)
        fp += len(pred - gold)
        fn_ += len(gold - pred)
        false_clean += len(new_spaces(doc, fn(doc)))
        n_words += len(doc.split())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn_) if tp + fn_ else 0.0
    rc = tp_clitic / n_clitic if n_clitic else 0.0
    rp = (tp - tp_clitic) / (tp + fn_ - n_clitic) if tp + fn_ - n_clitic else 0.0
    return p, r, rc, rp, tp, f"{fp}({fp_clitic})", fn_, half, 1000 * false_clean / max(1, n_words), chars / max(elapsed, 1e-9)


def main(argv=None):
    ap = argparse.ArgumentParser(description="glued-word splitting benchmark")
    ap.add_argument("--corpora", type=Path, default=build.DEFAULT_CORPORA)
    ap.add_argument("--set", choices=("bench", "tune"), default="bench")
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-hazm", action="store_true")
    ap.add_argument("--margins", default="", help="comma-separated split margins to compare (tuning)")
    args = ap.parse_args(argv)
    if not (args.corpora / "fars_news_lm").is_dir():
        print(f"corpora not found under {args.corpora}; nothing to do")
        return
    docs = load_docs(args.corpora, args.set)
    rng = random.Random(args.seed)
    budget = [args.cases // 2, args.cases - args.cases // 2]
    glued = [glue(d, rng, budget) for d in docs]
    n_cases = sum(len(g[1]) for g in glued)
    print(f"{args.set}: {len(docs)} ZWNJ-consistent Fars articles, {n_cases} glued cases "
          f"({args.cases // 2 - budget[0]} after a clitic, {args.cases - args.cases // 2 - budget[1]} random pairs)")
    print(f"{'system':<34s} {'prec':>6s} {'recall':>6s} {'clitic':>6s} {'pairs':>6s} {'TP':>5s} {'FP(clit)':>8s} {'FN':>5s} {'half':>5s} {'false splits/1k':>16s} {'K chars/s':>9s}")
    systems = {}
    if not args.no_hazm:
        from hazm import Normalizer as HazmNormalizer

        systems["Hazm Normalizer"] = HazmNormalizer().normalize
    systems["lexicon only (no context model)"] = lambda s, n=Normalizer(use_context=False): n.normalize(s).text
    margins = [float(x) for x in args.margins.split(",") if x] or [None]
    for mg in margins:
        n = Normalizer() if mg is None else Normalizer(split_margin=mg)
        n.normalize("و امسال")  # load the data outside the timing
        systems["ours" + ("" if mg is None else f" margin={mg}")] = lambda s, n=n: n.normalize(s).text
    for name, fn in systems.items():
        p, r, rc, rp, tp, fp, fn_, half, fc, speed = evaluate(fn, docs, glued)
        print(f"{name:<34s} {p:>6.3f} {r:>6.3f} {rc:>6.3f} {rp:>6.3f} {tp:>5d} {fp:>8s} {fn_:>5d} {half:>5d} {fc:>16.2f} {speed / 1000:>9.0f}")


if __name__ == "__main__":
    main()
