"""The record types ``munifacts query`` knows (here, apart from :mod:`pipeline.db.query`, so the
command-line parser lists them without importing DuckDB and pandas)."""

QUERY_TYPES = ("officials", "commitments", "meetings", "quotes", "figures", "people", "roles", "organizations",
               "articles", "entities", "dates")
