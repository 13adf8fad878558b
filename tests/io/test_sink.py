"""The sink writes whole lines and a journal that makes any interruption resumable."""
import os

import pytest

from pipeline.io import UsageError
from pipeline.io.sink import Sink, journal_path

FP = {"inputs": ["a.jsonl"], "chunk": 2}


def _open(tmp_path, resume=False, fp=FP):
    return Sink.open(tmp_path / "o.jsonl", tmp_path / "e.jsonl", fp, resume)


def test_finished_run_removes_journal_and_empty_errors(tmp_path):
    s = _open(tmp_path)
    s.write_chunk(0, [(False, '{"id":"a"}'), (False, '{"id":"b"}')])
    s.close(finished=True)
    assert (tmp_path / "o.jsonl").read_text() == '{"id":"a"}\n{"id":"b"}\n'
    assert not (tmp_path / "e.jsonl").exists()
    assert journal_path(tmp_path / "o.jsonl").read_bytes().endswith(b"\ndone\n")
    again = _open(tmp_path, resume=True)  # resuming a finished run does nothing
    assert again.complete and again.sizes == [22, 0]
    again.close(finished=True)
    assert (tmp_path / "o.jsonl").read_text() == '{"id":"a"}\n{"id":"b"}\n'
    _open(tmp_path).abandon()  # and a new run over it is allowed


def test_resume_truncates_to_the_last_journal_entry(tmp_path):
    s = _open(tmp_path)
    s.write_chunk(0, [(False, '{"id":"a"}'), (True, '{"source":"x"}')])
    s.sync()
    s.write_chunk(1, [(False, '{"id":"c"}')])  # written, never synced: as if killed here
    os.write(s.fds["out"], b'{"id":"partial')  # and a partial line
    for fd in s.fds.values():
        os.close(fd)
    r = _open(tmp_path, resume=True)
    assert r.done_chunks == {0}
    assert (tmp_path / "o.jsonl").read_text() == '{"id":"a"}\n'
    assert (tmp_path / "e.jsonl").read_text() == '{"source":"x"}\n'
    r.write_chunk(1, [(False, '{"id":"c"}')])
    r.close(finished=True)
    assert (tmp_path / "o.jsonl").read_text() == '{"id":"a"}\n{"id":"c"}\n'
    assert (tmp_path / "e.jsonl").exists()  # it has a failure from the first session


def test_resume_with_other_settings_is_refused(tmp_path):
    s = _open(tmp_path)
    s.write_chunk(0, [(False, "{}")])
    s.sync()
    for fd in s.fds.values():
        os.close(fd)
    with pytest.raises(UsageError, match="chunk"):
        _open(tmp_path, resume=True, fp={**FP, "chunk": 3})
    with pytest.raises(UsageError, match="--resume"):  # a new run would throw the finished work away
        _open(tmp_path)


def test_unwritable_errors_path_leaves_the_existing_output_alone(tmp_path):
    out = tmp_path / "o.jsonl"
    out.write_text("earlier results\n")
    (tmp_path / "e.jsonl").mkdir()  # a directory where the errors file should go
    with pytest.raises(UsageError, match="errors file"):
        _open(tmp_path)
    assert out.read_text() == "earlier results\n"
    assert not journal_path(out).exists()


def test_existing_output_replaced_only_at_the_first_result(tmp_path):
    out = tmp_path / "o.jsonl"
    out.write_text("earlier results\n")
    s = _open(tmp_path)
    assert out.read_text() == "earlier results\n"  # e.g. the model fails to load now: nothing lost
    s.abandon()
    assert out.read_text() == "earlier results\n" and not journal_path(out).exists()
