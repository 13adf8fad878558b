"""Rule-based entity finder (lexicons + patterns) for PER, ROLE, ORG, LOC (+ FIG, DATE if available).

Two uses:

* the clearly named STAND-IN tagger (:func:`rule_entities`) used until the neural tagger lands;
* post-hoc boundary fixes and silver labels: :func:`role_token_spans` finds ROLE spans over a
  pre-tokenized sentence (used by :mod:`pipeline.training.ner_data`).

The finders run in this order over :func:`pipeline.tokenize.words` tokens, each leaving the
tokens it takes to the next: places (:mod:`~pipeline.tag.find_places`), roles
(:mod:`~pipeline.tag.find_roles`), organizations (:mod:`~pipeline.tag.find_orgs`), people
(:mod:`~pipeline.tag.find_people`); tokens, keys and the phrase index are in
:mod:`~pipeline.tag.lexindex`, shared word classes in :mod:`~pipeline.tag.wordclass`.

Boundaries follow ../shared/ANNOTATION.md: a ROLE stops before an ORG head or a place
(«مدیرعامل | سازمان آتش‌نشانی ...», «شهردار | منطقه ۴ تبریز»); an ORG keeps a contained place
(«شهرداری قم», «شورای شهر کاشمر»); bare institution words are not entities; honorifics
(«دکتر», «آیت‌الله») stay outside PER while «سید» joined to the name stays inside.
"""
from __future__ import annotations

from pipeline.document import Span
from pipeline.tag.find_orgs import find_known_orgs, find_orgs
from pipeline.tag.find_people import find_people
from pipeline.tag.find_places import find_places
from pipeline.tag.find_roles import find_roles
from pipeline.tag.lexindex import Tok, finder_lexicons, tokenize_words, toks_from_words, word_key


__all__ = ["rule_entities", "role_token_spans", "tag_tokens", "word_key", "tokenize_words"]


def tag_tokens(toks: list[Tok], pre: list[tuple[str, int, int]] | None = None,
               labels=("LOC", "ROLE", "ORG", "PER")) -> list[tuple[str, int, int]]:
    """(label, start_token, end_token) spans over ``toks``; ``pre`` are fixed spans (FIG/DATE/gold)."""
    lx = finder_lexicons()
    occ: list[str | None] = [None] * len(toks)
    spans: list[tuple[str, int, int]] = []
    for lab, a, b in pre or []:
        for x in range(a, b):
            occ[x] = lab or "X"
    if "LOC" in labels or "ORG" in labels:
        find_places(toks, occ, lx, spans)
    if "ROLE" in labels:
        find_roles(toks, occ, lx, spans)
    if "ORG" in labels:
        find_known_orgs(toks, occ, lx, spans)
        find_orgs(toks, occ, lx, spans)
    if "PER" in labels:
        find_people(toks, occ, lx, spans)
    wanted = set(labels)
    return sorted((s for s in spans if s[0] in wanted), key=lambda s: s[1])


def role_token_spans(words: list[str], occupied: list[bool] | None = None) -> list[tuple[int, int]]:
    """ROLE spans ``(i, j)`` over pre-tokenized ``words``; occupied tokens (gold entities) are never used.

    Places are found first (so a role stops before them) but only ROLE spans are returned.
    """
    toks = toks_from_words(words)
    pre = [("X", k, k + 1) for k, o in enumerate(occupied or []) if o]
    return [(a, b) for lab, a, b in tag_tokens(toks, pre, labels=("LOC", "ROLE")) if lab == "ROLE"]


def rule_entities(text: str, with_external: bool = True, *, dates: list[Span] | None = None,
                  figures: list[Span] | None = None) -> list[Span]:
    """STAND-IN tagger: rule-based entity spans (offsets in ``text``), flat and non-overlapping.

    FIG and DATE spans come from the Persian language module: pass a document's
    ``spans["dates"]``/``spans["figures"]`` layers (:mod:`pipeline.persian.spans`) to reuse them,
    else they are found here (a bug there raises, it is never hidden). The FIG/DATE spans kept
    are the layer's own objects, parsed values included.
    """
    toks = tokenize_words(text)
    ext: list[Span] = []
    if with_external:
        if dates is None or figures is None:
            from pipeline.persian.spans import date_and_figure_spans

            dates, figures = date_and_figure_spans(text)
        ext = list(figures) + list(dates)
    pre, ext_spans = [], []
    taken: list[tuple[int, int]] = []
    for sp in sorted(ext, key=lambda x: (x.start, -(x.end - x.start))):
        s, e = sp.start, sp.end
        if any(s < b and a < e for a, b in taken):
            continue
        idx = [k for k, t in enumerate(toks) if t.start < e and s < t.end]
        if not idx:
            continue
        taken.append((s, e))
        pre.append((sp.label, idx[0], idx[-1] + 1))
        ext_spans.append(sp)
    out = list(ext_spans)
    for lab, a, b in tag_tokens(toks, pre):
        s, e = toks[a].start, toks[b - 1].end
        out.append(Span(lab, s, e, text[s:e]))
    return sorted(out, key=lambda sp: sp.start)
