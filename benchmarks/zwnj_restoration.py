#!/usr/bin/env python
"""ZWNJ (half-space) restoration benchmark: ours vs Hazm's Normalizer alone.

Data: correctly written news whose ZWNJs we remove, then ask the normalizer
to put back.

* ``fars``: a fixed held-out set of 200 Fars News articles from
  ../shared/corpora/fars_news_lm -- the 200 whose sha1(link) is smallest
  (``fars_heldout_links`` in scripts/build_zwnj_lexicon.py).  Neither the
  lexicon nor the bigram model counts these articles (nor the next 100, the
  tuning set: ``--sets tune``).
  Some old articles were scraped without any ZWNJ (one of them, 9,900 words
  long, has 3); the same numbers are also given for the articles where at
  least 1% of the words contain a ZWNJ.
* ``other``: Tabnak (2023) and Radio Farda (2020) news
  (raw_tabnak, raw_radiofarda), two outlets the lexicon never counts at all.

Every set is also scored on its **ZWNJ-consistent** articles only, a rule
fixed before looking at any score: an article qualifies if (a) at least 20
of every 1,000 of its words contain a ZWNJ and (b) at most 2 of every 1,000
of its words are written with a lost ZWNJ by the orthography-only test of
``LostZwnjDetector`` in scripts/build_zwnj_lexicon.py (a joined «(ن)می» +
verb form of Hazm's verb list, or a joined plural «ها/های/هایی» of a word of
Hazm's list ending in a joining letter, that is not itself a Hazm word:
«میشود», «سالهای»).  An article that writes «سالهای» joined is not
"correctly written" for that form, and every ZWNJ we restore there counts as
spurious.  The all-articles numbers are always printed too.

Variants of the input: ``strip`` (every ZWNJ deleted: «شهرداریها») and
``space`` (every ZWNJ replaced by a space, older orthography: «شهرداری ها»).

Metrics, per system:

* ``words``: whitespace words of the original with a ZWNJ between two letters
  after a joining letter (a ZWNJ after ا د ذ ر ز ژ و is invisible and not
  counted; how many such words there are is printed separately);
* ``restored``: share of those words whose ZWNJs come back exactly (all of
  them, and no extra one inside the word);
* ``spurious/1k``: ZWNJs the output puts inside an original word where the
  original had none (after a joining letter), per 1,000 original words;
* ``joins/1k``: ZWNJs the output puts where the original had a space (Hazm's
  affix rules: «می شود» -> «می‌شود», «کتاب ها» -> «کتاب‌ها»; mostly the
  intended modern spelling, but counted apart), per 1,000 original words.

Two looser metrics are printed under each table, clearly labelled, never
instead of the target metric above: (2) a word also counts as restored, and
a ZWNJ as not spurious, when the only difference is joined vs half-spaced
before ها/های/تر/ترین.. at the word end (both spellings accepted by the
Academy); (3) a spelling that only adds or drops ZWNJs of the source's is
accepted when both spellings are in common use in the corpora (each seen 5+
times and at least 10% of the two together, the lexicon's counts).
``--errors N`` prints the missed words of ``ours`` by class (use it with
``--sets tune``).

Alignment is exact: both texts are reduced to their sequence of Arabic-script
letters (after the same character refinement), which neither system changes
except Hazm's repeated-letter rule (then difflib aligns the letter sequences),
and a ZWNJ is identified by the index of the letter after it.

Systems: Hazm 0.10.0's Normalizer; ours without restoration; ours with the
lexicon alone (``use_context=False``: no bigram model, no glued-word
splitting); ours (lexicon + bigram model, the defaults); ours with
``model_joins=True`` (the model may also join two words into one with a
half-space).  Times are CPU time
(``time.process_time``), so other jobs on the machine do not count.

Run: ``nice python benchmarks/zwnj_restoration.py [--corpora DIR] [--no-hazm]``
(about a minute; Hazm's own Normalizer takes ~5 s to build).  Prints numbers,
asserts nothing.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.normalize import Normalizer, rules  # noqa: E402
from pipeline.normalize.zwnj import SUFFIX_GROUPS, joins_next  # noqa: E402

ZWNJ = rules.ZWNJ
_spec = importlib.util.spec_from_file_location("build_zwnj_lexicon", REPO / "scripts" / "build_zwnj_lexicon.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

_MODERN_SUFFIXES = SUFFIX_GROUPS["ha"] | SUFFIX_GROUPS["tar"]
_LETTER = re.compile("[" + rules.AR_LETTER_CLASS + "]")
_CLEAN = [re.compile(p) for p, _ in rules.DELETE_RULES]


def clean(text: str) -> str:
    for p, rep in rules.PRE_RULES:
        text = re.sub(p, rep, text)
    text = text.translate(rules.CHAR_MAP)
    for r in _CLEAN:
        text = r.sub("", text)
    for p, rep in rules.UNICODE_REPLACEMENTS:
        text = re.sub(p, rep, text)
    return text


def skeleton(text: str):
    """(letters, {letter index: visible?} of ZWNJs between two letters, letter index of each char)."""
    letters = []
    zw = {}
    idx_of_char = []
    pending = False
    prev_letter = None
    for ch in text:
        if _LETTER.match(ch):
            if pending and prev_letter is not None:
                zw[len(letters)] = joins_next(prev_letter)
            pending = False
            prev_letter = ch
            idx_of_char.append(len(letters))
            letters.append(ch)
        else:
            idx_of_char.append(len(letters))
            if ch == ZWNJ and prev_letter is not None:
                pending = True
            else:
                pending = False
                prev_letter = None if ch != ZWNJ else prev_letter
    return "".join(letters), zw, idx_of_char


def predicted_positions(ref_letters: str, out_text: str) -> set[int]:
    """Visible ZWNJ positions of ``out_text`` in reference letter indices."""
    letters, zw, _ = skeleton(clean(out_text))
    pos = {p for p, vis in zw.items() if vis}
    if letters == ref_letters:
        return pos
    sm = difflib.SequenceMatcher(None, letters, ref_letters, autojunk=False)
    mapped = set()
    for a, b, size in sm.get_matching_blocks():
        for p in pos:
            if a < p < a + size:  # ZWNJ strictly inside a matching block
                mapped.add(b + (p - a))
    return mapped


def _spelling(letters: str, a: int, b: int, zwnjs: set) -> str:
    return "".join((ZWNJ if p in zwnjs else "") + letters[p] for p in range(a, b))


class Score:
    #: corpus counts of word forms (the lexicon's), for the third metric
    counts: dict = {}

    def attested(self, x: str, y: str) -> bool:
        """Both spellings are in common use: each seen 5+ times and at least
        10% of the two together in the corpora (the lexicon's counts)."""
        cx, cy = self.counts.get(x, 0), self.counts.get(y, 0)
        return min(cx, cy) >= 5 and min(cx, cy) >= 0.1 * (cx + cy)

    def __init__(self):
        self.words = self.restored = self.spurious = self.joins = self.n_words = self.invisible_words = 0
        self.spurious_affix = 0
        self.restored_std = 0
        self.restored_att = self.spurious_att = 0
        self.misses: dict[str, list[str]] = {}
        self.spurious_words: list[str] = []
        self.by_evidence: dict[str, list[str]] = {}

    def add(self, original: str, output: str):
        ref = clean(original)
        letters, zw, idx = skeleton(ref)
        gold_visible = {p for p, v in zw.items() if v}
        pred = predicted_positions(letters, output)
        inside = set()
        for m in re.finditer(r"\S+", ref):
            self.n_words += 1
            a = idx[m.start()]
            b = idx[m.end() - 1] + (1 if _LETTER.match(ref[m.end() - 1]) else 0)
            inner = range(a + 1, b)
            inside.update(inner)
            for p in inner:
                if p in pred and p not in zw and letters[p:b] in _MODERN_SUFFIXES:
                    self.spurious_affix += 1
            extra_here = {p for p in inner if p in pred and p not in zw}
            if extra_here:
                self.spurious_words.append(_spelling(letters, a, b, extra_here | {p for p in inner if p in zw}))
            if extra_here and not self.attested(_spelling(letters, a, b, extra_here), _spelling(letters, a, b, set())):
                self.spurious_att += len(extra_here)
            g = {p for p in inner if p in gold_visible}
            if not g:
                if any(p in zw for p in inner):
                    self.invisible_words += 1
                continue
            self.words += 1
            got = {p for p in inner if p in pred}
            if g == got:
                self.restored += 1
            else:
                out_word = "".join(("|" if p in got else "") + letters[p] for p in range(a, b))
                self.misses.setdefault(self.miss_class(letters, a, b, g, got), []).append(
                    f"{ref[m.start():m.end()]}>{out_word}")
                self.by_evidence.setdefault(self.evidence_class(letters, a, b, g, got), []).append(
                    _spelling(letters, a, b, g))
            # both standard: joined or half-space before ها/تر/ترین.. at the word end
            if all(letters[p:b] in _MODERN_SUFFIXES for p in g ^ got):
                self.restored_std += 1
            # both in common use: one spelling drops or adds half-spaces of the other
            if g == got or ((got <= g or g <= got) and self.attested(_spelling(letters, a, b, g), _spelling(letters, a, b, got))):
                self.restored_att += 1
        extra = pred - set(zw)
        self.spurious += len(extra & inside)
        self.joins += len(extra - inside)

    def affix_note(self) -> str:
        if not self.spurious:
            return ""
        return (
            f"of the {self.spurious} spurious, {self.spurious_affix} put a ZWNJ before ها/های/تر/ترین.. where "
            f"the original wrote the word joined («سالهای» -> «سال‌های»); other: "
            f"{self.spurious - self.spurious_affix} ({1000 * (self.spurious - self.spurious_affix) / self.n_words:.2f}/1k)"
        )

    def miss_class(self, letters: str, a: int, b: int, g: set, got: set) -> str:
        """The class of a missed word (letters ``a:b``; gold and output ZWNJs)."""
        if got - g and g - got:
            return "ZWNJ at another place"
        if got - g:
            return "extra ZWNJ inside the word"
        classes = set()
        for p in g - got:
            head, tail = letters[a:p], letters[p:b]
            if tail in _MODERN_SUFFIXES:
                classes.add("joined before ها/تر/ترین.. (house style)")
            elif any(tail.startswith(x) for x in SUFFIX_GROUPS["clitic"]) and len(tail) <= 4:
                classes.add("joined before ای/اش/ام/است.. clitic")
            elif head.endswith(("می", "نمی")) and p - a <= 3:
                classes.add("joined after می/نمی")
            elif any(tail.startswith(x) for x in _MODERN_SUFFIXES):
                classes.add("joined before ها/تر + more")
            else:
                classes.add("compound / other")
        return " + ".join(sorted(classes))

    def evidence_class(self, letters: str, a: int, b: int, g: set, got: set) -> str:
        """The class of a missed word by what the corpora show (the lexicon's
        counts): can counts reach it at all?"""
        gold, out = _spelling(letters, a, b, g), _spelling(letters, a, b, got)
        n = self.counts.get
        if (g - got) and (got - g):
            return "half-space at another place (neighbours decide)"
        if n(gold, 0) and n(out, 0):
            return "both spellings in the corpora"
        if n(gold, 0):
            return "source's spelling seen, output's never"
        if n(out, 0):
            return "source's spelling never seen, output's seen"
        pieces = gold.split(ZWNJ)
        if all(n(x, 0) >= 5 for x in pieces):
            return "never seen; every piece a common word"
        return "never seen; a piece rare or unknown (names, typos)"

    def std_row(self, name: str) -> str:
        share = self.restored_std / self.words if self.words else 0.0
        per_k = 1000 * (self.spurious - self.spurious_affix) / self.n_words if self.n_words else 0.0
        att = self.restored_att / self.words if self.words else 0.0
        att_k = 1000 * self.spurious_att / self.n_words if self.n_words else 0.0
        return f"{name:<26s} {share:>7.1%} {per_k:>11.2f}   {att:>7.1%} {att_k:>11.2f}"

    def row(self, name: str) -> str:
        share = self.restored / self.words if self.words else 0.0
        per_k = 1000 * self.spurious / self.n_words if self.n_words else 0.0
        joins_k = 1000 * self.joins / self.n_words if self.n_words else 0.0
        return f"{name:<26s} {self.words:>6,d} {self.restored:>8,d} {share:>7.1%} {self.spurious:>8,d} {per_k:>11.2f} {joins_k:>9.2f}"


def zwnj_word_share(text: str) -> float:
    """Share of whitespace words that contain a ZWNJ."""
    words = text.split()
    return sum(ZWNJ in w for w in words) / max(1, len(words))


def consistency_filter(min_zwnj_per_k: float = 20.0, max_lost_per_k: float = 2.0):
    """Predicate: is an article ZWNJ-consistent (see the module docstring)?"""
    words_path, verbs_path = build.hazm_paths()
    detector = build.LostZwnjDetector(build.read_hazm_words(words_path), build.read_hazm_verbs(verbs_path))

    def ok(text: str) -> bool:
        toks = [build.canonical_word(w) for w in build.clean_text(text).split()]
        if not toks:
            return False
        per_k = 1000 / len(toks)
        zwnj = sum(ZWNJ in w for w in toks) * per_k
        lost = sum(detector.lost(w) for w in toks) * per_k
        return zwnj >= min_zwnj_per_k and lost <= max_lost_per_k

    return ok


def strip_zwnj(text: str) -> str:
    return text.replace(ZWNJ, "")


def space_zwnj(text: str) -> str:
    return re.sub(ZWNJ + "+", " ", text)


def main(argv=None):
    ap = argparse.ArgumentParser(description="ZWNJ restoration benchmark")
    ap.add_argument("--corpora", type=Path, default=build.DEFAULT_CORPORA)
    ap.add_argument("--no-hazm", action="store_true", help="skip Hazm's Normalizer (slow to build)")
    ap.add_argument("--variants", default="strip,space")
    ap.add_argument("--sets", default="fars,other")
    ap.add_argument("--space-ratio", type=float, default=0.0, help="also run ours with this split_space_ratio")
    ap.add_argument("--errors", type=int, default=0, help="print missed words by class, N examples each (use --sets tune)")
    ap.add_argument("--junctions", default="", help="also run ours with these junction_add:junction_keep pairs, comma-separated (tuning)")
    ap.add_argument("--reading-margins", default="", help="also run ours with these reading_margin values, 'off' for none (tuning)")
    ap.add_argument("--mi-verbs-off", action="store_true", help="also run ours with junction_mi_verbs=False (the junction model may put a half-space after «می» before any letters)")
    ap.add_argument("--space-margins", default="", help="also run ours with these split_space_margin values, 'off' for none (tuning)")
    ap.add_argument("--junction-blocks", default="", help="also run ours with these split_junction_block values (tuning)")
    args = ap.parse_args(argv)
    if not (args.corpora / "fars_news_lm").is_dir():
        print(f"corpora not found under {args.corpora}; nothing to do")
        return

    sets = {}
    if "tune" in args.sets:
        links = build.fars_heldout_links(args.corpora, build.N_TUNE, start=build.N_HELDOUT)
        docs = {link: text for link, text in build.fars_articles(args.corpora) if link in links}
        sets["fars tune set (100)"] = [t for _, t in sorted(docs.items())]
    if "fars" in args.sets:
        held = build.fars_heldout_links(args.corpora)
        seen = set()
        docs = []
        for link, text in build.fars_articles(args.corpora):
            if link in held and link not in seen:  # a few links occur twice
                seen.add(link)
                docs.append(text)
        sets["fars (200 held out)"] = docs
        # some old articles were scraped without any ZWNJ: not "correctly written"
        written = [d for d in docs if zwnj_word_share(d) >= 0.01]
        sets[f"fars, the {len(written)} that use ZWNJ"] = written
    if "other" in args.sets:
        sets["tabnak+radiofarda"] = [t for _, t in build.heldout_other_outlets(args.corpora)]
    consistent = consistency_filter()
    for name in list(sets):
        if name.startswith(("fars (", "fars tune", "tabnak")):
            docs = sets[name]
            kept = [d for d in docs if consistent(d)]
            sets[f"{name.split(' (')[0]}, {len(kept)}/{len(docs)} ZWNJ-consistent"] = kept

    systems = {}
    if not args.no_hazm:
        t0 = time.time()
        from hazm import Normalizer as HazmNormalizer

        hz = HazmNormalizer()
        print(f"(Hazm Normalizer built in {time.time() - t0:.1f} s)")
        systems["Hazm Normalizer alone"] = hz.normalize
    systems["ours, restore_zwnj=False"] = lambda s, n=Normalizer(restore_zwnj=False): n.normalize(s).text
    lex_only = Normalizer(use_context=False)
    lex_only.normalize("")
    lex_only.zwnj.lexicon
    systems["lexicon only (no context)"] = lambda s: lex_only.normalize(s).text
    ours = Normalizer()
    ours.normalize("و امسال")  # load the lexicon and the model outside the timing
    Score.counts = ours.zwnj.lexicon.n
    systems["ours"] = lambda s: ours.normalize(s).text
    if args.space_ratio:
        spaced = Normalizer(split_space_ratio=args.space_ratio)
        spaced.normalize("و امسال")
        systems[f"ours, split_space_ratio={args.space_ratio:g}"] = lambda s: spaced.normalize(s).text
    if args.junctions:
        nojm = Normalizer(zwnj_options={"junctions": False})
        nojm.normalize("و امسال")
        systems["ours, no junction model"] = lambda s, n=nojm: n.normalize(s).text
        ungated = Normalizer(junction_gate=False)
        ungated.normalize("و امسال")
        systems["ours, junction_gate=False"] = lambda s, n=ungated: n.normalize(s).text
    if args.mi_verbs_off:
        miv = Normalizer(zwnj_options={"junction_mi_verbs": False})
        miv.normalize("و امسال")
        systems["ours, junction_mi_verbs=False"] = lambda s, n=miv: n.normalize(s).text
    for spx in (x for x in args.space_margins.split(",") if x):
        spn = Normalizer(split_space_margin=None if spx == "off" else float(spx))
        spn.normalize("و امسال")
        systems[f"ours, space_margin={spx}"] = lambda s, n=spn: n.normalize(s).text
    for rmx in (x for x in args.reading_margins.split(",") if x):
        rmn = Normalizer(reading_margin=None if rmx == "off" else float(rmx))
        rmn.normalize("و امسال")
        systems[f"ours, reading_margin={rmx}"] = lambda s, n=rmn: n.normalize(s).text
    for jb in (float(x) for x in args.junction_blocks.split(",") if x):
        jbn = Normalizer(split_junction_block=jb)
        jbn.normalize("و امسال")
        systems[f"ours, junction_block={jb:g}"] = lambda s, n=jbn: n.normalize(s).text
    for pair in filter(None, args.junctions.split(",")):
        add, keep = (float(x) for x in pair.split(":"))
        jn = Normalizer(zwnj_options={"junction_add": add, "junction_keep": keep})
        jn.normalize("و امسال")
        systems[f"ours, junctions {add:g}:{keep:g}"] = lambda s, n=jn: n.normalize(s).text
    joins = Normalizer(model_joins=True)
    joins.normalize("و امسال")
    systems["ours, model_joins=True"] = lambda s: joins.normalize(s).text

    for set_name, docs in sets.items():
        for variant in args.variants.split(","):
            make = strip_zwnj if variant == "strip" else space_zwnj
            inputs = [make(d) for d in docs]
            n_chars = sum(len(x) for x in inputs)
            print(f"\n== {set_name}, ZWNJ -> {'nothing' if variant == 'strip' else 'space'}: {len(docs)} docs, {n_chars / 1000:.0f} K chars")
            print(f"{'system':<26s} {'words':>6s} {'restored':>8s} {'share':>7s} {'spurious':>8s} {'spurious/1k':>11s} {'joins/1k':>9s}  time")
            notes = []
            std_rows = []
            share_rows = {}
            for sys_name, fn in systems.items():
                sc = Score()
                elapsed = 0.0
                for orig, inp in zip(docs, inputs):
                    t0 = time.process_time()
                    out = fn(inp)
                    elapsed += time.process_time() - t0
                    sc.add(orig, out)
                print(sc.row(sys_name) + f"  {elapsed:.1f} s ({n_chars / 1000 / elapsed:.0f} K chars/s)")
                if sc.affix_note():
                    notes.append(f"  {sys_name}: {sc.affix_note()}")
                std_rows.append(sc.std_row(sys_name))
                if sys_name == "ours":
                    share_rows[sys_name] = (sc.words - sc.restored, sc.restored_att - sc.restored)
                if args.errors and sys_name == "ours":
                    print(f"  missed words of {sys_name} by class:")
                    for k, ex in sorted(sc.misses.items(), key=lambda kv: -len(kv[1])):
                        print(f"  {len(ex):>5d}  {k:<45s} {' '.join(ex[: args.errors])}")
                    print(f"  missed words of {sys_name} by corpus evidence:")
                    for k, ex in sorted(sc.by_evidence.items(), key=lambda kv: -len(kv[1])):
                        print(f"  {len(ex):>5d}  {k:<50s} {' '.join(ex[: args.errors])}")
                    print(f"  words with a spurious half-space ({len(sc.spurious_words)}): {' '.join(sc.spurious_words[: 3 * args.errors])}")
            print("  second metric (NOT the target metric): joined and half-spaced ها/های/تر/ترین.. both accepted;")
            print("  third: a spelling that only adds or drops half-spaces is accepted when both are in common use in the corpora")
            print(f"  {'system':<26s} {'share':>7s} {'spurious/1k':>11s}   {'share':>7s} {'spurious/1k':>11s}")
            for r in std_rows:
                print("  " + r)
            for name, (miss, both_ways) in share_rows.items():
                print(f"  {name}: {both_ways} of its {miss} missed words ({both_ways / max(1, miss):.0%}) are spellings the corpora "
                      f"write both ways (the third metric's rule: each 5+ times and >= 10% of the two)")
            for note in notes:
                print(note)
            print(f"(words whose only ZWNJs follow a non-joining letter, not counted: {sc.invisible_words}; original words: {sc.n_words:,})")


if __name__ == "__main__":
    main()
