"""Finder tokens, the phrase index and the lexicons every rule finder reads.

Everything is matched on a *key* of each word (:func:`word_key`: Persian letter forms, no ZWNJ,
no diacritics, no list commas), and multiword lexicon entries are matched on the concatenated
keys of consecutive words, so «نایب‌رئیس», «نایب رئیس», «نایبرئیس» and «نايب رييس» all match
the same entry (:class:`PhraseIndex`). Tokens come from :func:`pipeline.tokenize.words`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicons import load_lexicon, load_table
from pipeline.textkey import key
from pipeline.tokenize import words

ZWNJ = "\u200c"
DIGITS = re.compile(r"^[0-9]+(?:[/.,][0-9]+)*$")


def word_key(word: str) -> str:
    """:func:`pipeline.textkey.key` of a word or phrase, list commas dropped too («۱۲٬۵۰۰» -> «12500»)."""
    return key(_COMMAS.sub("", word))


_COMMAS = re.compile(r"[،,\u066c]")  # Arabic, Latin and Arabic thousands commas


@dataclass(frozen=True)
class Tok:
    """A finder token: a :class:`pipeline.tokenize.Word` keyed with :func:`word_key`."""

    start: int
    end: int
    text: str
    key: str
    is_word: bool


def tokenize_words(text: str) -> list[Tok]:
    """:func:`pipeline.tokenize.words` of ``text`` as finder tokens: numbers and words keyed with
    :func:`word_key` (so «۱۲٬۵۰۰» matches «12500»), a symbol keyed as written."""
    return [Tok(w.start, w.end, w.text, word_key(w.text) if w.is_word else w.text, w.is_word) for w in words(text)]


def all_word(word: str) -> bool:
    """A pre-tokenized word with no symbol in it (corpus tokens may hold spaces: «روش های»)."""
    parts = words(word.strip(ZWNJ))  # a clitic split off with its ZWNJ («‌اش») is still a word
    return bool(parts) and all(p.is_word for p in parts) and not word[0].isspace() and not word[-1].isspace()


def toks_from_words(tokens: list[str]) -> list[Tok]:
    """Finder tokens for an already tokenized sentence (training corpora), offsets as if joined by spaces."""
    out, pos = [], 0
    for w in tokens:
        k = word_key(w)
        out.append(Tok(pos, pos + len(w), w, k, bool(k) and all_word(w)))
        pos += len(w) + 1
    return out


# ---------------------------------------------------------------- lexicon indexes
class PhraseIndex:
    """Phrase index over concatenated word keys (space/ZWNJ/joined variants all match)."""

    def __init__(self, phrases, value=True):
        self.table: dict[str, object] = {}
        self.prefixes: set[str] = set()
        self.words: dict[str, frozenset] = {}
        for ph in phrases:
            k = word_key(ph)
            if not k:
                continue
            self.table.setdefault(k, value if not callable(value) else value(ph))
            self.words[k] = self.words.get(k, frozenset()) | frozenset(word_key(w) for w in re.split(r"[\s،,]+", ph))
            for i in range(1, len(k) + 1):
                self.prefixes.add(k[:i])

    def match(self, toks: list[Tok], i: int, max_tokens: int = 8, stop: int | None = None) -> int:
        """End index (exclusive) of the longest entry starting at token ``i``, or ``i`` if none."""
        n = len(toks) if stop is None else stop
        if i < n:  # most tokens start no entry: answer before the loop
            t = toks[i]
            if t.key not in self.prefixes if t.is_word else t.text not in "،,":
                return i
        best, acc = i, ""
        for j in range(i, min(n, i + max_tokens)):
            t = toks[j]
            if not t.is_word:
                if t.text in "،,":  # «وزیر بهداشت، درمان و ...»
                    continue
                break
            acc += t.key
            if acc not in self.prefixes:
                break
            if acc in self.table:
                # «و زیر» is not «وزیر»: a split part that is a function word must be a word of the entry
                if j == i or not any(x.key in FUNCTION_WORDS and x.key not in self.words[acc] for x in toks[i:j + 1]):
                    best = j + 1
        return best

    def __contains__(self, key: str) -> bool:
        return key in self.table


FUNCTION_WORDS = {"و", "به", "از", "با", "در", "که", "را", "تا", "بر", "یا", "این", "آن", "هم", "نه", "ها", "های", "ی"}


@lru_cache(maxsize=1)
def finder_lexicons():
    """The phrase indexes and word sets every finder reads (``lx``), built once from ``pipeline/lexicons``."""
    roles = load_lexicon("roles")
    modifiers = load_lexicon("role_modifiers")
    org_heads = load_lexicon("org_heads")
    generic = load_lexicon("generic_orgs")
    place_types = load_lexicon("place_types")
    places = load_table("places")
    # words labelled data almost never tags as a name (scripts/build_non_name_words.py)
    non_name = {word_key(w) for w in load_lexicon("non_name_words")}
    given = [g for g in load_lexicon("given_names") if word_key(g) not in non_name]
    particles = load_lexicon("name_particles")
    honor = load_lexicon("honorifics")
    lx = {
        "role": PhraseIndex(roles),
        "mod": PhraseIndex(modifiers),
        "org": PhraseIndex(org_heads),
        "generic": PhraseIndex(generic),
        "ptype": PhraseIndex(place_types),
        "place": PhraseIndex([p for p in places if word_key(p) not in AMBIGUOUS_PLACES]),
        "place_any": PhraseIndex(list(places)),
        "given": PhraseIndex(given),
        "particle": PhraseIndex(particles),
        "honor": PhraseIndex(honor),
        "known_org": PhraseIndex(load_lexicon("known_orgs")),
    }
    lx["non_name"] = non_name
    lx["role_words"] = {word_key(w) for r in roles for w in r.split()}
    lx["org_words"] = {word_key(w) for r in org_heads for w in r.split()[:1]}
    lx["ptype_words"] = {word_key(w) for r in place_types for w in r.split()[:1]}
    return lx


# places that are also common words: only a LOC after a place word («شهر مهر», «شهرستان نور»)
AMBIGUOUS_PLACES = set(word_key(w) for w in """
بهار مهر نور دیر جم سامان رستم صدرا انار خاتم هامون کارون لالی جوین ری قدس الوند سرباز خوشاب ایوان رزن
هرمز کوثر امیدیه فاروج تفت ازنا سلسله نیر سراب بستک بم زرند ملکان رودبار کلات دشتی مرکزی البرز فارس
عمان کویت تونس الجزیره آستانه دوشنبه امان رباط رم وین برن سلیمانیه هند چین شاه دهلران شفت فیروزه
میانه کنگان دلیجان خمین اهر گرمی خلخال مراغه جام خاش اشنویه سپیدان بافت لار مه ولات زاوه اردل
""".split())
