"""The tag set: BIO over the six entity labels of ANNOTATION.md."""
from __future__ import annotations

from pipeline.document import LABELS

BIO_LABELS: tuple[str, ...] = ("O",) + tuple(f"{p}-{lab}" for lab in LABELS for p in ("B", "I"))
LABEL2ID = {lab: i for i, lab in enumerate(BIO_LABELS)}


def spans_from_bio(tags: list[str]) -> list[tuple[str, int, int]]:
    """``(label, first, last_exclusive)`` word spans; a stray ``I-X`` starts a new span."""
    spans: list[tuple[str, int, int]] = []
    label, start = None, 0
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, lab = tag.partition("-")
        if label is not None and (prefix != "I" or lab != label):
            spans.append((label, start, i))
            label = None
        if prefix == "B" or (prefix == "I" and label is None and lab):
            label, start = lab, i
    return spans
