"""Keep only the vocabulary pieces that Persian text uses.

XLM-R's 250 k pieces make 96 M of e5-small's 118 M parameters. The pieces kept are
those produced when tokenizing the Persian paragraphs (Arabic-script letters >= half of
the letters) of the raw text and NER training sentences in ``../shared/corpora``
(never Arman), plus the specials, the pieces of e5's «query: »/«passage: » prefixes, and every single-character piece of the Arabic, Latin,
digit and punctuation blocks, so unseen words still break into known pieces; a character
outside all of them becomes ``<unk>``. Word-embedding rows are kept in the same order.

    python -m pipeline.training.encoder.prune --corpora ../shared/corpora --ner work/ner/train.jsonl \
        --out work/e5/pruned
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.normalize.normalizer import persian_ratio
from pipeline.training.encoder import convert, q4file

_SINGLE_CHAR_BLOCKS = [(0x20, 0x7E), (0xA0, 0xFF), (0x600, 0x6FF), (0x750, 0x77F), (0xFB50, 0xFDFF),
                       (0xFE70, 0xFEFF), (0x2000, 0x206F), (0x200C, 0x200D)]


E5_PREFIXES = "query: passage: "


def _in_blocks(ch: str) -> bool:
    cp = ord(ch)
    return any(a <= cp <= b for a, b in _SINGLE_CHAR_BLOCKS)


def persian_texts(corpora: Path, ner_files: Iterable[Path] = ()) -> Iterator[str]:
    from pipeline.training.corpora import raw_paragraphs

    for para in raw_paragraphs(corpora):
        if persian_ratio(para) >= 0.5:
            yield para
    for path in ner_files:  # already normalized like the pipeline's input (Persian digits, ZWNJ)
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield " ".join(json.loads(line)["tokens"])


def count_pieces(tok, texts: Iterable[str], batch: int = 2000) -> Counter:
    counts: Counter = Counter()
    buf: list[str] = []
    for text in texts:
        buf.append(text)
        if len(buf) >= batch:
            for enc in tok.encode_batch(buf, add_special_tokens=False):
                counts.update(enc.ids)
            buf = []
    if buf:
        for enc in tok.encode_batch(buf, add_special_tokens=False):
            counts.update(enc.ids)
    return counts


def kept_ids(m: q4file.Q4Model, counts: Counter) -> list[int]:
    specials = {m.bos, m.eos, m.pad, m.unk}
    singles = {i for i, p in enumerate(m.pieces)
               if len(p.replace(convert.META, "")) == 1 and _in_blocks(p.replace(convert.META, ""))}
    return sorted(specials | singles | {i for i in counts if i != m.unk})


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", required=True)
    ap.add_argument("--ner", nargs="*", default=[], help="NER jsonl files (training sentences only)")
    ap.add_argument("--model-file")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    m = q4file.read(args.model_file)
    full = convert.build_tokenizer(m)
    counts = count_pieces(full, persian_texts(Path(args.corpora), [Path(p) for p in args.ner]))
    # e5's own input prefixes, so the pruned encoder still embeds sentences as e5 does (check.py)
    seen = len(counts)
    counts.update(full.encode(E5_PREFIXES, add_special_tokens=False).ids)
    keep = kept_ids(m, counts)
    model = convert.build_bert(m, rows=keep)
    tok = convert.build_tokenizer(m, keep)
    convert.save(model, convert.hf_tokenizer(tok, m), Path(args.out))
    total = sum(counts.values())
    n_full = sum(p.numel() for p in convert.build_bert(m).parameters())
    n_pruned = sum(p.numel() for p in model.parameters())
    summary = {"pieces_before": len(m.pieces), "pieces_seen": seen, "pieces_kept": len(keep),
               "tokens_counted": total, "params_before": n_full, "params_after": n_pruned}
    (Path(args.out) / "pruning.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
