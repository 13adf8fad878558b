"""Progress in plain-line mode (no terminal) with a fake clock: lines, rate, ETA, summary, quiet, counting."""
import io
import threading

import pytest

import pipeline.runner.progress as progress
from pipeline.runner.progress import Progress, _hms


class Clock:
    def __init__(self, t=1000.0):
        self.t = t

    def __call__(self):
        return self.t


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(progress.time, "monotonic", c)
    return c


def _plain(**kw):
    buf = io.StringIO()
    return Progress(stream=buf, tty=False, **kw), buf


@pytest.mark.parametrize("seconds, expected", [
    (0, "0:00:00"), (59.9, "0:00:59"), (61, "0:01:01"), (3600, "1:00:00"), (3 * 3600 + 25 * 60 + 7, "3:25:07"),
    (100 * 3600, "100:00:00"),
])
def test_hms(seconds, expected):
    assert _hms(seconds) == expected


def test_no_bar_when_not_a_terminal(clock):
    p, _ = _plain()
    assert p.bar is None


def test_line_before_total_known(clock):
    p, _ = _plain()
    clock.t += 4
    p.update(10, failed=2)
    assert p.line() == "10 articles (2 failed), 2.5/s"


def test_line_with_total_and_eta(clock):
    p, _ = _plain()
    p.total = 1000
    clock.t += 10
    p.update(100)
    assert p.rate() == pytest.approx(10.0)
    assert p.line() == "100/1,000 articles (0 failed), 10.0/s, ETA 0:01:30"


def test_no_eta_when_done_exceeds_total_or_rate_zero(clock):
    p, _ = _plain()
    p.total = 5
    clock.t += 1
    p.update(8)
    assert p.line() == "8/5 articles (0 failed), 8.0/s"
    q, _ = _plain()
    q.total = 5
    assert q.line() == "0/5 articles (0 failed), 0.0/s"


def test_thousands_separators(clock):
    p, _ = _plain()
    clock.t += 1
    p.update(12345, failed=1234)
    assert p.line().startswith("12,345 articles (1,234 failed)")


def test_lines_printed_only_every_interval(clock):
    p, buf = _plain(interval=10.0)
    clock.t += 3
    p.update(1)
    assert buf.getvalue() == ""
    clock.t += 7  # 10 s since start
    p.update(1)
    assert buf.getvalue() == "munifacts: 2 articles (0 failed), 0.2/s\n"
    clock.t += 9.5
    p.update(1)
    assert buf.getvalue().count("\n") == 1
    clock.t += 0.5
    p.update(1, failed=1)
    assert buf.getvalue().splitlines()[-1] == "munifacts: 4 articles (1 failed), 0.2/s"
    assert "\r" not in buf.getvalue() and "\x1b" not in buf.getvalue()


def test_resume_initial_not_in_rate(clock):
    p, _ = _plain(initial=50)
    clock.t += 5
    p.update(10)
    assert p.done == 60
    assert p.rate() == pytest.approx(2.0)
    assert p.summary() == "10 articles (0 failed) in 0:00:05, 2.0/s"


def test_set_initial(clock):
    p, _ = _plain()
    p.set_initial(40)
    clock.t += 2
    p.update(4)
    assert (p.done, p.initial) == (44, 40)
    assert p.summary() == "4 articles (0 failed) in 0:00:02, 2.0/s"


def test_summary_counts_failures(clock):
    p, _ = _plain()
    clock.t += 125
    p.update(250, failed=3)
    assert p.summary() == "250 articles (3 failed) in 0:02:05, 2.0/s"


def test_message_plain(clock):
    p, buf = _plain()
    p.message("۳ فایل پیدا شد")
    assert buf.getvalue() == "munifacts: ۳ فایل پیدا شد\n"


def test_quiet_prints_nothing_but_still_counts(clock):
    buf = io.StringIO()
    p = Progress(stream=buf, quiet=True, tty=True, interval=0.0)
    assert p.bar is None
    clock.t += 20
    p.update(3, failed=1)
    p.message("hello")
    p.count_in_background(lambda: 99)
    p.close()
    assert buf.getvalue() == ""
    assert (p.done, p.failed, p.total) == (3, 1, None)


def _wait_counter():
    for t in threading.enumerate():
        if t.name == "munifacts-count":
            t.join(5)


def test_count_in_background_sets_total(clock):
    p, _ = _plain()
    p.count_in_background(lambda: 1234)
    _wait_counter()
    assert p.total == 1234


def test_count_in_background_failure_leaves_total_unknown(clock):
    p, _ = _plain()
    p.total = 7

    def boom():
        raise OSError("cannot read")

    p.count_in_background(boom)
    _wait_counter()
    assert p.total is None


def test_close_without_bar_is_harmless(clock):
    p, buf = _plain()
    p.close()
    p.close()
    assert p.bar is None and buf.getvalue() == ""
