"""pipeline.records.evidence: a record's supporting sentences with normalized and raw offsets."""
from __future__ import annotations

from pipeline.document import Document, Sentence
from pipeline.records.evidence import evidence

S1 = "جلسه شورا برگزار شد."
S2 = "شهردار گفت کار آغاز می‌شود."
S3 = "پایان."
TEXT = S1 + " " + S2 + "\n" + S3
B1 = (0, len(S1))
B2 = (len(S1) + 1, len(S1) + 1 + len(S2))
B3 = (B2[1] + 1, len(TEXT))


def _doc(sentences=True, norm=None, **kw) -> Document:
    sents = [Sentence(s, e, TEXT[s:e]) for s, e in (B1, B2, B3)] if sentences else []
    return Document(id="e", raw=TEXT, text=TEXT, sentences=sents, norm=norm, **kw)


class _ShiftNorm:
    """A stand-in NormalizedText whose raw text has a 3-char prefix the normalizer removed."""

    def raw_span(self, start, end):
        return start + 3, end + 3


def test_span_inside_one_sentence_widens_to_it():
    i = TEXT.index("کار")
    ev = evidence(_doc(), i, i + 3)
    assert (ev.text, ev.start, ev.end, ev.raw_start, ev.raw_end) == (S2, B2[0], B2[1], B2[0], B2[1])


def test_span_across_sentences_covers_both():
    i, j = TEXT.index("شورا"), TEXT.index("گفت")
    ev = evidence(_doc(), i, j)
    assert (ev.start, ev.end) == (0, B2[1])
    assert ev.text == S1 + " " + S2


def test_missing_or_empty_end_means_one_character():
    i = TEXT.index("پایان")
    assert evidence(_doc(), i).text == S3
    assert evidence(_doc(), i, i).text == S3
    assert evidence(_doc(sentences=False), i).text == "پ"
    back = evidence(_doc(sentences=False), i, i - 5)
    assert (back.start, back.end) == (i, i + 1)


def test_without_sentences_falls_back_to_the_span():
    i = TEXT.index("شهردار")
    ev = evidence(_doc(sentences=False), i, i + 6)
    assert (ev.text, ev.start, ev.end) == ("شهردار", i, i + 6)


def test_end_is_clipped_to_the_text():
    ev = evidence(_doc(sentences=False), len(TEXT) - 2, len(TEXT) + 10)
    assert (ev.text, ev.end) == (TEXT[-2:], len(TEXT))


def test_raw_offsets_come_from_the_normalizer():
    i = TEXT.index("کار")
    ev = evidence(_doc(norm=_ShiftNorm()), i, i + 3)
    assert (ev.start, ev.end, ev.raw_start, ev.raw_end) == (B2[0], B2[1], B2[0] + 3, B2[1] + 3)


def test_evidence_indexes_output_text_on_a_flat_view():
    wrapped = "شهردار گفت کار\nآغاز می‌شود."
    flat = wrapped.replace("\n", " ")
    doc = Document(id="f", raw=wrapped, text=wrapped, flat=flat,
                   sentences=[Sentence(0, len(wrapped), wrapped)])
    view = doc.flat_view()
    assert view.text == flat
    ev = evidence(view, 0, 6)
    assert ev.text == wrapped  # the line break of the output text is kept
