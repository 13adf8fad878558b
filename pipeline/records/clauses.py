"""Clauses of a sentence: the units a commitment (or a reported statement) is stated in.

A sentence is cut at «: ؛ ;» (a speech verb's colon separates the speaker's words from the
attribution) and, softly, at «،» or a coordinating word («و», «اما», «ولی», «بلکه», «لذا»,
«زیرا», «چرا که») when the words before it end with a finite verb (not at «تا»: «موظف هستند تا
... برسانند» is one obligation): «... انجام شود و
مدیران باید ...» is two clauses, «رعایت اخلاق، امانتداری و ...» stays one. A clause of
fewer than ``min_words`` words joins the one before it (when there is one in the sentence).

Finite verbs are recognized from their form (:func:`looks_finite`), not from a word list:
«می/نمی» + a verb stem with its personal ending (stems of Hazm's verb list,
``pipeline/normalize/data/verb_stems.tsv``: «می‌شود», «میکردند», «نمی‌افزاید», but not the nouns
«میدان», «میلیارد», «میزان»), a future «خواهد ...», a participle + «است/اند», or a listed auxiliary. This runs once per sentence and is
linear in its length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.textkey import fold

_WORD = re.compile(r"[^\W_]+(?:\u200c+[^\W_]+)*")
_HARD = re.compile(r"[:؛;]")
_SOFT = re.compile(r"[ \t]*[،,][ \t]*|[ \t]+(?:و|اما|ولی|بلکه|لذا|زیرا|چرا[ \u200c]+که)[ \t]+")
#: verb-final words: auxiliaries and frequent light-verb forms (a clause ends after one of them)
_FINITE_WORDS = frozenset(fold(w) for w in (
    "است", "هست", "هستند", "هستیم", "نیست", "نیستند", "بود", "بودند", "باشد", "باشند", "شد", "شدند", "شود",
    "شوند", "گردید", "گردد", "کرد", "کردند", "کند", "کنند", "کنیم", "کردیم", "داد", "دادند", "دهد", "دهند",
    "داشت", "داشتند", "دارد", "دارند", "داریم", "گرفت", "گرفتند", "گیرد", "گیرند", "رسید", "رسیدند", "رسد",
    "رسند", "یافت", "یابد", "نمود", "نمودند", "نماید", "نمایند", "گفت", "گفتند", "افزود", "افزودند", "اند",
    "ایم", "خواهد", "خواهند", "خواهیم", "آمد", "آید", "زد", "خورد", "ساخت", "برد", "ماند", "رفت",
    "میتوان", "نمیتوان"))
_PREFIXED = re.compile(r"^ن?می[\u200c ]?(\w{2,})$")
_STEMS = Path(__file__).resolve().parents[1] / "normalize" / "data" / "verb_stems.tsv"
#: verbs whose stems the Hazm list lacks but news uses with «می» (present stem of «بودن», «نمودن» forms)
_EXTRA_STEMS = (("بود", "باش"), ("نمود", "نما"), ("گردید", "گرد"), ("افزود", "افزا"))
_PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند")
_PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")


@lru_cache(maxsize=1)
def verb_stem_pairs() -> tuple[tuple[str, str], ...]:
    """(past stem, present stem) of every verb of the stem list (folded, without ZWNJ)."""
    pairs = list(_EXTRA_STEMS)
    with open(_STEMS, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\t" not in line:
                continue
            past, present = line.rstrip("\n").split("\t")
            pairs.append((past, present))
    return tuple((fold(p).replace("\u200c", ""), fold(q).replace("\u200c", "")) for p, q in pairs)


@lru_cache(maxsize=1)
def verb_bodies() -> frozenset[str]:
    """Every «stem + personal ending» that may follow «می/نمی» (folded, without ZWNJ): past stems
    with the past endings, present stems with the present endings («ی» before them after a vowel:
    «گوید», «نمایند»)."""
    out: set[str] = set()
    for past, present in verb_stem_pairs():
        if past:
            out.update(past + e for e in _PAST_ENDINGS)
        if present:
            out.update(present + e for e in _PRESENT_ENDINGS)
            if present.endswith(("ا", "و")):
                out.update(present + "ی" + e for e in _PRESENT_ENDINGS)
    return frozenset(x for x in out if len(x) >= 2)


def _prefixed_verb(w: str) -> bool:
    """«می/نمی» + a known stem with its ending, glued, with ZWNJ or a space («میشود», «می‌کردند»)."""
    m = _PREFIXED.match(w)
    return m is not None and m.group(1).replace("\u200c", "") in verb_bodies()
_PERFECT = re.compile(r"\w+ه[\u200c ]?(?:است|اند|ایم|ام|اید|بود|باشد)$")


def looks_finite(words: list[str]) -> bool:
    """Whether the last of ``words`` (folded) is a finite verb, judged by its form."""
    if not words:
        return False
    w = words[-1].replace("\u200c", "")
    if w in _FINITE_WORDS or _prefixed_verb(w):
        return True
    if len(words) > 1 and words[-2] in ("می", "نمی") and w in verb_bodies():
        return True
    return len(words) > 1 and bool(_PERFECT.match(words[-2] + " " + w))


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    sent_start: int
    sent_end: int
    after_colon: bool  # the clause follows a «:» in its sentence (quoted or listed words)


def _words(ft: str, s: int, e: int) -> list[str]:
    return [m.group(0).replace("\u200c", "") for m in _WORD.finditer(ft, s, e)]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    chars = " \t\n\u200c،,:؛«»\"'"
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars + ".!?؟":
        e -= 1
    return s, e


def split_clauses(text: str, start: int, end: int, ft: str | None = None, min_words: int = 4) -> list[Clause]:
    """The clauses of the sentence ``text[start:end]`` (see the module docstring)."""
    ft = fold(text) if ft is None else ft
    cuts: list[tuple[int, int, bool]] = []  # (clause end, next start, hard)
    seg = start
    for m in re.finditer(f"{_HARD.pattern}|{_SOFT.pattern}", ft[start:end]):
        a, b = start + m.start(), start + m.end()
        if _HARD.fullmatch(ft[a:b].strip()):
            cuts.append((a, b, True))
            seg = b
        elif looks_finite(_words(ft, seg, a)):
            cuts.append((a, b, False))
            seg = b
    spans: list[tuple[int, int, bool]] = []  # (start, end, after a colon)
    s, colon = start, False
    for a, b, hard in cuts:
        spans.append((s, a, colon))
        colon = colon or ft[a:b].strip() == ":"
        s = b
    spans.append((s, end, colon))
    merged: list[list] = []
    for s, e, c in spans:
        n = len(_words(ft, s, e))
        if merged and n < min_words and ft[merged[-1][1]:s].strip() not in (":", "؛", ";"):
            merged[-1][1] = e
            continue
        merged.append([s, e, c])
    out: list[Clause] = []
    for s, e, c in merged:
        s, e = _strip(text, s, e)
        if e > s:
            out.append(Clause(s, e, start, end, c))
    return out
