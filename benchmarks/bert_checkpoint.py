"""A randomly initialised BERT-base token-classification checkpoint with our labels, built locally.

Speed does not depend on the weights, so a random BERT-base (12 layers x 768, a ParsBERT-sized
vocabulary) measures what a fine-tuned ParsBERT would cost. The WordPiece tokenizer is trained
here on the given texts; nothing is downloaded.

    python benchmarks/bert_checkpoint.py OUT_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path


def build_bert_base(path: Path, texts: list[str]) -> Path:
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    from pipeline.tag.labels import BIO_LABELS

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(vocab_size=3000, special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    tok.train_from_iterator(texts, trainer)
    hf_tok = BertTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                               sep_token="[SEP]", mask_token="[MASK]")
    cfg = BertConfig(vocab_size=100_000, num_labels=len(BIO_LABELS), id2label=dict(enumerate(BIO_LABELS)),
                     label2id={lab: i for i, lab in enumerate(BIO_LABELS)})  # 12 x 768, 3072 FFN: BERT-base
    BertForTokenClassification(cfg).save_pretrained(path)
    hf_tok.save_pretrained(path)
    return path


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _corpus import articles

    print(build_bert_base(Path(sys.argv[1]), [a["text"] for a in articles(200)]))
