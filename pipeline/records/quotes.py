"""Quotes: one record per attributed statement, with the resolved speaker.

Statements come from :func:`pipeline.records.attribution.speech_events` (after a colon,
or reported in the main clause); speakers from :func:`pipeline.records.coref.analyze`
(«وی»، surnames, titles and headline-style subjects resolved to the person).

Quote speakers are officials (ANNOTATION.md): a statement is kept only when its speaker is

* a named person (titled or not: untitled named speakers are mostly officials whose title the
  linker missed; dropping them lost more gold quotes on the training folds than it removed);
* an unnamed title or official group («شهردار زنجان», «اعضای شورای شهر»);

so speech of an institution alone (an ORG subject with no title) and of honorific brackets
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
from pipeline.schema import Quote

#: a bracketed honorific alone («(ره)», «(ع)», «(عج)»): one short word inside parentheses
_BRACKET_HONORIFIC = re.compile(r"^[\s\u200c]*[(\[][\s\u200c]*\w{1,3}[\s\u200c]*[)\]]?[\s\u200c]*$|^[\s\u200c]*\w{1,3}[\s\u200c]*[)\]][\s\u200c]*$")


def is_bracket_honorific(text: str | None) -> bool:
    """Whether ``text`` is only a bracketed honorific («(ره)», «(ع» ...), never a speaker's name."""
    return bool(text) and bool(_BRACKET_HONORIFIC.match(text))


def speaker_is_official(doc: Document, co: Coref, ref: Referent) -> bool:
    """Whether ``ref`` may speak a quote (see the module docstring)."""
    if ref.names:
        if all(is_bracket_honorific(n.text) for n in ref.names):
            return False
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
        speaker = ref.display if ref is not None else None
        out.append(Quote(speaker=speaker, text=text, evidence=evidence(doc, min(ev.sent_start, s), e)))
    return out
