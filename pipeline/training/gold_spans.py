"""Gold entity texts (``ANNOTATION.md`` files list them without offsets) placed as spans of a text.

Used at training and measuring time only: the record models learn from gold articles, and
``scripts/eval_records_oracle.py`` runs the record rules on gold entities.
"""
from __future__ import annotations

from pipeline.document import Span
from pipeline.textkey import fold

_IGNORE = set(" \t\n\r\u200c\u200d\u200e\u200f\u0640") | set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670"}
_PUNCT = set("«»\"'()[]،,:؛;.!?؟-–—")


def _squeeze(text: str, drop_punct: bool) -> tuple[str, list[int]]:
    out, idx = [], []
    ft = fold(text)  # same length as text: positions index it
    for i, ch in enumerate(ft):
        if ch in _IGNORE or (drop_punct and ch in _PUNCT):
            continue
        out.append(ch)
        idx.append(i)
    return "".join(out), idx


def locate(text: str, ents: list[dict]) -> list[Span]:
    """Gold entity texts -> spans of ``text``, searched in order (then anywhere unused), ignoring
    ZWNJ/space/letter-form differences (and punctuation on a second try)."""
    spans: list[Span] = []
    sq = {p: _squeeze(text, p) for p in (False, True)}
    pos = {False: 0, True: 0}
    used: list[tuple[int, int]] = []
    for e in ents:
        found = None
        for p in (False, True):
            stext, idx = sq[p]
            needle = _squeeze(e["text"], p)[0]
            if not needle:
                continue
            starts = [stext.find(needle, pos[p])]
            j = stext.find(needle)
            while j >= 0:
                starts.append(j)
                j = stext.find(needle, j + 1)
            for j in starts:
                if j < 0:
                    continue
                s, t = idx[j], idx[j + len(needle) - 1] + 1
                if any(s < b and a < t for a, b in used):
                    continue
                found = (s, t, p, j + len(needle))
                break
            if found:
                break
        if not found:
            continue
        s, t, p, nxt = found
        pos[p] = nxt
        used.append((s, t))
        spans.append(Span(e["label"], s, t, text[s:t]))
    spans.sort(key=lambda sp: sp.start)
    return spans
