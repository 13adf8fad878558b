"""Pretraining step 1: subword-aware word vectors (fastText, via gensim) on the raw text.

Persian words carry many affixes («شهرداری‌ها», «شهرداری‌های», «شهرداری‌هاست»), so the
vectors are fastText's: a word's vector is built from its character n-grams, and rare
or unseen forms still get a sensible vector. The vectors initialise the tagger's word
embeddings; only the vocabulary kept in the model is shipped.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.tag.vocab import word_key

log = logging.getLogger(__name__)


def sentences_for_vectors(paragraphs: Iterable[str], normalize) -> Iterator[list[str]]:
    from pipeline.tokenize import tokens_of

    for para in paragraphs:
        words = [word_key(t.text) for t in tokens_of(normalize(para))]
        if len(words) >= 3:
            yield words


def train_vectors(sentences: list[list[str]], out: Path, dim: int = 128, epochs: int = 5, workers: int = 2):
    """Train fastText skip-gram vectors and save them to ``out`` (gensim KeyedVectors)."""
    from gensim.models import FastText

    model = FastText(vector_size=dim, window=5, min_count=2, sg=1, min_n=2, max_n=5, workers=workers,
                     bucket=500_000)
    model.build_vocab(corpus_iterable=sentences)
    log.info("fastText vocabulary: %d words from %d sentences", len(model.wv), len(sentences))
    model.train(corpus_iterable=sentences, total_examples=len(sentences), epochs=epochs)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.wv.save(str(out))
    return model.wv
