"""split_suffix, open_binary and stream_errors on hand-made files."""
import gzip
import lzma
from pathlib import Path

import pytest
import zstandard

from pipeline.io.compress import COMPRESSIONS, open_binary, split_suffix, stream_errors

TEXT = "شهردار اصفهان از بهره‌برداری خط دو مترو خبر داد.\nشوراي شهر يزد بودجه را تصويب كرد.\n".encode()


@pytest.mark.parametrize("name, expected", [
    ("a.jsonl.gz", (".jsonl", ".gz")),
    ("a.json.xz", (".json", ".xz")),
    ("a.csv.zst", (".csv", ".zst")),
    ("a.txt.zstd", (".txt", ".zstd")),
    ("A.JSONL.GZ", (".jsonl", ".gz")),     # lower-cased
    ("a.csv", (".csv", None)),
    ("a.tar.jsonl", (".jsonl", None)),
    ("a.gz", ("", ".gz")),                 # compression suffix only
    ("README", ("", None)),
    ("archive.2024.jsonl.xz", (".jsonl", ".xz")),
    ("a.bz2", (".bz2", None)),             # bz2 is not one of the compressions
])
def test_split_suffix(name, expected):
    assert split_suffix(Path(name)) == expected


def test_compressions_constant():
    assert COMPRESSIONS == (".gz", ".xz", ".zst", ".zstd")


@pytest.mark.parametrize("suffix, pack", [
    (".txt", lambda b: b),
    (".txt.gz", gzip.compress),
    (".txt.GZ", gzip.compress),
    (".txt.xz", lzma.compress),
    (".txt.zst", lambda b: zstandard.ZstdCompressor().compress(b)),
    (".txt.zstd", lambda b: zstandard.ZstdCompressor().compress(b)),
])
def test_open_binary_reads_back(tmp_path, suffix, pack):
    path = tmp_path / f"news{suffix}"
    path.write_bytes(pack(TEXT))
    with open_binary(path) as fh:
        lines = list(fh)  # line iteration works for every format
    assert lines == TEXT.splitlines(keepends=True)
    assert len(lines) == 2


def test_open_binary_does_not_guess_from_content(tmp_path):
    path = tmp_path / "news.txt"
    packed = gzip.compress(TEXT)
    path.write_bytes(packed)
    with open_binary(path) as fh:
        assert fh.read() == packed


def test_truncated_gzip_raises_a_stream_error(tmp_path):
    path = tmp_path / "news.txt.gz"
    path.write_bytes(gzip.compress(TEXT * 50)[:-20])
    with pytest.raises(stream_errors()), open_binary(path) as fh:
        fh.read()


def test_damaged_xz_raises_a_stream_error(tmp_path):
    path = tmp_path / "news.txt.xz"
    data = bytearray(lzma.compress(TEXT * 50))
    path.write_bytes(bytes(data[: len(data) // 2]))
    with pytest.raises(stream_errors()), open_binary(path) as fh:
        fh.read()


def test_stream_errors_members():
    errs = stream_errors()
    assert OSError in errs and EOFError in errs and lzma.LZMAError in errs
    assert zstandard.ZstdError in errs
    assert ValueError not in errs
