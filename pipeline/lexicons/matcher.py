"""One matcher for cue classes: stems and light-verb constructions with their inflections.

The cues live in ``pipeline/lexicons/cues.tsv`` (``class <TAB> pattern [<TAB> value]``); each
pattern is a short sequence of elements written once and matched in every spelling:

``word``
    a literal word or phrase; between words a space, a ZWNJ or nothing («به‌تصویب», «به تصویب»);
``word*``
    the word with any suffix (plural, ezafe, pronoun: «تفاهم‌نامه*» -> «تفاهم‌نامه‌ای»);
``word+``
    the word as a predicate with a copula, glued or split («موظف+» -> «موظفند», «موظف است», «موظف هستند»);
``<کرد>``
    every form of the verb with that past stem (present stem from the ``@verb`` lines of the file):
    «کرد، کردند، می‌کند، نمی کنند، کند، خواهد کرد، کرده است، کرده‌اند ...»
    (:mod:`pipeline.persian.verbforms`); ``<کرد|داشت>`` either verb; ``<شد:pres,fut>`` only
    those tenses (past, pres, subj, fut, perf, part);
``<است>``
    a copula: «است، هست، هستند، بود، باشد، می‌باشد، خواهد بود ...»;
``[3]``
    up to 3 words in between (never across . ! ? ؟ : ؛ or a line break); the gap is kept on the match;
``(الف|ب)``
    one of several literal words.

Matching runs on :func:`fold`-ed text (same length, Arabic ي/ك as ی/ک, Persian digits as ASCII),
so offsets are offsets in the document. Overlapping matches keep the longest, then the earliest.
A match carries its class, value, the gap and the :class:`~pipeline.persian.verbforms.VerbForm`
of its verb, so a caller (or a learned model) can use tense and person.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.persian.verbforms import CLITIC_COPULA, COPULA, VerbForm, verb_form, verb_pattern

from pipeline.textkey import NOT_LETTER_AFTER, NOT_LETTER_BEFORE, fold

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "cues.tsv"
_SEP = r"[ \u200c]+"
_OPT = r"[ \u200c]*"
_WORD = r"[^\s.!?؟:؛]+"
_SUFFIX = r"(?:[\u200c]?[^\W\d_])*"
_TENSES = {"past": "past", "pres": "present", "present": "present", "subj": "subjunctive", "fut": "future",
           "future": "future", "perf": "perfect", "part": "participle"}


class CueError(ValueError):
    """A malformed line in a cue file; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class CueMatch:
    """One cue occurrence: ``[start, end)`` in the text, its class, value and pattern."""

    start: int
    end: int
    cls: str
    value: str | None
    cue: str
    gap: tuple[int, int] | None = None
    verb: VerbForm | None = None

    @property
    def label(self) -> str:
        """The value, else the last part of the class («commitment.plan» -> «plan»)."""
        return self.value or self.cls.rsplit(".", 1)[-1]


#: compiled cue regexes by source: a cue is compiled when a text first passes its literal prefilter
#: (compiling all of them took about 0.35 s of CPU at every start; many are never needed by a run)
_COMPILED: dict[str, re.Pattern[str]] = {}


@dataclass(frozen=True)
class _Cue:
    cls: str
    value: str | None
    pattern: str
    source: str  # the regex, compiled on first use (:attr:`regex`)
    verbs: tuple[tuple[str, bool], ...]  # (group tag, vowel-final present stem)
    #: literal pieces a match must contain: for each group, at least one of its strings occurs in the
    #: folded text (a substring test rules most cues out before their regex scans the text)
    needs: tuple[tuple[str, ...], ...] = ()

    @property
    def regex(self) -> re.Pattern[str]:
        rx = _COMPILED.get(self.source)
        if rx is None:
            rx = _COMPILED[self.source] = re.compile(self.source)
        return rx

    def may_match(self, ft: str) -> bool:
        return all(any(p in ft for p in group) for group in self.needs)


def _literal(word: str) -> str:
    """Regex for a literal word/phrase: any separator (or none) between its words and letters joined by ZWNJ."""
    parts = [p for p in re.split(r"[ \u200c]+", fold(word)) if p]
    return _OPT.join(re.escape(p) for p in parts)


def _parts(word: str) -> list[str]:
    """The folded pieces :func:`_literal` matches literally (separators between them are free)."""
    return [p for p in re.split(r"[ \u200c]+", fold(word)) if p]


def _needs(el: str) -> list[tuple[str, ...]]:
    """Literal pieces a match of pattern element ``el`` must contain (see :class:`_Cue`); none for
    verbs and gaps."""
    if (el.startswith("<") and el.endswith(">")) or re.fullmatch(r"\[\d+\]", el):
        return []
    if el.startswith("(") and el.endswith(")"):
        firsts = [_parts(w) for w in el[1:-1].split("|")]
        return [tuple(f[0] for f in firsts)] if firsts and all(firsts) else []
    return [(p,) for p in _parts(el[:-1] if el.endswith(("*", "+")) else el)]


def _copula() -> str:
    forms = sorted({fold(c) for c in COPULA}, key=len, reverse=True)
    return "(?:" + "|".join(_literal(c) for c in forms) + ")"


class _Compiler:
    def __init__(self, verbs: dict[str, str]) -> None:
        self.verbs = verbs
        self.n = 0
        self.tags: list[tuple[str, bool]] = []
        self.gap_used = False

    def verb(self, spec: str, where: str) -> str:
        names, _, tenses = spec.partition(":")
        want = None
        if tenses:
            bad = [t for t in tenses.split(",") if t.strip() not in _TENSES]
            if bad:
                raise CueError(f"{where}: unknown tense {bad[0]!r} in <{spec}>; use {', '.join(sorted(_TENSES))}")
            want = frozenset(_TENSES[t.strip()] for t in tenses.split(","))
        alts = []
        for past in names.split("|"):
            past = fold(past.strip())
            if past == "است":
                alts.append(_copula())
                continue
            present = self.verbs.get(past)
            if present is None:
                raise CueError(f"{where}: verb <{past}> has no present stem; add a line "
                               f"'@verb<TAB>{past}<TAB><present stem>' to the cue file")
            tag = f"v{self.n}"
            self.n += 1
            self.tags.append((tag, present.endswith(("ا", "و"))))
            alts.append(verb_pattern(past, present, want, tag))
        return "(?:" + "|".join(alts) + ")"

    def element(self, el: str, where: str) -> tuple[str, bool]:
        """(regex, is_gap) for one pattern element."""
        if el.startswith("<") and el.endswith(">"):
            return self.verb(el[1:-1], where), False
        if re.fullmatch(r"\[\d+\]", el):
            n = int(el[1:-1])
            group = "(?P<gap>" if not self.gap_used else "(?:"
            self.gap_used = True
            return f"{group}(?:{_WORD}{_SEP}){{0,{n}}}?)", True
        if el.startswith("(") and el.endswith(")"):
            return "(?:" + "|".join(_literal(w) for w in el[1:-1].split("|")) + ")", False
        if el.endswith("*"):
            return _literal(el[:-1]) + _SUFFIX, False
        if el.endswith("+"):
            clitic = "|".join(re.escape(c) for c in sorted(CLITIC_COPULA, key=len, reverse=True))
            return _literal(el[:-1]) + f"(?:\u200c?(?:{clitic})(?![^\\W\\d_])|{_SEP}{_copula()})", False
        return _literal(el), False


def _join(parts: list[tuple[str, bool]]) -> str:
    """Elements separated by spaces/ZWNJ; a gap already ends with its own separator."""
    out = ""
    for i, (src, is_gap) in enumerate(parts):
        if i == 0:
            out = src
        elif is_gap:
            out += _SEP + src
        elif parts[i - 1][1]:
            out += src  # the gap ends with a separator (or is empty after one)
        else:
            out += _OPT + src
    return out


def compile_cue(cls: str, pattern: str, verbs: dict[str, str], value: str | None = None,
                where: str = "<cue>") -> _Cue:
    comp = _Compiler(verbs)
    els = re.findall(r"<[^>]*>|\([^)]*\)|\[\d+\]|[^\s<(\[]+", pattern)
    if not els:
        raise CueError(f"{where}: empty pattern")
    parts = [comp.element(el, where) for el in els]
    src = _join(parts)
    source = NOT_LETTER_BEFORE + "(?:" + src + ")" + NOT_LETTER_AFTER
    needs = tuple(g for el in els for g in _needs(el))
    return _Cue(cls, value, pattern, source, tuple(comp.tags), needs)


class CueClasses:
    """Compiled cues of one cue file (or of given rows), matched by class prefix."""

    def __init__(self, rows: Iterable[tuple[str, str, str | None]], verbs: dict[str, str], source: str = "<cues>"):
        self.verbs = {fold(k): fold(v) for k, v in verbs.items()}
        self.cues: list[_Cue] = []
        for n, (cls, pattern, value) in enumerate(rows, 1):
            self.cues.append(compile_cue(cls, pattern, self.verbs, value, f"{source}: entry {n} ({pattern})"))
        self._by_prefix: dict[str, list[_Cue]] = {}
        self._memo: dict[tuple, tuple[list[str], list[CueMatch], list[int]]] = {}
        self._per_cue: dict[tuple, tuple[list[str], dict[int, list[CueMatch]]]] = {}

    @classmethod
    def from_file(cls, path: Path | str) -> "CueClasses":
        path = Path(path)
        rows: list[tuple[str, str, str | None]] = []
        verbs: dict[str, str] = {}
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                cols = [c.strip() for c in line.split("\t")]
                where = f"{path.name}:{n}"
                if cols[0] == "@verb":
                    if len(cols) != 3:
                        raise CueError(f"{where}: a verb line is '@verb<TAB>past stem<TAB>present stem'")
                    verbs[cols[1]] = cols[2]
                    continue
                if len(cols) not in (2, 3) or not cols[1]:
                    raise CueError(f"{where}: a cue line is 'class<TAB>pattern' or 'class<TAB>pattern<TAB>value'")
                rows.append((cols[0], cols[1], cols[2] if len(cols) == 3 and cols[2] else None))
        return cls(rows, verbs, path.name)

    def classes(self) -> list[str]:
        return sorted({c.cls for c in self.cues})

    def _select(self, prefix: str | tuple[str, ...]) -> list[_Cue]:
        key_ = prefix if isinstance(prefix, str) else "|".join(prefix)
        hit = self._by_prefix.get(key_)
        if hit is None:
            prefixes = (prefix,) if isinstance(prefix, str) else prefix
            hit = [c for c in self.cues if any(c.cls == p or c.cls.startswith(p + ".") for p in prefixes)]
            self._by_prefix[key_] = hit
        return hit

    def _all(self, ft: str, prefix: str | tuple[str, ...]) -> tuple[list[CueMatch], list[int]]:
        """Every match (overlaps kept) of the selected cues in the whole folded text, sorted by start,
        with their starts; remembered per (text, prefix), so windows of one article cost a bisect.
        Equal texts folded by different callers share one entry (checked once per string object)."""
        k = (prefix if isinstance(prefix, str) else "|".join(prefix), hash(ft), len(ft))
        hit = self._memo.get(k)
        if hit is not None:
            seen, found, starts = hit
            if any(x is ft for x in seen):
                return found, starts
            if seen[0] == ft:
                seen.append(ft)
                return found, starts
        cues = self.cues if prefix == "" else self._select(prefix)
        done = self._cue_memo(ft)
        found: list[CueMatch] = []
        for c in cues:
            hit_c = done.get(id(c))
            if hit_c is None:
                hit_c = done[id(c)] = self._scan(c, ft)
            found.extend(hit_c)
        found.sort(key=lambda c: (c.start, -c.end))
        if len(self._memo) > 32:
            self._memo.clear()
        starts = [c.start for c in found]
        self._memo[k] = ([ft], found, starts)
        return found, starts

    def _cue_memo(self, ft: str) -> dict[int, list[CueMatch]]:
        """The matches of each cue already scanned in ``ft`` (shared by every prefix asked for)."""
        k = (hash(ft), len(ft))
        hit = self._per_cue.get(k)
        if hit is not None:
            seen, done = hit
            if any(x is ft for x in seen):
                return done
            if seen[0] == ft:
                seen.append(ft)
                return done
        if len(self._per_cue) > 8:
            self._per_cue.clear()
        done = {}
        self._per_cue[k] = ([ft], done)
        return done

    @staticmethod
    def _scan(c: _Cue, ft: str) -> list[CueMatch]:
        found: list[CueMatch] = []
        if not c.may_match(ft):
            return found
        regex = c.regex
        has_gap = "gap" in regex.groupindex
        for m in regex.finditer(ft):
            if m.end() <= m.start():
                continue
            gap = None
            if has_gap and m.group("gap") is not None:
                gap = (m.start("gap"), m.end("gap"))
            vf = None
            for tag, vowel in c.verbs:
                vf = verb_form(m, tag, vowel)
                if vf is not None:
                    break
            found.append(CueMatch(m.start(), m.end(), c.cls, c.value, c.pattern, gap, vf))
        return found

    def finditer(self, text: str, prefix: str | tuple[str, ...] = "", start: int = 0, end: int | None = None,
                 folded: bool = False, overlaps: bool = False) -> Iterator[CueMatch]:
        """Matches of the cues whose class is ``prefix`` or under it («commitment» -> «commitment.plan»),
        inside ``[start, end)``, in text order; overlapping matches keep the longest unless ``overlaps``."""
        ft = text if folded else folded_text(text)
        end = len(ft) if end is None else end
        allm, starts = self._all(ft, prefix)
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end)
        found = [c for c in allm[i:j] if c.end <= end]
        if overlaps:
            return iter(found)
        found.sort(key=lambda c: (-(c.end - c.start), c.start))
        # longest first, each kept if it overlaps no kept match; the kept ones are disjoint, so only the
        # neighbours by start can overlap a candidate (a bisect instead of a scan of all kept matches)
        taken: list[CueMatch] = []
        starts: list[int] = []
        for c in found:
            i = bisect.bisect_right(starts, c.start)
            if i > 0 and taken[i - 1].end > c.start:
                continue
            if i < len(taken) and taken[i].start < c.end:
                continue
            taken.insert(i, c)
            starts.insert(i, c.start)
        return iter(taken)

    def search(self, text: str, prefix: str | tuple[str, ...] = "", start: int = 0, end: int | None = None,
               folded: bool = False) -> CueMatch | None:
        return next(self.finditer(text, prefix, start, end, folded), None)


@lru_cache(maxsize=8)
def folded_text(text: str) -> str:
    """:func:`fold` of ``text``, remembered for the last few texts (rules search one article many times)."""
    return fold(text)


@lru_cache(maxsize=None)
def cue_classes(path: str | None = None) -> CueClasses:
    """The project's cue classes (``pipeline/lexicons/cues.tsv``), compiled once."""
    return CueClasses.from_file(path or LEXICON)
