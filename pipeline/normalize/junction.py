"""A learned decision per junction inside an unseen word: half-space or joined.

The lexicon (:mod:`.zwnj`) decides words the corpora have seen.  A word never
seen in any spelling («قورت‌دره», «خسارت‌دیدگان», «کرکه‌آبادی») falls back to
rules for affixes and compounds.  :class:`JunctionModel` is a logistic
regression over the *junctions* of such a word: every place where a
half-space could stand (after a letter that joins the next one, between two
known pieces or before a bound suffix, or after «می/نمی»).  Its features are
classes, not lists of words:

* the affix class of the right piece (plural «ها..», comparative «تر..»,
  clitic «ای/ام/اش..», surname part «زاده/نژاد..», «گر..», or a free word)
  and whether the left piece is «می/نمی» (with a preverb);
* the ending class of the left piece (a silent «ه», «ی», other letters);
* how often each piece is seen (log bins), and how often the corpora write a
  half-space after this left piece / before this right piece / after this
  ending at all (shares over word types, binned);
* how often the two pieces stand side by side as two words (the bigram model);
* the pieces themselves and their edge letters (weights kept only where the
  training data gave them weight).

Trained by ``scripts/build_zwnj_junctions.py`` on word *types* seen at most a
few times in ZWNJ-consistent documents of the counted corpora (never the
benchmark or tuning articles), with each type's own contribution taken out of
the shares, so training looks like deciding an unseen word.  Stored as a
small gzip TSV of feature weights and piece statistics.
"""

from __future__ import annotations

import gzip
import math
import threading
from pathlib import Path

from . import rules

ZWNJ = rules.ZWNJ
JUNCTION_FILE = "junctions.tsv.gz"

_MI = ("می", "نمی")
_PREVERBS = ("", "بر", "در", "فرا", "باز", "وا", "فرو", "ور")
_MI_LEFT = frozenset(pv + mi for pv in _PREVERBS for mi in _MI)

#: Affix classes of a right piece (checked longest first).
AFFIX_CLASSES: dict[str, frozenset[str]] = {
    "ha": frozenset({"ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هاست", "هایند"}),
    "tar": frozenset({"تر", "ترین", "تری", "ترها", "ترهای", "تران"}),
    "gar": frozenset({"گر", "گری", "گرها", "گرهای", "گران"}),
    "name": frozenset({"پور", "زاده", "نژاد", "نیا", "فرد", "راد", "منش", "آبادی"}),
    "clitic": frozenset({"ای", "ام", "ات", "اش", "ایم", "اید", "اند", "است", "ایی", "اییم", "اشان", "امان", "اتان", "ی",
                         "مان", "تان", "شان"}),
}
_CLASS_OF = {s: c for c, ss in AFFIX_CLASSES.items() for s in ss}


_NON_JOINING: frozenset[str] | None = None


def _joins_next(ch: str) -> bool:
    global _NON_JOINING
    if _NON_JOINING is None:
        from .zwnj import _NON_JOINING as nj  # (zwnj imports this module)

        _NON_JOINING = frozenset(nj)
    return ch not in _NON_JOINING


def affix_class(right: str) -> str:
    """The class of a right piece: an affix class, ``"w"`` (a free piece)."""
    return _CLASS_OF.get(right, "w")


def end_class(left: str) -> str:
    """Ending class of a left piece: ``ه-`` (a final «ه» after a consonant, mostly
    silent), ``ی``, or its last letter."""
    if left[-1] == "ه" and len(left) >= 3 and left[-2] not in "اوی":
        return "ه-"
    return left[-1]


def _bin(x: float) -> int:
    return 0 if x <= 0 else 1 + min(8, int(math.log2(x + 1)))


def _share_bin(z: int, j: int) -> str:
    if z + j < 3:
        return "na"
    return str(round(4 * z / (z + j)))


def candidate_junctions(s: str, known) -> list[int]:
    """Positions ``i`` in the joined letters ``s`` where a half-space could
    stand: after a joining letter, before a bound suffix, after «(پیشوند)می/نمی»,
    or between two pieces ``known(piece)`` accepts (each two letters or more)."""
    out = []
    for i in range(1, len(s)):
        left, right = s[:i], s[i:]
        if not _joins_next(left[-1]):
            continue
        if right in _CLASS_OF and len(left) >= 2:
            out.append(i)
        elif left in _MI_LEFT and len(right) >= 2:
            out.append(i)
        elif len(left) >= 2 and len(right) >= 2 and known(left) and known(right):
            out.append(i)
    return out


class JunctionStats:
    """Type counts of half-spaced (z) and joined (j) junctions per right piece,
    left piece and ending class (keys ``R:``, ``L:``, ``E:`` + piece)."""

    def __init__(self, counts: dict[str, tuple[int, int]]):
        self.counts = counts

    def get(self, key: str, minus: tuple[int, int] = (0, 0)) -> tuple[int, int]:
        z, j = self.counts.get(key, (0, 0))
        return z - minus[0], j - minus[1]


def junction_features(s: str, i: int, score, pair_count, stats: JunctionStats, own: bool | None = None) -> list[str]:
    """Feature names of the junction before ``s[i]``.  ``score(piece)``: corpus
    evidence of a piece; ``pair_count(left, right)``: the two pieces seen side
    by side.  ``own``: in training, whether this type itself has a half-space
    here (its contribution is taken out of the shares)."""
    left, right = s[:i], s[i:]
    rg = "mi" if left in _MI_LEFT else affix_class(right)
    ec = end_class(left)
    minus = (0, 0) if own is None else ((1, 0) if own else (0, 1))
    zr, jr = stats.get("R:" + right, minus)
    zl, jl = stats.get("L:" + left, minus)
    ze, je = stats.get("E:" + ec, minus)
    sr, sl, se = _share_bin(zr, jr), _share_bin(zl, jl), _share_bin(ze, je)
    cl, cr = _bin(score(left)), _bin(score(right))
    pb = _bin(pair_count(left, right))
    return [
        "bias",
        f"rg={rg}",
        f"ec={ec}",
        f"rg,ec={rg},{ec}",
        f"cl={cl}",
        f"cr={cr}",
        f"rg,cl={rg},{cl}",
        f"rg,cr={rg},{cr}",
        f"cl,cr={min(cl, cr)},{max(cl, cr)}",
        f"sr={sr}",
        f"sl={sl}",
        f"se={se}",
        f"rg,sr={rg},{sr}",
        f"sr,sl={sr},{sl}",
        f"rg,se={rg},{se}",
        f"pb={pb}",
        f"rg,pb={rg},{pb}",
        f"L2={left[-2:]}",
        f"R2={right[:2]}",
        f"R={right}",
        f"L={left}",
        f"lenL={min(len(left), 7)}",
        f"lenR={min(len(right), 7)}",
    ]


class JunctionModel:
    """Loaded weights + piece statistics; read-only, thread-safe."""

    def __init__(self, weights: dict[str, float], stats: JunctionStats):
        self.weights = weights
        self.stats = stats

    def prob(self, feats: list[str]) -> float:
        w = self.weights
        z = sum(w.get(f, 0.0) for f in feats)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def load(cls, path: Path) -> "JunctionModel":
        weights: dict[str, float] = {}
        counts: dict[str, tuple[int, int]] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                kind, key, a, *rest = line.rstrip("\n").split("\t")
                if kind == "w":
                    weights[key] = float(a)
                else:
                    counts[key] = (int(a), int(rest[0]))
        return cls(weights, JunctionStats(counts))


_MODELS: dict[Path, JunctionModel] = {}
_LOCK = threading.Lock()


def junction_model_available(data_dir: Path) -> bool:
    return (Path(data_dir) / JUNCTION_FILE).is_file()


def load_junction_model(data_dir: Path) -> JunctionModel:
    """The model of ``data_dir``, loaded once per process."""
    key = (Path(data_dir) / JUNCTION_FILE).resolve()
    with _LOCK:
        m = _MODELS.get(key)
        if m is None:
            m = _MODELS[key] = JunctionModel.load(key)
        return m
