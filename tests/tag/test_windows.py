"""Windows over long inputs: every unit predicted once, away from an edge; spans split at line breaks."""
import pytest

from pipeline.document import Document
from pipeline.tag.windows import split_at_newlines, window_owners
from pipeline.tokenize import tokenize


@pytest.mark.parametrize("n,size", [(0, 8), (1, 8), (8, 8), (9, 8), (100, 8), (1000, 256), (257, 256), (31, 4)])
def test_every_unit_owned_by_exactly_one_window(n, size):
    windows = window_owners(n, size)
    owned = sorted(u for _s, _e, o in windows for u in o)
    assert owned == list(range(n))
    for start, end, units in windows:
        assert end - start <= size
        assert all(start <= u < end for u in units)


def test_windows_overlap_by_a_quarter():
    starts = [s for s, _e, _o in window_owners(100, 20)]
    assert starts[:3] == [0, 15, 30] and starts[-1] == 80


def test_owner_is_not_at_a_window_edge_when_avoidable():
    windows = window_owners(100, 20)
    for start, end, units in windows:
        for u in units:
            if start > 0:
                assert u - start >= 2  # an overlapped unit is predicted with left context
            if end < 100:
                assert end - 1 - u >= 2  # ... and with right context


def test_spans_never_cross_a_line_break():
    text = "سازمان همکاری اروپا\nوزیر دارایی"
    doc = tokenize(Document(id="t", raw=text, text=text))
    assert split_at_newlines(doc, [("ORG", 0, 5)]) == [("ORG", 0, 3), ("ORG", 3, 5)]
    assert split_at_newlines(doc, [("ORG", 0, 3)]) == [("ORG", 0, 3)]
