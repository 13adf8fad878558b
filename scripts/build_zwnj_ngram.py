#!/usr/bin/env python
"""Build the word bigram model (Kneser-Ney) used by ``pipeline.normalize``.

Writes under ``pipeline/normalize/data/`` (see :mod:`pipeline.normalize.context`):

``ngram_vocab.txt.gz``
    ``word <TAB> count <TAB> N1+(word .) <TAB> N1+(. word)`` for every token
    seen at least ``--min-count`` times (and every token of a kept bigram).
``ngram_pairs.bin.gz``
    The bigrams seen at least ``--min-pair`` times: three little-endian
    uint32 arrays (left id, right id, count).
``ngram_meta.json``
    Sources, sizes, the discount ``D = n1 / (n1 + 2 n2)``, the share of
    running words seen once (the probability of an unseen word).

Text: the same corpora as the lexicon (``counted_sources`` in
``scripts/build_zwnj_lexicon.py``): the Fars benchmark and tuning articles,
the other outlets' benchmark text (Tabnak, Radio Farda), the evaluation
articles (../shared/gold is read only to drop them) and Arman are never
counted.  Only the lines written in the modern orthography are counted: no
lost ZWNJ by ``LostZwnjDetector`` (joined «میشود», «سالهای») and no affix
split off by a space («می شود», «سال های»), so the model learns how
correctly written news spells words, and which words stand apart.

Run: ``nice python scripts/build_zwnj_ngram.py [--corpora ../shared/corpora]``
(about a minute on one core).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import importlib.util
import json
import os
import sys
from array import array
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.normalize.context import BOS, NGRAM_META, NGRAM_PAIRS, NGRAM_VOCAB, context_tokens  # noqa: E402
from pipeline.normalize.zwnj import canonical_word  # noqa: E402

_spec = importlib.util.spec_from_file_location("build_zwnj_lexicon", REPO / "scripts" / "build_zwnj_lexicon.py")
lexbuild = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lexbuild)

ZWNJ = "\u200c"
_SPLIT_AFFIXES = frozenset({"ها", "های", "هایی", "ترین", "تری"})


class SpacedAffixDetector:
    """Lines that split an affix off by a space («می شود», «سال های»)."""

    def __init__(self, bodies: set[str]):
        self.bodies = bodies

    def spaced(self, toks: list[str]) -> bool:
        for a, b in zip(toks, toks[1:]):
            if a in ("می", "نمی") and b in self.bodies:
                return True
            if b in _SPLIT_AFFIXES and len(a) >= 2 and not a.startswith("<"):
                return True
        return False


def iter_lines(corpora: Path, exclude: frozenset[str]):
    for name, text in lexbuild.counted_sources(corpora):
        if name.split(" ")[0] in exclude:
            continue
        yield name, lexbuild.clean_text(text).split("\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=lexbuild.DEFAULT_CORPORA)
    ap.add_argument("--out", type=Path, default=lexbuild.DATA_DIR)
    ap.add_argument("--exclude", default="", help="comma-separated source names not to count")
    ap.add_argument("--min-count", type=int, default=1, help="drop words seen fewer times (unless in a kept bigram)")
    ap.add_argument("--min-pair", type=int, default=1, help="drop bigrams seen fewer times")
    args = ap.parse_args(argv)
    if not args.corpora.is_dir():
        sys.exit(f"corpora folder not found: {args.corpora} (pass --corpora PATH/TO/shared/corpora)")
    words_path, verbs_path = lexbuild.hazm_paths()
    hazm_words = lexbuild.read_hazm_words(words_path)
    verbs = lexbuild.read_hazm_verbs(verbs_path)
    lost = lexbuild.LostZwnjDetector(hazm_words, verbs)
    spaced = SpacedAffixDetector(lost.bodies)

    uni: collections.Counter[str] = collections.Counter()
    bi: collections.Counter[tuple[str, str]] = collections.Counter()
    sources = {}
    for name, lines in iter_lines(args.corpora, frozenset(x for x in args.exclude.split(",") if x)):
        kept = skipped = 0
        for line in lines:
            toks = context_tokens(line, canonical_word)
            if not toks:
                continue
            words = [t for t in toks if not t.startswith("<")]
            if not lost.consistent(words) or spaced.spaced(toks):
                skipped += len(toks)
                continue
            kept += len(toks)
            seq = [BOS] + toks + [BOS]
            uni.update(seq[:-1])  # counts as a history
            bi.update(zip(seq, seq[1:]))
        sources[name] = f"{kept} tokens counted, {skipped} in lines with lost or split ZWNJs skipped"
        print(f"  {name}: {sources[name]}", file=sys.stderr)

    follow: collections.Counter[str] = collections.Counter()
    precede: collections.Counter[str] = collections.Counter()
    n1 = n2 = 0
    for (a, b), c in bi.items():
        follow[a] += 1
        precede[b] += 1
        n1 += c == 1
        n2 += c == 2
    discount = n1 / (n1 + 2 * n2)
    # share of running words seen only once: the probability of an unseen word
    n_tokens = sum(uni.values())
    oov_rate = sum(1 for w, c in uni.items() if c == 1 and not w.startswith("<")) / max(1, n_tokens)

    kept_pairs = [(a, b, c) for (a, b), c in bi.items() if c >= args.min_pair]
    vocab = {w for w, c in uni.items() if c >= args.min_count} | {w for w, c in precede.items() if c >= args.min_count}
    for a, b, _ in kept_pairs:
        vocab.add(a)
        vocab.add(b)
    words = sorted(vocab, key=lambda w: (-uni[w], w))
    ids = {w: i for i, w in enumerate(words)}
    kept_pairs.sort(key=lambda x: (ids[x[0]], ids[x[1]]))

    args.out.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out / NGRAM_VOCAB, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# word\tcount as history\tN1+(word .)\tN1+(. word) -- built by scripts/build_zwnj_ngram.py\n")
        for w in words:
            fh.write(f"{w}\t{uni[w]}\t{follow[w] or ''}\t{precede[w] or ''}\n")
    left = array("I", (ids[a] for a, _, _ in kept_pairs))
    right = array("I", (ids[b] for _, b, _ in kept_pairs))
    cnt = array("I", (c for _, _, c in kept_pairs))
    if sys.byteorder != "little":  # pragma: no cover
        for arr in (left, right, cnt):
            arr.byteswap()
    with gzip.open(args.out / NGRAM_PAIRS, "wb", compresslevel=9) as fh:
        fh.write(left.tobytes() + right.tobytes() + cnt.tobytes())
    meta = {
        "built_by": "scripts/build_zwnj_ngram.py",
        "sources": sources,
        "heldout": f"fars_news_lm: the {lexbuild.N_HELDOUT} + {lexbuild.N_TUNE} articles with the smallest sha1(link); "
        "raw_tabnak and raw_radiofarda entirely; evaluation articles",
        "words": len(words),
        "pairs": len(kept_pairs),
        "discount": round(discount, 4),
        "oov_rate": round(oov_rate, 5),
        "min_count": args.min_count,
        "min_pair": args.min_pair,
    }
    (args.out / NGRAM_META).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    size = sum(os.path.getsize(args.out / f) for f in (NGRAM_VOCAB, NGRAM_PAIRS, NGRAM_META))
    print(f"wrote {len(words):,} words, {len(kept_pairs):,} bigrams, {size / 1e6:.2f} MB; D={discount:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
