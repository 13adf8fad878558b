"""Export the archive to a SQLite file that Datasette opens as is.

    munifacts export --db archive.duckdb --sqlite archive.db
    datasette archive.db --metadata archive.metadata.json

Tables keep the archive's columns, with person/organization ids as foreign keys and the
article's Jalali month on every record row (for facets). Full-text search (FTS5) covers
quotes, commitments and article text. ``metadata.json`` gives titles, descriptions,
column notes and facets on role, kind, org and month.
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import sqlite_utils

_ART = "a.article_date, a.jalali_month"
_PM = ("(SELECT min(m.person_id) FROM person_mentions m WHERE m.article_id = {t}.article_id AND m.name = {t}.{col})")
_OM = ("(SELECT min(m.org_id) FROM org_mentions m WHERE m.article_id = {t}.article_id AND m.name = {t}.{col})")

# table -> (SQL over the archive, primary key, foreign keys (column, table, column))
TABLES: dict[str, tuple[str, str | tuple, list[tuple[str, str, str]]]] = {
    "articles": ("SELECT article_id, title, source, date_raw, article_date, article_jalali, jalali_month, month, text, "
                 "tagger, schema_version FROM articles ORDER BY article_date, article_id", "article_id", []),
    "people": ("SELECT * FROM people ORDER BY person_id", "person_id", []),
    "organizations": ("SELECT * FROM organizations ORDER BY org_id", "org_id", []),
    "roles": ("SELECT row_number() OVER (ORDER BY person_id, first_date, role) AS role_row, * FROM roles",
              "role_row", [("person_id", "people", "person_id")]),
    "person_mentions": ("SELECT row_number() OVER (ORDER BY article_id, name) AS mention_row, * FROM person_mentions",
                        "mention_row", [("article_id", "articles", "article_id"), ("person_id", "people", "person_id")]),
    "officials": (f"SELECT o.*, {_PM.format(t='o', col='person')} AS person_id, {_OM.format(t='o', col='org')} AS org_id, "
                  f"{_ART} FROM officials o JOIN articles a USING (article_id) ORDER BY article_id, n",
                  ("article_id", "n"), [("article_id", "articles", "article_id"), ("person_id", "people", "person_id"),
                                        ("org_id", "organizations", "org_id")]),
    "meetings": (f"SELECT g.*, {_ART} FROM meetings g JOIN articles a USING (article_id) ORDER BY article_id, n",
                 ("article_id", "n"), [("article_id", "articles", "article_id")]),
    "participants": (f"SELECT x.*, {_PM.format(t='x', col='person')} AS person_id, {_ART} FROM participants x "
                     "JOIN articles a USING (article_id) ORDER BY article_id, meeting_n, n",
                     ("article_id", "meeting_n", "n"), [("article_id", "articles", "article_id"),
                                                        ("person_id", "people", "person_id")]),
    "commitments": (f"SELECT c.*, {_PM.format(t='c', col='actor')} AS actor_person_id, "
                    f"coalesce({_OM.format(t='c', col='actor')}, {_OM.format(t='c', col='counterparty')}) AS org_id, "
                    f"{_ART} FROM commitments c JOIN articles a USING (article_id) ORDER BY article_id, n",
                    ("article_id", "n"), [("article_id", "articles", "article_id"),
                                          ("actor_person_id", "people", "person_id"), ("org_id", "organizations", "org_id")]),
    "quotes": (f"SELECT q.*, {_PM.format(t='q', col='speaker')} AS speaker_person_id, {_ART} FROM quotes q "
               "JOIN articles a USING (article_id) ORDER BY article_id, n",
               ("article_id", "n"), [("article_id", "articles", "article_id"),
                                     ("speaker_person_id", "people", "person_id")]),
    "figures": (f"SELECT f.*, {_ART} FROM figures f JOIN articles a USING (article_id) ORDER BY article_id, n",
                ("article_id", "n"), [("article_id", "articles", "article_id")]),
    "dates": (f"SELECT d.*, {_ART} FROM dates d JOIN articles a USING (article_id) ORDER BY article_id, n",
              ("article_id", "n"), [("article_id", "articles", "article_id")]),
    "entities": (f"SELECT e.*, {_ART} FROM entities e JOIN articles a USING (article_id) ORDER BY article_id, n",
                 ("article_id", "n"), [("article_id", "articles", "article_id")]),
}

FTS = {"quotes": ["text", "speaker"], "commitments": ["content", "actor", "counterparty"], "articles": ["title", "text"]}

_MONTH = "jalali_month: the article's Jalali month (YYYY/MM)"
DESCRIPTIONS = {
    "articles": ("Articles", "One row per article: normalized text, source and date (Gregorian and Jalali)."),
    "people": ("People", "Officials resolved across articles: every spelling of a name maps to one person_id."),
    "organizations": ("Organizations", "Organizations resolved across articles (letter forms, ZWNJ and «اسلامی» in "
                                       "«شورای اسلامی شهر» folded)."),
    "roles": ("Roles over time", "Who held which office, where, between the first and last article mentioning it."),
    "person_mentions": ("Person mentions", "How each name as written in an article was resolved to a person."),
    "officials": ("Officials", "A person with their office (role, org, location) as stated in one article."),
    "meetings": ("Meetings", "Meetings, visits and sessions reported in an article; participants in their own table."),
    "participants": ("Meeting participants", "People, offices or groups taking part in a meeting."),
    "commitments": ("Commitments", "Promises, plans, decisions, agreements and obligations, with actor and deadline."),
    "quotes": ("Quotes", "Direct and indirect quotes with their speaker."),
    "figures": ("Figures", "Amounts of money, percentages, areas, counts...; money is never converted between units."),
    "dates": ("Dates", "Date expressions, resolved against the article date where possible."),
    "entities": ("Entities", "Tagged spans: PER ROLE ORG LOC FIG DATE."),
}
COLUMNS = {
    "figures": {"value": "the number, in the unit of the `unit` column (تومان, ریال, درصد, هکتار, نفر ...)",
                "unit": "unit of `value` as written; تومان and ریال are kept apart (1 تومان = 10 ریال)",
                "approx": "1 when written as an approximation («حدود», «بیش از»)",
                "evidence": "the sentence around the figure"},
    "commitments": {"kind": "agreement, decision, obligation, promise or plan",
                    "deadline": "deadline as written («تا پایان سال»)", "figures": "figures in the commitment, «؛ »-separated"},
    "meetings": {"meeting_date": "the meeting's own date phrase; the article date is article_date"},
    "roles": {"first_date": "date of the first article showing this office", "last_date": "date of the last one",
              "n_articles": "number of articles (count)"},
    "people": {"variants": "every spelling seen, «؛ »-separated", "n_articles": "number of articles (count)",
               "full_name": "0 for a bare surname or given name that matched no one (kept apart, not merged)"},
}
FACETS = {"officials": ["role", "location", "jalali_month"], "commitments": ["kind", "actor", "jalali_month"],
          "meetings": ["kind", "jalali_month"], "participants": ["role", "org"], "quotes": ["speaker", "jalali_month"],
          "figures": ["kind", "unit", "jalali_month"], "roles": ["role", "org", "location"],
          "articles": ["source", "jalali_month"], "entities": ["label"], "people": ["full_name"]}
LABELS = {"articles": "title", "people": "name", "organizations": "name"}


def _rows(con: duckdb.DuckDBPyConnection, sql: str):
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description]
    for row in cur.fetchall():
        yield dict(zip(cols, row))


def export_sqlite(con: duckdb.DuckDBPyConnection, out: str | Path, metadata: str | Path | None = None) -> tuple[Path, Path]:
    """Write the SQLite file (replacing it) and its Datasette metadata; returns both paths."""
    out = Path(out)
    if out.exists():
        out.unlink()
    db = sqlite_utils.Database(out)
    db.conn.execute("PRAGMA foreign_keys = ON")
    for name, (sql, pk, fks) in TABLES.items():
        cols = {d[0]: d[1] for d in con.execute(f"DESCRIBE {sql}").fetchall()}
        types = {c: (int if t in ("INTEGER", "BIGINT", "HUGEINT") else float if t == "DOUBLE"
                     else int if t == "BOOLEAN" else str) for c, t in cols.items()}
        table = db[name]
        table.create(types, pk=pk, foreign_keys=fks, not_null={"article_id"} if "article_id" in cols else None)
        rows = ({k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()} for r in _rows(con, sql))
        table.insert_all(rows, batch_size=500)
    for name, cols in FTS.items():
        db[name].enable_fts(cols, fts_version="FTS5", create_triggers=False)
    for name, (_, _, fks) in TABLES.items():
        for col, _, _ in fks:
            db[name].create_index([col], if_not_exists=True)
    db.conn.commit()
    db.close()
    meta_path = Path(metadata) if metadata else out.with_suffix(".metadata.json")
    meta_path.write_text(json.dumps(datasette_metadata(out.stem), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out, meta_path


def datasette_metadata(db_name: str) -> dict:
    tables = {}
    for name in TABLES:
        title, description = DESCRIPTIONS[name]
        t = {"title": title, "description": description}
        if name in FACETS:
            t["facets"] = FACETS[name]
        cols = dict(COLUMNS.get(name, {}))
        if name not in ("articles", "people", "organizations", "roles", "person_mentions"):
            cols.setdefault("jalali_month", _MONTH.split(": ", 1)[1])
            cols.setdefault("article_date", "the article's date (Gregorian, ISO)")
        if cols:
            t["columns"] = cols
        if name in LABELS:
            t["label_column"] = LABELS[name]
        tables[name] = t
    return {
        "title": "munifacts archive",
        "description": "Facts extracted from Persian municipal news by munifacts: officials, meetings, commitments, "
                       "quotes and figures, with people resolved across articles. Every record links to its article "
                       "and evidence sentence.",
        "databases": {db_name: {"tables": tables}},
    }
