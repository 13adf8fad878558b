"""Dynamic int8 quantization of a loaded tagger (``Tagger.load(..., int8=True)``, ``--int8``).

Weights of the linear layers are stored as int8 and activations quantized per batch at run time
(``torch.ao.quantization.quantize_dynamic``); nothing is retrained and any checkpoint works.

For the MuniTagger, the encoder layers are rebuilt first: torch's fused ``TransformerEncoderLayer``
keeps the attention projections as bare parameters (not ``nn.Linear``, so they would stay float) and
its fast path cannot run quantized layers at all. :class:`Int8EncoderLayer` is the same pre-norm
layer (attention, exact GELU feed-forward) written with four ``nn.Linear`` projections, which are
then quantized together with the input projection and the classifier. Other checkpoints (BERT-like)
already use ``nn.Linear`` everywhere and are quantized as they are.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


def _linear(weight: torch.Tensor, bias: torch.Tensor | None) -> nn.Linear:
    lin = nn.Linear(weight.shape[1], weight.shape[0], bias=bias is not None)
    with torch.no_grad():
        lin.weight.copy_(weight)
        if bias is not None:
            lin.bias.copy_(bias)
    return lin


class Int8EncoderLayer(nn.Module):
    """A ``norm_first`` ``nn.TransformerEncoderLayer`` (batch first, GELU) with ``nn.Linear`` projections."""

    def __init__(self, layer: nn.TransformerEncoderLayer):
        super().__init__()
        att = layer.self_attn
        if not (layer.norm_first and att.batch_first and att._qkv_same_embed_dim):
            raise ValueError("only pre-norm, batch-first encoder layers can be rebuilt for int8; "
                             "run this checkpoint without --int8 (Extractor(int8=False))")
        act = getattr(layer, "activation", None)
        if not (act is F.gelu or isinstance(act, nn.GELU) and act.approximate == "none"):
            raise ValueError(f"only GELU encoder layers can be rebuilt for int8 (this one uses {act!r}); "
                             "run this checkpoint without --int8 (Extractor(int8=False))")
        self.heads = att.num_heads
        self.norm1, self.norm2 = layer.norm1, layer.norm2
        self.qkv = _linear(att.in_proj_weight, att.in_proj_bias)
        self.out = _linear(att.out_proj.weight, att.out_proj.bias)
        self.linear1, self.linear2 = layer.linear1, layer.linear2

    def forward(self, x: torch.Tensor, padding: torch.Tensor | None = None) -> torch.Tensor:
        b, n, d = x.shape
        q, k, v = self.qkv(self.norm1(x)).view(b, n, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        mask = None if padding is None else ~padding[:, None, None, :]
        a = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        x = x + self.out(a.transpose(1, 2).reshape(b, n, d))
        return x + self.linear2(F.gelu(self.linear1(self.norm2(x))))


class Int8Encoder(nn.Module):
    """Stands in for ``nn.TransformerEncoder`` (same call: ``encoder(x, src_key_padding_mask=...)``)."""

    def __init__(self, encoder: nn.TransformerEncoder):
        super().__init__()
        if encoder.norm is not None:
            raise ValueError("an encoder with a final norm cannot be rebuilt for int8; "
                             "run this checkpoint without --int8 (Extractor(int8=False))")
        self.layers = nn.ModuleList(Int8EncoderLayer(layer) for layer in encoder.layers)

    def forward(self, x: torch.Tensor, mask=None, src_key_padding_mask: torch.Tensor | None = None,
                is_causal=None) -> torch.Tensor:
        padding = None if src_key_padding_mask is None else src_key_padding_mask.bool()
        for layer in self.layers:
            x = layer(x, padding)
        return x


def quantize_int8(model: nn.Module) -> nn.Module:
    """``model`` with int8 linear layers (per-output-channel weight scales); eval mode, in place."""
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    model.eval()
    if isinstance(getattr(model, "encoder", None), nn.TransformerEncoder):
        model.encoder = Int8Encoder(model.encoder)
    import warnings

    with warnings.catch_warnings():  # torch announces the move of this API to torchao; it still works
        warnings.filterwarnings("ignore", message=r"torch\.ao\.quantization is deprecated")
        warnings.filterwarnings("ignore", message=r"torch\.quantize_per_tensor.*deprecated")
        return quantize_dynamic(model, {nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8, inplace=True)
