"""Persian text normalization with exact offsets back to the raw text.

>>> from pipeline.normalize import normalize
>>> nt = normalize("شهرداريها مي شود")
>>> nt.text
'شهرداری\u200cها می\u200cشود'
>>> nt.raw[slice(*nt.raw_span(0, 7))]
'شهرداري'

Public API: :func:`normalize`, :class:`NormalizedText`, :class:`Normalizer`,
:func:`persian_ratio`.  Rule tables are in :mod:`.rules`, the offset engine in
:mod:`.tracked`, half-space restoration in :mod:`.zwnj` (unseen words: :mod:`.junction`), the word bigram
model in :mod:`.context`, glued-word splitting in :mod:`.glue`.
"""

from .normalizer import NormalizedText, Normalizer, default_normalizer, normalize, persian_ratio

__all__ = ["NormalizedText", "Normalizer", "default_normalizer", "normalize", "persian_ratio"]
