"""The one segmentation: tokens, hard line wraps undone once, sentences (texts written for the tests)."""
import pytest

from pipeline.document import Document
from pipeline.tokenize import sentences_of, tokenize, tokens_of, unwrap_lines, words

LONG = "شهردار منطقه چهار روز گذشته در بازدید از پروژه‌های عمرانی محله با اهالی"
# a first sentence wrapped over three lines (a lone wrap after the first line would be read as a headline)
WRAPPED = (f"{LONG}\nگفتگو کرد و قول داد کار ساخت پل عابر پیاده و پارک محله را\n"
           "تا پایان سال تمام کند.\n"
           "معاون او هم گفت: بودجه این طرح از محل درآمدهای پایدار تامین می‌شود.")


@pytest.mark.parametrize("text,expected", [
    ("قیمت ۲/۵ درصد و ۱۲٬۵۰۰ ریال شد.", ["قیمت", "۲/۵", "درصد", "و", "۱۲٬۵۰۰", "ریال", "شد", "."]),
    ("شهرداری‌ها ۲.5 برابر", ["شهرداری‌ها", "۲.5", "برابر"]),
    ("شهرداري ها گفتند", ["شهرداري", "ها", "گفتند"]),  # older orthography: split affix stays split
])
def test_tokens_keep_numbers_and_zwnj_words_whole(text, expected):
    toks = tokens_of(text)
    assert [t.text for t in toks] == expected
    assert all(text[t.start:t.end] == t.text for t in toks)


def test_unwrap_joins_a_mid_sentence_wrap_and_keeps_offsets():
    flat = unwrap_lines(WRAPPED)
    assert len(flat) == len(WRAPPED)
    assert flat[len(LONG)] == " "            # the wrap inside the first sentence
    assert flat.count("\n") == 1             # the line break after a finished sentence stays
    assert flat.index("\n") == WRAPPED.index("کند.") + len("کند.")


def test_sentences_come_from_the_unwrapped_text():
    doc = tokenize(Document(id="t", raw=WRAPPED, text=WRAPPED))
    assert doc.flat == unwrap_lines(WRAPPED)
    assert len(doc.sentences) == 2
    assert doc.sentences[0].start == 0 and doc.sentences[0].end > len(LONG)
    assert [t.text for t in doc.tokens] == [t.text for t in tokens_of(WRAPPED)]


@pytest.mark.parametrize("text,n", [
    ("اول آمد. دوم رفت؟ سوم ماند!", 3),
    ("نرخ ۲.۵ درصد شد. تمام.", 2),              # a decimal point does not end a sentence
    ("او گفت: «کار تمام است.» سپس رفت.", 2),    # closing guillemet stays with its sentence
    ("خط اول\nخط دوم", 2),                      # a short line is never a wrap
])
def test_sentence_splitter(text, n):
    sents = sentences_of(text)
    assert len(sents) == n
    assert all(text[s.start:s.end] == s.text for s in sents)


@pytest.mark.parametrize("text,expected", [
    # (text, kind, key) per token; both orthographies lex alike
    ("۱۲٬۵۰۰ ریال", [("۱۲٬۵۰۰", "num", "12,500"), ("ریال", "word", "ریال")]),
    ("12,500 ريال", [("12,500", "num", "12,500"), ("ريال", "word", "ریال")]),
    ("۲/۵ درصد", [("۲/۵", "num", "2/5"), ("درصد", "word", "درصد")]),
    ("۲٫۵٪", [("۲٫۵", "num", "2.5"), ("٪", "sym", "٪")]),
    ("شهرداری‌ها، گفت", [("شهرداری‌ها", "word", "شهرداریها"), ("،", "sym", "،"), ("گفت", "word", "گفت")]),
    ("شهرداري ها", [("شهرداري", "word", "شهرداری"), ("ها", "word", "ها")]),
    ("۵نفر", [("۵", "num", "5"), ("نفر", "word", "نفر")]),
    ("کاملاً درست", [("کاملاً", "word", "کاملا"), ("درست", "word", "درست")]),  # a final diacritic stays
    ("«هیأت»", [("«", "sym", "«"), ("هیأت", "word", "هیات"), ("»", "sym", "»")]),
])
def test_words_kinds_and_keys(text, expected):
    toks = words(text)
    assert [(w.text, w.kind, w.key) for w in toks] == expected
    assert all(text[w.start:w.end] == w.text for w in toks)
    assert [w.is_word for w in toks] == [k != "sym" for _t, k, _k in expected]


def test_words_skips_whitespace_and_line_breaks():
    assert [w.text for w in words("  اول\n\nدوم\t. ")] == ["اول", "دوم", "."]


def test_words_of_a_long_text_are_lexed_once_and_handed_out_as_fresh_lists():
    from pipeline.tokenize import _words, words

    text = "شهرداري تهران ۱۲٬۵۰۰ نفر را استخدام كرد؛ " * 20  # longer than the cached-text threshold
    first = words(text)
    assert first == _words(text) and len(first) > 100
    first.clear()  # a caller changing its list does not change what the next caller gets
    assert words(text) == _words(text)
