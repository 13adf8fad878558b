"""engines without the tagger model: core count, thread choice edge cases, _Done futures, InProcess wiring."""
import pytest

import pipeline.runner.engines as engines
from pipeline.runner.engines import InProcess, _Done, cores, threads_per_worker
from pipeline.runner.work import RunConfig


def test_cores_uses_affinity(monkeypatch):
    monkeypatch.setattr(engines.os, "sched_getaffinity", lambda pid: {0, 3, 5}, raising=False)
    assert cores() == 3


@pytest.mark.parametrize("n_cores, workers, requested, expected", [
    (2, 0, None, 2),     # zero workers counts as one
    (2, -3, None, 2),
    (1, 4, None, 1),     # never below one thread
    (6, 4, None, 1),
    (6, 3, None, 2),
    (6, 3, 0, 2),        # requested 0 means "choose"
    (2, 8, 5, 5),        # an explicit request wins even past the cores
])
def test_threads_per_worker_edges(monkeypatch, n_cores, workers, requested, expected):
    monkeypatch.setattr(engines, "cores", lambda: n_cores)
    assert threads_per_worker(workers, requested) == expected


def test_done_value():
    d = _Done(["سطر ۱"])
    assert d.done() is True and d.result() == ["سطر ۱"]
    assert _Done().result() is None


def test_done_error_reraised_each_time():
    err = ValueError("خراب")
    d = _Done(error=err)
    for _ in range(2):
        with pytest.raises(ValueError) as e:
            d.result()
        assert e.value is err


def test_in_process_loads_once_and_runs_chunks(monkeypatch):
    loaded, ran = [], []
    monkeypatch.setattr(engines, "get_extractor", lambda cfg: loaded.append(cfg))
    monkeypatch.setattr(engines, "process_chunk", lambda cfg, items: ran.append((cfg, items)) or [len(items)])
    cfg = RunConfig(threads=1)
    eng = InProcess(cfg)
    assert loaded == [cfg] and eng.max_inflight == 1
    futs = [eng.submit(["الف", "ب"]), eng.submit(["ج"])]
    assert [f.result() for f in eng.wait_any(futs)] == [[2], [1]]
    assert ran == [(cfg, ["الف", "ب"]), (cfg, ["ج"])]
    assert loaded == [cfg]  # not reloaded per chunk
    eng.close(cancel=True)


def test_in_process_model_error_before_work(monkeypatch):
    from pipeline.runner.work import ModelError

    def fail(cfg):
        raise ModelError("no model at x; give --model")

    monkeypatch.setattr(engines, "get_extractor", fail)
    monkeypatch.setattr(engines, "process_chunk", lambda cfg, items: pytest.fail("no work before the model loads"))
    with pytest.raises(ModelError, match="no model at x"):
        InProcess(RunConfig())


def test_dask_engine_without_distributed_says_how_to_install(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_distributed(name, *a, **kw):
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError("no distributed")
        return real(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    with pytest.raises(ImportError, match=r"--engine dask needs dask.distributed: pip install 'munifacts\[dask\]'"):
        engines.DaskEngine(RunConfig(), "tcp://127.0.0.1:1")
