"""Filtered record tables over the archive database.

    from pipeline.db import open_db
    from pipeline.db.query import Filters, query
    df = query(open_db("archive.duckdb"), "commitments", Filters(person="نیک‌پور", since="1403/01"))

Every row carries its ``article_id``, the article date (Jalali and ISO) and the evidence
sentence. Text filters fold Arabic/Persian letter forms and ignore ZWNJ and spaces.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

import duckdb
import pandas as pd

from pipeline.db.dates import date_range
from pipeline.db.kinds import QUERY_TYPES
from pipeline.schema import CommitmentKind, FigureKind


_ART = "a.article_jalali, a.article_date, "
_PERSON = ("LEFT JOIN person_mentions {m} ON {m}.article_id = {t}.article_id AND {m}.name = {t}.{col} "
           "LEFT JOIN people {p} ON {p}.person_id = {m}.person_id ")

BASE_SQL = {
    "officials": "SELECT o.article_id, " + _ART + "o.person, pm.person_id, pp.name AS resolved_name, o.role, o.org, "
                 "o.location, o.evidence FROM officials o JOIN articles a USING (article_id) "
                 + _PERSON.format(m="pm", p="pp", t="o", col="person"),
    "commitments": "SELECT c.article_id, " + _ART + "c.kind, c.actor, pm.person_id AS actor_person_id, c.counterparty, "
                   "c.content, c.deadline, c.figures, c.evidence FROM commitments c JOIN articles a USING (article_id) "
                   + _PERSON.format(m="pm", p="pp", t="c", col="actor"),
    "meetings": "SELECT g.article_id, " + _ART + "g.kind, g.meeting_date, g.topic, g.location, g.organizations, "
                "(SELECT string_agg(coalesce(x.person, x.grp, '') || CASE WHEN x.role IS NOT NULL THEN ' (' || x.role || "
                "coalesce(' ' || x.org, '') || ')' ELSE '' END, '؛ ' ORDER BY x.n) FROM participants x "
                "WHERE x.article_id = g.article_id AND x.meeting_n = g.n) AS participants, g.evidence, g.n AS meeting_n "
                "FROM meetings g JOIN articles a USING (article_id) ",
    "quotes": "SELECT q.article_id, " + _ART + "q.speaker, pm.person_id AS speaker_person_id, pp.name AS resolved_name, "
              "q.text, q.evidence FROM quotes q JOIN articles a USING (article_id) "
              + _PERSON.format(m="pm", p="pp", t="q", col="speaker"),
    "figures": "SELECT f.article_id, " + _ART + "f.text, f.value, f.unit, f.kind, f.approx, f.evidence "
               "FROM figures f JOIN articles a USING (article_id) ",
    "people": "SELECT p.person_id, p.name, p.variants, p.n_articles, p.first_jalali, p.last_jalali, p.first_date, "
              "p.last_date, p.full_name, "
              "(SELECT string_agg(r.role || coalesce(' ' || r.org, '') || coalesce(' ' || r.location, ''), '؛ ' "
              "ORDER BY r.first_date) FROM roles r WHERE r.person_id = p.person_id) AS roles, "
              "(SELECT string_agg(DISTINCT m.article_id, '؛ ') FROM person_mentions m WHERE m.person_id = p.person_id) "
              "AS article_ids FROM people p ",
    "roles": "SELECT r.person_id, p.name, r.role, r.org, r.location, r.first_jalali, r.last_jalali, r.first_date, "
             "r.last_date, r.n_articles, "
             "r.articles AS article_ids FROM roles r JOIN people p USING (person_id) ",
    "organizations": "SELECT o.org_id, o.name, o.variants, o.n_articles, o.first_date, o.last_date FROM organizations o ",
    "articles": "SELECT a.article_id, a.article_jalali, a.article_date, a.title, a.source, "
                "(SELECT count(*) FROM officials x WHERE x.article_id = a.article_id) AS officials, "
                "(SELECT count(*) FROM commitments x WHERE x.article_id = a.article_id) AS commitments, "
                "(SELECT count(*) FROM quotes x WHERE x.article_id = a.article_id) AS quotes FROM articles a ",
    "entities": "SELECT e.article_id, " + _ART + "e.label, e.text, e.start, e.\"end\" FROM entities e "
                "JOIN articles a USING (article_id) ",
    "dates": "SELECT d.article_id, " + _ART + "d.text, d.iso, d.iso_end, d.jalali, d.relative FROM dates d "
             "JOIN articles a USING (article_id) ",
}

ORDER = {
    "people": "ORDER BY p.n_articles DESC, p.person_id", "roles": "ORDER BY r.person_id, r.first_date",
    "organizations": "ORDER BY o.n_articles DESC, o.org_id",
}


def _like(expr: str) -> str:
    return f"fold({expr}) LIKE '%' || fold(?) || '%'"


def _person_ids(expr: str) -> str:
    return f"{expr} IN (SELECT person_id FROM people WHERE {_like('variants')})"


# filter -> type -> (SQL condition with ? placeholders, number of parameters)
_FILTERS: dict[str, dict[str, tuple[str, int]]] = {
    "person": {
        "officials": (_person_ids("pm.person_id"), 1),
        "commitments": (_person_ids("pm.person_id"), 1),
        "quotes": (_person_ids("pm.person_id"), 1),
        "meetings": ("EXISTS (SELECT 1 FROM participants x JOIN person_mentions m ON m.article_id = x.article_id AND "
                     "m.name = x.person WHERE x.article_id = g.article_id AND x.meeting_n = g.n AND "
                     + _person_ids("m.person_id") + ")", 1),
        "people": (_person_ids("p.person_id"), 1),
        "roles": (_person_ids("r.person_id"), 1),
    },
    "org": {
        "officials": (_like("o.org"), 1),
        "commitments": (f"({_like('c.actor')} OR {_like('c.counterparty')})", 2),
        "meetings": (f"({_like('g.organizations')} OR EXISTS (SELECT 1 FROM participants x WHERE x.article_id = "
                     f"g.article_id AND x.meeting_n = g.n AND {_like('x.org')}))", 2),
        "roles": (_like("r.org"), 1),
        "people": (f"EXISTS (SELECT 1 FROM roles r WHERE r.person_id = p.person_id AND {_like('r.org')})", 1),
        "organizations": (_like("o.variants"), 1),
    },
    "role": {
        "officials": (_like("o.role"), 1),
        "commitments": (f"EXISTS (SELECT 1 FROM officials x WHERE x.article_id = c.article_id AND x.person = c.actor "
                        f"AND {_like('x.role')})", 1),
        "quotes": (f"EXISTS (SELECT 1 FROM officials x WHERE x.article_id = q.article_id AND x.person = q.speaker "
                   f"AND {_like('x.role')})", 1),
        "meetings": (f"EXISTS (SELECT 1 FROM participants x WHERE x.article_id = g.article_id AND x.meeting_n = g.n "
                     f"AND {_like('x.role')})", 1),
        "roles": (_like("r.role"), 1),
        "people": (f"EXISTS (SELECT 1 FROM roles r WHERE r.person_id = p.person_id AND {_like('r.role')})", 1),
    },
    "kind": {
        "commitments": ("c.kind = ?", 1), "figures": ("f.kind = ?", 1), "meetings": (_like("g.kind"), 1),
        "entities": ("e.label = upper(?)", 1),
    },
    "text": {
        "officials": (_like("o.evidence"), 1),
        "commitments": (f"({_like('c.content')} OR {_like('c.evidence')})", 2),
        "meetings": (f"({_like('g.topic')} OR {_like('g.evidence')})", 2),
        "quotes": (f"({_like('q.text')} OR {_like('q.evidence')})", 2),
        "figures": (f"({_like('f.text')} OR {_like('f.evidence')})", 2),
        "articles": (f"({_like('a.title')} OR {_like('a.text')})", 2),
        "entities": (_like("e.text"), 1),
        "dates": (_like("d.text"), 1),
    },
}
_DATED = {t: "a.article_date" for t in ("officials", "commitments", "meetings", "quotes", "figures", "articles",
                                         "entities", "dates")}
_SPAN = {"people": ("p.first_date", "p.last_date"), "roles": ("r.first_date", "r.last_date"),
         "organizations": ("o.first_date", "o.last_date")}
KINDS = {"commitments": get_args(CommitmentKind), "figures": get_args(FigureKind),
         "entities": ("PER", "ROLE", "ORG", "LOC", "FIG", "DATE")}


class QueryError(ValueError):
    """A filter or column that cannot apply; the message says what to use instead."""


@dataclass
class Filters:
    person: str | None = None
    org: str | None = None
    role: str | None = None
    kind: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    where: list[tuple[str, str]] = field(default_factory=list)  # (column, text): folded "contains", all must hold


def _check_values(con: duckdb.DuckDBPyConnection, kind: str, f: Filters) -> None:
    if f.kind is not None and kind in KINDS and f.kind.upper() not in {k.upper() for k in KINDS[kind]}:
        raise QueryError(f"--kind {f.kind!r} is not a {kind} kind; use one of: {', '.join(KINDS[kind])}")
    if f.person is not None:
        hit = con.execute(f"SELECT count(*) FROM people WHERE {_like('variants')}", [f.person]).fetchall()[0][0]
        if not hit:
            raise QueryError(f"no person matches --person {f.person!r}; list names with: munifacts query people")
    if f.role is not None:
        hit = con.execute(f"SELECT (SELECT count(*) FROM officials WHERE {_like('role')}) + "
                          f"(SELECT count(*) FROM participants WHERE {_like('role')})", [f.role, f.role]).fetchall()[0][0]
        if not hit:
            raise QueryError(f"no office matches --role {f.role!r}; list offices with: munifacts query roles")


def build_sql(kind: str, f: Filters) -> tuple[str, list]:
    """The SQL text and parameters of a filtered query (no database needed)."""
    if kind not in BASE_SQL:
        raise QueryError(f"unknown record type {kind!r}; use one of: {', '.join(QUERY_TYPES)}")
    conds, params = [], []
    for name in ("person", "org", "role", "kind", "text"):
        value = getattr(f, name)
        if value is None:
            continue
        if not str(value).strip():
            raise QueryError(f"--{name} is empty; give some text")
        if kind not in _FILTERS[name]:
            raise QueryError(f"--{name} does not apply to {kind}; it applies to: {', '.join(_FILTERS[name])}")
        cond, n = _FILTERS[name][kind]
        conds.append(cond)
        params.extend([value] * n)
    for name, bound in (("since", 0), ("until", 1)):
        value = getattr(f, name)
        if value is None:
            continue
        try:
            day = date_range(value)[bound]
        except ValueError as e:
            raise QueryError(f"--{name}: {e}") from None
        op = ">=" if name == "since" else "<="
        if kind in _DATED:
            conds.append(f"{_DATED[kind]} {op} ?")
        elif kind in _SPAN:  # people, roles, organizations: the span overlaps the period
            conds.append(f"{_SPAN[kind][1 - bound]} {op} ?")
        params.append(day)
    sql = BASE_SQL[kind]
    if conds:
        sql += "WHERE " + " AND ".join(conds) + " "
    sql += ORDER.get(kind, "ORDER BY 3 NULLS LAST, 1" if kind in _DATED else "")
    if f.where:  # on the result's columns, so any shown column can be filtered
        sql = f"SELECT * FROM ({sql}) r WHERE " + " AND ".join(f"{_like('r.' + _ident(c))}" for c, _ in f.where)
        params.extend(v for _, v in f.where)
    return sql, params


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def columns_of(con: duckdb.DuckDBPyConnection, kind: str) -> list[str]:
    cur = con.execute(f"SELECT * FROM ({BASE_SQL[kind]}) LIMIT 0")
    names = [d[0] for d in cur.description]
    cur.fetchall()
    return names


def query(con: duckdb.DuckDBPyConnection, kind: str, filters: Filters | None = None,
          columns: list[str] | None = None) -> pd.DataFrame:
    """Rows of one record type, filtered (QueryError for filters, values or columns that do not apply)."""
    f = filters or Filters()
    if kind not in BASE_SQL:
        raise QueryError(f"unknown record type {kind!r}; use one of: {', '.join(QUERY_TYPES)}")
    known = columns_of(con, kind)
    for col in [c for c, _ in f.where] + list(columns or []):
        if col not in known:
            raise QueryError(f"{kind} has no column {col!r}; columns are: {', '.join(known)}")
    sql, params = build_sql(kind, f)
    _check_values(con, kind, f)
    df = con.execute(sql, params).df()
    return df[list(columns)] if columns else df


def run_sql(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """Any SQL over the archive (tables in pipeline/db/schema.sql)."""
    try:
        return con.execute(sql).df()
    except duckdb.Error as e:
        first = str(e).splitlines()[0]
        raise QueryError(f"--sql failed: {first}; the tables and columns are listed in pipeline/db/schema.sql") from None
