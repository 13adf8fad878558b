"""Readers for the raw Persian text in ``../shared/corpora`` (used to pretrain word vectors).

Every reader yields paragraphs (str). Nothing here is shipped: the text is only read
at training time. ``gold_filter`` drops paragraphs that occur in the evaluation
articles, so no evaluation text leaks into pretraining.
"""
from __future__ import annotations

import csv
import json
import lzma
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

_KEY_DROP = re.compile(r"[^\w]|_", re.UNICODE)
_ARABIC = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "\u200c": ""})


def text_key(text: str) -> str:
    """Letters and digits only, Persian letter forms: for duplicate detection."""
    return _KEY_DROP.sub("", text.translate(_ARABIC))


def _lines(path: Path) -> Iterator[str]:
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield line


def _fars_news(root: Path) -> Iterator[str]:
    for path in sorted((root / "fars_news_lm").glob("*.json.xz")):
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            for art in json.load(fh):
                for part in [art.get("title"), art.get("abstract"), *(art.get("paragraphs") or [])]:
                    if part and part.strip():
                        yield part.strip()


def _farsnews_2023(root: Path) -> Iterator[str]:
    path = root / "farsnews_2023" / "farsnews.csv"
    if not path.exists():
        return
    csv.field_size_limit(10**9)
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for part in [row.get("title") or "", *(row.get("text") or "").split("\n")]:
                if part.strip():
                    yield part.strip()


def _ner_sentences(root: Path) -> Iterator[str]:
    """The NER corpora's training sentences as plain text (their labels are not used here)."""
    specs = [("peyma/train.txt", "|"), ("nsurl2019_task7/train_600k.txt", "\t"), ("parstwiner/train.txt", "\t")]
    for rel, sep in specs:
        path = root / rel
        if not path.exists():
            continue
        cur: list[str] = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if not line.strip():
                    if cur:
                        yield " ".join(cur)
                        cur = []
                    continue
                cur.append(line.rsplit(sep, 1)[0])
        if cur:
            yield " ".join(cur)


def raw_paragraphs(root: str | Path) -> Iterator[str]:
    """All raw paragraphs: news crawls, encyclopedic text, treebank sentences, NER sentences.

    Arman is never read (its licence is academic research only).
    """
    root = Path(root)
    yield from _fars_news(root)
    yield from _farsnews_2023(root)
    for rel in ["raw_asriran/asriran.txt.xz", "raw_varzesh3/varzesh3.txt.xz", "raw_namnak/namnak.txt",
                "raw_parsinlu_rc/parsinlu_rc_passages.txt", "raw_persianqa_test/persianqa_test_contexts.txt",
                "raw_updt/updt_plain.txt", "raw_perdt/perdt_sentences.txt", "raw_tabnak/tabnak.txt",
                "raw_radiofarda/radiofarda.txt", "raw_ntrex_fas/ntrex_newstest2019_fas.txt"]:
        path = root / rel
        if path.exists():
            yield from _lines(path)
    yield from _ner_sentences(root)


def gold_filter(gold_files: Iterable[str | Path], min_len: int = 30) -> Callable[[str], bool]:
    """A predicate that is False for paragraphs whose text occurs in an evaluation article."""
    keys: list[str] = []
    for path in gold_files:
        path = Path(path)
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    keys.append(text_key(json.loads(line)["text"]))
    blob = "\n".join(keys)

    def keep(paragraph: str) -> bool:
        k = text_key(paragraph)
        if len(k) < min_len:
            return True
        # a paragraph is dropped when a 30-letter window of it is found in a gold article
        probe = k[len(k) // 2 - min_len // 2: len(k) // 2 + min_len // 2]
        return probe not in blob

    return keep
