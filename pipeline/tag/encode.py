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


class WordVectorCache:
    """The tagger's input vectors per distinct word (:func:`pipeline.tag.net.word_vectors`), remembered.

    An article repeats its words and a news archive repeats its vocabulary, so the word embedding,
    the character CNN and the input projection run once per new word (about a sixth of the tag
    stage before); a batch gathers the rows. Rows are computed word by word in the float model, so
    the scores equal :func:`pipeline.tag.net.encode`'s (a test compares them). Quantized models
    (whose input projection scales each batch as a whole) do not use it. At most ``capacity`` words
    are kept (``hidden`` floats each); then it starts over.
    """

    PAD = None  # the key of the padding row (word id 0, no characters)

    def __init__(self, model, encoder: WordEncoder, capacity: int = 32768):
        self.model, self.encoder, self.capacity = model, encoder, capacity
        self.slots: dict[str | None, int] = {}
        self.store = torch.empty(0)

    @staticmethod
    def usable(model) -> bool:
        return (type(getattr(model, "proj", None)) is torch.nn.Linear and hasattr(model, "char_convs")
                and hasattr(model, "word_emb"))

    def batch(self, sents: list[list[str]]) -> tuple[torch.Tensor, torch.Tensor]:
        """Projected vectors (batch, words, hidden) and the attention mask (batch, words) of word lists."""
        from pipeline.tag.net import word_vectors

        n = max((len(s) for s in sents), default=0)
        slots = self.slots
        wanted = dict.fromkeys(w for s in sents for w in s)
        if any(len(s) < n for s in sents):
            wanted[self.PAD] = None
        new = [w for w in wanted if w not in slots]
        if new:
            if len(slots) + len(new) > self.capacity:  # full: start over (a batch always fits)
                slots.clear()
                new = list(wanted)
                self.capacity = max(self.capacity, len(new))
            if len(self.store) < self.capacity:  # first use, or grown (then nothing was kept)
                self.store = torch.empty(self.capacity, self.model.config.hidden_size)
            real = [w for w in new if w is not self.PAD]
            ids, chars = self.encoder._rows(real) if real else ([], [])
            if len(real) < len(new):
                ids.append(0)
                chars.append([0] * self.encoder.max_chars)
            order = real + ([self.PAD] if len(real) < len(new) else [])
            vecs = word_vectors(self.model, torch.tensor(ids, dtype=torch.long), torch.tensor(chars, dtype=torch.long))
            k = len(slots)
            self.store[k:k + len(order)] = vecs
            for i, w in enumerate(order):
                slots[w] = k + i
        pad = slots.get(self.PAD, 0)
        index = torch.tensor([[slots[w] for w in s] + [pad] * (n - len(s)) for s in sents], dtype=torch.long)
        mask = torch.tensor([[1] * len(s) + [0] * (n - len(s)) for s in sents], dtype=torch.long)
        return self.store[index.view(-1)].view(len(sents), n, -1), mask
