"""Word tokens and sentences with character offsets, from spaCy's Persian tokenizer.

spaCy's ``fa`` tokenizer keeps ZWNJ words together («شهرداری‌ها»); we add one rule so
that decimal and grouped numbers («۲/۵», «۱۲٬۵۰۰», «2.5») stay one token. Sentences end
at «. ! ? ؟» (not inside numbers) and at line breaks: news paragraphs never continue a
sentence across a newline.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.document import Document, Sentence, Token

_DIGIT = "0-9\u06f0-\u06f9\u0660-\u0669"
_NUMBER = re.compile(rf"^[{_DIGIT}]+(?:[/.,\u066b\u066c][{_DIGIT}]+)+[%٪]?$")
# a sentence ends after . ! ? ؟ … (optionally followed by closing quotes/brackets) + space, or at a newline
_SENT_END = re.compile(r"(?<=[.!?؟…])[»\"')\]]*(?=\s)|\n+")


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    nlp = spacy.blank("fa")
    nlp.tokenizer.token_match = _NUMBER.match
    return nlp


def tokens_of(text: str) -> list[Token]:
    """Tokens of ``text`` with character offsets; whitespace is never a token."""
    doc = _nlp().make_doc(text)
    return [Token(t.idx, t.idx + len(t.text), t.text) for t in doc if not t.is_space]


def sentences_of(text: str) -> list[Sentence]:
    """Sentence spans of ``text`` (stripped of surrounding whitespace)."""
    out: list[Sentence] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        end = m.end() if m.group(0).strip() else m.start()
        _add_sentence(text, pos, end, out)
        pos = m.end()
    _add_sentence(text, pos, len(text), out)
    return out


def _add_sentence(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def tokenize(doc: Document) -> Document:
    """Fill ``doc.tokens`` and ``doc.sentences`` from ``doc.text``."""
    doc.tokens = tokens_of(doc.text)
    doc.sentences = sentences_of(doc.text)
    return doc
