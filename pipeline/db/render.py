"""Query results as text: a right-to-left terminal table (rich), CSV, JSON or JSON lines.

Terminals differ: most (xterm, tmux, VS Code, macOS Terminal) draw characters in the order
they are stored, so Persian comes out backwards; a few (GNOME Terminal, Konsole, mlterm)
apply the Unicode bidi algorithm themselves. ``bidi="visual"`` (the default) reorders each
cell for the first kind and puts the first column on the right; ``bidi="terminal"`` leaves
the text in logical order for the second kind.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import math
import re

import pandas as pd

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")


def _cell(value) -> str:
    """Text of a value: empty for missing values (never «None» or «nan»), whole numbers without «.0»."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _json_value(value):
    text = _cell(value)
    if value is None or text == "":
        return None
    if isinstance(value, (bool,)) or hasattr(value, "item") and isinstance(value.item(), bool):
        return bool(value)
    if isinstance(value, (int, float)) or hasattr(value, "item"):
        v = value.item() if hasattr(value, "item") else value
        return v if not isinstance(v, (dt.date, dt.datetime)) else text
    return text


def records(df: pd.DataFrame) -> list[dict]:
    return [{c: _json_value(v) for c, v in zip(df.columns, row)} for row in df.itertuples(index=False, name=None)]


def to_json(df: pd.DataFrame, lines: bool = False) -> str:
    rows = records(df)
    if lines:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def to_csv(df: pd.DataFrame, sep: str = ",") -> str:
    buf = io.StringIO()
    df.astype(object).apply(lambda col: col.map(_cell)).to_csv(buf, index=False, sep=sep)
    return buf.getvalue()


def to_table(df: pd.DataFrame, bidi: str = "visual", width: int | None = None, max_chars: int = 80) -> str:
    """A rich table as text; Persian cells right-aligned, reordered for display when ``bidi='visual'``."""
    from rich.console import Console
    from rich.table import Table
    from rich import box

    if df.empty:
        return "(no rows)\n"
    visual = bidi == "visual"
    if visual:
        from bidi import get_display
    cols = list(df.columns)
    order = list(reversed(cols)) if visual else cols
    table = Table(box=box.SIMPLE_HEAD, show_lines=False)
    for c in order:
        rtl = df[c].map(lambda v: bool(_ARABIC.search(_cell(v)))).any()
        table.add_column(get_display(c) if visual else c, justify="right" if rtl else "left", overflow="fold")
    for row in df[order].itertuples(index=False, name=None):
        cells = []
        for v in row:
            text = _cell(v)
            if len(text) > max_chars:
                text = text[:max_chars - 1] + "…"
            cells.append(get_display(text) if visual and _ARABIC.search(text) else text)
        table.add_row(*cells)
    console = Console(file=io.StringIO(), width=width or 160, color_system=None, legacy_windows=False)
    console.print(table)
    return console.file.getvalue()


def render(df: pd.DataFrame, fmt: str = "table", bidi: str = "visual", width: int | None = None) -> str:
    if fmt == "table":
        return to_table(df, bidi=bidi, width=width)
    if fmt == "csv":
        return to_csv(df)
    if fmt == "json":
        return to_json(df)
    if fmt == "jsonl":
        return to_json(df, lines=True)
    raise ValueError(f"unknown format {fmt!r}: use table, csv, json or jsonl")
