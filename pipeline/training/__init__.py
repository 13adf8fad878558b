"""Training the tagger: corpora readers, NER data building, fastText vectors, training, evaluation.

Every step is importable (``python -m pipeline.training.train``, ``python -m pipeline.training.ner_data``);
``scripts/*.py`` are thin wrappers kept for old commands.
"""
