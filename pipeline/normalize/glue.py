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
  times (``clitic_min_piece`` for the word after a clitic; a clitic is
  always a word) and are at least two letters (a clitic
  may be one); a piece is looked up with its half-spaces restored, since a
  glued token has usually lost them too («ونتیجههای» -> «و» + «نتیجه‌های»),
  and a plural or comparative piece counts as often as its stem; the second piece is not a bound suffix (plural, pronoun and
  person endings, derivational suffixes such as «دار», «گری», «پور»: a
  joined «آرمانهایمان», «عزیزپور» is one word) and the first is not a bound
  prefix («بی», «نا», «پر», «غیر», ...); two words that are not a clitic
  and the next word must have been seen side by side (``min_pair`` times:
  «شهر تهران» is, «صدا میان» in «صدامیان» is not), unless the first often
  ends a line and the second often starts one (a heading run into the next
  sentence: «...دارندرئیس»; then the split is scored as a line break), or
  both are common words (``min_free``: seen that often, three letters or
  more: «خیابانپارک») and the token is not in Hazm's word list, has no
  given name or name particle as a piece («محمدرحیم», «میرسلیمان») and
  does not read as a known word plus a bound suffix or a bound prefix plus
  a known word («صدامیان»: «صدام» + «یان»);
* a token never seen whole that the half-space restorer spells with a
  half-space at the cut is not split there unless its two words are seen
  side by side («جنگشناسی» -> «جنگ‌شناسی»);
* with the neighbouring words, the split is far more probable under the
  bigram model than the token: ``log P(L A B R) - log P(L T R) > margin``
  (``clitic_margin`` after a clitic; the same by default).  The token is
  scored as an unseen word (its counts are taken for lost spaces); with
  ``seen_margin`` set, a token the model has seen ``seen_min`` times must
  also be beaten as seen: ``log P(L A B R) - log P(L T R) > seen_margin`` with the token's own
  bigram probability («ازجمله», «درواقع» seen hundreds of times stay whole
  unless the split is the more probable reading there).

A half-space case («بهگزارش»: «به‌گزارش» is attested) is never split as
above; in a text that writes its half-spaces (the normalizer's ``spaced``),
it is split into the two words of an attested half-spaced spelling that the
corpora also write with a space (``space_min`` times) when the bigram model,
with both neighbours, prefers the two words by ``space_margin``
(:meth:`GlueSplitter.split_spaced`: «بهگزارش خبرنگار» -> «به گزارش»).

The thresholds are conservative (precision over recall) and were set on a
tuning set of Fars articles kept out of the model and of the benchmark.
"""

from __future__ import annotations

from .context import BOS, BigramModel
from .rules import ZWNJ
from .zwnj import SUFFIX_GROUPS, Lexicon

#: One- and two-letter function words that scraped text glues to the next word.
CLITICS = frozenset({"و", "در", "به", "از", "با", "که"})

_PLURAL = ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "ان", "ات", "یان", "گان")
_PRONOUN = ("م", "ت", "ش", "مان", "تان", "شان", "یم", "یت", "یش", "یمان", "یتان", "یشان", "ام", "ات", "اش", "امان", "اتان", "اشان")
_PERSON = ("ای", "ام", "ایم", "اید", "اند", "است", "ست", "یی", "ی", "ید", "ند", "یم")
_DERIVATION = (
    "تر", "ترین", "تری", "گر", "گری", "گران", "گرانی", "گاه", "گاهی", "وار", "واره", "دار", "داری", "داران", "مند",
    "مندی", "ناک", "انه", "گی", "ستان", "کار", "کاری", "کاران", "ساز", "سازی", "رسانی", "زاده", "پور", "نژاد", "نیا",
    "فر", "فرد", "راد", "منش", "آباد", "آبادی", "وند", "چی", "ییان", "گونه", "آمیز", "پذیر", "پذیری", "نامه",
)
#: Suffixes after a half-space whose stem may vouch for a rare piece.
_STEM_SUFFIXES = SUFFIX_GROUPS["ha"] | SUFFIX_GROUPS["tar"]
_STEM_SUFFIX_LENGTHS = tuple(sorted({len(x) for x in _STEM_SUFFIXES}))
#: Second pieces that are bound suffixes, never a word of their own here.
BOUND_SUFFIXES = frozenset(_PLURAL + _PRONOUN + _PERSON + _DERIVATION)
_SUFFIXES_BY_LENGTH = sorted(BOUND_SUFFIXES, key=len, reverse=True)
#: First pieces that are bound prefixes («بی‌», «پرظرفیت», «غیرمجاز»).
BOUND_PREFIXES = frozenset({"بی", "نا", "پر", "کم", "هم", "غیر", "ضد", "نیم", "فرا", "فرو", "پسا", "نو", "خود", "سر", "زیر", "پیش", "پس", "تک"})


def _prefixes(word: str) -> list[str]:
    """The parts of ``word`` before each of its half-spaces."""
    return [word[:i] for i, ch in enumerate(word) if ch == ZWNJ]


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
        min_free: int = 0,
        restore=None,
        clitic_margin: float | None = None,
        names: frozenset[str] = frozenset(),
        space_ratio: float = 0.0,
        clitic_min_piece: int | None = None,
        junction_probs=None,
        junction_block: float = 0.0,
        seen_margin: float | None = None,
        seen_min: int = 1,
        space_margin: float | None = None,
        space_min: int = 20,
        common_keep: float | None = None,
        common_min: int = 5,
        keep_inflected: bool = False,
    ) -> None:
        self.model = model
        self.lex = lexicon
        self.min_piece = min_piece
        self.max_whole = max_whole
        self.max_share = max_share
        self.margin = margin
        self.min_len = min_len
        self.min_pair = min_pair
        self.min_free = min_free
        self.restore = restore
        self.clitic_margin = margin if clitic_margin is None else clitic_margin
        self.names = names
        self.space_ratio = space_ratio
        self.clitic_min_piece = min_piece if clitic_min_piece is None else clitic_min_piece
        self.junction_probs = junction_probs
        self.junction_block = junction_block
        self.seen_margin = seen_margin
        self.seen_min = seen_min
        self.space_margin = space_margin
        self.space_min = space_min
        self.common_keep = common_keep
        self.common_min = common_min
        self.keep_inflected = keep_inflected
        self._spaced: dict[str, tuple[tuple[str, str, str], ...]] = {}
        self._cands: dict[str, tuple[tuple[str, str], ...]] = {}
        self._forms: dict[str, str] = {}
        self._letters: frozenset[str] | None = None  # letters of the model's words (ZWNJs removed)
        self._last_pieces: tuple[str | None, tuple[tuple[str, str], ...]] = (None, ())

    def whole_count(self, tok: str) -> int:
        return max(self.lex.n.get(tok, 0), self.model.count(tok))

    def is_word(self, tok: str) -> bool:
        """A token that is never split (a word in its own right)."""
        variants = self.lex.variants.get(tok)
        if variants and (tok in self.names or not self._spaced_more(variants)):
            return True  # a half-space case («بهطور» -> «به‌طور»)
        whole = self.whole_count(tok)
        if whole == 0:
            # no corpus evidence: a word of Hazm's list with a frequency stays
            return self.lex.h.get(tok, 0.0) > 0.5
        if whole < self.max_whole:
            return False
        return not any(whole < self.max_share * self.model.pair_count(a, b) for a, b in self._pieces(tok))

    def _spaced_more(self, variants) -> bool:
        """Every half-spaced spelling of the token is seen written with a
        space more than ``space_ratio`` times as often («به گزارش» 4,562
        times, «به‌گزارش» twice): the token is two words, not a half-space
        case (0: never)."""
        if not self.space_ratio:
            return False
        b, n = self.lex.b, self.lex.n
        return all(b.get(v, 0) > self.space_ratio * max(1, n.get(v, 0)) for v in variants)

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
            if pieces and whole == 0 and self.restore is not None:
                # a compound the half-space restorer spells with a half-space
                # at this cut stays one word when its two words are not seen
                # side by side («جنگشناسی» -> «جنگ‌شناسی», not «جنگ شناسی»)
                r = self.restore(tok)
                if ZWNJ in r:
                    halves = {self.cut(tok, x) for x in _prefixes(r)}
                    pc = self.model.pair_count
                    pieces = [(a, b) for a, b in pieces if self.cut(tok, a) not in halves or pc(a, b) >= self.min_pair]
            if pieces and whole == 0 and self.junction_probs is not None and self.junction_block and ZWNJ not in tok:
                # the junction model reads the cut as a half-space inside one word
                probs = self.junction_probs(tok)
                pieces = [(a, b) for a, b in pieces if a in CLITICS or probs.get(self.cut(tok, a), 0.0) < self.junction_block]
            out = tuple(pieces)
        if len(self._cands) < 200_000:
            self._cands[tok] = out
        return out

    def form(self, piece: str) -> str:
        """The spelling of ``piece`` the model knows: itself, or its most
        frequent attested ZWNJ spelling («نتیجههای» -> «نتیجه‌های»), since a
        glued token has usually lost its half-spaces too."""
        out = self._forms.get(piece)
        if out is None:
            out = self._form(piece)
            if len(self._forms) < 400_000:
                self._forms[piece] = out
        return out

    def _form(self, piece: str) -> str:
        count = self.model.count
        if count(piece) or ZWNJ in piece:
            return piece
        if self.restore is not None:
            r = self.restore(piece)
            if r != piece:
                return r
        best, best_c = piece, 0
        for v in self.lex.variants.get(piece, ()):
            c = count(v)
            if c > best_c:
                best, best_c = v, c
        return best

    def _pieces(self, tok: str) -> list[tuple[str, str]]:
        """Splits into two words the model knows well enough."""
        last = self._last_pieces  # :meth:`candidates` asks twice for the same token
        if last[0] == tok:
            return list(last[1])
        found = self._find_pieces(tok)
        self._last_pieces = (tok, tuple(found))
        return found

    def _find_pieces(self, tok: str) -> list[tuple[str, str]]:
        form = self.form
        may_count = self._may_count
        check = self.min_piece >= 1
        found = []
        for i in range(1, len(tok)):
            a, b = tok[:i], tok[i:]
            if len(b) < 2 or (len(a) < 2 and a not in CLITICS) or ZWNJ in (a[-1], b[0]):
                continue
            if len(tok) < 4 and a not in CLITICS:
                continue
            if b in BOUND_SUFFIXES or a in BOUND_PREFIXES:
                continue
            # the cheap tests first (same result: every test must pass)
            if a in CLITICS:
                a = form(a)
            if a in CLITICS:
                if self.clitic_min_piece >= 1 and not may_count(b):
                    continue
                b = form(b)
                if self._freq(b) >= self.clitic_min_piece and not self._word_plus_suffix(a, b):
                    found.append((a, b))
                continue
            if check and not (may_count(a) and may_count(b)):
                continue  # no spelling of a piece is counted: not known
            a = form(a)
            if not self._known(a):
                continue
            b = form(b)
            if not self._known(b):
                continue
            if self.model.pair_count(a, b) < self.min_pair and not self._run_in(a, b) and not self._free(a, b, tok):
                continue
            found.append((a, b))
        return found

    def _may_count(self, piece: str) -> bool:
        """A necessary condition for ``_freq(form(piece)) >= 1``, without
        :meth:`form`: the letters of ``piece`` (or of it without a plural or
        comparative suffix) are the letters of a word the model counts."""
        letters = self._letters
        if letters is None:
            letters = self._letters = frozenset(w.replace(ZWNJ, "") for w in self.model.words)
        s = piece.replace(ZWNJ, "") if ZWNJ in piece else piece
        if s in letters:
            return True
        n = len(s)
        return any(n >= k and s[-k:] in _STEM_SUFFIXES and s[:-k] in letters for k in _STEM_SUFFIX_LENGTHS)

    def _word_plus_suffix(self, clitic: str, piece: str) -> bool:
        """``clitic`` + ``piece`` reads as a word plus a plural or comparative
        suffix: «باصرفه» + «تر» is «باصرفه‌تر», not «با صرفه‌تر»."""
        stem, _, suffix = piece.rpartition(ZWNJ)
        return bool(stem) and suffix in _STEM_SUFFIXES and self.is_word(clitic + stem.replace(ZWNJ, ""))

    def _known(self, piece: str) -> bool:
        """Seen ``min_piece`` times, or a stem seen that often with a plural or
        comparative suffix after a half-space («کلانتری‌ها»)."""
        return self._freq(piece) >= self.min_piece

    def _freq(self, piece: str) -> int:
        """The count of ``piece``, or of its stem before a plural or
        comparative suffix after a half-space, whichever is larger."""
        count = self.model.count
        c = count(piece)
        stem, _, suffix = piece.rpartition(ZWNJ)
        if len(stem) >= 2 and suffix in _STEM_SUFFIXES:
            c = max(c, count(stem))
        return c

    def _free(self, a: str, b: str, tok: str) -> bool:
        """Two common words never seen side by side (``min_free`` times each,
        three letters or more): allowed when ``min_free`` is set, unless the
        token is in Hazm's word list, a piece is a given name or name
        particle (``names``: «محمدرحیم», «میرسلیمان» are one name), or the
        token also reads as a known word with a bound suffix or prefix (a
        derived word or surname: «صدامیان» is «صدام» + «یان», not «صدا
        میان»); the split must then still beat the glued token by the margin."""
        if not self.min_free or len(a.replace(ZWNJ, "")) < 3 or len(b.replace(ZWNJ, "")) < 3:
            return False
        if self._freq(a) < self.min_free or self._freq(b) < self.min_free:
            return False
        if a in self.names or b in self.names or self.lex.h.get(tok, 0.0) > 0:
            return False  # compound given names («محمدرحیم», «میرسلیمان») and Hazm's words
        return not self._derived(tok)

    def _derived(self, tok: str) -> bool:
        """``tok`` is a known word (``min_piece``) plus a bound suffix, or a
        bound prefix plus a known word."""
        count, k = self.model.count, self.min_piece
        for s in _SUFFIXES_BY_LENGTH:
            if len(tok) - len(s) >= 2 and tok.endswith(s) and count(self.form(tok[: -len(s)])) >= k:
                return True
        return any(tok.startswith(p) and count(self.form(tok[len(p):])) >= k for p in BOUND_PREFIXES if len(tok) - len(p) >= 2)

    def _inside_inflected(self, tok: str, a: str) -> bool:
        """``tok`` is a word seen ``min_piece`` times plus a plural or
        comparative suffix, and the cut ``a`` falls inside that word
        («کشتارگاهها» is «کشتارگاه» + «ها», not «کشتار گاه‌ها»)."""
        cut = self.cut(tok, a)
        count = self.model.count
        for suf in _STEM_SUFFIXES:
            n = len(suf)
            if len(tok) - n > cut and tok.endswith(suf):
                stem = tok[:-n].rstrip(ZWNJ)
                if max(count(stem), count(self.form(stem))) >= self.min_piece:
                    return True
        return False

    def _common_both(self, tok: str, a: str, b: str) -> bool:
        """The glued token and «a b» are both spellings in common use: each
        seen ``common_min`` times and at least ``common_keep`` of the two
        together («ازجمله» 297 / «از جمله» 549): the source's spelling is
        then a spelling, not a lost space (``common_keep`` None: off)."""
        m = self.model
        g, sp = m.count(tok), m.pair_count(a, b)
        k = self.common_min
        return g >= k and sp >= k and min(g, sp) >= self.common_keep * (g + sp)

    def _run_in(self, a: str, b: str) -> bool:
        """``a`` often ends a line and ``b`` often starts one: a heading run
        into the next sentence («...دارندرئیس»)."""
        pc = self.model.pair_count
        return pc(a, BOS) >= self.min_pair and pc(BOS, b) >= self.min_pair

    @staticmethod
    def cut(tok: str, first: str) -> int:
        """Index in ``tok`` where the piece ``first`` (perhaps respelled with
        a ZWNJ by :meth:`form`) ends."""
        n = len(first) - first.count(ZWNJ)
        i = 0
        while n:
            if tok[i] != ZWNJ:
                n -= 1
            i += 1
        return i

    def spaced_readings(self, tok: str) -> tuple[tuple[str, str, str], ...]:
        """``(half-spaced form, A, B)`` for a half-space case whose two words
        the corpora also write with a space («بهطور»: «به‌طور» 287 times,
        «به طور» 915): ``A‌B`` is an attested spelling of ``tok`` with one
        half-space and «A B» is seen ``space_min`` times as a pair.  Never
        after «(ن)می», before a bound suffix or after a bound prefix, nor in
        a name (``names``); empty unless ``space_margin`` is set."""
        if self.space_margin is None or ZWNJ in tok:
            return ()
        out = self._spaced.get(tok)
        if out is not None:
            return out
        found = []
        variants = self.lex.variants.get(tok, ())
        if variants and tok not in self.names:
            pc = self.model.pair_count
            for v in variants:
                segs = v.split(ZWNJ)
                if len(segs) != 2:
                    continue
                a, b = segs
                if a in ("می", "نمی") or a in BOUND_PREFIXES or b in BOUND_SUFFIXES or b in SUFFIX_GROUPS["ha"]:
                    continue
                if a in self.names or b in self.names or len(b) < 2:
                    continue
                if pc(a, b) >= self.space_min:
                    found.append((v, a, b))
        out = tuple(found)
        if len(self._spaced) < 200_000:
            self._spaced[tok] = out
        return out

    def split_spaced(self, tok: str, prev: str, nxt: str) -> tuple[str, str] | None:
        """A half-space case written as two words: «A B» when the bigram
        model, with both neighbours, prefers it to every attested half-spaced
        spelling by more than ``space_margin`` («بهطور کلی» -> «به طور کلی»)."""
        reads = self.spaced_readings(tok)
        if not reads:
            return None
        m = self.model
        whole = max(m.score([v], prev, nxt) for v, _, _ in reads)
        if self.lex.n.get(tok, 0):
            whole = max(whole, m.score([tok], prev, nxt))
        best, best_s = None, whole + self.space_margin
        for _, a, b in reads:
            s = m.score([a, b], prev, nxt)
            if s > best_s:
                best, best_s = (a, b), s
        return best

    def split(self, tok: str, prev: str, nxt: str, spaced: bool = False) -> tuple[str, str] | None:
        """The split of ``tok`` between ``prev`` and ``nxt``, or None; with
        ``spaced``, a half-space case may be split too (:meth:`split_spaced`)."""
        cands = self.candidates(tok)
        if not cands:
            return self.split_spaced(tok, prev, nxt) if spaced else None
        m = self.model
        # a candidate is rare, or seen far less often than its split: its
        # counts are lost spaces, so it is scored as an unseen word
        whole = m.score_unseen(tok, prev, nxt)
        if self.seen_margin is not None and m.count(tok) >= max(1, self.seen_min):
            # a token the corpora do show on its own: the split must also beat
            # the token as seen, by ``seen_margin`` («ازجمله», «براساس» stay)
            whole = max(whole, m.score([tok], prev, nxt) + self.seen_margin - self.margin)
        best, best_s = None, whole
        if self.common_keep is not None:
            cands = [(a, b) for a, b in cands if not self._common_both(tok, a, b)]
        if self.keep_inflected:
            cands = [(a, b) for a, b in cands if a in CLITICS or not self._inside_inflected(tok, a)]
        for a, b in cands:
            s = m.score([a, b], prev, nxt)
            if self._run_in(a, b):
                s = max(s, m.score([a, BOS, b], prev, nxt))
            s -= self.clitic_margin if a in CLITICS else self.margin
            if s > best_s:
                best, best_s = (a, b), s
        return best
