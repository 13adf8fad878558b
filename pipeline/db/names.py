"""Comparison keys for person and organization names written by different hands.

    >>> name_parts("آقای دکتر محمدرضا نيك‌پور").key == name_parts("محمد رضا نیکپور").key
    True

A name is folded (Arabic ي/ك/ة and hamza forms unified, diacritics, tatweel, ZWNJ and
spaces ignored), leading honorifics and the particles «سید»/«سیده» are dropped, a
«surname، given name» form is turned around, and the rest is split into a given name
(the longest run of leading words that is a known given name) and a surname.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pipeline import textkey
from pipeline.lexicons import load_lexicon

_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا",
                          "آ": "ا", "ؤ": "و", "ـ": None})
_MARKS = re.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED]")
_SPLIT = re.compile(r"[\s\u200c\u200f\u200e\-‐]+")
_DROPPED_PARTICLES = ("سید", "سیده")


def fold_letters(text: str) -> str:
    """Arabic/Persian letter forms unified, diacritics and tatweel removed (spaces kept).

    The project's fold (:func:`pipeline.textkey.fold`) plus «ئ»/«آ» as «ی»/«ا», which names
    are spelled with and without.
    """
    plain = _MARKS.sub("", unicodedata.normalize("NFKC", text or "").replace("ـ", ""))
    return textkey.fold(plain).translate(_LETTERS)


def tokens(text: str) -> list[str]:
    """Folded words of a name; ZWNJ, spaces and hyphens all separate words."""
    return [t for t in _SPLIT.split(fold_letters(text).strip()) if t]


def key(text: str | None) -> str:
    """Folded text with no spaces or ZWNJ: «شورای‌اسلامی شهر» and «شوراي اسلامي شهر» share a key."""
    return "".join(tokens(text or ""))


@lru_cache(maxsize=1)
def _honorifics() -> tuple[tuple[str, ...], ...]:
    seqs = {tuple(tokens(h)) for h in load_lexicon("honorifics")}
    return tuple(sorted((s for s in seqs if s), key=len, reverse=True))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(key(n) for n in load_lexicon("given_names"))


def _strip_honorifics(toks: list[str]) -> list[str]:
    changed = True
    while changed and toks:
        changed = False
        for seq in _honorifics():
            if tuple(toks[:len(seq)]) != seq:
                continue
            rest = toks[len(seq):]
            g = _given_names()
            if "".join(seq) in g and not (rest and rest[0] in g and "".join(seq) + rest[0] not in g):
                continue  # «امیر» is a title and a given name: a title only before another given name
            toks = rest
            changed = True
            break
        if toks and toks[0] in _DROPPED_PARTICLES and len(toks) > 1:
            toks = toks[1:]
            changed = True
    return toks


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(tokens(r)) for r in load_lexicon("roles") if tokens(r))


def looks_like_title(name: str | None) -> bool:
    """A «name» that starts with a job title («مدیرعامل سازمان ...», «رئیس شورای شهر»): tagger noise, not a person."""
    toks = tuple(_strip_honorifics(tokens(name or "")))
    return any(toks[:n] in _role_heads() for n in range(1, len(toks) + 1))


def is_given_name(k: str) -> bool:
    return k in _given_names()


@dataclass(frozen=True)
class NameParts:
    tokens: tuple[str, ...]   # folded words, honorifics and «سید» dropped
    given: str                # key of the given name ('' when none is recognised)
    surname: str              # key of the rest

    @property
    def key(self) -> str:
        return self.given + self.surname

    @property
    def has_known_given(self) -> bool:
        return bool(self.given) and self.given in _given_names()

    def suffix_keys(self) -> set[str]:
        """Keys of the trailing word runs (surname candidates), shortest run first excluded of the whole."""
        return {"".join(self.tokens[i:]) for i in range(1, len(self.tokens))}


def _word_tokens(text: str) -> list[tuple[str, bool]]:
    """(token, starts a new space-separated word) for each ZWNJ/space-separated token."""
    out = []
    for word in fold_letters(text).split():
        for i, t in enumerate(t for t in _SPLIT.split(word) if t):
            out.append((t, i == 0))
    return out


def name_parts(name: str | None) -> NameParts | None:
    """Split a person's name as written; None when nothing but honorifics is left."""
    if not name:
        return None
    text = name
    for comma in ("،", ","):  # «زارعی، احمد» -> «احمد زارعی»
        if comma in text:
            surname, _, given = text.partition(comma)
            if surname.strip() and given.strip():
                text = f"{given} {surname}"
            break
    marked = _word_tokens(text)
    toks = _strip_honorifics([t for t, _ in marked])
    if not toks:
        return None
    starts = [s for _, s in marked[len(marked) - len(toks):]]
    givens = _given_names()
    cut = 0
    for i in range(len(toks) - 1, 0, -1):  # longest leading run that is a given name, leaving a surname
        if "".join(toks[:i]) in givens:
            cut = i
            break
    if cut == 0:  # unknown given name: the first space-separated word, when there are two or more
        cut = next((i for i in range(1, len(toks)) if starts[i]), 0)
    return NameParts(tuple(toks), "".join(toks[:cut]), "".join(toks[cut:]))


def org_key(name: str | None) -> str:
    """Key of an organization name: «شورای اسلامی شهر یزد» and «شورای شهر یزد» share it."""
    k = key(name)
    return k.replace("شورایاسلامیشهر", "شورایشهر")


# administrative division words before a place name: «شهر مشهد», «شهرستان کاشان», «استان فارس»
DIVISIONS = ("کلانشهر", "شهرستان", "استان", "شهر")


def place_key(name: str | None) -> str:
    """Key of a place: «شهر مشهد» and «مشهد», «شهرستان كاشان» and «کاشان» share it."""
    toks = tokens(name or "")
    if len(toks) > 1 and toks[0] in DIVISIONS:
        toks = toks[1:]
    return "".join(toks)
