#!/usr/bin/env python3
"""Build pipeline/lexicons/given_names_broad.txt from a broad, licensed list of Persian first names.

    python scripts/build_given_names.py            # writes the lexicon and prints what was filtered
    python scripts/build_given_names.py --check    # only print the counts

Source: the name list of the ``persian-gender-detection`` package (MIT License, Copyright (c) 2022
Arman Yazdi; https://github.com/zeoses/persian-gender-detection, from peymanslh/persian-gender-detection),
about 19,900 entries. Install it with ``pip install persian-gender-detection==1.4.0``.

The list is broad but noisy: besides names it holds common words («ایران», «روز», «شهر»). An entry
is kept only when nothing says it is a common word:

1. **project lexicons**: a role, title modifier, organization or place word, month or weekday name,
   honorific, pronoun, unit or number word of ``pipeline/lexicons`` is not a given name here;
2. **labelled use** (ParsTwiNER, MIT): a word seen at least 3 times there and tagged PER in under 15%
   of its occurrences is a common word, and so is one seen twice, never as PER, that also has a
   common-noun use below;
3. **unlabelled use** (PerDT sentences, CC BY-SA 4.0, and UPDT, Apache-2.0): a word that takes a
   plural ending («ـها», «ـهای») or follows a determiner («این», «آن», «هر», «چند», «برخی») at
   least 3 times (and is not tagged PER twice in ParsTwiNER) is a common noun; names almost never are.

Ambiguous names that are also words («امید», «شیرین», «الهام») stay in: the rules that use the
list need a surname, a title or a tagged name next to them.

The broad list is for rules that have other evidence next to the name (a title after it, a tagged
name beside it: :mod:`pipeline.records.repair`). The short hand-checked ``given_names.txt`` stays
the list of the rule tagger, which marks «given name + next word» as a name with no other evidence
(with the broad list it tagged words such as «نشاط شهروندان» or «مدد گل» as names).

Letters split by stray spaces in the source («آ رمان») are joined; Arabic ي/ك are written as ی/ک.
Only the filtered names are written (no corpus text). The corpora are read from ``../shared/corpora``
next to the checkout.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.eval_records import SHARED  # noqa: E402

OUT = ROOT / "pipeline" / "lexicons" / "given_names_broad.txt"
_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ة": "ه", "ۀ": "ه"})
_PERSIAN_WORD = re.compile(r"[آ-ی]{2,}")
#: lexicons whose words are never given names here (first word of each entry)
_EXCLUDE_LEXICONS = ("roles", "role_modifiers", "org_heads", "generic_orgs", "place_types", "honorifics",
                     "pronouns", "group_nouns", "institution_heads", "anaphoric_nouns", "fig_label_nouns",
                     "fig_non_nouns", "finite_verbs", "news_sources", "meeting_blockers", "number_vague")
_EXCLUDE_TABLES = ("places", "date_months", "date_weekdays", "units", "number_words", "date_relative",
                   "date_named_periods")
_DETERMINERS = ("این", "آن", "هر", "چند", "برخی", "همه", "کدام", "همین", "همان")
#: foreign given names frequent in Persian news, absent from the Persian list (written by hand)
FOREIGN = ("دونالد", "جو", "باراک", "جورج", "ولادیمیر", "امانوئل", "آنگلا", "بوریس", "نارندرا", "رجب",
           "کامالا", "ترزا", "اولاف", "ریشی")


def clean(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).translate(_LETTERS)
    return re.sub(r"[\s\u200c\u200d]+", "", name)


def source_names() -> list[str]:
    try:
        from importlib.resources import files

        path = files("persian_gender_detection") / "gender" / "iranianNamesDataset.csv"
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as e:
        raise SystemExit(f"the name source is missing ({e}); install it with "
                         "`pip install persian-gender-detection==1.4.0`") from e
    rows = csv.DictReader(text.splitlines())
    out = {clean(r["Names"]) for r in rows}
    return sorted(n for n in out if _PERSIAN_WORD.fullmatch(n))


def lexicon_words() -> set[str]:
    from pipeline.lexicons import load_lexicon, load_table

    words: set[str] = set()
    for name in _EXCLUDE_LEXICONS:
        for entry in load_lexicon(name):
            words.update(clean(w) for w in entry.split()[:1])
    for name in _EXCLUDE_TABLES:
        for entry in load_table(name):
            words.update(clean(w) for w in entry.split()[:1])
    return words


def labelled_use(corpus: Path, names: set[str]) -> tuple[Counter, Counter]:
    """(occurrences, PER-tagged occurrences) of each name in a ``token<TAB>IOB`` corpus."""
    tot, per = Counter(), Counter()
    for path in sorted(corpus.glob("*.txt")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                tok, _, lab = line.rstrip("\n").partition("\t")
                w = clean(tok)
                if w in names:
                    tot[w] += 1
                    per[w] += lab.endswith("PER")
    return tot, per


def common_noun_use(paths: list[Path], names: set[str]) -> Counter:
    """How often each name is used like a common noun: plural ending, or after a determiner."""
    hits: Counter = Counter()
    dets = set(_DETERMINERS)
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                toks = [clean(t) for t in re.split(r"[\s\u200c]*\s[\s\u200c]*", line.strip())]
                for i, t in enumerate(toks):
                    for end in ("های", "ها"):
                        if t.endswith(end) and t[: -len(end)] in names:
                            hits[t[: -len(end)]] += 1
                            break
                    else:
                        if t in names and i > 0 and toks[i - 1] in dets:
                            hits[t] += 1
                # «کشور‌ها» written with a ZWNJ: the split above leaves «کشورها» joined (clean removes ZWNJ)
    return hits


def build(check: bool = False) -> tuple[list[str], dict[str, int]]:
    corpora = SHARED / "corpora"
    if not corpora.exists():
        raise SystemExit("../shared/corpora is not present next to the checkout; it holds the corpora "
                         "used to filter common words out of the name list")
    names = source_names()
    stats = {"source": len(names)}
    lex = lexicon_words()
    kept = [n for n in names if n not in lex]
    stats["lexicon words dropped"] = len(names) - len(kept)
    nset = set(kept)
    tot, per = labelled_use(corpora / "parstwiner", nset)
    unl = common_noun_use([corpora / "raw_perdt" / "perdt_sentences.txt", corpora / "raw_updt" / "updt_plain.txt"],
                          nset)
    out = []
    dropped_lab = dropped_unl = 0
    for n in kept:
        if tot[n] >= 3 and per[n] / tot[n] < 0.15 or (tot[n] >= 2 and per[n] == 0 and unl[n] >= 1):
            dropped_lab += 1
            continue
        if unl[n] >= 3 and per[n] < 2:
            dropped_unl += 1
            continue
        out.append(n)
    stats["dropped by labelled use (ParsTwiNER)"] = dropped_lab
    stats["dropped by common-noun use (PerDT, UPDT)"] = dropped_unl
    out = sorted(set(out) | {clean(f) for f in FOREIGN})
    stats["written"] = len(out)
    return out, stats


HEADER = """# Persian given names, broad list (~16k): for rules with other evidence next to the name (pipeline/records/repair.py).
# Built by scripts/build_given_names.py; do not edit by hand (edit the script and rebuild).
# Source: the name list of the persian-gender-detection package, MIT License,
#   Copyright (c) 2022 Arman Yazdi (https://github.com/zeoses/persian-gender-detection);
#   common words removed with the project lexicons, ParsTwiNER (MIT) tag statistics and plural/determiner
#   use in PerDT (CC BY-SA 4.0) and UPDT (Apache-2.0) sentences; plus a short hand list of foreign given names.
# Spelling: Persian ی/ک, no ZWNJ or spaces inside (compounds joined: «محمدحسین»); the matchers also accept them split.
"""


def main(args=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="print the counts only")
    ap.add_argument("--out", type=Path, default=OUT)
    ns = ap.parse_args(args)
    names, stats = build(ns.check)
    for k, v in stats.items():
        print(f"{k:45} {v:6}")
    if not ns.check:
        ns.out.write_text(HEADER + "\n".join(names) + "\n", encoding="utf-8")
        print(f"wrote {len(names)} names to {ns.out.relative_to(ROOT) if ns.out.is_relative_to(ROOT) else ns.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
