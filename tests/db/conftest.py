"""Hand-written extract output (Persian texts written for these tests) and archives built from it."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def article(aid, date, parts, **records):
    """An extract-output line: ``parts`` are plain strings or (text, LABEL) entity pieces.

    Records give their evidence as a sentence substring; offsets are computed here.
    """
    text, entities = "", []
    for p in parts:
        if isinstance(p, tuple):
            entities.append({"label": p[1], "text": p[0], "start": len(text), "end": len(text) + len(p[0]),
                             "raw_start": len(text), "raw_end": len(text) + len(p[0])})
            p = p[0]
        text += p
    out = {"schema_version": "1.0", "id": aid, "title": None, "date": date, "source": "written for munifacts tests",
           "text": text, "entities": entities, "model": {"tagger": "hand", "version": "0"}}
    for kind in ("officials", "meetings", "commitments", "quotes", "figures", "dates"):
        recs = []
        for r in records.get(kind, []):
            r = dict(r)
            ev = r.pop("evidence", None)
            if ev is not None:
                s = text.index(ev)
                r["evidence"] = {"text": ev, "start": s, "end": s + len(ev), "raw_start": s, "raw_end": s + len(ev)}
            if kind in ("figures",):
                s = text.index(r["text"])
                r.update(start=s, end=s + len(r["text"]), raw_start=s, raw_end=s + len(r["text"]))
            recs.append(r)
        out[kind] = recs
    return out


S1 = "شهردار تبریز گفت: خط دوم قطار شهری تا پایان سال تکمیل می‌شود."
S2 = "کامران نیک‌پور افزود: برای این طرح ۸ هزار میلیارد ریال اعتبار لازم است."
S3 = "مهندس کامران نيكپور در دیدار با وزیر کشور گفت: ۱۲ دستگاه واگن جدید خریداری می‌شود."
S4 = "رضا فخاری رئیس شورای اسلامی شهر یزد گفت: بودجه شهرداری ۳۰ درصد افزایش دارد."
S5 = "فخاری شهردار یزد شد و گفت: ساخت پارک بانوان تا پایان خرداد تمام می‌شود."
S6 = "حسن رضایی و حسین رضایی در جلسه شورای شهر رشت درباره پسماند گفت‌وگو کردند."

ARTICLES = [
    article("tabriz-1", "1402/11/10",
            [("شهردار", "ROLE"), " ", ("تبریز", "LOC"), " گفت: خط دوم قطار شهری ", ("تا پایان سال", "DATE"),
             " تکمیل می‌شود.\n", ("کامران نیک‌پور", "PER"), " افزود: برای این طرح ", ("۸ هزار میلیارد ریال", "FIG"),
             " اعتبار لازم است."],
            officials=[{"person": "کامران نیک‌پور", "role": "شهردار", "location": "تبریز", "evidence": S2}],
            commitments=[{"kind": "promise", "actor": "کامران نیک‌پور", "content": "خط دوم قطار شهری تا پایان سال تکمیل می‌شود",
                          "deadline": "تا پایان سال", "figures": [], "evidence": S1}],
            quotes=[{"speaker": "کامران نیک‌پور", "text": "برای این طرح ۸ هزار میلیارد ریال اعتبار لازم است.", "evidence": S2}],
            figures=[{"text": "۸ هزار میلیارد ریال", "value": 8e12, "unit": "ریال", "kind": "money", "approx": False}]),
    article("tabriz-2", "2024-05-20",
            [("مهندس کامران نيكپور", "PER"), " در دیدار با ", ("وزیر کشور", "ROLE"), " گفت: ", ("۱۲ دستگاه", "FIG"),
             " واگن جدید خریداری می‌شود."],
            officials=[{"person": "مهندس کامران نيكپور", "role": "شهردار", "location": "تبریز", "evidence": S3}],
            meetings=[{"kind": "دیدار", "participants": [{"person": "مهندس کامران نيكپور", "role": "شهردار"},
                                                          {"role": "وزیر کشور"}], "date": "دیروز", "evidence": S3}],
            commitments=[{"kind": "plan", "actor": "مهندس کامران نيكپور", "content": "۱۲ دستگاه واگن جدید خریداری می‌شود",
                          "figures": ["۱۲ دستگاه"], "evidence": S3}],
            quotes=[{"speaker": "مهندس کامران نيكپور", "text": "۱۲ دستگاه واگن جدید خریداری می‌شود.", "evidence": S3}],
            figures=[{"text": "۱۲ دستگاه", "value": 12, "unit": "دستگاه", "kind": "count", "approx": False}]),
    article("yazd-1", "1402/12/01",
            [("رضا فخاری", "PER"), " ", ("رئیس", "ROLE"), " ", ("شورای اسلامی شهر یزد", "ORG"), " گفت: بودجه شهرداری ",
             ("۳۰ درصد", "FIG"), " افزایش دارد."],
            officials=[{"person": "رضا فخاری", "role": "رئیس", "org": "شورای اسلامی شهر یزد", "evidence": S4}],
            quotes=[{"speaker": "رضا فخاری", "text": "بودجه شهرداری ۳۰ درصد افزایش دارد.", "evidence": S4}],
            figures=[{"text": "۳۰ درصد", "value": 30, "unit": "درصد", "kind": "percent", "approx": False}]),
    article("yazd-2", "1403/03/05",
            [("فخاری", "PER"), " ", ("شهردار", "ROLE"), " ", ("یزد", "LOC"), " شد و گفت: ساخت پارک بانوان ",
             ("تا پایان خرداد", "DATE"), " تمام می‌شود.\n", ("رضا فخاري", "PER"), " پیش از این رئیس شورا بود."],
            officials=[{"person": "فخاری", "role": "شهردار", "location": "یزد", "evidence": S5}],
            commitments=[{"kind": "promise", "actor": "فخاری", "content": "ساخت پارک بانوان تا پایان خرداد تمام می‌شود",
                          "deadline": "تا پایان خرداد", "evidence": S5}]),
    article("rasht-1", "1403/05/15",
            [("حسن رضایی", "PER"), " و ", ("حسین رضایی", "PER"), " در جلسه ", ("شورای شهر رشت", "ORG"),
             " درباره پسماند گفت‌وگو کردند."],
            meetings=[{"kind": "جلسه", "participants": [{"person": "حسن رضایی"}, {"person": "حسین رضایی"}],
                       "organizations": ["شورای شهر رشت"], "topic": "پسماند", "evidence": S6}]),
]


def write_jsonl(path, arts=ARTICLES):
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts), encoding="utf-8")
    return path


@pytest.fixture
def facts(tmp_path):
    return write_jsonl(tmp_path / "facts.jsonl")


@pytest.fixture
def archive(tmp_path, facts):
    from pipeline.db import load_files, open_db

    path = tmp_path / "archive.duckdb"
    con = open_db(path)
    load_files(con, [facts])
    con.close()
    return path


@pytest.fixture(scope="session")
def samples_facts(tmp_path_factory):
    """data/samples extracted once per test session with the shipped model (one torch thread)."""
    out = tmp_path_factory.mktemp("samples") / "samples.jsonl"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(ROOT / "data" / "samples"), "-o", str(out),
                           "--threads", "1", "-q"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium; tests that need a browser skip only when it is not installed."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
    return exe
