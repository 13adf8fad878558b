"""Word-level model inputs for MuniTagger: word ids, character ids, mask (and labels)."""
from __future__ import annotations

import torch

from pipeline.tag.labels import LABEL2ID
from pipeline.tag.model import char_ids_for
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

    def ids(self, words: list[str]) -> list[int]:
        return [self.vocab.get(word_key(w), self.unk) for w in words]

    def batch(self, sents: list[dict]) -> dict[str, torch.Tensor]:
        n = max((len(s["tokens"]) for s in sents), default=0)
        ids = torch.zeros(len(sents), n, dtype=torch.long)
        chars = torch.zeros(len(sents), n, self.max_chars, dtype=torch.long)
        mask = torch.zeros(len(sents), n, dtype=torch.long)
        labels = torch.full((len(sents), n), -100, dtype=torch.long)
        for i, s in enumerate(sents):
            k = len(s["tokens"])
            if k == 0:
                continue
            ids[i, :k] = torch.tensor(self.ids(s["tokens"]))
            chars[i, :k] = torch.tensor(char_ids_for(s["tokens"], self.char_vocab, self.max_chars))
            mask[i, :k] = 1
            if "tags" in s:
                labels[i, :k] = torch.tensor([LABEL2ID.get(t, 0) for t in s["tags"]])
        return {"input_ids": ids, "char_ids": chars, "attention_mask": mask, "labels": labels}
