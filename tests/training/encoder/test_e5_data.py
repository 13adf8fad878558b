"""Gold entities -> word BIO, and word labels -> first-piece labels (hand-built inputs)."""
import pytest

from pipeline.tag.labels import LABEL2ID
from pipeline.training.encoder.data import holdout_ids, label_tokens


@pytest.mark.parametrize("words, entities, tags", [
    # every occurrence is labelled; the longer entity wins where they overlap
    (["شهردار", "تهران", "و", "شورای", "شهر", "تهران"], [("LOC", "تهران"), ("ORG", "شورای شهر تهران")],
     ["O", "B-LOC", "O", "B-ORG", "I-ORG", "I-ORG"]),
    # older orthography in the text, modern in the annotation (ي/ك, ZWNJ written as a space)
    (["شهرداري", "كرج", "براي", "پروژه", "ها"], [("ORG", "شهرداری کرج")], ["B-ORG", "I-ORG", "O", "O", "O"]),
    # a glued ZWNJ word matches an entity written with a space
    (["خیابان", "ولی‌عصر", "بسته", "شد"], [("LOC", "خیابان ولی عصر")], ["B-LOC", "I-LOC", "O", "O"]),
    # Persian and Latin digits are the same figure; the unit stays inside
    (["۲۰", "میلیارد", "تومان", "هزینه"], [("FIG", "20 میلیارد تومان")], ["B-FIG", "I-FIG", "I-FIG", "O"]),
    # a partial word match is no match («تهرانی» is not «تهران»)
    (["آقای", "تهرانی", "گفت"], [("LOC", "تهران")], ["O", "O", "O"]),
])
def test_label_tokens(words, entities, tags):
    assert label_tokens(words, entities) == tags


def test_holdout_is_fixed_by_seed_and_sized():
    arts = [{"id": f"a{i:02d}"} for i in range(30)]
    a, b = holdout_ids(arts, 5), holdout_ids(list(reversed(arts)), 5)
    assert a == b and len(set(a)) == 5
    assert holdout_ids(arts, 5, seed=9) != a


def test_first_piece_carries_the_label_and_chunks_do_not_split_words(e5_file):
    from pipeline.training.encoder import convert, q4file
    from pipeline.training.encoder.finetune import encode

    m = q4file.read(e5_file[0])
    tok = convert.hf_tokenizer(convert.build_tokenizer(m), m)
    sent = {"tokens": ["شهرداری\u200cها", "تهران", "گفت"], "tags": ["B-ORG", "B-LOC", "O"]}
    (item,) = encode(tok, sent, max_len=16)
    assert item["ids"][0] == m.bos and item["ids"][-1] == m.eos
    labelled = [(w, lab) for w, lab in zip(item["words"], item["labels"]) if lab != -100]
    assert labelled == [(0, LABEL2ID["B-ORG"]), (1, LABEL2ID["B-LOC"]), (2, LABEL2ID["O"])]
    assert item["words"].count(0) == 2  # «▁شهرداری ▁ها»: the second piece is ignored
    chunks = encode(tok, sent, max_len=4)  # room for 2 pieces per chunk
    assert [c["words"][1:-1] for c in chunks] == [[0, 0], [1, 2]]
