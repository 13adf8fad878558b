"""Offset-preserving Persian normalizer: Hazm's rules, ZWNJ restoration,
glued-word splitting.

``Normalizer.normalize`` is a short pipeline of flag-gated steps (Hazm's
layout); every step edits a :class:`~pipeline.normalize.tracked.TrackedText`,
so the result carries an exact map from each normalized character back to
the raw input.  The steps: character refinement (Arabic letters and digits,
invisible marks, kashida, decorative symbols), Persian style, digits,
spacing (Hazm's affix and punctuation rules; two words joined by a
half-space when the bigram model prefers it), repeated letters, glued-word
splitting (:mod:`.glue`), half-space restoration inside words
(:mod:`.zwnj`, with the neighbouring words when several spellings are
attested: :mod:`.context`).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from . import rules
from .context import BOS, NUM, PUNCT, BigramModel, load_model, model_available, tokenizer_pattern
from .glue import GlueSplitter
from .spelling import SpellingModel, load_spelling_model, reading_pair, spelling_model_available, window_features
from .tracked import TrackedText
from .zwnj import DATA_DIR, ZWNJ, ZwnjRestorer, joins_next

__all__ = ["NormalizedText", "Normalizer", "normalize", "persian_ratio"]


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text with its alignment to the raw input.

    ``to_raw[i]`` is the offset in ``raw`` where the source of ``text[i]``
    starts; ``to_raw[len(text)] == len(raw)``.  A character inserted by the
    normalizer (a ZWNJ, a space after punctuation) has an empty source located
    at the start of the next character's source.
    """

    raw: str
    text: str
    to_raw: tuple[int, ...]
    _raw_ends: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[raw_start, raw_end)`` that is the source of ``text[start:end]``.

        Raw characters the normalizer deleted are inside the span when they lie
        between the first and last source characters; deleted diacritics and
        kashida belong to the letter before them.
        """
        n = len(self.text)
        if not (0 <= start <= end <= n):
            raise IndexError(f"span [{start}, {end}) out of range for normalized text of length {n}")
        a = self.to_raw[start]
        if end == start:
            return a, a
        b = max(self._raw_ends[start:end])
        return a, max(a, b)

    def raw_slice(self, start: int, end: int) -> str:
        """``raw[slice(*raw_span(start, end))]``."""
        a, b = self.raw_span(start, end)
        return self.raw[a:b]

    def to_norm(self, raw_offset: int) -> int:
        """First normalized index whose source starts at or after ``raw_offset``."""
        import bisect

        return bisect.bisect_left(self.to_raw, raw_offset, 0, len(self.text))


_LETTER_RE = re.compile(r"[^\W\d_]")
_ARABIC_SCRIPT_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


#: a letter that is Arabic-script (counted in one regex pass, not a match per letter)
_ARABIC_LETTER_RE = re.compile("(?=" + _ARABIC_SCRIPT_RE.pattern + ")" + _LETTER_RE.pattern)


def persian_ratio(text: str) -> float:
    """Share of the letters in ``text`` that are Arabic-script (0.0 if none)."""
    letters = len(_LETTER_RE.findall(text))
    if not letters:
        return 0.0
    return len(_ARABIC_LETTER_RE.findall(text)) / letters


def _compile(table):
    return [(re.compile(p), r) for p, r in table]


_WORD_RE = re.compile("[" + rules.AR_LETTER_CLASS + ZWNJ + "]+")
_PRE_CHARS = re.compile("[\u00ac\u0629\u06c0]")  # triggers of rules.PRE_RULES
_DECOR_TRIGGER = re.compile("[\u2022-\u204d\u2190-\u2bff]")
_CLITIC_SUFFIXES = frozenset({"ی", "ای", "ام", "ات", "اش"})


class Normalizer:
    """Hazm 0.10.0's normalization with character offsets, plus ZWNJ restoration.

    Args:
        restore_zwnj: put back half-spaces lost inside words («شهرداریها» →
            «شهرداری‌ها», «میتواند» → «می‌تواند»); needs the lexicon.
        persian_digits: ``True``: all digits (and %) become Persian, as in Hazm;
            ``False``: all digits become ASCII.
        correct_spacing: Hazm's spacing rules (extra spaces, punctuation,
            affixes such as «می شود» → «می‌شود», «کتاب ها» → «کتاب‌ها»).
        join_compounds: join space-separated pieces of a compound attested with
            ZWNJ (Hazm ``token_spacing``; with corpus evidence).
        remove_diacritics, remove_specials_chars, decrease_repeated_chars,
        persian_style, unicodes_replacement: as in Hazm.
        drop_spurious_zwnj: remove ZWNJ after a non-joining letter (invisible).
        separate_mi: Hazm ``seperate_mi``: «میروم» → «می‌روم» for verb forms;
            only used when ``restore_zwnj`` is off (restoration covers it).
        use_context: let the word bigram model (``data/ngram_*``, see
            :mod:`.context`) choose from the neighbouring words between
            attested spellings of a word («حرف‌های» / «حرفه‌ای») and between
            two words and one («برنامه ریزی» / «برنامه‌ریزی»).
        split_glued: split glued tokens («وامسال» → «و امسال», see
            :mod:`.glue`); needs the bigram model.
        context_margin: log-probability margin by which the context must
            prefer the joined spelling to the lexicon's half-spaced one, or
            the reverse («آنها» / «آن‌ها» is a matter of house style: the
            context rarely knows better than the lexicon's counts).
        placement_margin: the same when both spellings have a half-space in
            different places («حرف‌های» / «حرفه‌ای»: the context knows).
        model_joins: let the model join two words the lexicon's rule leaves
            apart («کلان شهری» -> «کلان‌شهری») when «X‌Y» beats «X Y» by
            ``join_margin``.  Off by default: +1.0 to +1.6 points of
            half-spaces restored in text that writes them as spaces, but the
            shipped tagger, trained on text without these joins, reacts to
            them (see README: end-to-end scores).
        join_margin: see ``model_joins``.
        split_margin: log-probability margin by which a split must beat the
            glued token.
        split_min_free: two words never seen side by side may still be
            split apart when each is seen this often (0: never); chosen on
            the tuning articles (see README.normalize.md).
        clitic_margin: the margin for a split after a clitic (``None``:
            ``split_margin``); 9 chosen on the tuning articles (10, 9, 8, 6, 4
            compared with ``split_seen_margin``).
        split_seen_margin: a glued token the corpora show on its own
            ``split_seen_min`` times or more is split only when the split
            beats the token *as seen* (its own bigram probability) by this
            log-probability margin, besides beating it as an unseen word by
            ``split_margin`` («درواقع» stays whole; ``None``: the token is
            always scored as unseen); 0 chosen on the tuning articles (0, 2,
            4, 6 compared).
        split_seen_min: see ``split_seen_margin``; 20 (1, 5, 20, 50
            compared): a token seen only a few times glued is mostly a lost
            space in the corpora themselves («استاندارفارس», «وفرمانداری»
            seen once), and keeping it whole cost entities.
        split_clitic_min_piece: how often the word after a clitic must be
            seen for a split («ودامداری» -> «و دامداری»); chosen on the
            tuning articles (1, 2, 3, 10 compared).
        data_dir: lexicon folder (default: the packaged ``data/``).
        split_junction_block: never split a glued token never seen whole
            where the junction model (:mod:`.junction`) gives a half-space at
            least this probability, even when its two words are seen side by
            side (0: off).
        junction_gate: use the junction model only in a text whose writer
            drops half-spaces (see :meth:`_loses_half_spaces`); off: in
            every text.
        zwnj_options: keyword arguments for :class:`.zwnj.ZwnjRestorer`
            (e.g. ``{"junctions": False}``: no junction model for unseen words).
        split_space_margin: in a text that writes its half-spaces (or
            writes them as spaces; :meth:`_loses_half_spaces` is False), a
            glued half-space case whose two words the corpora also write
            with a space («بهگزارش»: «به گزارش» 4,562 times, «به‌گزارش»
            twice) is split when the bigram model, with both neighbours,
            prefers the two words to every attested half-spaced spelling by
            this log-probability margin; where half-spaces are dropped the
            joined token is a lost half-space and is not split (``None``:
            never).  4 chosen on the tuning articles (0, 1, 2, 4, 8: the
            largest recall that loses no precision on either gold).

    Construction is cheap; the lexicon and the bigram model load on first
    use (about 1 s together).  One instance can be shared between threads.
    """

    def __init__(
        self,
        restore_zwnj: bool = True,
        persian_digits: bool = True,
        correct_spacing: bool = True,
        join_compounds: bool = True,
        remove_diacritics: bool = True,
        remove_specials_chars: bool = True,
        decrease_repeated_chars: bool = True,
        persian_style: bool = True,
        unicodes_replacement: bool = True,
        drop_spurious_zwnj: bool = True,
        separate_mi: bool = True,
        use_context: bool = True,
        split_glued: bool = True,
        context_margin: float = 8.0,
        placement_margin: float = 0.5,
        model_joins: bool = False,
        join_margin: float = 2.0,
        split_margin: float = 10.0,
        split_min_free: int = 30,
        clitic_margin: float | None = 9.0,
        split_space_ratio: float = 0.0,
        split_clitic_min_piece: int | None = 3,
        data_dir: str | Path | None = None,
        zwnj_options: dict | None = None,
        split_junction_block: float = 0.0,
        junction_gate: bool = True,
        split_seen_margin: float | None = 0.0,
        split_seen_min: int = 20,
        reading_margin: float | None = 2.0,
        split_space_margin: float | None = 4.0,
        split_common_keep: float | None = None,
        split_keep_inflected: bool = True,
    ) -> None:
        self.restore_zwnj = restore_zwnj
        self.persian_digits = persian_digits
        self.correct_spacing = correct_spacing
        self.join_compounds = join_compounds
        self.remove_diacritics = remove_diacritics
        self.remove_specials_chars = remove_specials_chars
        self.decrease_repeated_chars = decrease_repeated_chars
        self.persian_style = persian_style
        self.unicodes_replacement = unicodes_replacement
        self.drop_spurious_zwnj = drop_spurious_zwnj
        self.separate_mi = separate_mi
        self.data_dir = Path(data_dir) if data_dir else DATA_DIR
        self.zwnj = ZwnjRestorer(self.data_dir, **(zwnj_options or {}))
        # the glued-word splitter reads pieces with the lexicon's rules only:
        # the junction model would read two glued words as one compound
        self._zwnj_rules = ZwnjRestorer(self.data_dir, **{**(zwnj_options or {}), "junctions": False})
        self.use_context = use_context and model_available(self.data_dir)
        self.split_glued = split_glued and self.use_context
        self.context_margin = context_margin
        self.placement_margin = placement_margin
        self.model_joins = model_joins
        self.join_margin = join_margin
        self.split_margin = split_margin
        self.split_min_free = split_min_free
        self.clitic_margin = clitic_margin
        self.split_space_ratio = split_space_ratio
        self.split_clitic_min_piece = split_clitic_min_piece
        self.split_junction_block = split_junction_block
        self.junction_gate = junction_gate
        self.split_seen_margin = split_seen_margin
        self.split_seen_min = split_seen_min
        self.split_common_keep = split_common_keep
        self.split_keep_inflected = split_keep_inflected
        self.split_space_margin = split_space_margin
        self.reading_margin = reading_margin if self.use_context and spelling_model_available(self.data_dir) else None
        self._reading: SpellingModel | None = None
        self._model: BigramModel | None = None
        self._glue: GlueSplitter | None = None
        self._ambiguous: dict[str, tuple[str, ...]] = {}
        self._pair_seps: dict[tuple[str, str], str | None] = {}  # _pair_sep per word pair
        self._choices: dict = {}  # per restorer: token -> (its spelling, alternatives)

        self._char_map = rules.CHAR_MAP
        self._digit_map = rules.DIGITS_TO_PERSIAN if persian_digits else rules.DIGITS_TO_ASCII
        deletions = []
        if remove_diacritics:
            deletions.append(rules.DELETE_RULES[0])
        if remove_specials_chars:
            deletions.append(rules.DELETE_RULES[1])
        deletions.extend(rules.DELETE_RULES[2:])
        self._deletions = _compile(deletions)
        self._pre = _compile(rules.PRE_RULES)
        self._ligatures = _compile(rules.UNICODE_REPLACEMENTS)
        self._decorative = re.compile(rules.DECORATIVE)

        self._style = _compile(rules.PERSIAN_STYLE_RULES)
        self._quote_pair = re.compile(rules.QUOTE_PAIR)
        self._extra_space = _compile(rules.EXTRA_SPACE_RULES)
        self._spurious_zwnj = re.compile(rules.SPURIOUS_ZWNJ[0])
        self._punct = _compile(rules.PUNCTUATION_RULES)
        self._affix = _compile(rules.AFFIX_RULES)
        self._mi_space = re.compile(rules.MI_SPACE)
        self._repeated_word = re.compile(rules.REPEATED_WORD)
        self._repeated_letter = re.compile(rules.REPEATED_LETTER)

    # ------------------------------------------------------------------
    def normalize(self, raw: str) -> NormalizedText:
        """Normalize ``raw``; see :class:`NormalizedText` for the alignment."""
        if not isinstance(raw, str):
            raise TypeError(f"normalize() needs a str, got {type(raw).__name__}")
        t = TrackedText(raw)
        self._refine_characters(t)
        if self.persian_style:
            self._apply_persian_style(t)
        self._apply_digits(t)
        restorer = self.zwnj
        writes_half_spaces = None  # computed when a step needs it
        if self.restore_zwnj and self.junction_gate and self.zwnj.junctions:
            writes_half_spaces = not self._loses_half_spaces(t.text)
            if writes_half_spaces:
                restorer = self._zwnj_rules
        if self.split_glued and self.split_space_margin is not None and writes_half_spaces is None:
            writes_half_spaces = not self._loses_half_spaces(t.text)
        if self.drop_spurious_zwnj:
            t.sub(self._spurious_zwnj, "")
        if self.correct_spacing:
            self._apply_spacing(t)
        else:
            for pat, rep in self._extra_space[3:]:  # ZWNJ clean-up only
                t.sub(pat, rep)
        if self.decrease_repeated_chars:
            self._decrease_repeated(t)
        toks = None  # the context tokens of t.text, when still valid
        if self.split_glued:
            toks = self._split_glued(t, spaced=bool(writes_half_spaces) and self.split_space_margin is not None)
        if self.restore_zwnj:
            if self.use_context:
                self._restore_zwnj_in_context(t, restorer.restore_word, toks)
            else:
                self._restore_zwnj(t, restorer.restore_word)
        elif self.separate_mi:
            self._restore_zwnj(t, self.zwnj.separate_mi)
        return NormalizedText(raw=raw, text=t.text, to_raw=tuple(t.starts) + (len(raw),), _raw_ends=tuple(t.ends))

    __call__ = normalize

    # ------------------------------------------------------------------ model
    @property
    def model(self) -> BigramModel:
        """The word bigram model (loaded on first use)."""
        if self._model is None:
            self._model = load_model(self.data_dir)
        return self._model

    @property
    def glue(self) -> GlueSplitter:
        if self._glue is None:
            self._glue = GlueSplitter(
                self.model, self.zwnj.lexicon, margin=self.split_margin, min_free=self.split_min_free,
                restore=self._zwnj_rules.restore_word, clitic_margin=self.clitic_margin, names=_name_pieces(),
                space_ratio=self.split_space_ratio, clitic_min_piece=self.split_clitic_min_piece,
                junction_probs=self.zwnj.junction_probs if self.split_junction_block else None,
                junction_block=self.split_junction_block, seen_margin=self.split_seen_margin,
                seen_min=self.split_seen_min, space_margin=self.split_space_margin,
                common_keep=self.split_common_keep, keep_inflected=self.split_keep_inflected,
            )
        return self._glue

    # ------------------------------------------------------------------ steps
    def _refine_characters(self, t: TrackedText) -> None:
        if _PRE_CHARS.search(t.text):
            for pat, rep in self._pre:
                t.sub(pat, rep)
        t.translate(self._char_map)
        for pat, rep in self._deletions:
            t.sub(pat, rep, absorb=True)
        if self.remove_specials_chars and _DECOR_TRIGGER.search(t.text):
            t.sub(self._decorative, rules.BULLET)
        if self.unicodes_replacement:
            for pat, rep in self._ligatures:
                t.sub(pat, rep)

    def _apply_persian_style(self, t: TrackedText) -> None:
        if '"' in t.text:
            # paired ASCII quotes on a line -> «...» (two one-char edits per pair)
            t.sub_edits(self._quote_pair, lambda m: [(m.start(), m.start() + 1, "«"), (m.end() - 1, m.end(), "»")])
        if "." in t.text:
            for pat, rep in self._style:
                t.sub(pat, rep)

    def _apply_digits(self, t: TrackedText) -> None:
        text = t.text
        protected = [m.span() for m in rules.URL_OR_EMAIL.finditer(text)] if ("@" in text or "/" in text or "www" in text) else []
        if not protected:
            t.text = text.translate(self._digit_map)
            return
        out, pos = [], 0
        for a, b in protected:
            out.append(text[pos:a].translate(self._digit_map))
            out.append(text[a:b])
            pos = b
        out.append(text[pos:].translate(self._digit_map))
        t.text = "".join(out)  # one char -> one char: offsets unchanged

    def _apply_spacing(self, t: TrackedText) -> None:
        for i, (pat, rep) in enumerate(self._extra_space):
            if i >= 3 and ZWNJ not in t.text:
                break  # the last rules only clean up ZWNJs
            t.sub(pat, rep)
        if self.join_compounds:
            self._token_spacing(t)
        # «می شود» -> «می‌شود» when the next word is a verb form
        t.sub(self._mi_space, self._mi_repl)
        for pat, rep in self._affix:
            if rep == "JOIN":
                t.sub(pat, self._join_sep)
            else:
                t.sub(pat, rep)
        for pat, rep in self._punct:
            t.sub(pat, rep)
        t.sub(self._extra_space[0][0], " ")

    def _loses_half_spaces(self, text: str) -> bool:
        """Does the writer of ``text`` drop half-spaces (the junction model's
        condition, ``junction_gate``)?  True when a word is written with a
        lost one (a joined «(ن)می» + verb form or a joined plural of a known
        word: «میشود», «سالهای»), or when the text shows no evidence either
        way (no half-space at all and no affix split off by a space).  False
        for text that writes its half-spaces, or writes them as spaces
        («می شود», «سال ها»): a joined word there is joined on purpose."""
        zwnj = self.zwnj
        lex = zwnj.lexicon
        spaced = False
        prev = ""
        for m in _WORD_RE.finditer(text):
            w = m.group()
            if ZWNJ not in w and zwnj.lost_half_space(w):
                return True
            if (prev in ("می", "نمی") and zwnj.is_verb_body(w)) or (w in _SPACED_PLURALS and lex.known(prev, 2)):
                spaced = True
            prev = w
        return not spaced and ZWNJ not in text

    def _mi_repl(self, m: "re.Match[str]") -> str | None:
        nxt = m.group(2)
        if self.zwnj.is_verb_body(nxt) or self.zwnj.known(m.group(1) + ZWNJ + nxt):
            # replace only the space: the match is «می » -> «می‌»
            return m.group(1) + ZWNJ
        return None

    @staticmethod
    def _join_sep(m: "re.Match[str]") -> str:
        """Separator replacing a space before a suffix: ZWNJ after a joining letter."""
        prev = m.string[m.start() - 1] if m.start() else ""
        return ZWNJ if prev and joins_next(prev) else ""

    def _token_spacing(self, t: TrackedText) -> None:
        """Hazm ``token_spacing``: join «X Y» when «X‌Y» is one word.

        Hazm joins when «X‌Y» is in its word/verb list, or when Y is a suffix
        and X a word.  We also require the joined form to be more frequent than
        the two separate words in the corpora (so «به کار» stays), and use no
        ZWNJ after a non-joining letter.
        """
        text = t.text
        if " " not in text:
            return
        edits = []
        cache = self._pair_seps
        words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]
        n = len(words)
        left = ""  # the current left word (with the joins made so far)
        pend = -2  # where the previous word ends
        for i, (a, b, right) in enumerate(words):
            if pend + 1 == a and text[pend] == " ":
                if right == "زاده":  # the only pair whose answer depends on the next word
                    sep = self._pair_sep(left, right, words[i + 1][2] if i + 1 < n else "")
                else:
                    key = (left, right)
                    sep = cache.get(key, _MISSING)
                    if sep is _MISSING:
                        sep = self._pair_sep(left, right)
                        if len(cache) < 300_000:
                            cache[key] = sep
                if sep is not None:
                    edits.append((pend, a, sep))
                    left = left + sep + right
                    pend = b
                    continue
            left = right
            pend = b
        if edits:
            t.apply(edits)

    def _pair_sep(self, left: str, right: str, nxt: str = "") -> str | None:
        if len(left) < 2 or ZWNJ in right:
            return None
        last = left[-1]
        if right in rules.HAZM_SUFFIXES:
            if not self.zwnj.known(left.split(ZWNJ)[-1]) and not self.zwnj.known(left):
                return None
            if right in _CLITIC_SUFFIXES:
                return ZWNJ if last == "ه" else None
            return ZWNJ if joins_next(last) else ""
        if (right in rules.NAME_BOUND_PIECES and left not in rules.NAME_PIECE_BLOCKERS and ZWNJ not in left
                and not (right == "زاده" and nxt in rules.BORN_VERBS)):  # «در تهران زاده شد»
            return ZWNJ if joins_next(last) else ""
        if not joins_next(last):
            return None
        joined, spaced = self.zwnj.join_score(left, right)
        if self.use_context and self.model_joins:
            return ZWNJ if self._join_in_context(left, right, joined, spaced) else None
        if joined >= 3 and joined > spaced:
            return ZWNJ
        return None

    def _join_in_context(self, left: str, right: str, joined: float, spaced: float) -> bool:
        """«left‌right» vs «left right»: the lexicon's rule (the joined form
        seen at least 3 times and more often than the spaced one), or the
        bigram model by more than ``join_margin`` (neighbours are not used
        here: the pair itself carries the evidence)."""
        if joined >= 3 and joined > spaced:
            return True
        if not self.model_joins:
            return False
        m = self.model
        form = left + ZWNJ + right
        if m.count(form) == 0:
            return False
        return m.logp(form, BOS) - (m.logp(left, BOS) + m.logp(right, left)) > self.join_margin

    def _decrease_repeated(self, t: TrackedText) -> None:
        """Hazm ``decrease_repeated_chars``: «سلامممم» -> «سلام» (lexicon-checked)."""

        def fix(m: "re.Match[str]") -> str | None:
            word = m.group()
            if self.zwnj.known(word):
                return None
            one = self._repeated_letter.sub(r"\1", word)
            two = self._repeated_letter.sub(r"\1\1", word)
            if self.zwnj.known(one) != self.zwnj.known(two):
                return one if self.zwnj.known(one) else two
            return two

        edits = []
        text = t.text
        for run in self._repeated_letter.finditer(text):  # cheap scan for 3+ repeats first
            m = self._repeated_word.match(text, _word_start(text, run.start()))
            if m is None or (edits and m.start() < edits[-1][1]):
                continue
            new = fix(m)
            if new is None or new == m.group():
                continue
            edits.extend(_deletion_edits(m.start(), m.group(), new))
        if edits:
            t.apply(edits, absorb=True)

    def _restore_zwnj(self, t: TrackedText, restore) -> None:
        edits = []
        for m in _WORD_RE.finditer(t.text):
            word = m.group()
            new = restore(word)
            if new != word:
                edits.extend(_insertion_edits(m.start(), word, new))
        if edits:
            t.apply(edits)


    # ------------------------------------------------------------------ context passes
    def _split_glued(self, t: TrackedText, spaced: bool = False) -> list | None:
        """Insert a space inside glued tokens (see :mod:`.glue`); with
        ``spaced`` (a text that writes its half-spaces, or writes them as
        spaces), also inside a half-space case the context reads as two
        words (``split_space_margin``: «بهطور کلی» -> «به طور کلی»)."""
        toks = _context_tokens(t.text)
        glue = self.glue
        edits = []
        text = t.text
        for k, (a, b, tok, is_word) in enumerate(toks):
            if not is_word or not (glue.candidates(tok) or (spaced and glue.spaced_readings(tok))):
                continue
            if (a and text[a - 1] in _HANDLE_CHARS) or (b < len(text) and text[b] in _HANDLE_CHARS):
                continue  # hashtags and handles are glued on purpose («#مشهدبیمه_همتا»)
            prev = toks[k - 1][2] if k else BOS
            nxt = toks[k + 1][2] if k + 1 < len(toks) else BOS
            split = glue.split(tok, prev, nxt, spaced=spaced)
            if split is not None:
                c = a + glue.cut(tok, split[0])
                edits.append((c, c, " "))
        if edits:
            t.apply(edits)
            return None
        return toks  # the text is unchanged: its tokens can be reused

    def _restore_zwnj_in_context(self, t: TrackedText, restore=None, toks=None) -> None:
        """ZWNJ restoration; where several spellings of a word are attested,
        the bigram model picks one from the neighbouring words (``toks``:
        the context tokens of ``t.text`` if already known)."""
        if toks is None:
            toks = _context_tokens(t.text)
        restore = restore or self.zwnj.restore_word
        # (the restorer's spelling of a token, the other spellings the context may prefer)
        choices = self._choices.get(restore)
        if choices is None:
            choices = self._choices[restore] = {}
        edits = []
        prev = BOS
        outs: dict[int, str] = {}
        for k, (a, b, tok, is_word) in enumerate(toks):
            if not is_word:
                prev = tok
                continue
            got = choices.get(tok)
            if got is None:
                got = (restore(tok), self._alternatives(tok, restore(tok)))
                if len(choices) < 200_000:
                    choices[tok] = got
            new, alts = got
            if alts:
                nxt = toks[k + 1][2] if k + 1 < len(toks) else BOS
                m = self.model
                chosen = new
                base = m.score([new], prev, nxt)
                best = base
                for alt in alts:
                    both_zwnj = ZWNJ in alt and ZWNJ in chosen
                    s = m.score([alt], prev, nxt) - (self.placement_margin if both_zwnj else self.context_margin)
                    if s > best:
                        new, best = alt, s
            if self.reading_margin is not None and tok.endswith("های") and ZWNJ not in tok:
                new = self._reading_in_context(toks, k, outs, tok, new, restore)
            if new != tok:
                edits.extend(_zwnj_edits(a, tok, new))
            prev = new
            outs[k] = new
        if edits:
            t.apply(edits)

    def _reading_in_context(self, toks, k: int, outs: dict[int, str], tok: str, choice: str, restore) -> str:
        """«X‌های» or «Xه‌ای» for a joined «Xهای» when X and «Xه» are both
        words: the spelling model (:mod:`.spelling`) reads the three words on
        either side; the other reading replaces the one chosen so far (by the
        bigram model, else the lexicon) when it scores ``reading_margin``
        more."""
        pair = reading_pair(tok)
        if pair is None:
            return choice
        base = restore(tok)
        if base not in pair and choice not in pair:
            return choice
        plural, indef = pair
        lex = self.zwnj.lexicon
        stem = tok[:-3]
        if not (lex.known(stem, 2) and lex.known(stem + "ه", 2)):
            return choice
        left: list[str] = []
        for j in range(k - 1, max(-1, k - 4), -1):
            if toks[j][2] == BOS:
                break
            left.append(outs.get(j, toks[j][2]))
        left.reverse()
        right: list[str] = []
        for j in range(k + 1, min(len(toks), k + 4)):
            w = toks[j][2]
            if w == BOS:
                break
            right.append(restore(w) if toks[j][3] else w)
        feats = window_features(left, right)
        rm = self.reading_model
        n = lex.n
        s_plural = rm.score(plural, feats, n.get(plural, 0) + 0.5)
        s_indef = rm.score(indef, feats, n.get(indef, 0) + 0.5)
        current = choice if choice in pair else base  # the bigram model's choice, else the lexicon's
        if current == plural:
            return indef if s_indef - s_plural > self.reading_margin else plural
        return plural if s_plural - s_indef > self.reading_margin else indef

    @property
    def reading_model(self) -> SpellingModel:
        """The spelling-in-context model (loaded on first use)."""
        if self._reading is None:
            self._reading = load_spelling_model(self.data_dir, self.model)
        return self._reading

    def _alternatives(self, word: str, choice: str) -> tuple[str, ...]:
        """Other spellings of ``word`` the context may prefer to ``choice``."""
        alts = self._ambiguous.get(word)
        if alts is None:
            m = self.model
            if m.count(choice) == 0 and choice != word:
                alts = ()
            else:
                alts = tuple(s for s in self.zwnj.spellings(word) if s != choice and m.count(s) >= 2)
            if len(self._ambiguous) < 200_000:
                self._ambiguous[word] = alts
        return alts


def _name_pieces() -> frozenset[str]:
    """Given names and name particles (``pipeline/lexicons``), joined and as
    their parts: pieces a glued token is never freely split into."""
    from ..lexicons import load_lexicon

    out = set()
    for name in ("given_names", "name_particles"):
        for w in load_lexicon(name):
            out.add(w.replace(ZWNJ, ""))
            out.add(w)
    return frozenset(out)


_TOKENS = tokenizer_pattern()
_MISSING = object()
_SPACED_PLURALS = frozenset({"ها", "های", "هایی"})
_HANDLE_CHARS = frozenset("#@_")


def _context_tokens(text: str) -> list[tuple[int, int, str, bool]]:
    """``(start, end, model token, is an Arabic-script word)``; a line break
    between two tokens is a ``<s>`` token."""
    out: list[tuple[int, int, str, bool]] = []
    append = out.append
    nl = text.find("\n")  # the next line break at or after ``last``
    for m in _TOKENS.finditer(text):
        a, b = m.span()
        if 0 <= nl < a:
            if out:
                append((a, a, BOS, False))
            nl = text.find("\n", b)
        li = m.lastindex  # the pattern is three groups, one per alternative
        if li == 1:
            append((a, b, m.group(), True))
        else:
            append((a, b, NUM if li == 2 else PUNCT, False))
    return out


def _zwnj_edits(offset: int, old: str, new: str) -> list[tuple[int, int, str]]:
    """Edits turning ``old`` into ``new`` when both differ only in ZWNJs."""
    if ZWNJ not in old:
        return _insertion_edits(offset, old, new)
    edits, i, j = [], 0, 0
    while i < len(old) or j < len(new):
        if i < len(old) and j < len(new) and old[i] == new[j]:
            i += 1
            j += 1
        elif j < len(new) and new[j] == ZWNJ:
            edits.append((offset + i, offset + i, ZWNJ))
            j += 1
        elif i < len(old) and old[i] == ZWNJ:
            edits.append((offset + i, offset + i + 1, ""))
            i += 1
        else:  # pragma: no cover - spellings share their letters
            raise AssertionError(f"unexpected change {old!r} -> {new!r}")
    return edits


def _word_start(text: str, i: int) -> int:
    """Start of the run of Persian letters containing ``text[i]``."""
    while i > 0 and text[i - 1] in rules.FA_LETTERS:
        i -= 1
    return i


def _insertion_edits(offset: int, old: str, new: str) -> list[tuple[int, int, str]]:
    """Edits turning ``old`` into ``new`` when ``new`` only adds ZWNJs."""
    edits, i = [], 0
    for ch in new:
        if i < len(old) and old[i] == ch:
            i += 1
        elif ch == ZWNJ:
            edits.append((offset + i, offset + i, ZWNJ))
        else:  # pragma: no cover - restore_word only inserts ZWNJ
            raise AssertionError(f"unexpected change {old!r} -> {new!r}")
    return edits


def _deletion_edits(offset: int, old: str, new: str) -> list[tuple[int, int, str]]:
    """Edits turning ``old`` into ``new`` when ``new`` only drops characters."""
    edits, j = [], 0
    for i, ch in enumerate(old):
        if j < len(new) and new[j] == ch:
            j += 1
        else:
            edits.append((offset + i, offset + i + 1, ""))
    return edits


_default: Normalizer | None = None
_default_lock = threading.Lock()


def default_normalizer() -> Normalizer:
    """The shared default :class:`Normalizer` (created on first use)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Normalizer()
    return _default


def normalize(raw: str) -> NormalizedText:
    """Normalize ``raw`` with the default :class:`Normalizer`."""
    return default_normalizer().normalize(raw)
