"""A string that remembers where each of its characters came from.

:class:`TrackedText` holds the current text plus, for every character, the
half-open interval ``[start, end)`` of the raw input it was derived from.
Every change is an *edit* ``(s, e, replacement)`` on the current text:

* kept characters keep their intervals;
* the characters of a non-empty replacement all get the interval spanning the
  replaced raw region (``starts[s]`` .. ``ends[e-1]``), so a one-char
  substitution maps exactly onto its source and a ligature expanded into a
  word maps every letter onto the ligature;
* inserted characters (``s == e``) get the empty interval at the start of the
  following character (or at the end of the previous one at the end of text);
* deleted characters leave a gap, or, with ``absorb=True`` (diacritics,
  kashida), their raw span is added to the end of the preceding kept
  character, so the raw span of «کتاب» in «کتابِ» includes the kasra.

Starts are non-decreasing (``NormalizedText.raw_span`` relies on it).  There is no fuzzy alignment anywhere:
the mapping is built edit by edit.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Sequence, Union

Edit = tuple[int, int, str]
Repl = Union[str, Callable[["re.Match[str]"], "str | None"]]


class TrackedText:
    """Text plus per-character raw intervals; see the module docstring."""

    __slots__ = ("text", "starts", "ends", "raw_len")

    def __init__(self, text: str, starts: list[int] | None = None, ends: list[int] | None = None, raw_len: int | None = None):
        self.text = text
        n = len(text)
        self.starts = list(range(n)) if starts is None else starts
        self.ends = list(range(1, n + 1)) if ends is None else ends
        self.raw_len = n if raw_len is None else raw_len

    # ------------------------------------------------------------------
    def translate(self, table: dict[int, str]) -> None:
        """Apply a ``str.translate`` table whose values are single characters."""
        self.text = self.text.translate(table)

    def apply(self, edits: Iterable[Edit], absorb: bool = False) -> None:
        """Apply non-overlapping edits sorted by position (no-op edits are fine)."""
        text, starts, ends = self.text, self.starts, self.ends
        out: list[str] = []
        new_starts: list[int] = []
        new_ends: list[int] = []
        pos = 0
        changed = False
        for s, e, rep in edits:
            if s < pos:
                raise ValueError(f"overlapping edit at {s} (previous edit ended at {pos})")
            if text[s:e] == rep:
                continue  # no-op: keep the original offsets
            changed = True
            if s > pos:
                out.append(text[pos:s])
                new_starts.extend(starts[pos:s])
                new_ends.extend(ends[pos:s])
            if rep:
                if e > s:
                    a, b = starts[s], ends[e - 1]
                elif s < len(text):
                    a = b = starts[s]
                elif new_ends:
                    a = b = new_ends[-1]
                else:
                    a = b = self.raw_len if not text else ends[-1]
                out.append(rep)
                k = len(rep)
                new_starts.extend([a] * k)
                new_ends.extend([b] * k)
            elif absorb and e > s and new_ends:
                # deletion: the char before takes over the deleted raw span
                new_ends[-1] = max(new_ends[-1], ends[e - 1])
            pos = e
        if not changed:
            return
        if pos < len(text):
            out.append(text[pos:])
            new_starts.extend(starts[pos:])
            new_ends.extend(ends[pos:])
        self.text = "".join(out)
        self.starts = new_starts
        self.ends = new_ends

    def sub(self, pattern: "re.Pattern[str] | str", repl: Repl, absorb: bool = False) -> None:
        """Like ``re.sub`` but offset-tracking.

        ``repl`` is a literal string (no group references: write the rule with
        look-arounds so that the match is exactly what changes) or a function
        of the match returning the replacement, or ``None`` to leave the match
        unchanged.
        """
        if isinstance(pattern, str):
            pattern = re.compile(pattern)
        edits: list[Edit] = []
        if callable(repl):
            for m in pattern.finditer(self.text):
                r = repl(m)
                if r is not None:
                    edits.append((m.start(), m.end(), r))
        else:
            edits = [(m.start(), m.end(), repl) for m in pattern.finditer(self.text)]
        if edits:
            self.apply(edits, absorb=absorb)

    def sub_edits(self, pattern: "re.Pattern[str] | str", fn: Callable[["re.Match[str]"], Sequence[Edit]]) -> None:
        """For each match, ``fn`` returns several edits (absolute positions)."""
        if isinstance(pattern, str):
            pattern = re.compile(pattern)
        edits: list[Edit] = []
        for m in pattern.finditer(self.text):
            edits.extend(fn(m))
        if edits:
            edits.sort(key=lambda x: (x[0], x[1]))
            self.apply(edits)

    def check(self) -> None:
        """Assert the invariants (used by tests)."""
        n = len(self.text)
        assert len(self.starts) == n and len(self.ends) == n
        prev_s = 0
        for s, e in zip(self.starts, self.ends):
            assert 0 <= s <= e <= self.raw_len, (s, e)
            assert s >= prev_s, (s, prev_s)
            prev_s = s
