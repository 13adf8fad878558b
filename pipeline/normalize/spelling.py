"""Which spelling of a word its neighbours call for: «حرف‌های» or «حرفه‌ای».

Some letter sequences are written in several attested ways that are
different words: «حرفهای» is «حرف‌های» (words, talk) or «حرفه‌ای»
(professional), «زمینهای» is «زمین‌های» (grounds) or «زمینه‌ای» (a ground
for).  The lexicon (:mod:`.zwnj`) picks the more frequent spelling
everywhere; this model picks from the words around it.

For each such set of spellings ``data/spelling_context.tsv.gz`` (built by
``scripts/build_zwnj_context.py`` from the ZWNJ-consistent lines of the
counted corpora) holds, per spelling, its count and the counts of the words
seen next to it: the left neighbour (``<``), the right neighbour (``>``) and
the words two and three places away on either side (``~``).  A spelling
``v`` in a window ``F`` scores

    ``log c(v) + sum_f log P(f | v)``,  ``P(f | v) = (max(c_v(f) - D, 0) + D * U_v * P(f)) / T_v``

(naive Bayes with absolute discounting: ``T_v`` the features counted for
``v``, ``U_v`` how many distinct ones, ``P(f)`` the word's share of the
corpora, from the bigram model; features seen once are pruned from the file
and fall back to ``P(f)``; a spelling without a line of its own backs off to
its reading class, pooled over all words: «X‌های» or «Xه‌ای»).  The file
keeps the letter sequences whose spellings are different readings (their
half-spaces in different places, neither a subset of the other's:
:func:`different_readings`); in the corpora these are all «X‌های» /
«Xه‌ای».  The normalizer asks the model for a joined «Xهای» when X and «Xه»
are both words, and switches from the reading chosen so far when the other
scores ``reading_margin`` more (``Normalizer._reading_in_context``).
"""

from __future__ import annotations

import gzip
import math
import threading
from pathlib import Path

from .rules import ZWNJ, zwnj_positions

SPELLING_FILE = "spelling_context.tsv.gz"
#: feature kinds: left neighbour, right neighbour, two or three words away
LEFT, RIGHT, NEAR = "<", ">", "~"
#: how far the ``NEAR`` words reach on either side
WINDOW = 3
#: the two readings of a word ending in «ه» + «ای» / a stem + «های», pooled
#: over all words: «حرفه‌ای» / «حرف‌های», «خانه‌ای» / «خان‌های»
INDEF, PLURAL = "#ه" + ZWNJ + "ای", "#" + ZWNJ + "های"
CLASSES = frozenset({INDEF, PLURAL})


def reading_class(word: str) -> str | None:
    """:data:`INDEF` or :data:`PLURAL` for a word of three letters or more
    before the ending, else None."""
    if word.endswith(INDEF[1:]) and len(word) >= 7:
        return INDEF
    if word.endswith(PLURAL[1:]) and len(word) >= 6:
        return PLURAL
    return None


def reading_pair(letters: str) -> tuple[str, str] | None:
    """``(X‌های, Xه‌ای)`` for joined letters ``Xهای`` (X of three letters or
    more, ending in a letter that joins the next one), else None."""
    if len(letters) < 6 or not letters.endswith("های") or ZWNJ in letters:
        return None
    stem = letters[:-3]
    if stem[-1] in _NON_JOINING:
        return None
    return stem + ZWNJ + "های", stem + "ه" + ZWNJ + "ای"


_NON_JOINING = frozenset("ءآأؤإادذرزژوۀة")


def window_features(left: list[str], right: list[str]) -> list[str]:
    """Features of a word between ``left`` (nearest last) and ``right``
    (nearest first) context words."""
    out = []
    if left:
        out.append(LEFT + left[-1])
    if right:
        out.append(RIGHT + right[0])
    out.extend(NEAR + w for w in left[-WINDOW:-1])
    out.extend(NEAR + w for w in right[1:WINDOW])
    return out


def different_readings(a: str, b: str) -> bool:
    """Two spellings of the same letters whose half-spaces are in different
    places, neither a subset of the other («حرف‌های» / «حرفه‌ای»), so they
    are different words rather than a matter of house style («آن‌ها» /
    «آنها», «هم‌زمان» / «همزمان»)."""
    pa, pb = zwnj_positions(a), zwnj_positions(b)
    return bool(pa) and bool(pb) and not (pa <= pb or pb <= pa)


class SpellingModel:
    """The loaded model; read-only and thread-safe."""

    def __init__(self, entries: dict[str, tuple[int, int, int, dict[str, int]]], discount: float, background):
        # spelling -> (count, T, U, {feature: count})
        self.entries = entries
        self.D = discount
        self.background = background  # word -> P(word)
        self.sets: dict[str, tuple[str, ...]] = {}
        for v in entries:
            if v not in CLASSES:
                self.sets.setdefault(v.replace(ZWNJ, ""), ())
                self.sets[v.replace(ZWNJ, "")] += (v,)

    def spellings(self, letters: str) -> tuple[str, ...]:
        """The spellings of ``letters`` (no ZWNJ) the model knows."""
        return self.sets.get(letters, ())

    def score(self, spelling: str, features: list[str], prior: float | None = None) -> float:
        """``log prior + sum log P(f | v)``; ``P(f | v)`` backs off from the
        spelling's own counts to its reading class (:func:`reading_class`)
        and then to the word's share of the corpora.  ``prior``: the
        spelling's count by default (``-inf`` if it has none)."""
        e = self.entries.get(spelling)
        if prior is None:
            prior = float(e[0]) if e is not None else 0.0
        if prior <= 0:
            return -math.inf
        k = reading_class(spelling)
        ke = self.entries.get(k) if k else None
        D = self.D
        bg = self.background
        s = math.log(prior)
        for f in features:
            p = bg(f[1:])
            if ke is not None:
                _, T, U, feats = ke
                p = (max(feats.get(f, 0) - D, 0.0) + D * U * p) / T
            if e is not None:
                _, T, U, feats = e
                p = (max(feats.get(f, 0) - D, 0.0) + D * U * p) / T
            s += math.log(p)
        return s

    @classmethod
    def load(cls, path: Path, background) -> "SpellingModel":
        entries: dict[str, tuple[int, int, int, dict[str, int]]] = {}
        discount = 0.75
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("# "):
                    continue  # a comment
                if line.startswith("#D\t"):
                    discount = float(line.split("\t")[1])
                    continue
                parts = line.rstrip("\n").split("\t")
                v, c, T, U = parts[0], int(parts[1]), int(parts[2]), int(parts[3])
                feats = {parts[i]: int(parts[i + 1]) for i in range(4, len(parts) - 1, 2)}
                entries[v] = (c, max(T, 1), U, feats)
        return cls(entries, discount, background)


_MODELS: dict[Path, SpellingModel] = {}
_LOCK = threading.Lock()


def spelling_model_available(data_dir: Path) -> bool:
    return (Path(data_dir) / SPELLING_FILE).is_file()


def load_spelling_model(data_dir: Path, bigrams) -> SpellingModel:
    """The model of ``data_dir`` (loaded once per process); ``bigrams`` (the
    :class:`.context.BigramModel`) gives the background word shares."""
    key = Path(data_dir).resolve()
    with _LOCK:
        m = _MODELS.get(key)
        if m is None:
            total = float(sum(bigrams.counts)) or 1.0
            floor = 0.5 / total
            count = bigrams.count

            def background(w: str) -> float:
                return max(count(w), 0.5) / total if w else floor

            m = _MODELS[key] = SpellingModel.load(key / SPELLING_FILE, background)
        return m
