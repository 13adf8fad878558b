"""A BERT token-classification folder runs without transformers: same pieces, same logits, same spans."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from pipeline.tag.bertnet import LightBert, load_bert  # noqa: E402
from pipeline.tag.labels import BIO_LABELS  # noqa: E402

WORDS = ["شهرداری", "تهران", "گفت", "شهر", "داری", "۲۲", "."]


@pytest.fixture
def bert_dir(tmp_path):
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    vocab = {t: i for i, t in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "شهر", "##دار", "##ی", "تهران",
                                         "گفت", "داری", "."])}
    tok = Tokenizer(models.WordPiece(vocab=vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    hf_tok = BertTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                               sep_token="[SEP]")
    torch.manual_seed(5)
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=24, max_position_embeddings=40, num_labels=len(BIO_LABELS),
                     id2label=dict(enumerate(BIO_LABELS)), label2id={t: i for i, t in enumerate(BIO_LABELS)})
    model = BertForTokenClassification(cfg).eval()
    with torch.no_grad():  # spread the classifier so labels other than O win somewhere
        model.classifier.weight.mul_(20)
    model.save_pretrained(tmp_path)
    hf_tok.save_pretrained(tmp_path)
    return tmp_path


def test_same_pieces_and_logits_as_transformers(bert_dir):
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    model, tok = load_bert(bert_dir)
    assert isinstance(model, LightBert)
    ref, ref_tok = AutoModelForTokenClassification.from_pretrained(bert_dir).eval(), AutoTokenizer.from_pretrained(bert_dir)
    for special in (True, False):
        a = tok(WORDS, is_split_into_words=True, add_special_tokens=special)
        b = ref_tok(WORDS, is_split_into_words=True, add_special_tokens=special)
        assert a["input_ids"] == b["input_ids"] and a.word_ids() == b.word_ids()
    assert tok.pad_token_id == ref_tok.pad_token_id == 0
    ids = torch.tensor([tok(WORDS)["input_ids"]] * 2)
    mask = torch.ones_like(ids)
    mask[1, 5:], ids[1, 5:] = 0, 0  # the second row is padded
    with torch.no_grad():
        got, want = model(input_ids=ids, attention_mask=mask).logits, ref(input_ids=ids, attention_mask=mask).logits
    assert torch.allclose(got[0], want[0], atol=1e-5) and torch.allclose(got[1, :5], want[1, :5], atol=1e-5)


@pytest.mark.parametrize("change", [{"hidden_act": "relu"}, {"position_embedding_type": "relative_key"},
                                    {"model_type": "roberta"}, {"architectures": ["BertForMaskedLM"]}])
def test_other_computations_fall_back(bert_dir, change):
    cfg = json.loads((bert_dir / "config.json").read_text(encoding="utf-8"))
    cfg.update(change)
    (bert_dir / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    assert load_bert(bert_dir) is None


def test_half_precision_weights_fall_back(bert_dir):
    from transformers import AutoModelForTokenClassification

    AutoModelForTokenClassification.from_pretrained(bert_dir).half().save_pretrained(bert_dir)
    assert load_bert(bert_dir) is None


def test_tagger_loads_it_without_importing_transformers(bert_dir):
    """Through the Tagger, the light path gives the spans the transformers model gives, and never imports it."""
    code = (
        "import sys, json\n"
        "from pipeline.document import Document\n"
        "from pipeline.tag.tagger import Tagger\n"
        "from pipeline.tokenize import tokenize\n"
        f"t = Tagger.load({str(bert_dir)!r}, window=6)\n"
        f"text = {' '.join(WORDS * 3)!r}\n"
        "d = t.tag(tokenize(Document(id='x', raw=text, text=text)))\n"
        "print(json.dumps([type(t.model).__name__, 'transformers' in sys.modules,"
        " [[e.label, e.start, e.end] for e in d.entities]]))\n")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root,
                         env={"PYTHONPATH": str(root), "OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"}, check=True)
    name, imported, spans = json.loads(out.stdout.strip().splitlines()[-1])
    assert name == "LightBert" and imported is False

    from pipeline.document import Document
    from pipeline.tag.tagger import Tagger
    from pipeline.tokenize import tokenize

    ref = Tagger(*Tagger._from_pretrained(bert_dir), name="ref", window=6)
    ref.window = 6 - 2
    light = Tagger.load(bert_dir, window=6)
    text = " ".join(WORDS * 3)
    want = [[e.label, e.start, e.end] for e in ref.tag(tokenize(Document(id="x", raw=text, text=text))).entities]
    assert want and spans == want
    assert [[e.label, e.start, e.end] for e in light.tag(tokenize(Document(id="x", raw=text, text=text))).entities] == want
