"""Small text utilities shared by the record rules: words, gaps, clauses, entity lookups.

Everything works on ``doc.text`` offsets; comparisons go through
:func:`pipeline.textkey.key` so ZWNJ/space/Arabic-letter variants compare equal.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from pipeline.document import Document, Span
from pipeline.textkey import fold, key
from pipeline.records.cues import word_set

#: a word: letters/digits, possibly joined by ZWNJ («شهرداری‌ها»)
WORD_RE = re.compile(r"[^\W_]+(?:\u200c+[^\W_]+)*\u200c?")
#: a gap that is only punctuation/space (tight apposition: «X، مدیرعامل ...», «X (نایب‌رئیس ...)»)
PUNCT_GAP_RE = re.compile(r"^[\s\u200c«»\"'()\[\]،,\-–—]*$")
#: a gap that is only space/quotes (a role and its organization: «شهردار» + «قم»)
TIGHT_GAP_RE = re.compile(r"^[\s\u200c«»\"']*$")
#: hard clause ends
HARD_END = ".!?؟:؛\n"
TERMINAL = ".!?؟…»\""


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for the words of ``text[start:end]`` (absolute offsets)."""
    end = len(text) if end is None else end
    return [(m.start(), m.end(), m.group(0)) for m in WORD_RE.finditer(text, start, end)]


def word_keys(text: str) -> list[str]:
    return [key(w) for _, _, w in words(text)]


def prev_word(text: str, pos: int) -> tuple[int, int, str] | None:
    """The word that ends at or before ``pos``, with only spaces in between; None after punctuation."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u200c":
        i -= 1
    if i == 0 or not (text[i - 1].isalnum()):
        return None
    m = None
    for m in WORD_RE.finditer(text, max(0, i - 60), i):
        pass
    if m is None or m.end() < i - 1:
        return None
    return m.start(), m.end(), m.group(0)


def next_word(text: str, pos: int) -> tuple[int, int, str] | None:
    """The first word at/after ``pos`` with only spaces in between; None if punctuation comes first."""
    i = pos
    while i < len(text) and text[i] in " \t\u200c":
        i += 1
    m = WORD_RE.match(text, i)
    return (m.start(), m.end(), m.group(0)) if m else None


class EntityIndex:
    """Entities in text order with their starts, for range queries in O(log n + k)."""

    def __init__(self, ents: list[Span]) -> None:
        self.ents = sorted(ents, key=lambda e: (e.start, e.end))
        self.starts = [e.start for e in self.ents]
        self.pos = {id(e): i for i, e in enumerate(self.ents)}

    def within(self, start: int, end: int) -> list[Span]:
        """Entities that start at or after ``start`` and end by ``end``."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [e for e in self.ents[i:j] if e.end <= end]

    def ending_in(self, start: int, end: int) -> list[Span]:
        """Entities whose end lies in ``[start, end]`` (entities are short: look back a little)."""
        i = bisect.bisect_left(self.starts, max(0, start - 400))
        j = bisect.bisect_right(self.starts, end)
        return [e for e in self.ents[i:j] if start <= e.end <= end]

    def covering(self, pos: int) -> Span | None:
        """An entity with ``start <= pos < end`` (the spans are flat: at most one)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.ents[i].start > pos - 400:
            if self.ents[i].start <= pos < self.ents[i].end:
                return self.ents[i]
            i -= 1
        return None

    def first_from(self, pos: int) -> Span | None:
        """The first entity that starts at or after ``pos``."""
        i = bisect.bisect_left(self.starts, pos)
        return self.ents[i] if i < len(self.ents) else None

    def index_of(self, ent: Span) -> int:
        return self.pos[id(ent)]


def sorted_entities(doc: Document, labels: Iterable[str] | None = None) -> list[Span]:
    labs = set(labels) if labels else None
    return sorted((e for e in doc.entities if labs is None or e.label in labs), key=lambda e: (e.start, e.end))


def entity_covering(doc: Document, pos: int, labels: Iterable[str] | None = None) -> Span | None:
    labs = set(labels) if labels else None
    for e in doc.entities:
        if e.start <= pos < e.end and (labs is None or e.label in labs):
            return e
    return None


def is_finite_verb(tokens: list[str], i: int) -> bool:
    """Whether ``tokens[i]`` is a finite verb: a listed form, a «می‌/نمی‌» present, or after «می»."""
    verbs = word_set("finite_verbs")
    w = tokens[i]
    k = key(w)
    if k in verbs:
        return True
    fw = fold(w)
    if (fw.startswith("می\u200c") or fw.startswith("نمی\u200c")) and len(fw) > 4:
        return True
    return i > 0 and key(tokens[i - 1]) in ("می", "نمی")


def has_finite_verb(text: str) -> bool:
    """Whether ``text`` holds a finite verb (see :func:`is_finite_verb`)."""
    toks = [w for _, _, w in words(text)]
    return any(is_finite_verb(toks, i) for i in range(len(toks)))


def ends_with_verb(text: str) -> bool:
    """Whether the last word of ``text`` is a finite verb (a clause ends there)."""
    toks = [w for _, _, w in words(text)]
    return bool(toks) and is_finite_verb(toks, len(toks) - 1)


_SOFT_RE = re.compile(r"\s*[،,]\s*|\s+(?:و|اما|ولی|بلکه|لذا|زیرا|چرا که|چون)\s+")


def clause_bounds(text: str, pos: int, lo: int, hi: int, min_words: int = 5) -> tuple[int, int]:
    """The clause of ``text[lo:hi]`` that contains ``pos``.

    Clauses end at . ! ? ؟ : ؛ and newlines, and at «،» / «و» / «اما» ... right after a
    finite verb (so «رعایت اخلاق، امانتداری و ...» and «ساخت و نگهداری» stay one clause
    while «... انجام شود و آنها باید ...» splits). A clause shorter than
    ``min_words`` words is joined with the one before it.
    """
    cuts: list[tuple[int, int]] = []  # (end of clause, start of next)
    seg_start = lo
    i = lo
    while i < hi:
        ch = text[i]
        if ch in HARD_END and not (ch in ".:" and i + 1 < hi and text[i + 1].isdigit() and i > lo and text[i - 1].isdigit()):
            cuts.append((i, i + 1))
            seg_start = i + 1
            i += 1
            continue
        m = _SOFT_RE.match(text, i)
        if m and m.end() > m.start() and text[m.start()] in " \t،,":
            if ends_with_verb(text[seg_start:m.start()]):
                cuts.append((m.start(), m.end()))
                seg_start = m.end()
            i = m.end()
            continue
        i += 1
    bounds: list[tuple[int, int]] = []
    s = lo
    for e, nxt in cuts:
        bounds.append((s, e))
        s = nxt
    bounds.append((s, hi))
    idx = 0
    for j, (s, e) in enumerate(bounds):
        if s <= pos < max(e, s + 1):
            idx = j
            break
        if s > pos:
            idx = max(0, j - 1)
            break
    else:
        idx = len(bounds) - 1
    s, e = bounds[idx]
    j = idx
    while len(words(text, s, e)) < min_words and j > 0:
        prev_s, prev_e = bounds[j - 1]
        if any(c in text[prev_e:s] for c in ".!?؟:\n") or not words(text, prev_s, prev_e):
            break
        j -= 1
        s = prev_s
    return strip_span(text, s, e)


def strip_span(text: str, s: int, e: int, chars: str = " \t\n\u200c،,:؛«»\"'") -> tuple[int, int]:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars + ".":
        e -= 1
    return s, e
