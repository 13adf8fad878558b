"""Word keys and the word-level Hugging Face tokenizer of the shipped tagger.

The tagger reads words (the pipeline's spaCy tokens). A word's vocabulary key folds
away what does not change its meaning for tagging: Arabic letter forms, digit script
and value (every digit becomes ``0``, so «۱۴۰۱» and «1400» share the key ``0000``),
diacritics and kashida, Latin case. The same folding is built into the saved
tokenizer's normalizer, so ``AutoTokenizer`` gives the same ids as the training code.
"""
from __future__ import annotations

import re

_DIGITS = "0123456789\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", **{d: "0" for d in _DIGITS}})
_DROP = re.compile("[\u064b-\u065f\u0670\u0640]")  # diacritics, superscript alef, kashida

PAD, UNK = "[PAD]", "[UNK]"


def word_key(word: str) -> str:
    return _DROP.sub("", word.translate(_FOLD)).lower()


def build_tokenizer(words: list[str]):
    """A ``PreTrainedTokenizerFast`` over a word vocabulary (``words`` already keyed)."""
    from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocab = {PAD: 0, UNK: 1}
    for w in words:
        vocab.setdefault(w, len(vocab))
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token=UNK))
    steps = [normalizers.Replace(Regex("[\u064b-\u065f\u0670\u0640]"), "")]
    for src, dst in [("ي", "ی"), ("ى", "ی"), ("ك", "ک"), ("ة", "ه"), ("ۀ", "ه"), ("أ", "ا"), ("إ", "ا")]:
        steps.append(normalizers.Replace(src, dst))
    steps += [normalizers.Replace(Regex("[0-9\u06f0-\u06f9\u0660-\u0669]"), "0"), normalizers.Lowercase()]
    tok.normalizer = normalizers.Sequence(steps)
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    return PreTrainedTokenizerFast(tokenizer_object=tok, unk_token=UNK, pad_token=PAD, model_max_length=512)
