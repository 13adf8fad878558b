"""An archive run: inputs -> fixed chunks -> an engine -> the output and errors files.

Inputs are cut into chunks of ``batch_size`` consecutive inputs (chunk *k* always holds the
same inputs), and each chunk is processed on its own. So the bytes written for an input do
not depend on the number of workers, the engine, the order results come back in, or where an
earlier run stopped: ``--resume`` skips the chunks the journal lists and runs the rest.
"""
from __future__ import annotations

import signal
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from pipeline.io import Columns, InputItem, UsageError, check_paths, count_inputs, iter_inputs
from pipeline.io.sink import Sink, journal_path
from pipeline.runner.engines import DaskEngine, InProcess, LocalPool, cores, threads_per_worker
from pipeline.runner.work import ModelError, RunConfig


class RunStopped(RuntimeError):
    """The run stopped before the end but everything written is consistent: ``--resume`` continues it."""


@dataclass
class ArchiveRun:
    inputs: list[str]
    out: Path
    errors: Path
    model: str | None = None
    entities: str = "combined"
    max_chars: int = 1_000_000
    batch_size: int = 16
    threads: int | None = None
    workers: int | None = None
    unordered: bool = False
    resume: bool = False
    engine: str = "local"
    scheduler: str | None = None
    stages: list[str] | None = None
    without: list[str] | tuple = ()
    int8: bool = False
    columns: Columns = field(default_factory=Columns)
    stdin: object = None
    dask_client: object = None  # tests pass a Client of their own

    def fingerprint(self) -> dict:
        """What must not change between a run and its resumption."""
        return {"inputs": [p if p == "-" else str(Path(p).resolve()) for p in self.inputs],
                "model": self.model if self.model in (None, "rules") else str(Path(self.model).resolve()),
                "entities": self.entities, "stages": self.stages, "without": list(self.without),
                "max_chars": self.max_chars, "chunk": self.batch_size,
                "columns": [self.columns.text, self.columns.id, self.columns.date, self.columns.title,
                            self.columns.source], **({"int8": True} if self.int8 else {})}


@dataclass
class Summary:
    done: int = 0          # inputs written in this session
    failed: int = 0        # of which to the errors file
    skipped_chunks: int = 0  # chunks an earlier run had finished
    duplicates: int = 0
    any_failed: bool = False  # the errors file (whole run, resumed part included) is not empty
    workers: int = 1


def _chunks(items, size: int, done: set, summary: Summary, warn) -> Iterator[tuple[int, list]]:
    seen: set[int] = set()
    buf: list = []
    dups: list[str] = []
    idx = 0

    def emit():
        if idx in done:
            summary.skipped_chunks += 1
            return None
        for d in dups:
            warn(d)
        return idx, buf

    for item in items:
        if isinstance(item, InputItem):
            h = hash(item.id)
            if h in seen:
                summary.duplicates += 1
                dups.append(f"warning: {item.location}: id {item.id!r} was seen before; both articles are kept")
            else:
                seen.add(h)
        buf.append(item)
        if len(buf) == size:
            chunk = emit()
            if chunk:
                yield chunk
            idx, buf, dups = idx + 1, [], []
    if buf:
        chunk = emit()
        if chunk:
            yield chunk


def run_archive(run: ArchiveRun, progress) -> Summary:
    """Raises UsageError before any work on bad arguments, RunStopped after a clean interruption."""
    exclude = [run.out, run.errors, journal_path(run.out)]
    if run.out.resolve() == run.errors.resolve():
        raise UsageError("--errors must differ from -o")
    check_paths(run.inputs, run.columns, exclude)
    sink = Sink.open(run.out, run.errors, run.fingerprint(), run.resume)
    summary = Summary()
    if sink.complete:  # --resume of a run that had finished
        sink.close(finished=True)
        summary.any_failed = sink.sizes[1] > 0
        return summary
    if not progress.quiet and "-" not in run.inputs:
        progress.count_in_background(lambda: count_inputs(run.inputs, run.columns, exclude))

    chunks = _chunks(iter_inputs(run.inputs, stdin=run.stdin, cols=run.columns, exclude=exclude),
                     run.batch_size, set(sink.done_chunks), summary, progress.message)
    workers = run.workers or cores()
    try:
        head = list(islice(chunks, workers))  # no more workers than chunks
    except BaseException:
        sink.abandon()
        raise
    progress.set_initial(summary.skipped_chunks * run.batch_size)  # approximate if the last chunk was short
    workers = max(1, min(workers, len(head)))
    summary.workers = workers
    threads = (run.threads or 1) if run.engine == "dask" else threads_per_worker(workers, run.threads)
    cfg = RunConfig(model=run.model, max_chars=run.max_chars, batch_size=run.batch_size, entities=run.entities,
                    threads=threads, stages=tuple(run.stages) if run.stages is not None else None,
                    without=tuple(run.without), int8=run.int8)
    try:
        if not head:  # nothing (left) to do: no model to load
            engine = _Idle()
        elif run.engine == "dask":
            engine = DaskEngine(cfg, run.scheduler, client=run.dask_client)
        elif workers == 1:
            engine = InProcess(cfg)
        else:
            engine = LocalPool(cfg, workers)
    except ModelError as e:
        sink.abandon()
        raise UsageError(str(e)) from None
    except BaseException:
        sink.abandon()
        raise

    state = {"critical": False, "stop": False}
    wrote = [False]

    def on_signal(signum, frame):
        if state["critical"]:
            state["stop"] = True
        else:
            raise KeyboardInterrupt

    def write(idx: int, results) -> None:
        state["critical"] = True
        try:
            sink.write_chunk(idx, [(is_err, line) for is_err, line, _msgs in results])
            wrote[0] = True
        finally:
            state["critical"] = False
        nfail = 0
        for is_err, _line, msgs in results:
            nfail += is_err
            for m in msgs:
                progress.message(m)
        summary.done += len(results)
        summary.failed += nfail
        progress.update(len(results), nfail)
        if state["stop"]:
            raise KeyboardInterrupt

    main_thread = threading.current_thread() is threading.main_thread()
    if main_thread:
        old_handlers = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    inflight: deque = deque()
    finished = False
    try:
        def drain(block_all: bool) -> None:
            while inflight and (block_all or len(inflight) >= engine.max_inflight):
                if run.unordered:
                    done_ids = {id(f) for f in engine.wait_any([f for _, f in inflight])}
                    for item in [x for x in inflight if id(x[1]) in done_ids]:
                        inflight.remove(item)
                        write(item[0], item[1].result())
                else:
                    idx, fut = inflight.popleft()
                    write(idx, fut.result())

        for idx, items in _chain(head, chunks):
            inflight.append((idx, engine.submit(items)))
            drain(block_all=False)
        drain(block_all=True)
        finished = True
    except KeyboardInterrupt:
        raise RunStopped("interrupted") from None
    except ModelError as e:
        if not wrote[0]:
            engine.close(cancel=True)
            sink.abandon()
            raise UsageError(str(e)) from None
        raise RunStopped(f"a worker could not load the model: {e}") from None
    except Exception as e:
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(e, BrokenProcessPool):
            raise RunStopped("a worker process died (out of memory?)") from None
        raise
    finally:
        state["critical"] = True  # a second Ctrl-C now only asks for what is already happening
        try:
            engine.close(cancel=not finished)
            if sink.fds:
                sink.close(finished=finished)
        finally:
            if main_thread:
                for sig, h in old_handlers.items():
                    signal.signal(sig, h)
    summary.any_failed = sink.sizes[1] > 0
    return summary


class _Idle:
    max_inflight = 1

    def close(self, cancel: bool = False) -> None:
        pass


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest
