"""Cue-phrase matching on normalized Persian text, robust to spelling variants.

Lexicon phrases (speech verbs, meeting and commitment cues) are compiled into regexes
that run on :func:`pipeline.textkey.fold`-ed text, a same-length copy with
Arabic ي/ك and digits unified, so match offsets are offsets in ``doc.text``.
Between the words of a phrase a space, a ZWNJ or nothing is accepted («می‌شود»,
«می شود», «میشود»). Two bits of syntax in lexicon entries:

* ``...`` is a gap of up to :data:`GAP_CHARS` characters inside one clause
  («تصمیم ... گرفته شد»); the gap's offsets are kept on the match;
* a trailing ``*`` lets the last word carry suffixes («توافق*» -> «توافقات»).

With ``plural=True`` the last word may also take the plural ending «ند»
(«گفت» -> «گفتند», «کرد» -> «کردند»).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicons import word_set  # noqa: F401 - re-exported for the record rules
from pipeline.textkey import NOT_LETTER_AFTER, NOT_LETTER_BEFORE, OPT_SEP, fold, phrase_pattern

#: longest gap a ``...`` in a cue may span (characters, never across . ! ? ؟ : ؛ or a newline)
GAP_CHARS = 150
_GAP = rf"{OPT_SEP}(?P<gap>[^\n.!?؟:؛]{{0,{GAP_CHARS}}}?){OPT_SEP}"
_SUFFIX = r"[^\W\d_]*(?:\u200c[^\W\d_]+)*"


@dataclass(frozen=True)
class CueMatch:
    """One cue occurrence: ``[start, end)`` in the text, the lexicon entry and its label."""

    start: int
    end: int
    cue: str
    label: str | None = None
    gap: tuple[int, int] | None = None


def _compile(entry: str, plural: bool) -> re.Pattern[str]:
    entry = entry.strip()
    star = entry.endswith("*")
    if star:
        entry = entry[:-1].rstrip()
    parts = [p.strip() for p in entry.split("...")]
    body = []
    for i, part in enumerate(parts):
        if not part:
            continue
        body.append(phrase_pattern(part))
    src = _GAP.join(body) if len(body) > 1 else body[0]
    if len(body) > 1:
        # only one named group allowed: rename extra gaps
        n = 0

        def _rename(m: re.Match[str]) -> str:
            nonlocal n
            n += 1
            return "(?P<gap>" if n == 1 else "(?:"

        src = re.sub(r"\(\?P<gap>", _rename, src)
    if star:
        src += _SUFFIX
    elif plural:
        src += "(?:ند)?"
    return re.compile(NOT_LETTER_BEFORE + "(?:" + src + ")" + NOT_LETTER_AFTER)


class CueSet:
    """A set of cue phrases (optionally labelled) matched on folded text.

    >>> cs = CueSet([("مقرر شد", "decision")])
    >>> [m.label for m in cs.finditer("و مقرر  شد که")]
    ['decision']
    """

    def __init__(self, entries: Iterable[str] | dict[str, str | None], plural: bool = False) -> None:
        items = list(entries.items()) if isinstance(entries, dict) else [(e, None) for e in entries]
        self.entries: list[tuple[str, str | None, re.Pattern[str]]] = [
            (cue, label, _compile(cue, plural)) for cue, label in items if cue and cue.strip()]

    def finditer(self, text: str, start: int = 0, end: int | None = None, folded: bool = False) -> Iterator[CueMatch]:
        """Non-overlapping matches in ``text[start:end]``, longest first on overlap, in text order."""
        ftext = text if folded else folded_text(text)
        end = len(ftext) if end is None else end
        found: list[CueMatch] = []
        for cue, label, pat in self.entries:
            for m in pat.finditer(ftext, start, end):
                if m.end() <= m.start():
                    continue
                gap = None
                if "gap" in pat.groupindex and m.group("gap") is not None:
                    gap = (m.start("gap"), m.end("gap"))
                found.append(CueMatch(m.start(), m.end(), cue, label, gap))
        found.sort(key=lambda c: (-(c.end - c.start), c.start))
        taken: list[CueMatch] = []
        for c in found:
            if all(c.end <= t.start or c.start >= t.end for t in taken):
                taken.append(c)
        taken.sort(key=lambda c: c.start)
        return iter(taken)

    def search(self, text: str, start: int = 0, end: int | None = None) -> CueMatch | None:
        return next(self.finditer(text, start, end), None)


@lru_cache(maxsize=8)
def folded_text(text: str) -> str:
    """:func:`fold` of ``text``, remembered for the last few texts: rules search one article many
    times in small windows, and folding the whole article each time made them quadratic."""
    return fold(text)


@lru_cache(maxsize=None)
def lexicon_cues(name: str, plural: bool = False) -> CueSet:
    """A :class:`CueSet` of ``pipeline/lexicons/<name>.txt`` (or ``.tsv`` with labels)."""
    from pipeline.lexicons import load_lexicon, load_table

    if name.endswith(".tsv"):
        table = load_table(name[:-4])
        return CueSet({k: (v if not isinstance(v, list) else v[0]) for k, v in table.items()}, plural=plural)
    return CueSet(load_lexicon(name), plural=plural)
