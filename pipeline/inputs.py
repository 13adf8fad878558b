"""Reading articles: ``.txt`` files, folders of them, JSONL files and JSONL on stdin.

Every input becomes either an :class:`InputItem` or an :class:`InputFailure` (with its
location and the reason), never both and never neither, so a batch run can account
for every article it was given.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")


class UsageError(ValueError):
    """The command line names something that cannot be read at all (exit status 2)."""


@dataclass(frozen=True)
class InputItem:
    id: str
    text: str
    location: str
    title: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class InputFailure:
    location: str
    reason: str
    id: str | None = None


def check_paths(paths: list[str]) -> None:
    """Fail early, before any work, on paths that do not exist or have an unknown type."""
    if not paths:
        raise UsageError("no input given: name .txt files, folders, .jsonl files, or - for JSONL on stdin")
    for p in paths:
        if p == "-":
            continue
        path = Path(p)
        if not path.exists():
            raise UsageError(f"input {p!r} does not exist")
        if path.is_file() and path.suffix.lower() not in TEXT_SUFFIXES + JSONL_SUFFIXES:
            raise UsageError(f"input {p!r}: unknown file type {path.suffix!r}; "
                             "give .txt (one article) or .jsonl (one article per line with id and text)")


def iter_inputs(paths: list[str], stdin: IO[bytes] | None = None) -> Iterator[InputItem | InputFailure]:
    for p in paths:
        if p == "-":
            yield from _jsonl_lines(stdin if stdin is not None else sys.stdin.buffer, "<stdin>", "stdin")
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*")
                           if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES)
            for f in files:
                yield from _file(f, base=path)
        else:
            yield from _file(path, base=path.parent)


def _file(path: Path, base: Path) -> Iterator[InputItem | InputFailure]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            fh = open(path, "rb")
        except OSError as e:
            yield InputFailure(str(path), f"cannot open: {e.strerror}")
            return
        with fh:
            yield from _jsonl_lines(fh, str(path), path.stem)
        return
    rel = path.relative_to(base) if path.is_relative_to(base) else path
    doc_id = str(rel.with_suffix(""))
    try:
        data = path.read_bytes()
    except OSError as e:
        yield InputFailure(str(path), f"cannot read: {e.strerror}", doc_id)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        yield InputFailure(str(path), _decode_reason(e), doc_id)
        return
    if not text.strip():
        yield InputFailure(str(path), "empty file: no text to extract from", doc_id)
        return
    yield InputItem(id=doc_id, text=text, location=str(path))


def _decode_reason(e: UnicodeDecodeError) -> str:
    return (f"not UTF-8: byte 0x{e.object[e.start]:02x} at offset {e.start} cannot be decoded; "
            "convert the file, e.g. `iconv -f WINDOWS-1256 -t UTF-8 in.txt > out.txt`")


def _jsonl_lines(fh: IO[bytes], where: str, stem: str) -> Iterator[InputItem | InputFailure]:
    """One item per non-blank line; each line is decoded on its own, so one bad line costs one article."""
    for n, raw in enumerate(fh, 1):
        loc = f"{where}:{n}"
        if isinstance(raw, str):  # a text stream (tests, embedding code)
            raw = raw.encode("utf-8")
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield InputFailure(loc, _decode_reason(e))
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputFailure(loc, f"malformed JSON: {e.msg} at column {e.colno}")
            continue
        if not isinstance(obj, dict):
            yield InputFailure(loc, f"expected a JSON object with 'id' and 'text', got {type(obj).__name__}")
            continue
        doc_id = obj.get("id", obj.get("doc_id"))
        doc_id = str(doc_id) if doc_id is not None else f"{stem}:{n}"
        text = obj.get("text")
        if text is None:
            yield InputFailure(loc, "no 'text' field: each line needs the article text under 'text'", doc_id)
            continue
        if not isinstance(text, str):
            yield InputFailure(loc, f"'text' must be a string, got {type(text).__name__}", doc_id)
            continue
        if not text.strip():
            yield InputFailure(loc, "empty 'text': no text to extract from", doc_id)
            continue
        meta = {}
        for k in ("title", "date", "source"):
            v = obj.get(k)
            meta[k] = None if v is None else str(v)
        yield InputItem(id=doc_id, text=text, location=loc, **meta)
