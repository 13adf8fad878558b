"""finetune --keep-layers: a layer-dropped student keeps the teacher's chosen layers, heads and tokenizer,
trains on teacher-labelled sentences (optionally with their distributions) and exports a checkpoint that
loads with AutoModelForTokenClassification and through the pipeline's Tagger."""
import json

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from pipeline.tag.labels import BIO_LABELS, LABEL2ID  # noqa: E402
from pipeline.training.encoder.finetune import (  # noqa: E402
    SourceHeads, collate, encode, keep_layers, parse_layers, soft_loss)


def tiny_bert(layers=4):
    from transformers import BertConfig, BertForTokenClassification

    torch.manual_seed(1)
    cfg = BertConfig(vocab_size=30, hidden_size=16, num_hidden_layers=layers, num_attention_heads=2,
                     intermediate_size=32, max_position_embeddings=32, num_labels=len(BIO_LABELS))
    return BertForTokenClassification(cfg).eval()


def layer_state(block):
    return {k: v.clone() for k, v in block.state_dict().items()}


@pytest.mark.parametrize("keep", [[0, 2, 3], [1], [0, 1, 2, 3], [3]])
def test_keep_layers_copies_the_chosen_layers_in_order(keep):
    model = tiny_bert(4)
    before = [layer_state(b) for b in model.bert.encoder.layer]
    emb = model.bert.embeddings.word_embeddings.weight.clone()
    keep_layers(model, keep)
    assert model.config.num_hidden_layers == len(keep) == len(model.bert.encoder.layer)
    for new, old in enumerate(keep):
        got = model.bert.encoder.layer[new].state_dict()
        assert all(torch.equal(got[k], before[old][k]) for k in got)
    assert torch.equal(model.bert.embeddings.word_embeddings.weight, emb)
    ids = torch.tensor([[0, 5, 6, 2]])
    assert model(input_ids=ids).logits.shape == (1, 4, len(BIO_LABELS))


def test_kept_layers_compute_what_the_teacher_layers_compute():
    """Dropping layers 1 and 3 of four = running layers 0 and 2 of the original in sequence."""
    model = tiny_bert(4)
    ids = torch.tensor([[0, 5, 6, 7, 2]])
    with torch.no_grad():
        h = model.bert.embeddings(input_ids=ids)
        for i in (0, 2):
            out = model.bert.encoder.layer[i](h)
            h = out[0] if isinstance(out, tuple) else out
        expected = model.classifier(h)
        keep_layers(model, [0, 2])
        got = model(input_ids=ids).logits
    assert torch.allclose(got, expected, atol=1e-5)


@pytest.mark.parametrize("text", ["4,0", "0,0,1", "", "-1,2", "a,b"])
def test_bad_layer_lists_are_refused(text):
    with pytest.raises(ValueError):
        parse_layers(text)


def test_layer_outside_the_model_is_refused():
    with pytest.raises(ValueError, match="4 layers"):
        keep_layers(tiny_bert(4), [0, 4])


class _Tok:
    """Word-per-piece stand-in tokenizer, except «شهرداری» = two pieces."""

    bos_token_id, eos_token_id = 0, 2

    def __call__(self, words, is_split_into_words, add_special_tokens):
        ids, wids = [], []
        for w_i, w in enumerate(words):
            n = 2 if w == "شهرداری" else 1
            ids += [10 + w_i] * n
            wids += [w_i] * n

        class Enc(dict):
            def word_ids(self):
                return wids
        return Enc(input_ids=ids)


def test_teacher_distributions_sit_on_first_pieces_and_kl_is_zero_when_matched():
    p = [[0.0] * len(BIO_LABELS) for _ in range(3)]
    p[0][LABEL2ID["B-ORG"]], p[0][0] = 0.9, 0.1
    p[1][LABEL2ID["I-ORG"]] = 1.0
    p[2][0] = 1.0
    sent = {"tokens": ["شهرداری", "تهران", "گفت"], "tags": ["B-ORG", "I-ORG", "O"], "probs": p, "source": "teacher"}
    item = encode(_Tok(), sent, 64)[0]
    # <s> شهر داری تهران گفت </s>: distributions on pieces 1, 3, 4 only
    assert [s is not None for s in item["soft"]] == [False, True, False, True, True, False]
    b = collate([item, {"ids": [0, 11, 2], "labels": [-100, 0, -100]}], pad=1)
    assert b["soft_mask"].tolist()[0] == [False, True, False, True, True, False]
    assert not b["soft_mask"][1].any()
    matched = torch.log(b["soft"].clamp_min(1e-9))
    assert float(soft_loss(matched, b["soft"], b["soft_mask"])) == pytest.approx(0.0, abs=1e-4)
    assert float(soft_loss(torch.zeros_like(matched), b["soft"], b["soft_mask"])) > 0.5


def test_student_run_exports_the_kept_layers_and_loads_in_the_tagger(tmp_path, e5_file):
    """Teacher (3 layers, heads) -> run checkpoint -> finetune --keep-layers 0,2 at rate 0 -> export equals
    the teacher's layers 0 and 2; AutoModelForTokenClassification and the Tagger load it."""
    from transformers import AutoModelForTokenClassification, BertConfig, BertForTokenClassification

    from pipeline.document import Document
    from pipeline.tag.labels import spans_from_bio
    from pipeline.tag.tagger import Tagger
    from pipeline.tokenize import tokenize
    from pipeline.training.encoder import convert, finetune, q4file

    m = q4file.read(e5_file[0])
    base = tmp_path / "base"
    convert.save(convert.build_bert(m), convert.hf_tokenizer(convert.build_tokenizer(m), m), base)
    cfg = BertConfig.from_pretrained(base)
    cfg.num_hidden_layers, cfg.num_labels = 3, len(BIO_LABELS)
    torch.manual_seed(3)
    teacher = BertForTokenClassification(cfg)
    with torch.no_grad():
        teacher.classifier.bias[LABEL2ID["B-LOC"]] += 0.3
    teacher_dir = tmp_path / "teacher"
    teacher.save_pretrained(teacher_dir)
    for f in base.iterdir():
        if f.name.startswith(("tokenizer", "special_tokens")):
            (teacher_dir / f.name).write_bytes(f.read_bytes())
    heads = SourceHeads(teacher.classifier, ["peyma"])
    with torch.no_grad():
        heads.heads[0].bias += 1.0  # the teacher's PEYMA head differs from its classifier
    torch.save({"model": teacher.state_dict(), "heads": heads.state_dict(), "step": 7}, tmp_path / "ckpt.pt")

    ner = tmp_path / "ner"
    ner.mkdir()
    rows = [{"tokens": ["شهرداری", "تهران", "گفت"], "tags": ["B-ORG", "I-ORG", "O"], "source": "peyma"}]
    for name in ("train", "dev"):
        (ner / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows * 3),
                                           encoding="utf-8")
    probs = [[1.0 if j == k else 0.0 for j in range(len(BIO_LABELS))] for k in (7, 0, 0)]
    (tmp_path / "teacher.jsonl").write_text(json.dumps(
        {"tokens": ["تهران", "گفت", "."], "tags": ["B-LOC", "O", "O"], "probs": probs, "source": "teacher"},
        ensure_ascii=False) + "\n", encoding="utf-8")
    run, out = tmp_path / "run", tmp_path / "out"
    finetune.main(["--base", str(teacher_dir), "--ner", str(ner), "--gold", "", "--run", str(run), "--out", str(out),
                   "--source-heads", "--init-checkpoint", str(tmp_path / "ckpt.pt"), "--init-source-heads",
                   "--keep-layers", "0,2", "--teacher-labels", str(tmp_path / "teacher.jsonl"),
                   "--soft-weight", "0.5", "--lr", "0", "--head-lr", "0", "--batch-tokens", "16",
                   "--max-steps", "2", "--eval-every", "1000"])
    state = torch.load(run / "checkpoint.pt", map_location="cpu", weights_only=False)
    assert torch.equal(state["heads"]["heads.0.bias"], heads.heads[0].bias)  # the PEYMA head was taken over
    log = [json.loads(x) for x in (run / "log.jsonl").read_text(encoding="utf-8").splitlines()]
    start = next(x for x in log if x["event"] == "start")
    assert start["layers"] == 2 and start["source_heads"] == ["peyma"]  # teacher rows use the gold head
    assert next(x for x in log if x["event"] == "data")["teacher_sents"] == 1

    student = AutoModelForTokenClassification.from_pretrained(out, local_files_only=True).eval()
    assert student.config.num_hidden_layers == 2 and student.config.kept_layers_of_teacher == [0, 2]
    for new, old in enumerate([0, 2]):
        got, want = student.bert.encoder.layer[new].state_dict(), teacher.bert.encoder.layer[old].state_dict()
        assert all(torch.equal(got[k], want[k]) for k in got)
    assert torch.equal(student.classifier.bias, teacher.classifier.bias)

    tagger = Tagger.load(out)
    text = "شهرداری تهران گفت."
    doc = tagger.tag(tokenize(Document(id="t", raw=text, text=text)))
    words = [t.text for t in doc.tokens]
    enc = tagger.tokenizer(words, is_split_into_words=True)
    with torch.no_grad():
        best = student(input_ids=torch.tensor([enc["input_ids"]])).logits[0].argmax(-1)
    first = {}
    for k, w in enumerate(enc.word_ids()):
        if w is not None and w not in first:
            first[w] = BIO_LABELS[int(best[k])]
    tags = [first[i] for i in range(len(words))]
    assert [(e.label, e.start, e.end) for e in doc.entities] == [
        (lab, doc.tokens[a].start, doc.tokens[b - 1].end) for lab, a, b in spans_from_bio(tags)]
