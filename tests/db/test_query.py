"""munifacts query over the archive: filters, formats, errors."""
import csv
import io
import json

import pytest

from pipeline.cli import main
from pipeline.db import open_db
from pipeline.db.query import Filters, QueryError, build_sql, query
from pipeline.db.render import render


def _run(capsys, *argv):
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_person_filter_matches_every_spelling(archive):
    con = open_db(archive)
    df = query(con, "commitments", Filters(person="نیکپور"))  # no ZWNJ, no given name
    assert sorted(df["article_id"]) == ["tabriz-1", "tabriz-2"]
    assert df["evidence"].notna().all()
    quotes = query(con, "quotes", Filters(person="رضا فخاري"))  # Arabic ي
    assert list(quotes["article_id"]) == ["yazd-1"]


def test_people_and_roles_over_time(archive):
    con = open_db(archive)
    people = query(con, "people", Filters(person="فخاری"))
    assert len(people) == 1 and people.loc[0, "n_articles"] == 2
    roles = query(con, "roles", Filters(person="فخاری"))
    assert list(roles["role"]) == ["رئیس", "شهردار"]
    assert query(con, "roles", Filters(role="شهردار", since="1403/01")).shape[0] == 2  # span overlaps 1403


def test_date_filters_jalali_and_iso_agree(archive):
    con = open_db(archive)
    j = query(con, "officials", Filters(since="1403/01/01", until="1403/12"))
    g = query(con, "officials", Filters(since="2024-03-20", until="2025-03-20"))
    assert sorted(j["article_id"]) == sorted(g["article_id"]) == ["tabriz-2", "yazd-2"]


def test_kind_org_role_text(archive):
    con = open_db(archive)
    assert list(query(con, "commitments", Filters(kind="plan"))["article_id"]) == ["tabriz-2"]
    assert list(query(con, "figures", Filters(kind="money"))["unit"]) == ["ریال"]
    assert list(query(con, "officials", Filters(org="شوراي اسلامي"))["person"]) == ["رضا فخاری"]
    assert list(query(con, "quotes", Filters(role="رئیس"))["article_id"]) == ["yazd-1"]
    assert list(query(con, "articles", Filters(text="پسماند"))["article_id"]) == ["rasht-1"]
    assert list(query(con, "meetings", Filters(person="حسین رضایی"))["article_id"]) == ["rasht-1"]


@pytest.mark.parametrize("kind, f, match", [
    ("commitments", Filters(kind="promis"), "use one of: agreement"),
    ("figures", Filters(person="نیک‌پور"), "does not apply to figures"),
    ("officials", Filters(person="ناشناس"), "no person matches"),
    ("officials", Filters(role="وزیر نفت"), "no office matches"),
    ("officials", Filters(since="دیروز"), "not a date"),
    ("nope", Filters(), "unknown record type"),
])
def test_bad_filter_values(archive, kind, f, match):
    with pytest.raises(QueryError, match=match):
        query(open_db(archive), kind, f)


def test_repeated_where_on_one_column_keeps_both(archive):
    con = open_db(archive)
    both = query(con, "officials", Filters(where=[("role", "شهر"), ("location", "تبریز")]))
    assert len(both) == 2
    narrowed = query(con, "officials", Filters(where=[("evidence", "نيكپور"), ("evidence", "واگن")]))
    assert list(narrowed["article_id"]) == ["tabriz-2"]
    assert query(con, "officials", Filters(where=[("evidence", "نیکپور"), ("evidence", "پارک")])).empty


def test_sql_is_parameterised():
    sql, params = build_sql("officials", Filters(person="x' OR 1=1 --"))
    assert "OR 1=1" not in sql and params == ["x' OR 1=1 --"]


def test_cli_formats(archive, capsys):
    status, out, _ = _run(capsys, "query", "officials", "--db", str(archive), "--format", "json")
    assert status == 0
    rows = json.loads(out)
    assert {r["article_id"] for r in rows} == {"tabriz-1", "tabriz-2", "yazd-1", "yazd-2"}
    assert all(r["evidence"] for r in rows) and rows[0]["org"] is None
    status, out, _ = _run(capsys, "query", "officials", "--db", str(archive), "--format", "csv", "--columns",
                          "article_id,person,org")
    table = list(csv.DictReader(io.StringIO(out)))
    assert table[0].keys() == {"article_id", "person", "org"} and "None" not in out and "nan" not in out
    status, out, _ = _run(capsys, "query", "officials", "--db", str(archive), "--bidi", "terminal")
    assert status == 0 and "None" not in out and "کامران نیک‌پور" in out
    status, out, _ = _run(capsys, "query", "--db", str(archive), "--sql",
                          "SELECT count(*) AS n FROM people", "--format", "jsonl")
    assert json.loads(out)["n"] == 4  # نیک‌پور، فخاری، حسن رضایی، حسین رضایی


def test_visual_table_is_right_to_left():
    import pandas as pd

    df = pd.DataFrame({"article_id": ["a-1"], "role": ["شهردار"]})
    visual = render(df, "table", bidi="visual")
    header = next(line for line in visual.splitlines() if "article_id" in line)
    assert header.index("article_id") > header.index("elor"[::-1])  # first column drawn on the right
    assert "شهردار"[::-1] in visual and "a-1" in visual  # Persian reversed for the terminal, Latin left as is
    assert "شهردار" in render(df, "table", bidi="terminal")


def test_jsonl_path_keeps_working(facts, capsys):
    status, out, _ = _run(capsys, "query", str(facts), "--type", "commitments", "--kind", "promise", "--format", "json")
    assert status == 0 and len(json.loads(out)) == 2


@pytest.mark.parametrize("argv, message", [
    (["query", "officials", "--db", "{tmp}/missing.duckdb"], "munifacts load"),
    (["query", "officials", "--db", "{archive}", "--columns", "person,nope"], "no column 'nope'"),
    (["query", "officials", "--db", "{archive}", "--where", "role"], "COLUMN=TEXT"),
    (["query", "officials", "--db", "{archive}", "--sql", "SELECT * FROM nope"], "--sql failed"),
    (["query", "offcials", "--db", "{archive}"], "unknown record type"),
    (["query", "officials", "{tmp}/missing.jsonl"], "no such file"),
    (["query", "officials"], "no input"),
    (["load", "{tmp}/missing.jsonl", "--db", "{tmp}/x.duckdb"], "no such file"),
    (["load", "{facts}", "--db", "{facts}"], "not a DuckDB database"),
    (["export", "--db", "{archive}"], "--sqlite"),
    (["show", "nope", "--db", "{archive}", "--html", "{tmp}/o.html"], "no article 'nope'"),
])
def test_one_line_errors(tmp_path, archive, facts, capsys, argv, message):
    argv = [a.format(tmp=tmp_path, archive=archive, facts=facts) for a in argv]
    status, _, err = _run(capsys, *argv)
    assert status == 2
    assert message in err and len(err.strip().splitlines()) == 1 and err.startswith(f"munifacts {argv[0]}: ")


def test_help_has_examples(capsys):
    for cmd in ("load", "query", "export", "show", "view"):
        with pytest.raises(SystemExit) as e:
            main([cmd, "--help"])
        assert e.value.code == 0
        assert "examples:" in capsys.readouterr().out
