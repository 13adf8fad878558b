"""Helpers shared by the normalization tests."""

import re

import pytest

from pipeline.normalize import rules

_DROP = re.compile("[\\s\u200c\u200b\u200d\u200e\u200f\u061c\ufeff\u00ad\u0640\u064b-\u0652\u0653-\u065f\u0670]")
_DECORATIVE = re.compile(rules.DECORATIVE)
_STYLE = str.maketrans({"«": '"', "»": '"', "٫": ".", "٪": "%", "…": "."})


def canonical(s: str) -> str:
    """What must agree between a normalized span and its raw source:
    letters after Arabic->Persian mapping, ASCII digits, no spaces/ZWNJ/marks
    and no decorative symbols (the normalizer turns a run of them into one «•»)."""
    s = s.translate(rules.CHAR_MAP).translate(rules.DIGITS_TO_ASCII).translate(_STYLE)
    return _DROP.sub("", _DECORATIVE.sub("", s))


Z = "\u200c"


def z(s: str) -> str:
    """Test notation: «|» stands for a ZWNJ."""
    return s.replace("|", Z)


def arabic(s: str) -> str:
    """The same text in the older orthography: Arabic yeh and kaf."""
    return s.replace("ی", "ي").replace("ک", "ك")


def both(cases):
    """Each ``(input, expected)`` case in both orthographies."""
    out = []
    for inp, exp in cases:
        out.append(pytest.param(inp, exp, id=f"fa:{inp}"))
        if arabic(inp) != inp:
            out.append(pytest.param(arabic(inp), exp, id=f"ar:{inp}"))
    return out
