"""MuniTagger: a small word-level transformer with character features and a CRF.

Architecture (sized for a 2-core CPU):

* word embeddings (initialised from fastText vectors trained on the raw corpora),
* a character CNN over each word's letters (handles unseen names and affixed forms),
* ``num_layers`` pre-norm transformer encoder layers with learned positions,
* a linear layer giving per-word label scores and a linear-chain CRF on top
  (``decode`` runs Viterbi; plain ``argmax`` over ``logits`` also works).

It is a regular Hugging Face ``PreTrainedModel``: ``save_pretrained`` /
``from_pretrained`` and ``AutoModelForTokenClassification`` work once
``pipeline.tag.model`` is imported (loading a :class:`~pipeline.tag.tagger.Tagger` does it; ``import pipeline`` does not, to stay light). ``char_ids`` is
optional: without it the characters are looked up from the vocabulary (unknown words
then get no character features), so the model also runs behind a generic
token-classification loop. The layers and the forward computation live in :mod:`pipeline.tag.net`,
which the tagger uses to run a saved checkpoint without importing ``transformers``.
"""
from __future__ import annotations

import torch
from torch import nn
from transformers import AutoConfig, AutoModelForTokenClassification, PretrainedConfig, PreTrainedModel
from transformers.modeling_outputs import TokenClassifierOutput

from pipeline.tag.net import CRF, MODEL_TYPE, build_layers, char_ids_for, decode_labels, encode

__all__ = ["CRF", "MODEL_TYPE", "MuniTaggerConfig", "MuniTaggerForTokenClassification", "char_ids_for", "register"]


class MuniTaggerConfig(PretrainedConfig):
    model_type = MODEL_TYPE

    def __init__(self, vocab_size: int = 2, word_dim: int = 128, char_vocab_size: int = 2, char_dim: int = 32,
                 char_filters: int = 64, max_word_chars: int = 20, hidden_size: int = 256, num_layers: int = 3,
                 num_heads: int = 4, ff_size: int = 768, dropout: float = 0.15, max_position_embeddings: int = 512,
                 use_crf: bool = True, char_vocab: str = "", pad_token_id: int = 0, **kwargs):
        super().__init__(pad_token_id=pad_token_id, **kwargs)
        self.vocab_size = vocab_size
        self.word_dim = word_dim
        self.char_vocab_size = char_vocab_size
        self.char_dim = char_dim
        self.char_filters = char_filters
        self.max_word_chars = max_word_chars
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.num_heads = num_heads
        self.ff_size = ff_size
        self.dropout = dropout
        self.max_position_embeddings = max_position_embeddings
        self.use_crf = use_crf
        # the characters the char CNN knows, in id order (ids 0 = pad, 1 = unknown come first)
        self.char_vocab = char_vocab


class MuniTaggerForTokenClassification(PreTrainedModel):
    config_class = MuniTaggerConfig
    base_model_prefix = "munitagger"
    main_input_name = "input_ids"

    def __init__(self, config: MuniTaggerConfig):
        super().__init__(config)
        self.num_labels = config.num_labels
        build_layers(self, config)  # shared with pipeline.tag.net.MuniTaggerNet
        self.post_init()

    def _init_weights(self, module):
        if isinstance(module, (nn.Linear, nn.Conv1d)):
            nn.init.xavier_uniform_(module.weight)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=0.1)
            if module.padding_idx is not None:
                with torch.no_grad():
                    module.weight[module.padding_idx].zero_()

    def encode(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
               char_ids: torch.Tensor | None = None) -> torch.Tensor:
        return encode(self, input_ids, attention_mask, char_ids)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
                char_ids: torch.Tensor | None = None, labels: torch.Tensor | None = None,
                return_dict: bool | None = None, **kwargs) -> TokenClassifierOutput:
        if attention_mask is None:
            attention_mask = (input_ids != self.config.pad_token_id).long()
        logits = self.encode(input_ids, attention_mask, char_ids)
        loss = None
        if labels is not None:
            valid = attention_mask.bool() & (labels >= 0)
            if self.crf is not None:
                loss = self.crf.nll(logits, labels, valid)
            else:
                loss = nn.functional.cross_entropy(logits[valid], labels[valid])
        return TokenClassifierOutput(loss=loss, logits=logits)

    def decode(self, logits: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
        """Best label ids per sequence: Viterbi with the CRF, argmax without."""
        return decode_labels(self, logits, mask)


def register() -> None:
    """Make ``AutoConfig``/``AutoModelForTokenClassification`` know the munitagger type."""
    try:
        AutoConfig.register(MODEL_TYPE, MuniTaggerConfig)
    except ValueError:  # already registered
        pass
    try:
        AutoModelForTokenClassification.register(MuniTaggerConfig, MuniTaggerForTokenClassification)
    except ValueError:
        pass


register()
