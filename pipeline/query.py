"""Tables over extracted facts: load ``munifacts extract`` output into pandas.

    from pipeline.query import load_tables
    t = load_tables(["facts.jsonl"])
    t["officials"][t["officials"].role.str.contains("شهردار", na=False)]

Each record type becomes one DataFrame with the article's ``id``, ``date`` and
``source`` beside every row, so archives can be filtered, grouped and plotted.
Text matching folds Arabic/Persian letters and ignores ZWNJ, so «شهرداری‌ها»,
«شهرداریها» and «شهرداري ها» all match each other.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from pipeline.textkey import key as fold

RECORD_TYPES = ("entities", "officials", "meetings", "commitments", "quotes", "figures", "dates")


def _flatten(value):
    if isinstance(value, list):
        parts = []
        for v in value:
            if isinstance(v, dict):
                parts.append(" / ".join(str(x) for x in (v.get("person"), v.get("role"), v.get("org"), v.get("group"))
                                        if x))
            else:
                parts.append(str(v))
        return "؛ ".join(parts)
    if isinstance(value, dict):
        return value.get("text") if "text" in value else json.dumps(value, ensure_ascii=False)
    return value


def iter_articles(paths: Iterable[str | Path]) -> Iterator[dict]:
    """The article objects of ``extract`` JSONL files, in order (bad lines raise ValueError)."""
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{n}: not a JSON line ({e.msg}); is this munifacts extract output?") from e


_META = ("id", "date", "source", "title")


def load_tables(paths: Iterable[str | Path]) -> dict[str, pd.DataFrame]:
    """One DataFrame per record type from ``extract`` JSONL files (bad lines raise ValueError).

    ``id``, ``date``, ``source`` and ``title`` are always the article's; a record's own
    field of the same name is kept under ``<type>_<field>`` (a meeting's date is
    ``meeting_date``).
    """
    rows: dict[str, list[dict]] = {k: [] for k in RECORD_TYPES}
    articles = []
    for art in iter_articles(paths):
        meta = {"id": art.get("id"), "date": art.get("date"), "source": art.get("source"), "title": art.get("title")}
        articles.append(meta)
        for kind in RECORD_TYPES:
            for rec in art.get(kind) or []:
                flat = {(f"{kind.rstrip('s')}_{k}" if k in _META else k): _flatten(v) for k, v in rec.items()}
                if "evidence" in flat:
                    flat["evidence"] = (rec.get("evidence") or {}).get("text")
                rows[kind].append({**meta, **flat})
    tables = {k: pd.DataFrame(v) for k, v in rows.items()}
    tables["articles"] = pd.DataFrame(articles)
    return tables


def search(df: pd.DataFrame, *pairs: tuple[str, str], **filters: str) -> pd.DataFrame:
    """Rows whose columns contain the given text, e.g. ``search(t["officials"], role="شهردار")``.

    ``pairs`` are (column, text) conditions, so one column can carry several: all must hold.
    """
    mask = pd.Series(True, index=df.index)
    for col, needle in [*pairs, *filters.items()]:
        if col not in df.columns:
            raise ValueError(f"no column {col!r}; columns are: {', '.join(map(str, df.columns))}")
        key = fold(needle)
        mask &= df[col].map(lambda v: key in fold(str(v)) if v is not None else False)
    return df[mask]


def export(tables: dict[str, pd.DataFrame], out_dir: str | Path, fmt: str = "csv") -> list[Path]:
    """Write one file per table: CSV (UTF-8 with BOM, opens in Excel and Sheets) or XLSX-free TSV."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        if fmt == "csv":
            path = out_dir / f"{name}.csv"
            df.to_csv(path, index=False, encoding="utf-8-sig")
        elif fmt == "tsv":
            path = out_dir / f"{name}.tsv"
            df.to_csv(path, index=False, sep="\t", encoding="utf-8")
        else:
            raise ValueError(f"unknown export format {fmt!r}: use csv or tsv")
        written.append(path)
    return written
