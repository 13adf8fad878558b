"""The transformers-free loader (:mod:`pipeline.tag.net`) runs a saved MuniTagger exactly as
``from_pretrained`` does: same vocabulary, same logits bit for bit, same tags."""
import inspect
import json

import pytest
import torch

from pipeline.tag.net import CONFIG_DEFAULTS, MuniTaggerNet, load_net

SENTENCES = [
    ["شهردار", "تهران", "گفت", "."],
    ["شهردار", "كرج", "روز", "يكشنبه", "گفت"],  # Arabic ي/ك
    ["شهرداری‌ها", "و", "شورای", "شهر", "اصفهان"],  # ZWNJ, unseen words
    ["."],
]


def _hf(path):
    from pipeline.tag.tagger import Tagger

    return Tagger._from_pretrained(path)


def test_defaults_match_the_hugging_face_config():
    from pipeline.tag.model import MuniTaggerConfig

    params = inspect.signature(MuniTaggerConfig.__init__).parameters
    assert {k: params[k].default for k in CONFIG_DEFAULTS} == CONFIG_DEFAULTS


def test_tiny_checkpoint_gives_identical_logits_and_paths(tiny_model):
    from pipeline.tag.encode import WordEncoder

    net, vocab = load_net(tiny_model)
    hf_model, hf_tok = _hf(tiny_model)
    assert isinstance(net, MuniTaggerNet) and not net.training
    assert vocab.get_vocab() == hf_tok.get_vocab()
    cfg = net.config
    assert (cfg.char_vocab, cfg.max_word_chars, cfg.id2label) == (
        hf_model.config.char_vocab, hf_model.config.max_word_chars, hf_model.config.id2label)
    b = WordEncoder(vocab, cfg.char_vocab, cfg.max_word_chars).batch([{"tokens": s} for s in SENTENCES])
    with torch.no_grad():
        a = net(input_ids=b["input_ids"], attention_mask=b["attention_mask"], char_ids=b["char_ids"]).logits
        z = hf_model(input_ids=b["input_ids"], attention_mask=b["attention_mask"], char_ids=b["char_ids"]).logits
    assert torch.equal(a, z)
    assert net.decode(a, b["attention_mask"]) == hf_model.decode(z, b["attention_mask"])
    assert [len(p) for p in net.decode(a, b["attention_mask"])] == [len(s) for s in SENTENCES]


def test_tagger_uses_the_light_loader_and_tags_like_from_pretrained(tiny_model):
    from pipeline.document import Document
    from pipeline.tag.tagger import Tagger
    from pipeline.tokenize import tokenize

    light = Tagger.load(tiny_model)
    assert isinstance(light.model, MuniTaggerNet)
    heavy = Tagger(*_hf(tiny_model), name=str(tiny_model), window=light.window)
    texts = ["شهردار تهران گفت.", "شهردار كرج روز يكشنبه گفت که شهرداری‌ها آماده‌اند."]
    docs = [tokenize(Document(id=str(i), raw=t, text=t)) for i, t in enumerate(texts)]
    got = [[(e.label, e.start, e.end) for e in d.entities] for d in light.tag_many([d for d in docs])]
    docs2 = [tokenize(Document(id=str(i), raw=t, text=t)) for i, t in enumerate(texts)]
    want = [[(e.label, e.start, e.end) for e in d.entities] for d in heavy.tag_many(docs2)]
    assert got == want


@pytest.mark.parametrize("change", ["other_type", "no_tokenizer", "half_weights"])
def test_anything_unusual_falls_back_to_from_pretrained(tiny_model, tmp_path, change):
    import shutil

    from safetensors.torch import load_file, save_file

    folder = tmp_path / "m"
    shutil.copytree(tiny_model, folder)
    if change == "other_type":
        cfg = json.loads((folder / "config.json").read_text())
        cfg["model_type"] = "bert"
        (folder / "config.json").write_text(json.dumps(cfg))
    elif change == "no_tokenizer":
        (folder / "tokenizer.json").unlink()
    else:
        state = load_file(str(folder / "model.safetensors"))
        save_file({k: v.half() if v.is_floating_point() else v for k, v in state.items()},
                  str(folder / "model.safetensors"))
    assert load_net(folder) is None


def test_shipped_model_loads_without_transformers(shipped_model):
    loaded = load_net(shipped_model)
    assert loaded is not None
    net, vocab = loaded
    assert net.config.model_type == "munitagger" and len(vocab.get_vocab()) == net.config.vocab_size


def _batch(net, vocab, sents):
    from pipeline.tag.encode import WordEncoder

    cfg = net.config
    return WordEncoder(vocab, cfg.char_vocab, cfg.max_word_chars).batch([{"tokens": s} for s in sents])


REPEATED = [
    ["شهردار", "تهران", "و", "شهردار", "كرج", "و", "شهردار", "تهران"],  # repeated words, both orthographies
    ["شهرداری‌ها", "شهرداريها", "شهرداری", "ها"],  # ZWNJ, glued and split forms: distinct rows
    ["گفت"],  # mostly padding
]


@pytest.mark.parametrize("model", ["tiny", "shipped"])
def test_character_features_once_per_distinct_word_give_the_same_scores(model, tiny_model, shipped_model):
    from pipeline.tag.net import char_features, encode

    net, vocab = load_net(tiny_model if model == "tiny" else shipped_model)
    b = _batch(net, vocab, REPEATED)
    rows = b["char_ids"].view(-1, b["char_ids"].shape[-1])
    assert len(torch.unique(rows, dim=0)) < len(rows)  # the cache has something to share
    with torch.inference_mode():
        once = encode(net, b["input_ids"], b["attention_mask"], b["char_ids"], distinct_words=True)
        each = encode(net, b["input_ids"], b["attention_mask"], b["char_ids"], distinct_words=False)
        default = net(input_ids=b["input_ids"], attention_mask=b["attention_mask"], char_ids=b["char_ids"]).logits
        feats = char_features(net, rows)
    assert torch.equal(once, each) and torch.equal(default, once)
    # equal words get equal features wherever they stand
    assert torch.equal(feats[0], feats[3]) and torch.equal(feats[1], feats[7])


def test_distinct_words_is_off_while_training(tiny_model):
    net, vocab = load_net(tiny_model)
    b = _batch(net, vocab, REPEATED)
    logits = net(input_ids=b["input_ids"], attention_mask=b["attention_mask"], char_ids=b["char_ids"]).logits
    logits.sum().backward()  # gradients reach the character CNN through the plain path
    assert net.char_convs[0].weight.grad is not None and net.char_convs[0].weight.grad.abs().sum() > 0


@pytest.mark.parametrize("model", ["tiny", "shipped"])
def test_remembered_word_vectors_give_the_scores_of_encode(model, tiny_model, shipped_model):
    """The tagger's per-word vector cache: the logits of the uncached path up to float rounding
    (products of other shapes round differently) and the same best labels, across batches (words seen in an
    earlier batch, new ones, padding) and after the cache starts over."""
    from pipeline.tag.encode import WordEncoder, WordVectorCache
    from pipeline.tag.net import encode, encode_vectors

    net, vocab = load_net(tiny_model if model == "tiny" else shipped_model)
    cfg = net.config
    cache = WordVectorCache(net, WordEncoder(vocab, cfg.char_vocab, cfg.max_word_chars), capacity=16)
    assert WordVectorCache.usable(net)
    batches = [REPEATED, SENTENCES, [SENTENCES[2], REPEATED[0]], REPEATED[1:]]
    with torch.inference_mode():
        for sents in batches:
            b = _batch(net, vocab, sents)
            x, mask = cache.batch(sents)
            assert torch.equal(mask, b["attention_mask"])
            want = encode(net, b["input_ids"], b["attention_mask"], b["char_ids"])
            got = encode_vectors(net, x, mask)
            assert torch.allclose(got, want, rtol=1e-4, atol=1e-5)
            assert torch.equal(got.argmax(-1), want.argmax(-1))
            assert len(cache.slots) <= cache.capacity


def test_quantized_models_do_not_use_the_word_vector_cache(tiny_model):
    from pipeline.tag.encode import WordVectorCache
    from pipeline.tag.quantize import quantize_int8

    net, _vocab = load_net(tiny_model)
    assert WordVectorCache.usable(net) and not WordVectorCache.usable(quantize_int8(net))


def test_a_batch_without_padding_runs_unmasked_with_the_same_paths(shipped_model):
    """Full windows skip the padding mask (a faster attention kernel): scores within float noise of
    the masked computation, and the same Viterbi paths."""
    from pipeline.tag.net import encode_vectors, word_vectors

    net, vocab = load_net(shipped_model)
    sents = [SENTENCES[1], ["شهردار", "تهران", "و", "شورای", "شهر"]]  # equal lengths: no padding
    b = _batch(net, vocab, sents)
    assert bool(b["attention_mask"].all())
    with torch.inference_mode():
        rows = b["char_ids"].view(-1, b["char_ids"].shape[-1])
        x = word_vectors(net, b["input_ids"].view(-1), rows).view(2, 5, -1)
        fast = encode_vectors(net, x, b["attention_mask"])
        pos = net.pos_emb(torch.arange(5)).unsqueeze(0)
        h = net.encoder(x + pos, src_key_padding_mask=b["attention_mask"] == 0)
        masked = net.classifier(net.norm(h))
    assert torch.allclose(fast, masked, atol=1e-4)
    assert net.decode(fast, b["attention_mask"]) == net.decode(masked, b["attention_mask"])


def test_the_int8_encoder_keeps_the_padding_mask_on_full_windows(tiny_model):
    from pipeline.tag.net import encode_vectors, word_vectors
    from pipeline.tag.quantize import quantize_int8

    net, vocab = load_net(tiny_model)
    sents = [SENTENCES[1], ["شهردار", "تهران", "و", "شورای", "شهر"]]
    b = _batch(net, vocab, sents)
    with torch.inference_mode():
        x = word_vectors(net, b["input_ids"].view(-1), b["char_ids"].view(10, -1)).view(2, 5, -1)
        q = quantize_int8(net)
        got = encode_vectors(q, x, b["attention_mask"])
        h = q.encoder(x + q.pos_emb(torch.arange(5)).unsqueeze(0), src_key_padding_mask=b["attention_mask"] == 0)
        want = q.classifier(q.norm(h))
    assert torch.equal(got, want)
