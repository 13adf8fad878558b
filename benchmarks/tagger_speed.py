"""Tagger speed on this CPU: the shipped model side by side with a BERT-base-sized model.

Both run through the same code path (``pipeline.tag.tagger.Tagger.tag_many``: windows,
batching, decoding). The BERT-base model has random weights (speed does not depend on
the values) and a WordPiece tokenizer trained here on the same text, so it sees real
Persian subwords. Prints tokens/s in each model's own units (our model reads words,
BERT reads subwords) and words/s for both, which is the comparable number.

    python benchmarks/tagger_speed.py [--model models/munitagger-fa] [--docs N] [--threads 2]

Text: the articles in data/samples, repeated to ``--docs`` documents.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]


def load_docs(n: int):
    from pipeline.document import Document
    from pipeline.inputs import InputItem, iter_inputs
    from pipeline.normalize import normalize
    from pipeline.tokenize import tokenize

    items = [x for x in iter_inputs([str(ROOT / "data" / "samples")]) if isinstance(x, InputItem)]
    docs = []
    for i in range(n):
        item = items[i % len(items)]
        nt = normalize(item.text)
        docs.append(tokenize(Document(id=f"{item.id}-{i}", raw=item.text, text=nt.text, norm=nt)))
    return docs


def bert_base(tmp: Path, docs) -> Path:
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    from pipeline.tag.labels import BIO_LABELS

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(vocab_size=3000, special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    tok.train_from_iterator([d.text for d in docs], trainer)
    hf_tok = BertTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                               sep_token="[SEP]", mask_token="[MASK]")
    cfg = BertConfig(vocab_size=42000, num_labels=len(BIO_LABELS), id2label=dict(enumerate(BIO_LABELS)),
                     label2id={lab: i for i, lab in enumerate(BIO_LABELS)})  # BERT-base: 12 x 768, ParsBERT-sized vocab
    path = tmp / "bert-base-random"
    BertForTokenClassification(cfg).save_pretrained(path)
    hf_tok.save_pretrained(path)
    return path


def measure(tagger, docs) -> dict:
    from copy import deepcopy

    warm = deepcopy(docs[:2])
    tagger.tag_many(warm)
    units = 0
    for d in docs:
        u, _ = tagger._units([t.text for t in d.tokens])
        units += len(u)
    words = sum(len(d.tokens) for d in docs)
    batch = deepcopy(docs)
    t0 = time.perf_counter()
    for i in range(0, len(batch), 16):
        tagger.tag_many(batch[i:i + 16])
    dt = time.perf_counter() - t0
    return {"units": units, "words": words, "seconds": dt, "units_per_s": units / dt, "words_per_s": words / dt}


def main(argv=None) -> None:
    import pipeline.tag.model  # noqa: F401  (registers the munitagger type)
    from pipeline.extract import default_model
    from pipeline.tag.tagger import Tagger

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(default_model()))
    ap.add_argument("--docs", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    docs = load_docs(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        ours = measure(Tagger.load(args.model), docs)
        bert = measure(Tagger.load(bert_base(Path(tmp), docs)), docs)
    print(f"{args.docs} documents, {ours['words']} words, torch threads {args.threads}")
    print(f"{'model':28} {'tokens':>8} {'tokens/s':>10} {'words/s':>10} {'seconds':>8}")
    for name, r in [(Path(args.model).name + " (word tokens)", ours), ("BERT-base random (subwords)", bert)]:
        print(f"{name:28} {r['units']:8d} {r['units_per_s']:10.0f} {r['words_per_s']:10.0f} {r['seconds']:8.2f}")
    print(f"speed-up in words/s: {ours['words_per_s'] / bert['words_per_s']:.1f}x; "
          f"ours tokens/s over BERT tokens/s: {ours['units_per_s'] / bert['units_per_s']:.1f}x")


if __name__ == "__main__":
    main()
