"""Strip HTML tags and decode entities, keeping a map from every output character to the raw input.

Archives scraped from the web often hold ``<p>``, ``<br>``, ``&zwnj;`` or a stray
``</p><script>...</script>``. :func:`strip_html` removes comments, ``script``/``style``
elements and tags (block-level tags become a line break so paragraphs stay apart), and
decodes entities; :class:`OffsetMap` turns offsets in the stripped text back into offsets
in the raw text, so output offsets still point into the input as given.
"""
from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass

_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)"                                   # comment (an unterminated one runs to the end)
    r"|<(script|style)\b[^>]*>.*?</\1\s*>"                  # script/style with its content
    r"|</?([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?/?>"         # a tag with optional attributes
    r"|<![A-Za-z][^<>]*>",                                  # <!DOCTYPE ...>
    re.S | re.I)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")
_ANY = re.compile(_TAG.pattern + "|" + _ENTITY.pattern, re.S | re.I)
_BLOCK = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article blockquote header "
                   "footer hr pre dd dt dl figure figcaption".split())


def looks_like_html(text: str) -> bool:
    return _ANY.search(text) is not None


@dataclass(frozen=True)
class OffsetMap:
    """``starts[i]``/``ends[i]``: the raw ``[start, end)`` that produced stripped character ``i``."""

    starts: array
    ends: array
    raw_len: int

    def start(self, i: int) -> int:
        return self.starts[i] if i < len(self.starts) else self.raw_len

    def end(self, i: int) -> int:
        return self.ends[i - 1] if i > 0 else (self.starts[0] if len(self.starts) else 0)


def strip_html(raw: str) -> tuple[str, OffsetMap]:
    out: list[str] = []
    starts, ends = array("q"), array("q")

    def keep(a: int, b: int) -> None:  # copy raw[a:b] unchanged
        out.append(raw[a:b])
        starts.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))

    def put(s: str, a: int, b: int) -> None:  # s stands for raw[a:b]
        out.append(s)
        starts.extend([a] * len(s))
        ends.extend([b] * len(s))

    pos = 0
    for m in _ANY.finditer(raw):
        a, b = m.span()
        keep(pos, a)
        tok = m.group(0)
        if tok.startswith("&"):
            put(html.unescape(tok), a, b)
        elif (m.group(2) or "").lower() in _BLOCK:
            put("\n", a, b)
        pos = b
    keep(pos, len(raw))
    return "".join(out), OffsetMap(starts, ends, len(raw))
