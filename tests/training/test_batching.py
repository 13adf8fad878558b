"""length_buckets: every item once, similar lengths together, the token budget kept."""
import random

from pipeline.training.batching import length_buckets


def test_every_index_once_sorted_by_length_within_budget():
    lengths = [5, 1, 9, 3, 3, 7, 2, 8]
    groups = length_buckets(lengths, max_tokens=10)
    assert sorted(i for g in groups for i in g) == list(range(len(lengths)))
    flat = [lengths[i] for g in groups for i in g]
    assert flat == sorted(flat)                      # unshuffled: ascending length
    assert all(max(lengths[i] for i in g) * len(g) <= 10 for g in groups)


def test_an_item_longer_than_the_budget_is_a_batch_of_its_own():
    assert length_buckets([50, 2, 3], max_tokens=10) == [[1, 2], [0]]


def test_rng_shuffles_the_batches_not_their_contents():
    lengths = list(range(1, 40))
    plain = length_buckets(lengths, 40)
    shuffled = length_buckets(lengths, 40, random.Random(3))
    assert sorted(map(tuple, plain)) == sorted(map(tuple, shuffled)) and plain != shuffled
