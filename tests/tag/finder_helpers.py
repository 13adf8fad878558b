"""Run one rule finder alone on a hand-written sentence (no model, no other finder)."""
from pipeline.tag.lexindex import finder_lexicons, tokenize_words


def run_finder(finder, text, taken=()):
    """``[(label, text)]`` that ``finder`` marks in ``text``; ``taken``: (label, phrase) already marked."""
    toks = tokenize_words(text)
    occ = [None] * len(toks)
    for label, phrase in taken:
        start = text.index(phrase)
        for k, t in enumerate(toks):
            if start <= t.start and t.end <= start + len(phrase):
                occ[k] = label
    spans = []
    finder(toks, occ, finder_lexicons(), spans)
    return [(lab, text[toks[a].start:toks[b - 1].end]) for lab, a, b in spans]
