"""Reading articles lazily from files, folders and stdin; every input becomes one item or one failure.

Formats (by suffix, under an optional ``.gz``/``.xz``/``.zst``): ``.txt`` (one article),
``.jsonl``/``.ndjson`` (one JSON object per line), ``.json`` (an array of objects, streamed),
``.csv``/``.tsv`` (a header row names the columns), ``.parquet``. ``-`` reads JSONL on stdin.
Folders are walked recursively in name order; paths in ``exclude`` (the run's own output
files) are never read.
"""
from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from pipeline.io.compress import COMPRESSIONS, open_binary, split_suffix, stream_errors
from pipeline.io.items import Columns, InputFailure, InputItem, UsageError
from pipeline.io.jsonarray import ArrayError, iter_array
from pipeline.io.records import has_undecodable, item_from_record, parse_json_line

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
CSV_SUFFIXES = (".csv", ".tsv")
PARQUET_SUFFIXES = (".parquet", ".pq")
SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES
KNOWN = ", ".join(SUFFIXES)


def input_format(path: Path) -> str | None:
    fmt, comp = split_suffix(path)
    if fmt in SUFFIXES and not (comp and fmt in PARQUET_SUFFIXES):
        return fmt
    return None


def check_paths(paths: list[str], cols: Columns = Columns(), exclude: Iterable[Path] = ()) -> None:
    """Fail early, before any work: missing paths, unknown types, tables without the text column,
    or an input that is one of the run's own output files."""
    if not paths:
        raise UsageError("no input given: name .txt/.jsonl/.json/.csv/.tsv/.parquet files, folders, "
                         "or - for JSONL on stdin")
    excluded = {p.resolve() for p in exclude}
    for p in paths:
        if p == "-":
            continue
        path = Path(p)
        if not path.exists():
            raise UsageError(f"input {p!r} does not exist")
        if path.is_dir():
            continue
        if path.resolve() in excluded:
            raise UsageError(f"input {p!r} is also an output file of this run; write -o/--errors elsewhere")
        fmt = input_format(path)
        if fmt is None:
            raise UsageError(f"input {p!r}: unknown file type {''.join(path.suffixes[-2:])!r}; give one of {KNOWN} "
                             f"(optionally compressed: {', '.join(COMPRESSIONS)})")
        if fmt in CSV_SUFFIXES + PARQUET_SUFFIXES:
            _check_columns(path, fmt, cols)


def _check_columns(path: Path, fmt: str, cols: Columns) -> None:
    try:
        if fmt in PARQUET_SUFFIXES:
            import pyarrow.parquet as pq

            names = pq.ParquetFile(path).schema_arrow.names
        else:
            with _text(open_binary(path)) as fh:
                names = next(csv.reader(fh, delimiter="\t" if fmt == ".tsv" else ","), [])
    except Exception as e:  # noqa: BLE001 - any reason the table cannot be opened is a usage error
        raise UsageError(f"input {str(path)!r} cannot be read as {fmt[1:]}: {e}") from None
    if cols.text not in names:
        shown = ", ".join(repr(n) for n in names[:12]) or "none"
        raise UsageError(f"input {str(path)!r} has no column {cols.text!r} (columns: {shown}); "
                         f"name the text column with --text-col")


def iter_inputs(paths: list[str], stdin: IO[bytes] | None = None, cols: Columns = Columns(),
                exclude: Iterable[Path] = ()) -> Iterator[InputItem | InputFailure]:
    excluded = {p.resolve() for p in exclude}
    for p in paths:
        if p == "-":
            yield from _jsonl(stdin if stdin is not None else sys.stdin.buffer, "<stdin>", "stdin", cols)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*")
                           if f.is_file() and input_format(f) is not None and f.resolve() not in excluded)
            for f in files:
                yield from _file(f, base=path, cols=cols)
        else:
            yield from _file(path, base=path.parent, cols=cols)


def _file(path: Path, base: Path, cols: Columns) -> Iterator[InputItem | InputFailure]:
    fmt = input_format(path)
    stem = path.name[: -len("".join(path.suffixes))] if path.suffixes else path.name
    if fmt in TEXT_SUFFIXES:
        yield _txt(path, base)
        return
    if fmt in PARQUET_SUFFIXES:
        yield from _parquet(path, stem, cols)
        return
    try:
        fh = open_binary(path)
    except OSError as e:
        yield InputFailure(str(path), f"cannot open: {e.strerror or e}")
        return
    n = 0
    try:
        with fh:
            if fmt in JSONL_SUFFIXES:
                gen = _jsonl(fh, str(path), stem, cols)
            elif fmt in JSON_SUFFIXES:
                gen = _json_array(fh, str(path), stem, cols)
            else:
                gen = _csv(fh, str(path), stem, cols, "\t" if fmt == ".tsv" else ",")
            for x in gen:
                n += 1
                yield x
    except stream_errors() as e:
        yield InputFailure(str(path), f"cannot read past input {n}: {e or type(e).__name__}; the file is damaged or truncated")


def _txt(path: Path, base: Path) -> InputItem | InputFailure:
    rel = path.relative_to(base) if path.is_relative_to(base) else path
    doc_id = str(rel)[: -len("".join(rel.suffixes[-2:] if split_suffix(rel)[1] else rel.suffixes[-1:]))]
    try:
        with open_binary(path) as fh:
            data = fh.read()
    except stream_errors() as e:
        return InputFailure(str(path), f"cannot read: {getattr(e, 'strerror', None) or e}", doc_id)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return InputFailure(str(path), _decode_reason(e), doc_id)
    if not text.strip():
        return InputFailure(str(path), "empty file: no text to extract from", doc_id)
    return InputItem(id=doc_id, text=text, location=str(path))


def _decode_reason(e: UnicodeDecodeError) -> str:
    return (f"not UTF-8: byte 0x{e.object[e.start]:02x} at offset {e.start} cannot be decoded; "
            "convert the file, e.g. `iconv -f WINDOWS-1256 -t UTF-8 in.txt > out.txt`")


def _jsonl(fh: IO[bytes], where: str, stem: str, cols: Columns) -> Iterator[InputItem | InputFailure]:
    """One item per non-blank line; each line is decoded on its own, so one bad line costs one article."""
    for n, raw in enumerate(fh, 1):
        loc = f"{where}:{n}"
        if isinstance(raw, str):  # a text stream (tests, embedding code)
            raw = raw.encode("utf-8", "surrogatepass")
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield InputFailure(loc, _decode_reason(e))
            continue
        if not line.strip():
            continue
        yield parse_json_line(line, loc, f"{stem}:{n}", cols)


def _text(fh: IO[bytes]) -> io.TextIOWrapper:
    return io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="")


def _json_array(fh: IO[bytes], where: str, stem: str, cols: Columns) -> Iterator[InputItem | InputFailure]:
    n = 0
    try:
        for n, obj in enumerate(iter_array(_text(fh)), 1):
            yield item_from_record(obj, f"{where}:[{n}]", f"{stem}:{n}", cols)
    except ArrayError as e:
        yield InputFailure(f"{where}:[{n + 1}]", f"{e}; elements after it are not read")


def _csv(fh: IO[bytes], where: str, stem: str, cols: Columns, delimiter: str) -> Iterator[InputItem | InputFailure]:
    csv.field_size_limit(1 << 30)
    reader = csv.reader(_text(fh), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as e:
        yield InputFailure(f"{where}:1", f"malformed header row: {e}")
        return
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            line = reader.line_num
            yield InputFailure(f"{where}:{start}", f"malformed {delimiter!r}-separated row: {e}")
            continue
        line = reader.line_num
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) > len(header):
            yield InputFailure(f"{where}:{start}", f"row has {len(row)} cells but the header has {len(header)}; "
                                                   "quote cells that contain the separator")
            continue
        rec: dict[str, str | None] = dict(zip(header, row))
        yield item_from_record(rec, f"{where}:{start}", f"{stem}:{start}", cols)


def _parquet(path: Path, stem: str, cols: Columns) -> Iterator[InputItem | InputFailure]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
        names = pf.schema_arrow.names
        wanted = [c for c in dict.fromkeys([cols.id, "doc_id", cols.text, cols.title, cols.date, cols.source])
                  if c in names]
        n = 0
        for batch in pf.iter_batches(batch_size=256, columns=wanted):
            for rec in batch.to_pylist():
                n += 1
                yield item_from_record(rec, f"{path}:{n}", f"{stem}:{n}", cols)
    except Exception as e:  # noqa: BLE001 - a damaged file costs the rest of that file, reported
        yield InputFailure(str(path), f"cannot read the Parquet file: {e}")


def count_inputs(paths: list[str], cols: Columns = Columns(), exclude: Iterable[Path] = ()) -> int | None:
    """How many items :func:`iter_inputs` will yield (None for stdin, whose size is unknown)."""
    if "-" in paths:
        return None
    return sum(1 for _ in iter_inputs(paths, cols=cols, exclude=exclude))


__all__ = ["Columns", "InputFailure", "InputItem", "UsageError", "check_paths", "count_inputs", "iter_inputs",
           "has_undecodable"]
