"""A learned filter for meeting participants: does this candidate really take part?

The meeting rules (:mod:`pipeline.records.meetings`) collect candidates generously: named people
and titles in the sentences that mention the meeting, the speakers of those sentences, groups
after «با حضور», the body whose session it is, the speakers of the article's main event. Each
candidate carries tags saying how it was found (``src=per``, ``src=speaker``, ``src=body``,
``src=main_speaker`` ...), the word before its mention (``prev=با``, ``prev=حضور`` ...), where it
stands from the cue (``dist=near``), whether it was in the cue's sentence, and in the cue's sentence the clause it
stands in (``cl=same/next/prev/after/before``, :func:`pipeline.records.clauses.split_clauses`) and the words
between (``wd=0``, ``wd=1-2`` ...). A logistic regression
over those tags, the candidate's type (named person, unnamed title, group), the meeting's kind and
size scores it; a candidate is kept when P(participant) reaches the model's threshold, and a meeting
keeps its best candidate when the model drops them all (``keep_best``) if cross-validation chose so.

The model is a small JSON file (``pipeline/records/data/participant_clf.json``) in the format of
:class:`pipeline.records.commitment_model.CommitmentModel` (classes ``none`` and ``participant``),
trained on the tagged articles of ``../shared/gold/train.jsonl`` by
``scripts/train_participants.py`` (scikit-learn at training time only). Without the file the
rules' candidates are kept as they are.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.records.model_slot import ModelSlot
from pipeline.records.commitment_model import CommitmentModel, fit
from pipeline.schema import Participant
from pipeline.textkey import key

MODEL_PATH = Path(__file__).resolve().parent / "data" / "participant_clf.json"
YES = "participant"


def features(tags: set[str] | frozenset[str], p: Participant, kind: str, n: int, in_quote: bool) -> dict[str, float]:
    """Features of one candidate ``p`` of a meeting of ``kind`` with ``n`` candidates."""
    typ = "person" if p.person else "group" if p.group else "unnamed"
    f: dict[str, float] = {"bias": 1.0, f"type={typ}": 1.0, f"kind={key(kind)}": 1.0,
                           f"n={min(n, 6)}": 1.0, f"quote={int(in_quote)}": 1.0}
    srcs = sorted(t for t in tags if t.startswith("src="))
    for t in tags:
        f[t] = 1.0
        f[f"{typ}|{t}"] = 1.0
    f[f"nsrc={min(len(srcs), 3)}"] = 1.0
    if len(srcs) == 1:
        f[f"only|{srcs[0]}"] = 1.0
    if p.role:
        f[f"{typ}|role"] = 1.0
    if p.org:
        f[f"{typ}|org"] = 1.0
    if p.group:
        f[f"group_words={min(len(p.group.split()), 5)}"] = 1.0
    return f


#: the shipped model, or the one installed by ``using_model`` (evaluation by folds)
_SLOT = ModelSlot("participant_model", lambda: CommitmentModel.load(MODEL_PATH) if MODEL_PATH.exists() else None)
shipped_model = _SLOT.shipped
current_model = _SLOT.current
using_model = _SLOT.using


def keep(model: CommitmentModel | None, cands: list[tuple[Participant, dict[str, float]]]) -> list[Participant]:
    """The candidates the model keeps (all of them without a model)."""
    if model is None or not cands:
        return [p for p, _ in cands]
    yes = model.classes.index(YES)
    scored = [(p, model.probs(f)[yes]) for p, f in cands]
    kept = [p for p, s in scored if s >= model.threshold]
    if not kept and model.meta.get("keep_best"):
        kept = [max(scored, key=lambda x: x[1])[0]]
    return kept


# ---------------------------------------------------------------- training (scikit-learn)
def _words(text: str | None) -> list[str]:
    return [key(w) for w in (text or "").split() if key(w)]


def _same(a: str | None, b: str | None) -> bool:
    """The scorer's participant match: same person (last word equal, one's words inside the other's),
    or one key containing the other when longer than six letters."""
    if not a or not b:
        return False
    ka, kb = key(a), key(b)
    if ka == kb:
        return True
    wa, wb = _words(a), _words(b)
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if small and small[-1] == big[-1] and set(small) <= set(big):
        return True
    return len(ka) > 6 and (ka in kb or kb in ka)


def _name(x) -> str | None:
    if isinstance(x, dict):
        return x.get("person") or x.get("name") or x.get("group") or x.get("org")
    return x.person or x.group or x.org


def candidate_rows(gold_doc: dict, tagged: dict) -> tuple[list[dict[str, float]], list[str]]:
    """Features and labels of every candidate participant the rules find in one tagged article: a
    candidate is a participant when it matches a participant of a gold meeting that shares one with
    its meeting (the scorer's matching), else ``none``."""
    from pipeline.records.meetings import meeting_candidates

    X: list[dict[str, float]] = []
    y: list[str] = []
    gold = [[_name(x) for x in m.get("participants", [])] for m in gold_doc.get("meetings", [])]
    for meeting, cands in meeting_candidates(tagged):
        if meeting.weak:  # weak drafts are the meeting model's (:mod:`pipeline.records.meeting_model`)
            continue
        names = [_name(p) for p, _ in cands]
        match = next((g for g in gold if any(_same(a, b) for a in g for b in names)), None)
        for (p, f), nm in zip(cands, names):
            X.append(f)
            y.append(YES if match is not None and any(_same(a, nm) for a in match) else "none")
    return X, y


def train_model(gold_docs: list[dict], C: float | None = None, threshold: float | None = None) -> CommitmentModel:
    """Train on annotated articles that carry their tagged form under ``"_tagged"`` (a Document or
    the cached extract output; see ``scripts/eval_records.py``); C, threshold and keep_best default to
    the shipped model's."""
    meta = shipped_model()
    C = C if C is not None else (meta.meta.get("C", 1.0) if meta else 1.0)
    threshold = threshold if threshold is not None else (meta.threshold if meta else 0.5)
    keep_best = meta.meta.get("keep_best", False) if meta else False
    X: list[dict[str, float]] = []
    y: list[str] = []
    for d in gold_docs:
        if d.get("_tagged") is None:
            continue
        xs, ys = candidate_rows(d, d["_tagged"])
        X += xs
        y += ys
    model = fit(X, y, C=C, threshold=threshold, min_count=2)
    model.meta["keep_best"] = keep_best
    return model
