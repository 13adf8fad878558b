"""BIO tags to spans."""
import pytest

from pipeline.tag.labels import BIO_LABELS, LABEL2ID, spans_from_bio


def test_tag_set():
    assert BIO_LABELS[0] == "O" and len(BIO_LABELS) == 13 and LABEL2ID["I-DATE"] == BIO_LABELS.index("I-DATE")


@pytest.mark.parametrize("tags,spans", [
    (["B-PER", "I-PER", "O", "B-LOC"], [("PER", 0, 2), ("LOC", 3, 4)]),
    (["I-ORG", "I-ORG", "O"], [("ORG", 0, 2)]),                 # a stray I- starts a span
    (["B-ROLE", "B-ROLE"], [("ROLE", 0, 1), ("ROLE", 1, 2)]),   # B- after B- is a new span
    (["B-PER", "I-LOC"], [("PER", 0, 1), ("LOC", 1, 2)]),       # a label change ends the span
    ([], []),
])
def test_spans_from_bio(tags, spans):
    assert spans_from_bio(tags) == spans
