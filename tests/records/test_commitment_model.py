"""pipeline.records.commitment_model: clause features and the JSON logistic model (no training, no gold)."""
from __future__ import annotations

import json
import math

import pytest

from pipeline.document import Sentence
from pipeline.records.clauses import Clause
from pipeline.records.commitment_model import (
    CommitmentModel, ModelError, article_clauses, clause_features, current_model, using_model,
)
from pipeline.textkey import fold


def _feats(text: str, after_colon: bool = False) -> dict[str, float]:
    return clause_features(fold(text), Clause(0, len(text), 0, len(text), after_colon))


def _core(f):
    return sorted(k for k in f if not k.startswith(("w=", "b=", "cuepat=")))


@pytest.mark.parametrize("text, expected", [
    ("شهرداری این پل را تا پایان سال خواهد ساخت",
     ["after_colon", "bias", "end=future", "future_in_clause", "last=ساخت", "len=mid",
      "suf1=ت", "suf2=خت", "suf3=اخت", "tail=future", "tail=future|p=3"]),
    ("قرارداد ساخت پل امضا شده است",
     ["after_colon", "bias", "cue=commitment.agreement", "cue=commitment.agreement|final=1",
      "cue=commitment.agreement|t=perfect", "cue=commitment.agreement|t=perfect|p=3", "end=perfect", "last=است",
      "len=mid", "suf1=ت", "suf2=ست", "tail=perfect", "tail=perfect|p=3"]),
    ("مقرر شد کار آغاز شود",
     ["after_colon", "bias", "cue=commitment.decision", "cue=commitment.decision|final=0",
      "cue=commitment.decision|t=past", "cue=commitment.decision|t=past|p=3", "last=شود", "len=short",
      "suf1=د", "suf2=ود", "tail=subjunctive", "tail=subjunctive|p=3"]),
])
def test_clause_features(text, expected):
    assert _core(_feats(text)) == expected


@pytest.mark.parametrize("text", ["ما این پروژه را اجرا می‌کنیم", "ما اين پروژه را اجرا مي كنيم"])
def test_clause_features_same_cue_and_tense_in_both_orthographies(text):
    f = _feats(text)
    for k in ("cue=commitment.scheduled|t=present|p=1pl", "tail=present|p=1pl", "end=present", "first_person_plural",
              "suf2=یم", "w=پروژه"):
        assert f.get(k) == 1.0, k


def test_clause_features_after_colon_and_digits():
    f = _feats("۱۲ پارک ساخته می‌شود", after_colon=True)
    assert f["after_colon"] == 1.0
    assert f["w=00"] == 1.0  # digits are folded to 0
    assert "w=12" not in f


def test_clause_features_only_read_the_clause():
    text = "مقرر شد. پارک ساخته می‌شود"
    s = text.index("پارک")
    f = clause_features(fold(text), Clause(s, len(text), s, len(text), False))
    assert not any(k.startswith("cue=commitment.decision") for k in f)
    assert "w=مقرر" not in f


def _toy(threshold=0.5):
    return CommitmentModel(["none", "promise", "plan"], {"w=خواهیم": [-1.0, 2.0, 0.0], "w=طرح": [0.0, 0.0, 1.0]},
                           [1.0, 0.0, 0.0], threshold, "toy")


def test_probs_are_a_softmax_of_bias_plus_weights():
    p = _toy().probs({"w=خواهیم": 1.0, "unknown": 1.0})
    z = [0.0, 2.0, 0.0]
    tot = sum(math.exp(x) for x in z)
    assert p == pytest.approx([math.exp(x) / tot for x in z])


def test_predict_threshold_on_none():
    m = _toy()
    kind, prob = m.predict({"w=خواهیم": 1.0})
    assert kind == "promise" and prob == pytest.approx(math.exp(2) / (2 + math.exp(2)))
    kind, prob = m.predict({})
    assert kind is None and prob == pytest.approx(math.e / (math.e + 2))
    # P(none) = e / (2e + 1) ~ 0.42: a commitment («plan») at threshold 0.5, not at 0.4
    assert m.predict({"w=طرح": 1.0}) == ("plan", pytest.approx(math.e / (2 * math.e + 1)))
    assert _toy(threshold=0.4).predict({"w=طرح": 1.0})[0] is None


def test_save_and_load_round_trip(tmp_path):
    m = _toy(threshold=0.3)
    path = tmp_path / "sub" / "clf.json"
    m.save(path)
    d = json.loads(path.read_text(encoding="utf-8"))
    assert d["classes"] == ["none", "promise", "plan"] and d["threshold"] == 0.3
    back = CommitmentModel.load(path)
    assert back == m


def test_load_errors_say_how_to_rebuild(tmp_path):
    with pytest.raises(ModelError, match="train_commitments.py"):
        CommitmentModel.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"classes": ["none"]}', encoding="utf-8")
    with pytest.raises(ModelError, match="malformed"):
        CommitmentModel.load(bad)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="malformed"):
        CommitmentModel.load(bad)


def test_missing_model_message_names_the_path_in_the_rebuild_command(tmp_path):
    path = tmp_path / "missing.json"
    with pytest.raises(ModelError) as err:
        CommitmentModel.load(path)
    assert f"--out {path}" in str(err.value)


def test_using_model_installs_and_restores():
    toy = _toy()
    with using_model(toy):
        assert current_model() is toy
        inner = _toy(0.1)
        with using_model(inner):
            assert current_model() is inner
        assert current_model() is toy
    assert current_model() is not toy


def test_article_clauses_split_every_sentence():
    text = "پل ساخته شد و مدیران باید گزارش آن را ارائه کنند. وی گفت: کار تمام می‌شود."
    k = text.index("وی")
    cs = article_clauses(text, [Sentence(0, k - 1, text[:k - 1]), Sentence(k, len(text), text[k:])])
    # «پل ساخته شد» is short but first in its sentence: nothing to join it to
    assert [text[c.start:c.end] for c in cs] == ["پل ساخته شد", "مدیران باید گزارش آن را ارائه کنند",
                                                  "وی گفت", "کار تمام می‌شود"]
    assert [c.after_colon for c in cs] == [False, False, False, True]


def test_thresholds_and_model_kinds_survive_save_and_load(tmp_path):
    from pipeline.records.commitment_model import CommitmentModel

    m = CommitmentModel(["none", "plan", "promise"], {"w=طرح": [0.1, 0.2, -0.3]}, [0.0, 0.1, 0.2], 0.6, "card",
                        {"C": 2.0}, 0.9, ("scheduled",))
    m.save(tmp_path / "m.json")
    back = CommitmentModel.load(tmp_path / "m.json")
    assert (back.threshold, back.cue_threshold, back.model_kinds) == (0.6, 0.9, ("scheduled",))
    assert back.kind_among([0.1, 0.2, 0.7], ("plan", "promise")) == "promise"


@pytest.mark.parametrize("model_kinds, expected", [((), "plan"), (("scheduled",), "promise")])
def test_the_model_names_plan_or_promise_of_scheduled_work_only_when_told(model_kinds, expected):
    from pipeline.records.clauses import split_clauses
    from pipeline.records.commitment_model import CommitmentModel
    from pipeline.records.commitments import classify_clause
    from pipeline.textkey import fold

    text = "سه بوستان تا پایان سال افتتاح می‌شود"
    (cl,) = split_clauses(text, 0, len(text))
    # a model that always prefers promise and is never sure of «none»
    m = CommitmentModel(["none", "plan", "promise"], {}, [0.0, 0.0, 3.0], 0.5, "", {}, 0.95, model_kinds)
    assert classify_clause(fold(text), cl, m) == expected
    plan_cue = "قرار است سه بوستان تا پایان سال افتتاح شود"
    (cl,) = split_clauses(plan_cue, 0, len(plan_cue))
    assert classify_clause(fold(plan_cue), cl, m) == "plan"  # an explicit plan cue is not the model's to rename


# ---------------------------------------------------------------- the kind classifier (KindModel)
def _old(text: str) -> str:
    return text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")


def _kfeats(text: str, after_colon: bool = False) -> dict[str, float]:
    from pipeline.records.commitment_model import kind_features

    return kind_features(fold(text), Clause(0, len(text), 0, len(text), after_colon))


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, present, absent", [
    # first-person present of a light verb: person 1, the light verb, no word features
    ("این طرح را از هفته آینده اجرا می‌کنیم", {"p1", "lv=کرد", "t=present|p=1pl", "ahead"}, {"w=طرح"}),
    # third-person future passive: the rules' plan from scheduled work
    ("مسیر دوچرخه‌سواری احداث خواهد شد", {"ck=plan", "ck_scheduled", "t=future", "lv=شد"}, {"p1"}),
    # a modal and a negated verb
    ("پیمانکاران نباید کار را متوقف کنند", {"modal", "ck=obligation"}, {"ahead"}),
])
def test_kind_features_are_classes_in_both_orthographies(text, present, absent, old):
    f = _kfeats(_old(text) if old else text)
    assert present <= set(f), sorted(f)
    assert not (absent & set(f))
    assert not any(k.startswith(("w=", "b=")) for k in f)


def test_kind_features_say_statement_or_report():
    text = "دو پل عابر پیاده افتتاح می‌شود"
    assert "quote" in _kfeats(text, after_colon=True) and "told" in _kfeats(text)


def test_kind_model_survives_save_and_load_and_names_the_kind(tmp_path):
    from pipeline.records.commitment_model import KindModel
    from pipeline.records.commitments import learned_kind

    km = KindModel(["obligation", "plan", "promise"], {"p1": [0.0, -2.0, 2.0]}, [0.0, 0.5, 0.0], "plan/promise")
    m = CommitmentModel(["none", "plan"], {}, [0.0, 0.0], kind_model=km)
    m.save(tmp_path / "m.json")
    m2 = CommitmentModel.load(tmp_path / "m.json")
    assert m2.kind_model is not None and m2.kind_model.scope == "plan/promise"
    assert m2.kind_model.weights["p1"] == [0.0, -2.0, 2.0]
    we = "این طرح را از هفته آینده اجرا می‌کنیم"
    they = "این طرح از هفته آینده اجرا می‌شود"
    cl = lambda t: Clause(0, len(t), 0, len(t), False)  # noqa: E731
    assert learned_kind(fold(we), cl(we), "plan", m2) == "promise"
    assert learned_kind(fold(they), cl(they), "plan", m2) == "plan"
    # scope plan/promise: other kinds, and decisions always, stay as the rules say
    assert learned_kind(fold(we), cl(we), "obligation", m2) == "obligation"
    assert learned_kind(fold(we), cl(we), "decision", m2) == "decision"
    # no kind model: the rules' kind
    assert learned_kind(fold(we), cl(we), "plan", CommitmentModel(["none", "plan"], {}, [0.0, 0.0])) == "plan"
