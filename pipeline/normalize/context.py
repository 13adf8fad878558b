"""A word bigram model with interpolated Kneser-Ney smoothing.

Used by the normalizer to choose, from the neighbouring words, between the
spellings of a word («حرف‌های» / «حرفه‌ای»), between one and two words
(«برنامه‌ریزی» / «برنامه ریزی») and between a glued token and its split
(«وامسال» / «و امسال»).  Built by ``scripts/build_zwnj_ngram.py`` from the
raw corpora; only word forms and counts are stored.

Tokens (:func:`context_tokens`): Arabic-script words (letters and ZWNJ,
canonical ZWNJs), ``<n>`` for a number, ``<p>`` for any other non-space
character (punctuation, Latin), and ``<s>`` at line starts and ends.

The model is ``P(w | v) = max(c(v,w) - D, 0) / c(v) + D * N1+(v .) / c(v) * Pc(w)``
with the continuation probability ``Pc(w) = N1+(. w) / N1+(. .)``.  An
unseen word gets ``Pc = P(oov) * prod P(letter) * P(end)`` from a letter
unigram model of the vocabulary (so a long unseen token, such as two glued
words, is much less probable than a short one).  Bigrams seen once are pruned from the
file when the build is run with ``--min-pair 2`` (their discount mass stays
in ``N1+(v .)``); the packaged model keeps them (2 MB).
"""

from __future__ import annotations

import gzip
import json
import math
import re
import threading
from array import array
from bisect import bisect_left
from pathlib import Path

from . import rules

ZWNJ = rules.ZWNJ
NUM, PUNCT, BOS = "<n>", "<p>", "<s>"
NGRAM_VOCAB = "ngram_vocab.txt.gz"
NGRAM_PAIRS = "ngram_pairs.bin.gz"
NGRAM_META = "ngram_meta.json"

_TOK_RE = re.compile("([" + rules.AR_LETTER_CLASS + ZWNJ + "]+)|([0-9\u06f0-\u06f9\u0660-\u0669]+)|(\\S)")


def token_class(m: "re.Match[str]") -> str:
    """The model token for a match of the tokenizer pattern."""
    if m.group(1) is not None:
        return m.group(1)
    return NUM if m.group(2) is not None else PUNCT


def tokenizer_pattern() -> "re.Pattern[str]":
    return _TOK_RE


def context_tokens(line: str, canon=None) -> list[str]:
    """Model tokens of one line (no ``<s>``); ``canon`` canonicalizes words."""
    out = []
    for m in _TOK_RE.finditer(line):
        t = token_class(m)
        if canon is not None and m.group(1) is not None:
            t = canon(t)
            if not t:
                continue
        out.append(t)
    return out


class BigramModel:
    """Loaded bigram model; see the module docstring.  Read-only, thread-safe."""

    def __init__(self, words: list[str], counts, follow, precede, pairs: dict[int, int], discount: float, oov_rate: float = 0.02):
        self.ids = {w: i for i, w in enumerate(words)}
        self.words = words
        self.counts = counts
        self.follow = follow
        self.precede = precede
        self.pairs = pairs
        self.V = len(words)
        self.D = discount
        self.types = float(sum(precede)) or 1.0
        # letter unigram model for unseen words (type-weighted)
        letters: dict[str, int] = {}
        n_letters = 0
        for w in words:
            if w.startswith("<"):
                continue
            for ch in w:
                letters[ch] = letters.get(ch, 0) + 1
            n_letters += len(w)
        n_words = max(1, sum(1 for w in words if not w.startswith("<")))
        total = n_letters + n_words
        self._log_letter = {ch: math.log(c / total) for ch, c in letters.items()}
        self._log_rare_letter = math.log(0.5 / total)
        self._log_end = math.log(n_words / total)
        self._log_oov = math.log(oov_rate)
        self._log_unseen = self._log_oov + 2 * self._log_rare_letter  # a word with no letters at all

    def log_unseen(self, w: str) -> float:
        """``log Pc(w)`` of a word the model has not seen."""
        get, rare = self._log_letter.get, self._log_rare_letter
        return self._log_oov + self._log_end + sum(get(ch, rare) for ch in w)
    # ------------------------------------------------------------------
    def count(self, w: str) -> int:
        i = self.ids.get(w)
        return 0 if i is None else self.counts[i]

    def pair_count(self, v: str, w: str) -> int:
        i, j = self.ids.get(v), self.ids.get(w)
        if i is None or j is None:
            return 0
        return self.pairs.get(i * self.V + j, 0)

    def logp(self, w: str, prev: str) -> float:
        """``log P(w | prev)``."""
        j = self.ids.get(w)
        pc = (self.precede[j] / self.types) if j is not None and self.precede[j] else math.exp(self.log_unseen(w))
        i = self.ids.get(prev)
        if i is None or not self.counts[i]:
            return math.log(pc)
        cv = self.counts[i]
        c = self.pairs.get(i * self.V + j, 0) if j is not None else 0
        p = max(c - self.D, 0.0) / cv + self.D * self.follow[i] / cv * pc
        return math.log(p) if p > 0 else self._log_unseen

    def score_unseen(self, w: str, prev: str, nxt: str) -> float:
        """``log P(w, nxt | prev)`` as if ``w`` had never been seen."""
        i = self.ids.get(prev)
        pc = math.exp(self.log_unseen(w))
        if i is None or not self.counts[i]:
            p = pc
        else:
            p = self.D * self.follow[i] / self.counts[i] * pc
        return math.log(p) + self.logp(nxt, "")

    def score(self, tokens: list[str], prev: str, nxt: str) -> float:
        """``log P(tokens, nxt | prev)`` (the words between two fixed neighbours)."""
        s = 0.0
        for t in tokens:
            s += self.logp(t, prev)
            prev = t
        return s + self.logp(nxt, prev)

    # ------------------------------------------------------------------
    @classmethod
    def train(cls, lines, oov_rate: float = 0.02) -> "BigramModel":
        """A model counted from ``lines`` of text (no pruning; for tests and
        small experiments; the packaged model is built by the build script)."""
        uni: dict[str, int] = {}
        bi: dict[tuple[str, str], int] = {}
        for line in lines:
            seq = [BOS] + context_tokens(line) + [BOS]
            for a, b in zip(seq, seq[1:]):
                uni[a] = uni.get(a, 0) + 1
                bi[(a, b)] = bi.get((a, b), 0) + 1
        follow: dict[str, int] = {}
        precede: dict[str, int] = {}
        for a, b in bi:
            follow[a] = follow.get(a, 0) + 1
            precede[b] = precede.get(b, 0) + 1
        n1 = sum(1 for c in bi.values() if c == 1)
        n2 = sum(1 for c in bi.values() if c == 2)
        words = sorted(set(uni) | set(precede))
        ids = {w: i for i, w in enumerate(words)}
        V = len(words)
        pairs = {ids[a] * V + ids[b]: c for (a, b), c in bi.items()}
        discount = n1 / (n1 + 2 * n2) if n1 + n2 else 0.75
        return cls(
            words,
            array("I", (uni.get(w, 0) for w in words)),
            array("I", (follow.get(w, 0) for w in words)),
            array("I", (precede.get(w, 0) for w in words)),
            pairs,
            discount,
            oov_rate,
        )

    @classmethod
    def load(cls, data_dir: Path) -> "BigramModel":
        meta = json.loads((data_dir / NGRAM_META).read_text(encoding="utf-8"))
        words: list[str] = []
        counts, follow, precede = array("I"), array("I"), array("I")
        with gzip.open(data_dir / NGRAM_VOCAB, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                w, c, f, p = line.rstrip("\n").split("\t")
                words.append(w)
                counts.append(int(c))
                follow.append(int(f) if f else 0)
                precede.append(int(p) if p else 0)
        with gzip.open(data_dir / NGRAM_PAIRS, "rb") as fh:
            blob = fh.read()
        n = meta["pairs"]
        left = array("I")
        left.frombytes(blob[: 4 * n])
        right = array("I")
        right.frombytes(blob[4 * n : 8 * n])
        pc = array("I")
        pc.frombytes(blob[8 * n : 12 * n])
        pairs = SortedPairs.build(left, right, pc, len(words))
        return cls(words, counts, follow, precede, pairs, float(meta["discount"]), float(meta.get("oov_rate", 0.02)))


class SortedPairs:
    """Read-only ``{pair key: count}`` over sorted arrays: ``get`` is a bisection. Built in a few
    milliseconds, where a dict of the ~800k pairs took about 0.3 s of CPU at every start."""

    __slots__ = ("keys", "counts")

    def __init__(self, keys: array, counts: array):
        self.keys, self.counts = keys, counts

    @classmethod
    def build(cls, left: array, right: array, counts: array, V: int):
        """The pairs ``left[i] * V + right[i] -> counts[i]``; a plain dict if a key repeats (the last
        count wins, as in ``dict(zip(...))``)."""
        import numpy as np

        if not (left.itemsize == right.itemsize == counts.itemsize == 4):
            return dict(zip((a * V + b for a, b in zip(left, right)), counts))
        k = np.frombuffer(left, dtype=np.uint32).astype(np.int64) * V + np.frombuffer(right, dtype=np.uint32)
        order = np.argsort(k, kind="stable")
        k = k[order]
        if len(k) > 1 and bool((k[1:] == k[:-1]).any()):
            return dict(zip((a * V + b for a, b in zip(left, right)), counts))
        keys = array("q")
        keys.frombytes(k.tobytes())
        sorted_counts = array("q")
        sorted_counts.frombytes(np.frombuffer(counts, dtype=np.uint32).astype(np.int64)[order].tobytes())
        return cls(keys, sorted_counts)

    def get(self, key: int, default=None):
        i = bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            return self.counts[i]
        return default

    def __len__(self) -> int:
        return len(self.keys)


def model_available(data_dir: Path) -> bool:
    return (data_dir / NGRAM_META).is_file()


_MODELS: dict[Path, BigramModel] = {}
_LOCK = threading.Lock()


def load_model(data_dir: Path) -> BigramModel:
    """The model of ``data_dir``, loaded once per process."""
    key = Path(data_dir).resolve()
    with _LOCK:
        m = _MODELS.get(key)
        if m is None:
            m = _MODELS[key] = BigramModel.load(key)
        return m
