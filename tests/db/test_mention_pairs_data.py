"""The person-resolution test set (tests/db/data/mention_pairs.jsonl) is well formed and grounded in data/samples.

Every mention must occur as a whole word in its article, the labels must not contradict each other
(two mentions linked by «same» chains are never labelled different), both labels and the hard cases
must be represented, and the file must be what scripts/make_mention_pairs.py builds from its inventory.
"""
import importlib.util
import json
from pathlib import Path

import pytest

from pipeline.inputs import InputItem, iter_inputs

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "tests" / "db" / "data" / "mention_pairs.jsonl"
SAMPLES = ROOT / "data" / "samples"
ZWNJ = "\u200c"


def _fold(s: str) -> str:
    """Compare spellings: Persian ی/ک, no ZWNJ, single spaces."""
    return " ".join(s.replace("ي", "ی").replace("ك", "ک").replace(ZWNJ, " ").split())


def _words(mention: str) -> list[str]:
    """Name words without honorifics or the roster comma."""
    honorifics = {"دکتر", "مهندس", "سید", "حجت الاسلام", "حجت", "الاسلام"}
    return [w for w in _fold(mention.replace("،", " ")).split() if w not in honorifics]


def _occurs_as_word(mention: str, text: str) -> bool:
    start = text.find(mention)
    while start >= 0:
        end = start + len(mention)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalpha() or before == ZWNJ) and not (after.isalpha() or after == ZWNJ):
            return True
        start = text.find(mention, start + 1)
    return False


@pytest.fixture(scope="module")
def pairs() -> list[dict]:
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def articles() -> dict[str, str]:
    return {x.id: x.text for x in iter_inputs([str(SAMPLES)]) if isinstance(x, InputItem)}


def test_every_line_has_the_documented_shape(pairs):
    assert len(pairs) >= 200
    for p in pairs:
        assert set(p) == {"a", "b", "same", "note"}, p
        assert set(p["a"]) == set(p["b"]) == {"article", "mention"}, p
        assert isinstance(p["same"], bool) and isinstance(p["note"], str) and p["note"].strip(), p


def test_article_ids_exist_and_mentions_occur_as_whole_words(pairs, articles):
    missing, absent = set(), []
    for p in pairs:
        for side in (p["a"], p["b"]):
            if side["article"] not in articles:
                missing.add(side["article"])
            elif not _occurs_as_word(side["mention"], articles[side["article"]]):
                absent.append((side["article"], side["mention"]))
    assert not missing, f"article ids not in data/samples: {sorted(missing)}"
    assert not absent, f"mentions not found as whole words in their article: {absent[:5]}"


def test_no_pair_is_repeated_or_compares_a_mention_with_itself(pairs):
    seen = set()
    for p in pairs:
        a, b = (p["a"]["article"], p["a"]["mention"]), (p["b"]["article"], p["b"]["mention"])
        assert a != b, p
        key = frozenset((a, b))
        assert key not in seen, f"pair listed twice: {p}"
        seen.add(key)


def test_labels_are_transitively_consistent(pairs):
    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def node(side):
        return side["article"], side["mention"]

    for p in pairs:
        if p["same"]:
            parent[find(node(p["a"]))] = find(node(p["b"]))
    contradictions = [p for p in pairs if not p["same"] and find(node(p["a"])) == find(node(p["b"]))]
    assert not contradictions, f"labelled different but chained as the same person: {contradictions[:3]}"


def test_labels_are_roughly_balanced(pairs):
    n_same = sum(p["same"] for p in pairs)
    assert 0.4 <= n_same / len(pairs) <= 0.6, f"{n_same} same of {len(pairs)}"


def test_hard_cases_are_represented(pairs):
    def shares_surname(p):
        return _words(p["a"]["mention"])[-1:] == _words(p["b"]["mention"])[-1:] or \
            _words(p["a"]["mention"])[:1] == _words(p["b"]["mention"])[:1] and "،" in p["a"]["mention"] + p["b"]["mention"]

    different_same_surname = [p for p in pairs if not p["same"] and shares_surname(p)]
    different_same_spelling = [p for p in pairs if not p["same"] and _fold(p["a"]["mention"]) == _fold(p["b"]["mention"])]
    same = [p for p in pairs if p["same"]]
    arabic = [p for p in same if any(c in p["a"]["mention"] + p["b"]["mention"] for c in "يك")]
    honorific = [p for p in same if any((h in p["a"]["mention"]) != (h in p["b"]["mention"])
                                        for h in ("دکتر", "مهندس", "سید", "سيد", "حجت"))]
    zwnj_vs_space = [p for p in same if ZWNJ in p["a"]["mention"] + p["b"]["mention"]
                     and _fold(p["a"]["mention"]) == _fold(p["b"]["mention"])
                     and p["a"]["mention"] != p["b"]["mention"]]
    surname_only = [p for p in same if min(len(_words(p["a"]["mention"])), len(_words(p["b"]["mention"]))) == 1]
    roster = [p for p in same if "،" in p["a"]["mention"] + p["b"]["mention"]]
    assert len(different_same_surname) >= 50
    assert len(different_same_spelling) >= 5  # e.g. «حسینی» naming two different people in two articles
    assert len(arabic) >= 10 and len(honorific) >= 10 and len(surname_only) >= 10
    assert zwnj_vs_space and roster


def test_file_is_what_the_script_builds():
    spec = importlib.util.spec_from_file_location("make_mention_pairs", ROOT / "scripts" / "make_mention_pairs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.build_rows()
    on_disk = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows == on_disk, "run `python scripts/make_mention_pairs.py` after changing its inventory or data/samples"
