"""Label raw Persian news with the fine-tuned encoder (the teacher) for a fast student.

    nice python -m pipeline.training.encoder.distill --teacher work/e5/teacher \
        --corpora ../shared/corpora --out work/e5/distill.jsonl --max-sentences 40000

Paragraphs come from the raw news text of ``../shared/corpora`` (fars_news_lm,
farsnews_2023 and the raw_* folders; never Arman, never the NER sets, whose labels are
used directly). Paragraphs that occur in any gold article (train, seeds, dev) are
dropped, so no evaluation text reaches the student. Each paragraph is normalized and
tokenized by the pipeline itself; the teacher's per-word tag distribution (softmax at
the word's first piece) is written with its argmax::

    {"tokens": [...], "tags": [...], "probs": [[13 floats], ...], "source": "teacher"}

The output is appended sentence by sentence and ``OUT.progress`` records how many
paragraphs were consumed, so rerunning the command resumes. The student is trained with
``python -m pipeline.training.train --train FILE`` on these sentences plus the NER data and
the gold sentences (see the README section on the encoder).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch

RAW = ["raw_asriran/asriran.txt.xz", "raw_varzesh3/varzesh3.txt.xz", "raw_namnak/namnak.txt",
       "raw_tabnak/tabnak.txt", "raw_radiofarda/radiofarda.txt", "raw_parsinlu_rc/parsinlu_rc_passages.txt",
       "raw_persianqa_test/persianqa_test_contexts.txt", "raw_ntrex_fas/ntrex_newstest2019_fas.txt"]


def news_paragraphs(root: Path):
    """Raw news paragraphs, interleaved across sources so a partial run sees all outlets."""
    from pipeline.training import corpora

    sources = [corpora._fars_news(root), corpora._farsnews_2023(root)]
    sources += [corpora._lines(root / rel) for rel in RAW if (root / rel).exists()]
    while sources:
        for it in list(sources):
            try:
                yield next(it)
            except StopIteration:
                sources.remove(it)


def word_probs(model, tok, sents: list[list[str]], max_len: int = 128) -> list[torch.Tensor]:
    """Per-word tag distributions ``[n_words, n_labels]`` (first-piece softmax) for each sentence."""
    from pipeline.training.encoder.finetune import collate, encode

    out = []
    for words in sents:
        chunks = encode(tok, {"tokens": words}, max_len)
        b = collate(chunks, tok.pad_token_id)
        with torch.no_grad():
            p = model(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits.softmax(-1)
        probs = torch.zeros(len(words), p.shape[-1])
        probs[:, 0] = 1.0  # a word without pieces is O
        for ci, c in enumerate(chunks):
            seen = set()
            for k, w in enumerate(c["words"]):
                if w is not None and w not in seen:
                    seen.add(w)
                    probs[w] = p[ci, k]
        out.append(probs)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--teacher", required=True)
    ap.add_argument("--corpora", default="../shared/corpora")
    ap.add_argument("--gold", nargs="*", default=["../shared/gold/train.jsonl", "../shared/gold/seeds.jsonl",
                                                  "../shared/gold/dev.jsonl"])
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-sentences", type=int, default=40000)
    ap.add_argument("--min-words", type=int, default=5)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    from pipeline.document import Document
    from pipeline.normalize import Normalizer, persian_ratio
    from pipeline.training.corpora import gold_filter
    from pipeline.tag.tagger import normalize_tag
    from pipeline.tokenize import tokenize

    model = AutoModelForTokenClassification.from_pretrained(args.teacher, local_files_only=True).eval()
    tok = AutoTokenizer.from_pretrained(args.teacher, local_files_only=True)
    labels = [normalize_tag(model.config.id2label[i]) or "O" for i in range(model.config.num_labels)]
    keep = gold_filter(args.gold)
    normalizer = Normalizer()
    out, prog = Path(args.out), Path(args.out + ".progress")
    done_paras = int(prog.read_text()) if prog.exists() else 0
    n_sents = sum(1 for _ in open(out, encoding="utf-8")) if out.exists() else 0
    with open(out, "a", encoding="utf-8") as fo:
        for pi, para in enumerate(news_paragraphs(Path(args.corpora))):
            if n_sents >= args.max_sentences:
                break
            if pi < done_paras or persian_ratio(para) < 0.7 or not keep(para):
                continue
            nt = normalizer.normalize(para)
            doc = tokenize(Document(id=str(pi), raw=para, text=nt.text, norm=nt))
            sents = [[t.text for t in doc.tokens if t.start >= s.start and t.end <= s.end] for s in doc.sentences]
            sents = [s for s in sents if len(s) >= args.min_words]
            for words, probs in zip(sents, word_probs(model, tok, sents)):
                best = probs.argmax(-1).tolist()
                fo.write(json.dumps({"tokens": words, "tags": [labels[j] for j in best],
                                     "probs": [[round(float(x), 3) for x in row] for row in probs],
                                     "source": "teacher"}, ensure_ascii=False) + "\n")
                n_sents += 1
            fo.flush()
            prog.write_text(str(pi + 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
