"""Length-bucketed batches for training: similar lengths together, about ``max_tokens`` per batch."""
from __future__ import annotations

import random


def length_buckets(lengths: list[int], max_tokens: int, rng: random.Random | None = None) -> list[list[int]]:
    """Indices grouped by ascending length so that ``longest * count <= max_tokens`` (a longer item
    alone may exceed it); the groups are shuffled with ``rng`` when one is given."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    out, cur, width = [], [], 0
    for i in order:
        w = max(width, lengths[i])
        if cur and w * (len(cur) + 1) > max_tokens:
            out.append(cur)
            cur, w = [], lengths[i]
        cur.append(i)
        width = w
    if cur:
        out.append(cur)
    if rng is not None:
        rng.shuffle(out)
    return out
