"""The word bigram model (Kneser-Ney), on hand-built counts."""

import math

import pytest

from pipeline.normalize.context import BOS, NUM, PUNCT, BigramModel, context_tokens, load_model, model_available
from pipeline.normalize.zwnj import DATA_DIR

Z = "\u200c"

# Sentences written for these tests (| is a ZWNJ).
LINES = [
    s.replace("|", Z)
    for s in [
        "شهردار گفت حرف|های زیادی برای گفتن دارد",
        "او حرف|های زیادی درباره پروژه زد",
        "این تیم یک تیم حرفه|ای است",
        "ورزش حرفه|ای در شهر رشد کرد",
        "شهردار تهران از پروژه بازدید کرد",
        "شورای شهر تهران جلسه داشت",
        "در شهر تهران ۲۵ پروژه اجرا شد.",
    ]
]


@pytest.fixture(scope="module")
def model():
    return BigramModel.train(LINES)


def test_tokens_classes():
    assert context_tokens("شهردار ۲۵ پروژه، 3 طرح.") == ["شهردار", NUM, "پروژه", PUNCT, NUM, "طرح", PUNCT]
    assert context_tokens("حرف" + Z + "های") == ["حرف" + Z + "های"]


@pytest.mark.parametrize("history", [BOS, "شهردار", "تیم", "حرف" + Z + "های", "ناشناخته"])
def test_distribution_sums_to_one(model, history):
    total = sum(math.exp(model.logp(w, history)) for w in model.words)
    assert abs(total - 1.0) < 1e-9


def test_seen_pair_beats_unseen_pair(model):
    assert model.logp("تهران", "شهر") > model.logp("تهران", "تیم")


@pytest.mark.parametrize(
    "prev, nxt, better, worse",
    [
        ("گفت", "زیادی", "حرف|های", "حرفه|ای"),
        ("تیم", "است", "حرفه|ای", "حرف|های"),
        ("ورزش", "در", "حرفه|ای", "حرف|های"),
    ],
)
def test_context_prefers_the_spelling_seen_there(model, prev, nxt, better, worse):
    b, w = better.replace("|", Z), worse.replace("|", Z)
    assert model.score([b], prev, nxt) > model.score([w], prev, nxt)


def test_unseen_long_token_less_probable_than_short(model):
    assert model.log_unseen("شهرتهرانپروژه") < model.log_unseen("شهرک")
    assert model.logp("ناشناخته", "شهر") < model.logp("تهران", "شهر")


def test_split_of_glued_pair_scores_higher(model):
    glued = model.score(["شهرتهران"], "در", "۲۵")
    split = model.score(["شهر", "تهران"], "در", "۲۵")
    assert split > glued + 5


def test_score_unseen_ignores_counts(model):
    assert model.score_unseen("تهران", "شهر", BOS) < model.score(["تهران"], "شهر", BOS)


@pytest.mark.skipif(not model_available(DATA_DIR), reason="packaged bigram model not built")
def test_packaged_model_loads():
    m = load_model(DATA_DIR)
    assert m.count("شهردار") > 100
    assert m.pair_count("شهر", "تهران") > 10
    assert m.logp("تهران", "شهر") > m.logp("تهران", "کرد")


def test_sorted_pairs_answer_like_the_dict_they_replace():
    from array import array

    from pipeline.normalize.context import SortedPairs

    V = 7
    left, right, counts = array("I", [3, 0, 6, 3, 1]), array("I", [2, 5, 6, 0, 1]), array("I", [4, 9, 1, 2, 30])
    want = dict(zip((a * V + b for a, b in zip(left, right)), counts))
    pairs = SortedPairs.build(left, right, counts, V)
    assert isinstance(pairs, SortedPairs) and len(pairs) == len(want)
    for key in range(V * V + 3):  # every pair key, present or not, and keys past the end
        assert pairs.get(key, 0) == want.get(key, 0)


def test_sorted_pairs_fall_back_to_a_dict_when_a_pair_repeats():
    from array import array

    from pipeline.normalize.context import SortedPairs

    pairs = SortedPairs.build(array("I", [1, 1]), array("I", [2, 2]), array("I", [5, 8]), 4)
    assert pairs == {6: 8}  # the last count wins, as in dict(zip(...))


def test_loaded_model_finds_a_common_pair_and_not_an_invented_one():
    if not model_available(DATA_DIR):
        pytest.skip("no bigram model data")
    m = load_model(DATA_DIR)
    assert m.pair_count("شهردار", "تهران") > 0
    assert m.pair_count("تهران", "قلمبوستک") == 0
