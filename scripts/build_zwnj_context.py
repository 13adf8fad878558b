#!/usr/bin/env python
"""Build the spelling-in-context model used by ``pipeline.normalize`` (see
:mod:`pipeline.normalize.spelling`).

Writes ``pipeline/normalize/data/spelling_context.tsv.gz``: one line per
spelling of a letter sequence that the corpora write as two different words
(«حرف‌های» / «حرفه‌ای»: half-spaces in different places, each spelling seen
``--min-count`` times by the lexicon), with its count, the number and
distinct number of context features counted for it and the features seen at
least ``--min-feature`` times (at most ``--max-features`` per spelling): the
left neighbour ``<w``, the right neighbour ``>w``, a word two or three places
away ``~w``; and two lines pooled over every word of the two reading
classes (``#ه‌ای``: a word ending in «ه» + «ای», ``#‌های``: a stem + «های»;
:func:`pipeline.normalize.spelling.reading_class`), at most
``--max-class-features`` each, which a word without its own line backs off
to.  The discount ``D = n1 / (n1 + 2 n2)`` of the feature counts is
in the header.

Text: the lines the bigram model counts (``scripts/build_zwnj_ngram.py``:
the counted corpora of ``scripts/build_zwnj_lexicon.py``, modern-orthography
lines only; never the benchmark or tuning articles, the other outlets'
benchmark text, Arman or the evaluation articles).  Needs the lexicon
(``scripts/build_zwnj_lexicon.py``) built first.

Run: ``nice python scripts/build_zwnj_context.py [--corpora ../shared/corpora]``
(about a minute on one core).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import importlib.util
import itertools
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.normalize.context import context_tokens  # noqa: E402
from pipeline.normalize.spelling import CLASSES, SPELLING_FILE, different_readings, reading_class, window_features  # noqa: E402
from pipeline.normalize.zwnj import Lexicon, canonical_word  # noqa: E402

_spec = importlib.util.spec_from_file_location("build_zwnj_ngram", REPO / "scripts" / "build_zwnj_ngram.py")
ngbuild = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ngbuild)
lexbuild = ngbuild.lexbuild

ZWNJ = "\u200c"


def ambiguous_spellings(lex: Lexicon, min_count: int) -> dict[str, str]:
    """spelling -> its letters, for the letter sequences with two spellings
    (each seen ``min_count`` times) that are different words."""
    out: dict[str, str] = {}
    for letters, vs in lex.variants.items():
        seen = [v for v in vs if lex.n.get(v, 0) >= min_count]
        if len(seen) < 2:
            continue
        keep = {v for a, b in itertools.combinations(seen, 2) if different_readings(a, b) for v in (a, b)}
        for v in keep:
            out[v] = letters
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=lexbuild.DEFAULT_CORPORA)
    ap.add_argument("--out", type=Path, default=lexbuild.DATA_DIR)
    ap.add_argument("--min-count", type=int, default=2, help="least lexicon count of each spelling of a set")
    ap.add_argument("--min-feature", type=int, default=2, help="drop features seen fewer times with a spelling")
    ap.add_argument("--max-features", type=int, default=400, help="keep at most this many features per spelling")
    ap.add_argument("--max-class-features", type=int, default=5000, help="the same for the two reading classes")
    args = ap.parse_args(argv)
    if not args.corpora.is_dir():
        sys.exit(f"corpora folder not found: {args.corpora} (pass --corpora PATH/TO/shared/corpora)")
    lex = Lexicon.load(args.out)
    targets = ambiguous_spellings(lex, args.min_count)
    print(f"{len(targets):,} spellings in {len(set(targets.values())):,} ambiguous letter sequences", file=sys.stderr)

    words_path, verbs_path = lexbuild.hazm_paths()
    hazm_words = lexbuild.read_hazm_words(words_path)
    verbs = lexbuild.read_hazm_verbs(verbs_path)
    lost = lexbuild.LostZwnjDetector(hazm_words, verbs)
    spaced = ngbuild.SpacedAffixDetector(lost.bodies)

    count: collections.Counter[str] = collections.Counter()
    feats: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for name, lines in ngbuild.iter_lines(args.corpora, frozenset()):
        for line in lines:
            toks = context_tokens(line, canonical_word)
            if not toks:
                continue
            words = [t for t in toks if not t.startswith("<")]
            if not lost.consistent(words) or spaced.spaced(toks):
                continue
            for i, t in enumerate(toks):
                keys = [t] if t in targets else []
                k = reading_class(t)
                if k:
                    keys.append(k)
                for key in keys:
                    count[key] += 1
                    feats[key].update(window_features(toks[max(0, i - 3) : i], toks[i + 1 : i + 4]))

    n1 = sum(1 for c in feats.values() for x in c.values() if x == 1)
    n2 = sum(1 for c in feats.values() for x in c.values() if x == 2)
    discount = n1 / (n1 + 2 * n2) if n1 + n2 else 0.75
    path = args.out / SPELLING_FILE
    n_feats = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# spelling\tcount\tfeatures counted\tdistinct features\tfeature\tcount... -- built by scripts/build_zwnj_context.py\n")
        fh.write(f"#D\t{discount:.4f}\n")
        for v in sorted(count):
            fc = feats[v]
            cap = args.max_class_features if v in CLASSES else args.max_features
            kept = [(f, c) for f, c in fc.most_common(cap) if c >= args.min_feature]
            n_feats += len(kept)
            cells = "".join(f"\t{f}\t{c}" for f, c in kept)
            fh.write(f"{v}\t{count[v]}\t{sum(fc.values())}\t{len(fc)}{cells}\n")
    size = os.path.getsize(path)
    print(f"wrote {len(count):,} spellings, {n_feats:,} features, {size / 1e6:.2f} MB; D={discount:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
