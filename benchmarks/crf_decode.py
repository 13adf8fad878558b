"""CRF Viterbi: the numpy decoder against the step-by-step torch formulation it replaced.

    python benchmarks/crf_decode.py [--batch 16] [--length 128] [--repeat 20]

Prints milliseconds per batch for both and whether the paths are identical.
"""
from __future__ import annotations

import argparse
import time

import torch

from pipeline.tag.model import CRF


def torch_viterbi(crf: CRF, emissions: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
    mask = mask.bool()
    score = crf.start + emissions[:, 0]
    history = []
    for t in range(1, emissions.shape[1]):
        best, idx = (score.unsqueeze(2) + crf.trans).max(dim=1)
        history.append(idx)
        score = torch.where(mask[:, t].unsqueeze(1), best + emissions[:, t], score)
    score = score + crf.end
    out = []
    for i in range(emissions.shape[0]):
        length = int(mask[i].sum())
        best = int(score[i].argmax())
        path = [best]
        for t in range(length - 2, -1, -1):
            best = int(history[t][i, best])
            path.append(best)
        out.append(path[::-1])
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--length", type=int, default=128)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    gen = torch.Generator().manual_seed(0)
    crf = CRF(13)
    with torch.no_grad():
        for p in crf.parameters():
            p.copy_(torch.randn(p.shape, generator=gen))
    em = torch.randn(args.batch, args.length, 13, generator=gen)
    mask = torch.ones(args.batch, args.length, dtype=torch.long)
    print(f"batch {args.batch} x {args.length} tokens, 13 tags, 1 torch thread; identical paths: "
          f"{crf.decode(em, mask) == torch_viterbi(crf, em, mask)}")
    for name, fn in [("torch (before)", lambda: torch_viterbi(crf, em, mask)), ("numpy (now)", lambda: crf.decode(em, mask))]:
        fn()
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            fn()
        print(f"{name:15} {(time.perf_counter() - t0) / args.repeat * 1000:7.1f} ms per batch")


if __name__ == "__main__":
    main()
