"""A learned clause classifier for commitments: is this clause a commitment, and of which kind?

Every clause of an article (:mod:`pipeline.records.clauses`) is described by simple features
(:func:`clause_features`): the cue classes found in it (:mod:`pipeline.lexicons.matcher`) with
the tense and person of their verb, the form of the clause's last verb, its words and word
pairs, the last word's endings, whether it follows a speech verb's colon, and the DATE spans in
it (a date, a deadline «تا/طی/ظرف ...», each with the tense of the clause's last verb: announced
completion dates are promises, ANNOTATION.md). (Character
n-grams of the last words were tried and dropped: on held-out folds they cost F1 0.713 -> 0.693
at the same threshold; see ``scripts/train_commitments.py``.)
A multinomial logistic regression over {none, agreement, decision, obligation, promise, plan}
scores them; a clause is a commitment when ``P(none)`` is below the model's threshold.

The model is a small JSON file (``pipeline/records/data/commitment_clf.json``): the feature
weights per class, the threshold, and a model-card line. It is trained on
``../shared/gold/train.jsonl`` by ``scripts/train_commitments.py`` (scikit-learn at training
time only; prediction is a dot product in plain Python, no extra dependency).
"""
from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.records.model_slot import ModelSlot
from pipeline.records.clauses import Clause, split_clauses
from pipeline.lexicons.matcher import CueClasses, cue_classes, fold

MODEL_PATH = Path(__file__).resolve().parent / "data" / "commitment_clf.json"
KINDS = ("agreement", "decision", "obligation", "promise", "plan")
_WORD = re.compile(r"[^\W_]+(?:\u200c+[^\W_]+)*")
_DIGITS = re.compile(r"\d")
_FUTURE = re.compile(r"(?:^|\s)ن?خواه(م|ی|د|یم|ید|ند)\s+\S+$")
_PRESENT = re.compile(r"(?:^|\s)ن?می[\u200c ]?\S+$")
_PERFECT = re.compile(r"\S+ه[\u200c ]?(است|اند|ایم|ام)$")
_FUTURE_ANY = re.compile(r"(?<![^\W\d_])ن?خواه(?:م|ی|د|یم|ید|ند)[ \u200c]*[^\W\d_]{2,}")


def tail_verb(words: list[str], cues: CueClasses):
    """``(past stem, VerbForm)`` of the verb that ends the clause (one of the cue file's verbs, the last
    one or two words; the light verb of a compound «افتتاح می‌شود» -> «شد»), or None."""
    # pure in the last two words and the cue file's verbs: remembered per CueClasses object (the same
    # clause tail is asked for by the features, the rules and the kind checks)
    key = tuple(words[-2:])
    memo = cues.__dict__.setdefault("_tail_verb_memo", {})
    hit = memo.get(key, _MISSING)
    if hit is not _MISSING:
        return hit
    if len(memo) > 8192:
        memo.clear()
    memo[key] = out = _tail_verb(words, cues)
    return out


_MISSING = object()


def _tail_verb(words: list[str], cues: CueClasses):
    from pipeline.persian.verbforms import compiled, verb_form

    for n in (2, 1):
        if len(words) < n:
            continue
        tail = " ".join(words[-n:])
        for past, present in cues.verbs.items():
            m = compiled(past, present).fullmatch(tail)
            if m is not None:
                return past, verb_form(m, vowel_stem=present.endswith(("ا", "و")))
    return None


def tail_verb_form(words: list[str], cues: CueClasses):
    """The form of the verb that ends the clause (see :func:`tail_verb`)."""
    tv = tail_verb(words, cues)
    return tv[1] if tv is not None else None


class ModelError(ValueError):
    """The commitment model file is missing or malformed; the message says how to rebuild it."""


def _norm_word(w: str) -> str:
    return _DIGITS.sub("0", w.replace("\u200c", ""))


_DEADLINE = re.compile(r"(?:تا|طی|ظرف)(?![^\W\d_])")


def date_spans(text: str) -> list[tuple[int, int]]:
    """DATE spans of a text by the Persian date finder (training: gold text has no offsets)."""
    from pipeline.persian.date_finder import find_dates

    return [(d.start, d.end) for d in find_dates(text)]


def clause_features(ft: str, clause: Clause, cues: CueClasses | None = None,
                    dates: list[tuple[int, int]] | None = None) -> dict[str, float]:
    """Features of one clause of the folded text ``ft`` (see the module docstring); ``dates``:
    sorted ``(start, end)`` of the article's DATE spans."""
    cues = cue_classes() if cues is None else cues
    f: dict[str, float] = {"bias": 1.0}
    s, e = clause.start, clause.end
    seg = ft[s:e]
    for m in cues.finditer(ft, ("commitment", "speech", "meeting.verb"), s, e, folded=True, overlaps=True):
        f[f"cue={m.cls}"] = 1.0
        f[f"cuepat={m.cls}|{m.cue}"] = 1.0
        if m.verb is not None:
            f[f"cue={m.cls}|t={m.verb.tense}"] = 1.0
            f[f"cue={m.cls}|t={m.verb.tense}|p={m.verb.person}{'pl' if m.verb.plural else ''}"] = 1.0
            if m.verb.negated:
                f[f"cue={m.cls}|neg"] = 1.0
        # the cue ends the clause (a verb-final construction) or sits inside it
        f[f"cue={m.cls}|final={int(e - m.end <= 2)}"] = 1.0
    words = [_norm_word(w) for w in _WORD.findall(seg)]
    tail = " ".join(words[-3:])
    vf = tail_verb_form(words, cues)
    if vf is not None:
        f[f"tail={vf.tense}"] = 1.0
        f[f"tail={vf.tense}|p={vf.person}{'pl' if vf.plural else ''}"] = 1.0
        if vf.negated:
            f["tail=neg"] = 1.0
    if _FUTURE_ANY.search(seg):
        f["future_in_clause"] = 1.0
    if _FUTURE.search(tail):
        f["end=future"] = 1.0
    elif _PRESENT.search(tail):
        f["end=present"] = 1.0
    elif _PERFECT.search(tail):
        f["end=perfect"] = 1.0
    if words:
        last = words[-1]
        for k in (1, 2, 3):
            if len(last) > k:
                f[f"suf{k}={last[-k:]}"] = 1.0
        f[f"last={last}"] = 1.0
    for w in set(words):
        f[f"w={w}"] = 1.0
    for a, b in zip(words, words[1:]):
        f[f"b={a}_{b}"] = 1.0
    if "ما" in words or any(w.endswith("یم") and len(w) > 3 for w in words[-2:]):
        f["first_person_plural"] = 1.0
    if dates:
        i = bisect.bisect_left(dates, (s, -1))
        tense = vf.tense if vf is not None else ("future" if "end=future" in f else
                                                 "present" if "end=present" in f else "other")
        while i < len(dates) and dates[i][0] < e:
            a = dates[i][0]
            dl = "deadline" if _DEADLINE.match(ft, a) else "date"
            f[f"date={dl}"] = 1.0
            f[f"date={dl}|t={tense}"] = 1.0
            i += 1
    f["after_colon"] = float(clause.after_colon)
    n = len(words)
    f[f"len={'short' if n < 6 else 'mid' if n < 15 else 'long'}"] = 1.0
    return f


_FIRST_PERSON_FUTURE = re.compile(r"(?<![^\W\d_])ن?خواه(?:م|یم)[ \u200c]*[^\W\d_]{2,}")
_WE = frozenset({"ما", "اینجانب", "بنده"})


def kind_features(ft: str, clause: Clause, cues: CueClasses | None = None,
                  dates: list[tuple[int, int]] | None = None) -> dict[str, float]:
    """Features of a commitment clause for its *kind* (:class:`KindModel`): classes only, no words.

    The cue kind the rules give (:func:`pipeline.records.commitments.cue_kind_detail`) and every
    commitment cue class in the clause with its verb's tense, person and polarity; the clause's final
    verb: tense (aspect, mood), person and number, negation, and which light verb it is; a modal
    («باید» class) and the first person («ما», a first-person verb or future); a future time word
    (cue class ``time.ahead``); DATE spans (a date, a deadline «تا/طی/ظرف ...») with the final verb's
    tense and with completion work; whether the clause follows a speech verb's colon (said in a
    statement) rather than told by the reporter."""
    from pipeline.records.commitments import cue_kind_detail

    cues = cue_classes() if cues is None else cues
    s, e = clause.start, clause.end
    f: dict[str, float] = {"bias": 1.0}
    ck, sched = cue_kind_detail(ft, s, e, cues, dates)
    f[f"ck={ck}"] = 1.0
    if sched:
        f["ck_scheduled"] = 1.0
    classes = set()
    for m in cues.finditer(ft, "commitment", s, e, folded=True, overlaps=True):
        if m.cls == "commitment.not":
            continue
        classes.add(m.cls)
        f[f"c={m.cls}"] = 1.0
        if m.verb is not None:
            f[f"c={m.cls}|t={m.verb.tense}"] = 1.0
            f[f"c={m.cls}|p={m.verb.person}"] = 1.0
            if m.verb.negated:
                f[f"c={m.cls}|neg"] = 1.0
    words = [_norm_word(w) for w in _WORD.findall(ft[s:e])]
    tv = tail_verb(words, cues)
    tense = "-"
    if tv is not None:
        lv, vf = tv
        tense = vf.tense
        f[f"t={vf.tense}"] = 1.0
        f[f"t={vf.tense}|p={vf.person}{'pl' if vf.plural else ''}"] = 1.0
        f[f"lv={lv}"] = 1.0
        f[f"lv={lv}|t={vf.tense}"] = 1.0
        if vf.negated:
            f["neg"] = 1.0
        if vf.person == 1:
            f["p1"] = 1.0
    elif words:
        tail = " ".join(words[-3:])
        tense = "future" if _FUTURE.search(tail) else "present" if _PRESENT.search(tail) else "perfect" if _PERFECT.search(tail) else "-"
        f[f"t~{tense}"] = 1.0
        if words[-1].endswith(("یم", "م")) and len(words[-1]) > 3:
            f["end_m"] = 1.0
    if _FIRST_PERSON_FUTURE.search(ft, s, e):
        f["fut1"] = 1.0
    if _WE & set(words):
        f["we"] = 1.0
    if "commitment.obligation" in classes:
        f["modal"] = 1.0
    if cues.search(ft, "time.ahead", s, e, folded=True) is not None:
        f["ahead"] = 1.0
        f[f"ahead|t={tense}"] = 1.0
    if dates:
        i = bisect.bisect_left(dates, (s, -1))
        while i < len(dates) and dates[i][0] < e:
            dl = "deadline" if _DEADLINE.match(ft, dates[i][0]) else "date"
            f[f"d={dl}"] = 1.0
            f[f"d={dl}|t={tense}"] = 1.0
            if "commitment.completion" in classes:
                f["d|completion"] = 1.0
            i += 1
    q = "quote" if clause.after_colon else "told"
    f[q] = 1.0
    f[f"{q}|ck={ck}"] = 1.0
    f[f"{q}|t={tense}"] = 1.0
    return f


def softmax_probs(bias: list[float], weights: dict[str, list[float]], feats: dict[str, float]) -> list[float]:
    """Class probabilities of a multinomial logistic regression with sparse named features."""
    z = list(bias)
    for name, v in feats.items():
        w = weights.get(name)
        if w is not None:
            for i, wi in enumerate(w):
                z[i] += wi * v
    top = max(z)
    ex = [math.exp(x - top) for x in z]
    tot = sum(ex)
    return [x / tot for x in ex]


@dataclass
class KindModel:
    """A multinomial logistic regression over the five kinds (:func:`kind_features`), and where it
    names the kind (``scope``: «plan/promise» only between those two when the rules say one of them;
    «all» every clause whose cue is not a decision or agreement)."""

    classes: list[str]
    weights: dict[str, list[float]]
    bias: list[float]
    scope: str = "plan/promise"

    def probs(self, feats: dict[str, float]) -> list[float]:
        return softmax_probs(self.bias, self.weights, feats)

    def kind(self, feats: dict[str, float], among=None) -> str:
        p = self.probs(feats)
        ok = [i for i, c in enumerate(self.classes) if among is None or c in among]
        return self.classes[max(ok, key=lambda i: p[i])] if ok else None

    def to_json(self) -> dict:
        return {"classes": self.classes, "bias": self.bias, "scope": self.scope,
                "weights": {k: [round(x, 4) for x in v] for k, v in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, d: dict | None) -> "KindModel | None":
        if not d:
            return None
        return cls(d["classes"], d["weights"], d["bias"], d.get("scope", "plan/promise"))


@dataclass
class CommitmentModel:
    """Weights per class (``classes[0]`` is ``none``), the decision threshold and a model-card line."""

    classes: list[str]
    weights: dict[str, list[float]]
    bias: list[float]
    threshold: float = 0.5
    card: str = ""
    meta: dict = field(default_factory=dict)
    #: a clause with a cue is dropped when P(none) reaches this (decision/agreement cues always stand)
    cue_threshold: float = 0.95
    #: cue kinds whose plan-vs-promise the model, not the cue, decides («scheduled», «plan», «promise»;
    #: see :func:`pipeline.records.commitments.classify_clause`)
    model_kinds: tuple[str, ...] = ()
    #: the learned kind classifier (None: the rules name the kind)
    kind_model: KindModel | None = None

    def probs(self, feats: dict[str, float]) -> list[float]:
        return softmax_probs(self.bias, self.weights, feats)

    def predict(self, feats: dict[str, float]) -> tuple[str | None, float]:
        """(kind, probability) for a commitment clause, or (None, P(none))."""
        p = self.probs(feats)
        none = self.classes.index("none")
        if p[none] >= self.threshold:
            return None, p[none]
        best = max((i for i in range(len(p)) if i != none), key=lambda i: p[i])
        return self.classes[best], p[best]

    def kind_among(self, p: list[float], kinds) -> str:
        """The most probable of ``kinds`` under class probabilities ``p``."""
        return max(kinds, key=lambda k: p[self.classes.index(k)] if k in self.classes else -1.0)

    def to_json(self) -> dict:
        return {"card": self.card, "classes": self.classes, "threshold": self.threshold, "bias": self.bias,
                "cue_threshold": self.cue_threshold, "model_kinds": list(self.model_kinds), "meta": self.meta,
                "kind_model": self.kind_model.to_json() if self.kind_model is not None else None,
                "weights": {k: [round(x, 4) for x in v] for k, v in sorted(self.weights.items())}}

    def save(self, path: Path | str) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(self.to_json(), fh, ensure_ascii=False, separators=(",", ":"))
            fh.write("\n")

    @classmethod
    def load(cls, path: Path | str) -> "CommitmentModel":
        path = Path(path)
        if not path.exists():
            raise ModelError(f"commitment model {path} is missing; rebuild it with "
                             f"`python scripts/train_commitments.py --out {path}`")
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
            return cls(d["classes"], d["weights"], d["bias"], d.get("threshold", 0.5), d.get("card", ""),
                       d.get("meta", {}), d.get("cue_threshold", 0.95), tuple(d.get("model_kinds", ())),
                       KindModel.from_json(d.get("kind_model")))
        except (KeyError, json.JSONDecodeError) as e:
            raise ModelError(f"commitment model {path} is malformed ({e}); rebuild it with "
                             "scripts/train_commitments.py") from e


#: the shipped model, or the one installed by ``using_model`` (evaluation by folds)
_SLOT = ModelSlot("commitment_model", lambda: CommitmentModel.load(MODEL_PATH))
shipped_model = _SLOT.shipped
current_model = _SLOT.current
using_model = _SLOT.using


# ---------------------------------------------------------------- training (scikit-learn)
def article_clauses(text: str, sentences) -> list[Clause]:
    ft = fold(text)
    out: list[Clause] = []
    for s in sentences:
        out.extend(split_clauses(text, s.start, s.end, ft))
    return out


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _keys(text: str) -> set[str]:
    return {w.replace("\u200c", "") for w in _WORD.findall(fold(text))}


def labelled_clauses(gold_doc: dict) -> tuple[str, list[Clause], list[str]]:
    """(normalized text, clauses, label per clause) of a gold article: a clause takes the kind of
    the gold commitment it overlaps most (at least half of the shorter one's words), else ``none``."""
    from pipeline.normalize import normalize
    from pipeline.tokenize import sentences_of, unwrap_lines

    text = unwrap_lines(normalize(gold_doc["text"]).text)
    clauses = article_clauses(text, sentences_of(text))
    labels = ["none"] * len(clauses)
    ckeys = [_keys(text[c.start:c.end]) for c in clauses]
    for c in gold_doc.get("commitments", []):
        g = _keys(c.get("content") or "")
        best = max(range(len(clauses)), key=lambda i: _overlap(g, ckeys[i]), default=None)
        if best is not None and _overlap(g, ckeys[best]) >= 0.5 and c.get("kind") in KINDS:
            labels[best] = c["kind"]
    return text, clauses, labels


def _gold_clauses(gold_docs: list[dict]):
    """``(folded text, clause, gold label, cue classes, date spans)`` for every clause of annotated articles."""
    cues = cue_classes()
    for d in gold_docs:
        text, clauses, labels = labelled_clauses(d)
        ft = fold(text)
        dates = date_spans(text)
        for c, lab in zip(clauses, labels):
            yield ft, c, lab, cues, dates


def training_rows(gold_docs: list[dict]) -> tuple[list[dict[str, float]], list[str]]:
    X: list[dict[str, float]] = []
    y: list[str] = []
    for ft, c, lab, cues, dates in _gold_clauses(gold_docs):
        X.append(clause_features(ft, c, cues, dates))
        y.append(lab)
    return X, y


def _logreg(X: list[dict[str, float]], y: list[str], C: float, min_count: int):
    """``(classes, weights by feature, bias)`` of a logistic regression on feature dicts (features seen
    fewer than ``min_count`` times dropped; a binary fit expanded to one weight row per class)."""
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(k for row in X for k in row)
    Xk = [{k: v for k, v in row.items() if counts[k] >= min_count} for row in X]
    vec = DictVectorizer()
    M = vec.fit_transform(Xk)
    clf = LogisticRegression(C=C, max_iter=2000)
    clf.fit(M, y)
    classes = [str(c) for c in clf.classes_]
    coef = clf.coef_
    if len(classes) == 2:  # binary: sklearn keeps one row; expand to one per class
        coef = [[-x for x in coef[0]], list(coef[0])]
        bias = [-float(clf.intercept_[0]), float(clf.intercept_[0])]
    else:
        coef = coef.tolist()
        bias = [float(b) for b in clf.intercept_]
    names = vec.get_feature_names_out()
    weights = {str(n): [float(coef[c][j]) for c in range(len(classes))] for j, n in enumerate(names)}
    return classes, weights, bias


def fit(X: list[dict[str, float]], y: list[str], C: float = 1.0, min_count: int = 2,
        threshold: float = 0.5, card: str = "", cue_threshold: float = 0.95,
        model_kinds: tuple[str, ...] = ()) -> CommitmentModel:
    """A :class:`CommitmentModel` fitted on feature dicts ``X`` and labels ``y`` (features seen
    fewer than ``min_count`` times are dropped)."""
    classes, weights, bias = _logreg(X, y, C, min_count)
    if "none" not in classes:
        raise ModelError("training data has no negative clauses; give whole annotated articles")
    return CommitmentModel(classes, weights, bias, threshold, card, {"C": C, "min_count": min_count,
                                                                      "rows": len(X)},
                           cue_threshold, tuple(model_kinds))


def kind_rows(gold_docs: list[dict], guideline: bool = True) -> tuple[list[dict[str, float]], list[str]]:
    """Kind features and gold kinds of the commitment clauses of annotated articles. ``guideline``: a
    clause labelled promise that the guideline's plan-vs-promise point makes a plan (third person, no
    explicit commitment, no completion date: :func:`_promise_allowed`) is learned as a plan."""
    X: list[dict[str, float]] = []
    y: list[str] = []
    for ft, c, lab, cues, dates in _gold_clauses(gold_docs):
        if lab != "none":
            f = kind_features(ft, c, cues, dates)
            if guideline and lab == "promise" and not _promise_allowed(f):
                lab = "plan"
            X.append(f)
            y.append(lab)
    return X, y


def _promise_allowed(f: dict[str, float]) -> bool:
    """Whether ANNOTATION.md's plan-vs-promise point allows «promise» for a clause with kind features
    ``f``: a first-person verb or future, «ما», a promise cue (explicit commitment), or the rules' promise
    (an announced completion date, «باید تلاش کنیم»). Third-person scheduled work without them is a plan."""
    return any(k in f for k in ("p1", "fut1", "we", "end_m", "c=commitment.promise", "ck=promise"))


def fit_kind(X: list[dict[str, float]], y: list[str], C: float = 1.0, scope: str = "plan/promise",
             min_count: int = 2) -> KindModel:
    """A :class:`KindModel` fitted on kind features ``X`` and gold kinds ``y``."""
    classes, weights, bias = _logreg(X, y, C, min_count)
    return KindModel(classes, weights, bias, scope)


#: overrides of the shipped model's kind setting for :func:`train_model` (``scripts/eval_records.py
#: --commitment-kinds``): None keeps the shipped one; "rules", "plan/promise" or "all"
KIND_SCOPE: str | None = None


def train_model(gold_docs: list[dict], C: float | None = None, threshold: float | None = None) -> CommitmentModel:
    """Train on annotated articles (dicts with ``text`` and ``commitments``); C, the thresholds and the
    model-named kinds default to the shipped model's (chosen by cross-validation in
    ``scripts/train_commitments.py``)."""
    meta = shipped_model() if MODEL_PATH.exists() else None
    C = C if C is not None else (meta.meta.get("C", 1.0) if meta else 1.0)
    threshold = threshold if threshold is not None else (meta.threshold if meta else 0.5)
    X, y = training_rows(gold_docs)
    model = fit(X, y, C=C, threshold=threshold, cue_threshold=meta.cue_threshold if meta else 0.95,
                model_kinds=meta.model_kinds if meta else ())
    shipped_km = meta.kind_model if meta else None
    scope = KIND_SCOPE if KIND_SCOPE is not None else (shipped_km.scope if shipped_km is not None else "rules")
    if scope != "rules":
        kC = (meta.meta.get("kind_C", 1.0) if meta else 1.0)
        model.kind_model = fit_kind(*kind_rows(gold_docs), C=kC, scope=scope)
    return model
