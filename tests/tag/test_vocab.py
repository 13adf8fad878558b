"""The tagger's vocabulary key and its saved tokenizer agree."""
import pytest

from pipeline.tag.vocab import UNK, build_tokenizer, word_key


@pytest.mark.parametrize("a,b", [("شهرداري", "شهرداری"), ("۱۳۹۹", "1400"), ("كتابـها", "کتابها"), ("ABC", "abc")])
def test_word_key_folds(a, b):
    assert word_key(a) == word_key(b)


def test_tokenizer_normalizes_like_word_key():
    tok = build_tokenizer([word_key(w) for w in ["شهرداری", "1400"]])
    ids = tok(["شهرداري", "۱۳۹۹", "ناشناخته"], is_split_into_words=True, add_special_tokens=False)["input_ids"]
    vocab = tok.get_vocab()
    assert ids == [vocab[word_key("شهرداری")], vocab["0000"], vocab[UNK]]
