"""The Document: span layers, records by name, the flat view the record rules read."""
import pytest

from pipeline.document import Document, Span

TEXT = "سخنان شهردار منطقه چهار در جلسه امروز\nشورا"


def _doc():
    flat = TEXT.replace("\n", " ")
    doc = Document(id="d", raw=TEXT, text=TEXT, flat=flat)
    doc.spans["model"] = [Span("ROLE", 6, 12, "شهردار")]
    doc.entities = [Span("ROLE", 6, 12, "شهردار"), Span("ORG", 33, 42, TEXT[33:42])]
    return doc


def test_entities_is_the_final_layer():
    doc = _doc()
    assert doc.spans["entities"] == doc.entities
    assert doc.spans["model"] != doc.entities


def test_flat_view_reads_unwrapped_text_but_indexes_the_output():
    doc = _doc()
    view = doc.flat_view()
    assert "\n" not in view.text and view.output_text == TEXT
    org = [e for e in view.entities if e.label == "ORG"][0]
    assert org.text == view.text[org.start:org.end] and "\n" not in org.text
    assert doc.entities[1].text == TEXT[33:42]  # the document itself is untouched
    view.records["x"] = [1]
    assert doc.records["x"] == [1]              # records written on the view land on the document


def test_records_read_by_name():
    doc = _doc()
    doc.records["officials"] = ["o"]
    assert doc.officials == ["o"]
    with pytest.raises(AttributeError, match="records so far"):
        doc.meetings  # noqa: B018


def test_no_wrap_no_copy():
    doc = Document(id="d", raw="متن", text="متن", flat="متن")
    assert doc.flat_view() is doc


def test_span_value_rides_along_but_is_not_compared():
    a = Span("FIG", 0, 5, "۵ نفر", value=("parsed", 5))
    b = Span("FIG", 0, 5, "۵ نفر")
    assert a == b and hash(a) == hash(b)  # layers compare by label, offsets, text and score
    assert a.value == ("parsed", 5) and b.value is None
    assert a != Span("FIG", 0, 5, "۵ نفر", score=0.5)
