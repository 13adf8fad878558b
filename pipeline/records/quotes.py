"""Quotes: one record per attributed statement, with the resolved speaker.

Statements come from :func:`pipeline.records.attribution.speech_events` (after a colon,
or reported in the main clause); speakers from :func:`pipeline.records.coref.analyze`
(«وی»، surnames, titles and headline-style subjects resolved to the person).

Quote speakers are officials (ANNOTATION.md): a statement is kept only when its speaker is

* a named person, titled or not (untitled named speakers are mostly officials whose title the
  linker missed; dropping them all lost more gold quotes on the training folds than it removed),
  unless the article calls that untitled person by a private occupation (``private_nouns.txt``:
  «روزنامه‌نگار آمریکایی X», «X، نویسنده ...») or the clause opens with «این <occupation>»;
* an unnamed title or official group («شهردار زنجان», «اعضای شورای شهر»);

so speech of private persons, of an institution alone (an ORG subject with no title) and of honorific brackets
tagged as a name («(ره)», «(ع)») is no quote, and a name inside a «...» title with other words
(a book or film title) is never a subject (:mod:`pipeline.records.attribution`). A statement
whose speaker is not found is kept (speaker null).
"""
from __future__ import annotations

import re

from pipeline.document import Document
from pipeline.records.coref import Coref, Referent, analyze
from pipeline.records.evidence import evidence
from pipeline.records.official_model import title_holder
from pipeline.records.cues import word_set
from pipeline.records.textutil import next_word, prev_word, words
from pipeline.schema import Quote
from pipeline.textkey import key

#: a bracketed honorific alone («(ره)», «(ع)», «(عج)»): one short word inside parentheses
_BRACKET_HONORIFIC = re.compile(r"^[\s\u200c]*[(\[][\s\u200c]*\w{1,3}[\s\u200c]*[)\]]?[\s\u200c]*$|^[\s\u200c]*\w{1,3}[\s\u200c]*[)\]][\s\u200c]*$")


def is_bracket_honorific(text: str | None) -> bool:
    """Whether ``text`` is only a bracketed honorific («(ره)», «(ع» ...), never a speaker's name."""
    return bool(text) and bool(_BRACKET_HONORIFIC.match(text))


def _private_word(doc: Document, pos: int, before: bool) -> bool:
    """Whether one of the two words right before ``pos`` (a noun and its modifier: «روزنامه‌نگار
    آمریکایی X») or the word after it past a comma is a private occupation."""
    t = doc.text
    nouns = word_set("private_nouns")
    if before:
        w = prev_word(t, pos)
        if w is not None and key(w[2]) not in nouns and t[w[1]:pos].strip(" \u200c") == "":
            w2 = prev_word(t, w[0])
            if w2 is not None and t[w2[1]:w[0]].strip(" \u200c") == "":
                w = w2
    else:
        i = pos
        while i < len(t) and t[i] in " \t\u200c«»":
            i += 1
        if i >= len(t) or t[i] not in "،,":
            return False
        w = next_word(t, i + 1)
    return w is not None and key(w[2]) in nouns


def private_clause(doc: Document, s: int, e: int) -> bool:
    """Whether the clause ``[s, e)`` opens with «این <private occupation>» («این روزنامه‌نگار افزود»)."""
    ws = words(doc.text, s, e)[:4]
    return any(key(a[2]) in ("این", "همین") and key(b[2]) in word_set("private_nouns") for a, b in zip(ws, ws[1:]))


def speaker_is_official(doc: Document, co: Coref, ref: Referent) -> bool:
    """Whether ``ref`` may speak a quote (see the module docstring)."""
    if ref.names:
        if all(is_bracket_honorific(n.text) for n in ref.names):
            return False
        if not ref.roles and any(_private_word(doc, n.start, True) or _private_word(doc, n.end, False)
                                 for n in ref.names):
            return False  # «روزنامه‌نگار X», «X، نویسنده ...»: a private person
        # a named person without a title stays a speaker: on the training folds, dropping them (or
        # keeping them only beside other officials) lost more gold quotes than it removed errors
        return True
    return bool(ref.roles)  # a title or an official group; an ORG alone is not a speaker


def find_quotes(doc: Document) -> list[Quote]:
    """All quotes of ``doc`` in text order."""
    co = analyze(doc)
    out: list[Quote] = []
    for ev, ref in co.events:
        if ev.statement is None:
            continue
        s, e = ev.statement
        text = doc.text[s:e].strip()
        if not text:
            continue
        if ref is not None and not ref.names:
            ref = title_holder(doc, co, ref) or ref  # a titled speaker whose name the article gives elsewhere
        if ref is not None and not speaker_is_official(doc, co, ref):
            continue
        if ev.subject is None and private_clause(doc, ev.sent_start, ev.verb_start):
            continue
        speaker = ref.display if ref is not None else None
        out.append(Quote(speaker=speaker, text=text, evidence=evidence(doc, min(ev.sent_start, s), e)))
    return out
