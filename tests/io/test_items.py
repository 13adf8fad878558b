"""The reader result types: equality ignores warnings, frozen, defaults; Columns defaults; UsageError."""
import dataclasses

import pytest

from pipeline.io.items import Columns, InputFailure, InputItem, UsageError

TEXT = "شوراي شهر قم طرح جامع حمل و نقل را تصويب كرد."


def test_item_defaults():
    item = InputItem(id="قم-۱", text=TEXT, location="a.jsonl:1")
    assert (item.title, item.date, item.source, item.warnings) == (None, None, None, ())


def test_item_equality_ignores_warnings_only():
    a = InputItem("1", TEXT, "l", warnings=("'title' ignored",))
    assert a == InputItem("1", TEXT, "l")
    assert a != InputItem("1", TEXT, "l", title="طرح جامع")
    assert a != InputItem("1", TEXT + " ", "l")


def test_frozen():
    item = InputItem("1", TEXT, "l")
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.text = "x"
    with pytest.raises(dataclasses.FrozenInstanceError):
        InputFailure("l", "r").reason = "x"


def test_failure_fields():
    f = InputFailure("a.csv:4", "empty 'text'")
    assert f.id is None and f != InputFailure("a.csv:4", "empty 'text'", "x")
    assert hash(f) == hash(InputFailure("a.csv:4", "empty 'text'"))


def test_columns():
    assert dataclasses.astuple(Columns()) == ("text", "id", "date", "title", "source")
    assert Columns(text="body").text == "body" and Columns(text="body").id == "id"
    assert Columns(text="body") != Columns()


def test_usage_error_is_value_error():
    assert issubclass(UsageError, ValueError)
    assert not issubclass(ValueError, UsageError)
