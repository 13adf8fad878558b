"""Stream the elements of a JSON array (``[{...}, {...}]``) without loading the file.

Elements are decoded one by one from a growing window of text, so memory stays at the
size of the largest element. A top-level object counts as a one-element array.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

CHUNK = 1 << 20
_NUMBER_TAIL = re.compile(r"[0-9.eE+-]*")
#: a malformed element is searched for its end at most this far before giving up
MAX_ELEMENT = 256 << 20


class ArrayError(ValueError):
    """The file is not a JSON array (or object), or an element is malformed; reading stops."""


def iter_array(fh: IO[str]) -> Iterator[Any]:
    dec = json.JSONDecoder()
    buf = ""
    pos = 0
    eof = False

    def more() -> bool:
        nonlocal buf, pos, eof
        if eof:
            return False
        data = fh.read(max(CHUNK, len(buf) - pos))  # geometric growth: linear time on huge elements
        if not data:
            eof = True
            return False
        buf = buf[pos:] + data
        pos = 0
        return True

    def skip_ws() -> str | None:
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n\ufeff":
                pos += 1
            if pos < len(buf):
                return buf[pos]
            if not more():
                return None

    first = skip_ws()
    if first is None:
        raise ArrayError("empty file: expected a JSON array of articles")
    single = first == "{"
    if not single:
        if first != "[":
            raise ArrayError(f"expected a JSON array of articles, found {first!r} first")
        pos += 1
    n = 0
    while True:
        ch = skip_ws()
        if ch is None:
            if single and n == 1:
                return
            raise ArrayError(f"the array ends early after {n} elements (missing ']')")
        if not single and ch == "]" and n == 0:
            pos += 1
            return
        while True:
            try:
                obj, end = dec.raw_decode(buf, pos)
            except RecursionError:
                raise ArrayError(f"element {n + 1} is nested too deeply") from None
            except json.JSONDecodeError as e:
                if len(buf) - pos < MAX_ELEMENT and more():
                    continue
                raise ArrayError(f"element {n + 1} is malformed JSON: {e.msg}") from None
            # a number or literal may continue in the next chunk: «12.» or «1e» cut by a read decodes
            # as 12 or 1 with the rest left over, so a number that reaches the end of what was read,
            # but for characters a number may hold, is read again with more text
            if not eof and (end >= len(buf) or (isinstance(obj, (int, float)) and _NUMBER_TAIL.fullmatch(buf, end))):
                if more():
                    continue
            break
        pos = end
        n += 1
        yield obj
        if single:
            if skip_ws() is not None:
                raise ArrayError("text after the JSON object; give one object or an array of objects")
            return
        ch = skip_ws()
        if ch == ",":
            pos += 1
        elif ch == "]":
            pos += 1
            if skip_ws() is not None:
                raise ArrayError("text after the closing ']'")
            return
        else:
            raise ArrayError(f"expected ',' or ']' after element {n}, found {ch!r}" if ch else
                             f"the array ends early after {n} elements (missing ']')")
