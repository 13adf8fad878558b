"""A learned decision for meeting candidates: is this mention a meeting the article reports?

The meeting rules (:mod:`pipeline.records.meetings`) turn a meeting noun into a meeting draft when it
stands in a frame they know («در نشست ...», «... دیدار کرد», «جلسه ... برگزار شد»); a meeting noun
outside every frame («سفر وزیر ...», «طی ملاقاتی با ...», «بازدید مکرر بازرسان از ...») becomes a
*weak* draft. Each draft carries features of how it was told (:func:`pipeline.records.meetings._meeting_features`:
the cue and the words around it, future/present verbs after it, a quote around it, its place in the
article, how its candidate participants were found). A logistic regression over them, trained on the
tagged articles of ``../shared/gold/train.jsonl`` by ``scripts/train_meetings.py``, keeps a draft when
P(meeting) reaches the model's threshold; ``meta["weak_only"]`` limits the model to weak drafts (the
rules' drafts are kept as they are).

The model is a small JSON file (``pipeline/records/data/meeting_clf.json``) in the format of
:class:`pipeline.records.commitment_model.CommitmentModel` (classes ``none`` and ``meeting``), written by
``scripts/train_meetings.py --save``. None ships: it raised the train folds and lowered seeds+dev (README,
"Seventh pass: meetings"). Without the file the rules decide alone: their drafts are kept and weak drafts
are not built.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.records.commitment_model import CommitmentModel, fit
from pipeline.records.model_slot import ModelSlot

MODEL_PATH = Path(__file__).resolve().parent / "data" / "meeting_clf.json"
YES = "meeting"

_SLOT = ModelSlot("meeting_model", lambda: CommitmentModel.load(MODEL_PATH) if MODEL_PATH.exists() else None)
shipped_model = _SLOT.shipped
current_model = _SLOT.current
using_model = _SLOT.using


def prob(model: CommitmentModel, feats: dict[str, float]) -> float:
    return model.probs(feats)[model.classes.index(YES)]


def keep(model: CommitmentModel | None, feats: dict[str, float], weak: bool) -> bool:
    """Whether a draft with ``feats`` is kept: without a model the rules' drafts are, weak ones are not."""
    if model is None:
        return not weak
    if not weak and model.meta.get("weak_only", True):
        return True
    return prob(model, feats) >= model.threshold


# ---------------------------------------------------------------- training (scikit-learn)
def labelled_drafts(gold_doc: dict, tagged) -> list[tuple[object, dict[str, float], str]]:
    """``(draft, features, label)`` for every meeting draft the rules find in one tagged article: a draft
    is a meeting when the scorer's greedy matching (gold meetings in order, the first unused draft that
    shares a participant) pairs it with a gold meeting, its candidates taken before the participant filter."""
    from pipeline.records.meetings import meeting_candidates
    from pipeline.records.participant_model import _name, _same

    drafts = meeting_candidates(tagged)
    names = [[_name(p) for p, _ in cands] for _d, cands in drafts]
    used: set[int] = set()
    for g in gold_doc.get("meetings", []):
        gn = [_name(x) for x in g.get("participants", [])]
        for i, ns in enumerate(names):
            if i not in used and any(_same(a, b) for a in gn for b in ns):
                used.add(i)
                break
    return [(d, d.features, YES if i in used else "none") for i, (d, _c) in enumerate(drafts)]


def training_rows(gold_docs: list[dict], weak_only: bool = True) -> tuple[list[dict[str, float]], list[str]]:
    X: list[dict[str, float]] = []
    y: list[str] = []
    for doc in gold_docs:
        if doc.get("_tagged") is None:
            continue
        for d, f, label in labelled_drafts(doc, doc["_tagged"]):
            if weak_only and not d.weak:
                continue
            X.append(f)
            y.append(label)
    return X, y


def train_model(gold_docs: list[dict], C: float | None = None, threshold: float | None = None) -> CommitmentModel:
    """Train on annotated articles that carry their tagged form under ``"_tagged"`` (see
    ``scripts/eval_records.py``); C, threshold and ``weak_only`` default to the shipped model's."""
    meta = shipped_model()
    C = C if C is not None else (meta.meta.get("C", 1.0) if meta else 1.0)
    threshold = threshold if threshold is not None else (meta.threshold if meta else 0.5)
    weak_only = meta.meta.get("weak_only", True) if meta else True
    X, y = training_rows(gold_docs, weak_only)
    model = fit(X, y, C=C, threshold=threshold, min_count=2)
    model.meta["weak_only"] = weak_only
    return model
