"""``munifacts extract`` on archives: workers, order, warnings, the first-run bugs."""
import json
import subprocess
import sys
import unicodedata

import pytest

from pipeline.cli import main
from pipeline.io.html import strip_html
from tests.conftest import ROOT
from tests.runner._archive import TEXTS, article, by_id, lines, write_jsonl


def _extract(*argv, model):
    return main(["extract", *map(str, argv), "--model", str(model), "-q"])


def _mixed(tmp_path, n=30):
    rows = [article(i) for i in range(n)]
    rows[3] = "{broken json"
    rows[7] = {"id": "en", "text": "The mayor said the park opens next year."}
    rows[11] = {"id": "dup", "text": TEXTS[0]}
    rows[12] = {"id": "dup", "text": TEXTS[1]}
    path = tmp_path / "in.jsonl"
    write_jsonl(path, rows)
    return path


def test_two_workers_write_the_same_bytes_as_one(tmp_path, tiny_model):
    src = _mixed(tmp_path)
    o1, o2 = (tmp_path / f"o{i}.jsonl" for i in (1, 2))
    s1 = _extract(src, "-o", o1, "--workers", "1", "--batch-size", "4", model=tiny_model)
    s2 = _extract(src, "-o", o2, "--workers", "2", "--batch-size", "4", model=tiny_model)
    assert s1 == s2 == 1  # two inputs fail
    assert o1.read_bytes() == o2.read_bytes()
    e1, e2 = (tmp_path / f"o{i}.errors.jsonl" for i in (1, 2))
    assert e1.read_bytes() == e2.read_bytes()
    assert len(lines(o1)) + len(lines(e1)) == 30
    assert [json.loads(x)["id"] for x in lines(o1)].count("dup") == 2  # duplicate ids are both kept
    assert (tmp_path / "o1.jsonl.resume").read_bytes().endswith(b"\ndone\n")  # a finished run


@pytest.mark.slow
def test_unordered_writes_the_same_lines(tmp_path, tiny_model):
    src = _mixed(tmp_path)
    o1, o3 = tmp_path / "o1.jsonl", tmp_path / "o3.jsonl"
    assert _extract(src, "-o", o1, "--workers", "1", "--batch-size", "2", model=tiny_model) == 1
    assert _extract(src, "-o", o3, "--workers", "2", "--batch-size", "2", "--unordered", model=tiny_model) == 1
    assert by_id(o1) == by_id(o3)
    assert sorted(lines(tmp_path / "o1.errors.jsonl")) == sorted(lines(tmp_path / "o3.errors.jsonl"))


def test_duplicate_ids_and_unparseable_dates_warn(tmp_path, tiny_model, capsys):
    rows = [article(0, date="yesterday"), article(1, date="۱۳:۵۴\n   ۱۴۰۲-۵-۱۵"), article(0)]
    write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(tmp_path / "in.jsonl"), "-o", str(out), "--model", str(tiny_model)]) == 0
    err = capsys.readouterr().err
    got = [json.loads(x) for x in lines(out)]
    assert [g["id"] for g in got] == ["a00000", "a00001", "a00000"]
    assert got[0]["date"] == "yesterday" and "'yesterday' is not a date" in err
    assert got[1]["date"] == "۱۳:۵۴\n   ۱۴۰۲-۵-۱۵" and "۱۴۰۲" not in err  # a date inside the field is used
    assert "id 'a00000' was seen before" in err and "both articles are kept" in err


def test_date_inside_a_field_resolves_relative_dates(tmp_path):
    from pipeline.io import InputItem
    from pipeline.runner.work import _prepare

    item = InputItem(id="x", text=TEXTS[0], location="t", date="۱۳:۵۴\n   ۱۴۰۲-۵-۱۵")
    run_item, post, warns = _prepare(item)
    assert run_item.date == "۱۴۰۲-۵-۱۵" and post == {"date": item.date} and not warns
    run_item, post, warns = _prepare(InputItem(id="x", text=TEXTS[0], location="t", date="نامعلوم"))
    assert run_item.date is None and post == {"date": "نامعلوم"} and warns


def test_output_inside_the_input_folder_is_not_read_back(tmp_path, tiny_model):
    d = tmp_path / "news"
    d.mkdir()
    for i in range(3):
        (d / f"n{i}.txt").write_text(TEXTS[i], encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    out = d / "facts.jsonl"
    for _ in range(2):  # the second run sees the first run's output and errors files in the folder
        assert _extract(d, "-o", out, model=tiny_model) == 1
        assert len(lines(out)) == 3 and len(lines(d / "facts.errors.jsonl")) == 1


def test_unwritable_errors_path_keeps_the_output(tmp_path, tiny_model, capsys):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [article(0)])
    out = tmp_path / "o.jsonl"
    out.write_text("results of an earlier run\n", encoding="utf-8")
    (tmp_path / "err").mkdir()
    assert _extract(src, "-o", out, "--errors", tmp_path / "err", model=tiny_model) == 2
    assert out.read_text(encoding="utf-8") == "results of an earlier run\n"
    err = capsys.readouterr().err
    assert "errors file" in err and "Traceback" not in err


def test_unwritable_output_is_a_usage_error_before_the_model_loads(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [article(0)])
    (tmp_path / "o.jsonl").mkdir()
    # a model path that does not exist: the output check must come first
    assert main(["extract", str(src), "-o", str(tmp_path / "o.jsonl"), "--model", str(tmp_path / "none")]) == 2
    assert "output file" in capsys.readouterr().err


def test_text_reasons(tmp_path, tiny_model):
    rows = [{"id": "p", "text": "... !!! ۱۲۳ ؟؟ «»"}, {"id": "n", "text": None}, {"id": {"k": 1}, "text": TEXTS[0]},
            {"id": "z", "text": "\u200c\u200f \u200c"}, {"id": "h", "text": "<p>&nbsp;</p><br>"}]
    write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "o.jsonl"
    assert _extract(tmp_path / "in.jsonl", "-o", out, model=tiny_model) == 1
    reasons = [json.loads(x)["reason"] for x in lines(tmp_path / "o.errors.jsonl")]
    assert len(reasons) == 5 and not lines(out)
    assert "punctuation" in reasons[0] and "not Persian" not in reasons[0]
    assert "null" in reasons[1] and "no 'text' field" not in reasons[1]
    assert "string or a number" in reasons[2] and "{'k'" not in reasons[2]
    assert "punctuation" in reasons[3]
    assert "HTML" in reasons[4]


def test_html_is_stripped_and_offsets_point_into_the_raw_text(tmp_path, tiny_model):
    raw = ("<p>شهردار تبریز گفت: «</p><script>alert('x')</script>خط دوم قطار شهری&nbsp;تا پایان سال "
           "۱۴۰۳ افتتاح می&zwnj;شود» &amp; هزینهٔ آن ۳۰۰ میلیارد تومان است.</p>")
    write_jsonl(tmp_path / "in.jsonl", [{"id": "h", "text": raw}])
    out = tmp_path / "o.jsonl"
    assert _extract(tmp_path / "in.jsonl", "-o", out, model=tiny_model) == 0
    (row,) = [json.loads(x) for x in lines(out)]
    assert "<" not in row["text"] and "alert" not in row["text"] and "&amp;" not in row["text"]
    spans = row["entities"] + row["figures"] + row["dates"]
    assert spans  # the rule finders find the year and the money
    for s in spans:
        raw_part = raw[s["raw_start"]:s["raw_end"]]
        assert _key(strip_html(raw_part)[0]) == _key(s["text"])  # the same words, markup aside


def _key(s):
    """Compare raw and normalized text: no marks, ZWNJ or spaces; Latin digits."""
    s = s.translate({0x06F0 + i: str(i) for i in range(10)}).replace("\u200c", "")
    return "".join(ch for ch in "".join(s.split()) if unicodedata.category(ch) != "Mn")


def test_progress_lines_when_stderr_is_not_a_terminal(tmp_path, tiny_model, capsys, monkeypatch):
    import pipeline.runner.progress as progress

    monkeypatch.setattr(progress.Progress.__init__, "__defaults__", (None, False, 0, 0.0, None))
    write_jsonl(tmp_path / "in.jsonl", [article(i) for i in range(6)])
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(tmp_path / "in.jsonl"), "-o", str(out), "--model", str(tiny_model),
                 "--batch-size", "2", "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "\x1b" not in err
    assert "2/6 articles" in err or "4/6 articles" in err or "6/6 articles" in err  # counted in the background
    assert "/s" in err
    assert main(["extract", str(tmp_path / "in.jsonl"), "-o", str(out), "--model", str(tiny_model), "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_progress_bar_on_a_terminal():
    import io

    from pipeline.runner.progress import Progress

    buf = io.StringIO()
    p = Progress(stream=buf, tty=True)
    p.total = 10
    p.update(4, failed=1)
    p.close()
    shown = buf.getvalue()
    assert "4/10" in shown and "failed=1" in shown and "article/s" in shown


def test_ctrl_c_stops_cleanly_with_a_resume_hint(tmp_path, tiny_model):
    import signal
    import time

    write_jsonl(tmp_path / "in.jsonl", [article(i) for i in range(3000)])
    out = tmp_path / "o.jsonl"
    cmd = [sys.executable, "-m", "pipeline", "extract", str(tmp_path / "in.jsonl"), "-o", str(out),
           "--model", str(tiny_model), "--workers", "1", "-q"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 240
    while time.time() < deadline and len(lines(out)) < 20:  # mid-run
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr.decode()
    msg = stderr.decode().strip()
    assert "Traceback" not in msg and len(msg.splitlines()) == 1
    assert "--resume" in msg and stdout == b""
    assert (tmp_path / "o.jsonl.resume").exists()


def test_unicode_line_separators_do_not_split_output_lines(tmp_path, tiny_model):
    text = TEXTS[0].replace(" گفت", "\u2028گفت\u2029\x85")
    write_jsonl(tmp_path / "in.jsonl", [{"id": "s\u2028x", "text": text}, {"id": "t\u2029y", "text": None}])
    out = tmp_path / "o.jsonl"
    assert _extract(tmp_path / "in.jsonl", "-o", out, model=tiny_model) == 1
    for path in (out, tmp_path / "o.errors.jsonl"):
        (line,) = path.read_text(encoding="utf-8").splitlines()  # one line each, even for str.splitlines
        assert json.loads(line)["id"] in ("s\u2028x", "t\u2029y")


def test_bidi_marks_inside_words_do_not_hide_entities(tmp_path):
    texts = ["ش\u200eهردار تهران گفت طرح تا پایان سال اجرا می‌شود.",   # LRM
             "ش\u061cهردار تهران گفت طرح تا پایان سال اجرا می‌شود.",   # ALM
             "ش\u200fهردار تهران گفت طرح تا پایان سال اجرا می‌شود."]   # RLM
    write_jsonl(tmp_path / "in.jsonl", [{"id": f"b{i}", "text": t} for i, t in enumerate(texts)])
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(tmp_path / "in.jsonl"), "-o", str(out), "--model", "rules", "-q"]) == 0
    for row in map(json.loads, lines(out)):
        assert row["text"].startswith("شهردار تهران")
        assert any(e["label"] == "ROLE" and e["text"] == "شهردار" for e in row["entities"])
