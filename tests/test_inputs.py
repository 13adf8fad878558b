"""Input reading: every input becomes exactly one item or one failure with a reason."""
import io
import json

import pytest

from pipeline.inputs import InputFailure, InputItem, UsageError, check_paths, iter_inputs


def test_txt_file_and_folder(tmp_path):
    (tmp_path / "a.txt").write_text("شهردار تهران گفت.", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("استاندار فارس آمد.", encoding="utf-8")
    (sub / "ignored.csv").write_text("x", encoding="utf-8")
    items = list(iter_inputs([str(tmp_path)]))
    assert [i.id for i in items] == ["a", "sub/b"]
    assert all(isinstance(i, InputItem) for i in items)


def test_jsonl_fields_and_failures(tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": "متن اول", "title": "عنوان", "date": "1402/01/05", "source": "s"}),
        "{not json",
        json.dumps({"id": "x3", "title": "بدون متن"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "بدون شناسه"}),
        json.dumps({"id": 7, "text": "   "}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(iter_inputs([str(path)]))
    assert isinstance(out[0], InputItem) and out[0].date == "1402/01/05" and out[0].title == "عنوان"
    assert isinstance(out[1], InputFailure) and "malformed JSON" in out[1].reason and out[1].location.endswith(":2")
    assert isinstance(out[2], InputFailure) and "'text'" in out[2].reason and out[2].id == "x3"
    assert isinstance(out[3], InputFailure) and "JSON object" in out[3].reason
    assert isinstance(out[4], InputItem) and out[4].id == "batch:6"
    assert isinstance(out[5], InputFailure) and "empty" in out[5].reason and out[5].id == "7"
    assert len(out) == 6  # the blank line is not an input


def test_non_utf8_line_costs_one_article(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": "شهرداری"}, ensure_ascii=False).encode("utf-8")
    bad = '{"id": "bad", "text": "'.encode() + "شهر".encode("cp1256") + b'"}'
    path.write_bytes(good + b"\n" + bad + b"\n" + good.replace(b'"ok"', b'"ok2"') + b"\n")
    out = list(iter_inputs([str(path)]))
    assert [type(o).__name__ for o in out] == ["InputItem", "InputFailure", "InputItem"]
    assert "not UTF-8" in out[1].reason and "iconv" in out[1].reason


def test_empty_and_non_utf8_txt(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes("شهردار".encode("cp1256"))
    out = {o.id: o for o in iter_inputs([str(tmp_path)])}
    assert "empty" in out["empty"].reason
    assert "not UTF-8" in out["legacy"].reason


def test_stdin_jsonl():
    stream = io.BytesIO((json.dumps({"id": "s1", "text": "سلام"}) + "\n").encode())
    out = list(iter_inputs(["-"], stdin=stream))
    assert out[0].id == "s1" and out[0].location == "<stdin>:1"


@pytest.mark.parametrize("make", [lambda p: [str(p / "missing.txt")], lambda p: [], lambda p: [str(p / "x.docx")]])
def test_usage_errors(tmp_path, make):
    (tmp_path / "x.docx").write_text("x")
    with pytest.raises(UsageError):
        check_paths(make(tmp_path))
