"""open_db: each refusal says what to do; new, empty and reopened archives; the SQL fold() macro."""
import duckdb
import pytest

from pipeline.db.connect import DB_FORMAT, DB_SCHEMA_VERSION, DatabaseError, open_db


def _meta(con) -> dict:
    return dict(con.execute("SELECT key, value FROM munifacts_meta").fetchall())


def test_in_memory_is_initialised():
    con = open_db(None)
    assert _meta(con) == {"format": DB_FORMAT, "schema_version": DB_SCHEMA_VERSION}
    assert DB_FORMAT == "munifacts-archive" and DB_SCHEMA_VERSION == "1"


def test_new_file_created_then_reopened(tmp_path):
    path = tmp_path / "archive.duckdb"
    con = open_db(path)
    con.close()
    assert path.exists() and path.stat().st_size > 0
    con = open_db(path, create=False)
    assert _meta(con)["format"] == "munifacts-archive"
    con.close()
    con = open_db(path, create=False, read_only=True)
    with pytest.raises(duckdb.Error):
        con.execute("INSERT INTO munifacts_meta VALUES ('x', 'y')")
    con.close()


def test_zero_byte_file_is_refused_with_a_fix(tmp_path):
    # passes the magic check (size 0) but DuckDB itself refuses it; the message still says what to do
    path = tmp_path / "empty.duckdb"
    path.touch()
    with pytest.raises(DatabaseError, match=r"is not a DuckDB database \(.*\); give the .duckdb file made by "
                                            r"munifacts load, or a new path"):
        open_db(path)


def test_folder(tmp_path):
    with pytest.raises(DatabaseError, match=r"is a folder; give a database file path such as archive\.duckdb"):
        open_db(tmp_path)


def test_missing_parent_folder(tmp_path):
    with pytest.raises(DatabaseError, match=r"folder .*nope does not exist; create it or choose another --db path"):
        open_db(tmp_path / "nope" / "a.duckdb")
    assert not (tmp_path / "nope").exists()


def test_missing_read_only(tmp_path):
    path = tmp_path / "a.duckdb"
    with pytest.raises(DatabaseError, match=r"^no database at .*a\.duckdb$"):
        open_db(path, create=True, read_only=True)
    assert not path.exists()


def test_missing_without_create_names_the_load_command(tmp_path):
    path = tmp_path / "a.duckdb"
    with pytest.raises(DatabaseError) as e:
        open_db(path, create=False)
    assert str(e.value) == f"no database at {path}; build one with: munifacts load FACTS.jsonl --db {path}"


def test_json_file_is_refused_by_magic(tmp_path):
    path = tmp_path / "facts.duckdb"
    path.write_text('{"id": "۱", "text": "شورای شهر شیراز تشکیل جلسه داد."}\n', encoding="utf-8")
    with pytest.raises(DatabaseError, match="is not a DuckDB database; give the .duckdb file made by munifacts load"):
        open_db(path)
    assert path.read_text(encoding="utf-8").startswith('{"id"')  # untouched


def test_empty_duckdb_read_only_says_how_to_build(tmp_path):
    path = tmp_path / "blank.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(DatabaseError, match=r"is empty; build it with: munifacts load FACTS.jsonl --db"):
        open_db(path, read_only=True)
    con = open_db(path)  # writable: initialised in place
    assert _meta(con)["format"] == "munifacts-archive"


def _with_meta(path, rows):
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE munifacts_meta (key VARCHAR, value VARCHAR)")
    for k, v in rows:
        con.execute("INSERT INTO munifacts_meta VALUES (?, ?)", [k, v])
    con.close()


def test_wrong_format(tmp_path):
    path = tmp_path / "x.duckdb"
    _with_meta(path, [("format", "something-else"), ("schema_version", "1")])
    with pytest.raises(DatabaseError, match=r"is not a munifacts archive; choose a new --db path"):
        open_db(path)


def test_other_schema_version(tmp_path):
    path = tmp_path / "x.duckdb"
    _with_meta(path, [("format", "munifacts-archive"), ("schema_version", "0")])
    with pytest.raises(DatabaseError) as e:
        open_db(path)
    assert str(e.value) == (f"{path} has archive schema 0, this munifacts reads 1; "
                            f"rebuild it with munifacts load into a new path")


@pytest.mark.parametrize("a, b", [
    ("شهرداري ها", "شهرداری‌ها"),      # Arabic ye, split affix vs ZWNJ
    ("هیأت", "هیات"),
    ("۱۴۰۲", "1402"),
    ("١٤٠٢", "1402"),
    ("كرج", "کرج"),
    ("سازمانِ", "سازمان"),
    ("شهـردار", "شهردار"),              # tatweel
    ("مؤسسه", "موسسه"),
    ("منطقهٔ", "منطقه"),
    ("منطقة", "منطقه"),
])
def test_fold_macro_equal(a, b):
    con = open_db(None)
    fa, fb = con.execute("SELECT fold(?), fold(?)", [a, b]).fetchone()
    assert fa == fb


@pytest.mark.parametrize("text, expected", [
    ("شهرداري ها", "شهرداریها"),
    ("پارك ملت", "پارکملت"),
    ("۱۴۰۲/۰۵/۱۵", "1402/05/15"),
    ("مسئول", "مسیول"),
    (None, ""),
])
def test_fold_macro_values(text, expected):
    assert open_db(None).execute("SELECT fold(?)", [text]).fetchone()[0] == expected


def test_fold_macro_distinguishes_different_words():
    con = open_db(None)
    assert con.execute("SELECT fold('تهران') = fold('تبریز')").fetchone()[0] is False
