"""pipeline.training.gold_spans.locate: gold entity texts placed as spans of a normalized text."""
import pytest

from pipeline.training.gold_spans import locate


@pytest.mark.parametrize("text, ents, expected", [
    # same spelling, in order; a repeated name takes its next occurrence
    ("رضا امینی گفت. امینی افزود.", [("PER", "رضا امینی"), ("PER", "امینی")],
     [("PER", "رضا امینی"), ("PER", "امینی")]),
    # Arabic ي/ك in the gold text, Persian letters in the normalized text
    ("شهرداری کرج اعلام کرد.", [("ORG", "شهرداري كرج")], [("ORG", "شهرداری کرج")]),
    # a ZWNJ in one and a space in the other
    ("مدیرعامل سازمان آتش‌نشانی گفت.", [("ORG", "سازمان آتش نشانی")], [("ORG", "سازمان آتش‌نشانی")]),
    # Persian digits in the text, ASCII in the gold
    ("بودجه ۱۲ میلیارد تومان است.", [("FIG", "12 میلیارد تومان")], [("FIG", "۱۲ میلیارد تومان")]),
    # an entity that is not in the text is left out
    ("رضا امینی گفت.", [("PER", "مریم احمدی")], []),
])
def test_locate(text, ents, expected):
    spans = locate(text, [{"label": lab, "text": t} for lab, t in ents])
    assert [(s.label, s.text) for s in spans] == expected
    assert all(text[s.start:s.end] == s.text for s in spans)
