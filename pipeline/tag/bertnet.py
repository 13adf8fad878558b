"""Run a saved BERT token-classification checkpoint without importing ``transformers``.

``transformers`` costs about 4-5 s of CPU to import, in every process that loads a tagger. A
``BertForTokenClassification`` folder (``config.json``, float32 ``model.safetensors``,
``tokenizer.json``) with the plain BERT computation (absolute positions, token type 0, post-norm
layers, exact GELU, no decoder parts) is run here with the same weights and the same arithmetic
(:func:`load_bert` returns ``None`` for anything else, and the tagger falls back to
``from_pretrained``). The tokenizer is the ``tokenizers`` one from ``tokenizer.json``, behind the
small part of the Hugging Face tokenizer interface the tagger uses (``tok(words,
is_split_into_words=True, add_special_tokens=...)`` with ``word_ids()``, ``pad_token_id``).
"""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import torch
import torch.nn.functional as F
from torch import nn

from pipeline.tag.net import read_checkpoint


class _Encoding(dict):
    def __init__(self, enc):
        super().__init__(input_ids=list(enc.ids))
        self._word_ids = list(enc.word_ids)

    def word_ids(self) -> list[int | None]:
        return self._word_ids


class LightTokenizer:
    """``tokenizers.Tokenizer`` with the calls the tagger makes on a Hugging Face fast tokenizer."""

    def __init__(self, folder: Path):
        from tokenizers import Tokenizer

        self.backend = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.backend.no_truncation()
        self.backend.no_padding()
        pad = None
        cfg = folder / "tokenizer_config.json"
        if cfg.is_file():
            pad = json.loads(cfg.read_text(encoding="utf-8")).get("pad_token")
            pad = pad.get("content") if isinstance(pad, dict) else pad
        self.pad_token_id = self.backend.token_to_id(pad) if pad else None

    def __call__(self, words, is_split_into_words: bool = True, add_special_tokens: bool = True) -> _Encoding:
        if not is_split_into_words:
            raise ValueError("LightTokenizer takes words (is_split_into_words=True)")
        return _Encoding(self.backend.encode(list(words), is_pretokenized=True, add_special_tokens=add_special_tokens))


class _Layer(nn.Module):
    def __init__(self, h: int, ff: int, heads: int, eps: float):
        super().__init__()
        self.heads = heads
        self.query, self.key, self.value = nn.Linear(h, h), nn.Linear(h, h), nn.Linear(h, h)
        self.att_out, self.att_norm = nn.Linear(h, h), nn.LayerNorm(h, eps=eps)
        self.ff_in, self.ff_out, self.out_norm = nn.Linear(h, ff), nn.Linear(ff, h), nn.LayerNorm(h, eps=eps)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, n, d = x.shape

        def split(t):
            return t.view(b, n, self.heads, d // self.heads).transpose(1, 2)

        a = F.scaled_dot_product_attention(split(self.query(x)), split(self.key(x)), split(self.value(x)),
                                           attn_mask=mask)
        x = self.att_norm(x + self.att_out(a.transpose(1, 2).reshape(b, n, d)))
        return self.out_norm(x + self.ff_out(F.gelu(self.ff_in(x))))


class LightBert(nn.Module):
    """BERT encoder + token classifier; ``model(input_ids=, attention_mask=).logits`` like the HF model."""

    def __init__(self, data: dict):
        super().__init__()
        h, eps = data["hidden_size"], data.get("layer_norm_eps", 1e-12)
        self.config = SimpleNamespace(**data)
        self.config.id2label = {int(k): v for k, v in data["id2label"].items()}
        self.config.num_labels = len(self.config.id2label)
        self.word = nn.Embedding(data["vocab_size"], h)
        self.position = nn.Embedding(data["max_position_embeddings"], h)
        self.token_type = nn.Embedding(data.get("type_vocab_size", 2), h)
        self.norm = nn.LayerNorm(h, eps=eps)
        self.layers = nn.ModuleList(_Layer(h, data["intermediate_size"], data["num_attention_heads"], eps)
                                    for _ in range(data["num_hidden_layers"]))
        self.classifier = nn.Linear(h, self.config.num_labels)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None) -> SimpleNamespace:
        n = input_ids.shape[1]
        x = self.word(input_ids) + self.position.weight[:n] + self.token_type.weight[0]
        x = self.norm(x)
        mask = None if attention_mask is None else attention_mask.bool()[:, None, None, :]
        for layer in self.layers:
            x = layer(x, mask)
        return SimpleNamespace(logits=self.classifier(x))


# our parameter name -> the Hugging Face BertForTokenClassification name
_LAYER_NAMES = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
                "att_out": "attention.output.dense", "att_norm": "attention.output.LayerNorm",
                "ff_in": "intermediate.dense", "ff_out": "output.dense", "out_norm": "output.LayerNorm"}
_TOP_NAMES = {"word": "bert.embeddings.word_embeddings", "position": "bert.embeddings.position_embeddings",
              "token_type": "bert.embeddings.token_type_embeddings", "norm": "bert.embeddings.LayerNorm",
              "classifier": "classifier"}


def _hf_name(ours: str) -> str:
    parts = ours.split(".")
    if parts[0] == "layers":
        return f"bert.encoder.layer.{parts[1]}.{_LAYER_NAMES[parts[2]]}.{parts[3]}"
    return f"{_TOP_NAMES[parts[0]]}.{parts[1]}"


def usable_config(data: dict) -> bool:
    """A plain BERT token classifier this module computes exactly like ``transformers`` does."""
    return (data.get("model_type") == "bert"
            and "BertForTokenClassification" in (data.get("architectures") or [])
            and bool(data.get("id2label"))
            and data.get("hidden_act", "gelu") == "gelu"
            and data.get("position_embedding_type", "absolute") == "absolute"
            and not data.get("is_decoder") and not data.get("add_cross_attention"))


def load_bert(folder: str | Path) -> tuple[LightBert, LightTokenizer] | None:
    """(model in eval mode, tokenizer) or ``None`` when the folder is not a float32 plain-BERT token
    classifier with ``model.safetensors`` and ``tokenizer.json``."""
    folder = Path(folder)
    read = read_checkpoint(folder, usable_config)
    if read is None:
        return None
    data, state = read
    model = LightBert(data)
    try:
        mine = {k: state[_hf_name(k)] for k in model.state_dict()}
        model.load_state_dict(mine, strict=True)
    except (KeyError, RuntimeError):
        return None
    try:
        tok = LightTokenizer(folder)
    except Exception:  # noqa: BLE001  (a tokenizer file the tokenizers library cannot read)
        return None
    return model.eval(), tok
