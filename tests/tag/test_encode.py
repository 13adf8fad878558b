"""Word-level model inputs: ids, character ids, mask and labels, padded."""
from pipeline.tag.encode import WordEncoder
from pipeline.tag.labels import LABEL2ID
from pipeline.tag.vocab import build_tokenizer


def test_batch_pads_and_keeps_labels():
    enc = WordEncoder(build_tokenizer(["شهردار", "تهران"]), "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی", 6)
    b = enc.batch([{"tokens": ["شهردار", "تهران", "گفت"], "tags": ["B-ROLE", "B-LOC", "O"]}, {"tokens": ["تهران"]}])
    assert b["input_ids"].shape == (2, 3) and b["char_ids"].shape == (2, 3, 6)
    assert b["attention_mask"].tolist() == [[1, 1, 1], [1, 0, 0]]
    assert b["labels"][0].tolist() == [LABEL2ID["B-ROLE"], LABEL2ID["B-LOC"], LABEL2ID["O"]]
    assert b["labels"][1].tolist() == [-100, -100, -100]  # no tags given: ignored by the loss
    assert b["input_ids"][0, 2] == enc.unk and b["input_ids"][1, 0] == b["input_ids"][0, 1]


def test_repeated_words_get_the_same_rows_as_a_fresh_encoder():
    """Rows remembered per word give the same tensors as computing them anew, in both orthographies."""
    import torch

    chars = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيك"
    tok = build_tokenizer(["شهردار", "تهران"])
    sents = [{"tokens": ["شهردار", "تهران", "گفت"]}, {"tokens": ["شهردار", "كرج", "گفت", "شهردار"]}, {"tokens": []}]
    warm = WordEncoder(tok, chars, 5)
    warm.batch(sents[1:2])
    a, b = warm.batch(sents), WordEncoder(tok, chars, 5).batch(sents)
    assert all(torch.equal(a[k], b[k]) and a[k].dtype == b[k].dtype for k in b)
    assert a["input_ids"][1, 0] == a["input_ids"][0, 0] and a["input_ids"][1, 3] == a["input_ids"][0, 0]
    assert a["attention_mask"][2].tolist() == [0, 0, 0, 0]
