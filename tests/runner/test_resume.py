"""Kill real runs at random points (SIGKILL to the whole process group, or Ctrl-C), resume, and
check that the result equals an uninterrupted run: every input exactly once, same bytes."""
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from pipeline.cli import main
from tests.conftest import ROOT
from tests.runner._archive import article, by_id, lines, write_jsonl


def _inputs(tmp_path, n):
    rows = [article(i) for i in range(n)]
    for i in range(5, n, 37):
        rows[i] = {"id": f"bad{i}", "text": "only latin letters here"}
    for i in range(9, n, 53):
        rows[i] = "{not json"
    path = tmp_path / "in.jsonl"
    write_jsonl(path, rows)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_killed_runs_resume_to_the_uninterrupted_result(tmp_path, tiny_model, workers):
    rng = random.Random(1234 + int(workers))
    src = _inputs(tmp_path, 400)
    ref = tmp_path / "ref.jsonl"
    status = main(["extract", str(src), "-o", str(ref), "--model", str(tiny_model), "--batch-size", "8",
                   "--workers", "1", "-q"])
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "pipeline", "extract", str(src), "-o", str(out), "--model", str(tiny_model),
           "--batch-size", "8", "--workers", workers, "-q", "--resume"]
    kills = 0
    for attempt in range(40):
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
        # SIGKILL at any point, start-up included; Ctrl-C once the run is writing (a Ctrl-C while
        # Python itself is still importing may show Python's own traceback)
        sig = signal.SIGINT if attempt % 4 == 3 else signal.SIGKILL
        target = len(lines(out)) + (rng.randint(1, 60) if sig == signal.SIGINT else rng.choice([0, rng.randint(1, 60)]))
        while proc.poll() is None and len(lines(out)) < target:
            time.sleep(0.01)
        time.sleep(rng.random() * 0.3)
        if proc.poll() is None:
            os.killpg(proc.pid, sig)  # the main process and its workers at once
            kills += 1
        stdout, stderr = proc.communicate(timeout=300)
        assert stdout == b""
        assert b"Traceback" not in stderr, stderr.decode()
        if proc.returncode in (0, 1):
            break
        assert proc.returncode in (130, -signal.SIGKILL), stderr.decode()
    else:
        pytest.fail("the run never finished")
    assert kills >= 3
    assert proc.returncode == status
    assert by_id(out) == by_id(ref)
    assert by_id(tmp_path / "out.errors.jsonl") == by_id(tmp_path / "ref.errors.jsonl")
    ids = [json.loads(x)["id"] for x in lines(out)] + [json.loads(x)["id"] for x in lines(tmp_path / "out.errors.jsonl")]
    assert len(ids) == 400
    assert (tmp_path / "out.jsonl.resume").read_bytes().endswith(b"\ndone\n")


def test_resume_after_ctrl_c_in_process(tmp_path, tiny_model, monkeypatch):
    """The same without subprocesses: stop after the second chunk (as Ctrl-C would), resume."""
    import pipeline.io.sink as sink

    src = _inputs(tmp_path, 60)
    ref, out = tmp_path / "ref.jsonl", tmp_path / "out.jsonl"
    args = ["--model", str(tiny_model), "--batch-size", "8", "--workers", "1", "-q"]
    assert main(["extract", str(src), "-o", str(ref), *args]) == 1
    real = sink.Sink.write_chunk
    calls = []

    def interrupted(self, idx, chunk):
        real(self, idx, chunk)
        calls.append(idx)
        if len(calls) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(sink.Sink, "write_chunk", interrupted)
    assert main(["extract", str(src), "-o", str(out), *args]) == 130
    monkeypatch.setattr(sink.Sink, "write_chunk", real)
    assert len(lines(out)) + len(lines(tmp_path / "out.errors.jsonl")) == 16
    assert main(["extract", str(src), "-o", str(out), *args]) == 2  # forgot --resume: refused, nothing lost
    assert len(lines(out)) + len(lines(tmp_path / "out.errors.jsonl")) == 16
    assert main(["extract", str(src), "-o", str(out), *args, "--resume"]) == 1
    assert out.read_bytes() == ref.read_bytes()  # ordered output: equal even before sorting
    assert (tmp_path / "out.errors.jsonl").read_bytes() == (tmp_path / "ref.errors.jsonl").read_bytes()
