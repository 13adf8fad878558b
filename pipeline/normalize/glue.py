"""Splitting glued words: «وامسال» → «و امسال», «شهرتهران» → «شهر تهران».

Scraped archives lose spaces: a clitic («و», «در», «به», «از», «با», «که»)
run into the next word, a heading run into the first word of the next line
(«...دارندرئیس»), two random words.  A token is split in two when

* the token is not a word in its own right: no spelling of it with ZWNJ is
  known (those are half-space cases, see :mod:`.zwnj`), and it is seen
  fewer than ``max_whole`` times in the corpora or fewer than ``max_share``
  times as often as the two words it splits into («دراین» is seen, but
  «در این» a hundred times as often; «درمان» is seen and «در مان» never;
  «اینکه» is seen more often than «این که»); a token the corpora never show
  is kept when Hazm's word list gives it a frequency (Hazm's list itself
  holds glued forms such as «درزمینه», so it does not protect seen tokens);
* both pieces are words the bigram model has seen at least ``min_piece``
  times (a clitic is always a word) and are at least two letters (a clitic
  may be one); the second piece is not a bound suffix (plural, pronoun and
  person endings, derivational suffixes such as «دار», «گری», «پور»: a
  joined «آرمانهایمان», «عزیزپور» is one word) and the first is not a bound
  prefix («بی», «نا», «پر», «غیر», ...); two words that are not a clitic
  and the next word must have been seen side by side (``min_pair`` times:
  «شهر تهران» is, «صدا میان» in «صدامیان» is not), unless the first often
  ends a line and the second often starts one (a heading run into the next
  sentence: «...دارندرئیس»; then the split is scored as a line break);
* with the neighbouring words, the split is far more probable under the
  bigram model than the token: ``log P(L A B R) - log P(L T R) > margin``.

The thresholds are conservative (precision over recall) and were set on a
tuning set of Fars articles kept out of the model and of the benchmark.
"""

from __future__ import annotations

from .context import BOS, BigramModel
from .rules import ZWNJ
from .zwnj import Lexicon

#: One- and two-letter function words that scraped text glues to the next word.
CLITICS = frozenset({"و", "در", "به", "از", "با", "که"})

_PLURAL = ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "ان", "ات", "یان", "گان")
_PRONOUN = ("م", "ت", "ش", "مان", "تان", "شان", "یم", "یت", "یش", "یمان", "یتان", "یشان", "ام", "ات", "اش", "امان", "اتان", "اشان")
_PERSON = ("ای", "ام", "ایم", "اید", "اند", "است", "ست", "یی", "ی", "ید", "ند", "یم")
_DERIVATION = (
    "تر", "ترین", "تری", "گر", "گری", "گران", "گرانی", "گاه", "گاهی", "وار", "واره", "دار", "داری", "داران", "مند",
    "مندی", "ناک", "انه", "گی", "ستان", "کار", "کاری", "کاران", "ساز", "سازی", "رسانی", "زاده", "پور", "نژاد", "نیا",
    "فر", "فرد", "راد", "منش", "آبادی", "وند", "چی", "ییان", "گونه", "آمیز", "پذیر", "پذیری", "نامه",
)
#: Second pieces that are bound suffixes, never a word of their own here.
BOUND_SUFFIXES = frozenset(_PLURAL + _PRONOUN + _PERSON + _DERIVATION)
#: First pieces that are bound prefixes («بی‌», «پرظرفیت», «غیرمجاز»).
BOUND_PREFIXES = frozenset({"بی", "نا", "پر", "کم", "هم", "غیر", "ضد", "نیم", "فرا", "فرو", "پسا", "نو", "خود", "سر", "زیر", "پیش", "پس", "تک"})


class GlueSplitter:
    """Decides splits of glued tokens; cached per token, thread-safe enough
    (the cache only ever gains entries)."""

    def __init__(
        self,
        model: BigramModel,
        lexicon: Lexicon,
        min_piece: int = 10,
        max_whole: int = 3,
        max_share: float = 0.75,
        margin: float = 10.0,
        min_len: int = 3,
        min_pair: int = 2,
    ) -> None:
        self.model = model
        self.lex = lexicon
        self.min_piece = min_piece
        self.max_whole = max_whole
        self.max_share = max_share
        self.margin = margin
        self.min_len = min_len
        self.min_pair = min_pair
        self._cands: dict[str, tuple[tuple[str, str], ...]] = {}

    def whole_count(self, tok: str) -> int:
        return max(self.lex.n.get(tok, 0), self.model.count(tok))

    def is_word(self, tok: str) -> bool:
        """A token that is never split (a word in its own right)."""
        if self.lex.variants.get(tok):
            return True  # a half-space case («بهطور» -> «به‌طور»)
        whole = self.whole_count(tok)
        if whole == 0:
            # no corpus evidence: a word of Hazm's list with a frequency stays
            return self.lex.h.get(tok, 0.0) > 0.5
        if whole < self.max_whole:
            return False
        return not any(whole < self.max_share * self.model.pair_count(a, b) for a, b in self._pieces(tok))

    def candidates(self, tok: str) -> tuple[tuple[str, str], ...]:
        """Possible splits ``(A, B)`` of ``tok`` (without context)."""
        out = self._cands.get(tok)
        if out is not None:
            return out
        out = ()
        if len(tok) >= self.min_len and not self.is_word(tok):
            whole = self.whole_count(tok)
            pieces = self._pieces(tok)
            if whole >= self.max_whole:
                pieces = [(a, b) for a, b in pieces if whole < self.max_share * self.model.pair_count(a, b)]
            out = tuple(pieces)
        if len(self._cands) < 200_000:
            self._cands[tok] = out
        return out

    def _pieces(self, tok: str) -> list[tuple[str, str]]:
        """Splits into two words the model knows well enough."""
        count = self.model.count
        found = []
        for i in range(1, len(tok)):
            a, b = tok[:i], tok[i:]
            if len(b) < 2 or (len(a) < 2 and a not in CLITICS) or ZWNJ in (a[-1], b[0]):
                continue
            if len(tok) < 4 and a not in CLITICS:
                continue
            if b in BOUND_SUFFIXES or a in BOUND_PREFIXES:
                continue
            if a not in CLITICS and self.model.pair_count(a, b) < self.min_pair and not self._run_in(a, b):
                continue
            if (a in CLITICS or count(a) >= self.min_piece) and count(b) >= self.min_piece:
                found.append((a, b))
        return found

    def _run_in(self, a: str, b: str) -> bool:
        """``a`` often ends a line and ``b`` often starts one: a heading run
        into the next sentence («...دارندرئیس»)."""
        pc = self.model.pair_count
        return pc(a, BOS) >= self.min_pair and pc(BOS, b) >= self.min_pair

    def split(self, tok: str, prev: str, nxt: str) -> tuple[str, str] | None:
        """The split of ``tok`` between ``prev`` and ``nxt``, or None."""
        cands = self.candidates(tok)
        if not cands:
            return None
        m = self.model
        # a candidate is rare, or seen far less often than its split: its
        # counts are lost spaces, so it is scored as an unseen word
        whole = m.score_unseen(tok, prev, nxt)
        best, best_s = None, whole + self.margin
        for a, b in cands:
            s = m.score([a, b], prev, nxt)
            if self._run_in(a, b):
                s = max(s, m.score([a, BOS, b], prev, nxt))
            if s > best_s:
                best, best_s = (a, b), s
        return best
