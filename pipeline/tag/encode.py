"""Word-level model inputs for MuniTagger: word ids, character ids, mask (and labels)."""
from __future__ import annotations

import torch

from pipeline.tag.labels import LABEL2ID
from pipeline.tag.net import char_ids_for
from pipeline.tag.vocab import UNK, word_key


class WordEncoder:
    """Turns word sequences (``{"tokens": [...], "tags"?: [...]}``) into padded tensors.

    Shared by training and tagging, so both see exactly the same inputs.
    """

    def __init__(self, tokenizer, char_vocab: str, max_chars: int):
        self.vocab = tokenizer.get_vocab()  # building this dict costs ~0.1 s: do it once
        self.char_vocab = char_vocab
        self.max_chars = max_chars
        self.unk = self.vocab[UNK]
        self._cache: dict[str, tuple[int, list[int]]] = {}

    def ids(self, words: list[str]) -> list[int]:
        return [self.vocab.get(word_key(w), self.unk) for w in words]

    def _rows(self, words: list[str]) -> tuple[list[int], list[list[int]]]:
        """Word ids and character-id rows, remembered per word (news repeats its words)."""
        cache = self._cache
        ids, chars = [], []
        for w in words:
            hit = cache.get(w)
            if hit is None:
                if len(cache) > 200_000:
                    cache.clear()
                hit = cache[w] = (self.vocab.get(word_key(w), self.unk),
                                  char_ids_for([w], self.char_vocab, self.max_chars)[0])
            ids.append(hit[0])
            chars.append(hit[1])
        return ids, chars

    def batch(self, sents: list[dict]) -> dict[str, torch.Tensor]:
        n = max((len(s["tokens"]) for s in sents), default=0)
        pad_chars = [0] * self.max_chars
        all_ids, all_chars, all_mask = [], [], []
        labels = torch.full((len(sents), n), -100, dtype=torch.long)
        for i, s in enumerate(sents):
            k = len(s["tokens"])
            ids, chars = self._rows(s["tokens"]) if k else ([], [])
            all_ids.append(ids + [0] * (n - k))
            all_chars.append(chars + [pad_chars] * (n - k))
            all_mask.append([1] * k + [0] * (n - k))
            if k and "tags" in s:
                labels[i, :k] = torch.tensor([LABEL2ID.get(t, 0) for t in s["tags"]])
        shape = (len(sents), n)
        ids = torch.tensor(all_ids, dtype=torch.long).view(*shape)
        chars = torch.tensor(all_chars, dtype=torch.long).view(*shape, self.max_chars)
        mask = torch.tensor(all_mask, dtype=torch.long).view(*shape)
        return {"input_ids": ids, "char_ids": chars, "attention_mask": mask, "labels": labels}
