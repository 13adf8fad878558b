"""The output and errors files of a run, written in whole lines, with a resume journal beside them.

Results arrive one *chunk* (a fixed run of consecutive inputs) at a time. A chunk's lines
are written with one ``write`` per file; the journal ``OUT.resume`` then records the chunk
number and both file sizes, but only after the data files are synced, so every journal
entry describes data that is on disk. Resuming truncates both files to the sizes of the
last entry (dropping any partial line and any chunk written after it) and skips the
chunks it lists: every input ends exactly once in one of the two files, whatever point a
run was killed at. A finished run ends its journal with ``done``; resuming it does nothing.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.io.items import UsageError

JOURNAL_VERSION = 1
SYNC_SECONDS = 1.0


DONE = b"done"


def _journal_state(journal: Path) -> str | None:
    """None (no journal), "unfinished", or "finished" (the run wrote every input)."""
    if not journal.exists() or journal.stat().st_size == 0:
        return None
    with open(journal, "rb") as fh:
        fh.seek(max(0, journal.stat().st_size - 64))
        tail = fh.read()
    return "finished" if tail.endswith(b"\n" + DONE + b"\n") else "unfinished"


def journal_path(out: Path) -> Path:
    return out.with_name(out.name + ".resume")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _open_append(path: Path, what: str) -> tuple[int, bool]:
    """Open for appending without truncating; (fd, created). Raises UsageError saying what to fix."""
    existed = path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    except OSError as e:
        raise UsageError(f"cannot write the {what} {str(path)!r}: {e.strerror or e}; "
                         f"choose a writable path") from None
    return fd, not existed


@dataclass
class Sink:
    out: Path
    errors: Path
    fingerprint: dict
    fds: dict = field(default_factory=dict)
    created: list = field(default_factory=list)
    done_chunks: set = field(default_factory=set)
    sizes: list = field(default_factory=lambda: [0, 0])
    pending: list = field(default_factory=list)
    last_sync: float = 0.0
    n_errors: int = 0
    fresh: bool = False
    complete: bool = False  # --resume of a run that had finished

    @property
    def journal(self) -> Path:
        return journal_path(self.out)

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, out: Path, errors: Path, fingerprint: dict, resume: bool) -> "Sink":
        """Check every path is writable before touching any content; then start or resume."""
        sink = cls(out=out, errors=errors, fingerprint=fingerprint)
        journal = sink.journal
        state = _journal_state(journal)
        unfinished = state == "unfinished"
        if resume and state is None and out.exists() and out.stat().st_size > 0:
            raise UsageError(f"--resume: {str(out)!r} has no run to continue (no {journal.name} beside it); "
                             f"run without --resume to start over")
        if not resume and unfinished:
            raise UsageError(f"{str(out)!r} belongs to an unfinished run ({journal.name} is beside it): add --resume "
                             f"to continue it, or delete {journal.name} to start over")
        try:
            for key, path, what in (("out", out, "output file"), ("err", errors, "errors file"),
                                    ("journal", journal, "resume journal")):
                fd, created = _open_append(path, what)
                sink.fds[key] = fd
                if created:
                    sink.created.append(path)
            if resume and state == "finished":
                sink._recover(truncate=False)  # checks the settings; nothing is left to do
                sink.complete = True
            elif resume and unfinished:
                sink._recover()
            else:
                sink.fresh = True  # existing content is replaced at the first result, not before
        except BaseException:
            sink.abandon()
            raise
        sink.last_sync = time.monotonic()
        return sink

    def _recover(self, truncate: bool = True) -> None:
        data = self.journal.read_bytes()
        lines = data.split(b"\n")
        complete = lines[:-1]  # the part after the last newline is a partial entry
        try:
            header = json.loads(complete[0])
        except (IndexError, ValueError):
            raise UsageError(f"--resume: {self.journal.name} is damaged; delete it and {self.out.name} "
                             f"to start over") from None
        if header.get("munifacts_resume") != JOURNAL_VERSION or header.get("command") != self.fingerprint:
            old = header.get("command", {})
            diff = sorted(k for k in set(old) | set(self.fingerprint) if old.get(k) != self.fingerprint.get(k))
            raise UsageError(f"--resume: the unfinished run in {str(self.out)!r} used different settings "
                             f"({', '.join(diff) or 'format'}); rerun it with the same inputs and options, or delete "
                             f"{self.journal.name} to start over")
        actual = [os.fstat(self.fds["out"]).st_size, os.fstat(self.fds["err"]).st_size]
        if not truncate:
            self.sizes = actual
            return
        entries = []
        for raw in complete[1:]:
            if raw == DONE:
                break
            try:
                idx, so, se = (int(x) for x in raw.split())
            except ValueError:
                break
            if so > actual[0] or se > actual[1]:  # data lost with the machine (no sync): redo from here
                break
            entries.append((idx, so, se))
        keep = len(b"\n".join(complete[: 1 + len(entries)])) + 1
        os.ftruncate(self.fds["journal"], keep)
        self.sizes = [entries[-1][1], entries[-1][2]] if entries else [0, 0]
        os.ftruncate(self.fds["out"], self.sizes[0])
        os.ftruncate(self.fds["err"], self.sizes[1])
        self.done_chunks = {e[0] for e in entries}
        self.n_errors = self.sizes[1]  # >0 means some earlier input failed
        for key in ("out", "err", "journal"):
            os.fsync(self.fds[key])

    def _start_fresh(self) -> None:
        for key in ("out", "err", "journal"):
            os.ftruncate(self.fds[key], 0)
        header = {"munifacts_resume": JOURNAL_VERSION, "command": self.fingerprint}
        _write_all(self.fds["journal"], (json.dumps(header, ensure_ascii=False, sort_keys=True) + "\n").encode())
        os.fsync(self.fds["journal"])
        self.fresh = False

    # ------------------------------------------------------------------ writing
    def write_chunk(self, idx: int, lines: list[tuple[bool, str]]) -> None:
        """Write one chunk's results (``(is_error, json_line)`` in input order) as whole lines."""
        if self.fresh:
            self._start_fresh()
        out = "".join(line + "\n" for is_err, line in lines if not is_err).encode("utf-8", "surrogatepass")
        err = "".join(line + "\n" for is_err, line in lines if is_err).encode("utf-8", "surrogatepass")
        if out:
            _write_all(self.fds["out"], out)
        if err:
            _write_all(self.fds["err"], err)
            self.n_errors += sum(1 for is_err, _ in lines if is_err)
        self.sizes[0] += len(out)
        self.sizes[1] += len(err)
        self.done_chunks.add(idx)
        self.pending.append(f"{idx} {self.sizes[0]} {self.sizes[1]}\n")
        if time.monotonic() - self.last_sync >= SYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        """Data first, then the journal entries that describe it."""
        if self.fresh:
            self._start_fresh()
        os.fsync(self.fds["out"])
        os.fsync(self.fds["err"])
        if self.pending:
            _write_all(self.fds["journal"], "".join(self.pending).encode())
            self.pending = []
            os.fsync(self.fds["journal"])
        self.last_sync = time.monotonic()

    # ------------------------------------------------------------------ closing
    def close(self, finished: bool) -> None:
        """``finished``: every input was written; the journal says so, and an empty errors file goes."""
        self.sync()
        if finished and not self.complete:
            _write_all(self.fds["journal"], DONE + b"\n")
            os.fsync(self.fds["journal"])
        for fd in self.fds.values():
            os.close(fd)
        self.fds = {}
        if finished:
            if self.sizes[1] == 0:
                self.errors.unlink(missing_ok=True)

    def abandon(self) -> None:
        """A usage error before any result: close, and remove the files this run created."""
        for fd in self.fds.values():
            os.close(fd)
        self.fds = {}
        for path in self.created:
            path.unlink(missing_ok=True)
