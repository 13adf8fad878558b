"""A tiny-config run of the training code: stages, checkpoint/resume, Hugging Face loading."""
import json

import pytest
from transformers import AutoModelForTokenClassification, AutoTokenizer

import pipeline.tag.model  # noqa: F401  (registers the munitagger type)
from pipeline.training import train

SENTS = [
    (["علی", "رضایی", "شهردار", "شیراز", "گفت", "."], ["B-PER", "I-PER", "B-ROLE", "B-LOC", "O", "O"]),
    (["سازمان", "آتش‌نشانی", "تهران", "۲۰", "ایستگاه", "دارد"], ["B-ORG", "I-ORG", "I-ORG", "B-FIG", "I-FIG", "O"]),
    (["مریم", "احمدی", "در", "۱۲", "اسفند", "۱۴۰۱", "آمد"], ["B-PER", "I-PER", "O", "B-DATE", "I-DATE", "I-DATE", "O"]),
    (["استاندار", "کرمان", "از", "پروژه", "بازدید", "کرد"], ["B-ROLE", "B-LOC", "O", "O", "O", "O"]),
]


def _write(path, n):
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            toks, tags = SENTS[i % len(SENTS)]
            fh.write(json.dumps({"tokens": toks, "tags": tags}, ensure_ascii=False) + "\n")


def _args(tmp_path, epochs):
    return ["--train", str(tmp_path / "train.jsonl"), "--dev", str(tmp_path / "dev.jsonl"),
            "--test", str(tmp_path / "dev.jsonl"), "--vectors", "none", "--work", str(tmp_path / "work"),
            "--out", str(tmp_path / "model"), "--epochs", str(epochs), "--hidden", "32", "--layers", "1",
            "--heads", "2", "--ff", "64", "--vector-dim", "16", "--batch-tokens", "40", "--lr", "5e-3",
            "--checkpoint-every", "2", "--min-count", "1"]


@pytest.mark.slow
def test_tiny_training_run_checkpoints_resumes_and_loads(tmp_path):
    _write(tmp_path / "train.jsonl", 40)
    _write(tmp_path / "dev.jsonl", 4)
    first = train.main(_args(tmp_path, 1))
    run = tmp_path / "work" / "runs" / "model"
    assert (run / "checkpoint.pt").exists()
    assert len(first["history"]) == 1
    # a second call with more epochs resumes after epoch 1 instead of starting over
    second = train.main(_args(tmp_path, 3))
    assert [h["epoch"] for h in second["history"]] == [1, 2, 3]
    log_lines = [json.loads(x) for x in (run / "log.jsonl").read_text().splitlines()]
    assert [x["epoch"] for x in log_lines if "dev" in x] == [1, 2, 3]
    # the saved model is a regular Hugging Face checkpoint
    model = AutoModelForTokenClassification.from_pretrained(tmp_path / "model")
    tok = AutoTokenizer.from_pretrained(tmp_path / "model")
    enc = tok(["علی", "رضایی", "گفت"], is_split_into_words=True, return_tensors="pt")
    out = model(**enc)
    assert out.logits.shape == (1, 3, model.config.num_labels)
    assert (tmp_path / "model" / "model.safetensors").exists()
    # it learned something: the dev set (= training sentences) is mostly right after 3 epochs
    assert second["dev_best_f1"] > 0.3


@pytest.mark.slow
def test_continue_from_saved_model(tmp_path):
    _write(tmp_path / "train.jsonl", 40)
    _write(tmp_path / "dev.jsonl", 4)
    train.main(_args(tmp_path, 1))
    args = _args(tmp_path, 1)
    args[args.index("--out") + 1] = str(tmp_path / "model2")
    res = train.main(args + ["--init-from", str(tmp_path / "model"), "--name", "cont"])
    assert len(res["history"]) == 1
    first = AutoModelForTokenClassification.from_pretrained(tmp_path / "model")
    cont = AutoModelForTokenClassification.from_pretrained(tmp_path / "model2")
    assert first.config.vocab_size == cont.config.vocab_size


def test_chunk_keeps_teacher_probs_aligned():
    probs = [[float(i)] + [0.0] * 12 for i in range(5)]
    parts = train.chunk({"tokens": list("abcde"), "tags": ["O"] * 5, "probs": probs}, 2)
    assert [p["tokens"] for p in parts] == [["a", "b"], ["c", "d"], ["e"]]
    assert [row[0] for p in parts for row in p["probs"]] == [0.0, 1.0, 2.0, 3.0, 4.0]


def test_soft_targets_mask_only_teacher_words():
    sents = [{"tokens": ["a", "b"], "tags": ["O", "O"], "probs": [[0.5, 0.5, 0], [0, 0, 2.0]]},
             {"tokens": ["c", "d", "e"], "tags": ["O"] * 3}]
    probs, mask = train.soft_targets(sents, 3, 3)
    assert mask.tolist() == [[True, True, False], [False, False, False]]
    assert probs[0, 1].tolist() == [0.0, 0.0, 1.0]  # renormalised
    assert train.soft_targets([sents[1]], 3, 3) is None


def test_soft_loss_is_zero_when_student_matches_teacher_and_positive_otherwise():
    import torch

    teacher = torch.tensor([[[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]])
    mask = torch.tensor([[True, True]])
    same = torch.log(teacher)
    assert float(train.soft_loss(same, teacher, mask)) == pytest.approx(0.0, abs=1e-6)
    other = torch.zeros(1, 2, 3)
    assert float(train.soft_loss(other, teacher, mask)) > 0.1
    # words without a teacher distribution do not count
    assert float(train.soft_loss(other, teacher, torch.tensor([[False, False]]))) == 0.0


@pytest.mark.slow
def test_soft_weight_run_trains_on_teacher_distributions(tmp_path):
    import torch

    _write(tmp_path / "train.jsonl", 40)
    with open(tmp_path / "train.jsonl", "a", encoding="utf-8") as fh:
        for toks, tags in SENTS:
            # the teacher disagrees with the hard tags: it puts its mass on O everywhere
            probs = [[0.9 if j == 0 else 0.1 / 12 for j in range(13)] for _ in toks]
            fh.write(json.dumps({"tokens": toks, "tags": tags, "probs": probs}, ensure_ascii=False) + "\n")
    _write(tmp_path / "dev.jsonl", 4)
    models = {}
    for w in ("0", "0.5"):
        args = _args(tmp_path, 1)
        args[args.index("--out") + 1] = str(tmp_path / f"model_{w}")
        res = train.main(args + ["--soft-weight", w, "--name", f"soft_{w}"])
        assert len(res["history"]) == 1
        models[w] = AutoModelForTokenClassification.from_pretrained(tmp_path / f"model_{w}")
    # same data, seed and schedule: only the KL term differs, so the weights must too
    a, b = (dict(m.named_parameters()) for m in models.values())
    assert any(not torch.allclose(a[n], b[n]) for n in a)
