"""The MuniTagger network in plain torch, and loading a saved checkpoint without ``transformers``.

:class:`~pipeline.tag.model.MuniTaggerForTokenClassification` (the Hugging Face class used for
training and ``save_pretrained``) and :class:`MuniTaggerNet` (what the tagger runs) build the same
layers with :func:`build_layers` and compute the same :func:`encode`, so a checkpoint gives
identical logits in both. Importing ``transformers`` costs about 4 s of CPU per process, more than
everything else the tagger loads; :func:`load_net` reads ``config.json``, ``model.safetensors``
and ``tokenizer.json`` directly and returns ``None`` for anything it does not recognise (the
caller then uses ``from_pretrained``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import torch
from torch import nn

MODEL_TYPE = "munitagger"

#: the defaults of :class:`~pipeline.tag.model.MuniTaggerConfig` (a test keeps them in step)
CONFIG_DEFAULTS = dict(vocab_size=2, word_dim=128, char_vocab_size=2, char_dim=32, char_filters=64,
                       max_word_chars=20, hidden_size=256, num_layers=3, num_heads=4, ff_size=768, dropout=0.15,
                       max_position_embeddings=512, use_crf=True, char_vocab="", pad_token_id=0)


@lru_cache(maxsize=8)
def _char_index(char_vocab: str) -> dict[str, int]:
    return {c: i + 2 for i, c in enumerate(char_vocab)}


def char_ids_for(words: list[str], char_vocab: str, max_chars: int) -> list[list[int]]:
    """Character ids of each word (0 = padding, 1 = unknown character)."""
    index = _char_index(char_vocab)
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


def build_layers(module: nn.Module, config) -> None:
    """The layers of a MuniTagger, as attributes of ``module`` (the checkpoint's parameter names)."""
    module.word_emb = nn.Embedding(config.vocab_size, config.word_dim, padding_idx=0)
    module.char_emb = nn.Embedding(config.char_vocab_size, config.char_dim, padding_idx=0)
    module.char_convs = nn.ModuleList(
        nn.Conv1d(config.char_dim, config.char_filters, k, padding=k // 2) for k in (2, 3, 4))
    module.proj = nn.Linear(config.word_dim + 3 * config.char_filters, config.hidden_size)
    module.pos_emb = nn.Embedding(config.max_position_embeddings, config.hidden_size)
    layer = nn.TransformerEncoderLayer(config.hidden_size, config.num_heads, config.ff_size, config.dropout,
                                       activation="gelu", batch_first=True, norm_first=True)
    module.encoder = nn.TransformerEncoder(layer, config.num_layers, enable_nested_tensor=False)
    module.norm = nn.LayerNorm(config.hidden_size)
    module.dropout = nn.Dropout(config.dropout)
    module.classifier = nn.Linear(config.hidden_size, config.num_labels)
    module.crf = CRF(config.num_labels) if config.use_crf else None
    # characters of every vocabulary word, used when the caller gives no char_ids
    module.register_buffer("vocab_chars", torch.zeros(config.vocab_size, config.max_word_chars, dtype=torch.int16),
                           persistent=True)


def char_features(module: nn.Module, rows: torch.Tensor) -> torch.Tensor:
    """Character-CNN features (rows, 3 * char_filters) of character-id rows (rows, max_word_chars)."""
    ch = module.char_emb(rows).transpose(1, 2)  # (rows, char_dim, chars)
    return torch.cat([conv(ch).max(dim=2).values for conv in module.char_convs], dim=1)


def encode(module: nn.Module, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
           char_ids: torch.Tensor | None = None, distinct_words: bool | None = None) -> torch.Tensor:
    """Label scores (batch, words, labels) of a module built by :func:`build_layers`.

    ``distinct_words`` (default: when gradients are off): the character CNN runs once per distinct
    character row of the batch (a news batch repeats most words, and padding is one row) and the
    features are gathered back; each row is computed on its own, so the scores are the same."""
    config = module.config
    if attention_mask is None:
        attention_mask = (input_ids != config.pad_token_id).long()
    if char_ids is None:
        char_ids = module.vocab_chars[input_ids].long()
    b, n, c = char_ids.shape
    rows = char_ids.view(b * n, c)
    if distinct_words is None:
        distinct_words = not torch.is_grad_enabled()
    if distinct_words and b * n > 1:
        distinct, where = torch.unique(rows, dim=0, return_inverse=True)
        ch = char_features(module, distinct)[where].view(b, n, -1)
    else:
        ch = char_features(module, rows).view(b, n, -1)
    x = torch.cat([module.word_emb(input_ids), ch], dim=-1)
    return encode_vectors(module, module.proj(module.dropout(x)), attention_mask)


def word_vectors(module: nn.Module, word_ids: torch.Tensor, char_rows: torch.Tensor) -> torch.Tensor:
    """The projected input vector (rows, hidden) of each word: its embedding and character features
    through ``proj``, as :func:`encode` computes them before positions are added. Each row depends on
    its word alone, so a tagger may compute a word once and reuse the row (same values)."""
    x = torch.cat([module.word_emb(word_ids), char_features(module, char_rows)], dim=-1)
    return module.proj(module.dropout(x))


def encode_vectors(module: nn.Module, x: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    """Label scores from projected word vectors ``x`` (batch, words, hidden): positions, the encoder
    layers, the classifier. At inference a batch without padding (full windows) goes without a
    padding mask, which lets torch use its fused attention: about 10% less encoder CPU, scores within
    3e-5 of the masked kernel's (tags were identical on 380 news articles). The ``--int8`` encoder
    always gets the mask (its scores stay as measured)."""
    n = x.shape[1]
    positions = torch.arange(n, device=x.device).clamp(max=module.config.max_position_embeddings - 1)
    x = x + module.pos_emb(positions).unsqueeze(0)
    fused = type(module.encoder) is nn.TransformerEncoder and not torch.is_grad_enabled()  # not the int8 encoder
    padding = None if fused and bool(attention_mask.all()) else attention_mask == 0
    x = module.encoder(x, src_key_padding_mask=padding)
    return module.classifier(module.dropout(module.norm(x)))


class NetConfig:
    """The fields of a MuniTagger ``config.json`` as attributes (defaults as in ``MuniTaggerConfig``)."""

    def __init__(self, data: dict):
        self.__dict__.update(CONFIG_DEFAULTS)
        self.__dict__.update(data)
        self.id2label = {int(k): v for k, v in data.get("id2label", {}).items()}
        self.label2id = dict(data.get("label2id", {}))
        self.num_labels = len(self.id2label)


@dataclass
class NetOutput:
    logits: torch.Tensor
    loss: torch.Tensor | None = None


class MuniTaggerNet(nn.Module):
    """Inference-only MuniTagger (the tagger's call: ``model(input_ids=, attention_mask=, char_ids=).logits``)."""

    def __init__(self, config: NetConfig):
        super().__init__()
        self.config = config
        build_layers(self, config)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
                char_ids: torch.Tensor | None = None, **kwargs) -> NetOutput:
        return NetOutput(logits=encode(self, input_ids, attention_mask, char_ids))

    def decode(self, logits: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
        return decode_labels(self, logits, mask)


@torch.no_grad()
def decode_labels(model: nn.Module, logits: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
    """Best label ids per sequence: Viterbi with the model's CRF, argmax without (both tagger classes)."""
    if model.crf is not None:
        return model.crf.decode(logits, mask)
    preds = logits.argmax(-1)
    return [preds[i][mask[i].bool()].tolist() for i in range(len(preds))]


class Vocabulary:
    """What the tagger needs of a word-level tokenizer: ``get_vocab()`` (from ``tokenizer.json``)."""

    def __init__(self, path: Path):
        from tokenizers import Tokenizer

        self._vocab = Tokenizer.from_file(str(path)).get_vocab(with_added_tokens=True)

    def get_vocab(self) -> dict[str, int]:
        return dict(self._vocab)


def read_checkpoint(folder: str | Path, accept) -> tuple[dict, dict] | None:
    """``(config, state dict)`` of a checkpoint folder with ``config.json``, float32 ``model.safetensors``
    and ``tokenizer.json`` whose config ``accept(config)`` takes; ``None`` for anything else (other dtypes:
    let ``from_pretrained`` decide what to do with them). Shared by the loaders that run without
    ``transformers`` (:func:`load_net`, :func:`pipeline.tag.bertnet.load_bert`)."""
    folder = Path(folder)
    cfg_path, weights = folder / "config.json", folder / "model.safetensors"
    if not (cfg_path.is_file() and weights.is_file() and (folder / "tokenizer.json").is_file()):
        return None
    try:
        data = json.loads(cfg_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not accept(data):
        return None
    from safetensors.torch import load_file

    state = load_file(str(weights))
    if any(t.is_floating_point() and t.dtype != torch.float32 for t in state.values()):
        return None
    return data, state


def load_net(folder: str | Path) -> tuple[MuniTaggerNet, Vocabulary] | None:
    """A MuniTagger checkpoint folder as (model in eval mode, vocabulary); ``None`` when the folder is not
    a float32 ``munitagger`` checkpoint with ``model.safetensors`` and ``tokenizer.json``."""
    read = read_checkpoint(folder, lambda d: d.get("model_type") == MODEL_TYPE and bool(d.get("id2label")))
    if read is None:
        return None
    data, state = read
    model = MuniTaggerNet(NetConfig(data))
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError:
        return None
    return model.eval(), Vocabulary(Path(folder) / "tokenizer.json")
