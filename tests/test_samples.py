"""data/samples: the articles written for the project read cleanly and span enough time for the archive commands."""
import datetime as dt
import re

import jdatetime

from pipeline.inputs import InputFailure, InputItem, iter_inputs
from tests.conftest import ROOT

SAMPLES = ROOT / "data" / "samples"


def _jalali_month(date: str) -> tuple[int, int]:
    if m := re.fullmatch(r"(1[34]\d\d)/(\d\d?)/(\d\d?)", date):
        y, mo, d = map(int, m.groups())
        jdatetime.date(y, mo, d)  # raises on an impossible date
        return y, mo
    j = jdatetime.date.fromgregorian(date=dt.date.fromisoformat(date))
    return j.year, j.month


def test_samples_read_without_failures_and_ids_are_unique():
    out = list(iter_inputs([str(SAMPLES)]))
    failures = [o for o in out if isinstance(o, InputFailure)]
    assert not failures, failures[:3]
    ids = [o.id for o in out]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert len(ids) >= 30


def test_dated_samples_span_at_least_six_months_in_both_date_styles():
    items = [o for o in iter_inputs([str(SAMPLES)]) if isinstance(o, InputItem) and o.date]
    months = {_jalali_month(o.date) for o in items}
    assert len(months) >= 6, sorted(months)
    assert any("/" in o.date for o in items) and any("-" in o.date for o in items)
    assert all(o.title and o.source for o in items if o.location.split(":")[0].endswith(
        ("tabriz.jsonl", "mashhad.jsonl", "yazd.jsonl", "rasht.jsonl", "shiraz.jsonl", "isfahan.jsonl", "kerman.jsonl")))


def test_some_samples_use_the_older_orthography():
    texts = [o.text for o in iter_inputs([str(SAMPLES)]) if isinstance(o, InputItem)]
    old = [t for t in texts if "ي" in t and "ك" in t and "مي " in t]
    assert len(old) >= 4
