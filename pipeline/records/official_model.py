"""A learned linker between named people and titles: does this title belong to this person?

The rules of :mod:`pipeline.records.coref` link a title to a name written next to it or to the
speaker it introduces. Titles also reach a person from further away: «X به عنوان مدیرعامل ...
معرفی شد», «X را به عنوان ... منصوب کرد», a title that opens one sentence and a surname that
speaks in the next. For every named person of an article (:class:`~pipeline.records.coref.Referent`)
and every title (:class:`~pipeline.records.mentions.RoleMention`) in the sentences around one of
its names, :func:`pair_features` describes the pair with simple features: whether the rules
linked them (and how), the direction and distance in words and sentences, how many other names
and titles stand between, the words of a short gap, whether the title is a speech subject or
sits inside another speaker's statement, whether the name opens its sentence. A logistic
regression scores the pairs; a title goes to the person that scores highest, when the score
passes the model's threshold.

A title that speaks between statements of one named person («X گفت ... / معاون ... افزود ... / X
تصریح کرد») is a candidate of that person wherever it stands, with ``speaks_between`` features.

Named people the linker gives no title are listed (role null) as ``untitled`` says: ``never``, every
quoted one (``speaker``), or by a second logistic regression (``model``) over
:func:`untitled_features`: how often the person speaks, whether the report opens with them, how
the name is written, whether they are named only inside others' statements, how close the linker
came to giving them a title.

The model is a small JSON file (``pipeline/records/data/official_link.json``): weights, threshold,
the untitled setting (and the untitled filter's weights), and a model-card line. It is trained on
``../shared/gold/train.jsonl`` by ``scripts/train_officials.py`` (gold entities placed in the
normalized text, and the tagger's entities of the same articles when given under ``"_tagged"``;
scikit-learn at training time only, prediction is a dot product in plain Python).
Threshold, C and the untitled setting are chosen by cross-validation inside the training articles.
"""
from __future__ import annotations

import bisect
import json
import math
import re
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.records.model_slot import ModelSlot
from pipeline.document import Document
from pipeline.textkey import key
from pipeline.records.coref import Coref, Referent, name_words
from pipeline.records.mentions import RoleMention, relation_of_other
from pipeline.records.textutil import WORD_RE, prev_word

MODEL_PATH = Path(__file__).resolve().parent / "data" / "official_link.json"
#: how many sentences before/after a name a title may stand to be a candidate
WINDOW = 1
#: rule links that always stand: a title written right next to the name (mentions.appositions)
APPOSITIONS = ("after", "before", "paren", "second", "coord", "as")
#: a gap of at most this many words is described word by word
GAP_WORDS = 6


class ModelError(ValueError):
    """The linker model file is missing or malformed; the message says how to rebuild it."""


# ---------------------------------------------------------------- features

#: pair feature: the person's nearest name lies inside the statement the title itself speaks
NAMED_IN_OWN_STATEMENT = "name_in_own_statement"


@dataclass
class Pair:
    ref: Referent
    role: RoleMention
    feats: dict[str, float]


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


class _Article:
    """Per-article lookups (sentence index, entity starts, statements) built once."""

    def __init__(self, doc: Document, co: Coref) -> None:
        self.doc = doc
        self.text = doc.text
        self.sent_starts = [s.start for s in doc.sentences]
        ents = sorted(doc.entities, key=lambda e: e.start)
        self.pers = [e for e in ents if e.label == "PER"]
        self.per_starts = [e.start for e in self.pers]
        self.role_starts = [m.start for m in co.roles]
        self.role_by_start = {m.start: m for m in co.roles}
        # speech subjects that are titles; statements as sorted intervals with their speaker
        self.subject_roles: set[int] = set()
        stm = []
        for ev, ref in co.events:
            if ev.subject is not None and ev.subject.role is not None:
                self.subject_roles.add(ev.subject.role.start)
            if ev.statement is not None:
                stm.append((ev.statement[0], ev.statement[1], ref))
        stm.sort(key=lambda x: x[0])
        self.stm = stm
        self.stm_starts = [s for s, _, _ in stm]
        self.subject_offsets = {off for off, _ in co.subjects}
        # a title that speaks -> its statement: a name inside it is someone the speaker talks about
        self.role_statement = {ev.subject.role.start: ev.statement for ev, _ in co.events
                               if ev.subject is not None and ev.subject.role is not None and ev.statement is not None}
        self.app_how = {(a.person.start, a.role.start): a.how for a in co.apps}
        self.app_role_person = {a.role.start: a.person.start for a in co.apps}
        self.app_by_role: dict[int, list[tuple[int, str]]] = {}
        for a in co.apps:
            self.app_by_role.setdefault(a.role.start, []).append((a.person.start, a.how))
        # a title that speaks with no named holder («فرماندار ری گفت: ...») and named speakers with no
        # title of their own («حسن نوری افزود: ...»): often one person told in two sentences
        self.unheld_speaking = [rm for rm in co.roles if rm.start in self.subject_roles
                                and not getattr(co.by_role.get(rm.start), "names", None)]
        # a title that speaks between statements of named people («X گفت ... / معاون ... افزود ... /
        # X تصریح کرد»): the named speakers of the speech events right before and right after it
        self.speech_neighbours: dict[int, tuple[Referent | None, Referent | None]] = {}
        evs = co.events
        for i, (ev, _ref) in enumerate(evs):
            subj = ev.subject
            if subj is None or subj.kind != "ROLE" or subj.role is None:
                continue
            prev = next((r for _e, r in reversed(evs[max(0, i - 3):i]) if r is not None and r.names), None)
            nxt = next((r for e, r in evs[i + 1:i + 4] if r is not None and r.names
                        and e.subject is not None and e.subject.kind in ("PER", "PRON", "DEM")), None)
            self.speech_neighbours[subj.role.start] = (prev, nxt)
        # referent id -> the starts of the titles that speak next to its statements
        self.titles_by_neighbour: dict[int, list[int]] = {}
        for start, (prev, nxt) in self.speech_neighbours.items():
            for r in {id(x): x for x in (prev, nxt) if x is not None}.values():
                self.titles_by_neighbour.setdefault(r.id, []).append(start)
        self.untitled_speakers = [r for r in co.referents if r.names and r.speaker and not r.roles]

    def nearest_per(self, start: int, end: int) -> tuple[int | None, int | None]:
        """Starts of the PER spans right before ``start`` and right after ``end``."""
        i = bisect.bisect_left(self.per_starts, start) - 1
        j = bisect.bisect_left(self.per_starts, end)
        return (self.per_starts[i] if i >= 0 else None,
                self.per_starts[j] if j < len(self.per_starts) else None)

    def sent_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def count_between(self, starts: list[int], a: int, b: int) -> int:
        return bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a)

    def statement_speaker(self, pos: int) -> tuple[bool, Referent | None]:
        """Whether ``pos`` lies in a speech statement, and whose (the innermost of a few candidates)."""
        i = bisect.bisect_right(self.stm_starts, pos) - 1
        for j in range(i, max(-1, i - 4), -1):
            s, e, ref = self.stm[j]
            if s <= pos < e:
                return True, ref
        return False, None


def _name_features(t: str, ref: Referent) -> list[str]:
    """The features of :func:`pair_features` that read only the person's name mentions, in order."""
    out: list[str] = []
    for x in ref.names:
        pn = prev_word(t, x.start)
        if pn is not None:
            out.append(f"name_prev={key(pn[2])}")
        if "(" in t[x.end:x.end + 3]:
            out.append("name_paren_after")
    if all(len(name_words(x.text)) < 2 for x in ref.names):
        out.append("surname_only")
    return out


def pair_features(art: _Article, co: Coref, ref: Referent, rm: RoleMention) -> dict[str, float]:
    """Features of the pair (person ``ref``, title ``rm``); see the module docstring."""
    t = art.text
    f: dict[str, float] = {"bias": 1.0}
    # the name mention nearest to the title
    best = None
    for n in ref.names:
        d = rm.start - n.end if rm.start >= n.end else n.start - rm.end
        if best is None or abs(d) < best[0]:
            best = (abs(d), n)
    n = best[1]
    after = rm.start >= n.end
    direction = "after" if after else "before"
    f[f"dir={direction}"] = 1.0
    lo, hi = (n.end, rm.start) if after else (rm.end, n.start)
    lo, hi = min(lo, hi), max(lo, hi)
    sd = art.sent_index(rm.start) - art.sent_index(n.start)
    sd = max(-2, min(2, sd))
    f[f"sd={sd}"] = 1.0
    nwords = sum(1 for _ in WORD_RE.finditer(t, lo, hi)) if hi - lo < 600 else 99
    f[f"wd={_bucket(nwords, (0, 1, 3, 6, 12))}"] = 1.0
    f[f"wd={_bucket(nwords, (0, 1, 3, 6, 12))}|{direction}"] = 1.0
    pb = art.count_between(art.per_starts, lo, hi)
    rb = art.count_between(art.role_starts, lo, hi)
    f[f"per_between={min(pb, 2)}"] = 1.0
    f[f"role_between={min(rb, 2)}"] = 1.0
    if sd == 0 and nwords <= GAP_WORDS:
        gap = t[lo:hi]
        ws = [key(m.group(0)) for m in WORD_RE.finditer(gap)]
        for w in ws:
            f[f"gap={w}|{direction}"] = 1.0
        if not ws:
            f[f"gap_empty|{direction}"] = 1.0
        for ch, name in (("،", "comma"), (",", "comma"), ("(", "paren"), (":", "colon")):
            if ch in gap:
                f[f"gap_{name}"] = 1.0
    # rules
    in_rules = rm.start in ref._role_index()[1]
    name_starts = ref.memo("name_starts", ref.names, lambda: {x.start for x in ref.names})
    if in_rules:
        f["rule"] = 1.0
        how = art.app_how.get((n.start, rm.start))
        if how is None:
            how = next((h for p, h in art.app_by_role.get(rm.start, ()) if p in name_starts), "subject")
        f[f"rule={how}"] = 1.0
    holder = co.by_role.get(rm.start)
    if holder is not None and holder is not ref and holder.names:
        f["other_link"] = 1.0  # another named person holds the title by the rules (an unnamed speaker does not count)
    if holder is None or not holder.names:
        # a title no named person holds by the rules: introduced before the name, or after it
        f[f"unheld|sd={sd}|{direction}"] = 1.0
        if n.start in art.subject_offsets:
            f[f"unheld|sd={sd}|{direction}|name_subject"] = 1.0
    if ref.speaker and not ref.roles and rm in art.unheld_speaking:
        # an untitled named speaker and a speaking title nobody named holds, anywhere in the article
        f["speaking_pair"] = 1.0
        f[f"speaking_pair|sd={sd}"] = 1.0
        f[f"speaking_pair|n={min(len(art.untitled_speakers), 2)}x{min(len(art.unheld_speaking), 2)}"] = 1.0
    nb = art.speech_neighbours.get(rm.start)
    if nb is not None:
        # the title speaks right after and/or right before this person's own statements
        own = ("prev" if nb[0] is ref else "") + ("next" if nb[1] is ref else "")
        if own:
            f[f"speaks_between={own}"] = 1.0
            if ref.roles:
                f["speaks_between|titled"] = 1.0
        elif nb[0] is not None or nb[1] is not None:
            f["speaks_between=other"] = 1.0
    sent = art.doc.sentence_at(rm.start)
    if sent is not None and sum(1 for _ in WORD_RE.finditer(t, sent.start, rm.start)) <= 5:
        f["role_early"] = 1.0  # the title opens its sentence (a subject, mostly)
    app_p = art.app_role_person.get(rm.start)
    if app_p is not None and app_p not in name_starts:
        f["other_app"] = 1.0
    # the title and the person in the story
    if rm.plural:
        f["plural"] = 1.0
    if rm.org or rm.location:
        f["scoped"] = 1.0
    if ref.speaker:
        f["speaker"] = 1.0
    if rm.start in art.subject_roles:
        f["role_is_subject"] = 1.0
        if ref.speaker:
            f["role_is_subject|speaker"] = 1.0
    if n.start in art.subject_offsets:
        f["name_is_subject"] = 1.0
    own = art.role_statement.get(rm.start)
    if own is not None and own[0] <= n.start < own[1]:
        f[NAMED_IN_OWN_STATEMENT] = 1.0  # «دبیر شورا افزود: ... اگر X ...»: X is talked about, not the speaker
    inside, sp = art.statement_speaker(rm.start)
    if inside:
        f["role_in_statement"] = 1.0
        f["role_in_own_statement" if sp is ref else "role_in_other_statement"] = 1.0
    before, after_p = art.nearest_per(rm.start, rm.end)
    if n.start in (before, after_p):
        f["nearest_person"] = 1.0  # no other name between the title and this one on that side
        f[f"nearest_person|{direction}"] = 1.0
    pw = prev_word(t, rm.start)
    if pw is not None and key(pw[2]) == "از":
        # «به عنوان یکی از نمایندگان ...»: one member of a group title
        p2 = prev_word(t, pw[0])
        if p2 is not None and key(p2[2]) == "یکی":
            pw = prev_word(t, p2[0]) or pw
    if pw is not None:
        k = key(pw[2])
        if k == "عنوان":
            f["as_title"] = 1.0  # «به عنوان مدیرعامل»
            if sd == 0 and after and nwords <= 4:
                f["as_title|near_after"] = 1.0  # «X (را) به عنوان مدیرعامل ...»
            if sd == 0 and after:
                f[f"as_title|after|per_between={min(pb, 1)}"] = 1.0
        elif k in ("مرحوم", "سابق", "اسبق", "پیشین"):
            f["former"] = 1.0
    # how the person is written: the word before a name («امام», «شهید», «آقای») and «(ع)»/«(ره)» after it
    for k in ref.memo("name_features", ref.names, lambda: _name_features(t, ref)):
        f[k] = 1.0
    f[f"mentions={min(len(ref.names), 3)}"] = 1.0
    return f


def untitled_features(co: Coref, ref: Referent, pairs: list[Pair], model: "LinkModel") -> dict[str, float]:
    """Features of a named person the linker gave no title (is it an official all the same?): how
    often and where the person speaks, how the name is written, and how close the linker came to
    giving them a title (``pairs``: the article's candidate pairs)."""
    doc: Document | None = co.__dict__.get("_doc")
    f: dict[str, float] = {"bias": 1.0}
    n_ev = sum(1 for _ev, r in co.events if r is ref)
    f[f"u_events={min(n_ev, 3)}"] = 1.0
    f[f"u_mentions={min(len(ref.names), 3)}"] = 1.0
    nw = max(len(name_words(x.text)) for x in ref.names)
    f[f"u_name_words={min(nw, 3)}"] = 1.0
    if doc is not None:
        honor = _honorific_keys()
        for k in ref.memo("name_features", ref.names, lambda: _name_features(doc.text, ref)):
            # the word before a name only as a class (an honorific: «آقای», «دکتر», «حجت‌الاسلام»),
            # never the word itself: one article's wording would be learned
            if k.startswith("name_prev="):
                k = "name_prev=honorific" if k[len("name_prev="):] in honor else None
            if k is not None:
                f["u_" + k] = 1.0
        first = min(x.start for x in ref.names)
        sents = [s.start for s in doc.sentences]
        si = bisect.bisect_right(sents, first) - 1
        f[f"u_first_sent={min(max(si, 0), 3)}"] = 1.0
        if si <= 1 and n_ev:
            # the person the report opens with and who speaks: the story's official, title or not
            f["u_lede_speaker"] = 1.0
            if nw >= 2:
                f["u_lede_speaker|full_name"] = 1.0
    if nw == 1 and all(name_words(x.text)[0] in _given_name_keys() for x in ref.names):
        f["u_given_only"] = 1.0  # «اصغر», «مروان»: a given name alone is rarely an official's record
    if any(r is ref for _off, r in co.subjects):
        f["u_subject"] = 1.0
    stm = [ev.statement for ev, r in co.events if ev.statement is not None and r is not ref]
    if stm and all(any(a <= x.start < b for a, b in stm) for x in ref.names):
        f["u_only_in_statements"] = 1.0
    ps = [model.prob(p.feats) for p in pairs if p.ref is ref]
    if ps:
        top = max(ps)
        f[f"u_top_link={_bucket(int(top * 10), (1, 3, 5))}"] = 1.0
    else:
        f["u_no_title_near"] = 1.0
    return f


@lru_cache(maxsize=1)
def _honorific_keys() -> frozenset[str]:
    from pipeline.lexicons import word_set

    return frozenset(key(w) for w in word_set("honorifics"))


@lru_cache(maxsize=1)
def _given_name_keys() -> frozenset[str]:
    from pipeline.lexicons import word_set

    # the hand list only: the broad list (given_names_broad) also holds common surnames («کریمی»,
    # «احمدی»), so a surname alone would count as a given name alone here
    return frozenset(key(w) for w in word_set("given_names"))


#: honorifics written after the name of a prophet, an imam or a saint («حسین (ع)», «فاطمه
#: (سلام‌الله‌علیها)»): such a person holds no office in the news (a scholar's «(ره)» is not one of them)
HOLY_HONORIFICS = frozenset(key(w) for w in (
    "ع عج ص س علیه‌السلام علیهاالسلام علیهم‌السلام صلی‌الله‌علیه‌وآله صلی‌الله‌علیه‌وآله‌وسلم "
    "سلام‌الله‌علیها").split())
_HOLY_AFTER_RE = re.compile(r"[ \t\u200c]*[(\[)]?[ \t\u200c]*([^\W\d_][^\s()\[\]]*(?:[ \u200c][^\W\d_]+){0,3})")


def holy_name(text: str, ref: Referent) -> bool:
    """Whether one of ``ref``'s names is followed by a holy honorific («امام حسین (ع)», older text
    «علی) ع (», bare «حسین ع», «علیه السلام» written apart): a religious figure, not an official."""
    for n in ref.names:
        ws = n.text.split()
        if len(ws) > 1 and key(ws[-1]) in HOLY_HONORIFICS:
            return True
        m = _HOLY_AFTER_RE.match(text, n.end, min(len(text), n.end + 40))
        if m is not None:
            after = m.group(1).split()  # the formula may be written in one to four pieces
            if any(key(" ".join(after[:i])) in HOLY_HONORIFICS for i in range(1, len(after) + 1)):
                return True
    return False


def candidate_pairs(doc: Document, co: Coref) -> list[Pair]:
    """Every (named person, title) pair within :data:`WINDOW` sentences of one of the person's
    names, plus the pairs the rules linked, with their features. A person named with a holy
    honorific (:func:`holy_name`) has no candidate titles."""
    art = _Article(doc, co)
    co.__dict__["_doc"] = doc  # read by untitled_features
    by_sent: dict[int, list[RoleMention]] = {}
    for rm in co.roles:
        by_sent.setdefault(art.sent_index(rm.start), []).append(rm)
    out: list[Pair] = []
    per_starts = set(art.per_starts)
    relational = {rm.start for rm in co.roles if relation_of_other(doc.text, rm, per_starts)}
    for ref in co.referents:
        if not ref.names or holy_name(doc.text, ref):
            continue
        seen: dict[int, RoleMention] = {}
        for nm in ref.names:
            si = art.sent_index(nm.start)
            for j in range(si - WINDOW, si + WINDOW + 1):
                for rm in by_sent.get(j, ()):
                    seen.setdefault(rm.start, rm)
        for rm, _ in ref.roles:
            seen.setdefault(rm.start, rm)
        if ref.speaker and not ref.roles:
            for rm in art.unheld_speaking:
                seen.setdefault(rm.start, rm)
        for start in art.titles_by_neighbour.get(ref.id, ()):
            rm = art.role_by_start.get(start)
            if rm is not None:
                seen.setdefault(start, rm)
        for rm in seen.values():
            if rm.start in relational:
                continue
            out.append(Pair(ref, rm, pair_features(art, co, ref, rm)))
    return out


# ---------------------------------------------------------------- the model
@dataclass
class LinkModel:
    """Feature weights of a logistic regression, its threshold, and whether people without a title
    are listed (``untitled``: ``never`` or ``speaker``)."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    untitled: str = "never"
    card: str = ""
    meta: dict = field(default_factory=dict)
    #: ``untitled="model"``: a second logistic regression over :func:`untitled_features` decides
    #: which named people without a title are listed (weights, bias; listed from probability 0.5)
    untitled_weights: dict[str, float] = field(default_factory=dict)
    untitled_bias: float = 0.0

    def untitled_prob(self, feats: dict[str, float]) -> float:
        z = self.untitled_bias + sum(self.untitled_weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def lists_untitled(self, co: Coref, ref: Referent, pairs: list[Pair]) -> bool:
        """Whether ``ref`` (a named person the linker gave no title) is listed as an official."""
        if self.untitled == "speaker":
            return ref.speaker
        if self.untitled == "model":
            return self.untitled_prob(untitled_features(co, ref, pairs, self)) >= 0.5
        return False

    def prob(self, feats: dict[str, float]) -> float:
        z = self.bias
        w = self.weights
        for name, v in feats.items():
            z += w.get(name, 0.0) * v
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        d = {"card": self.card, "threshold": self.threshold, "untitled": self.untitled, "bias": self.bias,
             "meta": self.meta, "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())}}
        if self.untitled_weights:
            d["untitled_bias"] = round(self.untitled_bias, 4)
            d["untitled_weights"] = {k: round(v, 4) for k, v in sorted(self.untitled_weights.items())}
        return d

    def save(self, path: Path | str) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(self.to_json(), fh, ensure_ascii=False, separators=(",", ":"))
            fh.write("\n")

    @classmethod
    def load(cls, path: Path | str) -> "LinkModel":
        path = Path(path)
        if not path.exists():
            raise ModelError(f"official linker model {path} is missing; rebuild it with "
                             f"`python scripts/train_officials.py --out {path}`")
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
            return cls(d["weights"], d["bias"], d.get("threshold", 0.5), d.get("untitled", "never"),
                       d.get("card", ""), d.get("meta", {}), d.get("untitled_weights", {}),
                       d.get("untitled_bias", 0.0))
        except (KeyError, json.JSONDecodeError) as e:
            raise ModelError(f"official linker model {path} is malformed ({e}); rebuild it with "
                             "scripts/train_officials.py") from e


#: the shipped model, or the one installed by ``using_model`` (evaluation by folds)
_SLOT = ModelSlot("official_model", lambda: LinkModel.load(MODEL_PATH))
shipped_model = _SLOT.shipped
current_model = _SLOT.current
using_model = _SLOT.using


def link(pairs: list[Pair], probs: list[float], threshold: float) -> dict[int, list[tuple[RoleMention, int]]]:
    """Referent id -> its titles: each title (a group title may go to several people) to the
    person that scores highest, when that score reaches ``threshold``."""
    best: dict[int, tuple[float, Pair]] = {}
    out: dict[int, list[tuple[RoleMention, int]]] = {}
    for pr, p in zip(pairs, probs):
        if any(pr.feats.get(f"rule={h}") for h in APPOSITIONS):
            p = max(p, 1.0)  # a title written right next to the name stays the name's
        elif pr.feats.get(NAMED_IN_OWN_STATEMENT):
            continue  # a speaking title never belongs to a person it names in its own statement
        if p < threshold:
            continue
        if pr.role.plural:
            # a group title («مشاوران رئیس‌جمهور») is one person's only when written next to the name
            # («X و Y اعضای شورا», «X به عنوان یکی از نمایندگان»)
            if any(pr.feats.get(f"rule={h}") for h in APPOSITIONS):
                out.setdefault(pr.ref.id, []).append((pr.role, pr.role.start))
            continue
        cur = best.get(pr.role.start)
        if cur is None or p > cur[0]:
            best[pr.role.start] = (p, pr)
    for p, pr in best.values():
        out.setdefault(pr.ref.id, []).append((pr.role, pr.role.start))
    return out


def linked_titles(doc: Document, co: Coref) -> dict[int, list[tuple[RoleMention, int]]]:
    """Referent id -> the titles the current model gives it (cached on ``co`` per model)."""
    model = current_model()
    cache = co.__dict__.setdefault("_linked", {})
    hit = cache.get(id(model))
    if hit is None or hit[0] is not model:
        pairs = candidate_pairs(doc, co)
        hit = (model, link(pairs, [model.prob(p.feats) for p in pairs], model.threshold), pairs)
        cache[id(model)] = hit
    return hit[1]


def listed_untitled(doc: Document, co: Coref, ref: Referent) -> bool:
    """Whether the current model lists ``ref``, a named person it gave no title, as an official."""
    model = current_model()
    if model.untitled == "never" or holy_name(doc.text, ref):
        return False
    linked_titles(doc, co)
    pairs = co.__dict__["_linked"][id(model)][2]
    return model.lists_untitled(co, ref, pairs)


def title_holder(doc: Document, co: Coref, ref: Referent) -> Referent | None:
    """The named person the model gives ``ref``'s title to (``ref`` an unnamed titled speaker:
    «فرماندار ری گفت» and, a sentence on, «حسن نوری به عنوان فرماندار ری»): the holder of one of
    the same title mentions, else the one named person holding a compatible title."""
    from pipeline.records.coref import roles_compatible

    if ref.names or not ref.roles:
        return None
    linked = linked_titles(doc, co)
    holders = co.__dict__.get("_title_holders")
    if holders is None or holders[0] is not linked:
        by_id = {r.id: r for r in co.referents if r.names}
        by_start = {rm.start: by_id[rid] for rid, roles in linked.items() if rid in by_id for rm, _ in roles}
        named = [(by_id[rid], roles) for rid, roles in linked.items() if rid in by_id]
        holders = (linked, by_start, named)
        co.__dict__["_title_holders"] = holders
    _, by_start, named = holders
    for rm, _ in ref.roles:
        if rm.start in by_start:
            return by_start[rm.start]
    compatible = [r for r, roles in named if any(roles_compatible(a, b) for a, _ in roles for b, _ in ref.roles)]
    return compatible[0] if len(compatible) == 1 else None


# ---------------------------------------------------------------- training (scikit-learn)
def _same_person(a: str | None, b: str | None) -> bool:
    """The scorer's person match: equal keys, or one name's words inside the other's with the same last word."""
    wa, wb = name_words(a or ""), name_words(b or "")
    if not wa or not wb:
        return False
    if "".join(wa) == "".join(wb):
        return True
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return small[-1] == big[-1] and set(small) <= set(big)


def _loose(a: str | None, b: str | None) -> bool:
    ka, kb = key(a or "").replace(" ", ""), key(b or "").replace(" ", "")
    if not ka or not kb:
        return ka == kb
    return ka in kb or kb in ka


#: training rows per gold article (cross-validation reuses them across folds); bounded
_ROWS: dict[tuple[str, int], tuple[list[Pair], list[int], Coref]] = {}
_ROWS_MAX = 512


def gold_document(gold_doc: dict) -> Document:
    """A gold article as the record stages read it: normalized, tokenized, gold entities placed."""
    from pipeline.normalize import normalize
    from pipeline.tokenize import tokenize
    from pipeline.training.gold_spans import locate

    nt = normalize(gold_doc["text"])
    doc = Document(id=str(gold_doc["id"]), raw=gold_doc["text"], text=nt.text)
    tokenize(doc)
    doc.entities = locate(doc.text, gold_doc.get("entities", []))
    return doc.flat_view()


def tagged_document(tagged: dict | Document) -> Document:
    """The tagger's form of an article (the cached ``munifacts extract`` output: text and entity
    spans) as the record stages read it."""
    from pipeline.document import Span
    from pipeline.tokenize import tokenize

    if isinstance(tagged, Document):
        return tagged
    doc = Document(id=str(tagged.get("id", "")), raw=tagged["text"], text=tagged["text"], date=tagged.get("date"),
                   source=tagged.get("source"))
    tokenize(doc)
    doc.entities = [Span(e["label"], e["start"], e["end"], e["text"], e.get("score")) for e in tagged["entities"]]
    return doc


def labelled_pairs(gold_doc: dict, tagged: bool = False) -> tuple[list[Pair], list[int], Coref]:
    """Candidate pairs of a gold article and their labels (1: a gold official has this person and
    title); cached per article. ``tagged``: the pairs of the tagger's entities (``gold_doc["_tagged"]``)
    instead of the gold entities placed in the text."""
    from pipeline.records.coref import analyze

    ck = (str(gold_doc["id"]), hash(gold_doc["text"]), tagged)
    hit = _ROWS.get(ck)
    if hit is not None:
        return hit
    doc = tagged_document(gold_doc["_tagged"]) if tagged else gold_document(gold_doc)
    co = analyze(doc)
    pairs = candidate_pairs(doc, co)
    golds = gold_doc.get("officials", [])
    labels = []
    for pr in pairs:
        role = pr.role.member_form()[0]
        labels.append(int(any(_same_person(g.get("person"), pr.ref.name) and g.get("role")
                              and _loose(g.get("role"), role) for g in golds)))
    if len(_ROWS) >= _ROWS_MAX:
        _ROWS.clear()
    _ROWS[ck] = (pairs, labels, co)
    return _ROWS[ck]


def fit(X: list[dict[str, float]], y: list[int], C: float = 1.0, min_count: int = 2) -> LinkModel:
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(y)) < 2:
        raise ModelError("training pairs need both labels (linked and not linked); give whole annotated articles")
    counts = Counter(k for row in X for k in row)
    keep = {k for k, n in counts.items() if n >= min_count}
    vec = DictVectorizer()
    M = vec.fit_transform([{k: v for k, v in row.items() if k in keep} for row in X])
    clf = LogisticRegression(C=C, max_iter=2000)
    clf.fit(M, y)
    names = vec.get_feature_names_out()
    weights = {str(nm): float(w) for nm, w in zip(names, clf.coef_[0]) if abs(w) > 1e-6}
    return LinkModel(weights, float(clf.intercept_[0]), meta={"C": C, "min_count": min_count, "rows": len(X)})


def untitled_rows(model: LinkModel, items) -> tuple[list[dict[str, float]], list[int]]:
    """Features and labels (1: a gold official without a role) of the named people ``model`` gives
    no title, over ``items``: (pairs, coref, gold officials) per article."""
    X, y = [], []
    for pairs, co, golds in items:
        linked = link(pairs, [model.prob(p.feats) for p in pairs], model.threshold)
        for ref in co.referents:
            if not ref.names or linked.get(ref.id):
                continue
            X.append(untitled_features(co, ref, pairs, model))
            y.append(int(any(not g.get("role") and _same_person(g.get("person"), ref.name) for g in golds)))
    return X, y


def fit_untitled(model: LinkModel, items, C: float = 0.3) -> None:
    """Fit ``model``'s untitled filter (:meth:`LinkModel.lists_untitled`) on ``items`` (see
    :func:`untitled_rows`); with no positive example the filter lists nobody."""
    X, y = untitled_rows(model, items)
    if len(set(y)) < 2:
        model.untitled_weights, model.untitled_bias = {}, -10.0
        return
    m = fit(X, y, C=C)
    model.untitled_weights, model.untitled_bias = m.weights, m.bias


def decode(model: LinkModel, pairs: list[Pair], co: Coref) -> list[tuple[str, str | None]]:
    """(person, role) of the officials the model gives (for measuring inside training)."""
    from pipeline.records.officials import fields_of

    linked = link(pairs, [model.prob(p.feats) for p in pairs], model.threshold)
    out = []
    for ref in co.referents:
        if not ref.names:
            continue
        roles = linked.get(ref.id, [])
        if roles:
            out.extend((ref.name, r) for r, _o, _l, _ in fields_of(roles))
        elif model.lists_untitled(co, ref, pairs):
            out.append((ref.name, None))
    return out


def official_f1(items: list[tuple[list[tuple[str, str | None]], list[dict]]]) -> float:
    tp = npred = ngold = 0
    for preds, golds in items:
        used: set[int] = set()
        for g in golds:
            for i, (person, role) in enumerate(preds):
                if i not in used and _same_person(g.get("person"), person) and _loose(g.get("role"), role):
                    used.add(i)
                    tp += 1
                    break
        npred += len(preds)
        ngold += len(golds)
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


#: how people without a title are listed: never, every quoted one, or by the learned filter
UNTITLED = ("never", "speaker", "model")
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
CS = (0.3, 1.0, 3.0)


def training_rows(gold_docs: list[dict]) -> tuple[list[list], list[list]]:
    """Per article: the labelled pairs to train on (gold entities, plus the tagger's entities when the
    article carries them under ``"_tagged"``: the model then also sees what the tagger gets wrong, such
    as a title whose holder the rules missed), and the pairs to measure on (the tagger's when present)."""
    train, test = [], []
    for d in gold_docs:
        g = labelled_pairs(d)
        if d.get("_tagged") is not None:
            t = labelled_pairs(d, tagged=True)
            train.append([g, t])
            test.append(t)
        else:
            train.append([g])
            test.append(g)
    return train, test


def cross_validate(gold_docs: list[dict], k: int = 4, Cs=CS, thresholds=THRESHOLDS,
                   untitled=UNTITLED) -> dict[tuple[float, float, str], float]:
    """Official F1 (person+role) pooled over ``k`` article-level folds of ``gold_docs`` per setting."""
    train, test = training_rows(gold_docs)
    order = sorted(range(len(gold_docs)), key=lambda i: str(gold_docs[i]["id"]))
    fold = {i: j % k for j, i in enumerate(order)}
    scores: dict[tuple[float, float, str], list] = {}
    for C in Cs:
        for kk in range(k):
            X = [p.feats for i, rs in enumerate(train) if fold[i] != kk for ps, _, _ in rs for p in ps]
            y = [lab for i, rs in enumerate(train) if fold[i] != kk for _, ls, _ in rs for lab in ls]
            if not any(y) or all(y):
                continue
            m = fit(X, y, C=C)
            for th in thresholds:
                m.threshold = th
                if "model" in untitled:
                    fit_untitled(m, [(ps, co, gold_docs[i].get("officials", [])) for i, rs in enumerate(train)
                                     if fold[i] != kk for ps, _, co in rs])
                for un in untitled:
                    m.untitled = un
                    got = scores.setdefault((C, th, un), [])
                    for i, (ps, _, co) in enumerate(test):
                        if fold[i] == kk:
                            got.append((decode(m, ps, co), gold_docs[i].get("officials", [])))
    return {cfg: official_f1(items) for cfg, items in scores.items()}


def train_model(gold_docs: list[dict], C: float | None = None, threshold: float | None = None,
                untitled: str | None = None) -> LinkModel:
    """Train on annotated articles (dicts with ``text``, ``entities`` and ``officials``). C and threshold,
    when not given, are chosen by 4-fold cross-validation inside ``gold_docs``; so is ``untitled`` when
    None (the default): ``never``, ``speaker`` or ``model`` (the untitled filter, fitted here too)."""
    if C is None or threshold is None or untitled is None:
        cv = cross_validate(gold_docs, Cs=(C,) if C is not None else CS,
                            thresholds=(threshold,) if threshold is not None else THRESHOLDS,
                            untitled=(untitled,) if untitled is not None else UNTITLED)
        (C, threshold, untitled), _ = max(cv.items(), key=lambda kv: (kv[1], -abs(kv[0][1] - 0.5)))
    train, _ = training_rows(gold_docs)
    X = [p.feats for rs in train for ps, _, _ in rs for p in ps]
    y = [lab for rs in train for _, ls, _ in rs for lab in ls]
    m = fit(X, y, C=C)
    m.threshold, m.untitled = threshold, untitled
    if untitled == "model":
        fit_untitled(m, [(ps, co, d.get("officials", [])) for d, rs in zip(gold_docs, train) for ps, _, co in rs])
    return m
