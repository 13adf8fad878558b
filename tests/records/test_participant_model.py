"""pipeline.records.participant_model: candidate features, the keep rule, and the shipped file."""
from __future__ import annotations

import pytest

from pipeline.records.commitment_model import CommitmentModel
from pipeline.records.meetings import find_meetings, meeting_candidates
from pipeline.records.participant_model import MODEL_PATH, YES, features, keep, shipped_model, using_model
from pipeline.schema import Participant

from .conftest import make_doc


def _model(weights: dict[str, float], threshold: float = 0.5, keep_best: bool = False) -> CommitmentModel:
    """A two-class model whose P(participant) is sigmoid(sum of the given weights)."""
    return CommitmentModel(["none", YES], {k: [-w / 2, w / 2] for k, w in weights.items()}, [0.0, 0.0],
                           threshold, "", {"keep_best": keep_best})


def test_features_name_the_type_and_every_tag():
    f = features({"src=speaker", "prev=با"}, Participant(person="سارا کیانی", role="شهردار"), "دیدار", 3, False)
    for k in ("type=person", "src=speaker", "person|src=speaker", "person|prev=با", "only|src=speaker",
              "person|role", "n=3", "quote=0"):
        assert f[k] == 1.0, k
    g = features({"src=group_noun"}, Participant(group="اعضای شورای شهر"), "نشست", 9, True)
    assert g["type=group"] == 1.0 and g["n=6"] == 1.0 and g["group_words=3"] == 1.0 and g["quote=1"] == 1.0


def test_keep_drops_low_scores_and_can_keep_the_best():
    a, b = Participant(person="الف"), Participant(group="ب")
    cands = [(a, {"src=speaker": 1.0}), (b, {"src=group_noun": 1.0})]
    m = _model({"src=speaker": 4.0, "src=group_noun": -4.0})
    assert keep(m, cands) == [a]
    low = _model({"src=speaker": -1.0, "src=group_noun": -4.0})
    assert keep(low, cands) == []
    best = _model({"src=speaker": -1.0, "src=group_noun": -4.0}, keep_best=True)
    assert keep(best, cands) == [a]
    assert keep(None, cands) == [a, b]


@pytest.mark.parametrize("old", [False, True])
def test_candidates_carry_how_they_were_found(old):
    text = "علی رضوی، شهردار قزوین صبح امروز در دیدار با اعضای شورای شهر گفت: طرح‌ها آماده است."
    ents = [("PER", "علی رضوی"), ("ROLE", "شهردار"), ("LOC", "قزوین"), ("DATE", "صبح امروز"),
            ("ROLE", "اعضای شورای شهر")]
    if old:
        text = text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")
        ents = [(lab, s.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")) for lab, s in ents]
    ((_, cands),) = meeting_candidates(make_doc(text, ents))
    by_name = {(p.person or p.group): f for p, f in cands}
    person = next(f for n, f in by_name.items() if n and "رضو" in n)
    assert person.get("src=per") == 1.0 and person.get("src=speaker") == 1.0
    group = next(f for n, f in by_name.items() if n and n.startswith("اعضا"))
    assert group.get("src=plural_role") == 1.0 and group.get("group|prev=با") == 1.0


def test_a_model_that_drops_everyone_drops_the_meeting():
    text = "علی رضوی، شهردار قزوین صبح امروز در دیدار با اعضای شورای شهر گفت: طرح‌ها آماده است."
    doc = make_doc(text, [("PER", "علی رضوی"), ("ROLE", "شهردار"), ("LOC", "قزوین"), ("ROLE", "اعضای شورای شهر")])
    with using_model(_model({"bias": -10.0})):
        assert find_meetings(doc) == []
    with using_model(None):
        assert len(find_meetings(doc)) == 1


def test_shipped_model_file_loads_with_its_card():
    assert MODEL_PATH.exists()
    m = shipped_model()
    assert m.classes == ["none", YES] and 0.0 <= m.threshold <= 1.0
    assert "scripts/train_participants.py" in m.card
