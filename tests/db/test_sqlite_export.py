"""export_sqlite called directly on a hand-built archive: every table copied whole, ids linked,
the file replaced, the metadata path; datasette_metadata on its own (FTS and the Datasette
server are covered in test_datasette.py)."""
import json
import sqlite3

import pytest

from pipeline.db import open_db
from pipeline.db.sqlite_export import DESCRIPTIONS, FACETS, TABLES, datasette_metadata, export_sqlite


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One archive built from the hand-written facts, shared by this module (read only)."""
    from pipeline.db import load_files

    from tests.db.conftest import write_jsonl

    tmp = tmp_path_factory.mktemp("sqlite_export")
    con = open_db(tmp / "archive.duckdb")
    load_files(con, [write_jsonl(tmp / "facts.jsonl")])
    counts = {name: con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0] for name, (sql, _, _) in TABLES.items()}
    out, meta = export_sqlite(con, tmp / "out.db")
    con.close()
    return tmp, out, meta, counts


@pytest.fixture
def exported(built):
    return built[1:]


@pytest.fixture
def archive(built):
    return built[0] / "archive.duckdb"


def test_every_table_copied_whole(exported):
    out, _, counts = exported
    lite = sqlite3.connect(out)
    got = {name: lite.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in TABLES}
    assert got == counts
    assert counts["articles"] > 0 and counts["officials"] > 0


def test_default_metadata_path_and_db_name(exported):
    out, meta, _ = exported
    assert meta == out.parent / "out.metadata.json" and meta.exists()
    assert list(json.loads(meta.read_text(encoding="utf-8"))["databases"]) == ["out"]


def test_officials_link_to_people_by_name(exported):
    out, _, _ = exported
    lite = sqlite3.connect(out)
    rows = lite.execute("SELECT o.person, p.name FROM officials o JOIN people p ON p.person_id = o.person_id "
                        "WHERE o.article_id = 'tabriz-1'").fetchall()
    assert rows == [("کامران نیک‌پور", "کامران نیک‌پور")]
    assert lite.execute("SELECT count(*) FROM officials WHERE jalali_month IS NULL").fetchone()[0] == 0


def test_primary_keys(exported):
    out, _, _ = exported
    lite = sqlite3.connect(out)
    pk = [r[1] for r in sorted(lite.execute("PRAGMA table_info(participants)").fetchall(), key=lambda r: r[5]) if r[5]]
    assert pk == ["article_id", "meeting_n", "n"]
    assert [r[1] for r in lite.execute("PRAGMA table_info(articles)").fetchall() if r[5]] == ["article_id"]


def test_replaces_existing_file_and_custom_metadata(tmp_path, archive):
    out = tmp_path / "x.db"
    old = sqlite3.connect(out)
    old.execute("CREATE TABLE stale (x)")
    old.commit()
    old.close()
    con = open_db(archive, create=False, read_only=True)
    got = export_sqlite(con, out, metadata=tmp_path / "m.json")
    con.close()
    assert got == (out, tmp_path / "m.json")
    names = {r[0] for r in sqlite3.connect(out).execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "stale" not in names and set(TABLES) <= names
    assert not (tmp_path / "x.metadata.json").exists()
    assert list(json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["databases"]) == ["x"]


def test_metadata_tables_and_columns():
    m = datasette_metadata("بایگانی")
    tables = m["databases"]["بایگانی"]["tables"]
    assert list(tables) == list(TABLES)
    assert tables["people"]["label_column"] == "name" and tables["articles"]["label_column"] == "title"
    assert "label_column" not in tables["quotes"]
    assert tables["quotes"]["columns"] == {"jalali_month": "the article's Jalali month (YYYY/MM)",
                                           "article_date": "the article's date (Gregorian, ISO)"}
    assert "jalali_month" not in tables["people"].get("columns", {})
    assert "columns" not in tables["organizations"]
    assert tables["figures"]["columns"]["approx"].startswith("1 when written as an approximation")
    for name, (title, description) in DESCRIPTIONS.items():
        assert (tables[name]["title"], tables[name]["description"]) == (title, description)
        assert tables[name].get("facets") == FACETS.get(name)
