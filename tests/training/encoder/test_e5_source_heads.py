"""finetune --source-heads: each NER source trains its own head, gold alone trains the exported classifier."""
import json

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from pipeline.tag.labels import BIO_LABELS  # noqa: E402
from pipeline.training.encoder.finetune import SourceHeads, collate, source_logits, source_name  # noqa: E402


def tiny_model():
    from transformers import BertConfig, BertForTokenClassification

    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=30, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32, max_position_embeddings=32, num_labels=len(BIO_LABELS))
    return BertForTokenClassification(cfg).eval()


def batch(sources):
    items = [{"ids": [0, 5 + i, 7, 2], "labels": [-100, 1, 0, -100], "source": s} for i, s in enumerate(sources)]
    return items


@pytest.mark.parametrize("sent, name", [
    ({"source": "gold:art-17"}, "gold"),
    ({"source": "peyma"}, "peyma"),
    ({"source": "nsurl600k:12"}, "nsurl600k"),
    ({}, "ner"),
])
def test_source_name(sent, name):
    assert source_name(sent) == name


def test_heads_start_as_copies_and_route_rows():
    model = tiny_model()
    extra = SourceHeads(model.classifier, ["nsurl600k", "peyma"])
    assert extra.index("gold") == 0 and extra.index("synthetic") == 0
    assert extra.index("nsurl600k") == 1 and extra.index("peyma") == 2
    for h in extra.heads:
        assert torch.equal(h.weight, model.classifier.weight)
    with torch.no_grad():
        extra.heads[1].bias += 5.0  # the peyma head now scores differently
    b = collate(batch(["gold", "peyma", "nsurl600k"]), pad=1, src={n: extra.index(n) for n in extra.names})
    assert b["src"].tolist() == [0, 2, 1]
    with torch.no_grad():
        got = source_logits(model, extra, b["input_ids"], b["attention_mask"], b["src"])
        plain = model(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits
    assert torch.allclose(got[0], plain[0]) and torch.allclose(got[2], plain[2])
    assert torch.allclose(got[1], plain[1] + 5.0, atol=1e-5)


def test_only_gold_rows_train_the_exported_classifier():
    model = tiny_model().train()
    extra = SourceHeads(model.classifier, ["peyma"])
    src = {"peyma": 1}

    def grads(sources):
        model.zero_grad()
        extra.zero_grad()
        b = collate(batch(sources), pad=1, src=src)
        logits = source_logits(model, extra, b["input_ids"], b["attention_mask"], b["src"])
        torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), b["labels"].reshape(-1),
                                          ignore_index=-100).backward()
        cls = model.classifier.weight.grad
        head = extra.heads[0].weight.grad
        enc = model.bert.encoder.layer[0].output.dense.weight.grad
        return [g is not None and float(g.abs().sum()) > 0 for g in (cls, head, enc)]

    assert grads(["peyma", "peyma"]) == [False, True, True]  # the encoder still learns from PEYMA
    assert grads(["gold", "gold"]) == [True, False, True]
    assert grads(["gold", "peyma"]) == [True, True, True]


def test_checkpoint_keeps_the_heads_and_resumes(tmp_path, e5_file):
    """Two steps with --source-heads, then a rerun to three steps resumes with the same heads."""
    from pipeline.training.encoder import convert, finetune, q4file

    m = q4file.read(e5_file[0])
    base = tmp_path / "base"
    convert.save(convert.build_bert(m), convert.hf_tokenizer(convert.build_tokenizer(m), m), base)
    ner = tmp_path / "ner"
    ner.mkdir()
    rows = [{"tokens": ["شهرداری", "تهران", "گفت"], "tags": ["B-ORG", "I-ORG", "O"], "source": "peyma"},
            {"tokens": ["تهران", "گفت", "."], "tags": ["B-LOC", "O", "O"], "source": "nsurl600k"}]
    for name in ("train", "dev"):
        (ner / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows * 3),
                                           encoding="utf-8")
    run, out = tmp_path / "run", tmp_path / "out"
    common = ["--base", str(base), "--ner", str(ner), "--gold", "", "--run", str(run), "--out", str(out),
              "--source-heads", "--batch-tokens", "16", "--eval-every", "1000", "--checkpoint-every", "1"]
    finetune.main(common + ["--max-steps", "2"])
    state = torch.load(run / "checkpoint.pt", map_location="cpu", weights_only=False)
    assert state["step"] == 2 and sorted(k.split(".")[1] for k in state["heads"]) == ["0", "0", "1", "1"]
    log = [json.loads(x) for x in (run / "log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert log[-2]["event"] == "eval" and "peyma_dev_own_head" in log[-2]
    start = next(x for x in log if x["event"] == "start")
    assert start["source_heads"] == ["nsurl600k", "peyma"]
    finetune.main(common + ["--max-steps", "3"])
    log = [json.loads(x) for x in (run / "log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(x["event"] == "resume" and x["step"] == 2 for x in log)
    assert torch.load(run / "checkpoint.pt", map_location="cpu", weights_only=False)["step"] == 3
    # the export is an ordinary token classifier (no extra heads in it)
    from transformers import AutoModelForTokenClassification

    assert AutoModelForTokenClassification.from_pretrained(out, local_files_only=True).num_labels == len(BIO_LABELS)
