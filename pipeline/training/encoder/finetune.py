"""Fine-tune the converted e5 encoder for token classification (BIO over our six labels).

    nice python -m pipeline.training.encoder.finetune --base work/e5/pruned --ner work/ner \
        --gold ../shared/gold/train.jsonl --run work/e5/run1 --out work/e5/teacher

A layer-dropped student of a source-heads teacher run (its bottom 4 of 12 layers)::

    nice python -m pipeline.training.encoder.finetune --base work/e5/teacher5 --ner work/ner \
        --holdout-file work/e5/run4/holdout_ids.txt --gold-repeat 10 --source-heads \
        --init-checkpoint work/e5/run5/checkpoint.pt --init-source-heads --keep-layers 0,1,2,3 \
        --teacher-labels work/e5/distill5mix.jsonl --soft-weight 0.5 --ner-sample 20000 \
        --lr 1.5e-4 --head-lr 5e-4 --warmup 0.03 --max-steps 800 --run work/e5/student_run \
        --out work/e5/student

* Words are split into pieces with ``is_split_into_words``; a word's label sits on its
  first piece, the other pieces are ignored in the loss (ZWNJ is a piece boundary, so
  labels are aligned through ``word_ids``, never by position).
* Word embeddings are frozen (most pieces are seen rarely; this also keeps the pruned
  vocabulary's vectors as pretrained). The body learns at ``--lr`` (5e-5) and the new
  classification head at ``--head-lr`` (2e-3): e5's last-layer outputs are small, and with
  the body's rate the head stays near uniform and predicts only O for thousands of steps.
* Gold sentences (minus ``--holdout`` articles, written to ``RUN/holdout_ids.txt``) are
  repeated ``--gold-repeat`` times: they alone teach ROLE and the municipal LOC/FIG/DATE
  conventions.
* ``RUN/checkpoint.pt`` every ``--checkpoint-every`` steps (model, optimizer, schedule,
  data order): rerunning the same command resumes. ``RUN/log.jsonl`` gets progress and
  metrics (PEYMA dev sample + held-out gold sentences, seqeval strict); each evaluation
  also exports the current model with ``save_pretrained`` to ``--out``.
* ``--source-heads``: the NER sets and our gold follow different conventions (city bodies,
  ROLE, DATE/FIG spans), so one head learns a compromise. With this option every training
  source (the ``source`` field before ``:``: peyma, nsurl600k, parstwiner, synthetic) gets
  its own classification head and only gold sentences train the model's own ``classifier``:
  the encoder learns from everything, the exported head predicts gold conventions. The
  extra heads live in the checkpoint only; the exported model is an ordinary
  ``BertForTokenClassification``. ``log.jsonl`` then also reports PEYMA dev through the
  PEYMA head (``peyma_dev_own_head``).
* ``--init-checkpoint RUN/checkpoint.pt`` starts a new run from another run's model
  weights (fresh optimizer and schedule), e.g. to continue a teacher at a low rate;
  ``--init-source-heads`` also takes that run's per-source heads (default: every source
  head starts as a copy of the loaded classifier).
* Layer-dropped student (``--keep-layers 0,4,8,11``): the model (built from ``--base``
  and, with ``--init-checkpoint``, loaded with the teacher run's weights) keeps only the
  listed transformer layers, in order; embeddings, pruned vocabulary, tokenizer and heads
  are the teacher's. The export is a ``BertForTokenClassification`` with
  ``num_hidden_layers`` = the number of kept layers.
* ``--teacher-labels FILE`` (from ``distill.py``: ``tokens``, ``tags``, ``probs``) adds
  teacher-labelled raw news; these sentences follow gold conventions, so they train the
  exported classifier like gold. ``--soft-weight W`` adds W x KL(teacher || student) on
  their first pieces (the stored per-word distributions; no teacher runs during training).
* ``--holdout-file`` reads the held-out gold ids from a file (e.g. an earlier run's
  ``holdout_ids.txt``) instead of drawing ``--holdout`` of them.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import time
from pathlib import Path

import torch

from pipeline.tag.labels import BIO_LABELS, LABEL2ID
from pipeline.training.batching import length_buckets
from pipeline.training.encoder.data import gold_sentences, holdout_ids, read_jsonl


GOLD_SOURCES = ("gold", "teacher")  # sentences in gold conventions: they train the exported classifier


def source_name(sent: dict) -> str:
    """Training source of a sentence: ``gold`` for gold articles, else the NER set's name."""
    return (sent.get("source") or "ner").split(":")[0]


def parse_layers(text: str) -> list[int]:
    """``"0,4,8,11"`` -> ``[0, 4, 8, 11]`` (strictly increasing, non-negative)."""
    layers = [int(x) for x in text.split(",") if x.strip()]
    if not layers or any(b <= a for a, b in zip(layers, layers[1:])) or layers[0] < 0:
        raise ValueError(f"--keep-layers wants increasing layer numbers such as 0,4,8,11, got {text!r}")
    return layers


def keep_layers(model, layers: list[int]):
    """Keep only transformer layers ``layers`` (teacher numbering, in order) of a BERT-type model, in place."""
    blocks = model.bert.encoder.layer
    if layers[-1] >= len(blocks):
        raise ValueError(f"the model has {len(blocks)} layers; cannot keep layer {layers[-1]}")
    model.bert.encoder.layer = torch.nn.ModuleList([blocks[i] for i in layers])
    for new, block in enumerate(model.bert.encoder.layer):  # attention modules may carry their index
        for mod in block.modules():
            if hasattr(mod, "layer_idx"):
                mod.layer_idx = new
    model.config.num_hidden_layers = len(layers)
    model.config.kept_layers_of_teacher = list(layers)
    return model


class SourceHeads(torch.nn.Module):
    """One linear head per non-gold source; gold rows use the model's own ``classifier``."""

    def __init__(self, classifier: torch.nn.Linear, names: list[str]):
        super().__init__()
        self.names = list(names)
        self.heads = torch.nn.ModuleList()
        for _ in self.names:
            h = torch.nn.Linear(classifier.in_features, classifier.out_features)
            h.load_state_dict(classifier.state_dict())
            self.heads.append(h)

    def index(self, name: str) -> int:
        """0 = the model's classifier (gold and unknown sources), k > 0 = ``heads[k - 1]``."""
        return self.names.index(name) + 1 if name in self.names else 0


def source_logits(model, extra: SourceHeads, input_ids, attention_mask, src) -> torch.Tensor:
    """Token logits where row ``r`` is scored by head ``src[r]`` (0 = ``model.classifier``)."""
    hidden = model.dropout(model.bert(input_ids=input_ids, attention_mask=attention_mask)[0])
    logits = model.classifier(hidden)
    for k, head in enumerate(extra.heads, start=1):
        rows = (src == k).nonzero(as_tuple=True)[0]
        if len(rows):
            logits = logits.index_put((rows,), head(hidden[rows]))
    return logits


def encode(tok, sent: dict, max_len: int) -> list[dict]:
    """Pieces + first-piece labels for one sentence, cut into chunks of at most ``max_len`` pieces.

    With ``probs`` (one distribution per word) the chunk also gets ``soft``: the word's
    distribution at its first piece, ``None`` elsewhere."""
    words, tags = sent["tokens"], sent.get("tags") or ["O"] * len(sent["tokens"])
    probs = sent.get("probs")
    enc = tok(words, is_split_into_words=True, add_special_tokens=False)
    ids, wids = enc["input_ids"], enc.word_ids()
    body = max_len - 2
    out, start = [], 0
    while start < len(ids):
        end = min(len(ids), start + body)
        if end < len(ids):  # do not cut inside a word
            back = end
            while back > start + 1 and wids[back] == wids[back - 1]:
                back -= 1
            end = back
        labels, soft, prev = [], [], None
        for k in range(start, end):
            w = wids[k]
            labels.append(LABEL2ID.get(tags[w], 0) if w != prev else -100)
            soft.append(probs[w] if probs is not None and w != prev else None)
            prev = w
        item = {"ids": [tok.bos_token_id] + ids[start:end] + [tok.eos_token_id],
                "labels": [-100] + labels + [-100], "words": [None] + wids[start:end] + [None]}
        if probs is not None:
            item["soft"] = [None] + soft + [None]
        out.append(item)
        start = end
    return out


def make_batches(items: list[dict], max_tokens: int, rng: random.Random | None) -> list[list[int]]:
    return length_buckets([len(x["ids"]) for x in items], max_tokens, rng)


def collate(items: list[dict], pad: int, src: dict[str, int] | None = None) -> dict[str, torch.Tensor]:
    """Padded batch; with ``src`` (source name -> head index) also ``src``: one head index per row."""
    n = max(len(x["ids"]) for x in items)
    ids = torch.full((len(items), n), pad, dtype=torch.long)
    mask = torch.zeros((len(items), n), dtype=torch.long)
    labels = torch.full((len(items), n), -100, dtype=torch.long)
    for i, x in enumerate(items):
        k = len(x["ids"])
        ids[i, :k] = torch.tensor(x["ids"])
        mask[i, :k] = 1
        labels[i, :k] = torch.tensor(x["labels"])
    out = {"input_ids": ids, "attention_mask": mask, "labels": labels}
    if any("soft" in x for x in items):  # teacher distributions: (rows, n, labels) + where they are
        width = next(len(p) for x in items for p in x.get("soft", []) if p is not None)
        soft = torch.zeros((len(items), n, width))
        has = torch.zeros((len(items), n), dtype=torch.bool)
        for i, x in enumerate(items):
            for k, p in enumerate(x.get("soft", [])):
                if p is not None:
                    soft[i, k] = torch.tensor(p)
                    has[i, k] = True
        out["soft"], out["soft_mask"] = soft, has
    if src is not None:
        out["src"] = torch.tensor([src.get(x.get("source", "gold"), 0) for x in items], dtype=torch.long)
    return out


def soft_loss(logits: torch.Tensor, soft: torch.Tensor, soft_mask: torch.Tensor) -> torch.Tensor:
    """Mean KL(teacher || student) over the pieces that carry a teacher distribution."""
    if not bool(soft_mask.any()):
        return logits.sum() * 0.0
    p = soft[soft_mask].clamp_min(0)
    p = p / p.sum(-1, keepdim=True).clamp_min(1e-8)
    logq = torch.log_softmax(logits[soft_mask].float(), -1)
    return (p * (torch.log(p.clamp_min(1e-8)) - logq)).sum(-1).mean()


def evaluate(model, items: list[dict], pad: int, max_tokens: int = 4096, head=None) -> dict:
    """seqeval strict F1 (overall and per label); ``head`` scores with that head instead of the classifier."""
    from seqeval.metrics import classification_report, f1_score
    from seqeval.scheme import IOB2

    model.eval()
    gold, pred = [], []
    with torch.no_grad():
        for group in make_batches(items, max_tokens, None):
            b = collate([items[i] for i in group], pad)
            if head is None:
                best = model(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits.argmax(-1)
            else:
                hidden = model.bert(input_ids=b["input_ids"], attention_mask=b["attention_mask"])[0]
                best = head(hidden).argmax(-1)
            for r, i in enumerate(group):
                lab = items[i]["labels"]
                keep = [k for k, v in enumerate(lab) if v != -100]
                gold.append([BIO_LABELS[lab[k]] for k in keep])
                pred.append([BIO_LABELS[int(best[r, k])] for k in keep])
    model.train()
    rep = classification_report(gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    out = {"f1": round(f1_score(gold, pred, mode="strict", scheme=IOB2, zero_division=0), 4)}
    out.update({lab: round(v["f1-score"], 4) for lab, v in rep.items() if lab in ("PER", "ROLE", "ORG", "LOC", "FIG", "DATE")})
    return out


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="converted (pruned) e5 checkpoint folder")
    ap.add_argument("--ner", default="work/ner", help="folder with train.jsonl/dev.jsonl from build_ner_data.py")
    ap.add_argument("--gold", default="../shared/gold/train.jsonl", help="gold training articles")
    ap.add_argument("--holdout", type=int, default=20, help="gold articles kept out of training")
    ap.add_argument("--gold-repeat", type=int, default=4)
    ap.add_argument("--ner-sample", type=int, default=0, help="use only this many NER training sentences (0 = all)")
    ap.add_argument("--run", required=True, help="run folder: checkpoint.pt, log.jsonl, holdout_ids.txt")
    ap.add_argument("--out", required=True, help="exported Hugging Face checkpoint (updated at each evaluation)")
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--batch-tokens", type=int, default=2048)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--head-lr", type=float, default=2e-3)
    ap.add_argument("--warmup", type=float, default=0.05)
    ap.add_argument("--checkpoint-every", type=int, default=200)
    ap.add_argument("--eval-every", type=int, default=600)
    ap.add_argument("--eval-sents", type=int, default=300, help="PEYMA dev sentences in each evaluation")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--freeze-layers", type=int, default=0,
                    help="also freeze the embeddings block and the lowest N transformer layers (faster steps)")
    ap.add_argument("--bf16", action="store_true", help="bfloat16 autocast for forward and backward on the CPU (only on CPUs with native "
                         "bf16; on one without it a step took 13x longer)")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0 = run the epochs)")
    ap.add_argument("--source-heads", action="store_true",
                    help="one head per NER source; only gold trains the exported classifier")
    ap.add_argument("--init-checkpoint", default="", help="start from this run checkpoint's model weights")
    ap.add_argument("--init-source-heads", action="store_true",
                    help="with --init-checkpoint and --source-heads: also load that run's per-source heads")
    ap.add_argument("--keep-layers", default="",
                    help="layer-dropped student: keep only these transformer layers of the (loaded) model, "
                         "e.g. 0,4,8,11")
    ap.add_argument("--teacher-labels", default="",
                    help="teacher-labelled sentences (distill.py output); they train the exported classifier")
    ap.add_argument("--teacher-sample", type=int, default=0, help="use only this many teacher sentences (0 = all)")
    ap.add_argument("--soft-weight", type=float, default=0.0,
                    help="weight of KL(teacher || student) on the teacher sentences' stored distributions")
    ap.add_argument("--holdout-file", default="",
                    help="held-out gold ids, one per line (instead of drawing --holdout of them)")
    return ap.parse_args(argv)


def main(argv=None) -> dict:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    from transformers import AutoTokenizer, BertForTokenClassification

    run, out = Path(args.run), Path(args.out)
    run.mkdir(parents=True, exist_ok=True)
    logf = open(run / "log.jsonl", "a", encoding="utf-8")

    def log(**kw):
        kw["time"] = time.strftime("%H:%M:%S")
        logf.write(json.dumps(kw, ensure_ascii=False) + "\n")
        logf.flush()

    tok = AutoTokenizer.from_pretrained(args.base, local_files_only=True)
    rng = random.Random(args.seed)
    ner_train = read_jsonl(Path(args.ner) / "train.jsonl")
    if args.ner_sample and args.ner_sample < len(ner_train):
        ner_train = rng.sample(ner_train, args.ner_sample)
    ner_dev = read_jsonl(Path(args.ner) / "dev.jsonl")[: args.eval_sents]
    articles = read_jsonl(args.gold) if args.gold and Path(args.gold).exists() else []
    if args.holdout_file:
        held = set(Path(args.holdout_file).read_text(encoding="utf-8").split())
    else:
        held = set(holdout_ids(articles, args.holdout)) if articles else set()
    (run / "holdout_ids.txt").write_text("".join(i + "\n" for i in sorted(held)), encoding="utf-8")
    gold_train = gold_sentences([a for a in articles if a["id"] not in held])
    gold_held = gold_sentences([a for a in articles if a["id"] in held])

    def enc_all(sents):
        out = []
        for s in sents:
            for c in encode(tok, s, args.max_len):
                c["source"] = source_name(s)
                out.append(c)
        return out

    teacher = []
    if args.teacher_labels:
        teacher = [{"tokens": r["tokens"], "tags": r["tags"], "source": "teacher",
                    **({"probs": r["probs"]} if args.soft_weight and r.get("probs") else {})}
                   for r in read_jsonl(args.teacher_labels)]
        if args.teacher_sample and args.teacher_sample < len(teacher):
            teacher = rng.sample(teacher, args.teacher_sample)
    train_items = enc_all(ner_train) + enc_all(gold_train) * args.gold_repeat + enc_all(teacher)
    dev_items, held_items = enc_all(ner_dev), enc_all(gold_held)
    log(event="data", ner=len(ner_train), gold_sents=len(gold_train), gold_repeat=args.gold_repeat,
        teacher_sents=len(teacher),
        train_chunks=len(train_items), train_pieces=sum(len(x["ids"]) for x in train_items),
        held_articles=len(held), held_chunks=len(held_items), dev_chunks=len(dev_items))

    model = BertForTokenClassification.from_pretrained(
        args.base, num_labels=len(BIO_LABELS), id2label=dict(enumerate(BIO_LABELS)),
        label2id=dict(LABEL2ID), local_files_only=True)
    ckpt = run / "checkpoint.pt"
    init_heads = None
    if args.init_checkpoint and not ckpt.exists():  # loaded before any layer is dropped
        init = torch.load(args.init_checkpoint, map_location="cpu", weights_only=False)
        model.load_state_dict(init["model"])
        init_heads = init.get("heads") if args.init_source_heads else None
        log(event="init", checkpoint=str(args.init_checkpoint), from_step=init.get("step"))
        del init
    if args.keep_layers:
        keep_layers(model, parse_layers(args.keep_layers))
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    if args.freeze_layers:
        for p in model.bert.embeddings.parameters():
            p.requires_grad_(False)
        for layer in model.bert.encoder.layer[: args.freeze_layers]:
            for p in layer.parameters():
                p.requires_grad_(False)
    extra = None
    if args.source_heads:
        names = sorted({x["source"] for x in train_items} - set(GOLD_SOURCES))
        extra = SourceHeads(model.classifier, names)  # every source head starts from the (loaded) classifier
        if init_heads is not None:
            extra.load_state_dict(init_heads)
    src_index = {n: extra.index(n) for n in extra.names} if extra else None
    head = [p for n, p in model.named_parameters() if n.startswith("classifier")]
    if extra is not None:
        head += list(extra.parameters())
    body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("classifier")]
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}],
                            weight_decay=0.01)
    per_epoch = len(make_batches(train_items, args.batch_tokens, random.Random(0)))
    total = args.max_steps or max(1, int(per_epoch * args.epochs))
    warm = max(1, int(total * args.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / max(1, total - warm)) if s >= warm
        else (s + 1) / warm)

    step = 0
    if ckpt.exists():
        state = torch.load(ckpt, map_location="cpu", weights_only=False)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        if extra is not None:
            extra.load_state_dict(state["heads"])
        step = state["step"]
        log(event="resume", step=step)

    def save_checkpoint():
        tmp = ckpt.with_suffix(".tmp")
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "step": step, "args": vars(args),
                    "heads": extra.state_dict() if extra is not None else None}, tmp)
        tmp.replace(ckpt)

    def export_and_eval():
        metrics = {"peyma_dev": evaluate(model, dev_items, tok.pad_token_id),
                   "gold_heldout": evaluate(model, held_items, tok.pad_token_id) if held_items else None}
        if extra is not None and "peyma" in extra.names:
            metrics["peyma_dev_own_head"] = evaluate(model, dev_items, tok.pad_token_id,
                                                     head=extra.heads[extra.index("peyma") - 1])
        model.config.max_train_length = args.max_len
        model.save_pretrained(out)
        tok.save_pretrained(out)
        cfg = out / "tokenizer_config.json"
        c = json.loads(cfg.read_text(encoding="utf-8"))
        c["tokenizer_class"] = "PreTrainedTokenizerFast"
        # the tagger cuts articles into windows itself; whole-article piece counts are not an error
        c["model_max_length"] = 1_000_000
        cfg.write_text(json.dumps(c, ensure_ascii=False, indent=2), encoding="utf-8")
        log(event="eval", step=step, **metrics)
        return metrics

    model.train()
    t0, seen, loss_sum, n_loss = time.time(), 0, 0.0, 0
    log(event="start", step=step, total_steps=total, per_epoch=per_epoch, threads=args.threads,
        freeze_layers=args.freeze_layers, bf16=args.bf16, source_heads=extra.names if extra else None,
        layers=model.config.num_hidden_layers, keep_layers=args.keep_layers or None, soft_weight=args.soft_weight)
    metrics = {}
    while step < total:
        epoch = step // per_epoch
        order = make_batches(train_items, args.batch_tokens, random.Random(args.seed + epoch))
        for bi in range(step % per_epoch, len(order)):
            if step >= total:
                break
            b = collate([train_items[i] for i in order[bi]], tok.pad_token_id, src_index)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
                if extra is None:
                    logits = model(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits
                else:
                    logits = source_logits(model, extra, b["input_ids"], b["attention_mask"], b["src"])
                loss = torch.nn.functional.cross_entropy(
                    logits.reshape(-1, logits.shape[-1]).float(), b["labels"].reshape(-1), ignore_index=-100)
                if args.soft_weight and "soft" in b:
                    loss = loss + args.soft_weight * soft_loss(logits, b["soft"], b["soft_mask"])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            seen += int(b["attention_mask"].sum())
            loss_sum += float(loss.detach())
            n_loss += 1
            if step % 20 == 0:
                el = time.time() - t0
                log(event="progress", step=step, total=total, epoch=round(step / per_epoch, 3),
                    loss=round(loss_sum / n_loss, 4), pieces_per_s=round(seen / el, 1),
                    eta_min=round((total - step) * el / max(1, n_loss) / 60, 1))
                loss_sum, n_loss, seen, t0 = 0.0, 0, 0, time.time()
            if step % args.checkpoint_every == 0:
                save_checkpoint()
            if step % args.eval_every == 0:
                metrics = export_and_eval()
    save_checkpoint()
    metrics = export_and_eval()
    log(event="done", step=step)
    return metrics


if __name__ == "__main__":
    main()
