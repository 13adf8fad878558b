"""Build the shipped tagger from ../shared/corpora: vectors -> vocabulary -> fine-tuning.

One command rebuilds everything (each stage is skipped when its output exists, and
fine-tuning resumes from its last checkpoint, so a killed run picks up where it
stopped)::

    python -m pipeline.training.train --corpora ../shared/corpora --out models/munitagger-fa

Stages and their outputs (under ``--work``, default ``work/``):

1. NER data: ``ner/train.jsonl``, ``ner/dev.jsonl``, ``ner/peyma_test.jsonl``
   (``scripts/build_ner_data.py``: PEYMA + NSURL-2019 600K + ParsTwiNER mapped to our
   labels, silver ROLE/FIG/DATE, synthetic municipal sentences; never Arman, never gold).
2. Word vectors: ``pretrain/vectors.kv`` (fastText skip-gram on the raw text).
3. Fine-tuning: ``runs/<name>/checkpoint.pt`` every ``--checkpoint-every`` steps and at
   each epoch end, metrics appended to ``runs/<name>/log.jsonl``; the best epoch on
   the dev set is saved with ``save_pretrained`` to ``--out``.

``main(argv)`` is importable so tests can run a tiny configuration.
"""
from __future__ import annotations

import argparse
import json
import logging
import math
import random
import time
from collections import Counter
from pathlib import Path

import torch

from pipeline.training.batching import length_buckets
from pipeline.tag.encode import WordEncoder
from pipeline.tag.labels import BIO_LABELS, LABEL2ID
from pipeline.tag.model import MuniTaggerConfig, MuniTaggerForTokenClassification, char_ids_for
from pipeline.tag.vocab import PAD, UNK, build_tokenizer, word_key

log = logging.getLogger("pipeline.training.train")


# ----------------------------------------------------------------------------- data

def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def chunk(sent: dict, max_len: int) -> list[dict]:
    toks, tags = sent["tokens"], sent["tags"]
    if len(toks) <= max_len:
        return [sent]
    out = []
    for i in range(0, len(toks), max_len):
        part = {"tokens": toks[i:i + max_len], "tags": tags[i:i + max_len]}
        if sent.get("probs"):
            part["probs"] = sent["probs"][i:i + max_len]
        out.append(part)
    return out


def soft_targets(sents: list[dict], width: int, n_labels: int) -> tuple[torch.Tensor, torch.Tensor] | None:
    """Teacher distributions ``[B, T, L]`` and a mask of the words that have one, or None.

    Sentences labelled by the teacher (``pipeline.training.encoder.distill``) carry ``probs``:
    one distribution over the BIO tags per word. Others (gold, NER sets) have none.
    """
    if not any(s.get("probs") for s in sents):
        return None
    probs = torch.zeros(len(sents), width, n_labels)
    mask = torch.zeros(len(sents), width, dtype=torch.bool)
    for i, s in enumerate(sents):
        p = s.get("probs")
        if p:
            probs[i, :len(p)] = torch.tensor(p, dtype=torch.float)
            mask[i, :len(p)] = True
    probs = probs / probs.sum(-1, keepdim=True).clamp_min(1e-6)
    return probs, mask


def soft_loss(logits: torch.Tensor, probs: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """KL(teacher || softmax(emissions)) averaged over the words that have a teacher distribution."""
    if not mask.any():
        return logits.sum() * 0.0
    logq = torch.log_softmax(logits[mask], -1)
    p = probs[mask]
    return (p * (torch.log(p.clamp_min(1e-8)) - logq)).sum(-1).mean()


def build_vocab(train: list[dict], vectors, max_vocab: int, min_count: int) -> list[str]:
    """Training words (count >= min_count) first, then the most frequent words of the raw text."""
    counts = Counter(word_key(t) for s in train for t in s["tokens"])
    words = [w for w, c in counts.most_common() if c >= min_count]
    seen = set(words)
    if vectors is not None:
        for w in vectors.index_to_key:  # gensim keeps them by descending frequency
            if len(words) >= max_vocab:
                break
            if w not in seen:
                words.append(w)
                seen.add(w)
    return words[:max_vocab]


def build_char_vocab(train: list[dict], min_count: int = 3) -> str:
    counts = Counter(c for s in train for t in s["tokens"] for c in t)
    return "".join(sorted(c for c, n in counts.items() if n >= min_count))


def batches(sents: list[dict], max_tokens: int, shuffle: bool, rng: random.Random) -> list[list[dict]]:
    """Length-bucketed batches holding about ``max_tokens`` words each."""
    groups = length_buckets([len(s["tokens"]) for s in sents], max_tokens, rng if shuffle else None)
    return [[sents[i] for i in g] for g in groups]


# ----------------------------------------------------------------------------- eval

def predict(model, enc: WordEncoder, sents: list[dict], max_tokens: int = 4000) -> list[list[str]]:
    model.eval()
    preds: dict[int, list[str]] = {}
    index = {id(s): i for i, s in enumerate(sents)}
    for group in batches(sents, max_tokens, False, random.Random(0)):
        b = enc.batch(group)
        with torch.no_grad():
            logits = model(input_ids=b["input_ids"], attention_mask=b["attention_mask"], char_ids=b["char_ids"]).logits
        for s, path in zip(group, model.decode(logits, b["attention_mask"])):
            preds[index[id(s)]] = [BIO_LABELS[j] for j in path]
    return [preds[i] for i in range(len(sents))]


def seqeval_scores(gold: list[list[str]], pred: list[list[str]]) -> dict:
    from seqeval.metrics import classification_report, f1_score
    from seqeval.scheme import IOB2

    rep = classification_report(gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    out = {"f1": f1_score(gold, pred, mode="strict", scheme=IOB2, zero_division=0)}
    for lab, vals in rep.items():
        if lab in ("PER", "ROLE", "ORG", "LOC", "FIG", "DATE"):
            out[lab] = round(vals["f1-score"], 4)
    return out


# ----------------------------------------------------------------------------- main

def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m pipeline.training.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default="../shared/corpora", help="the shared corpora folder")
    ap.add_argument("--gold", nargs="*", default=["../shared/gold/seeds.jsonl", "../shared/gold/dev.jsonl"],
                    help="evaluation articles, only used to keep their text out of training")
    ap.add_argument("--work", default="work", help="folder for intermediate files and checkpoints")
    ap.add_argument("--out", default="models/munitagger-fa", help="where the final model is saved")
    ap.add_argument("--name", default=None, help="run name (default: the --out folder name)")
    ap.add_argument("--train", default=None, help="training JSONL (default: WORK/ner/train.jsonl)")
    ap.add_argument("--dev", default=None, help="dev JSONL (default: WORK/ner/dev.jsonl)")
    ap.add_argument("--test", nargs="*", default=None, help="test JSONL files scored at the end")
    ap.add_argument("--vectors", default=None, help="gensim KeyedVectors (default: WORK/pretrain/vectors.kv; 'none' = random init)")
    ap.add_argument("--vector-dim", type=int, default=128)
    ap.add_argument("--vector-epochs", type=int, default=5)
    ap.add_argument("--max-vocab", type=int, default=60000)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--ff", type=int, default=768)
    ap.add_argument("--dropout", type=float, default=0.15)
    ap.add_argument("--no-crf", action="store_true")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--batch-tokens", type=int, default=2000)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--checkpoint-every", type=int, default=300, help="steps between checkpoints")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--init-from", default=None, help="continue from a saved model folder (fresh LR schedule)")
    ap.add_argument("--model-version", default=None, help="written into config.json (default: '<out name> <date>')")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N training sentences (smoke runs)")
    ap.add_argument("--soft-weight", type=float, default=0.0,
                    help="weight of the KL term towards the teacher's per-word distributions (sentences with "
                         "'probs'); 0 = train on their argmax tags only")
    return ap.parse_args(argv)


def _stage_data(args, work: Path) -> tuple[Path, Path, list[Path]]:
    train = Path(args.train) if args.train else work / "ner" / "train.jsonl"
    dev = Path(args.dev) if args.dev else work / "ner" / "dev.jsonl"
    tests = [Path(p) for p in args.test] if args.test is not None else sorted((work / "ner").glob("*_test.jsonl"))
    if not train.exists():
        from pipeline.training import ner_data

        log.info("stage 1: building NER data with pipeline.training.ner_data")
        ner_data.main(["--corpora", args.corpora, "--out", str(work / "ner")])
        tests = sorted((work / "ner").glob("*_test.jsonl")) if args.test is None else tests
    return train, dev, tests


def _stage_vectors(args, work: Path):
    if args.vectors == "none":
        return None
    path = Path(args.vectors) if args.vectors else work / "pretrain" / "vectors.kv"
    from gensim.models import KeyedVectors

    if not path.exists():
        from pipeline.normalize import normalize
        from pipeline.training.corpora import gold_filter, raw_paragraphs
        from pipeline.training.vectors import sentences_for_vectors, train_vectors

        log.info("stage 2: training fastText vectors on %s", args.corpora)
        keep = gold_filter(args.gold)
        paras = [p for p in raw_paragraphs(args.corpora) if keep(p)]
        sents = list(sentences_for_vectors(paras, lambda t: normalize(t).text))
        log.info("  %d paragraphs, %d sentences, %d words", len(paras), len(sents), sum(map(len, sents)))
        return train_vectors(sents, path, dim=args.vector_dim, epochs=args.vector_epochs, workers=args.threads)
    return KeyedVectors.load(str(path))


def main(argv=None) -> dict:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    torch.manual_seed(args.seed)
    work = Path(args.work)
    out = Path(args.out)
    run = work / "runs" / (args.name or out.name)
    run.mkdir(parents=True, exist_ok=True)

    train_path, dev_path, test_paths = _stage_data(args, work)
    train = [c for s in read_jsonl(train_path) for c in chunk(s, args.max_len)]
    if args.limit:
        rng.shuffle(train)
        train = train[: args.limit]
    dev = [c for s in read_jsonl(dev_path) for c in chunk(s, args.max_len)]
    log.info("training sentences %d, dev sentences %d", len(train), len(dev))
    vectors = None if args.init_from else _stage_vectors(args, work)

    # vocabulary, tokenizer and model (re-created identically on resume: same data, same order)
    tok_dir = run / "tokenizer"
    if args.init_from:
        # continue training a saved model (its vocabulary, characters and weights), with a fresh schedule
        from transformers import AutoTokenizer

        model = MuniTaggerForTokenClassification.from_pretrained(args.init_from)
        tokenizer = AutoTokenizer.from_pretrained(args.init_from)
        config = model.config
        config.munifacts_model_version = args.model_version or f"{out.name} {time.strftime('%Y-%m-%d')}"
        char_vocab = config.char_vocab
        log.info("initialised from %s", args.init_from)
    else:
        if (run / "vocab.json").exists():
            meta = json.loads((run / "vocab.json").read_text(encoding="utf-8"))
            words, char_vocab = meta["words"], meta["chars"]
        else:
            words, char_vocab = build_vocab(train, vectors, args.max_vocab, args.min_count), build_char_vocab(train)
            (run / "vocab.json").write_text(json.dumps({"words": words, "chars": char_vocab}, ensure_ascii=False),
                                            encoding="utf-8")
        tokenizer = build_tokenizer(words)
        config = MuniTaggerConfig(
            vocab_size=len(tokenizer.get_vocab()),
            word_dim=vectors.vector_size if vectors is not None else args.vector_dim,
            char_vocab_size=len(char_vocab) + 2, char_vocab=char_vocab, hidden_size=args.hidden,
            num_layers=args.layers, num_heads=args.heads, ff_size=args.ff, dropout=args.dropout,
            use_crf=not args.no_crf, num_labels=len(BIO_LABELS), id2label=dict(enumerate(BIO_LABELS)),
            label2id=LABEL2ID, munifacts_model_version=args.model_version or f"{out.name} {time.strftime('%Y-%m-%d')}",
            max_train_length=args.max_len)
        model = MuniTaggerForTokenClassification(config)
    tokenizer.save_pretrained(tok_dir)
    enc = WordEncoder(tokenizer, char_vocab, config.max_word_chars)
    vocab = tokenizer.get_vocab()
    if not args.init_from:
        with torch.no_grad():
            for w, i in vocab.items():
                if w not in (PAD, UNK):
                    model.vocab_chars[i] = torch.tensor(char_ids_for([w], char_vocab, config.max_word_chars)[0],
                                                        dtype=model.vocab_chars.dtype)
            if vectors is not None:
                for w, i in vocab.items():
                    if w not in (PAD, UNK):
                        model.word_emb.weight[i] = torch.tensor(vectors[w])
                log.info("word embeddings initialised from fastText vectors (%d words)", len(vocab) - 2)

    steps_per_epoch = len(batches(train, args.batch_tokens, False, rng))
    total = steps_per_epoch * args.epochs
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warm = max(1, min(500, total // 10))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.02, 0.5 * (1 + math.cos(math.pi * min(1.0, s / total))))))
    state = {"epoch": 0, "step_in_epoch": 0, "global_step": 0, "best_f1": -1.0, "history": []}
    ckpt = run / "checkpoint.pt"
    if ckpt.exists():
        saved = torch.load(ckpt, weights_only=False)
        model.load_state_dict(saved["model"])
        opt.load_state_dict(saved["opt"])
        sched.load_state_dict(saved["sched"])
        state = saved["state"]
        log.info("resumed from %s: epoch %d step %d", ckpt, state["epoch"], state["step_in_epoch"])

    def save_checkpoint():
        tmp = ckpt.with_suffix(".tmp")
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "state": state}, tmp)
        tmp.replace(ckpt)

    log_file = open(run / "log.jsonl", "a", encoding="utf-8")
    for epoch in range(state["epoch"], args.epochs):
        epoch_batches = batches(train, args.batch_tokens, True, random.Random(args.seed + epoch))
        model.train()
        t0, seen_tokens, loss_sum, n_loss = time.time(), 0, 0.0, 0
        for bi in range(state["step_in_epoch"], len(epoch_batches)):
            b = enc.batch(epoch_batches[bi])
            res = model(**b)
            loss = res.loss
            soft = soft_targets(epoch_batches[bi], b["input_ids"].shape[1], res.logits.shape[-1]) \
                if args.soft_weight > 0 else None
            if soft is not None:
                loss = loss + args.soft_weight * soft_loss(res.logits, *soft)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            state["global_step"] += 1
            state["step_in_epoch"] = bi + 1
            seen_tokens += int(b["attention_mask"].sum())
            loss_sum += float(loss.detach())
            n_loss += 1
            if state["global_step"] % 50 == 0:
                rate = seen_tokens / max(1e-6, time.time() - t0)
                log.info("epoch %d step %d/%d loss %.4f lr %.2e %.0f words/s", epoch + 1, bi + 1,
                         len(epoch_batches), loss_sum / n_loss, sched.get_last_lr()[0], rate)
                log_file.write(json.dumps({"epoch": epoch + 1, "step": state["global_step"],
                                           "loss": round(loss_sum / n_loss, 5)}) + "\n")
                log_file.flush()
                loss_sum, n_loss = 0.0, 0
            if state["global_step"] % args.checkpoint_every == 0:
                save_checkpoint()
        scores = seqeval_scores([s["tags"] for s in dev], predict(model, enc, dev))
        state["history"].append({"epoch": epoch + 1, "dev": scores})
        log.info("epoch %d dev %s", epoch + 1, json.dumps(scores))
        log_file.write(json.dumps({"epoch": epoch + 1, "dev": scores}) + "\n")
        log_file.flush()
        if scores["f1"] > state["best_f1"]:
            state["best_f1"] = scores["f1"]
            model.save_pretrained(out)
            tokenizer.save_pretrained(out)
        state["epoch"] = epoch + 1
        state["step_in_epoch"] = 0
        save_checkpoint()

    # final evaluation of the best model on the test files
    best = MuniTaggerForTokenClassification.from_pretrained(out)
    results = {"dev_best_f1": state["best_f1"], "history": state["history"]}
    for path in test_paths:
        test = [c for s in read_jsonl(path) for c in chunk(s, args.max_len)]
        pred = predict(best, enc, test)
        # a corpus without some of our labels (PEYMA has no ROLE) does not count them against us
        present = {t[2:] for s in test for t in s["tags"] if t != "O"}
        pred = [[t if t == "O" or t[2:] in present else "O" for t in p] for p in pred]
        results[path.stem] = seqeval_scores([s["tags"] for s in test], pred)
        log.info("test %s: %s", path.name, json.dumps(results[path.stem]))
    (run / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    log_file.close()
    return results


if __name__ == "__main__":
    main()
