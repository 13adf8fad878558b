"""iter_array on hand-built JSON texts: elements, single objects, and each error message."""
import io
import json

import pytest

import pipeline.io.jsonarray as ja
from pipeline.io.jsonarray import ArrayError, iter_array

A = {"id": "الف", "text": "شهردار کرمان از بازار سرپوشیده بازدید کرد."}
B = {"id": "ب", "text": "شهردار كرج از افتتاح پارك خبر داد."}  # older orthography (Arabic ك)


def _read(text: str) -> list:
    return list(iter_array(io.StringIO(text)))


@pytest.mark.parametrize("text, expected", [
    ("[]", []),
    ("  \n[ ]\n", []),
    ("[1, 2, 3]", [1, 2, 3]),
    ('["شورا", null, true, false]', ["شورا", None, True, False]),
    ("\ufeff[1]", [1]),                 # byte-order mark is whitespace
    ('{"a": 1}', [{"a": 1}]),           # a lone object is a one-element array
    ('  {"a": [1, 2]}  \n', [{"a": [1, 2]}]),
    ("[[1, [2]], {}]", [[1, [2]], {}]),
])
def test_elements(text, expected):
    assert _read(text) == expected


def test_persian_records_round_trip():
    text = json.dumps([A, B], ensure_ascii=False)
    assert _read(text) == [A, B]


def test_integers_straddling_reads(monkeypatch):
    monkeypatch.setattr(ja, "CHUNK", 3)
    assert _read("[123456789, -4567, 10]") == [123456789, -4567, 10]


@pytest.mark.parametrize("text, expected", [("[12.5]", [12.5]), ("[12e5]", [12e5])])
def test_fraction_or_exponent_cut_after_dot(monkeypatch, text, expected):
    monkeypatch.setattr(ja, "CHUNK", 4)  # first read is '[12.' / '[12e'
    assert _read(text) == expected


def test_small_chunks_persian(monkeypatch):
    monkeypatch.setattr(ja, "CHUNK", 5)
    text = json.dumps([A, B, A], ensure_ascii=False)
    assert _read(text) == [A, B, A]


def test_lazy_yields_before_error():
    it = iter_array(io.StringIO('[{"a": 1}, {"a": 2}, {"a"'))
    assert next(it) == {"a": 1}
    assert next(it) == {"a": 2}
    with pytest.raises(ArrayError, match="element 3 is malformed JSON"):
        next(it)


@pytest.mark.parametrize("text, message", [
    ("", "empty file: expected a JSON array of articles"),
    ("   \n\t", "empty file"),
    ('"شهردار"', "expected a JSON array of articles, found '\"' first"),
    ("42", "found '4' first"),
    ("[", r"the array ends early after 0 elements \(missing '\]'\)"),
    ("[1, 2", r"the array ends early after 2 elements \(missing '\]'\)"),
    ("[1,", r"the array ends early after 1 elements"),
    ("[1 2]", "expected ',' or ']' after element 1, found '2'"),
    ("[1] x", r"text after the closing '\]'"),
    ('{"a": 1} {"b": 2}', "text after the JSON object"),
    ("[1, }]", "element 2 is malformed JSON"),
    ('{"a": }', "element 1 is malformed JSON"),
])
def test_errors(text, message):
    with pytest.raises(ArrayError, match=message):
        _read(text)


def test_array_error_is_value_error():
    assert issubclass(ArrayError, ValueError)


def test_deep_nesting_reported():
    with pytest.raises(ArrayError, match="element 1 is nested too deeply"):
        _read("[" + "[" * 100000 + "]" * 100000 + "]")
