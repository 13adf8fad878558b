"""Windowed tagging: no lost or doubled tokens, spans map to text, any checkpoint with our labels."""
import pytest

from pipeline.document import Document
from pipeline.tag.tagger import Tagger, TaggerError, normalize_tag, window_owners
from pipeline.tokenize import tokenize


@pytest.mark.parametrize("n,size", [(0, 8), (1, 8), (8, 8), (9, 8), (100, 8), (1000, 256), (257, 256), (31, 4)])
def test_every_unit_owned_by_exactly_one_window(n, size):
    windows = window_owners(n, size)
    owned = sorted(u for _s, _e, o in windows for u in o)
    assert owned == list(range(n))
    for start, end, units in windows:
        assert end - start <= size
        assert all(start <= u < end for u in units)


def test_owner_is_not_at_a_window_edge_when_avoidable():
    windows = window_owners(100, 20)
    for start, end, units in windows:
        for u in units:
            if start > 0:
                assert u - start >= 2  # an overlapped unit is predicted with left context


@pytest.mark.parametrize("tag,expected", [("B-PER", "B-PER"), ("b_per", "B-PER"), ("I_ROLE", "I-ROLE"), ("O", "O"),
                                          ("B-pers", None), ("B-MISC", None)])
def test_normalize_tag(tag, expected):
    assert normalize_tag(tag) == expected


def _doc(text):
    return tokenize(Document(id="t", raw=text, text=text))


def test_long_document_tagged_in_windows(tiny_model):
    tagger = Tagger.load(tiny_model, window=16)
    text = " ".join(["شهردار تهران گفت که طرح پارک‌ها اجرا می‌شود ."] * 40)
    doc = tagger.tag(_doc(text))
    ends = [0]
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
        assert e.start >= ends[-1]  # flat, ordered, non-overlapping
        ends.append(e.end)


def test_subword_checkpoint_through_same_code_path(tmp_path):
    """A BERT-style checkpoint (random weights) with our labels runs through the tagger."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    from pipeline.tag.labels import BIO_LABELS

    vocab = {t: i for i, t in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "شهر", "##دار", "تهران", "گفت"])}
    tok = Tokenizer(models.WordPiece(vocab=vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    hf_tok = BertTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                               sep_token="[SEP]")
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=16, num_labels=len(BIO_LABELS),
                     id2label={i: t.replace("-", "_") for i, t in enumerate(BIO_LABELS)})
    BertForTokenClassification(cfg).save_pretrained(tmp_path)
    hf_tok.save_pretrained(tmp_path)
    tagger = Tagger.load(tmp_path, window=5)
    doc = tagger.tag(_doc("شهردار تهران گفت شهردار تهران گفت شهردار تهران"))
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)


def test_checkpoint_without_our_labels_is_refused(tmp_path, tiny_model):
    from transformers import AutoTokenizer, BertConfig, BertForTokenClassification

    cfg = BertConfig(vocab_size=10, hidden_size=8, num_hidden_layers=1, num_attention_heads=2, intermediate_size=8,
                     num_labels=2, id2label={0: "NEG", 1: "POS"})
    BertForTokenClassification(cfg).save_pretrained(tmp_path)
    AutoTokenizer.from_pretrained(tiny_model).save_pretrained(tmp_path)
    with pytest.raises(TaggerError, match="BIO"):
        Tagger.load(tmp_path)


def test_missing_model_error_says_how_to_fix(tmp_path):
    with pytest.raises(TaggerError, match="--model"):
        Tagger.load(tmp_path / "nothing-here")


def test_spans_never_cross_a_line_break():
    from pipeline.tag.tagger import _split_at_newlines

    doc = _doc("سازمان همکاری اروپا\nوزیر دارایی")
    assert _split_at_newlines(doc, [("ORG", 0, 5)]) == [("ORG", 0, 3), ("ORG", 3, 5)]
    assert _split_at_newlines(doc, [("ORG", 0, 3)]) == [("ORG", 0, 3)]


def test_evaluate_scores_a_bio_file(tmp_path, tiny_model):
    import json as _json

    from pipeline.training.evaluate import evaluate

    data = tmp_path / "test.jsonl"
    data.write_text(_json.dumps({"tokens": ["شهردار", "تهران", "گفت"], "tags": ["O", "B-LOC", "O"]}) + "\n",
                    encoding="utf-8")
    res = evaluate(str(tiny_model), data)
    assert res["sentences"] == 1 and 0.0 <= res["micro"]["f1-score"] <= 1.0
