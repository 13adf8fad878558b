"""Open (or create) a munifacts DuckDB archive, refusing files that are something else."""
from __future__ import annotations

from pathlib import Path

import duckdb

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
DB_FORMAT = "munifacts-archive"
DB_SCHEMA_VERSION = "1"


class DatabaseError(Exception):
    """The database path cannot be used; the message says what to do."""


def _init(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
    con.execute("INSERT INTO munifacts_meta VALUES ('format', ?), ('schema_version', ?)", [DB_FORMAT, DB_SCHEMA_VERSION])


def _add_macros(con: duckdb.DuckDBPyConnection) -> None:
    # fold(): pipeline.textkey.key in SQL (letter forms and digits unified, marks, spaces and ZWNJ removed)
    con.execute(r"""CREATE OR REPLACE TEMP MACRO fold(s) AS
        regexp_replace(translate(coalesce(s, ''), 'يىئكةۀأإٱآؤ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩ـ', 'یییکههااااو01234567890123456789'), '[\s\x{200C}\x{200E}\x{200F}\x{064B}-\x{065F}\x{0670}\-]+', '', 'g')""")


def open_db(path: str | Path | None, create: bool = True, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to a munifacts archive (``None`` = in memory).

    A new path is created (when ``create``); an existing file must be a DuckDB database made
    by munifacts (or an empty one), otherwise :class:`DatabaseError` says so.
    """
    if path is None:
        con = duckdb.connect()
        _init(con)
        _add_macros(con)
        return con
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder; give a database file path such as archive.duckdb")
    if not path.exists():
        if not create:
            raise DatabaseError(f"no database at {path}; build one with: munifacts load FACTS.jsonl --db {path}")
        if not path.parent.exists():
            raise DatabaseError(f"folder {path.parent} does not exist; create it or choose another --db path")
        if read_only:
            raise DatabaseError(f"no database at {path}")
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            head = fh.read(12)
        if head[8:12] != b"DUCK":  # DuckDB's file magic; DuckDB itself would open a CSV or JSON file as tables
            raise DatabaseError(f"{path} is not a DuckDB database; give the .duckdb file made by munifacts load, "
                                f"or a new path")
    try:
        con = duckdb.connect(str(path), read_only=read_only and path.exists())
    except duckdb.Error as e:
        first = str(e).splitlines()[0]
        if "lock" in first.lower():
            raise DatabaseError(f"{path} is open in another program that writes to it; close that program "
                                f"(or its connection) and try again") from e
        raise DatabaseError(f"{path} is not a DuckDB database ({first[:120]}); give the .duckdb file made by "
                            f"munifacts load, or a new path") from e
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not tables:
        if read_only:
            con.close()
            raise DatabaseError(f"{path} is empty; build it with: munifacts load FACTS.jsonl --db {path}")
        _init(con)
    elif "munifacts_meta" not in tables:
        con.close()
        raise DatabaseError(f"{path} is a DuckDB database but not a munifacts archive (no munifacts_meta table); "
                            f"choose a new --db path")
    else:
        meta = dict(con.execute("SELECT key, value FROM munifacts_meta").fetchall())
        if meta.get("format") != DB_FORMAT:
            con.close()
            raise DatabaseError(f"{path} is not a munifacts archive; choose a new --db path")
        if meta.get("schema_version") != DB_SCHEMA_VERSION:
            con.close()
            raise DatabaseError(f"{path} has archive schema {meta.get('schema_version')}, this munifacts reads "
                                f"{DB_SCHEMA_VERSION}; rebuild it with munifacts load into a new path")
    _add_macros(con)
    return con
