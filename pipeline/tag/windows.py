"""Windows over long articles for the tagger, and entity spans kept within a paragraph.

A model sees at most ``size`` units (words or subwords) at a time. :func:`window_owners` cuts
``n`` units into windows that overlap by a quarter and gives every unit to exactly one window
(the one in which it sits farthest from an edge), so nothing is lost or counted twice.
:func:`split_at_newlines` cuts a predicted span where a line break falls inside it.
"""
from __future__ import annotations

from pipeline.document import Document


def split_at_newlines(doc: Document, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """No entity runs across a line break (windows hold whole articles, paragraphs included)."""
    out = []
    for lab, a, b in spans:
        start = a
        for i in range(a + 1, b):
            if "\n" in doc.text[doc.tokens[i - 1].end:doc.tokens[i].start]:
                out.append((lab, start, i))
                start = i
        out.append((lab, start, b))
    return out


def window_owners(n: int, size: int) -> list[tuple[int, int, list[int]]]:
    """Windows ``(start, end, owned_units)`` over ``n`` units; each unit owned exactly once."""
    if n <= size:
        return [(0, n, list(range(n)))]
    step = max(1, size - size // 4)
    starts = list(range(0, n - size, step)) + [n - size]
    owned: list[list[int]] = [[] for _ in starts]
    k = 0
    for u in range(n):
        # among windows covering u, the one where u is farthest from an edge
        best, best_margin = None, -1
        while k < len(starts) and starts[k] + size <= u:
            k += 1
        j = k
        while j < len(starts) and starts[j] <= u:
            margin = min(u - starts[j], starts[j] + size - 1 - u)
            if margin > best_margin:
                best, best_margin = j, margin
            j += 1
        owned[best].append(u)
    return [(s, s + size, o) for s, o in zip(starts, owned)]
