"""Progress on stderr: a tqdm bar on a terminal, plain lines otherwise, nothing with ``-q``.

Shows inputs done (of the total, once known), failures, articles per second and the
ETA. The total is counted in a background thread for files (stdin has no known size),
so the run starts at once and the ETA appears when counting ends.
"""
from __future__ import annotations

import sys
import threading
import time
from typing import IO, Callable


def _hms(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


class Progress:
    def __init__(self, stream: IO[str] | None = None, quiet: bool = False, initial: int = 0,
                 interval: float = 10.0, tty: bool | None = None):
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.done = initial
        self.initial = initial
        self.failed = 0
        self.total: int | None = None
        self.interval = interval
        self.start = time.monotonic()
        self.last = self.start
        self.tty = self.stream.isatty() if tty is None else tty
        self.bar = None
        if not quiet and self.tty:
            from tqdm import tqdm

            self.bar = tqdm(total=None, initial=initial, unit="article", file=self.stream, dynamic_ncols=True,
                            smoothing=0.1, mininterval=0.5)

    def set_initial(self, n: int) -> None:
        """Inputs an earlier run finished (``--resume``): counted as done, not in the rate."""
        self.done = self.initial = n
        if self.bar is not None:
            self.bar.n = self.bar.last_print_n = n
            self.bar.refresh()

    def count_in_background(self, count: Callable[[], int | None]) -> None:
        if self.quiet:
            return

        def run():
            try:
                self.total = count()
            except Exception:  # noqa: BLE001 - the total is a nicety; the run does not depend on it
                self.total = None

        threading.Thread(target=run, daemon=True, name="munifacts-count").start()

    def message(self, text: str) -> None:
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.write(f"munifacts: {text}", file=self.stream)
        else:
            print(f"munifacts: {text}", file=self.stream, flush=True)

    def update(self, n: int, failed: int = 0) -> None:
        self.done += n
        self.failed += failed
        if self.quiet:
            return
        if self.bar is not None:
            if self.total is not None and self.bar.total != self.total:
                self.bar.total = self.total
            if failed:
                self.bar.set_postfix(failed=self.failed, refresh=False)
            self.bar.update(n)
            return
        now = time.monotonic()
        if now - self.last >= self.interval:
            self.last = now
            print(f"munifacts: {self.line()}", file=self.stream, flush=True)

    def rate(self) -> float:
        return (self.done - self.initial) / max(1e-9, time.monotonic() - self.start)

    def line(self) -> str:
        rate = self.rate()
        of = f"/{self.total:,}" if self.total is not None else ""
        eta = ""
        if self.total is not None and rate > 0 and self.total >= self.done:
            eta = f", ETA {_hms((self.total - self.done) / rate)}"
        return f"{self.done:,}{of} articles ({self.failed:,} failed), {rate:.1f}/s{eta}"

    def summary(self) -> str:
        """The closing line: what this session did, in how long."""
        n = self.done - self.initial
        took = time.monotonic() - self.start
        return f"{n:,} articles ({self.failed:,} failed) in {_hms(took)}, {self.rate():.1f}/s"

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
