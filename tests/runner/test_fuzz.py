"""Hostile and random input (hypothesis): no crash, every input accounted for, nothing on stdout.

The fast tests run a few generated archives; the slow one runs at least 10,000 generated inputs.
"""
import gzip
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.io import InputFailure, InputItem, iter_inputs
from pipeline.runner import ArchiveRun, run_archive
from pipeline.runner.progress import Progress
from pipeline.schema import Article, InputError
from tests.runner._archive import TEXTS

PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءآأؤئ"
ARABIC = "يكةىۀإٱ"
CHARS = (PERSIAN * 3 + ARABIC + "abcXYZ" + "۰۱۲۳۴۵۶۷۸۹0123456789" + " " * 10 + "\n\t.,،؛:!?؟«»\"'()<>&;#/"
         + "\u200c\u200d\u200b\u200e\u200f\u061c\u202a\u202b\u202c\u202e\u2066\u2069\ufeff"
         + "\x00\x01\x07\x1b\x7f\x85\u2028\u2029" + "😀🏙️👍🏽" + "\ufffd")
HTML = ["<p>", "</p>", "<br/>", "<script>alert(1)</script>", "</p><script>", "&amp;", "&nbsp;", "&zwnj;",
        "&#1588;", "<!--", "-->", "<div class='x'>", "<a href=\"u\">", "&lt;b&gt;", "<b>", "</b>"]

short_text = st.text(alphabet=CHARS, max_size=120)
words = st.lists(st.sampled_from(TEXTS + HTML + ["شهردار", "۱۴۰۲/۰۵/۰۱", "تومان"]), max_size=12).map(" ".join)
text = st.one_of(short_text, words, st.builds(lambda a, b, c: a + b + c, words, short_text, words))
ids = st.one_of(st.none(), st.text(alphabet=CHARS, max_size=12), st.integers(), st.floats(allow_nan=False),
                st.booleans(), st.sampled_from(["dup", "dup", "x"]), st.dictionaries(st.text(max_size=3), st.integers(),
                                                                                       max_size=2), st.lists(st.integers(), max_size=2))
dates = st.one_of(st.none(), st.sampled_from(["1402/05/01", "2023-07-23", "1402/13/40", "دیروز", "", "۱۳:۵۴ ۱۴۰۲-۵-۱۵"]),
                  st.text(alphabet=CHARS, max_size=10), st.integers())
obj = st.fixed_dictionaries({"id": ids, "text": st.one_of(text, st.none(), st.integers(), st.lists(st.integers()))},
                            optional={"date": dates, "title": st.one_of(short_text, st.integers()), "extra": st.integers()})
json_other = st.one_of(st.lists(st.integers(), max_size=3), st.integers(), st.none(), st.floats(allow_nan=False),
                       short_text, st.just({}))
raw_line = st.text(alphabet=CHARS, max_size=60).map(lambda s: s.replace("\n", " ").replace("\r", " "))
line = st.one_of(obj.map(lambda o: json.dumps(o, ensure_ascii=False)), obj.map(json.dumps),
                 json_other.map(lambda o: json.dumps(o, ensure_ascii=False)), raw_line,
                 st.binary(max_size=40).map(lambda b: b.replace(b"\n", b" ")))

_SETTINGS = dict(deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))


def _write(lines, path: Path) -> int:
    """Write the archive; return how many inputs it holds (non-blank lines)."""
    data = b"".join((x if isinstance(x, bytes) else x.encode("utf-8", "surrogatepass")) + b"\n" for x in lines)
    path.write_bytes(data)
    return _count(data)


def _count(data: bytes) -> int:
    n = 0
    for i, raw in enumerate(data.split(b"\n")):
        try:
            n += bool(raw.decode("utf-8-sig" if i == 0 else "utf-8").strip())
        except UnicodeDecodeError:
            n += 1
    return n


def _check(out: Path, err: Path, expected: int) -> None:
    got = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    bad = err.read_text(encoding="utf-8").splitlines() if err.exists() else []
    for x in got:
        Article.model_validate_json(x)
    for x in bad:
        InputError.model_validate_json(x)
    assert len(got) + len(bad) == expected


def _run_archives(examples: int, tiny_model, capfd, min_size: int = 1, max_size: int = 25) -> int:
    total = [0]

    @settings(max_examples=examples, **_SETTINGS)
    @given(st.lists(line, min_size=min_size, max_size=max_size), st.sampled_from(["1", "4", "16"]))
    def one(lines, batch):
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in.jsonl"
            n = _write(lines, src)
            out, err = Path(tmp) / "o.jsonl", Path(tmp) / "e.jsonl"
            run = ArchiveRun(inputs=[str(src)], out=out, errors=err, model=str(tiny_model), workers=1,
                             batch_size=int(batch))
            run_archive(run, Progress(quiet=True))
            _check(out, err, n)
            total[0] += n

    one()
    assert capfd.readouterr().out == ""
    return total[0]


def test_fuzzed_archives_fast(tiny_model, capfd):
    assert _run_archives(8, tiny_model, capfd) > 0


@pytest.mark.slow
def test_fuzzed_archives_10k_inputs(tiny_model, capfd):
    assert _run_archives(850, tiny_model, capfd, min_size=12, max_size=30) >= 10_000


@pytest.mark.slow
def test_long_random_texts_up_to_200k_characters(tmp_path, tiny_model, capfd):
    import random

    rng = random.Random(7)
    rows = []
    for i, n in enumerate([0, 1, 5_000, 50_000, 200_000]):
        s = "".join(rng.choice(CHARS) for _ in range(n))
        rows.append(json.dumps({"id": f"long{i}", "text": s}, ensure_ascii=False))
    src = tmp_path / "in.jsonl"
    n = _write(rows, src)
    out, err = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    # the lexicon stand-in tagger: a random model tags random text densely, and the records stage is
    # still quadratic in the number of entities (see the report); this test is about surviving the input
    run_archive(ArchiveRun(inputs=[str(src)], out=out, errors=err, model="rules", workers=1),
                Progress(quiet=True))
    _check(out, err, n)
    assert capfd.readouterr().out == ""


@settings(max_examples=60, **_SETTINGS)
@given(st.binary(max_size=400), st.sampled_from([".jsonl", ".json", ".csv", ".tsv", ".txt", ".jsonl.gz", ".json.gz"]))
def test_readers_never_raise_on_random_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{suffix}"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        out = list(iter_inputs([str(path)]))
        assert all(isinstance(x, (InputItem, InputFailure)) for x in out)
        if suffix == ".jsonl":
            assert len(out) == _count(data)


def test_cli_prints_nothing_on_stdout(tmp_path, tiny_model):
    import subprocess
    import sys

    from tests.conftest import ROOT

    rows = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(TEXTS + HTML + ["", "😀"])]
    n = _write(rows + ["[1, 2]", "null", "{bad"], tmp_path / "in.jsonl")
    out = tmp_path / "o.jsonl"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "in.jsonl"), "-o", str(out),
                           "--model", str(tiny_model), "--workers", "1"], cwd=ROOT, capture_output=True, timeout=600)
    assert proc.returncode == 1, proc.stderr.decode()
    assert proc.stdout == b""
    _check(out, tmp_path / "o.errors.jsonl", n)
