"""The numpy Viterbi finds the same paths as the step-by-step torch formulation it replaced."""
import torch

from pipeline.tag.model import CRF


def _torch_viterbi(crf, emissions, mask):
    mask = mask.bool()
    b, n, _ = emissions.shape
    score = crf.start + emissions[:, 0]
    history = []
    for t in range(1, n):
        best, idx = (score.unsqueeze(2) + crf.trans).max(dim=1)
        history.append(idx)
        score = torch.where(mask[:, t].unsqueeze(1), best + emissions[:, t], score)
    score = score + crf.end
    out = []
    for i in range(b):
        length = int(mask[i].sum())
        if length == 0:
            out.append([])
            continue
        best = int(score[i].argmax())
        path = [best]
        for t in range(length - 2, -1, -1):
            best = int(history[t][i, best])
            path.append(best)
        out.append(path[::-1])
    return out


def test_numpy_viterbi_equals_torch_viterbi():
    gen = torch.Generator().manual_seed(0)
    crf = CRF(13)
    with torch.no_grad():
        for p in crf.parameters():
            p.copy_(torch.randn(p.shape, generator=gen))
    for b, n in [(1, 1), (3, 7), (8, 60)]:
        emissions = torch.randn(b, n, 13, generator=gen) * 3
        lengths = torch.randint(0, n + 1, (b,), generator=gen)
        lengths[0] = n
        mask = (torch.arange(n)[None, :] < lengths[:, None]).long()
        got = crf.decode(emissions, mask)
        assert got == _torch_viterbi(crf, emissions, mask)
        assert [len(p) for p in got] == lengths.tolist()


def test_ties_break_the_same_way():
    crf = CRF(4)  # all-zero transitions: every step ties across previous tags
    emissions = torch.zeros(2, 5, 4)
    emissions[0, 2, 3] = 1.0
    mask = torch.ones(2, 5, dtype=torch.long)
    assert crf.decode(emissions, mask) == _torch_viterbi(crf, emissions, mask)
