"""Tagging documents in windows: every word tagged once, spans on the right words, any checkpoint with our labels."""
import pytest

from pipeline.document import Document
from pipeline.tag.tagger import Tagger, TaggerError, normalize_tag
from pipeline.tokenize import tokenize


@pytest.mark.parametrize("tag,expected", [("B-PER", "B-PER"), ("b_per", "B-PER"), ("I_ROLE", "I-ROLE"), ("O", "O"),
                                          ("B-pers", None), ("B-MISC", None)])
def test_normalize_tag(tag, expected):
    assert normalize_tag(tag) == expected


def _doc(text):
    return tokenize(Document(id="t", raw=text, text=text))


class _MarkTehran(Tagger):
    """The real windowing and span code with a stand-in prediction: B-LOC on «تهران», else O."""

    word_level = True
    labels = ["O", "B-LOC"]

    def __init__(self, window):
        super().__init__(model=None, tokenizer=None, name="stub", window=window, batch_size=3)
        self.windows_seen = []

    def _predict(self, unit_lists, docs, starts):
        self.windows_seen.extend(starts)
        return [["B-LOC" if u == "تهران" else "O" for u in units] for units in unit_lists]


def test_long_document_tagged_in_windows():
    tagger = _MarkTehran(window=16)
    text = " ".join(["شهردار تهران گفت که طرح پارک‌ها اجرا می‌شود ."] * 40)
    doc = tagger.tag(_doc(text))
    assert len(tagger.windows_seen) > 20  # the article really was cut into windows
    expected = [i for i in range(len(text)) if text.startswith("تهران", i)]
    assert [(e.label, e.start, e.text) for e in doc.entities] == [("LOC", i, "تهران") for i in expected]


def test_batches_of_documents_keep_their_own_spans():
    tagger = _MarkTehran(window=4)
    docs = [_doc("از تهران تا قم"), _doc("قم"), _doc("تهران و تهران")]
    tagger.tag_many(docs)
    assert [[e.start for e in d.entities] for d in docs] == [[3], [], [0, 8]]


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
    _always_b_loc(BertForTokenClassification(cfg)).save_pretrained(tmp_path)
    hf_tok.save_pretrained(tmp_path)
    tagger = Tagger.load(tmp_path, window=5)
    text = "شهردار تهران گفت شهردار تهران گفت شهردار تهران"
    doc = tagger.tag(_doc(text))
    # every word is one B-LOC span: «شهردار» (two subwords) takes its first subword's label
    assert [(e.label, e.text) for e in doc.entities] == [("LOC", w) for w in text.split()]
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)


def _always_b_loc(model):
    """A classifier head that predicts B-LOC whatever the input."""
    import torch

    from pipeline.tag.labels import BIO_LABELS

    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-10.0)
        model.classifier.bias[BIO_LABELS.index("B-LOC")] = 10.0
    return model


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
