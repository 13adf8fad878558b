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
