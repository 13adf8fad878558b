"""Tag documents with a token-classification checkpoint, in overlapping windows.

Works with the shipped MuniTagger (word level, CRF decoding, character features) and
with any Hugging Face token-classification checkpoint whose labels are BIO tags over
PER, ROLE, ORG, LOC, FIG, DATE (``B-PER`` or ``B_PER``), e.g. a ParsBERT fine-tuned with
``pipeline.training.train``-style data. Subword models get the pipeline's words with
``is_split_into_words=True`` and each word takes its first subword's label.

Long articles are cut into windows of ``window`` units (words or subwords) that overlap
by a quarter; every unit is predicted by exactly one window (:mod:`pipeline.tag.windows`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch

from pipeline.document import LABELS, Document, Span
from pipeline.tag.labels import spans_from_bio
from pipeline.tag.windows import split_at_newlines, window_owners


class TaggerError(RuntimeError):
    """The model cannot be loaded or used; the message says how to fix it."""


def normalize_tag(tag: str) -> str | None:
    """``B_PER``/``b-per`` -> ``B-PER``; ``None`` for tags outside our label set."""
    tag = tag.strip().upper().replace("_", "-")
    if tag == "O":
        return "O"
    prefix, _, lab = tag.partition("-")
    if prefix in ("B", "I") and lab in LABELS:
        return f"{prefix}-{lab}"
    return None


@dataclass
class Tagger:
    model: object
    tokenizer: object
    name: str
    window: int
    batch_size: int = 16

    @classmethod
    def load(cls, path_or_name: str | Path, window: int | None = None, threads: int | None = None,
             int8: bool = False) -> "Tagger":
        """Load a checkpoint from a folder (or a name already in the local Hugging Face cache); ``int8``:
        quantize its linear layers at load time (:mod:`pipeline.tag.quantize`).

        A saved MuniTagger folder is read without importing ``transformers`` (:func:`pipeline.tag.net.load_net`,
        same weights and computation, about 4 s less CPU per process), and so is a plain float32
        ``BertForTokenClassification`` folder (:func:`pipeline.tag.bertnet.load_bert`); other checkpoints
        go through ``from_pretrained``."""
        if threads:
            torch.set_num_threads(threads)
        from pipeline.tag.net import load_net

        light = None
        if Path(str(path_or_name)).is_dir():
            from pipeline.tag.bertnet import load_bert

            light = load_net(path_or_name) or load_bert(path_or_name)
        if light is not None:
            model, tokenizer = light
        else:
            model, tokenizer = cls._from_pretrained(path_or_name)
        labels = [normalize_tag(model.config.id2label[i]) for i in range(model.config.num_labels)]
        if not any(lab and lab != "O" for lab in labels):
            raise TaggerError(
                f"model {str(path_or_name)!r} has labels {list(model.config.id2label.values())[:8]}..., none of "
                f"which is a BIO tag over {', '.join(LABELS)}. Fine-tune it on munifacts data first.")
        model.eval()
        if int8:
            from pipeline.tag.quantize import quantize_int8

            model = quantize_int8(model)
        is_word_level = getattr(model.config, "model_type", "") == "munitagger"
        if window is None:
            # never wider than the sequences the model was trained on: later positions are untrained
            trained = getattr(model.config, "max_train_length", None)
            window = (trained or 128) if is_word_level else min(
                trained or 512, getattr(model.config, "max_position_embeddings", 512))
        tagger = cls(model=model, tokenizer=tokenizer, name=str(path_or_name), window=window)
        if not is_word_level:  # room for [CLS]/[SEP]
            tagger.window = max(1, window - sum(len(x) for x in tagger._specials()))
        return tagger

    @staticmethod
    def _from_pretrained(path_or_name: str | Path) -> tuple[object, object]:
        import pipeline.tag.model  # noqa: F401  (registers the munitagger type)
        from transformers import AutoModelForTokenClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # the library does not print; the CLI reports progress
        try:
            model = AutoModelForTokenClassification.from_pretrained(str(path_or_name), local_files_only=True)
            tokenizer = AutoTokenizer.from_pretrained(str(path_or_name), local_files_only=True)
        except (OSError, ValueError) as e:
            raise TaggerError(
                f"cannot load the tagger model {str(path_or_name)!r}: {e}\n"
                "Give --model a folder holding a Hugging Face token-classification checkpoint "
                "(config.json, weights, tokenizer files); nothing is downloaded.") from e
        return model, tokenizer

    @property
    def labels(self) -> list[str]:
        cfg = self.model.config
        return [normalize_tag(cfg.id2label[i]) or "O" for i in range(cfg.num_labels)]

    @property
    def word_level(self) -> bool:
        return getattr(self.model.config, "model_type", "") == "munitagger"

    # ------------------------------------------------------------------ public
    def tag(self, doc: Document) -> Document:
        return self.tag_many([doc])[0]

    def tag_many(self, docs: list[Document]) -> list[Document]:
        """Fill ``doc.entities`` of each document (its ``tokens`` must be set)."""
        jobs = []  # (doc index, unit ids, window start, owned units, unit->word map)
        per_doc = []
        for di, doc in enumerate(docs):
            words = [t.text for t in doc.tokens]
            units, word_of_unit = self._units(words)
            per_doc.append((words, word_of_unit, [None] * len(words)))
            for start, end, owned in window_owners(len(units), self.window):
                jobs.append((di, units[start:end], start, owned))
        for i in range(0, len(jobs), self.batch_size):
            group = jobs[i:i + self.batch_size]
            preds = self._predict([g[1] for g in group], [docs[g[0]] for g in group], [g[2] for g in group])
            for (di, _units, start, owned), labels in zip(group, preds):
                words, word_of_unit, word_tags = per_doc[di]
                for u in owned:
                    w = word_of_unit[u]
                    if w is not None and word_tags[w] is None:  # first subword decides
                        word_tags[w] = labels[u - start]
        for doc, (words, _w, word_tags) in zip(docs, per_doc):
            tags = [t or "O" for t in word_tags]
            doc.entities = [Span(lab, doc.tokens[a].start, doc.tokens[b - 1].end,
                                 doc.text[doc.tokens[a].start:doc.tokens[b - 1].end])
                            for lab, a, b in split_at_newlines(doc, spans_from_bio(tags))]
        return docs

    # ------------------------------------------------------------------ internals
    def _specials(self) -> tuple[list[int], list[int]]:
        """The special ids the tokenizer puts before and after a sequence ([CLS] ... [SEP])."""
        if not hasattr(self, "_special_ids"):
            plain = self.tokenizer(["x"], is_split_into_words=True, add_special_tokens=False)["input_ids"]
            full = self.tokenizer(["x"], is_split_into_words=True, add_special_tokens=True)["input_ids"]
            i = next((k for k in range(len(full) - len(plain) + 1) if full[k:k + len(plain)] == plain), 0)
            self._special_ids = (full[:i], full[i + len(plain):])
        return self._special_ids

    def _units(self, words: list[str]) -> tuple[list, list[int | None]]:
        if self.word_level:
            return list(words), list(range(len(words)))
        if not words:
            return [], []
        enc = self.tokenizer(words, is_split_into_words=True, add_special_tokens=False)
        return enc["input_ids"], enc.word_ids()

    def _predict(self, unit_lists: list[list], docs: list[Document], starts: list[int]) -> list[list[str]]:
        labels = self.labels
        if self.word_level:
            if not any(unit_lists):
                return [[] for _ in unit_lists]
            if not hasattr(self, "_encoder"):
                from pipeline.tag.encode import WordEncoder, WordVectorCache

                cfg = self.model.config
                self._encoder = WordEncoder(self.tokenizer, cfg.char_vocab, cfg.max_word_chars)
                self._vectors = WordVectorCache(self.model, self._encoder) if WordVectorCache.usable(self.model) else None
            if self._vectors is not None:  # the input vectors of words seen before are reused
                from pipeline.tag.net import encode_vectors

                with torch.inference_mode():
                    x, mask = self._vectors.batch([list(words) for words in unit_lists])
                    logits = encode_vectors(self.model, x, mask)
                return [[labels[j] for j in path] for path in self.model.decode(logits, mask)]
            b = self._encoder.batch([{"tokens": list(words)} for words in unit_lists])
            with torch.inference_mode():
                logits = self.model(input_ids=b["input_ids"], attention_mask=b["attention_mask"],
                                    char_ids=b["char_ids"]).logits
            return [[labels[j] for j in path] for path in self.model.decode(logits, b["attention_mask"])]
        tok = self.tokenizer
        prefix, suffix = self._specials()
        seqs = [prefix + list(u) + suffix for u in unit_lists]
        n_special_front = len(prefix)
        n = max(len(s) for s in seqs)
        pad = tok.pad_token_id if tok.pad_token_id is not None else 0
        ids = torch.full((len(seqs), n), pad, dtype=torch.long)
        mask = torch.zeros(len(seqs), n, dtype=torch.long)
        for i, s in enumerate(seqs):
            ids[i, :len(s)] = torch.tensor(s)
            mask[i, :len(s)] = 1
        with torch.inference_mode():
            logits = self.model(input_ids=ids, attention_mask=mask).logits
        best = logits.argmax(-1)
        return [[labels[int(j)] for j in best[i, n_special_front:n_special_front + len(u)]]
                for i, u in enumerate(unit_lists)]
