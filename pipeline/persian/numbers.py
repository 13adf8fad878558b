"""Persian numbers: digits in any script, number words, and mixes of both.

``parse_number("یک هزار و ۵۰۰ میلیارد") == 1.5e12``; ``parse_number("دو سوم") == 2/3``;
``parse_number("دومین") is None`` (ordinals are not cardinals).
``find_numbers(text)`` lists the maximal number expressions of a text as
``(start, end, value)``; :func:`find_number_matches` gives the same with the flags
the figure finder needs.

Composition follows Persian usage: parts are joined by «و» in falling order
(«سیصد و شصت و پنج»), scale words multiply what precedes them, and a larger scale
multiplies everything before it («یک هزار و ۵۰۰ میلیارد» = 1 500 × 10⁹). A «و» that
does not continue a number in falling order ends it («۵ و ۶» is two numbers).
Number words come from ``pipeline/lexicons/number_words.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicons import load_lexicon, load_table
from pipeline.textkey import fold, key
from pipeline.tokenize import Word, words

__all__ = [
    "NumberMatch",
    "cardinal_words",
    "ordinal_words",
    "find_number_matches",
    "find_numbers",
    "parse_digits",
    "parse_number",
    "parse_ordinal",
]

AND = "و"
# suffix tokens that make the preceding number an ordinal («۱۲ ام», «۵م», «۲۰مین»)
_ORDINAL_SUFFIXES = frozenset({"م", "ام", "مین", "امین", "ین"})
# split plural suffixes: «ده ها» (tens of) is vague, not 10
_PLURAL_SUFFIXES = frozenset({"ها", "های", "هایی"})

# digit groups that are dates, times, phone or id numbers, never one number; dot groups of three digits
# after a short head are thousands («12.500.000 تومان»), not a date
_COMPOUND_RE = re.compile(r"(?!\d{1,3}(?:\.\d{3}){2,}(?![\d.]))\d+(?:[-/.:]\d+){2,}|\d{1,2}:\d{2}")


@dataclass(frozen=True)
class NumberMatch:
    """A number expression found in a text.

    ``first``/``last`` are token indexes into :func:`pipeline.tokenize.words` of the same text.
    ``scale`` is the last scale word's value (1000, 10⁶ ...) or 0; ``words_only``
    is true when no digit was written; ``ambiguous`` marks a lone word that is
    also a common non-number word («نه», «سی»); ``bare_one`` marks a lone «یک»
    (often the indefinite article).
    """

    start: int
    end: int
    value: float
    first: int
    last: int
    scale: float = 0.0
    words_only: bool = False
    ambiguous: bool = False
    bare_one: bool = False
    digits: str = ""


@dataclass(frozen=True)
class _Atom:
    value: float
    kind: str  # digits | digit | teen | ten | hundred | scale | fraction


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, _Atom], dict[str, int], frozenset[str]]:
    """(cardinal atoms by key, ordinal values by key, vague-word keys)."""
    atoms: dict[str, _Atom] = {}
    for word, cols in load_table("number_words").items():
        if not isinstance(cols, list) or len(cols) < 2:
            raise ValueError(f"number_words.tsv: line for {word!r} needs 'word<TAB>value<TAB>type'")
        atoms[key(word)] = _Atom(float(cols[0]), cols[1])
    ordinals: dict[str, int] = {key(w): int(v) for w, v in load_table("number_ordinals").items()}
    for k, atom in list(atoms.items()):
        if atom.kind in ("fraction",) or atom.value == 0 or k in ("سه", "یک"):
            continue
        if k.endswith("ی"):  # سی -> سی‌ام, سی‌امین
            forms = (k + "ام", k + "امین")
        else:
            forms = (k + "م", k + "مین")
        for form in forms:
            ordinals.setdefault(form, int(atom.value))
    vague = frozenset(key(w) for w in load_lexicon("number_vague"))
    return atoms, ordinals, vague


_AMBIGUOUS = frozenset({"نه", "سی"})


def cardinal_words(kinds: tuple[str, ...] = ("digit", "teen", "ten", "hundred", "scale")) -> list[str]:
    """Cardinal number words (lookup keys, no ZWNJ) of the given kinds, for building patterns."""
    return [k for k, a in _lexicon()[0].items() if a.kind in kinds]


def ordinal_words(max_value: int | None = None) -> list[str]:
    """Ordinal words (lookup keys, no ZWNJ) up to ``max_value``, for building patterns."""
    return [k for k, v in _lexicon()[1].items() if max_value is None or v <= max_value]


def parse_digits(s: str) -> float | None:
    """Value of a digit string in any script with grouping/decimal marks.

    «۱۲٬۵۰۰», «12,500» -> 12500; «۲/۵», «۲.۵», «۲٫۵» -> 2.5; «1.500.000» -> 1500000.
    Returns None for strings that are not one number («۱۳۹۹/۱۲/۱۱»).
    """
    s = fold(s.strip())
    if re.fullmatch(r"\d{1,3}(?:،\d{3})+", s):  # «۱،۲۳۴،۵۶۷»: the Arabic comma as a thousands mark
        return float(int(s.replace("،", "")))
    if not re.fullmatch(r"\d+(?:[.,/]\d+)*", s):
        return None
    if s.isdigit():
        return float(int(s))
    seps = re.findall(r"[.,/]", s)
    groups = re.split(r"[.,/]", s)
    if len(seps) == 1:
        if seps[0] == "," and len(groups[1]) == 3:
            return float(int(groups[0] + groups[1]))
        return float(f"{groups[0]}.{groups[1]}")
    if "/" in seps:
        return None
    # several marks: thousands groups of 3, optionally one final decimal mark of another kind
    thousands = seps[0]
    if all(sep == thousands for sep in seps):
        if all(len(g) == 3 for g in groups[1:]):
            return float(int("".join(groups)))
        return None
    decimal = seps[-1]
    if decimal == thousands or any(sep != thousands for sep in seps[:-1]) or not all(len(g) == 3 for g in groups[1:-1]):
        return None
    return float(f"{''.join(groups[:-1])}.{groups[-1]}")


@lru_cache(maxsize=1)
def _scale_keys() -> tuple[str, ...]:
    return tuple(sk for sk, a in _lexicon()[0].items() if a.kind == "scale")


def _glued(k: str) -> list[_Atom] | None:
    """Atoms of a word that glues a number to a scale: «یکهزار», «دومیلیون», «صدهزار»."""
    if not k.endswith(_scale_keys()):  # most words: one C-level test instead of a loop over the scales
        return None
    atoms = _lexicon()[0]
    for sk, scale in atoms.items():
        if scale.kind != "scale" or not k.endswith(sk) or len(k) == len(sk):
            continue
        head = atoms.get(k[: -len(sk)])
        if head is not None and head.kind in ("digit", "teen", "ten", "hundred") and head.value > 0:
            return [head, scale]
    return None


def _atoms_of(tok: Word) -> list[_Atom] | None:
    if tok.kind == "num":
        v = parse_digits(tok.text)
        return None if v is None else [_Atom(v, "digits")]
    if tok.kind != "word":
        return None
    atoms = _lexicon()[0]
    if tok.key in atoms:
        return [atoms[tok.key]]
    return _glued(tok.key)


def _place(atom: _Atom) -> float:
    """The largest value a «و»-joined part after ``atom`` may have (exclusive)."""
    if atom.kind == "scale":
        return atom.value
    if atom.kind == "hundred":
        return 100
    if atom.kind == "ten":
        return 10
    if atom.kind == "digits" and atom.value == int(atom.value) and atom.value > 0:
        n, place = int(atom.value), 1
        while n % 10 == 0 and place < 1000:
            n //= 10
            place *= 10
        return place
    return 1


class _Acc:
    """Running value of a number expression (see the module docstring)."""

    def __init__(self) -> None:
        self.total = 0.0
        self.chunk = 0.0
        self.max_scale = 0.0
        self.last: _Atom | None = None

    def add(self, atom: _Atom) -> None:
        if atom.kind == "scale":
            if self.chunk == 0 and self.last is not None and self.last.kind == "scale":
                self.total *= atom.value
            else:
                chunk = self.chunk or 1.0
                if atom.value > self.max_scale:
                    self.total = (self.total + chunk) * atom.value
                else:
                    self.total += chunk * atom.value
                self.chunk = 0.0
            self.max_scale = max(self.max_scale, atom.value)
        elif atom.kind == "fraction" and self.last is not None and self.last.kind == "scale":
            self.total += atom.value * self.last.value  # «یک میلیون و نیم»
        else:
            self.chunk += atom.value
        self.last = atom

    @property
    def value(self) -> float:
        return self.total + self.chunk


def _can_follow(acc: _Acc, atom: _Atom, joined_by_and: bool) -> bool:
    last = acc.last
    if last is None:
        return True
    if last.kind == "fraction" and not (atom.kind == "scale" and not joined_by_and):
        return False
    if joined_by_and:
        if atom.kind == "fraction":
            return atom.value == 0.5
        if atom.kind == "scale":
            return False
        return atom.value < _place(last)
    if atom.kind == "scale":
        return acc.chunk > 0 or last.kind == "scale" and atom.value > last.value
    return False


def _scan(tokens: list[Word], i: int) -> tuple[int, float, dict] | None:
    """Longest number expression starting at token ``i``: (last token index, value, info)."""
    first = _atoms_of(tokens[i])
    if first is None:
        return None
    head = first[0]
    if head.kind == "scale" and head.value > 1000:
        return None  # «میلیون» cannot start a number
    acc = _Acc()
    for a in first:
        acc.add(a)
    j = i
    n_atoms = len(first)
    words_only = tokens[i].kind == "word"
    while True:
        nxt = j + 1
        joined = False
        if nxt < len(tokens) and tokens[nxt].kind == "word" and tokens[nxt].key == AND:
            joined, nxt = True, nxt + 1
        if nxt >= len(tokens):
            break
        atoms = _atoms_of(tokens[nxt])
        if atoms is None or not _can_follow(acc, atoms[0], joined):
            break
        # a glued «دوهزار» after «و» is fine; check its scale too
        for a in atoms:
            acc.add(a)
        n_atoms += len(atoms)
        words_only = words_only and tokens[nxt].kind == "word"
        j = nxt
    info = {"n_atoms": n_atoms, "head": head, "words_only": words_only, "scale": acc.max_scale}
    return j, acc.value, info


def _ordinal_key(k: str) -> int | None:
    return _lexicon()[1].get(k)


def parse_ordinal(text: str) -> int | None:
    """Value of an ordinal («دوم» 2, «نخستین» 1, «بیست و پنجم» 25, «۱۷ام» 17), else None."""
    toks = [t for t in words(text)]
    if not toks:
        return None
    if len(toks) == 1 and toks[0].kind == "word":
        return _ordinal_key(toks[0].key)
    # «۱۷ام», «۱۷ ام»
    if len(toks) == 2 and toks[0].kind == "num" and toks[1].kind == "word" and toks[1].key in _ORDINAL_SUFFIXES:
        v = parse_digits(toks[0].text)
        return int(v) if v is not None and v == int(v) else None
    # «بیست و پنجم»: cardinal part + «و» + ordinal
    if len(toks) >= 3 and toks[-2].kind == "word" and toks[-2].key == AND:
        last = _ordinal_key(toks[-1].key) if toks[-1].kind == "word" else None
        scan = _scan(toks, 0)
        if last is not None and scan is not None and scan[0] == len(toks) - 3:
            return int(scan[1]) + last
    return None


def _is_vague(tok: Word) -> bool:
    return tok.kind == "word" and tok.key in _lexicon()[2]


def find_number_matches(text: str, tokens: list[Word] | None = None) -> list[NumberMatch]:
    """All maximal number expressions in ``text``, ordinals and vague amounts left out.

    Digit groups that look like dates, times or ids («۱۳۹۹/۱۲/۱۱», «۱۰:۳۰»,
    «2025-10-23») are skipped; so are ordinals («دومین», «بیست و پنجم», «۱۲ام»)
    and vague plurals («ده ها»). ``tokens`` may be passed if already computed.
    """
    toks = tokens if tokens is not None else words(text)
    folded = fold(text)
    blocked = [(m.start(), m.end()) for m in _COMPOUND_RE.finditer(folded)]
    out: list[NumberMatch] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if any(s <= tok.start < e for s, e in blocked):
            i += 1
            continue
        scan = _scan(toks, i)
        if scan is None:
            i += 1
            continue
        j, value, info = scan
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        after = toks[j + 2] if j + 2 < len(toks) else None
        # ordinal: «بیست و پنجم», «۱۲ ام», «۱۲ام»
        if nxt is not None and nxt.kind == "word":
            if nxt.key == AND and after is not None and after.kind == "word" and _ordinal_key(after.key):
                i = j + 3
                continue
            if toks[j].kind == "num" and nxt.key in _ORDINAL_SUFFIXES:
                i = j + 2
                continue
            if nxt.key in _PLURAL_SUFFIXES:
                i = j + 2
                continue
            # fraction «دو سوم», «سه چهارم», «یک پنجم», «سه ربع»
            den = _ordinal_key(nxt.key)
            if den is None and nxt.key == "ربع":
                den = 4
            if info["n_atoms"] == 1 and den and 1 < den <= 1000 and 0 < value < den and value == int(value):
                value, j = value / den, j + 1
        # a scale word right after a vague word («چند هزار», «صدها میلیون») is vague too
        if i > 0 and _is_vague(toks[i - 1]) and info["head"].kind in ("scale", "hundred"):
            i = j + 1
            continue
        head_tok = toks[i]
        single = j == i
        out.append(NumberMatch(
            start=toks[i].start,
            end=toks[j].end,
            value=value,
            first=i,
            last=j,
            scale=info["scale"],
            words_only=info["words_only"],
            ambiguous=single and head_tok.key in _AMBIGUOUS,
            bare_one=single and head_tok.kind == "word" and head_tok.key == "یک",
            digits=head_tok.text if single and head_tok.kind == "num" else "",
        ))
        i = j + 1
    return out


def find_numbers(text: str) -> list[tuple[int, int, float]]:
    """Maximal number expressions of ``text`` as ``(start, end, value)``.

    Lone ambiguous words («نه» "no", «سی») are left out; a lone «یک» is kept.
    """
    return [(m.start, m.end, m.value) for m in find_number_matches(text) if not m.ambiguous]


def parse_number(text: str) -> float | None:
    """Value of a text that is one number expression, else None.

    Accepts digits in Latin, Persian or Arabic-Indic script with grouping or
    decimal marks, number words, fractions («دو سوم», «نیم», «ربع») and mixes
    («۶ هزار و ۲۰۰», «یک‌هزار و ۴۷»). Ordinals («دومین», «سوم») give None.
    """
    if not text or not text.strip():
        return None
    stripped = text.strip()
    v = parse_digits(stripped)
    if v is not None:
        return v
    toks = words(stripped)
    matches = find_number_matches(stripped, toks)
    if len(matches) != 1:
        return None
    m = matches[0]
    if m.first != 0 or m.last != len(toks) - 1:
        return None
    return m.value
