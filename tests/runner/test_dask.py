"""``--engine dask``: a LocalCluster on 127.0.0.1 with two worker processes writes what the local engine writes."""
import logging

from distributed import LocalCluster

from pipeline.cli import main
from tests.runner._archive import article, lines, write_jsonl


def test_dask_engine_equals_local_engine(tmp_path, tiny_model):
    rows = [article(i) for i in range(40)]
    rows[6] = "{broken"
    rows[20] = {"id": "en", "text": "Only English words in this one."}
    rows[33] = {"id": "html", "text": "<p>شهردار قم گفت&nbsp;بودجه ۲۰ میلیارد تومان است</p>"}
    src = tmp_path / "in.jsonl"
    write_jsonl(src, rows)
    common = ["--model", str(tiny_model), "--batch-size", "4", "-q"]
    local, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["extract", str(src), "-o", str(local), "--workers", "1", *common]) == 1
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        status = main(["extract", str(src), "-o", str(dask_out), "--engine", "dask",
                       "--scheduler", cluster.scheduler_address, *common])
        n_workers = len(cluster.scheduler_info["workers"])
    assert n_workers == 2
    assert status == 1
    assert dask_out.read_bytes() == local.read_bytes()
    assert (tmp_path / "dask.errors.jsonl").read_bytes() == (tmp_path / "local.errors.jsonl").read_bytes()
    assert len(lines(dask_out)) == 38


def test_dask_engine_needs_a_scheduler(tmp_path, capsys):
    write_jsonl(tmp_path / "in.jsonl", [article(0)])
    assert main(["extract", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o.jsonl"), "--engine", "dask"]) == 2
    assert "--scheduler" in capsys.readouterr().err
