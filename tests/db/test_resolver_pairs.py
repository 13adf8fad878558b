"""Person resolution on the labelled mention pairs (tests/db/data/mention_pairs.jsonl)."""
import sys

import pytest

from tests.conftest import ROOT

PAIRS = ROOT / "tests" / "db" / "data" / "mention_pairs.jsonl"


@pytest.mark.slow
def test_pairwise_precision_and_recall(samples_facts):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import resolver_pairs

    pairs = resolver_pairs.read_pairs(PAIRS)
    assert len(pairs) >= 200 and {p["same"] for p in pairs} == {True, False}
    report = resolver_pairs.evaluate([samples_facts], pairs)
    given = report["given mentions"]
    # wrong merges matter more than missed ones: precision has the higher floor
    assert given["precision"] >= 0.98, report["errors (given mentions)"]
    assert given["recall"] >= 0.8, report["errors (given mentions)"]
    assert report["extracted only"]["precision"] >= 0.98
