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
token-classification loop.
"""
from __future__ import annotations

import torch
from torch import nn
from transformers import AutoConfig, AutoModelForTokenClassification, PretrainedConfig, PreTrainedModel
from transformers.modeling_outputs import TokenClassifierOutput

MODEL_TYPE = "munitagger"


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


def char_ids_for(words: list[str], char_vocab: str, max_chars: int) -> list[list[int]]:
    """Character ids of each word (0 = padding, 1 = unknown character)."""
    index = {c: i + 2 for i, c in enumerate(char_vocab)}
    out = []
    for w in words:
        ids = [index.get(c, 1) for c in w[:max_chars]]
        out.append(ids + [0] * (max_chars - len(ids)))
    return out


class CRF(nn.Module):
    """Linear-chain CRF (batch first) with masked forward algorithm and Viterbi decoding."""

    def __init__(self, num_tags: int):
        super().__init__()
        self.start = nn.Parameter(torch.zeros(num_tags))
        self.end = nn.Parameter(torch.zeros(num_tags))
        self.trans = nn.Parameter(torch.zeros(num_tags, num_tags))  # trans[i, j]: score of i -> j

    def nll(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean negative log-likelihood; ``mask`` must be left-aligned (no holes)."""
        mask = mask.bool()
        b, n, _ = emissions.shape
        tags = tags.clamp(min=0)
        idx = torch.arange(b, device=emissions.device)
        score = self.start[tags[:, 0]] + emissions[idx, 0, tags[:, 0]]
        for t in range(1, n):
            step = self.trans[tags[:, t - 1], tags[:, t]] + emissions[idx, t, tags[:, t]]
            score = score + step * mask[:, t]
        last = mask.long().sum(1) - 1
        score = score + self.end[tags[idx, last]]
        alpha = self.start + emissions[:, 0]
        for t in range(1, n):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans + emissions[:, t].unsqueeze(1), dim=1)
            alpha = torch.where(mask[:, t].unsqueeze(1), nxt, alpha)
        log_z = torch.logsumexp(alpha + self.end, dim=1)
        return (log_z - score).mean()

    def decode(self, emissions: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
        """Viterbi paths. In numpy: the same float32 sums and first-maximum ties as the torch
        formulation, without a tensor operation per step and per back-pointer."""
        import numpy as np

        em = emissions.detach().to(torch.float32).cpu().numpy()
        m = mask.detach().bool().cpu().numpy()
        trans = self.trans.detach().to(torch.float32).cpu().numpy()
        b, n, k = em.shape
        score = self.start.detach().to(torch.float32).cpu().numpy() + em[:, 0]
        history = np.empty((max(0, n - 1), b, k), dtype=np.int64)
        for t in range(1, n):
            cand = score[:, :, None] + trans  # (b, from, to)
            idx = cand.argmax(axis=1)
            history[t - 1] = idx
            best = np.take_along_axis(cand, idx[:, None, :], axis=1)[:, 0, :]
            score = np.where(m[:, t, None], best + em[:, t], score)
        score = score + self.end.detach().to(torch.float32).cpu().numpy()
        lengths = m.sum(axis=1)
        out = []
        for i in range(b):
            length = int(lengths[i])
            if length == 0:
                out.append([])
                continue
            best_tag = int(score[i].argmax())
            path = [best_tag]
            hist = history[:length - 1, i]
            for t in range(length - 2, -1, -1):
                best_tag = int(hist[t, best_tag])
                path.append(best_tag)
            out.append(path[::-1])
        return out


class MuniTaggerForTokenClassification(PreTrainedModel):
    config_class = MuniTaggerConfig
    base_model_prefix = "munitagger"
    main_input_name = "input_ids"

    def __init__(self, config: MuniTaggerConfig):
        super().__init__(config)
        self.num_labels = config.num_labels
        self.word_emb = nn.Embedding(config.vocab_size, config.word_dim, padding_idx=0)
        self.char_emb = nn.Embedding(config.char_vocab_size, config.char_dim, padding_idx=0)
        self.char_convs = nn.ModuleList(
            nn.Conv1d(config.char_dim, config.char_filters, k, padding=k // 2) for k in (2, 3, 4))
        self.proj = nn.Linear(config.word_dim + 3 * config.char_filters, config.hidden_size)
        self.pos_emb = nn.Embedding(config.max_position_embeddings, config.hidden_size)
        layer = nn.TransformerEncoderLayer(config.hidden_size, config.num_heads, config.ff_size, config.dropout,
                                           activation="gelu", batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, config.num_layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(config.hidden_size)
        self.dropout = nn.Dropout(config.dropout)
        self.classifier = nn.Linear(config.hidden_size, config.num_labels)
        self.crf = CRF(config.num_labels) if config.use_crf else None
        # characters of every vocabulary word, used when the caller gives no char_ids
        self.register_buffer("vocab_chars", torch.zeros(config.vocab_size, config.max_word_chars, dtype=torch.int16),
                             persistent=True)
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
        if attention_mask is None:
            attention_mask = (input_ids != self.config.pad_token_id).long()
        if char_ids is None:
            char_ids = self.vocab_chars[input_ids].long()
        b, n, c = char_ids.shape
        ch = self.char_emb(char_ids.view(b * n, c)).transpose(1, 2)  # (b*n, char_dim, c)
        ch = torch.cat([conv(ch).max(dim=2).values for conv in self.char_convs], dim=1).view(b, n, -1)
        x = torch.cat([self.word_emb(input_ids), ch], dim=-1)
        x = self.proj(self.dropout(x))
        positions = torch.arange(n, device=input_ids.device).clamp(max=self.config.max_position_embeddings - 1)
        x = x + self.pos_emb(positions).unsqueeze(0)
        x = self.encoder(x, src_key_padding_mask=attention_mask == 0)
        return self.classifier(self.dropout(self.norm(x)))

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

    @torch.no_grad()
    def decode(self, logits: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
        """Best label ids per sequence: Viterbi with the CRF, argmax without."""
        if self.crf is not None:
            return self.crf.decode(logits, mask)
        preds = logits.argmax(-1)
        return [preds[i][mask[i].bool()].tolist() for i in range(len(preds))]


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
