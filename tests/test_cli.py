"""The ``munifacts extract`` command: outputs, errors file, exit status."""
import json
import subprocess
import sys

import pytest

from pipeline.cli import main
from pipeline.schema import Article, InputError
from tests.conftest import ROOT, SHARED

SAMPLES = ROOT / "data" / "samples"
PERSIAN = "شهردار تهران در نشست شورای شهر گفت: طرح توسعه پارک‌ها تا پایان سال اجرا می‌شود."


def _lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


_FOLD = str.maketrans({"ي": "ی", "ك": "ک", **{chr(0x06F0 + i): str(i) for i in range(10)}})


def _key(text):
    """Compare raw and normalized text: no ZWNJ/spaces, Persian letters, Latin digits."""
    return "".join(text.translate(_FOLD).replace("\u200c", "").split())


def _count_inputs(folder):
    n = len(list(folder.glob("*.txt")))
    for f in folder.glob("*.jsonl"):
        n += sum(1 for x in f.read_text(encoding="utf-8").splitlines() if x.strip())
    return n


@pytest.mark.slow
def test_extract_samples_with_shipped_model(tmp_path, shipped_model):
    out = tmp_path / "facts.jsonl"
    assert main(["extract", str(SAMPLES), "-o", str(out), "-q"]) == 0
    rows = _lines(out)
    assert len(rows) == _count_inputs(SAMPLES)
    assert not (tmp_path / "facts.errors.jsonl").exists()
    raw_by_id = {p.stem: p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")}
    n_entities = 0
    for row in rows:
        art = Article.model_validate(row)  # schema-valid
        assert art.model.tagger == shipped_model.name
        for e in art.entities:
            n_entities += 1
            assert art.text[e.start:e.end] == e.text
            if art.id in raw_by_id:  # raw offsets point at the same words in the input
                assert _key(raw_by_id[art.id][e.raw_start:e.raw_end]) == _key(e.text)
    assert n_entities > 0


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path, tiny_model):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(PERSIAN, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "legacy.txt").write_bytes(PERSIAN.encode("cp1256", errors="replace"))
    (d / "english.txt").write_text("The mayor of Tehran said the park will open next year.", encoding="utf-8")
    (d / "huge.txt").write_text(PERSIAN * (5_000_000 // len(PERSIAN.encode("utf-8")) + 1), encoding="utf-8")
    lines = [json.dumps({"id": "j1", "text": PERSIAN}, ensure_ascii=False), "{broken", json.dumps({"id": "j3"}),
             json.dumps({"id": "j4", "text": PERSIAN}, ensure_ascii=False)]
    (d / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, err = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    status = main(["extract", str(d), "-o", str(out), "--errors", str(err), "--model", str(tiny_model), "-q"])
    assert status == 1
    ok = {r["id"] for r in _lines(out)}
    bad = [InputError.model_validate(r) for r in _lines(err)]
    assert ok == {"good", "j1", "j4"}
    reasons = {(b.id or b.source): b.reason for b in bad}
    assert "empty" in reasons["empty"]
    assert "not UTF-8" in reasons["legacy"]
    assert "not Persian" in reasons["english"]
    assert "characters" in reasons["huge"] and "--max-chars" in reasons["huge"]
    assert any("malformed JSON" in b.reason and b.source.endswith("batch.jsonl:2") for b in bad)
    assert "'text'" in reasons["j3"]
    assert len(ok) + len(bad) == 9  # every input in exactly one of the two files


def test_default_errors_file_beside_output(tmp_path, tiny_model):
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    out = tmp_path / "res" / "facts.jsonl"
    assert main(["extract", str(tmp_path / "a.txt"), "-o", str(out), "--model", str(tiny_model), "-q"]) == 1
    assert len(_lines(out.with_name("facts.errors.jsonl"))) == 1


@pytest.mark.parametrize("argv", [
    ["extract", "does-not-exist.txt", "-o", "x.jsonl"],
    ["extract", "-o", "x.jsonl"],
    ["frobnicate"],
])
def test_usage_errors_exit_2(tmp_path, argv, monkeypatch):
    monkeypatch.chdir(tmp_path)
    try:
        status = main(argv)
    except SystemExit as e:  # argparse's own usage errors
        status = e.code
    assert status == 2


def test_unloadable_model_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(PERSIAN, encoding="utf-8")
    status = main(["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.jsonl"), "--model", str(tmp_path / "nope")])
    assert status == 2
    assert "--model" in capsys.readouterr().err


@pytest.mark.slow
def test_stdin_and_python_m(tmp_path, tiny_model):
    line = json.dumps({"id": "in1", "text": PERSIAN, "date": "1402/03/01"}, ensure_ascii=False) + "\n"
    out = tmp_path / "o.jsonl"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", "-", "-o", str(out), "--model", str(tiny_model)],
                          input=line.encode(), capture_output=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    (row,) = _lines(out)
    assert row["id"] == "in1" and row["date"] == "1402/03/01" and row["schema_version"]


@pytest.mark.slow
def test_score_py_reads_the_output(tmp_path, shipped_model):
    score = SHARED / "tools" / "score.py"
    gold = SHARED / "gold" / "seeds.jsonl"
    if not score.exists() or not gold.exists():
        pytest.skip("../shared is not present")
    out = tmp_path / "pred.jsonl"
    assert main(["extract", str(gold), "-o", str(out), "-q"]) == 0
    proc = subprocess.run([sys.executable, str(score), "--gold", str(gold), "--pred", str(out), "--json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rep = json.loads(proc.stdout)
    assert rep["docs"]["predicted"] == rep["docs"]["gold"]
    assert rep["entities"]["ALL"]["pred"] > 0


def test_without_records_gives_entities_only(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(PERSIAN, encoding="utf-8")
    full, bare = tmp_path / "full.jsonl", tmp_path / "bare.jsonl"
    assert main(["extract", str(src), "-o", str(full), "-q", "--model", "rules"]) == 0
    assert main(["extract", str(src), "-o", str(bare), "-q", "--model", "rules", "--without", "records"]) == 0
    f, b = _lines(full)[0], _lines(bare)[0]
    assert f["entities"] and b["entities"] == f["entities"]
    assert f["quotes"] and not b["quotes"] and not b["officials"] and not b["dates"]


def test_a_pipeline_that_cannot_run_is_a_usage_error(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(PERSIAN, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q", "--model", "rules", "--without", "tokenize"]) == 2
    assert "'tokenize'" in capsys.readouterr().err
    assert main(["extract", str(src), "-o", str(out), "-q", "--stages", "normalize,officials"]) == 2
    assert "requires" in capsys.readouterr().err


def test_stages_command_lists_every_default_stage(capsys):
    from pipeline.stages import DEFAULT_STAGES

    assert main(["stages"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line and not line[0].isspace()]
    assert [n for n in listed if n in DEFAULT_STAGES] == list(DEFAULT_STAGES)


def test_every_command_help_ends_with_examples():
    from pipeline.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    assert "examples:" in parser.format_help()
    missing = [name for name, p in sub.choices.items() if "example" not in (p.epilog or "")]
    assert missing == []


def test_extract_does_not_import_the_database_libraries():
    # the db subcommands' parsers are built for every command; DuckDB and pandas load only when used
    from pathlib import Path

    code = ("import sys; from pipeline.cli import build_parser; build_parser(); import pipeline.db; "
            "from pipeline.db import kinds; "
            "print(sorted(m for m in ('pandas', 'duckdb', 'pipeline.db.load', 'pipeline.db.query') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(Path(__file__).resolve().parents[1])).stdout
    assert out.strip() == "[]"


def test_db_names_still_import_on_use():
    from pipeline.db import DatabaseError, LoadReport, load_files, open_db
    from pipeline.db.query import QUERY_TYPES

    assert callable(open_db) and callable(load_files) and issubclass(DatabaseError, Exception)
    assert LoadReport.__module__ == "pipeline.db.load" and "officials" in QUERY_TYPES
