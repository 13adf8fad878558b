"""One record (a JSON object, a CSV row, a Parquet row) -> one InputItem or InputFailure."""
from __future__ import annotations

import json
import math
from typing import Any

from pipeline.io.items import Columns, InputFailure, InputItem

_NOT_UTF8 = ("not UTF-8: some bytes cannot be decoded; convert the file, "
             "e.g. `iconv -f WINDOWS-1256 -t UTF-8 in > out`")


def json_type(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, (list, tuple)):
        return "array"
    if isinstance(v, dict):
        return "object"
    return type(v).__name__


def has_undecodable(s: str) -> bool:
    """True if ``s`` holds bytes kept by ``errors="surrogateescape"`` (the input was not UTF-8)."""
    return any("\udc80" <= ch <= "\udcff" for ch in s)


def _scalar(v: Any) -> str | None:
    """A string or a number as text (no Python reprs); ``None`` for anything else."""
    if isinstance(v, str):
        return v
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float) and math.isfinite(v):
        return str(int(v)) if v.is_integer() else repr(v)
    if hasattr(v, "isoformat"):  # dates and timestamps from Parquet/CSV readers
        return v.isoformat()
    return None


def item_from_record(obj: Any, loc: str, default_id: str, cols: Columns = Columns()) -> InputItem | InputFailure:
    if not isinstance(obj, dict):
        return InputFailure(loc, f"expected a JSON object with '{cols.id}' and '{cols.text}', got {json_type(obj)}")
    raw_id = obj.get(cols.id)
    if raw_id is None and cols.id == "id":
        raw_id = obj.get("doc_id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        doc_id = default_id
    else:
        doc_id = _scalar(raw_id)
        doc_id = doc_id.strip() if doc_id is not None else None
        if doc_id is None:
            return InputFailure(loc, f"'{cols.id}' must be a string or a number, got {json_type(raw_id)}: "
                                     f"give each article a plain id such as \"2023-0412\"")
        if has_undecodable(doc_id):
            return InputFailure(loc, _NOT_UTF8)
    if cols.text not in obj:
        return InputFailure(loc, f"no '{cols.text}' field: each record needs the article text under "
                                 f"'{cols.text}' (or name the field with --text-col)", doc_id)
    text = obj[cols.text]
    if text is None:
        return InputFailure(loc, f"'{cols.text}' is null: no text to extract from", doc_id)
    if not isinstance(text, str):
        return InputFailure(loc, f"'{cols.text}' must be a string, got {json_type(text)}", doc_id)
    if has_undecodable(text):
        return InputFailure(loc, _NOT_UTF8, doc_id)
    if not text.strip():
        return InputFailure(loc, f"empty '{cols.text}': no text to extract from", doc_id)
    meta: dict[str, str | None] = {}
    warnings = []
    for key, col in (("title", cols.title), ("date", cols.date), ("source", cols.source)):
        v = obj.get(col)
        s = _scalar(v)
        if v is not None and (s is None or has_undecodable(s)):
            warnings.append(f"'{col}' ignored: expected a string, got {json_type(v) if s is None else 'bytes that are not UTF-8'}")
            s = None
        meta[key] = s if s is None or s.strip() else None
    return InputItem(id=doc_id, text=text, location=loc, warnings=tuple(warnings), **meta)


def parse_json_line(line: str, loc: str, default_id: str, cols: Columns) -> InputItem | InputFailure:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return InputFailure(loc, f"malformed JSON: {e.msg} at column {e.colno}")
    except RecursionError:
        return InputFailure(loc, "malformed JSON: nested too deeply")
    return item_from_record(obj, loc, default_id, cols)
