"""Where chunks run: in this process, in local worker processes, or on a Dask cluster.

Every engine has ``submit(items) -> future``, ``wait_any(futures) -> done futures`` and
``close(cancel)``; futures have ``result()``. Workers load the model once per process.
"""
from __future__ import annotations

import concurrent.futures as cf
import os
import signal

from pipeline.runner.work import RunConfig, get_extractor, init_worker, process_chunk, worker_chunk


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def threads_per_worker(workers: int, requested: int | None = None) -> int:
    """Torch threads per worker: never more threads than cores in total."""
    return requested or max(1, cores() // max(1, workers))


class _Done:
    def __init__(self, value=None, error: BaseException | None = None):
        self._value, self._error = value, error

    def result(self):
        if self._error is not None:
            raise self._error
        return self._value

    def done(self) -> bool:
        return True


class InProcess:
    """One worker: this process (the model is loaded here, once)."""

    max_inflight = 1

    def __init__(self, cfg: RunConfig):
        self.cfg = cfg
        get_extractor(cfg)  # ModelError before any work

    def submit(self, items):
        return _Done(process_chunk(self.cfg, items))

    def wait_any(self, futures):
        return list(futures)

    def close(self, cancel: bool = False) -> None:
        pass


class LocalPool:
    """N worker processes (spawned: no forked torch state), each loading the model once."""

    def __init__(self, cfg: RunConfig, workers: int):
        import multiprocessing as mp

        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        os.environ["OMP_NUM_THREADS"] = str(cfg.threads)
        self.pool = cf.ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn"), initializer=init_worker,
                                           initargs=(cfg,))
        self.max_inflight = 2 * workers + 1

    def submit(self, items):
        # workers are spawned on demand during submit: they start with Ctrl-C ignored
        old = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            return self.pool.submit(worker_chunk, items)
        finally:
            signal.signal(signal.SIGINT, old)

    def wait_any(self, futures):
        done, _ = cf.wait(futures, return_when=cf.FIRST_COMPLETED)
        return list(done)

    def close(self, cancel: bool = False) -> None:
        if cancel:
            procs = list((getattr(self.pool, "_processes", None) or {}).values())
            self.pool.shutdown(wait=False, cancel_futures=True)
            for p in procs:
                if p.is_alive():
                    p.terminate()
            for p in procs:
                p.join(5)
        else:
            self.pool.shutdown(wait=True)


class DaskEngine:
    """Chunks as tasks on a dask.distributed cluster; each worker process loads the model once."""

    def __init__(self, cfg: RunConfig, scheduler: str, client=None):
        try:
            from distributed import Client
        except ImportError as e:
            raise ImportError("--engine dask needs dask.distributed: pip install 'munifacts[dask]'") from e
        self.cfg = cfg
        self.own_client = client is None
        self.client = client if client is not None else Client(scheduler, timeout="30s")
        n = sum(w.get("nthreads", 1) for w in self.client.scheduler_info().get("workers", {}).values())
        self.max_inflight = 2 * max(1, n) + 1

    def submit(self, items):
        return self.client.submit(process_chunk, self.cfg, items, pure=False)

    def wait_any(self, futures):
        from distributed import wait

        done, _ = wait(list(futures), return_when="FIRST_COMPLETED")
        return list(done)

    def close(self, cancel: bool = False) -> None:
        if self.own_client:
            self.client.close()
