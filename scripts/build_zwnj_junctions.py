#!/usr/bin/env python
"""Train the junction model (half-space or joined, per junction of an unseen word).

Writes ``pipeline/normalize/data/junctions.tsv.gz`` (see
:mod:`pipeline.normalize.junction`): ``w <TAB> feature <TAB> weight`` for the
logistic regression, ``s <TAB> key <TAB> z <TAB> j`` for the piece statistics.

Training data: word *types* of the ZWNJ-consistent documents of the counted
corpora (``counted_sources`` of ``scripts/build_zwnj_lexicon.py``: the Fars
benchmark and tuning articles, Tabnak, Radio Farda, the evaluation articles
and Arman are never read).  A document is consistent by the rule of
``benchmarks/zwnj_restoration.py`` (at least 20 of 1,000 words with a ZWNJ,
at most 2 of 1,000 with a lost one); sentence-per-line sources are cut into
documents of 40 lines.  Piece statistics are counted over every type of those
documents; the training examples are the junctions of every type (or of the
types seen at most ``--max-count`` times in all their spellings), each type
once, in its most frequent spelling, with its own contribution taken out of
the statistics: training looks like deciding a word never seen.  ``--C 1``
and every type (3 / 10 / all compared, ``--holdout`` for C) were chosen on
the tuning articles (``benchmarks/zwnj_restoration.py --sets tune
--junctions``).  Piece counts are the lexicon's (``lexicon.cols.gz``).

``--holdout`` keeps a share of the types out to print log-loss and accuracy
per C; the shipped model is trained on all of them with ``--C``.

Run: ``nice python scripts/build_zwnj_junctions.py [--corpora ../shared/corpora]``
(about two minutes; needs scikit-learn, the ``train`` extra).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import importlib.util
import io
import math
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.normalize.context import load_model  # noqa: E402
from pipeline.normalize.junction import (  # noqa: E402
    JUNCTION_FILE,
    JunctionStats,
    candidate_junctions,
    end_class,
    junction_features,
)
from pipeline.normalize.zwnj import Lexicon, canonical_word  # noqa: E402

_spec = importlib.util.spec_from_file_location("build_zwnj_lexicon", REPO / "scripts" / "build_zwnj_lexicon.py")
lexbuild = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lexbuild)

ZWNJ = "\u200c"
_WORD = re.compile("[" + lexbuild.rules.AR_LETTER_CLASS + ZWNJ + "]+")


def documents(name: str, text: str):
    """Split a counted source into documents (blank lines; else 40 lines)."""
    if "\n\n" in text:
        for d in re.split(r"\n\s*\n", text):
            if d.strip():
                yield d
        return
    lines = text.split("\n")
    for k in range(0, len(lines), 40):
        yield "\n".join(lines[k:k + 40])


def positions(word: str) -> tuple[str, frozenset[int]]:
    """(letters, positions before which the word has a visible ZWNJ)."""
    out, k = [], 0
    letters = []
    for ch in word:
        if ch == ZWNJ:
            out.append(k)
        else:
            letters.append(ch)
            k += 1
    return "".join(letters), frozenset(out)


def _csr32(m):
    m = m.tocsr()
    m.indices = m.indices.astype('int32')
    m.indptr = m.indptr.astype('int32')
    return m


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=lexbuild.DEFAULT_CORPORA)
    ap.add_argument("--out", type=Path, default=lexbuild.DATA_DIR)
    ap.add_argument("--max-count", type=int, default=0, help="train only on types seen at most this often (0: every type)")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--holdout", type=float, default=0.0, help="share of types held out to compare --Cs")
    ap.add_argument("--Cs", default="0.1,0.3,1")
    ap.add_argument("--min-weight", type=float, default=0.01, help="drop smaller weights from the file")
    args = ap.parse_args(argv)
    if not args.corpora.is_dir():
        sys.exit(f"corpora folder not found: {args.corpora}")
    words_path, verbs_path = lexbuild.hazm_paths()
    detector = lexbuild.LostZwnjDetector(lexbuild.read_hazm_words(words_path), lexbuild.read_hazm_verbs(verbs_path))

    types: collections.Counter[str] = collections.Counter()
    n_docs = kept_docs = 0
    for name, text in lexbuild.counted_sources(args.corpora):
        for doc in documents(name, lexbuild.clean_text(text)):
            toks = [w for w in (canonical_word(t) for t in _WORD.findall(doc)) if w]
            if not toks:
                continue
            n_docs += 1
            per_k = 1000 / len(toks)
            if sum(ZWNJ in w for w in toks) * per_k < 20 or sum(detector.lost(w) for w in toks) * per_k > 2:
                continue
            kept_docs += 1
            types.update(toks)
    print(f"{kept_docs:,} of {n_docs:,} documents ZWNJ-consistent; {len(types):,} types", file=sys.stderr)

    lex = Lexicon.load(lexbuild.DATA_DIR)
    model = load_model(lexbuild.DATA_DIR)
    score = lex.score

    def known(p: str) -> bool:
        return score(p) >= 2

    def pair_count(a: str, b: str) -> int:
        return model.pair_count(a, b)

    # letters -> spellings and counts
    by_letters: dict[str, dict[frozenset[int], int]] = collections.defaultdict(dict)
    for w, c in types.items():
        letters, pos = positions(w)
        if len(letters) >= 3:
            by_letters[letters][pos] = by_letters[letters].get(pos, 0) + c
    # statistics over types: one vote per type (its majority spelling)
    stats: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    examples = []  # (letters, junctions, gold positions)
    for letters, spell in by_letters.items():
        total = sum(spell.values())
        gold = max(spell.items(), key=lambda kv: kv[1])[0]
        js = candidate_junctions(letters, known)
        for i in js:
            z = i in gold
            for key in ("R:" + letters[i:], "L:" + letters[:i], "E:" + end_class(letters[:i])):
                stats[key][0 if z else 1] += 1
        if js and (not args.max_count or total <= args.max_count):
            examples.append((letters, js, gold))
    st = JunctionStats({k: (v[0], v[1]) for k, v in stats.items()})
    print(f"{len(examples):,} training types, {sum(len(j) for _, j, _ in examples):,} junctions", file=sys.stderr)

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    def featurize(exs):
        X, y, groups = [], [], []
        for letters, js, gold in exs:
            for i in js:
                z = i in gold
                X.append(dict.fromkeys(junction_features(letters, i, score, pair_count, st, own=z), 1))
                y.append(int(z))
                groups.append(letters)
        return X, y, groups

    def is_held(letters: str) -> bool:
        return int(hashlib.sha1(letters.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < args.holdout

    if args.holdout:
        tr = [e for e in examples if not is_held(e[0])]
        te = [e for e in examples if is_held(e[0])]
        Xtr, ytr, _ = featurize(tr)
        Xte, yte, gte = featurize(te)
        dv = DictVectorizer()
        A, B = _csr32(dv.fit_transform(Xtr)), _csr32(dv.transform(Xte))
        for C in (float(x) for x in args.Cs.split(",")):
            clf = LogisticRegression(C=C, max_iter=2000, solver="liblinear").fit(A, ytr)
            p = clf.predict_proba(B)[:, 1]
            ll = -sum(math.log(max(1e-9, q if t else 1 - q)) for q, t in zip(p, yte)) / len(yte)
            # word-level exact match at 0.5
            words = collections.defaultdict(lambda: True)
            for q, t, g in zip(p, yte, gte):
                words[g] &= (q > 0.5) == bool(t)
            print(f"C={C:g}: junction log-loss {ll:.4f}, accuracy {sum((q > 0.5) == bool(t) for q, t in zip(p, yte)) / len(yte):.4f}, "
                  f"words exact {sum(words.values()) / len(words):.4f} ({len(words)} held-out types)", file=sys.stderr)
        return

    X, y, _ = featurize(examples)
    dv = DictVectorizer()
    A = _csr32(dv.fit_transform(X))
    clf = LogisticRegression(C=args.C, max_iter=2000, solver="liblinear").fit(A, y)
    coef = clf.coef_[0]
    names = dv.get_feature_names_out()
    weights = {n: float(w) for n, w in zip(names, coef) if abs(w) >= args.min_weight}
    weights["bias"] = weights.get("bias", 0.0) + float(clf.intercept_[0])
    # statistics the kept features can use: only pieces with 3+ types
    kept_stats = {k: v for k, v in stats.items() if v[0] + v[1] >= 3}
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / JUNCTION_FILE
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8") as fh:  # (mtime=0: the same bytes on every build)
        fh.write("# junction model for pipeline.normalize.junction, built by scripts/build_zwnj_junctions.py\n")
        fh.write(f"# {len(examples)} training types (max count {args.max_count or 'none'}) from {kept_docs} ZWNJ-consistent documents; C={args.C}\n")
        fh.write("# w<TAB>feature<TAB>weight | s<TAB>piece key<TAB>half-spaced types<TAB>joined types\n")
        for n in sorted(weights):
            fh.write(f"w\t{n}\t{weights[n]:.4f}\n")
        for k in sorted(kept_stats):
            z, j = kept_stats[k]
            fh.write(f"s\t{k}\t{z}\t{j}\n")
    print(f"wrote {len(weights):,} weights, {len(kept_stats):,} piece statistics, {os.path.getsize(path) / 1e6:.2f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
