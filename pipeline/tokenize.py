"""The one segmentation: word tokens and sentences with character offsets, line wraps handled once.

* :func:`words` - THE word tokenizer: ``words(text) -> list[Word]`` (numbers, words, single
  symbols, each with its kind and :func:`pipeline.textkey.key`). Every rule module reads it: the
  rule entity finders (:mod:`pipeline.tag.rules`), the Persian number, figure and date finders
  (:mod:`pipeline.persian`) and the record rules;
* :func:`tokens_of` - the tagger's tokens (spaCy's Persian tokenizer, loaded on first use): the
  shipped model was trained and measured on these, so ``doc.tokens`` stays spaCy's;
* :func:`unwrap_lines` - hard line wraps of older sources turned into spaces (same length);
* :func:`sentences_of` - THE sentence splitter;
* :func:`tokenize` - the ``tokenize`` stage: ``doc.tokens`` from ``doc.text``, ``doc.flat`` and
  ``doc.sentences`` from the unwrapped text, so every stage sees the same sentences.

spaCy's ``fa`` tokenizer keeps ZWNJ words together («شهرداری‌ها»); we add one rule so
that decimal and grouped numbers («۲/۵», «۱۲٬۵۰۰», «2.5») stay one token. Sentences end
at «. ! ? ؟» (not inside numbers) and at line breaks: news paragraphs never continue a
sentence across a newline.
"""
from __future__ import annotations

import re
from functools import lru_cache

from dataclasses import dataclass

from pipeline.document import Document, Sentence, Token
from pipeline.textkey import LETTER, fold, key

_DIGIT = "0-9\u06f0-\u06f9\u0660-\u0669"
_NUMBER = re.compile(rf"^[{_DIGIT}]+(?:[/.,\u066b\u066c][{_DIGIT}]+)+[%٪]?$")
# a sentence ends after . ! ? ؟ … (optionally followed by closing quotes/brackets) + space, or at a newline
_SENT_END = re.compile(r"(?<=[.!?؟…])[»\"')\]]*(?=\s)|\n+")


@dataclass(frozen=True)
class Word:
    """A token of :func:`words`: ``text == source[start:end]``.

    ``kind`` is ``"num"`` (a digit run in any script, with grouping/decimal marks: «۱۲٬۵۰۰»,
    «۲/۵»), ``"word"`` (letters joined by ZWNJ or diacritics: «شهرداری‌ها») or ``"sym"`` (one
    other non-space character). ``key`` is :func:`pipeline.textkey.key` of a word, and the folded
    text (ASCII digits, «٫» -> «.») of a number or symbol.
    """

    start: int
    end: int
    text: str
    kind: str
    key: str

    @property
    def is_word(self) -> bool:
        """A word or a number (not a symbol)."""
        return self.kind != "sym"


# on the folded text (same length): digits are ASCII, «٫٬» are «.,», diacritics and tatweel are ZWNJ,
# so a word is letters joined (and ended) by ZWNJ/diacritics: «کاملاً», «شهرداری‌ها»
_WORDS_RE = re.compile(
    r"(?P<num>\d{1,3}(?:،\d{3})+(?!\d)|\d+(?:[.,/]\d+)*)"  # «۱،۲۳۴،۵۶۷»: an Arabic comma between 3-digit groups
    rf"|(?P<word>{LETTER}(?:\u200c*{LETTER})*\u200c*)"
    r"|(?P<sym>\S)"
)


def words(text: str) -> list[Word]:
    """THE word tokenizer: numbers, words and single symbols of ``text``, with offsets.

    Works on :func:`pipeline.textkey.fold` of ``text`` (same length), so both orthographies
    (ي/ك, Persian/Arabic/ASCII digits) lex alike. Whitespace is never a token; a ZWNJ or a
    diacritic joins letters into one word («شهرداری‌ها»), while a space splits («شهرداري ها» is
    two words: :func:`pipeline.textkey.key` joins them where a lookup needs it). Letters and
    digits written together are two tokens («۵نفر» -> «۵», «نفر»). Pure Python, no model:
    ``words("۲/۵ میلیارد")`` -> ``[Word(0, 3, "۲/۵", "num", "2/5"), Word(4, 11, "میلیارد", "word", ...)]``.
    """
    if len(text) > 200:  # a whole article is read by several finders: lexed once
        return list(_article_words(text))
    return _words(text)


# an article is lexed by the figure finder before the tagger and by the rule finders after it, with
# the rest of its batch (16 articles by default) in between: keep more than a batch
@lru_cache(maxsize=40)
def _article_words(text: str) -> tuple[Word, ...]:
    return tuple(_words(text))


def _words(text: str) -> list[Word]:
    folded = fold(text)
    out = []
    for m in _WORDS_RE.finditer(folded):
        kind = m.lastgroup or "sym"
        s, e = m.start(), m.end()
        out.append(Word(s, e, text[s:e], kind, key(m.group(0)) if kind == "word" else m.group(0)))
    return out


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    nlp = spacy.blank("fa")
    nlp.tokenizer.token_match = _NUMBER.match
    return nlp


def tokens_of(text: str) -> list[Token]:
    """The tagger's tokens of ``text`` (spaCy ``fa``), with character offsets; whitespace is never a token.

    Kept apart from :func:`words` only because the shipped model was trained and measured on
    these tokens (spaCy also splits some clitics: «امیدواریم» -> «امیدوار», «یم»); rule modules
    use :func:`words`.
    """
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


#: a line that ends with one of these (after trailing spaces) ends its sentence
_LINE_TERMINAL = ".!?؟…:؛»\"')]*"
#: a next line that starts a list item / hashtag / bullet is never a continuation
_CONTINUES = re.compile(r"[\s\u200c]*(?:و|که|تا|اما|ولی|یا)[\s\u200c]")
_ITEM_START = re.compile(r"[\s\u200c]*(?:[#•*\-–—]|[0-9\u06f0-\u06f9]+[-.)]\s)")


def unwrap_lines(text: str) -> str:
    """``text`` with hard line wraps (a newline in the middle of a sentence) turned into spaces.

    Same length as ``text``, so every offset stays valid. Older sources wrap lines at a fixed
    width («... با رضا امینی شهردار\\nمنطقه ۴ ...»); the record rules treat a newline as a
    sentence end. A newline (or a blank line) is a wrap when the line before it is long for
    this text (at least 60% of its longest line, and 40+ characters) and does not end with
    sentence punctuation or a finite verb, and the next line is not a list item. A single candidate that is
    the first line is taken as a headline and kept.
    """
    if "\n" not in text:
        return text
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    width = max((len(text[a:b].strip()) for a, b in lines), default=0)
    cands: list[tuple[int, int]] = []  # (newline run start, end)
    for idx, (a, b) in enumerate(lines[:-1]):
        line = text[a:b].strip()
        na = lines[idx + 1][0]
        gap = text[b:na]
        if gap.count("\n") > 2 or gap.strip(" \t\u200c\n"):
            continue
        if len(line) < max(40, 0.6 * width) or line[-1] in _LINE_TERMINAL or _ITEM_START.match(text, na):
            continue
        # a line that ends with a finite verb ends its sentence, unless the next line goes on with a conjunction
        if _ends_with_verb(line) and not _CONTINUES.match(text, na):
            continue
        cands.append((b, na))
    if not cands or (len(cands) == 1 and cands[0][0] == lines[0][1]):
        return text
    out = list(text)
    for a, b in cands:
        for k in range(a, b):
            if out[k] == "\n":
                out[k] = " "
    return "".join(out)


def _ends_with_verb(line: str) -> bool:
    from pipeline.records.textutil import ends_with_verb  # the finite-verb lexicon lives with the clause rules

    return ends_with_verb(line)


def tokenize(doc: Document) -> Document:
    """Fill ``doc.tokens`` (from ``doc.text``), ``doc.flat`` (:func:`unwrap_lines`) and ``doc.sentences``
    (from ``doc.flat``: a hard-wrapped sentence is one sentence)."""
    doc.tokens = tokens_of(doc.text)
    doc.flat = unwrap_lines(doc.text)
    doc.sentences = sentences_of(doc.flat)
    return doc
