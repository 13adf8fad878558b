"""The one text key for Persian strings typed by different hands, and lexicon phrase patterns.

* :func:`key` is THE comparison key used everywhere (lexicon lookups, entity clean-up, query
  filters): Arabic/Persian letter forms unified (ي/ك/ة/أ ...), Persian and Arabic-Indic digits
  as 0-9, diacritics and tatweel dropped, no ZWNJ and no spaces. «شهرداری‌ها», «شهرداریها» and
  «شهرداري ها» have one key, as do «هیأت»/«هیات» and «۱۴۰۲»/«1402».
* :func:`fold` is the same mapping without dropping anything (and keeping «ئ», which output
  strings such as figure units are cut from): same length as its input, so regexes can run on
  it while offsets stay valid for the original text.
* :func:`phrase_pattern` / :func:`alternation` turn lexicon phrases into regex source that
  accepts a space, a ZWNJ or nothing between words, and stray diacritics/tatweel between letters.

(The tagger's vocabulary key, :func:`pipeline.tag.vocab.word_key`, is part of the trained model and
stays separate.)
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterable

_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ٱ": "ا", "أ": "ا", "إ": "ا", "ؤ": "و",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200e": " ", "\u200f": " ", "\u200d": "\u200c",
    "\u066c": ",", "\u066b": ".", "\u060c": "،",
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
    # diacritics and tatweel become ZWNJ: same length, and patterns can ignore them
    **{chr(c): "\u200c" for c in (*range(0x064B, 0x0660), 0x0670, 0x0640)},
})

#: diacritics (fathatan ... sukun, superscript alef) and tatweel: ignored inside words
MARKS = "\u064b-\u065f\u0670\u0640"
_MARKS_RE = re.compile(f"[{MARKS}]")
_SEP_RE = re.compile(r"[\s\u200c]+")
#: one letter (any script), not a digit or underscore
LETTER = r"[^\W\d_]"
#: a word boundary for letters: no letter (or ZWNJ/mark glued to a letter) on that side
NOT_LETTER_BEFORE = rf"(?<!{LETTER})(?<![\u200c{MARKS}])"
NOT_LETTER_AFTER = rf"(?![\u200c{MARKS}]*{LETTER})"
#: separators inside a multi-word phrase
SEP = r"[\s\u200c]+"
OPT_SEP = r"[\s\u200c]*"


def fold(text: str) -> str:
    """Same-length folding: Persian letters, ASCII digits, plain spaces (offsets unchanged)."""
    return text.translate(_FOLD)


def key(text: str | None) -> str:
    """THE comparison key: NFKC, folded, marks removed, no ZWNJ and no spaces («ده‌ها» -> «دهها»,
    «هیأت»/«هیئت» -> «هیات», «۱۴۰۲» -> «1402»)."""
    if text is not None and len(text) <= 64:  # words and names, compared over and over: remembered
        return _key_short(text)
    return _key(text)


def _key(text: str | None) -> str:
    k = _SEP_RE.sub("", _MARKS_RE.sub("", fold(unicodedata.normalize("NFKC", text or ""))))
    return k.replace("ئ", "ی").replace("هییت", "هیات")


_key_short = lru_cache(maxsize=1 << 16)(_key)


def _units(phrase: str) -> list[str]:
    """A folded phrase as a list of characters, with one " " standing for any separator."""
    phrase = re.sub(r"[\s\u200c]+", " ", key_spaces(fold(phrase))).strip()
    return list(phrase)


def key_spaces(text: str) -> str:
    """Marks removed, separators kept (helper for pattern building)."""
    return _MARKS_RE.sub("", text)


def _emit(node: dict, loose: bool) -> str:
    """Regex source for a trie node (children keyed by unit, "" = end of a phrase)."""
    branches = []
    optional = False
    for unit in sorted(node, key=lambda u: (u == "", u)):
        if unit == "":
            optional = True
            continue
        child = node[unit]
        if unit == " ":
            head = OPT_SEP
        else:
            head = re.escape(unit)
            if loose and any(u not in ("", " ") for u in child):
                head += "\u200c?"
        branches.append(head + _emit(child, loose))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + body + ")?"
    return body if len(branches) == 1 else body


def phrase_pattern(phrase: str, loose: bool = False) -> str:
    """Regex source for a lexicon phrase: spaces/ZWNJ between words match space, ZWNJ or nothing.

    With ``loose`` a ZWNJ may also stand between any two letters (for number-word
    keys such as «سیام», written «سی‌ام»). Diacritics and tatweel need no care:
    :func:`fold` turns them into ZWNJ.
    """
    return alternation([phrase], loose)


def alternation(phrases: Iterable[str], loose: bool = False) -> str:
    """A compact (trie-shaped) non-capturing alternation of phrases; longer matches are preferred."""
    trie: dict = {}
    n = 0
    for p in phrases:
        if not p or not p.strip():
            continue
        node = trie
        for unit in _units(p):
            node = node.setdefault(unit, {})
        node[""] = {}
        n += 1
    if n == 0:
        return r"(?!x)x"
    return "(?:" + _emit(trie, loose) + ")"


def table_column(table: dict, col: int) -> dict[str, str]:
    """Column ``col`` (1 = the first value column) of a ``load_table`` result, as strings."""
    out: dict[str, str] = {}
    for k, v in table.items():
        vals = v if isinstance(v, list) else [v]
        out[k] = vals[col - 1] if len(vals) >= col and vals[col - 1] is not None else ""
    return out
