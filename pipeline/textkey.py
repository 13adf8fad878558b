"""One comparison key for Persian strings typed by different hands.

``fold`` ignores ZWNJ and spaces and unifies Arabic/Persian letter forms, so
«شهرداری‌ها», «شهرداریها» and «شهرداري ها» compare equal.
"""
from __future__ import annotations

_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "\u200c": ""})


def fold(text: str | None) -> str:
    return "".join((text or "").translate(_FOLD).split())
