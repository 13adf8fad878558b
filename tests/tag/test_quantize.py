"""Int8 tagging (``--int8``): the rebuilt encoder layer computes what torch's layer computes, and a
quantized checkpoint loads, tags and stays close to the float one. No shipped weights are used."""
import pytest
import torch
from torch import nn

from pipeline.tag.quantize import Int8Encoder, quantize_int8


@pytest.mark.parametrize("lengths", [[7, 7], [7, 3], [1, 5, 2]])
def test_rebuilt_encoder_matches_torch_encoder(lengths):
    torch.manual_seed(0)
    layer = nn.TransformerEncoderLayer(32, 4, 48, 0.1, activation="gelu", batch_first=True, norm_first=True)
    ref = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False).eval()
    n = max(lengths)
    x = torch.randn(len(lengths), n, 32)
    pad = torch.tensor([[i >= k for i in range(n)] for k in lengths])
    with torch.no_grad():
        want = ref(x, src_key_padding_mask=pad)
        got = Int8Encoder(ref).eval()(x, src_key_padding_mask=pad)
    real = ~pad  # padded positions are never read
    assert torch.allclose(got[real], want[real], atol=1e-5)


def test_post_norm_layers_are_refused():
    layer = nn.TransformerEncoderLayer(16, 2, 16, batch_first=True, norm_first=False)
    with pytest.raises(ValueError, match="pre-norm"):
        Int8Encoder(nn.TransformerEncoder(layer, 1, enable_nested_tensor=False))


def test_int8_checkpoint_loads_tags_and_stays_close(tiny_model):
    from pipeline.tag.encode import WordEncoder
    from pipeline.tag.tagger import Tagger

    fp = Tagger.load(tiny_model)
    q = Tagger.load(tiny_model, int8=True)
    assert not any(type(m) is nn.Linear for m in q.model.modules())  # every projection is quantized
    assert any(isinstance(m, torch.ao.nn.quantized.dynamic.Linear) for m in q.model.modules())
    cfg = fp.model.config
    enc = WordEncoder(fp.tokenizer, cfg.char_vocab, cfg.max_word_chars)
    b = enc.batch([{"tokens": ["شهردار", "تهران", "گفت", "."]}, {"tokens": ["شهردار", "كرج"]}])
    with torch.no_grad():
        a = fp.model(input_ids=b["input_ids"], attention_mask=b["attention_mask"], char_ids=b["char_ids"]).logits
        z = q.model(input_ids=b["input_ids"], attention_mask=b["attention_mask"], char_ids=b["char_ids"]).logits
    real = b["attention_mask"].bool()
    scale = a[real].abs().max()
    assert (a[real] - z[real]).abs().max() < 0.1 * scale  # int8 rounding, not a different model
    assert [len(p) for p in q.model.decode(z, b["attention_mask"])] == [4, 2]


@pytest.mark.parametrize("text", ["شهردار تهران گفت.", "شهردار كرج گفت."])  # both orthographies
def test_extractor_int8_says_so_in_the_output(tiny_model, text):
    from pipeline.extract import Extractor

    art = Extractor(model=tiny_model, int8=True, threads=1, without=["records"]).extract_text(text)
    plain = Extractor(model=tiny_model, threads=1, without=["records"]).extract_text(text)
    assert art.model.tagger == f"{plain.model.tagger} (int8)" and art.text == plain.text
