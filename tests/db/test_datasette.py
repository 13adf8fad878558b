"""munifacts export --sqlite, opened by a real Datasette on 127.0.0.1: full-text search, facets, foreign keys."""
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from pipeline.cli import main


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def exported(tmp_path, archive):
    out = tmp_path / "archive.db"
    assert main(["export", "--db", str(archive), "--sqlite", str(out)]) == 0
    return out, tmp_path / "archive.metadata.json"


def test_sqlite_file_has_fts_and_foreign_keys(exported):
    db, meta = exported
    con = sqlite3.connect(db)
    fts = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE name LIKE '%_fts'")}
    assert fts == {"quotes_fts", "commitments_fts", "articles_fts"}
    fks = {(r[3], r[2]) for r in con.execute("PRAGMA foreign_key_list(officials)")}
    assert {("article_id", "articles"), ("person_id", "people")} <= fks
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    hit = con.execute("SELECT a.article_id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                      "WHERE articles_fts MATCH 'پسماند'").fetchall()
    assert hit == [("rasht-1",)]
    m = json.loads(meta.read_text(encoding="utf-8"))
    tables = m["databases"]["archive"]["tables"]
    assert tables["officials"]["facets"][:1] == ["role"] and "jalali_month" in tables["commitments"]["facets"]
    assert "تومان" in tables["figures"]["columns"]["unit"]


def _get(port, path, **params):
    url = f"http://127.0.0.1:{port}{path}?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read().decode("utf-8"))


def test_datasette_serves_the_export(exported, tmp_path):
    db, meta = exported
    port = _free_port()
    log = open(tmp_path / "datasette.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(meta),
                             "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(120):  # up to 60 s to start
            try:
                _get(port, "/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("datasette exited: " + (tmp_path / "datasette.log").read_text())
                time.sleep(0.5)
        else:
            pytest.fail("datasette did not answer within 60 s")
        found = _get(port, "/archive/quotes.json", _search="واگن", _shape="objects")
        assert [r["article_id"] for r in found["rows"]] == ["tabriz-2"]
        found = _get(port, "/archive/articles.json", _search="پسماند", _shape="objects")
        assert [r["article_id"] for r in found["rows"]] == ["rasht-1"]
        facets = _get(port, "/archive/commitments.json", _facet="kind", _shape="objects")
        counts = {f["value"]: f["count"] for f in facets["facet_results"]["kind"]["results"]}
        assert counts == {"promise": 2, "plan": 1}
        officials = _get(port, "/archive/officials.json", _shape="objects")  # facets from metadata.json
        roles = {f["value"]: f["count"] for f in officials["facet_results"]["role"]["results"]}
        assert roles == {"شهردار": 3, "رئیس": 1}
        person = _get(port, "/archive/people.json", _shape="objects", _where="name like '%فخار%'")
        assert person["rows"][0]["n_articles"] == 2
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def test_csv_export_keeps_article_and_meeting_dates_apart(tmp_path, archive):
    import csv

    out = tmp_path / "csv"
    assert main(["export", "--db", str(archive), "-o", str(out)]) == 0
    raw = (out / "meetings.csv").read_bytes()
    assert raw[:3] == b"\xef\xbb\xbf"  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    tabriz = next(r for r in rows if r["article_id"] == "tabriz-2")
    assert tabriz["article_date"] == "2024-05-20" and tabriz["meeting_date"] == "دیروز"
    assert "None" not in raw.decode("utf-8-sig")
    assert main(["export", "--db", str(archive), "-o", str(out), "--format", "tsv"]) == 0
    assert (out / "people.tsv").read_text(encoding="utf-8").splitlines()[0].startswith("person_id\tname")
