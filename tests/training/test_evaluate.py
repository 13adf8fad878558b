"""Scoring a checkpoint on a BIO file: strict span matching over the labels the file uses."""
import json

import pytest


def _b_loc_checkpoint(path):
    """A BERT-style checkpoint (random encoder) whose head predicts B-LOC for every word."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    from pipeline.tag.labels import BIO_LABELS

    vocab = {t: i for i, t in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "شهردار", "تهران", "گفت"])}
    tok = Tokenizer(models.WordPiece(vocab=vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    hf_tok = BertTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                               sep_token="[SEP]")
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=16, num_labels=len(BIO_LABELS), id2label=dict(enumerate(BIO_LABELS)))
    model = BertForTokenClassification(cfg)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-10.0)
        model.classifier.bias[BIO_LABELS.index("B-LOC")] = 10.0
    model.save_pretrained(path)
    hf_tok.save_pretrained(path)
    return path


def test_evaluate_scores_strict_spans(tmp_path):
    from pipeline.training.evaluate import evaluate

    data = tmp_path / "test.jsonl"
    rows = [{"tokens": ["شهردار", "تهران", "گفت"], "tags": ["O", "B-LOC", "O"]},
            {"tokens": ["تهران", "تهران"], "tags": ["B-LOC", "I-LOC"]}]
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    res = evaluate(str(_b_loc_checkpoint(tmp_path / "m")), data)
    # predicted: five one-word LOC spans; gold: «تهران» and «تهران تهران» -> one exact match
    assert res["sentences"] == 2
    assert res["micro"]["precision"] == pytest.approx(1 / 5, abs=1e-4)
    assert res["micro"]["recall"] == pytest.approx(1 / 2, abs=1e-4)
    assert res["LOC"]["f1-score"] == pytest.approx(2 / 7, abs=1e-4)
    assert "PER" not in res  # labels absent from the file are not scored


def test_bio_of_maps_entities_back_to_token_tags():
    from pipeline.document import Span
    from pipeline.training.evaluate import bio_of, sentence_docs

    doc = sentence_docs([{"tokens": ["شهردار", "تهران", "گفت"], "tags": ["O", "O", "O"]}])[0]
    start = doc.text.index("تهران")
    doc.entities = [Span("LOC", start, start + len("تهران"), "تهران"), Span("PER", 0, 3, "شهر")]  # 2nd: not on tokens
    assert bio_of(doc) == ["O", "B-LOC", "O"]
