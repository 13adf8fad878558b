"""The munifacts archive database (DuckDB): load extract output, resolve people, query, export.

    from pipeline.db import open_db, load_files
    con = open_db("archive.duckdb")
    report = load_files(con, ["facts.jsonl"])
    con.sql("SELECT * FROM roles").df()

The schema is documented in ``pipeline/db/schema.sql``.
"""
from __future__ import annotations

__all__ = ["DatabaseError", "LoadReport", "load_articles", "load_files", "open_db"]

_WHERE = {"DatabaseError": "connect", "open_db": "connect", "LoadReport": "load", "load_articles": "load",
          "load_files": "load"}


def __getattr__(name: str):
    """The names above, imported on first use: ``munifacts extract`` (which parses the db commands'
    arguments too) then never loads DuckDB and pandas (about 1 s of CPU)."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'pipeline.db' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"pipeline.db.{module}"), name)
    globals()[name] = value
    return value
