"""Open plain, gzip, xz and zstd files alike; the format is the suffix under the compression one."""
from __future__ import annotations

import gzip
import lzma
from pathlib import Path
from typing import IO

COMPRESSIONS = (".gz", ".xz", ".zst", ".zstd")


def split_suffix(path: Path) -> tuple[str, str | None]:
    """``a.jsonl.gz`` -> (``.jsonl``, ``.gz``); ``a.csv`` -> (``.csv``, None)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in COMPRESSIONS:
        return (suffixes[-2] if len(suffixes) > 1 else ""), suffixes[-1]
    return (suffixes[-1] if suffixes else ""), None


def open_binary(path: Path) -> IO[bytes]:
    _fmt, comp = split_suffix(path)
    if comp == ".gz":
        return gzip.open(path, "rb")
    if comp == ".xz":
        return lzma.open(path, "rb")
    if comp in (".zst", ".zstd"):
        import zstandard

        import io

        return io.BufferedReader(zstandard.open(path, "rb"), 1 << 16)  # adds line iteration
    return open(path, "rb")


#: errors raised by a damaged compressed stream part-way through
def stream_errors() -> tuple[type[BaseException], ...]:
    errs: list[type[BaseException]] = [OSError, EOFError, lzma.LZMAError]
    try:
        import zstandard

        errs.append(zstandard.ZstdError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errs)
