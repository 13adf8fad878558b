"""Lexicon files shipped with the pipeline (plain UTF-8 text next to this module).

``load_lexicon(name)`` returns the non-comment, non-blank lines of ``<name>.txt``;
``load_table(name)`` reads ``<name>.tsv`` (first column -> second column, or the
rest of the columns as a list when there are more than two). ``#`` starts a comment
line. Results are cached: treat them as read-only.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DIR = Path(__file__).resolve().parent


def _path(name: str, ext: str) -> Path:
    p = _DIR / name
    if p.suffix:
        return p
    return _DIR / f"{name}{ext}"


def _rows(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            yield line


@lru_cache(maxsize=None)
def _load_lexicon(name: str) -> tuple[str, ...]:
    return tuple(_rows(_path(name, ".txt")))


def load_lexicon(name: str) -> list[str]:
    """Entries of ``pipeline/lexicons/<name>.txt``, one per line, comments/blank lines skipped."""
    return list(_load_lexicon(name))


@lru_cache(maxsize=None)
def _load_table(name: str) -> dict:
    out: dict = {}
    for line in _rows(_path(name, ".tsv")):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) == 1:
            out[cols[0]] = None
        elif len(cols) == 2:
            out[cols[0]] = cols[1]
        else:
            out[cols[0]] = cols[1:]
    return out


def load_table(name: str) -> dict:
    """``pipeline/lexicons/<name>.tsv`` as a dict: first column -> second column (or list of the rest)."""
    return dict(_load_table(name))


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """A lexicon as a set of lookup keys (:func:`pipeline.textkey.key`: folded, no ZWNJ/spaces)."""
    from pipeline.textkey import key

    return frozenset(key(w) for w in load_lexicon(name))


#: plural endings of a title noun and what they leave of it («فرماندهان» -> «فرمانده», «نمایندگان» -> «نماینده»)
_PLURAL_ENDINGS = (("گان", "ه"), ("یان", ""), ("ان", ""), ("ین", ""), ("های", ""), ("ها", ""))


class _GroupWords(frozenset):
    """``group_nouns.txt`` plus the plural of any one-word title of ``roles.txt`` («فرماندهان»,
    «بازرسان», «نمایندگان», «معاونین»): ``key(w) in group_words()`` (keys of :func:`word_set`)."""

    stems: frozenset[str] = frozenset()

    def __contains__(self, k: object) -> bool:
        if frozenset.__contains__(self, k):
            return True
        if not isinstance(k, str):
            return False
        for end, back in _PLURAL_ENDINGS:
            if k.endswith(end) and len(k) - len(end) >= 3 and k[: len(k) - len(end)] + back in self.stems:
                return True
        return False


@lru_cache(maxsize=None)
def group_words() -> frozenset[str]:
    """Words that name a group of people: the listed group nouns and plurals of title heads (a set of
    :func:`pipeline.textkey.key` keys whose ``in`` also answers for those plurals)."""
    from pipeline.textkey import key

    listed = word_set("group_nouns")
    heads = {key(r) for r in load_lexicon("roles") if len(r.split()) == 1}  # titles of one word («فرمانده»)
    out = _GroupWords(listed)
    out.stems = frozenset(h for h in heads if h not in listed and len(h) >= 3)
    return out
