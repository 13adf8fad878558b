"""Load ``munifacts extract`` output into the archive database (idempotent).

Each article line is stored with a hash of its content: loading the same line again adds
nothing, a changed line with a known id replaces that article's rows. After every load the
people/organization tables are rebuilt from all articles (:mod:`pipeline.db.resolve`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.db.dates import find_date, jalali, parse_date
from pipeline.db.names import key
from pipeline.db.resolve import ArticleNames, resolve

RECORD_TABLES = ("entities", "officials", "meetings", "participants", "commitments", "quotes", "figures", "dates")
RESOLVED_TABLES = ("people", "person_mentions", "roles", "organizations", "org_mentions")
SEP = "؛ "


@dataclass
class LoadReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    files: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)  # ids whose date field holds no date (article_date left empty)

    def __str__(self) -> str:
        text = f"{self.added} articles added, {self.replaced} replaced, {self.unchanged} already loaded"
        if self.undated:
            text += (f"; {len(self.undated)} with a date field that is not a date, left undated "
                     f"(e.g. {', '.join(self.undated[:3])})")
        return text


def iter_lines(paths: Iterable[str | Path]) -> Iterator[tuple[str, int, dict]]:
    """(file, line number, article object) for each line of extract JSONL files."""
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{n}: not a JSON line ({e.msg}); give munifacts extract output") from e
                if not isinstance(obj, dict) or not obj.get("id") or not isinstance(obj.get("text"), str):
                    raise ValueError(f"{path}:{n}: no 'id' and 'text'; give munifacts extract output, not its input")
                yield str(path), n, obj


def _evidence(rec: dict) -> dict:
    ev = rec.get("evidence") or {}
    return {"evidence": ev.get("text"), "evidence_start": ev.get("start"), "evidence_end": ev.get("end"),
            "evidence_raw_start": ev.get("raw_start"), "evidence_raw_end": ev.get("raw_end")}


def _span(rec: dict) -> dict:
    return {k: rec.get(k) for k in ("start", "end", "raw_start", "raw_end")}


_BOUNDARY = re.compile(r"[!?؟\n]|\.(?=\s|$)")


def sentence_at(text: str, start: int | None, end: int | None) -> str | None:
    """The sentence of ``text`` around ``[start, end)`` (ends at . ! ? ؟ or a line break)."""
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        return None
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    right = _BOUNDARY.search(text, end)
    return text[left:right.end() if right else len(text)].strip() or None


def article_rows(art: dict, loaded_from: str = "") -> dict[str, list[dict]]:
    """The rows of every table for one extract line."""
    aid = str(art["id"])
    try:
        day = parse_date(art.get("date"))
    except ValueError:  # noisy metadata («۱۳:۵۴ ۱۴۰۲-۵-۱۵»): the date inside it, or none
        day = find_date(art.get("date"))
    model = art.get("model") or {}
    content = json.dumps(art, sort_keys=True, ensure_ascii=False)
    rows: dict[str, list[dict]] = {t: [] for t in ("articles", *RECORD_TABLES)}
    rows["articles"].append({
        "article_id": aid, "title": art.get("title"), "source": art.get("source"), "date_raw": art.get("date"),
        "article_date": day, "article_jalali": jalali(day), "jalali_month": jalali(day)[:7] if day else None,
        "month": day.strftime("%Y-%m") if day else None, "text": art["text"],
        "schema_version": art.get("schema_version"), "tagger": model.get("tagger"), "tagger_version": model.get("version"),
        "content_hash": hashlib.sha256(content.encode("utf-8")).hexdigest(), "loaded_from": Path(loaded_from).name,
        "loaded_at": dt.datetime.now().replace(microsecond=0)})
    for n, e in enumerate(art.get("entities") or []):
        rows["entities"].append({"article_id": aid, "n": n, "label": e.get("label"), "text": e.get("text"),
                                 **_span(e), "score": e.get("score")})
    for n, o in enumerate(art.get("officials") or []):
        rows["officials"].append({"article_id": aid, "n": n, **{k: o.get(k) for k in ("person", "role", "org", "location")},
                                  **_evidence(o)})
    for n, m in enumerate(art.get("meetings") or []):
        rows["meetings"].append({"article_id": aid, "n": n, "kind": m.get("kind"),
                                 "organizations": SEP.join(m.get("organizations") or []) or None,
                                 "location": m.get("location"), "meeting_date": m.get("date"), "topic": m.get("topic"),
                                 **_evidence(m)})
        for i, p in enumerate(m.get("participants") or []):
            rows["participants"].append({"article_id": aid, "meeting_n": n, "n": i, "person": p.get("person"),
                                         "role": p.get("role"), "org": p.get("org"), "grp": p.get("group")})
    for n, c in enumerate(art.get("commitments") or []):
        rows["commitments"].append({"article_id": aid, "n": n,
                                    **{k: c.get(k) for k in ("kind", "actor", "counterparty", "content", "deadline")},
                                    "figures": SEP.join(c.get("figures") or []) or None, **_evidence(c)})
    for n, q in enumerate(art.get("quotes") or []):
        rows["quotes"].append({"article_id": aid, "n": n, "speaker": q.get("speaker"), "text": q.get("text"),
                               **_evidence(q)})
    for n, f in enumerate(art.get("figures") or []):
        rows["figures"].append({"article_id": aid, "n": n, **{k: f.get(k) for k in ("text", "value", "unit", "kind")},
                                "approx": f.get("approx"), **_span(f),
                                "evidence": sentence_at(art["text"], f.get("start"), f.get("end"))})
    for n, d in enumerate(art.get("dates") or []):
        rows["dates"].append({"article_id": aid, "n": n,
                              **{k: d.get(k) for k in ("text", "iso", "iso_end", "jalali", "resolved", "relative")},
                              **_span(d)})
    return rows


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
    frame = pd.DataFrame(rows, columns=cols).astype(object).where(lambda d: d.notna(), None)
    con.register("_munifacts_rows", frame)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _munifacts_rows")
    finally:
        con.unregister("_munifacts_rows")


def load_articles(con: duckdb.DuckDBPyConnection, lines: Iterable[tuple[str, int, dict]]) -> LoadReport:
    """Load (file, line, article) triples; rows of an article whose content changed are replaced."""
    known = dict(con.execute("SELECT article_id, content_hash FROM articles").fetchall())
    report = LoadReport()
    batch: dict[str, list[dict]] = {t: [] for t in ("articles", *RECORD_TABLES)}
    replaced: list[str] = []
    seen: dict[str, str] = {}
    for path, n, art in lines:
        rows = article_rows(art, path)
        aid, digest = rows["articles"][0]["article_id"], rows["articles"][0]["content_hash"]
        if art.get("date") and str(art["date"]).strip() and rows["articles"][0]["article_date"] is None:
            report.undated.append(aid)
        if path not in report.files:
            report.files.append(path)
        if seen.get(aid) == digest or (aid not in seen and known.get(aid) == digest):
            report.unchanged += 1
            continue
        if aid in seen:  # the same id twice in this load with different content: the later line wins
            for t in batch:
                batch[t] = [r for r in batch[t] if r["article_id"] != aid]
            report.added -= aid not in known
            report.replaced -= aid in known
        if aid in known:
            replaced.append(aid)
            report.replaced += 1
        else:
            report.added += 1
        seen[aid] = digest
        for t, rs in rows.items():
            batch[t].extend(rs)
    if not (report.added or report.replaced):
        return report
    con.execute("BEGIN TRANSACTION")
    try:
        if replaced:
            con.register("_munifacts_ids", pd.DataFrame({"article_id": replaced}))
            for t in ("articles", *RECORD_TABLES):
                con.execute(f"DELETE FROM {t} WHERE article_id IN (SELECT article_id FROM _munifacts_ids)")
            con.unregister("_munifacts_ids")
        for t, rs in batch.items():
            _insert(con, t, rs)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    rebuild_resolution(con)
    return report


def load_files(con: duckdb.DuckDBPyConnection, paths: Iterable[str | Path]) -> LoadReport:
    """Load extract JSONL files (missing files and bad lines raise ValueError before anything is written)."""
    paths = [Path(p) for p in paths]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise ValueError(f"no such file: {', '.join(missing)} (give munifacts extract output files)")
    lines = list(iter_lines(paths))
    report = load_articles(con, lines)
    report.files = [str(p) for p in paths]
    return report


def names_input(con: duckdb.DuckDBPyConnection) -> list[ArticleNames]:
    """The resolver's input for every article in the archive (names, offices, organizations)."""
    arts: dict[str, ArticleNames] = {}
    for aid, day in con.execute("SELECT article_id, article_date FROM articles ORDER BY article_id").fetchall():
        arts[aid] = ArticleNames(aid, day)
    per_ents: dict[str, set[str]] = {}
    org_ents: dict[str, set[str]] = {}
    for aid, label, text in con.execute("SELECT article_id, label, text FROM entities WHERE label IN ('PER', 'ORG')").fetchall():
        if label == "PER":
            arts[aid].names.append(text)
            per_ents.setdefault(aid, set()).add(key(text))
        else:
            arts[aid].orgs.append(text)
            org_ents.setdefault(aid, set()).add(key(text))
    for aid, person, role, org, loc in con.execute(
            "SELECT article_id, person, role, org, location FROM officials ORDER BY article_id, n").fetchall():
        if person:
            arts[aid].names.append(person)
            arts[aid].offices.append((person, role, org, loc))
        if org:
            arts[aid].orgs.append(org)
    for aid, person, role, org in con.execute(
            "SELECT article_id, person, role, org FROM participants ORDER BY article_id, meeting_n, n").fetchall():
        if person:
            arts[aid].names.append(person)
            if role:
                arts[aid].offices.append((person, role, org, None))
        if org:
            arts[aid].orgs.append(org)
    for aid, orgs in con.execute("SELECT article_id, organizations FROM meetings WHERE organizations IS NOT NULL").fetchall():
        arts[aid].orgs.extend(orgs.split(SEP))
    for aid, speaker in con.execute("SELECT article_id, speaker FROM quotes WHERE speaker IS NOT NULL").fetchall():
        arts[aid].names.append(speaker)
    for aid, actor, counterparty in con.execute("SELECT article_id, actor, counterparty FROM commitments").fetchall():
        for who in (actor, counterparty):
            if not who:
                continue
            k = key(who)
            people = {key(n) for n in arts[aid].names}
            if k in people or any(p.endswith(k) for p in people if p != k):
                arts[aid].names.append(who)
            elif k in org_ents.get(aid, ()):
                arts[aid].orgs.append(who)
    return list(arts.values())


def rebuild_resolution(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute people, person_mentions, roles, organizations and org_mentions from all articles."""
    res = resolve(names_input(con))
    con.execute("BEGIN TRANSACTION")
    try:
        for t in RESOLVED_TABLES:
            con.execute(f"DELETE FROM {t}")
        _insert(con, "people", [{"person_id": p.person_id, "name": p.name, "variants": SEP.join(p.variants),
                                 "n_articles": len(p.articles), "first_date": p.first_date, "last_date": p.last_date,
                                 "first_jalali": jalali(p.first_date), "last_jalali": jalali(p.last_date),
                                 "full_name": p.full_name}
                                for p in res.people])
        _insert(con, "person_mentions", [dict(zip(("article_id", "name", "person_id", "how"), m)) for m in res.mentions])
        _insert(con, "roles", [{**r, "first_jalali": jalali(r["first_date"]), "last_jalali": jalali(r["last_date"])}
                               for r in res.roles])
        _insert(con, "organizations", res.organizations)
        _insert(con, "org_mentions", [dict(zip(("article_id", "name", "org_id"), m)) for m in res.org_mentions])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
