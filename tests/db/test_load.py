"""munifacts load: tables, idempotence, replacement, resolution, refusing other files."""
import json

import duckdb
import pytest

from pipeline.db import DatabaseError, load_files, open_db
from tests.db.conftest import ARTICLES, write_jsonl


def _count(con, table):
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def test_load_is_idempotent_and_fills_tables(tmp_path, facts):
    con = open_db(tmp_path / "a.duckdb")
    first = load_files(con, [facts])
    assert (first.added, first.replaced, first.unchanged) == (5, 0, 0)
    counts = {t: _count(con, t) for t in ("articles", "entities", "officials", "meetings", "participants",
                                          "commitments", "quotes", "figures")}
    again = load_files(con, [facts])
    assert (again.added, again.unchanged) == (0, 5)
    assert counts == {t: _count(con, t) for t in counts}
    assert counts["participants"] == 4 and counts["officials"] == 4


def test_article_dates_and_meeting_date_kept_apart(archive):
    con = open_db(archive)
    rows = dict(con.execute("SELECT article_id, article_jalali FROM articles").fetchall())
    assert rows["tabriz-2"] == "1403/02/31"  # ISO 2024-05-20 given, Jalali derived
    iso = con.execute("SELECT article_date::VARCHAR FROM articles WHERE article_id = 'tabriz-1'").fetchall()[0][0]
    assert iso == "2024-01-30"  # Jalali 1402/11/10 given, ISO derived
    meet = con.execute("SELECT meeting_date FROM meetings WHERE article_id = 'tabriz-2'").fetchall()[0][0]
    assert meet == "دیروز"


def test_changed_line_replaces_its_article(tmp_path, facts):
    con = open_db(tmp_path / "a.duckdb")
    load_files(con, [facts])
    changed = json.loads(json.dumps(ARTICLES))
    changed[2]["quotes"] = []
    rep = load_files(con, [write_jsonl(tmp_path / "v2.jsonl", changed)])
    assert (rep.added, rep.replaced, rep.unchanged) == (0, 1, 4)
    assert con.execute("SELECT count(*) FROM quotes WHERE article_id = 'yazd-1'").fetchall()[0][0] == 0
    assert _count(con, "articles") == 5


def test_people_resolved_across_articles(archive):
    con = open_db(archive)
    ids = dict(con.execute("SELECT article_id || '|' || name, person_id FROM person_mentions").fetchall())
    assert ids["tabriz-1|کامران نیک‌پور"] == ids["tabriz-2|مهندس کامران نيكپور"]
    assert ids["yazd-2|فخاری"] == ids["yazd-1|رضا فخاری"] == ids["yazd-2|رضا فخاري"]
    assert ids["rasht-1|حسن رضایی"] != ids["rasht-1|حسین رضایی"]
    roles = con.execute("SELECT r.role, r.first_date::VARCHAR FROM roles r JOIN person_mentions m USING (person_id) "
                        "WHERE m.name = 'رضا فخاری' ORDER BY r.first_date").fetchall()
    assert [r[0] for r in roles] == ["رئیس", "شهردار"]  # one person, office changed
    orgs = con.execute("SELECT name FROM organizations").fetchall()
    assert len(orgs) == len(set(orgs))


def test_refuses_other_files(tmp_path, facts):
    text = tmp_path / "notes.duckdb"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not a DuckDB database"):
        open_db(text)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(DatabaseError, match="not a munifacts archive"):
        open_db(other)
    with pytest.raises(DatabaseError, match="munifacts load"):
        open_db(tmp_path / "missing.duckdb", create=False)


def test_bad_lines_load_nothing(tmp_path, facts):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(facts.read_text(encoding="utf-8") + '{"id": "x"}\n', encoding="utf-8")
    con = open_db(tmp_path / "a.duckdb")
    with pytest.raises(ValueError, match=r"bad.jsonl:6: no 'id' and 'text'"):
        load_files(con, [bad])
    assert _count(con, "articles") == 0



def test_noisy_date_fields(tmp_path):
    lines = [{"id": "noisy", "text": "متن", "date": "۱۳:۵۴ ۱۴۰۲-۵-۱۵"}, {"id": "none", "text": "متن", "date": "دیروز"},
             {"id": "iso", "text": "متن", "date": "2024-11-05T08:30:00"}]
    f = tmp_path / "d.jsonl"
    f.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    con = open_db(tmp_path / "a.duckdb")
    report = load_files(con, [f])
    assert report.added == 3 and report.undated == ["none"] and "left undated" in str(report)
    got = dict(con.execute("SELECT article_id, article_jalali FROM articles").fetchall())
    assert got == {"noisy": "1402/05/15", "none": None, "iso": "1403/08/15"}


def test_archive_in_use_by_a_writer_says_so(archive):
    import subprocess
    import sys

    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(archive)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseError, match="open in another program"):
            open_db(archive, create=False, read_only=True)
    finally:
        holder.kill()
        holder.wait()
