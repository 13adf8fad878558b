#!/usr/bin/env python
"""Build the ZWNJ (half-space) lexicon used by ``pipeline.normalize``.

Writes, under ``pipeline/normalize/data/``:

``lexicon.cols.gz``
    Four aligned columns (stored column by column, see :func:`write_lexicon`):

    * ``form``: a word as the normalizer writes it (Persian letters, with
      ZWNJ where the sources write one; ZWNJ after non-joining letters and at
      word edges removed).
    * ``n``: how often the form occurs as a token in the counted corpora below
      (a form with ZWNJ is counted as written; a form without is counted as the
      *joined* spelling).  Empty when 0.
    * ``h``: the frequency Hazm 0.10.0 gives in ``hazm/data/words.dat``
      (``0`` for entries Hazm lists without a frequency; empty when the word is
      not in Hazm).  Hazm's list is MIT-licensed.
    * ``b``: for forms with ZWNJ only, how often they occur split into
      space-separated tokens at one or more of their ZWNJs (``برنامه ریزی``
      for ``برنامه‌ریزی``) in the counted corpora.  Empty when 0.

    Only word forms and derived counts are stored: no sentence or article text.

``verb_stems.tsv``
    ``past <TAB> present`` verb stems from Hazm's ``hazm/data/verbs.dat``
    (MIT), used to recognise verb forms after «می»/«نمی».

``lexicon_meta.json``
    Sources, token totals, the factor that puts Hazm's frequencies on the
    corpus scale, and per-suffix ratios (how often a stem is seen with a ZWNJ
    suffix) used to score unseen derived forms.

Counted corpora (all under ../shared/corpora, read-only; see each SOURCE.md):

* ``fars_news_lm`` -- the 1,500 Fars News articles **minus a fixed held-out
  set of 200** (the 200 articles whose sha1(link) is smallest; see
  :func:`fars_heldout_links`) **and the next 100** (a tuning set for the
  thresholds of the context model).  ``benchmarks/zwnj_restoration.py`` measures on
  exactly those 200, so the benchmark never sees counts from its own text.
* ``farsnews_2023``, ``raw_asriran``, ``raw_varzesh3``, ``raw_perdt``,
  ``raw_updt``, ``raw_ntrex_fas``, ``raw_parsinlu_rc``, ``raw_persianqa_test``:
  running text.
* ``nsurl2019_task7/train_600k.txt``: the token column of this NER file.

Not counted: ``raw_namnak`` and ``peyma`` (their text has no ZWNJ at all, so
their joined spellings are lost half-spaces, not evidence), ``parstwiner``
(informal tweets), and ``raw_tabnak`` + ``raw_radiofarda``, held out entirely
as a second, cross-outlet benchmark.  Arman is never read (academic research
only).  ``../shared/gold`` is read only to drop the Fars articles that are
evaluation articles from the counts.

Licences: the counted corpora include text under unclear or NC-SA (parsinlu)
terms; only word forms and counts are stored.  To build without some of them:
``--exclude raw_parsinlu_rc``.

Run: ``python scripts/build_zwnj_lexicon.py [--corpora ../shared/corpora]
[--exclude NAME,...]`` (about a minute on one core).
"""

from __future__ import annotations

import argparse
import collections
import csv
import glob
import gzip
import hashlib
import json
import lzma
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.normalize import rules  # noqa: E402
from pipeline.normalize.zwnj import SUFFIX_GROUPS, canonical_word  # noqa: E402

ZWNJ = rules.ZWNJ
DATA_DIR = REPO / "pipeline" / "normalize" / "data"
N_HELDOUT = 200  # benchmark articles (benchmarks/zwnj_restoration.py)
N_TUNE = 100  # the next 100 by sha1(link): for tuning thresholds, never counted either


def find_corpora() -> Path:
    """``shared/corpora`` next to the checkout (or next to the worktrees folder)."""
    for base in (REPO.parent, REPO.parent.parent):
        cand = base / "shared" / "corpora"
        if cand.is_dir():
            return cand
    return REPO.parent / "shared" / "corpora"


DEFAULT_CORPORA = find_corpora()

_PRE_RES = [(re.compile(p), r) for p, r in rules.PRE_RULES]
_CLEAN_RES = [re.compile(p) for p, _ in rules.DELETE_RULES]
_TOKEN_RE = re.compile("[" + rules.AR_LETTER_CLASS + ZWNJ + "]+")
_WS_TOKEN_RE = re.compile(r"\S+")


# ---------------------------------------------------------------------------
# corpus readers (shared with benchmarks/zwnj_restoration.py)
# ---------------------------------------------------------------------------


def fars_articles(corpora: Path = DEFAULT_CORPORA):
    """Yield ``(link, text)`` for the 1,500 Fars News articles (title, lead, body)."""
    for f in sorted(glob.glob(str(corpora / "fars_news_lm" / "*.json.xz"))):
        with lzma.open(f, "rt", encoding="utf-8") as fh:
            for art in json.load(fh):
                parts = [art.get("title") or "", art.get("abstract") or ""] + list(art.get("paragraphs") or [])
                yield art.get("link") or "", "\n\n".join(p.strip() for p in parts if p and p.strip())


def fars_heldout_links(corpora: Path = DEFAULT_CORPORA, n: int = N_HELDOUT, start: int = 0) -> set[str]:
    """The fixed benchmark set: the ``n`` Fars articles with the smallest sha1(link)
    (``start=N_HELDOUT, n=N_TUNE``: the tuning set that follows them)."""
    links = sorted({link for link, _ in fars_articles(corpora)}, key=lambda s: hashlib.sha1(s.encode()).hexdigest())
    return set(links[start : start + n])


def _read_text(path: Path) -> str:
    opener = lzma.open if str(path).endswith(".xz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return fh.read()


def _ner_tokens(path: Path, sep: str | None) -> str:
    """The token column of a one-token-per-line NER file, as space-joined lines."""
    lines, cur = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    lines.append(" ".join(cur))
                    cur = []
                continue
            tok = line.split(" ")[0] if sep is None else line.rsplit(sep, 1)[0]
            cur.append(tok)
    if cur:
        lines.append(" ".join(cur))
    return "\n".join(lines)


def counted_sources(corpora: Path):
    """Yield ``(name, text)`` for every counted source (see the module docstring)."""
    heldout = fars_heldout_links(corpora, N_HELDOUT + N_TUNE)
    # the evaluation articles (../shared/gold) are Fars articles too: keep them out of the counts
    from pipeline.training.corpora import gold_filter

    keep = gold_filter(sorted((corpora.parent / "gold").glob("*.jsonl")))
    yield f"fars_news_lm (minus {N_HELDOUT}+{N_TUNE} held out and gold)", "\n".join(
        t for link, t in fars_articles(corpora) if link not in heldout and all(keep(p) for p in t.split("\n")))
    csv.field_size_limit(10**9)
    with open(corpora / "farsnews_2023" / "farsnews.csv", encoding="utf-8", newline="") as fh:
        yield "farsnews_2023", "\n".join((r.get("title") or "") + "\n" + (r.get("text") or "") for r in csv.DictReader(fh))
    for name, rel in [
        ("raw_asriran", "raw_asriran/asriran.txt.xz"),
        ("raw_varzesh3", "raw_varzesh3/varzesh3.txt.xz"),
        ("raw_perdt", "raw_perdt/perdt_sentences.txt"),
        ("raw_updt", "raw_updt/updt_plain.txt"),
        ("raw_parsinlu_rc", "raw_parsinlu_rc/parsinlu_rc_passages.txt"),
        ("raw_persianqa_test", "raw_persianqa_test/persianqa_test_contexts.txt"),
    ]:
        yield name, _read_text(corpora / rel)
    ntrex = sorted(glob.glob(str(corpora / "raw_ntrex_fas" / "*.txt")))
    yield "raw_ntrex_fas", "\n".join(_read_text(Path(p)) for p in ntrex)
    yield "nsurl2019_task7", _ner_tokens(corpora / "nsurl2019_task7" / "train_600k.txt", "\t")
    # Arman is never read: its licence allows academic research only.


def heldout_other_outlets(corpora: Path = DEFAULT_CORPORA) -> list[tuple[str, str]]:
    """Documents of the two outlets kept out of the lexicon (tabnak, radiofarda)."""
    docs = []
    for rel in ("raw_tabnak/tabnak.txt", "raw_radiofarda/radiofarda.txt"):
        text = _read_text(corpora / rel)
        for i, doc in enumerate(re.split(r"\n\s*\n", text)):
            if doc.strip():
                docs.append((f"{rel}#{i}", doc.strip()))
    return docs


# ---------------------------------------------------------------------------
# counting
# ---------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Character-level normalization as the normalizer does it (no spacing)."""
    for pat, rep in _PRE_RES:
        text = pat.sub(rep, text)
    text = text.translate(rules.CHAR_MAP)
    for r in _CLEAN_RES:
        text = r.sub("", text)
    return text


def line_tokens(line: str) -> list[str | None]:
    """Whitespace tokens of a line; pure Arabic-script words canonicalized, others None."""
    out: list[str | None] = []
    for tok in _WS_TOKEN_RE.findall(line):
        m = _TOKEN_RE.fullmatch(tok)
        out.append(canonical_word(tok) if m else None)
    return out


def _spaced_splits(parts: list[str]) -> list[tuple[str, ...]]:
    """All ways to write ZWNJ-joined ``parts`` with at least one space instead."""
    out = []
    gaps = len(parts) - 1
    for mask in range(1, 2**gaps):
        toks, cur = [], parts[0]
        for i in range(gaps):
            if mask >> i & 1:
                toks.append(cur)
                cur = parts[i + 1]
            else:
                cur = cur + ZWNJ + parts[i + 1]
        toks.append(cur)
        out.append(tuple(toks))
    return out


_PLURAL_SUFFIXES = ("هایی", "های", "ها")
_PERSON_PRESENT = ("م", "ی", "د", "یم", "ید", "ند")
_PERSON_PAST = ("م", "ی", "", "یم", "ید", "ند")


class LostZwnjDetector:
    """Flags lines whose writer drops ZWNJs (or uses an orthography without them).

    A line is *inconsistent* when it has a token that modern news always writes
    with a ZWNJ but the line writes joined:

    * a verb form «(ن)می» + conjugated stem from Hazm's verb list («میشود»,
      «نمیتوانند»; only when the joined form is not itself a Hazm word);
    * a plural «stem + ها/های/هایی» of a Hazm word (with a frequency) ending in a joining letter
      («سالهای», «شهرداریها»), when the joined form is not a Hazm word and the
      stem is not a one-syllable word that lexicalised plurals start with
      (length >= 3; «آنها», «اینها», «تنها» are Hazm words anyway).

    Joined spellings in such a line are lost half-spaces, not evidence that the
    joined spelling is the accepted one, so for *contested* words (letters
    seen both with and without ZWNJ) :func:`count` uses only the other lines;
    every other word is counted in all lines (so «انتهای» keeps its count),
    except a flagged word never seen with ZWNJ, which is dropped (so it is
    decided like an unseen word: stem + suffix).  Spaced n-grams (``b``) are
    counted in all lines.  No
    word list from the benchmarks is involved: only Hazm's word and verb lists.
    """

    def __init__(self, hazm_words: dict[str, int], verbs: list[tuple[str, str]]):
        self.words = hazm_words
        bodies = set()
        for past, present in verbs:
            if present:
                bodies.update(present + e for e in _PERSON_PRESENT)
            if past:
                bodies.update(past + e for e in _PERSON_PAST)
        self.bodies = {b for b in bodies if len(b) >= 2}

    def lost(self, tok: str) -> bool:
        if ZWNJ in tok or len(tok) < 5 or tok in self.words:
            return False
        for pre in ("نمی", "می"):
            if tok.startswith(pre) and tok[len(pre):] in self.bodies:
                return True
        for suf in _PLURAL_SUFFIXES:
            if tok.endswith(suf):
                stem = tok[: -len(suf)]
                return len(stem) >= 3 and self.words.get(stem, 0) > 0 and stem[-1] not in _NON_JOINING_LETTERS
        return False

    def consistent(self, tokens) -> bool:
        return not any(t and self.lost(t) for t in tokens)


_NON_JOINING_LETTERS = frozenset("ءآأؤإاةدذرزژوۀە")


def count(corpora: Path, exclude: frozenset[str] = frozenset(), detector: LostZwnjDetector | None = None):
    """Unigram counts (lines with lost ZWNJs skipped, see :class:`LostZwnjDetector`),
    spaced counts of ZWNJ forms (all lines), tokens per source."""
    unigrams: collections.Counter[str] = collections.Counter()  # all lines
    consistent: collections.Counter[str] = collections.Counter()  # lines without lost ZWNJs
    lines_tokens: list[list[str | None]] = []
    totals = {}
    for name, text in counted_sources(corpora):
        if name.split(" ")[0] in exclude:
            print(f"  {name}: excluded", file=sys.stderr)
            continue
        text = clean_text(text)
        n = skipped = 0
        for line in text.split("\n"):
            toks = line_tokens(line)
            lines_tokens.append(toks)
            words = [w for w in (canonical_word(tok) for tok in _TOKEN_RE.findall(line)) if w]
            unigrams.update(words)
            n += len(words)
            if detector is None or detector.consistent(words):
                consistent.update(words)
            else:
                skipped += len(words)
        totals[name] = n
        print(f"  {name}: {n:,} tokens, {skipped:,} of them in lines with lost ZWNJs", file=sys.stderr)
    if detector is not None:
        # contested letters (seen with ZWNJ somewhere): only lines without lost ZWNJs
        contested: dict[str, list[str]] = collections.defaultdict(list)
        for w in unigrams:
            contested[w.replace(ZWNJ, "")].append(w)
        for key, spellings in contested.items():
            if len(spellings) == 1 and detector.lost(key):
                # a joined plural / «می» verb never seen with its ZWNJ: all its
                # lines have lost ZWNJs, so its count is no evidence either
                del unigrams[key]
            elif len(spellings) > 1 and sum(consistent[w] for w in spellings) > 0:
                for w in spellings:
                    if consistent[w]:
                        unigrams[w] = consistent[w]
                    else:
                        del unigrams[w]
    # spaced n-gram counts for ZWNJ forms: «برنامه ریزی» as two tokens
    # (every way of writing the form as 2-4 space-separated tokens)
    spaced_keys: dict[tuple[str, ...], str] = {}
    for w in unigrams:
        if ZWNJ in w:
            parts = w.split(ZWNJ)
            if len(parts) <= 4:
                for key in _spaced_splits(parts):
                    spaced_keys.setdefault(key, w)
    spaced: collections.Counter[str] = collections.Counter()
    for toks in lines_tokens:
        L = len(toks)
        for i in range(L - 1):
            if toks[i] is None:
                continue
            for k in (2, 3, 4):
                if i + k > L:
                    break
                key = tuple(toks[i : i + k])
                if None in key:
                    break
                hit = spaced_keys.get(key)
                if hit:
                    spaced[hit] += 1
    return unigrams, spaced, totals


def hazm_paths():
    import hazm

    d = Path(hazm.__file__).parent / "data"
    return d / "words.dat", d / "verbs.dat"


def read_hazm_words(path: Path) -> dict[str, int]:
    words: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            w = canonical_word(clean_text(parts[0]))
            if not w or not _TOKEN_RE.fullmatch(w):
                continue
            words[w] = max(words.get(w, 0), int(parts[1]))
    return words


def read_hazm_verbs(path: Path) -> list[tuple[str, str]]:
    stems = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if "#" not in line:
                continue
            past, present = (canonical_word(clean_text(x)) for x in line.split("#", 1))
            if past or present:
                stems.append((past, present))
    return stems


def suffix_ratios(unigrams, hazm_words) -> dict[str, float]:
    """For each suffix group: sum n(stem+ZWNJ+suffix) / sum n(stem) over stems seen with it."""
    ratios = {}
    for group, suffixes in SUFFIX_GROUPS.items():
        num = den = 0
        stems_seen = set()
        for w, c in unigrams.items():
            if ZWNJ not in w:
                continue
            stem, _, suf = w.rpartition(ZWNJ)
            if suf in suffixes:
                num += c
                stems_seen.add(stem)
        for s in stems_seen:
            den += unigrams.get(s, 0)
        ratios[group] = round(num / den, 4) if den else 0.0
    # «می‌X» / «نمی‌X» against the bare body X
    num = den = 0
    bodies = set()
    for w, c in unigrams.items():
        for pre in ("می" + ZWNJ, "نمی" + ZWNJ):
            if w.startswith(pre) and ZWNJ not in w[len(pre):]:
                num += c
                bodies.add(w[len(pre):])
    den = sum(unigrams.get(b, 0) for b in bodies)
    ratios["mi"] = round(num / den, 4) if den else 0.0
    return ratios


LEXICON_FILE = "lexicon.cols.gz"
_COLUMN_DOC = {
    "form": "the word form (Persian letters, ZWNJ as the sources write it)",
    "n": "corpus count of exactly this form (empty = 0)",
    "h": "Hazm words.dat frequency (0 = listed without frequency; empty = not in Hazm)",
    "b": "ZWNJ forms: count written with spaces instead of (some of) the ZWNJs (empty = 0)",
}


def write_lexicon(path: Path, forms: list[str], unigrams, hazm_words, spaced) -> None:
    """Write the lexicon column by column (one value per line, aligned by
    position), which loads several times faster than a row-wise TSV.

    Layout: ``#`` comment lines, then for each column a line ``## <name>``
    followed by one line per form.
    """
    cols = {
        "form": forms,
        "n": [str(unigrams.get(w, "")) for w in forms],
        "h": [str(hazm_words[w]) if w in hazm_words else "" for w in forms],
        "b": [str(spaced.get(w, "")) for w in forms],
    }
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# ZWNJ lexicon for pipeline.normalize, built by scripts/build_zwnj_lexicon.py\n")
        fh.write(f"# {len(forms)} forms; columns, one value per line, aligned by position:\n")
        for name, doc in _COLUMN_DOC.items():
            fh.write(f"#   {name}: {doc}\n")
        for name, values in cols.items():
            fh.write(f"## {name}\n")
            fh.write("\n".join(values))
            fh.write("\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--exclude", default="", help="comma-separated source names not to count (e.g. raw_parsinlu_rc)")
    ap.add_argument("--min-count", type=int, default=1, help="drop joined corpus-only words seen fewer times")
    ap.add_argument("--all-lines", action="store_true", help="also count lines with lost ZWNJs (see LostZwnjDetector)")
    args = ap.parse_args(argv)
    if not args.corpora.is_dir():
        sys.exit(f"corpora folder not found: {args.corpora}")
    words_path, verbs_path = hazm_paths()
    hazm_words = read_hazm_words(words_path)
    verbs = read_hazm_verbs(verbs_path)
    detector = None if args.all_lines else LostZwnjDetector(hazm_words, verbs)
    print("counting corpora ...", file=sys.stderr)
    unigrams, spaced, totals = count(args.corpora, frozenset(x for x in args.exclude.split(",") if x), detector)

    common = [w for w in unigrams if hazm_words.get(w, 0) > 0]
    scale = sum(unigrams[w] for w in common) / max(1, sum(hazm_words[w] for w in common))
    ratios = suffix_ratios(unigrams, hazm_words)

    forms = set(hazm_words)
    for w, c in unigrams.items():
        if ZWNJ in w or c >= args.min_count:
            forms.add(w)
    args.out.mkdir(parents=True, exist_ok=True)
    rows = sorted(forms)
    write_lexicon(args.out / LEXICON_FILE, rows, unigrams, hazm_words, spaced)
    with open(args.out / "verb_stems.tsv", "w", encoding="utf-8") as fh:
        fh.write("# past\tpresent -- verb stems from Hazm 0.10.0 hazm/data/verbs.dat (MIT)\n")
        for past, present in verbs:
            fh.write(f"{past}\t{present}\n")
    meta = {
        "built_by": "scripts/build_zwnj_lexicon.py",
        "sources": {**{k: f"{v} tokens" for k, v in totals.items()}, "hazm_words": f"hazm {getattr(__import__('hazm'), '__version__', '0.10.0')} hazm/data/words.dat, {len(hazm_words)} entries"},
        "heldout": f"fars_news_lm: {N_HELDOUT} articles with the smallest sha1(link); raw_tabnak and raw_radiofarda entirely",
        "corpus_tokens": sum(totals.values()),
        "hazm_scale": scale,
        "suffix_ratio": ratios,
        "rows": len(rows),
    }
    with open(args.out / "lexicon_meta.json", "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=1)
    size = sum(os.path.getsize(args.out / f) for f in (LEXICON_FILE, "verb_stems.tsv", "lexicon_meta.json"))
    print(f"wrote {len(rows):,} forms, {size / 1e6:.2f} MB; hazm_scale={scale:.3g}; suffix ratios {ratios}", file=sys.stderr)


if __name__ == "__main__":
    main()
