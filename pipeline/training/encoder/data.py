"""Training sentences for the encoder: the NER corpora and the gold articles, word-level BIO.

* NER data: ``work/ner/*.jsonl`` from ``scripts/build_ner_data.py`` (PEYMA, NSURL-2019,
  ParsTwiNER mapped to our labels; never Arman).
* Gold articles (``../shared/gold/train.jsonl``): normalized and tokenized by the
  pipeline's own normalizer and tokenizer, so the words are exactly those the tagger
  sees; each gold entity (label, text) marks every run of tokens whose letters spell
  its text (longer entities first, no overlaps). Entities listed per mention, so
  labelling every occurrence matches the annotation in all but rare cases.
* Held-out articles: a fixed, seeded sample of gold article ids that training never
  sees, written next to the run so benchmark scripts measure on the same articles.
"""
from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

_CHAR_MAP = str.maketrans({
    "ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "ؤ": "و", "إ": "ا", "أ": "ا", "ٱ": "ا",
    **{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)},
})
_DROP = re.compile(r"[\u200c\u200d\u200e\u200f\u064b-\u065f\u0670\u0640\s«»\"'()\[\]،,:؛;.!?؟\-–—]")


def key(text: str) -> str:
    """Letters and digits only, one form per letter: how entity texts are compared."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).translate(_CHAR_MAP))


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def holdout_ids(articles: list[dict], n: int, seed: int = 8) -> list[str]:
    ids = sorted(a["id"] for a in articles)
    return sorted(random.Random(seed).sample(ids, min(n, len(ids))))


def label_tokens(words: list[str], entities: list[tuple[str, str]], max_words: int = 25) -> list[str]:
    """BIO tags for ``words``: every token run spelling an entity text gets its label."""
    tags = ["O"] * len(words)
    wkeys = [key(w) for w in words]
    wanted: dict[str, str] = {}
    for label, text in sorted(entities, key=lambda e: -len(key(e[1]))):
        wanted.setdefault(key(text), label)
    for ekey, label in sorted(wanted.items(), key=lambda kv: -len(kv[0])):
        if not ekey:
            continue
        for i in range(len(words)):
            if not wkeys[i] or not ekey.startswith(wkeys[i]):
                continue
            acc, j = "", i
            while j < len(words) and j - i < max_words and len(acc) < len(ekey):
                acc += wkeys[j]
                j += 1
                if not ekey.startswith(acc):
                    break
            if acc == ekey and all(t == "O" for t in tags[i:j]):
                # trailing punctuation-only tokens inside the run are not part of the span
                while j > i + 1 and not wkeys[j - 1]:
                    j -= 1
                tags[i] = f"B-{label}"
                for k in range(i + 1, j):
                    tags[k] = f"I-{label}"
    return tags


def gold_sentences(articles: list[dict]) -> list[dict]:
    """Word-level BIO sentences from gold articles, via the pipeline's normalizer and tokenizer."""
    from pipeline.document import Document
    from pipeline.normalize import Normalizer
    from pipeline.tokenize import tokenize

    normalizer = Normalizer()
    out = []
    for art in articles:
        ents = [(e["label"], e["text"]) for e in art.get("entities", []) if e.get("text")]
        for part in [art.get("title") or "", art.get("text") or ""]:
            if not part.strip():
                continue
            nt = normalizer.normalize(part)
            doc = tokenize(Document(id=art["id"], raw=part, text=nt.text, norm=nt))
            words = [t.text for t in doc.tokens]
            tags = label_tokens(words, ents)
            for sent in doc.sentences:
                idx = [i for i, t in enumerate(doc.tokens) if t.start >= sent.start and t.end <= sent.end]
                if idx:
                    out.append({"tokens": [words[i] for i in idx], "tags": [tags[i] for i in idx],
                                "source": "gold:" + art["id"]})
    return out
