"""pipeline.records.meeting_model: weak drafts, draft features and the keep rule (no model ships)."""
from __future__ import annotations

import pytest

from pipeline.records.commitment_model import CommitmentModel
from pipeline.records.meeting_model import MODEL_PATH, YES, keep, using_model
from pipeline.records.meetings import find_meetings, meeting_candidates

from .conftest import make_doc


def _old(text: str) -> str:
    return text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")


def _model(weights: dict[str, float], threshold: float = 0.5, weak_only: bool = False) -> CommitmentModel:
    """A two-class model whose P(meeting) is sigmoid(sum of the given weights)."""
    return CommitmentModel(["none", YES], {k: [-w / 2, w / 2] for k, w in weights.items()}, [0.0, 0.0],
                           threshold, "", {"weak_only": weak_only})


# a meeting noun outside every frame the rules know, and one inside a frame
_WEAK = [
    ("سفر وزیر کشور به استان همدان مانع اعتراض کشاورزان نشد.",
     [("ROLE", "وزیر"), ("ORG", "کشور"), ("LOC", "استان همدان")], "سفر"),
    ("ناصر کرمی، استاندار گیلان طی ملاقاتی با مینا شریفی از روند پرونده‌ها خبر داد.",
     [("PER", "ناصر کرمی"), ("ROLE", "استاندار"), ("LOC", "گیلان"), ("PER", "مینا شریفی")], "ملاقات"),
]
_STRONG = ("مینا رستمی، شهردار زنجان صبح امروز در نشست شورای شهر زنجان گفت: بودجه آماده است.",
           [("PER", "مینا رستمی"), ("ROLE", "شهردار"), ("LOC", "زنجان"), ("DATE", "صبح امروز"),
            ("ORG", "شورای شهر زنجان")])


def _doc(text, ents, old):
    if old:
        text, ents = _old(text), [(lab, _old(s)) for lab, s in ents]
    return make_doc(text, ents)


def test_no_model_ships_and_the_rules_decide_alone():
    assert not MODEL_PATH.exists()


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, ents, kind", _WEAK)
def test_a_meeting_noun_outside_the_frames_is_a_weak_draft(text, ents, kind, old):
    doc = _doc(text, ents, old)
    drafts = [d for d, _ in meeting_candidates(doc)]
    assert [(d.kind, d.weak) for d in drafts] == [(kind, True)]
    assert drafts[0].features["weak=1"] == 1.0
    # without a model weak drafts are dropped; a model that accepts them keeps them
    assert find_meetings(doc) == []
    with using_model(_model({"weak=1": 8.0})):
        assert [m.kind for m in find_meetings(doc)] == [kind]


@pytest.mark.parametrize("old", [False, True])
def test_a_draft_in_a_known_frame_is_kept_unless_the_model_decides_on_all(old):
    doc = _doc(*_STRONG, old)
    ((d, _),) = meeting_candidates(doc)
    assert not d.weak
    f = d.features
    for k in ("weak=0", "cls=meeting.noun", "kind=نشست", "prev=در", "quote=0", "sent=0", "date=1", "speech=1"):
        assert f.get(k) == 1.0, k
    veto = {"weak=0": -8.0}
    with using_model(_model(veto, weak_only=True)):
        assert len(find_meetings(doc)) == 1
    with using_model(_model(veto, weak_only=False)):
        assert find_meetings(doc) == []


def test_content_words_around_the_cue_are_not_features():
    ((d, _),) = meeting_candidates(_doc(*_WEAK[0][:2], False))
    assert d.features.get("prev=<punct>") == 1.0 and d.features.get("next=other") == 1.0
    assert not any(k.startswith(("prev=", "next=")) and "وزیر" in k for k in d.features)


def test_keep_without_a_model():
    assert keep(None, {}, weak=False) is True
    assert keep(None, {}, weak=True) is False
    m = _model({"quote=1": -8.0}, weak_only=False)
    assert keep(m, {"quote=1": 1.0}, weak=False) is False
    assert keep(m, {"quote=0": 1.0}, weak=False) is True
