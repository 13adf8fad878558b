"""The munifacts archive database (DuckDB): load extract output, resolve people, query, export.

    from pipeline.db import open_db, load_files
    con = open_db("archive.duckdb")
    report = load_files(con, ["facts.jsonl"])
    con.sql("SELECT * FROM roles").df()

The schema is documented in ``pipeline/db/schema.sql``.
"""
from __future__ import annotations

from pipeline.db.connect import DatabaseError, open_db
from pipeline.db.load import LoadReport, load_articles, load_files

__all__ = ["DatabaseError", "LoadReport", "load_articles", "load_files", "open_db"]
