"""Word-vector sentences: the tagger's tokens, keyed like its vocabulary; short paragraphs dropped."""
from pipeline.training.vectors import sentences_for_vectors


def test_sentences_are_keyed_tagger_tokens():
    paras = ["شهرداري ۱۴۰۲ بودجه را تصويب کرد.", "دو کلمه", "  "]
    out = list(sentences_for_vectors(paras, normalize=lambda s: s))
    assert out == [["شهرداری", "0000", "بودجه", "را", "تصویب", "کرد", "."]]
