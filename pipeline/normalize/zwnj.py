"""Half-space (ZWNJ) restoration for Persian words written without their ZWNJ.

Scraped text often loses its ZWNJ: «شهرداریها», «میتواند», «برنامهریزی».
Hazm does not repair this.  :class:`ZwnjRestorer` decides, word by word,
between the joined spelling and spellings with ZWNJ, from counts of how the
forms are written in correctly written text (``data/lexicon.cols.gz``, built
by ``scripts/build_zwnj_lexicon.py`` from Hazm's word list and the staged news
corpora).

For a word ``w`` (letters only, maybe with some ZWNJ already) the candidates
are:

* **attested** spellings: forms in the lexicon that equal ``w`` once their
  ZWNJs are removed («شهرداری‌ها», «نایب‌رئیس», «به‌کار»);
* **verb** forms: ``(preverb)(ن)می + verb body`` where the body is a
  conjugated stem from Hazm's verb list or seen after «می‌» in the corpora
  («میتوانند» → «می‌توانند», «برمیگردد» → «برمی‌گردد»);
* **compound**: two words seen 5+ times, at a boundary the corpora mostly
  write with a half-space (before a compound head «گرایی»: «قبیله‌گرایی»,
  after a first part, or after an ending such as a silent «ه»;
  :meth:`Lexicon.heads`);
* **stem + suffix**: a known stem (itself maybe restored) plus a suffix that
  takes a ZWNJ (ها/های/هایی/هاست/.., تر/ترین/تری, surname parts
  پور/زاده/نژاد/نیا/فرد/راد/منش/آبادی, and after ه or ی the clitics
  ای/ام/اش/ات/اند/ایم/اید/است, plus a lone «ی» after a silent ه: «مجله‌ی»).  An unseen derived form scores
  ``count(stem) * ratio(suffix)``, where ``ratio`` is how often stems are seen
  with that suffix in the corpora.

A word never seen in any spelling also goes to the junction model
(:mod:`.junction`, ``junctions=True``): every junction it gives at least
``junction_add`` gets a half-space, on top of the candidates above; never
after a «(ن)می» that is followed by no verb body of the lexicon
(``junction_mi_verbs``: «میرسلیمان», «میزبانان» stay joined).

The joined spelling scores its own corpus count (plus Hazm's frequency scaled
to the corpus).  The best candidate wins only if it beats the joined spelling,
so frequent joined words stay as they are (the build script counts the joined
spelling of a contested word only in lines that show no lost ZWNJs, so
old-orthography text does not outvote modern spelling): «تنها» (not «تن‌ها»), «آنها»,
«بیمار» (not «بی‌مار»), «همسر», «میهن».  A ZWNJ is only ever placed after a
letter that joins to the next one.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from . import rules
from .rules import zwnj_positions
from .junction import candidate_junctions, junction_features, junction_model_available, load_junction_model

ZWNJ = rules.ZWNJ
DATA_DIR = Path(__file__).parent / "data"
LEXICON_FILE = "lexicon.cols.gz"

_NON_JOINING = set(
    "ءآأؤإاةدذرزژوۀە\u0671\u0672\u0673\u0675"
    + "".join(chr(c) for c in range(0x0688, 0x069A))
    + "".join(chr(c) for c in range(0x06C4, 0x06CC))
    + "\u06cd\u06cf\u06d2\u06d3"
)


def joins_next(ch: str) -> bool:
    """True if an Arabic-script letter ``ch`` connects to the letter after it."""
    return ch not in _NON_JOINING


def canonical_word(tok: str) -> str:
    """Canonical spelling of a word's ZWNJs: none at the edges, no doubles,
    none after a non-joining letter (there it is invisible)."""
    if ZWNJ not in tok:
        return tok
    parts = [p for p in tok.split(ZWNJ) if p]
    if not parts:
        return ""
    out = [parts[0]]
    for p in parts[1:]:
        if joins_next(out[-1][-1]):
            out.append(ZWNJ)
        out.append(p)
    return "".join(out)


#: Suffixes written after a ZWNJ, by group (a group shares one ratio).
SUFFIX_GROUPS: dict[str, frozenset[str]] = {
    # plural ها and what attaches to it
    "ha": frozenset(
        {
            "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان",
            "هاست", "هایند",
        }
    ),
    # comparative / superlative
    "tar": frozenset({"تر", "ترین", "تری", "ترها", "ترهای", "تران"}),
    # -gar / -gari (Hazm lists گر, گری)
    "gar": frozenset({"گر", "گری", "گرها", "گرهای", "گران"}),
    # parts of surnames («نجف‌پور», «خطیب‌زاده», «رمضان‌نژاد»)
    "name": frozenset({"پور", "زاده", "نژاد", "نیا", "فرد", "راد", "منش", "آبادی"}),
    # clitics and copula after a word ending in ه or ی («نامه‌ای», «گفته‌اند», «زندگی‌اش»)
    "clitic": frozenset({"ای", "ام", "ات", "اش", "ایم", "اید", "اند", "است", "ایی", "اییم", "اشان", "امان", "اتان", "ی"}),
}
_SUFFIX_GROUP_OF = {s: g for g, ss in SUFFIX_GROUPS.items() for s in ss}
_MAX_SUFFIX = max(len(s) for s in _SUFFIX_GROUP_OF)
#: Suffix groups that only follow a stem ending in one of these letters.
_CLITIC_AFTER = frozenset("هی")

#: Verb prefixes: durative «می», negative «نمی», with the usual preverbs.
_MI_PREFIXES = ("نمی", "می")
_PREVERBS = ("", "بر", "در", "فرا", "باز", "وا", "فرو", "ور")
_PERSON_PRESENT = ("م", "ی", "د", "یم", "ید", "ند")
_PERSON_PAST = ("م", "ی", "", "یم", "ید", "ند")

_WORD_RE = re.compile("[" + rules.AR_LETTER_CLASS + ZWNJ + "]+")


@dataclass
class Lexicon:
    """Counts loaded from ``data/`` (see ``scripts/build_zwnj_lexicon.py``)."""

    n: dict[str, int]  # corpus count of the exact form
    h: dict[str, float]  # Hazm frequency on the corpus scale (0.5 for listed-without-frequency)
    b: dict[str, int]  # spaced count of a ZWNJ form («برنامه ریزی»)
    variants: dict[str, tuple[str, ...]]  # joined spelling -> attested ZWNJ spellings
    verb_bodies: frozenset[str]  # what can follow «می‌»
    participles: frozenset[str]  # past stem + ه («گفته», «داشته»)
    ratio: dict[str, float]  # suffix group -> ratio
    _heads: tuple | None = None  # see heads()

    def heads(self) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
        """How often a boundary between two words is written with a half-space:
        ``(right piece -> share, left piece -> share, ending of the left piece
        (:func:`_end_class`) -> share)``, counted over the corpus forms whose pieces are
        words seen twice or more (``X‌Y`` with a half-space vs ``XY`` joined;
        a half-spaced form written with a space at least as often is not
        counted); a piece needs 3 half-spaced forms to get a share.
        Computed once."""
        got = self._heads
        if got is not None:
            return got
        n = self.n
        bound = set().union(*SUFFIX_GROUPS.values())
        zr: dict[str, int] = {}
        zl: dict[str, int] = {}
        zc: dict[str, int] = {}
        for f in n:
            if ZWNJ not in f:
                continue
            segs = f.split(ZWNJ)
            if len(segs) != 2 or segs[1] in bound or segs[0] in _MI_PREFIXES:
                continue
            left, right = segs
            if n.get(f, 0) <= self.b.get(f, 0):
                continue  # written as two words more often: not a compound («آقای محمد»)
            if n.get(left, 0) >= 2 and n.get(right, 0) >= 2:
                zr[right] = zr.get(right, 0) + 1
                zl[left] = zl.get(left, 0) + 1
                key = _end_class(left)
                zc[key] = zc.get(key, 0) + 1
        jr = dict.fromkeys((r for r, c in zr.items() if c >= 3), 0)
        jl = dict.fromkeys((x for x, c in zl.items() if c >= 3), 0)
        jc: dict[str, int] = {}
        for w, c in n.items():
            if ZWNJ in w or c < 2:
                continue
            for i in range(2, len(w) - 1):
                left, right = w[:i], w[i:]
                if not joins_next(left[-1]) or n.get(left, 0) < 2 or n.get(right, 0) < 2 or right in bound:
                    continue
                if right in jr:
                    jr[right] += 1
                if left in jl:
                    jl[left] += 1
                key = _end_class(left)
                jc[key] = jc.get(key, 0) + 1
        rs = {r: zr[r] / (zr[r] + j) for r, j in jr.items()}
        ls = {x: zl[x] / (zl[x] + j) for x, j in jl.items()}
        cs = {ch: c / (c + jc.get(ch, 0)) for ch, c in zc.items() if c >= 20}
        self._heads = (rs, ls, cs)
        return self._heads

    def score(self, form: str) -> float:
        """Evidence that ``form`` is written exactly so."""
        return self.n.get(form, 0) + self.h.get(form, 0.0)

    def known(self, word: str, min_count: int = 1) -> bool:
        """Is ``word`` a word (in Hazm's list, or seen ``min_count`` times)?"""
        return word in self.h or self.n.get(word, 0) >= min_count

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> "Lexicon":
        meta = json.loads((data_dir / "lexicon_meta.json").read_text(encoding="utf-8"))
        scale = float(meta["hazm_scale"])
        with gzip.open(data_dir / LEXICON_FILE, "rt", encoding="utf-8") as fh:
            data = fh.read()
        # column-wise file (see scripts/build_zwnj_lexicon.py): a few splits
        cols = {}
        for section in data.split("\n## ")[1:]:
            name, _, body = section.partition("\n")
            cols[name] = body.rstrip("\n").split("\n")
        forms, ns, hs, bs = cols["form"], cols["n"], cols["h"], cols["b"]
        n = {f: int(x) for f, x in zip(forms, ns) if x}
        h = {f: max(0.5, int(x) * scale) for f, x in zip(forms, hs) if x}
        zforms = [(f, x) for f, x in zip(forms, bs) if ZWNJ in f]
        b = {f: int(x) for f, x in zforms if x}
        variants: dict[str, list[str]] = {}
        for f, _ in zforms:
            variants.setdefault(f.replace(ZWNJ, ""), []).append(f)
        bodies: set[str] = set()
        participles: set[str] = set()
        with open(data_dir / "verb_stems.tsv", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or "\t" not in line:
                    continue
                past, present = line.rstrip("\n").split("\t")
                if present:
                    bodies.update(present + e for e in _PERSON_PRESENT)
                if past:
                    bodies.update(past + e for e in _PERSON_PAST)
                    participles.update((past + "ه", "ن" + past + "ه"))
        # bodies seen after «می‌»/«نمی‌» in the corpora (compound and prefixed verbs)
        for form, _ in zforms:
            if form.startswith(("می" + ZWNJ, "نمی" + ZWNJ)):
                body = form.split(ZWNJ, 1)[1]
                if ZWNJ not in body:
                    bodies.add(body)
        bodies = {x for x in bodies if len(x) >= 2}
        lex = cls(
            n=n,
            h=h,
            b=b,
            variants={k: tuple(v) for k, v in variants.items()},
            verb_bodies=frozenset(bodies),
            participles=frozenset(participles),
            ratio={k: float(v) for k, v in meta["suffix_ratio"].items()},
        )
        lex.heads()  # at load time (about 0.2 s), not in the middle of a text
        return lex


_LEXICONS: dict[Path, Lexicon] = {}
_LEXICONS_LOCK = threading.Lock()


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """The lexicon of ``data_dir``, loaded once per process and shared."""
    key = Path(data_dir).resolve()
    with _LEXICONS_LOCK:
        lex = _LEXICONS.get(key)
        if lex is None:
            lex = _LEXICONS[key] = Lexicon.load(key)
        return lex


class ZwnjRestorer:
    """Decide ZWNJ positions in words; thread-safe, lexicon loaded lazily.

    ``margin``: a spelling with ZWNJ must score more than ``margin`` times the
    joined spelling to replace it (after «(ن)می»; ``suffix_margin`` before a
    plural or comparative suffix, ``compound_margin`` for other compounds).
    ``compounds``: an unseen word made of two words seen ``compound_min``
    times gets a half-space where the corpora write one at that kind of
    boundary at least ``compound_share`` of the time (:meth:`Lexicon.heads`).
    ``min_evidence``: the least score an unseen word's clitic, surname or
    comparative half-space needs (the plural needs none).  The defaults were
    chosen on the tuning articles (README: normalization).
    """

    def __init__(
        self,
        data_dir: Path = DATA_DIR,
        margin: float = 1.5,
        cache_size: int = 200_000,
        spaced_weight: float = 0.0,
        compound_margin: float | None = 1.2,
        suffix_margin: float | None = None,
        hazm_prior: float = 0.0,
        compounds: bool = True,
        compound_min: int = 5,
        compound_share: float = 0.9,
        min_evidence: float = 0.2,
        junctions: bool = True,
        junction_add: float = 0.6,
        junction_keep: float = 0.0,
        junction_mi_verbs: bool = True,
    ):
        self._data_dir = Path(data_dir)
        self.spaced_weight = spaced_weight
        self.compound_margin = margin if compound_margin is None else compound_margin
        self.suffix_margin = margin if suffix_margin is None else suffix_margin
        self.hazm_prior = hazm_prior
        self.compounds = compounds
        self.compound_min = compound_min
        self.compound_share = compound_share
        self.min_evidence = min_evidence
        self.junction_add = junction_add
        self.junction_keep = junction_keep
        self.junction_mi_verbs = junction_mi_verbs
        self.junctions = junctions
        self._jmodel = None
        self._bigrams = None
        self._qualified_cache: tuple | None = None
        self._lex: Lexicon | None = None
        self._lock = threading.Lock()
        self.margin = margin
        self._cache: dict[str, str] = {}
        self._cache_size = cache_size

    @property
    def lexicon(self) -> Lexicon:
        lex = self._lex
        if lex is None:
            with self._lock:
                if self._lex is None:
                    self._lex = load_lexicon(self._data_dir)
                lex = self._lex
        return lex

    # ------------------------------------------------------------------
    def restore_word(self, word: str) -> str:
        """The best spelling of ``word`` (same letters, ZWNJs maybe added)."""
        if len(word) < 3:
            return word
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        out = self._decide(word)
        if len(self._cache) < self._cache_size:
            self._cache[word] = out
        return out

    def separate_mi(self, word: str) -> str:
        """Hazm ``seperate_mi``: only «(ن)می» + verb body, no other restoration."""
        if ZWNJ in word or len(word) < 4:
            return word
        for pre in _MI_PREFIXES:
            if word.startswith(pre) and word[len(pre):] in self.lexicon.verb_bodies:
                return pre + ZWNJ + word[len(pre):]
        return word

    def lost_half_space(self, word: str) -> bool:
        """``word`` (no ZWNJ) is written with a lost half-space beyond doubt:
        «(ن)می» + a verb body, or a plural «ها/های/هایی» of a word seen twice
        that ends in a joining letter, when the joined form is itself no word
        (not seen, not in Hazm's list): «میشود», «سالهای»."""
        if len(word) < 5:
            return False
        lex = self.lexicon
        if lex.n.get(word, 0) or lex.h.get(word, 0.0):
            return False
        for pre in _MI_PREFIXES:
            if word.startswith(pre) and word[len(pre):] in lex.verb_bodies:
                return True
        for suf in ("هایی", "های", "ها"):
            if word.endswith(suf):
                stem = word[: -len(suf)]
                return len(stem) >= 3 and joins_next(stem[-1]) and lex.n.get(stem, 0) >= 2
        return False

    def is_verb_body(self, word: str) -> bool:
        return word in self.lexicon.verb_bodies

    def join_score(self, left: str, right: str) -> tuple[float, float]:
        """(evidence for «left‌right» as one word, evidence for «left right»)."""
        lex = self.lexicon
        form = left + ZWNJ + right
        return lex.score(form), float(lex.b.get(form, 0))

    def known(self, word: str) -> bool:
        return self.lexicon.known(word)

    def spellings(self, word: str) -> tuple[str, ...]:
        """Every attested spelling of ``word``'s letters that keeps its ZWNJs
        (the joined one included when seen joined): what a context model may
        choose from.  Empty for short words."""
        if len(word) < 3:
            return ()
        lex = self.lexicon
        stripped = word.replace(ZWNJ, "")
        existing = zwnj_positions(word)
        out = [v for v in lex.variants.get(stripped, ()) if lex.n.get(v, 0) > 0 and existing <= zwnj_positions(v)]
        if lex.n.get(word, 0) > 0 and word not in out:
            out.append(word)
        return tuple(out)

    # ------------------------------------------------------------------
    def _decide(self, word: str) -> str:
        lex = self.lexicon
        stripped = word.replace(ZWNJ, "")
        existing = zwnj_positions(word)

        def allowed(form: str) -> bool:
            return form != word and existing <= zwnj_positions(form)

        # 1. spellings attested in the corpora: majority vote against the joined one
        # (``hazm_prior``: Hazm's frequencies, on the corpus scale, added to
        # both sides)
        hp = self.hazm_prior
        kept = lex.n.get(word, 0)
        kept_prior = kept + hp * lex.h.get(word, 0.0)
        # (``spaced_weight``: let a spaced spelling «این گونه» count, partly,
        # for «این‌گونه»; off by default: on a held-out outlet 0.5 gave +0.5
        # points restored but +0.4 spurious per 1,000 words)
        sw = self.spaced_weight
        attested = [
            (lex.n.get(v, 0) + sw * lex.b.get(v, 0) + hp * lex.h.get(v, 0.0), v)
            for v in lex.variants.get(stripped, ())
            if allowed(v)
        ]
        best_n, best = max(attested, default=(0, ""))
        if best_n > 0 and lex.n.get(best, 0) > 0:
            return best if best_n > self._margin_for(best) * kept_prior else word
        # 2. seen joined (or a Hazm word) and never with ZWNJ: a real joined
        #    word («بهترین», «الهام»), since the corpora mostly write ZWNJ ...
        if kept > 0 or lex.h.get(word, 0.0) > 0.5:
            # ... unless it is a plural of a known noun seen less often
            # joined than its plural is expected to occur («قسمتها»,
            # «جوانهای»; the joined count is then lost ZWNJs, while
            # «تنها», «آنها» are far more frequent than «تن», «آن» predict)
            plural = self._plural_reading(stripped)
            if plural and allowed(plural[0]) and kept <= 3 and kept < plural[1]:
                return plural[0]
            return word
        # 3. unseen: Hazm-listed ZWNJ spellings, verb forms, stem + suffix,
        #    two known words with a compound head between them; a word that
        #    already has half-spaces competes with its own score (so
        #    «محله‌هایی» does not become «محل‌ه‌هایی»)
        cands = self._candidates(stripped)
        if self.compounds and len(stripped) >= 5:
            for form, sc in self._compounds(stripped).items():
                if sc > cands.get(form, 0.0):
                    cands[form] = sc
        # (``min_evidence``: an unseen word takes a clitic, surname or
        # comparative half-space only with that much evidence; the plural
        # «ها» is productive and needs none: «پاپتی‌ها», but not «الای‌ام»)
        best, best_score = word, cands.get(word, 0.0)
        for form, sc in cands.items():
            if allowed(form) and sc > best_score and (sc >= self.min_evidence or form.rsplit(ZWNJ, 1)[-1] in SUFFIX_GROUPS["ha"]):
                best, best_score = form, sc
        if self.junctions:
            best = self._junction_decision(stripped, existing, best)
        return best

    def junction_probs(self, stripped: str) -> dict[int, float]:
        """P(half-space) of each candidate junction of the joined letters
        ``stripped`` by the junction model (:mod:`.junction`); empty without it."""
        jm = self._junction_model()
        if jm is None:
            return {}
        lex = self.lexicon
        score = lex.score
        pair = self._pair_count
        return {
            i: jm.prob(junction_features(stripped, i, score, pair, jm.stats))
            for i in candidate_junctions(stripped, lambda p: score(p) >= 2)
        }

    def _junction_decision(self, stripped: str, existing: frozenset[int], rule_form: str) -> str:
        """An unseen word's half-spaces: the rules' ones the junction model
        gives at least ``junction_keep``, plus every junction it gives
        ``junction_add`` or more; half-spaces already written stay."""
        probs = self.junction_probs(stripped)
        if probs and self.junction_mi_verbs:
            probs = {i: p for i, p in probs.items() if not self._unknown_verb_after_mi(stripped, i)}
        if not probs:
            return rule_form
        rule = zwnj_positions(rule_form)
        keep = {i for i in rule if probs.get(i, 1.0) >= self.junction_keep}
        add = {i for i, p in probs.items() if p >= self.junction_add}
        chosen = _one_reading(existing, keep | add, probs)
        if chosen == rule:
            return rule_form
        out = []
        for k, ch in enumerate(stripped):
            if k in chosen and k and joins_next(stripped[k - 1]):
                out.append(ZWNJ)
            out.append(ch)
        return "".join(out)

    def _unknown_verb_after_mi(self, s: str, i: int) -> bool:
        """The junction before ``s[i]`` follows a «(preverb)(ن)می» and what
        follows it is no verb body of the lexicon («میرسلیم», «میکولایف»:
        names, not «می» + verb), nor a verb body with a word seen twice run
        into it («میشودتذکر»: a lost space after the verb)."""
        left = s[:i]
        if not any(left == pv + mi for pv in _PREVERBS for mi in _MI_PREFIXES):
            return False
        lex = self.lexicon
        body = s[i:]
        if body in lex.verb_bodies:
            return False
        for k in range(2, len(body) - 1):
            if body[:k] in lex.verb_bodies and lex.n.get(body[k:], 0) >= 2:
                return False
        return True

    def _junction_model(self):
        jm = self._jmodel
        if jm is None:
            if not junction_model_available(self._data_dir):
                self.junctions = False
                return None
            jm = self._jmodel = load_junction_model(self._data_dir)
        return jm

    def _pair_count(self, a: str, b: str) -> int:
        """How often ``a b`` are seen side by side (the bigram model; 0 without it)."""
        m = self._bigrams
        if m is None:
            from .context import load_model, model_available

            m = self._bigrams = load_model(self._data_dir) if model_available(self._data_dir) else False
        return m.pair_count(a, b) if m else 0

    def _margin_for(self, form: str) -> float:
        """The margin for a half-spaced spelling: before a plural or
        comparative suffix (``suffix_margin``), after «(ن)می» (``margin``),
        or a compound («هم‌زمان», «یک‌بار»: ``compound_margin``)."""
        segs = form.split(ZWNJ)
        if segs[-1] in _SUFFIX_GROUP_OF and len(segs) == 2:
            return self.suffix_margin
        if segs[0] in _MI_PREFIXES:
            return self.margin
        return self.compound_margin

    def _compounds(self, s: str) -> dict[str, float]:
        """``left‌right`` for an unseen joined token ``s`` made of two words
        (each seen ``compound_min`` times) when the corpora mostly write a
        half-space at that kind of boundary: ``right`` is a compound head
        («قبیله‌گرایی», «جنگ‌شناسی»), ``left`` a compound first part, or
        ``left`` has an ending after which the corpora mostly put a
        half-space (:func:`_end_class`; a silent «ه» comes to 0.89 with the
        packaged lexicon).  The share is counted over the lexicon's two-word
        forms (:meth:`Lexicon.heads`)."""
        lex = self.lexicon
        right_share, left_share, end_share = self._qualified()
        k = self.compound_min
        score = lex.score
        out: dict[str, float] = {}
        for i in range(2, len(s) - 1):
            left, right = s[:i], s[i:]
            share = max(right_share.get(right, 0.0), left_share.get(left, 0.0))
            if end_share:
                share = max(share, end_share.get(_end_class(left), 0.0))
            if not share or not joins_next(left[-1]) or right in _SUFFIX_GROUP_OF:
                continue
            sl, sr = score(left), score(right)
            if sl >= k and sr >= k:
                out[left + ZWNJ + right] = share * min(sl, sr) * lex.ratio.get("clitic", 0.03)
        return out

    def _qualified(self) -> tuple[dict[str, float], ...]:
        """The shares of :meth:`Lexicon.heads` that reach ``compound_share``."""
        q = self.compound_share
        got = self._qualified_cache
        if got is None or got[0] != q:
            heads = self.lexicon.heads()
            got = self._qualified_cache = (q, tuple({x: v for x, v in d.items() if v >= q} for d in heads))
        return got[1]

    def _plural_reading(self, s: str) -> tuple[str, float] | None:
        """``(stem‌ها..., expected count)`` if ``s`` is a known stem + a ها suffix."""
        lex = self.lexicon
        best = None
        for suf in SUFFIX_GROUPS["ha"]:
            if len(s) - len(suf) >= 2 and s.endswith(suf):
                stem = s[: -len(suf)]
                if joins_next(stem[-1]) and lex.n.get(stem, 0) >= 2:
                    expected = lex.n[stem] * lex.ratio.get("ha", 0.05)
                    if best is None or expected > best[1]:
                        best = (stem + ZWNJ + suf, expected)
        return best

    def _candidates(self, s: str, depth: int = 0) -> dict[str, float]:
        """Spellings of the joined letters ``s`` with ZWNJ, with scores."""
        lex = self.lexicon
        cands: dict[str, float] = {}
        for v in lex.variants.get(s, ()):
            cands[v] = lex.score(v)
        # verb: (preverb)(ن)می + body
        for pv in _PREVERBS:
            for mi in _MI_PREFIXES:
                pre = pv + mi
                if len(s) > len(pre) + 1 and s.startswith(pre):
                    body = s[len(pre):]
                    if body in lex.verb_bodies:
                        form = pre + ZWNJ + body
                        sc = lex.score(form)
                        if sc == 0:
                            # unseen conjugation: evidence is the verb body itself
                            sc = max(0.5, lex.ratio.get("mi", 0.3) * lex.score(body))
                        cands[form] = max(cands.get(form, 0.0), sc)
        if depth > 0:
            return cands
        # stem + suffix
        for k in range(1, min(_MAX_SUFFIX, len(s) - 2) + 1):
            suf = s[-k:]
            group = _SUFFIX_GROUP_OF.get(suf)
            if group is None:
                continue
            stem = s[:-k]
            last = stem[-1]
            if not joins_next(last):
                continue
            if group == "clitic" and last not in _CLITIC_AFTER:
                continue
            if k == 1 and (last != "ه" or len(stem) < 3 or stem[-2] in "اوی"):
                # one-letter «ی» only as the ezafe/indefinite after a silent ه
                # («مجله‌ی»); after ا/و/ی the ه is a consonant: «درگاهی», «کوهی»
                continue
            # the stem as written (joined) and its own ZWNJ spellings
            stem_forms = {stem: lex.score(stem)}
            if len(stem) >= 3:
                for f, sc in self._candidates(stem, depth + 1).items():
                    stem_forms[f] = sc
            ratio = lex.ratio.get(group, 0.05)
            if group == "clitic" and stem in lex.participles:
                ratio = 1.0  # «گفته‌اند», «داشته‌ایم»: participle + personal ending
            for sf, ssc in stem_forms.items():
                if ssc <= 0:
                    continue
                if sf == stem and not lex.known(stem, 2):
                    continue
                form = sf + ZWNJ + suf
                sc = max(lex.score(form), ssc * ratio)
                cands[form] = max(cands.get(form, 0.0), sc)
        return cands


def _end_class(left: str) -> str:
    """The class of a left piece's ending for :meth:`Lexicon.heads`: its last
    letter, or ``"ه-"`` for a final «ه» after a consonant in a word of three
    letters or more, mostly silent («پنجره», «قبیله»; not «کوه», «راه»)."""
    if left[-1] == "ه" and len(left) >= 3 and left[-2] not in "اوی":
        return "ه-"
    return left[-1]


def _one_reading(existing: frozenset[int], proposed: set[int], probs: dict[int, float]) -> frozenset[int]:
    """``existing`` plus the ``proposed`` half-spaces that make one reading of
    the word: two half-spaces one letter apart are two readings of the same
    letters («آستان‌های» / «آستانه‌ای», never «آستان‌ه‌ای»), so of such a pair
    only the more probable junction stays (a written one always stays)."""
    chosen = set(existing)
    for i in sorted(proposed - existing, key=lambda k: (-probs.get(k, 1.0), k)):
        if (i - 1) in chosen or (i + 1) in chosen:
            continue
        chosen.add(i)
    return frozenset(chosen)


def iter_words(text: str) -> Iterable["re.Match[str]"]:
    """Arabic-script words (letters and ZWNJ) in ``text``."""
    return _WORD_RE.finditer(text)
