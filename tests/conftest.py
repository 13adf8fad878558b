"""Shared fixtures: a tiny random MuniTagger (CLI mechanics without the shipped model)."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHIPPED_MODEL = ROOT / "models" / "munitagger-fa"


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    """A randomly initialised munitagger checkpoint with a small vocabulary."""
    import pipeline.tag.model  # noqa: F401  (registers the munitagger type)
    from pipeline.tag.labels import BIO_LABELS, LABEL2ID
    from pipeline.tag.model import MuniTaggerConfig, MuniTaggerForTokenClassification
    from pipeline.tag.vocab import build_tokenizer

    path = tmp_path_factory.mktemp("tiny-model")
    tok = build_tokenizer(["شهردار", "تهران", "گفت", "."])
    cfg = MuniTaggerConfig(vocab_size=len(tok.get_vocab()), word_dim=8, char_vocab_size=40,
                           char_vocab="ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی", char_dim=4, char_filters=4,
                           hidden_size=16, num_layers=1, num_heads=2, ff_size=16, num_labels=len(BIO_LABELS),
                           id2label=dict(enumerate(BIO_LABELS)), label2id=LABEL2ID)
    MuniTaggerForTokenClassification(cfg).save_pretrained(path)
    tok.save_pretrained(path)
    return path


@pytest.fixture(scope="session")
def shipped_model() -> Path:
    if not (SHIPPED_MODEL / "config.json").exists():
        pytest.fail(f"the shipped model is missing from {SHIPPED_MODEL}; it is part of the repository")
    return SHIPPED_MODEL
