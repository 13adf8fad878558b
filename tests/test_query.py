"""query/export over extract output: tables, folded matching, CSV files."""
import json

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.query import fold, load_tables, search


def _write(path):
    arts = [
        {"id": "a1", "date": "1402/05/01", "source": "s", "text": "…",
         "officials": [{"person": "زهرا کاظمی", "role": "شهردار", "org": None, "location": "کرج", "evidence": {"text": "x", "start": 0, "end": 1, "raw_start": 0, "raw_end": 1}}],
         "commitments": [{"kind": "promise", "actor": "زهرا کاظمی", "content": "ساخت دو پارک", "deadline": "تا پایان سال", "figures": ["دو پارک"]}],
         "meetings": [{"kind": "نشست", "participants": [{"person": "زهرا کاظمی", "role": "شهردار"}, {"group": "اعضای شورا"}]}]},
        {"id": "a2", "date": "1402/06/01", "text": "…",
         "officials": [{"person": "رضا نادری", "role": "معاون شهرداري ها", "org": "وزارت کشور", "location": None}]},
    ]
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in arts) + "\n", encoding="utf-8")


def test_tables_and_folded_search(tmp_path):
    f = tmp_path / "facts.jsonl"
    _write(f)
    t = load_tables([f])
    assert list(t["officials"]["person"]) == ["زهرا کاظمی", "رضا نادری"]
    assert t["officials"].loc[0, "evidence"] == "x"
    assert t["meetings"].loc[0, "participants"] == "زهرا کاظمی / شهردار؛ اعضای شورا"
    hits = search(t["officials"], role="شهرداری‌ها")  # ZWNJ and Arabic ي folded
    assert list(hits["person"]) == ["رضا نادری"]
    with pytest.raises(ValueError, match="no column"):
        search(t["officials"], nope="x")
    assert fold("شهرداري ها") == fold("شهرداری‌ها")


def test_query_and_export_cli(tmp_path, capsys):
    f = tmp_path / "facts.jsonl"
    _write(f)
    assert main(["query", str(f), "--type", "commitments", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "promise" in out and "تا پایان سال" in out
    assert main(["query", str(f), "--where", "role"]) == 2
    assert main(["export", str(f), "-o", str(tmp_path / "csv")]) == 0
    officials = pd.read_csv(tmp_path / "csv" / "officials.csv", encoding="utf-8-sig")
    assert len(officials) == 2
    assert (tmp_path / "csv" / "officials.csv").read_bytes()[:3] == b"\xef\xbb\xbf"  # BOM: Excel reads UTF-8


def test_bad_facts_file(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text("not json\n", encoding="utf-8")
    assert main(["query", str(f)]) == 2
    assert main(["query", str(tmp_path / "missing.jsonl")]) == 2


def test_view_renders_entities_right_to_left(tmp_path):
    f = tmp_path / "facts.jsonl"
    text = "شهردار کرج گفت"
    f.write_text(json.dumps({"id": "v1", "text": text, "entities": [
        {"label": "ROLE", "text": "شهردار", "start": 0, "end": 6}, {"label": "LOC", "text": "کرج", "start": 7, "end": 10}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "view.html"
    assert main(["view", str(f), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and '<meta charset="utf-8">' in html
    assert 'data-label="ROLE"' in html and 'data-label="LOC"' in html and "کرج" in html
    assert main(["view", str(f), "-o", str(out), "--id", "nope"]) == 2


def test_meeting_date_does_not_overwrite_article_date(tmp_path):
    f = tmp_path / "facts.jsonl"
    _write(f)
    rows = [json.loads(x) for x in f.read_text(encoding="utf-8").splitlines()]
    rows[0]["meetings"][0]["date"] = "صبح امروز"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    t = load_tables([f])
    assert t["meetings"].loc[0, "date"] == "1402/05/01"
    assert t["meetings"].loc[0, "meeting_date"] == "صبح امروز"


def test_repeated_where_and_unknown_columns(tmp_path, capsys):
    f = tmp_path / "facts.jsonl"
    _write(f)
    t = load_tables([f])
    assert search(t["officials"], ("role", "معاون"), ("role", "شهرداري")).shape[0] == 1
    assert search(t["officials"], ("role", "معاون"), ("role", "کرج")).empty  # both must hold, not the last only
    assert main(["query", str(f), "--type", "officials", "--where", "role=معاون", "--where", "role=استاندار"]) == 0
    assert "(no rows)" in capsys.readouterr().out
    assert main(["query", str(f), "--type", "officials", "--columns", "person,rol"]) == 2
    assert "no column 'rol'" in capsys.readouterr().err
    assert main(["query", str(f), "--type", "officials", "--format", "table", "--bidi", "terminal"]) == 0
    assert "None" not in capsys.readouterr().out  # missing values print as empty cells
