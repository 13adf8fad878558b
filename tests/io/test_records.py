"""item_from_record / parse_json_line on hand-built records: ids, text checks, metadata, warnings."""
import datetime as dt

import pytest

from pipeline.io.items import Columns, InputFailure, InputItem
from pipeline.io.records import has_undecodable, item_from_record, json_type, parse_json_line

TEXT = "شهردار همدان از آغاز عملیات اجرایی پل غدیر خبر داد."
OLD = "شهردار همدان از آغاز عمليات اجرايي پل غدير خبر داد."  # Arabic ye
BAD = b"\xe4\xf8".decode("utf-8", errors="surrogateescape")


@pytest.mark.parametrize("value, expected", [
    (None, "null"), (True, "boolean"), (0, "number"), (1.5, "number"), ("س", "string"),
    ([1], "array"), ((1,), "array"), ({}, "object"), (dt.date(2024, 1, 1), "date"),
])
def test_json_type(value, expected):
    assert json_type(value) == expected


@pytest.mark.parametrize("text, expected", [
    ("شورا", False), ("", False), (BAD, True), ("a" + "\udc80", True), ("\udcff", True), ("\ud800", False),
])
def test_has_undecodable(text, expected):
    assert has_undecodable(text) is expected


def test_plain_record():
    item = item_from_record({"id": "۱۴۰۲-۷", "text": TEXT, "title": "پل غدیر", "date": "1402/07/01",
                             "source": "خبرگزاری"}, "f.jsonl:3", "f.jsonl:3")
    assert item == InputItem(id="۱۴۰۲-۷", text=TEXT, location="f.jsonl:3", title="پل غدیر", date="1402/07/01",
                             source="خبرگزاری")
    assert item.warnings == ()


@pytest.mark.parametrize("raw, expected", [
    (42, "42"), (3.0, "3"), (2.5, "2.5"), ("  الف-۱  ", "الف-۱"), (None, "DEF"), ("   ", "DEF"),
])
def test_id_forms(raw, expected):
    item = item_from_record({"id": raw, "text": OLD}, "loc", "DEF")
    assert isinstance(item, InputItem) and item.id == expected


def test_doc_id_fallback_only_for_default_column():
    assert item_from_record({"doc_id": "d-9", "text": TEXT}, "loc", "DEF").id == "d-9"
    assert item_from_record({"doc_id": "d-9", "text": TEXT}, "loc", "DEF", Columns(id="key")).id == "DEF"
    assert item_from_record({"key": 7, "text": TEXT}, "loc", "DEF", Columns(id="key")).id == "7"


@pytest.mark.parametrize("raw, kind", [([1], "array"), ({"a": 1}, "object"), (True, "boolean"),
                                       (float("nan"), "number"), (float("inf"), "number")])
def test_bad_id(raw, kind):
    out = item_from_record({"id": raw, "text": TEXT}, "loc", "DEF")
    assert out == InputFailure("loc", f"'id' must be a string or a number, got {kind}: "
                                      f"give each article a plain id such as \"2023-0412\"")


def test_not_an_object():
    assert item_from_record(["متن"], "a.json:[2]", "x") == InputFailure(
        "a.json:[2]", "expected a JSON object with 'id' and 'text', got array")
    assert item_from_record("متن", "l", "x", Columns(text="body", id="key")).reason == \
        "expected a JSON object with 'key' and 'body', got string"


@pytest.mark.parametrize("record, reason", [
    ({"id": "a"}, "no 'text' field: each record needs the article text under 'text' (or name the field with --text-col)"),
    ({"id": "a", "text": None}, "'text' is null: no text to extract from"),
    ({"id": "a", "text": 5}, "'text' must be a string, got number"),
    ({"id": "a", "text": ["متن"]}, "'text' must be a string, got array"),
    ({"id": "a", "text": " \n\t "}, "empty 'text': no text to extract from"),
    ({"id": "a", "text": "متن " + BAD}, "not UTF-8: some bytes cannot be decoded; convert the file, "
                                        "e.g. `iconv -f WINDOWS-1256 -t UTF-8 in > out`"),
])
def test_text_failures_keep_the_id(record, reason):
    assert item_from_record(record, "loc", "DEF") == InputFailure("loc", reason, "a")


def test_undecodable_id():
    out = item_from_record({"id": "x" + BAD, "text": TEXT}, "loc", "DEF")
    assert isinstance(out, InputFailure) and out.reason.startswith("not UTF-8") and out.id is None


def test_custom_text_column():
    cols = Columns(text="body")
    assert item_from_record({"id": "a", "body": TEXT}, "loc", "d", cols).text == TEXT
    assert "under 'body' (or name the field with --text-col)" in item_from_record({"id": "a", "text": TEXT}, "loc",
                                                                                   "d", cols).reason


def test_metadata_scalars_and_warnings():
    item = item_from_record({"id": "a", "text": TEXT, "title": ["پل"], "date": 14020701, "source": "  "}, "l", "d")
    assert isinstance(item, InputItem)
    assert (item.title, item.date, item.source) == (None, "14020701", None)
    assert item.warnings == ("'title' ignored: expected a string, got array",)


def test_metadata_dates_and_bad_bytes():
    item = item_from_record({"id": "a", "text": TEXT, "date": dt.date(2023, 10, 1), "source": "خبر" + BAD,
                             "title": True}, "l", "d")
    assert item.date == "2023-10-01" and item.source is None and item.title is None
    assert item.warnings == ("'title' ignored: expected a string, got boolean",
                             "'source' ignored: expected a string, got bytes that are not UTF-8")


def test_warnings_do_not_affect_equality():
    a = item_from_record({"id": "a", "text": TEXT, "title": 1.5}, "l", "d")
    b = item_from_record({"id": "a", "text": TEXT, "title": [1]}, "l", "d")
    assert a.title == "1.5" and b.title is None
    assert item_from_record({"id": "a", "text": TEXT, "title": [1]}, "l", "d") == item_from_record(
        {"id": "a", "text": TEXT, "title": {"x": 1}}, "l", "d")


def test_parse_json_line():
    ok = parse_json_line('{"id": 5, "text": "%s"}' % TEXT, "f:1", "f:1", Columns())
    assert ok == InputItem(id="5", text=TEXT, location="f:1")
    bad = parse_json_line('{"id": 5, "text": ', "f:2", "f:2", Columns())
    assert bad == InputFailure("f:2", "malformed JSON: Expecting value at column 19")
    deep = parse_json_line("[" * 100000 + "]" * 100000, "f:3", "f:3", Columns())
    assert deep == InputFailure("f:3", "malformed JSON: nested too deeply")
    arr = parse_json_line("[1, 2]", "f:4", "f:4", Columns())
    assert arr == InputFailure("f:4", "expected a JSON object with 'id' and 'text', got array")
