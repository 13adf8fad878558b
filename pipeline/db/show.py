"""One article back out of the archive (or an extract JSONL file), as the extract line it came from."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from pipeline.db.load import SEP, iter_lines


class NotFound(LookupError):
    pass


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _evidence(row: dict) -> dict | None:
    if row.get("evidence") is None:
        return None
    return {"text": row["evidence"], "start": row["evidence_start"], "end": row["evidence_end"],
            "raw_start": row["evidence_raw_start"], "raw_end": row["evidence_raw_end"]}


def article_from_db(con: duckdb.DuckDBPyConnection, article_id: str) -> dict:
    """The article as an extract-output dict (NotFound when the id is not in the archive)."""
    arts = _dicts(con, "SELECT * FROM articles WHERE article_id = ?", [article_id])
    if not arts:
        near = [r[0] for r in con.execute("SELECT article_id FROM articles WHERE article_id ILIKE ? ORDER BY 1 LIMIT 5",
                                          [f"%{article_id}%"]).fetchall()]
        hint = f" (similar ids: {', '.join(near)})" if near else "; list ids with: munifacts query articles --db ..."
        raise NotFound(f"no article {article_id!r} in the archive{hint}")
    a = arts[0]
    rows = {t: _dicts(con, f"SELECT * FROM {t} WHERE article_id = ? ORDER BY {order}", [article_id])
            for t, order in (("entities", "n"), ("officials", "n"), ("meetings", "n"), ("participants", "meeting_n, n"),
                             ("commitments", "n"), ("quotes", "n"), ("figures", "n"), ("dates", "n"))}
    span = ("start", "end", "raw_start", "raw_end")
    return {
        "id": a["article_id"], "title": a["title"], "date": a["date_raw"], "source": a["source"], "text": a["text"],
        "entities": [{k: e[k] for k in ("label", "text", *span, "score")} for e in rows["entities"]],
        "officials": [{**{k: o[k] for k in ("person", "role", "org", "location")}, "evidence": _evidence(o)}
                      for o in rows["officials"]],
        "meetings": [{"kind": m["kind"], "organizations": m["organizations"].split(SEP) if m["organizations"] else [],
                      "location": m["location"], "date": m["meeting_date"], "topic": m["topic"], "evidence": _evidence(m),
                      "participants": [{"person": p["person"], "role": p["role"], "org": p["org"], "group": p["grp"]}
                                       for p in rows["participants"] if p["meeting_n"] == m["n"]]}
                     for m in rows["meetings"]],
        "commitments": [{**{k: c[k] for k in ("kind", "actor", "counterparty", "content", "deadline")},
                         "figures": c["figures"].split(SEP) if c["figures"] else [], "evidence": _evidence(c)}
                        for c in rows["commitments"]],
        "quotes": [{"speaker": q["speaker"], "text": q["text"], "evidence": _evidence(q)} for q in rows["quotes"]],
        "figures": [{k: f[k] for k in ("text", "value", "unit", "kind", "approx", *span)} for f in rows["figures"]],
        "dates": [{k: d[k] for k in ("text", "iso", "iso_end", "jalali", "resolved", "relative", *span)}
                  for d in rows["dates"]],
    }


def article_from_jsonl(paths: Iterable[str | Path], article_id: str) -> dict:
    """The extract line with this id (NotFound otherwise)."""
    ids = []
    for _, _, art in iter_lines(paths):
        if str(art["id"]) == article_id:
            return art
        ids.append(str(art["id"]))
    near = [i for i in ids if article_id in i][:5]
    hint = f" (similar ids: {', '.join(near)})" if near else f" ({len(ids)} articles; first ids: {', '.join(ids[:3])})"
    raise NotFound(f"no article {article_id!r} in the file{hint}")
