"""The tag stage's model forward, before and after the per-word input cache, in one process.

Interleaves, batch by batch, the previous computation (the batch's word and character inputs built
and run through the character CNN and the input projection every time; the padding mask always
passed to the encoder) and the tagger's current one (:class:`pipeline.tag.encode.WordVectorCache`,
:func:`pipeline.tag.net.encode_vectors`) on the tagger's own windows of real articles, and prints
CPU ms per article and whether the Viterbi paths are the same. Both run side by side in one
process, so another job on the machine slows both alike (read the ratio, not the absolute ms).

    python benchmarks/tag_forward.py --articles 200 --source ../shared/gold/train.jsonl
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import articles  # noqa: E402


def windows(texts: list[str], tagger) -> list[list[list[str]]]:
    """The word windows the tagger runs, batch by batch (16 articles per pipeline batch)."""
    from pipeline.document import Document
    from pipeline.extract import Extractor

    ex = Extractor(stages=["normalize", "tokenize"])
    docs = [Document(id=str(i), raw=t) for i, t in enumerate(texts)]
    for d in docs:
        for _name, stage in ex.stages:
            stage(d)
    batches: list[list[list[str]]] = []
    run = tagger._predict
    tagger._predict = lambda units, ds, starts: (batches.append([list(u) for u in units]), run(units, ds, starts))[1]
    for i in range(0, len(docs), 16):
        tagger.tag_many(docs[i:i + 16])
    del tagger._predict
    return batches


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--source", type=Path, default=None, help="repeat the articles of this JSONL file")
    ap.add_argument("--passes", type=int, default=2)
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    from pipeline.stages import default_model
    from pipeline.tag.encode import WordEncoder, WordVectorCache
    from pipeline.tag.net import char_features, encode_vectors
    from pipeline.tag.tagger import Tagger

    tagger = Tagger.load(default_model(), threads=1)
    m, cfg = tagger.model, tagger.model.config
    texts = [a["text"] for a in articles(args.articles, source=args.source)]
    batches = windows(texts, tagger)
    n_win = sum(len(b) for b in batches)
    print(f"{len(texts)} articles, {len(batches)} batches, {n_win} windows, "
          f"{sum(len(u) for b in batches for u in b)} window words, 1 torch thread")

    def before(units, enc):
        bt = enc.batch([{"tokens": u} for u in units])
        ids, mask, chars = bt["input_ids"], bt["attention_mask"], bt["char_ids"]
        b, n, c = chars.shape
        distinct, where = torch.unique(chars.view(b * n, c), dim=0, return_inverse=True)
        x = m.proj(torch.cat([m.word_emb(ids), char_features(m, distinct)[where].view(b, n, -1)], dim=-1))
        x = m.encoder(x + m.pos_emb(torch.arange(n)).unsqueeze(0), src_key_padding_mask=mask == 0)
        return m.decode(m.classifier(m.norm(x)), mask)

    def after(units, cache):
        x, mask = cache.batch(units)
        return m.decode(encode_vectors(m, x, mask), mask)

    clock = time.process_time
    with torch.inference_mode():
        for p in range(args.passes):  # fresh caches each pass: the first articles fill them
            enc = WordEncoder(tagger.tokenizer, cfg.char_vocab, cfg.max_word_chars)
            cache = WordVectorCache(m, WordEncoder(tagger.tokenizer, cfg.char_vocab, cfg.max_word_chars))
            cpu = {"before": 0.0, "after": 0.0}
            same = True
            for k, units in enumerate(batches):
                out = {}
                for name in (("before", "after") if k % 2 else ("after", "before")):
                    t0 = clock()
                    out[name] = before(units, enc) if name == "before" else after(units, cache)
                    cpu[name] += clock() - t0
                same &= out["before"] == out["after"]
            print(f"pass {p + 1}: CPU per article before {1000 * cpu['before'] / len(texts):.1f} ms, "
                  f"after {1000 * cpu['after'] / len(texts):.1f} ms ({cpu['before'] / cpu['after']:.2f}x); "
                  f"same paths: {same}")


if __name__ == "__main__":
    main()
