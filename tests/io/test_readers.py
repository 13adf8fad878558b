"""Every archive format: each input becomes exactly one item or one failure, read lazily."""
import bz2
import gzip
import json
import lzma

import pytest

from pipeline.io import Columns, InputFailure, InputItem, UsageError, check_paths, count_inputs, iter_inputs

A = "شهردار کرج روز دوشنبه از پروژهٔ قطار شهری بازدید کرد."
B = "اعضاي شوراي شهر يزد با بودجهٔ سال آينده موافقت كردند."  # older orthography: Arabic ي/ك


def _records(n=3):
    return [{"id": f"r{i}", "text": (A if i % 2 else B), "date": "1402/05/0" + str(i + 1)} for i in range(n)]


def _jsonl_bytes(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")


@pytest.mark.parametrize("suffix,compress", [
    (".jsonl.gz", gzip.compress), (".jsonl.xz", lzma.compress),
    (".jsonl.zst", lambda b: __import__("zstandard").ZstdCompressor().compress(b)),
])
def test_compressed_jsonl(tmp_path, suffix, compress):
    path = tmp_path / f"batch{suffix}"
    path.write_bytes(compress(_jsonl_bytes(_records())))
    check_paths([str(path)])
    items = list(iter_inputs([str(path)]))
    assert [i.id for i in items] == ["r0", "r1", "r2"]
    assert items[1].text == A and items[0].date == "1402/05/01"
    assert count_inputs([str(path)]) == 3


def test_compressed_txt_keeps_its_id(tmp_path):
    (tmp_path / "n1.txt.gz").write_bytes(gzip.compress(A.encode()))
    (item,) = iter_inputs([str(tmp_path)])
    assert item.id == "n1" and item.text == A


def test_damaged_gzip_costs_the_rest_of_that_file_only(tmp_path):
    data = gzip.compress(_jsonl_bytes(_records(50)))
    (tmp_path / "a.jsonl.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "b.txt").write_text(A, encoding="utf-8")
    out = list(iter_inputs([str(tmp_path)]))
    assert isinstance(out[-2], InputFailure) and "damaged" in out[-2].reason
    assert isinstance(out[-1], InputItem) and out[-1].id == "b"


def test_csv_and_tsv_with_named_columns(tmp_path):
    csv_text = 'شناسه,متن,تاریخ,other\nk1,"' + A + '",1402/01/02,x\nk2,"' + B.replace("،", ",") + '\nدوم",,y\n'
    (tmp_path / "a.csv").write_text(csv_text, encoding="utf-8-sig")
    (tmp_path / "b.tsv").write_text("text\tid\n" + A + "\tt1\n\t t2\n", encoding="utf-8")
    cols = Columns(text="متن", id="شناسه", date="تاریخ")
    check_paths([str(tmp_path / "a.csv")], cols)
    a = list(iter_inputs([str(tmp_path / "a.csv")], cols=cols))
    assert [(x.id, x.date) for x in a] == [("k1", "1402/01/02"), ("k2", None)]
    assert a[1].text.endswith("\nدوم")  # a quoted cell may hold a line break
    assert a[1].location.endswith("a.csv:3")
    b = list(iter_inputs([str(tmp_path / "b.tsv")]))
    assert isinstance(b[0], InputItem) and b[0].id == "t1"
    assert isinstance(b[1], InputFailure) and "empty" in b[1].reason and b[1].id == "t2"


def test_csv_without_the_text_column_is_a_usage_error(tmp_path):
    (tmp_path / "a.csv").write_text("body,id\nx,1\n", encoding="utf-8")
    with pytest.raises(UsageError, match="--text-col"):
        check_paths([str(tmp_path / "a.csv")])


def test_json_array_streamed_with_failures(tmp_path):
    recs = _records(3) + [{"id": "n", "text": None}, {"id": {"a": 1}, "text": A}, 5]
    (tmp_path / "a.json").write_text(json.dumps(recs, ensure_ascii=False, indent=1), encoding="utf-8")
    out = list(iter_inputs([str(tmp_path / "a.json")]))
    assert [type(x).__name__ for x in out] == ["InputItem"] * 3 + ["InputFailure"] * 3
    assert "null" in out[3].reason and "no 'text' field" not in out[3].reason
    assert "string or a number" in out[4].reason and "{'a'" not in out[4].reason
    assert "JSON object" in out[5].reason
    assert out[1].location.endswith("a.json:[2]")


def test_json_array_truncated_reports_once(tmp_path):
    text = json.dumps(_records(4), ensure_ascii=False)
    (tmp_path / "a.json").write_text(text[: len(text) - 30], encoding="utf-8")
    out = list(iter_inputs([str(tmp_path / "a.json")]))
    assert [type(x).__name__ for x in out] == ["InputItem"] * 3 + ["InputFailure"]
    assert "malformed" in out[-1].reason


def test_json_array_elements_larger_than_the_read_window(tmp_path, monkeypatch):
    import pipeline.io.jsonarray as ja

    monkeypatch.setattr(ja, "CHUNK", 7)  # every element and number straddles reads
    recs = [{"id": 12345678901, "text": A * 3}, {"id": 2.5, "text": B}, {"id": "z", "text": A, "n": 1e300}]
    (tmp_path / "a.json").write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    out = list(iter_inputs([str(tmp_path / "a.json")]))
    assert [x.id for x in out] == ["12345678901", "2.5", "z"] and out[0].text == A * 3


def test_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": ["p1", "p2", None], "body": [A, None, B], "date": ["1402/01/01", None, None]}),
                   tmp_path / "a.parquet")
    cols = Columns(text="body")
    check_paths([str(tmp_path / "a.parquet")], cols)
    out = list(iter_inputs([str(tmp_path / "a.parquet")], cols=cols))
    assert isinstance(out[0], InputItem) and out[0].id == "p1" and out[0].date == "1402/01/01"
    assert isinstance(out[1], InputFailure) and "null" in out[1].reason
    assert isinstance(out[2], InputItem) and out[2].id == "a:3"
    assert count_inputs([str(tmp_path / "a.parquet")], cols=cols) == 3


def test_output_files_inside_an_input_folder_are_not_read(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    out.write_text(json.dumps({"id": "x", "text": A}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [i.id for i in iter_inputs([str(tmp_path)], exclude=[out])] == ["a"]
    with pytest.raises(UsageError, match="output"):
        check_paths([str(out)], exclude=[out])


def test_unknown_suffix_names_the_known_ones(tmp_path):
    (tmp_path / "a.jsonl.bz2").write_bytes(bz2.compress(b"{}"))
    with pytest.raises(UsageError, match=r"\.parquet"):
        check_paths([str(tmp_path / "a.jsonl.bz2")])


def test_fields_that_are_not_strings(tmp_path):
    lines = [{"id": 7, "text": A, "title": {"x": 1}, "date": 14020501},
             {"id": True, "text": A}, {"id": "s", "text": 12}, {"id": "e", "text": "  \n\t "}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    out = list(iter_inputs([str(tmp_path / "a.jsonl")]))
    assert out[0].id == "7" and out[0].title is None and out[0].date == "14020501"
    assert any("'title' ignored" in w for w in out[0].warnings)
    assert isinstance(out[1], InputFailure) and "boolean" in out[1].reason
    assert isinstance(out[2], InputFailure) and "must be a string, got number" in out[2].reason
    assert isinstance(out[3], InputFailure)


def test_count_matches_what_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes(_jsonl_bytes(_records(4)) + b"\n  \n{bad\n")
    (tmp_path / "c.json").write_text(json.dumps(_records(2), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "d.tsv.xz").write_bytes(lzma.compress(f"text\tid\n{A}\t1\n\t2\n".encode()))
    assert count_inputs([str(tmp_path)]) == len(list(iter_inputs([str(tmp_path)]))) == 10
    assert count_inputs(["-"]) is None  # stdin: size unknown
