"""render: cell text, JSON/JSONL/CSV values, the table layout and format errors, on hand-built frames."""
import csv
import datetime as dt
import io
import json

import numpy as np
import pandas as pd
import pytest

from pipeline.db.render import _cell, records, render, to_csv, to_json, to_table


@pytest.mark.parametrize("value, expected", [
    (None, ""),
    (float("nan"), ""),
    (pd.NaT, ""),
    (3.0, "3"),
    (-12.0, "-12"),
    (2.5, "2.5"),
    (1e15, "1000000000000000.0"),          # too large for the whole-number form
    (7, "7"),
    ("شهردار قزوین", "شهردار قزوین"),
    (pd.Timestamp("2024-11-05 08:30"), "2024-11-05"),
    (dt.datetime(2023, 3, 21, 12, 0), "2023-03-21"),
    (True, "True"),
])
def test_cell(value, expected):
    assert _cell(value) == expected


def _frame():
    return pd.DataFrame({
        "article_id": ["الف-۱", "b-2"],
        "person": ["علی رضایی", None],
        "amount": [1500000.0, float("nan")],
        "n": np.array([3, 4], dtype="int64"),
        "flag": np.array([True, False]),
        "ratio": [0.25, 2.0],
    })


def test_records_types():
    rows = records(_frame())
    assert rows == [
        {"article_id": "الف-۱", "person": "علی رضایی", "amount": 1500000.0, "n": 3, "flag": True, "ratio": 0.25},
        {"article_id": "b-2", "person": None, "amount": None, "n": 4, "flag": False, "ratio": 2.0},
    ]
    assert type(rows[0]["n"]) is int and type(rows[0]["flag"]) is bool and type(rows[1]["flag"]) is bool


def test_records_date_values_become_text():
    df = pd.DataFrame({"d": [dt.date(2024, 1, 2)], "t": [pd.Timestamp("2024-03-20")]})
    assert records(df) == [{"d": "2024-01-02", "t": "2024-03-20"}]


def test_to_json_array_and_lines():
    df = _frame()
    whole = to_json(df)
    assert whole.endswith("]\n") and "علی رضایی" in whole  # not \\u-escaped
    assert json.loads(whole) == records(df)
    lines = to_json(df, lines=True)
    assert lines.count("\n") == 2
    assert [json.loads(x) for x in lines.splitlines()] == records(df)


def test_to_csv_blank_missing_and_whole_numbers():
    out = to_csv(_frame())
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0] == {"article_id": "الف-۱", "person": "علی رضایی", "amount": "1500000", "n": "3",
                       "flag": "True", "ratio": "0.25"}
    assert rows[1]["person"] == "" and rows[1]["amount"] == "" and rows[1]["ratio"] == "2"
    assert "nan" not in out and "None" not in out


def test_to_csv_separator():
    out = to_csv(pd.DataFrame({"a": ["شورا"], "b": [1]}), sep="\t")
    assert out.splitlines() == ["a\tb", "شورا\t1"]


def test_empty_table():
    assert to_table(pd.DataFrame({"a": []})) == "(no rows)\n"
    assert render(pd.DataFrame(), "table") == "(no rows)\n"


def test_terminal_table_keeps_logical_order_and_column_order():
    df = pd.DataFrame({"article_id": ["x-1"], "role": ["معاون شهردار"]})
    out = to_table(df, bidi="terminal")
    header = next(line for line in out.splitlines() if "article_id" in line)
    assert header.index("article_id") < header.index("role")
    assert "معاون شهردار" in out


def test_visual_table_reverses_persian_only():
    df = pd.DataFrame({"article_id": ["x-1"], "role": ["معاون شهردار"]})
    out = to_table(df, bidi="visual")
    assert "معاون شهردار" not in out
    assert "رادرهش نواعم" in out  # visual order for a terminal without bidi
    assert "x-1" in out


def test_long_cells_cut_with_ellipsis():
    text = "ب" * 100
    out = to_table(pd.DataFrame({"t": [text]}), bidi="terminal", width=200)
    assert "ب" * 79 + "…" in out and "ب" * 80 not in out


def test_persian_columns_right_aligned_latin_left():
    df = pd.DataFrame({"fa": ["شهردار", "شورای شهر رشت"], "en": ["a", "abcdefghijklm"]})
    lines = to_table(df, bidi="terminal").splitlines()
    short = next(line for line in lines if "شهردار" in line)
    long = next(line for line in lines if "شورای شهر رشت" in line)
    # right-aligned Persian column: both cells end at the same place; left-aligned Latin: both start together
    assert short.index("شهردار") + len("شهردار") == long.index("شورای شهر رشت") + len("شورای شهر رشت")
    assert short.index("a") == long.index("abcdefghijklm")


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_render_dispatch(fmt):
    df = pd.DataFrame({"a": ["شورا"]})
    expected = {"csv": to_csv(df), "json": to_json(df), "jsonl": to_json(df, lines=True)}[fmt]
    assert render(df, fmt) == expected


def test_render_unknown_format():
    with pytest.raises(ValueError, match=r"unknown format 'xml': use table, csv, json or jsonl"):
        render(pd.DataFrame({"a": [1]}), "xml")
