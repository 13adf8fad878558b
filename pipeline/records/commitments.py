"""Commitments: agreements, decisions, obligations, promises and plans, one per clause.

Every clause of the article (:func:`pipeline.records.clauses.split_clauses` over its sentences) is
looked at once. A clause with a commitment cue class (``pipeline/lexicons/cues.tsv``) is a
commitment of that cue's kind (:func:`cue_kind`); any other clause is a commitment when the
classifier says so, with the classifier's kind. A commitment clause becomes a :class:`~pipeline.schema.Commitment` with

* ``content``: the clause (after «اینکه» when it sits in a «با بیان اینکه ...» background clause);
* ``kind``: the cue's kind, else the model's;
* ``actor``: an ORG/PER (or a group of people or institutions) at the head of the clause, else the
  speaker whose statement holds the clause (the actor of a promise is its speaker);
* ``counterparty``: an ORG/PER after «با» in the clause; ``deadline``: its first DATE;
  ``figures``: its FIG spans.

A clause that repeats an earlier commitment (a lead repeated in the body) is dropped. The work is
one pass over the sentences: linear in the article's length.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from pipeline.document import Document, Span
from pipeline.records.clauses import split_clauses
from pipeline.records.commitment_model import clause_features, current_model, kind_features
from pipeline.records.coref import analyze
from pipeline.lexicons.matcher import cue_classes
from pipeline.records.cues import word_set
from pipeline.records.evidence import evidence
from pipeline.records.textutil import prev_word, sorted_entities, words
from pipeline.schema import Commitment
from pipeline.textkey import fold, key

_THAT_RE = re.compile(r"(?:این[\s\u200c]*که|اینکه)[\s\u200c]+")
_WORD = re.compile(r"[^\W_]+(?:\u200c+[^\W_]+)*")
_STRIP = " \t\n\u200c،,:؛«»\"'"


@lru_cache(maxsize=4096)  # pure; each earlier commitment is compared again for every later one
def _keys(text: str) -> frozenset[str]:
    return frozenset({w.replace("\u200c", "") for w in _WORD.findall(fold(text))})


def _repeats(content: str, earlier: list[Commitment]) -> bool:
    k = _keys(content)
    if len(k) <= 3:
        return False
    return any(len(k & (o := _keys(c.content))) / max(1, min(len(k), len(o))) >= 0.8 for c in earlier)


#: kinds whose cues are specific enough to stand without the classifier (decisions and agreements are
#: rare in the training data, and their constructions — «به تصویب ... رسید», «حکم ... صادر شد» — are not ambiguous)
UNVETOED = frozenset({"decision", "agreement"})
#: when a clause holds cues of several kinds, the first of this order names it
KIND_ORDER = ("agreement", "obligation", "decision", "promise", "plan")
_FIRST_PERSON_FUTURE = re.compile(r"(?<![^\W\d_])ن?خواه(?:م|یم)[ \u200c]+[^\W\d_]{2,}")
#: «باید» + an effort verb in the first person plural («باید تلاش کنیم», «باید بکوشیم», «باید همت کنیم»):
#: the speakers commit themselves, a promise (ANNOTATION.md); «باید ... استفاده کنیم» stays an obligation
_MUST_WE = re.compile(r"(?<![^\W\d_])بای(?:د|ستی)(?:[ \u200c]+[^\s]+){0,3}?[ \u200c]+"
                      r"(?:(?:تلاش|سعی|همت|جدیت|کوشش)[ \u200c]+(?:ب|ن)?(?:کن|نمای)یم|ب?کوشیم)(?![^\W\d_])")
_QUESTION = re.compile(r"(?<![^\W\d_])(?:آیا|چرا|چگونه|چطور)(?![^\W\d_])")


def cue_kind(ft: str, start: int, end: int, cues=None) -> str | None:
    """The kind the cue classes give the clause ``[start, end)`` of folded text ``ft`` (None: no cue;
    ``"not"``: only a ``commitment.not`` cue, a prediction or recommendation, so no commitment).

    Cues that overlap a ``commitment.not`` cue do not count; a plan
    cue with a first-person verb («برگزار خواهیم کرد», «در دست اجرا داریم») is a promise; a question
    is never a commitment.
    """
    return cue_kind_detail(ft, start, end, cues)[0]


#: cue classes of scheduled work told with a light verb (see :func:`cue_kind_detail`)
SCHEDULED = ("commitment.scheduled", "commitment.completion")
#: whether the completion of scheduled work with a date in its clause is a promise: ANNOTATION.md's
#: plan-vs-promise point lists "announced completion dates" among explicit commitments, and keeps other
#: third-person scheduled work (a start or event date, no date) a plan. train.jsonl labels such clauses
#: promise, seeds+dev plan; on since the ninth pass, which follows the guideline (README, "Ninth pass").
COMPLETION_DATE_PROMISE = True


def cue_kind_detail(ft: str, start: int, end: int, cues=None,
                    dates: list[tuple[int, int]] | None = None,
                    blocked: list[tuple[int, int]] | None = None,
                    sent_start: int | None = None) -> tuple[str | None, bool]:
    """:func:`cue_kind` and whether a plan comes only from scheduled-work cues (work announced
    with a light verb, «آغاز می‌شود», «به بهره‌برداری می‌رسد»: plan or promise; the classifier may
    decide which). With ``dates`` (sorted DATE spans of the text) and :data:`COMPLETION_DATE_PROMISE`,
    the completion of such work with a date in the clause («... تا پایان سال به بهره‌برداری می‌رسد»)
    announces a completion date: a promise (ANNOTATION.md, plan vs promise). Cues inside a span of
    ``blocked`` (ROLE/ORG entities) or inside a condition (:func:`condition_spans`) do not count; a
    modal «باید» with a general subject or an impersonal, second-person or past verb
    (:func:`_generic_modal`) is no obligation."""
    cues = cue_classes() if cues is None else cues
    hits = list(cues.finditer(ft, "commitment", start, end, folded=True, overlaps=True))
    if blocked:
        hits = [m for m in hits if not _inside(blocked, m.start, m.end)]  # «معاون برنامه‌ریزی»: a title, not a plan
    conds = condition_spans(ft, start, end, cues)
    if conds:
        hits = [m for m in hits if not any(a <= m.start < b for a, b in conds)]
    if SUBORDINATES and hits:
        subs = [(a, b) for a, b in condition_spans(ft, start, end, cues, SUBORDINATE)
                if not _TA_BEFORE.search(ft, max(start, a - 4), a)]  # «تا زمانی که ...»: a time bound, kept
        if subs:
            hits = [m for m in hits if not any(a <= m.start < b for a, b in subs)]
    if TOPICS and hits:
        topics = topic_spans(ft, start, end, cues)
        if topics:
            hits = [m for m in hits if not any(a <= m.start < b for a, b in topics)]
    nots = [m for m in hits if m.cls == "commitment.not"]
    kinds = []
    scheduled_only = True
    negated = False
    completion = False
    plan_hits = []
    for m in hits:
        if m.cls == "commitment.not" or any(n.start < m.end and m.start < n.end for n in nots):
            continue
        k = m.label
        if k == "obligation" and _negated(ft, m, end):
            negated = True
            continue  # «لازم نیست», «بر عهده ... نیست», «از X نخواست»: no necessity, no request
        if GENERIC_MODALS and k == "obligation" and _generic_modal(ft, m, start, end, cues):
            negated = True
            continue  # «همه باید بدانند», «باید توجه داشت», «شما باید ... می‌کردید»: no body in charge
        if NOT_ASSERTED and _not_asserted(ft, m, k, end):
            negated = True
            continue  # «اجازه ... ندادند», «در نظر گرفته نشده است», «ابلاغ می‌شد», «خواسته باشد»: no act told
        if PAST_STATES and k == "plan" and _past_state(ft, m, end):
            negated = True
            continue  # «در دستور کار قرار داشت», «در حال اجرا بود»: a state of the past, no commitment
        if k == "plan" and m.verb is not None and m.verb.person == 1:
            k = "promise"
        if k == "plan" and m.cls not in SCHEDULED:
            scheduled_only = False
        if m.cls == "commitment.completion":
            completion = True
        if k == "plan" and m.cls in SCHEDULED:
            plan_hits.append(m)
        kinds.append(k)
    if is_question(ft, start, end):
        return None, False
    if not kinds and _FIRST_PERSON_FUTURE.search(ft, start, end):
        kinds.append("promise")  # «به پایان خواهیم رساند»: any verb in the first-person future
    if not kinds and not nots and not negated and PRESENT_AHEAD and _present_ahead(ft, start, end, cues, conds):
        kinds.append("plan")  # «به‌زودی ... برگزار می‌شود»: a present passive pointed ahead, scheduled work
    if not kinds and not nots and DIRECTIVES and _has_directive(ft, start, end, cues):
        kinds.append("obligation")  # a directive, when no other cue names the clause (nor a recommendation)
    if not kinds:
        return ("not" if nots or negated else None), False
    kind = min(kinds, key=KIND_ORDER.index)
    if (DIRECTIVES and kind == "plan" and plan_hits and len(kinds) == len(plan_hits)
            and len({m.end for m in plan_hits}) == 1 and plan_hits[0].verb is not None and plan_hits[0].verb.tense == "subjunctive"
            and is_directive(ft, plan_hits[0], start, end, cues)):
        # «پروژه‌ها ... تا پایان ماه به بهره‌برداری برسد»: scheduled work in a clause-final third-person subjunctive
        # with nothing before it that makes it dependent is a directive, an obligation (ANNOTATION.md)
        return "obligation", False
    if kind == "plan" and _first_person_final(ft, start, end, cues):
        return "promise", False  # «... صادر نمی‌کنیم», «... اجرا می‌کنیم»: the speakers commit themselves
    if kind == "obligation" and _MUST_WE.search(ft, start, end):
        return "promise", False  # «باید تلاش کنیم», «باید بکوشیم»: the speaker commits (ANNOTATION.md, plan vs promise)
    if PREDICTIONS and kind == "plan" and scheduled_only and _predicted(ft, start, plan_hits, cues, sent_start):
        return "not", False  # «بانک جهانی پیش‌بینی می‌کند که رشد ... متوقف خواهد شد»: a forecast
    if (COMPLETION_DATE_PROMISE and kind == "plan" and scheduled_only and completion and dates
            and _has_date(dates, start, end)):
        return "promise", False
    return kind, kind == "plan" and scheduled_only


#: whether a cue inside a subordinate clause of time or a complement (:data:`SUBORDINATE`) does not count
SUBORDINATES = True
#: cue class of subordinators whose clause runs to its own verb («پس از آنکه ... امضا شد»، «از اینکه ... هزینه
#: می‌شود»، «وقتی که ...»): what they tell is background, not what the sentence commits
SUBORDINATE = "clause.subordinate"
_TA_BEFORE = re.compile(r"(?<![^\W\d_])تا[ \u200c]*$")
#: whether a cue whose verb tells no act (:func:`_not_asserted`) is no commitment
NOT_ASSERTED = True
#: whether a cue's participle right after a plural noun in the ezafe («قراردادهای منعقد شده») tells no act
NP_PARTICIPLES = True
_NEG_LIGHT = re.compile(r"ن(?:شد|شده|گردید|گردیده|می[ \u200c]?(?:شود|شوند|گردد))(?![^\W\d_])")


def _not_asserted(ft: str, m, kind: str, end: int) -> bool:
    """Whether cue ``m`` tells no act: its verb is a supposition («... خواسته باشد»: a perfect with a
    subjunctive auxiliary) or an ongoing or habitual past («ابلاغ می‌شد», «تصویب می‌کردند»); or, for a decision,
    agreement or (non-scheduled) plan, its verb is negated in the past or perfect («اجازه ... ندادند»,
    «تصویب نشد»), or its participle is followed by a negated light verb («در نظر گرفته نشده است»).
    Negated futures and presents («برگزار نخواهد شد») stay: scheduled work called off is still announced."""
    v = m.verb
    if v is None:
        return False
    if v.hypothetical or v.progressive:
        return True
    if NP_PARTICIPLES and v.tense == "participle":
        ws = [w.replace("\u200c", "") for w in _TAIL_WORD.findall(ft, max(0, m.start - 30), m.end)]
        if any(w.endswith("های") for w in ws[-3:-1]):
            return True  # «تعداد قراردادهای منعقد شده»: a participle that describes a plural noun, no act
    if kind not in ("decision", "agreement", "plan") or m.cls in SCHEDULED:
        return False
    if v.negated and v.tense in ("past", "perfect"):
        return True
    if v.tense == "participle":
        i = m.end
        while i < end and ft[i] in " \u200c":
            i += 1
        return _NEG_LIGHT.match(ft, i, end) is not None
    return False


#: whether the actor picker reads position: a name after a preposition, a group after a noun, is no actor
ACTOR_POSITION = True
#: whether the consequence of a condition needs an explicit cue (see :func:`classify_clause`)
CONDITIONS = True
#: whether cues inside the topic of a speech frame do not count (:func:`topic_spans`)
TOPICS = True
#: whether a plan cue told as a state of the past is no commitment (:func:`_past_state`)
PAST_STATES = True
#: whether a clause-final third-person present passive with a time ahead is scheduled work (:func:`_present_ahead`)
PRESENT_AHEAD = True
#: light verbs of a passive or inchoative («برگزار می‌شود», «انجام می‌گردد», «مورد بررسی قرار می‌گیرد»)
_PASSIVE_LIGHT = frozenset({"شد", "گردید", "گرفت"})


def _present_ahead(ft: str, start: int, end: int, cues, conds=()) -> bool:
    """Whether clause ``[start, end)`` ends in a third-person present of a passive light verb («... برگزار
    می‌شود», «... پرداخت می‌گردد», «... مورد بررسی قرار می‌گیرد»), not negated, and a time word that points
    ahead (cue class ``time.ahead``: «به‌زودی», «آینده», «تا پایان ...», «امسال») stands in it outside a
    condition: the present tells scheduled work («به‌زودی جشن ... برگزار می‌شود»), not a habit or a rule."""
    from pipeline.records.commitment_model import tail_verb

    if not any(not any(a <= t.start < b for a, b in conds)
               for t in cues.finditer(ft, "time.ahead", start, end, folded=True)):
        return False
    tail = [w.replace("\u200c", "") for w in _TAIL_WORD.findall(ft, max(start, end - 40), end)]
    tv = tail_verb(tail, cues)
    if tv is None or tv[0] not in _PASSIVE_LIGHT:
        return False
    vf = tv[1]
    return vf.tense == "present" and vf.person == 3 and not vf.negated


#: whether scheduled work after a third party's forecast is no commitment (:func:`_predicted`)
PREDICTIONS = True
PREDICTION = "clause.prediction"


def _predicted(ft: str, start: int, plan_hits: list, cues, sent_start: int | None = None) -> bool:
    """Whether a forecast (``clause.prediction``: «پیش‌بینی می‌کند که», «به نظر می‌رسد», «احتمال دارد»,
    «ممکن است»; not in the first person: «پیش‌بینی می‌کنیم» is the speakers' own estimate) stands before
    the clause's scheduled-work cues: in the clause, or (given ``sent_start``) earlier in its sentence
    with no colon between («احتمال دارد ... لغو شود و بعدا برگزار خواهد شد»: coordinated clauses share it)."""
    if not plan_hits:
        return False
    first = min(m.start for m in plan_hits)
    if sent_start is not None and sent_start < start:
        colon = max(ft.rfind(c, sent_start, start) for c in ":؛")
        start = max(sent_start, colon + 1)
    for p in cues.finditer(ft, PREDICTION, start, first, folded=True):
        if p.verb is None or p.verb.person != 1:
            return True
    return False
#: whether a modal with a general subject or an impersonal verb is no obligation (:func:`_generic_modal`)
GENERIC_MODALS = True
#: whether the modal's verb is looked for past an «و» that joins nouns (:func:`_generic_modal`)
MODAL_OVER_AND = True
#: whether any impersonal short infinitive after «باید» («باید ... تدبیر کرد») binds nobody, not only a frame «... که»
IMPERSONAL_MODAL = False


#: cue class of a clause-final third-person subjunctive (a directive; see :func:`is_directive`)
DIRECTIVE = "clause.directive"
#: whether a directive in a statement is an obligation by rule (coordinated directives one commitment). On
#: since the seventh pass, chosen on the train folds (F1 0.798 -> 0.807, +kind 0.710 -> 0.718; seeds+dev,
#: measured only, fall: README, "Seventh pass"); the cue class lies outside «commitment», so the
#: classifier does not see it
DIRECTIVES = True
_MI_BEFORE = re.compile(r"(?:^|[^\w\u200c])ن?می[ \u200c]*$")


def is_directive(ft: str, m, start: int, end: int, cues=None) -> bool:
    """Whether the subjunctive ``m`` makes clause ``[start, end)`` of folded text ``ft`` a directive
    («... اقدام کنند», «... لغو شود», «... صورت گیرد»: a request addressed to another body,
    ANNOTATION.md): the verb ends the clause, is in the third person, is no present split from its
    «می» («برگزار می شود»), and no subordinator, condition, ability or modal (``clause.dependent``:
    «تا», «اگر», «می‌تواند», «باعث», «باید» ...) stands before it in the clause."""
    if m.verb is None or m.verb.person != 3 or ft[m.end:end].strip(" \u200c.،,؛!") :
        return False
    if _MI_BEFORE.search(ft, max(start, m.start - 6), m.start):
        return False
    cues = cue_classes() if cues is None else cues
    return cues.search(ft, "clause.dependent", start, m.start, folded=True) is None


def directive_only(ft: str, start: int, end: int, cues=None) -> bool:
    """Whether the only commitment cue of clause ``[start, end)`` is a directive (:func:`is_directive`)."""
    cues = cue_classes() if cues is None else cues
    if cues.search(ft, "commitment", start, end, folded=True) is not None:
        return False
    return _has_directive(ft, start, end, cues)


def _has_directive(ft: str, start: int, end: int, cues) -> bool:
    return any(is_directive(ft, m, start, end, cues)
               for m in cues.finditer(ft, DIRECTIVE, start, end, folded=True, overlaps=True))


_TAIL_WORD = re.compile(r"[^\W_]+(?:\u200c+[^\W_]+)*")


def _first_person_final(ft: str, start: int, end: int, cues) -> bool:
    """Whether the clause ends in a first-person present, subjunctive or future of a light verb of the
    cue file (not a copula «هستیم»: ongoing work «در حال اجرا هستیم» stays a plan)."""
    from pipeline.records.commitment_model import tail_verb

    tail = [w.replace("\u200c", "") for w in _TAIL_WORD.findall(ft, max(start, end - 40), end)]
    tv = tail_verb(tail, cues)
    return tv is not None and tv[1].person == 1 and tv[1].tense in ("present", "subjunctive", "future")


def _has_date(dates: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(dates, (start, -1))
    return i < len(dates) and dates[i][0] < end


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in spans)


#: condition cue class («اگر», «چنانچه», «در صورتی که», «در صورت»): see :func:`condition_spans`
CONDITION = "clause.condition"
GENERIC_SUBJECT = "clause.generic_subject"
GENERIC_ALL = "clause.generic_all"
_COMMA = re.compile(r"[،,]")
_COPULAS = frozenset(p + e for p in ("هست", "نیست", "باش", "نباش") for e in ("م", "ی", "یم", "ید", "ند", "د"))


def condition_spans(ft: str, start: int, end: int, cues=None, cls: str = CONDITION) -> list[tuple[int, int]]:
    """The conditions of ``[start, end)``: from a condition cue to its verb (the first finite-looking
    word, :func:`~pipeline.records.clauses.looks_finite`, not followed by «که»), the next comma, or ``end``.
    ``cls``: another cue class of subordinators whose clause is cut the same way (:data:`SUBORDINATE`)."""
    from pipeline.records.clauses import looks_finite

    cues = cue_classes() if cues is None else cues
    out = []
    for m in cues.finditer(ft, cls, start, end, folded=True):
        c = _COMMA.search(ft, m.end, end)
        stop = c.start() if c else end
        seen: list[str] = []
        for w in _TAIL_WORD.finditer(ft, m.end, stop):
            if seen and seen[-1] != "که" and w.group(0) != "که" and (
                    looks_finite(seen) or seen[-1].replace("\u200c", "") in _COPULAS):
                stop = w.start()
                break
            seen.append(w.group(0))
        out.append((m.start, stop))
    return out


#: cue class of a speech frame's topic («با اشاره به», «در رابطه با», «در خصوص»): see :func:`topic_spans`
TOPIC = "clause.topic"
_PROPOSITION = frozenset({"که", "اینکه", "آنکه"})


def topic_spans(ft: str, start: int, end: int, cues=None) -> list[tuple[int, int]]:
    """The topics of a speech frame in ``[start, end)``: when a speech verb (``speech.say``) ends the
    clause («... ، افزود», «... گفت»), from each topic cue before it («با اشاره به», «در رابطه با»,
    «در خصوص», «با تأکید بر» ...) to the speech verb, unless a proposition («که», «اینکه») or a finite
    verb of its own stands between them («با بیان اینکه ... باید ...»: the statement itself). What an
    official spoke about is not what is committed («او با اشاره به برنامه‌ریزی‌های ...، افزود»)."""
    from pipeline.records.clauses import looks_finite

    cues = cue_classes() if cues is None else cues
    say = None
    for m in cues.finditer(ft, "speech.say", start, end, folded=True):
        say = m
    if say is None or ft[say.end:end].strip(" \u200c.،,؛!"):
        return []
    out = []
    for t in cues.finditer(ft, TOPIC, start, say.start, folded=True):
        seen: list[str] = []
        ok = True
        for w in _TAIL_WORD.finditer(ft, t.end, say.start):
            word = w.group(0).replace("\u200c", "")
            if word in _PROPOSITION or (seen and looks_finite(seen)):
                ok = False
                break
            seen.append(w.group(0))
        if ok:
            out.append((t.start, say.start))
    return out


#: past forms of a copula or of «داشتن» that tell a state of the past («بود», «قرار داشت»)
_PAST_STATE_WORDS = frozenset({"بود", "بودند", "بودیم", "بودم", "نبود", "نبودند", "نبودیم",
                               "داشت", "داشتند", "داشتیم", "نداشت", "نداشتند"})
_AUX_AFTER = frozenset({"است", "اند", "ایم", "ام"})


def _past_state(ft: str, m, end: int) -> bool:
    """Whether plan cue ``m`` is told as a state of the past: its own copula or verb, or the verb right
    after it (at most two words on, within the clause: «در دستور کار قرار داشت»), is a simple past of
    «بودن» or «داشتن» («در حال اجرا بود», «به دنبال ... بودند»), not a perfect («بوده است»). An
    inchoative past («در دستور کار قرار گرفت/داد»: the plan is adopted) stays a plan."""
    from pipeline.records.clauses import looks_finite

    own = [w.replace("\u200c", "") for w in _TAIL_WORD.findall(ft, m.start, m.end)]
    after = [w.replace("\u200c", "") for w in _TAIL_WORD.findall(ft, m.end, min(end, m.end + 60))][:6]
    if own and own[-1] in _PAST_STATE_WORDS:
        return not (after and after[0] in _AUX_AFTER)
    if m.verb is not None:
        return False  # the cue has a verb of its own (not a copula): its tense is the clause's
    seen: list[str] = []
    for i, w in enumerate(after[:5]):
        seen.append(w)
        if w in _PAST_STATE_WORDS:
            return not (i + 1 < len(after) and after[i + 1] in _AUX_AFTER)
        if looks_finite(seen):
            return False  # the first verb after the cue is another one
    return False


def is_condition(ft: str, cl, cues=None) -> bool:
    """Whether clause ``cl`` ends in a condition with no commitment cue before it («... با بیان اینکه
    اگر اهداف دچار بروکراسی شود»): nothing in it is committed."""
    cues = cue_classes() if cues is None else cues
    for a, b in condition_spans(ft, cl.start, cl.end, cues):
        if ft[b:cl.end].strip(" \u200c،,."):
            return False
        return all(m.cls == "commitment.not" for m in cues.finditer(ft, "commitment", cl.start, a, folded=True))
    return False


def is_consequence(ft: str, cl, cues=None) -> bool:
    """Whether clause ``cl`` is the consequence of a condition: a condition of its sentence ends at a
    comma inside the clause or right before it («اگر ...، بسیاری از مشکلات برطرف خواهد شد»)."""
    for a, b in condition_spans(ft, cl.sent_start, cl.end, cues):
        if cl.start - 3 <= b < cl.end and ft[b:cl.end].strip(" \u200c،,"):
            return True
    return False


_MODALS = frozenset({"باید", "نباید", "بایستی", "نبایستی", "میبایست", "نمیبایست"})


@lru_cache(maxsize=1)
def _past_stems() -> frozenset[str]:
    from pipeline.records.clauses import verb_stem_pairs

    return frozenset(p for p, _ in verb_stem_pairs() if len(p) >= 2)


@lru_cache(maxsize=1)
def _present_stems() -> frozenset[str]:
    from pipeline.records.clauses import verb_stem_pairs

    return frozenset(q for _, q in verb_stem_pairs() if len(q) >= 2)


def _vowel(q: str) -> bool:
    return q.endswith(("ا", "و"))


@lru_cache(maxsize=1)
def _present_forms() -> frozenset[str]:
    """Present stems with a personal ending («کند», «کنید», «نماید», «نمایید»)."""
    return frozenset(q + ("ی" if _vowel(q) else "") + e for q in _present_stems() for e in ("د", "ند", "ید", "یم", "م"))


@lru_cache(maxsize=1)
def _second_plural() -> frozenset[str]:
    """Present stems in the second person plural only («کنید», «نمایید»; not «نماید»)."""
    third = {q + ("ی" if _vowel(q) else "") + e for q in _present_stems() for e in ("د", "ند")}
    return frozenset(f for q in _present_stems() if (f := q + ("یید" if _vowel(q) else "ید")) not in third)


@lru_cache(maxsize=1)
def _second_plural_alef() -> frozenset[str]:
    """Second plurals of stems that open with «ا», whose «ا» the prefix «ب/ن» + «ی» replaces («اندیش» ->
    «بیندیشید», «آور» -> «بیاورید»): the rest after «بی/نی»."""
    out = set()
    for f in _second_plural():
        if f.startswith("ا"):
            out.add(f[1:])
        elif f.startswith("آ"):
            out.add("ا" + f[1:])
    return frozenset(x for x in out if len(x) >= 3)


def _generic_modal(ft: str, m, start: int, end: int, cues) -> bool:
    """Whether the modal cue ``m`` («باید», «نباید», «بایستی», «می‌بایست») binds nobody in charge: a generic
    individual or the reader right before it («هر کس باید», «انسان باید», «شما باید»), or its verb (the
    first verb after it) is a past imperfective («باید ... می‌کردید»: a reproach), a second-person plural
    («باید ... فشار بدهید»: advice to the reader), or frames a proposition with no person in charge: an
    impersonal short infinitive («باید توجه داشت که», «نباید فراموش کرد که») or everyone («همه باید بدانند که»)."""
    if m.verb is not None or ft[m.start:m.end].replace("\u200c", "").replace(" ", "") not in _MODALS:
        return False
    def right_before(cls: str) -> bool:
        return any(not ft[g.end:m.start].strip(" \u200c") for g in cues.finditer(ft, cls, start, m.start, folded=True))

    if right_before(GENERIC_SUBJECT):
        return True
    everyone = right_before(GENERIC_ALL)
    ws = [w.replace("\u200c", "") for w in _TAIL_WORD.findall(ft, m.end, end)]
    over_and = False
    for i, w in enumerate(ws):
        if w in ("که", "تا") or (w == "و" and not MODAL_OVER_AND) or i >= 12:
            return False  # no verb of the modal's own («و» may join two nouns: «به درآمدزایی و تأمین مالی ... بیندیشید»)
        if w == "و":
            over_and = True
            continue
        if over_and and i != len(ws) - 1:
            continue  # past an «و» only the clause's last word is read as the verb («... رشد تولید و مهار ...»)
        nxt = ws[i + 1] if i + 1 < len(ws) else ""
        if w in ("می", "نمی") and nxt:
            w, nxt = w + nxt, ws[i + 2] if i + 2 < len(ws) else ""
        if w in _past_stems() and w not in _present_forms():
            # «باید توجه داشت که ...»: the short infinitive (no person) of a frame for a proposition
            return nxt == "که" or IMPERSONAL_MODAL
        mi = re.match(r"^ن?می(.+)$", w)
        if mi and any(mi.group(1)[:len(mi.group(1)) - len(e)] in _past_stems()
                      for e in ("م", "ی", "یم", "ید", "ند", "") if mi.group(1).endswith(e)):
            return True  # «باید ... می‌کردید»: what should have been done
        if any(w.startswith(pre) and w[len(pre):] in _second_plural() for pre in ("", "ب", "ن", "بی", "نی")) \
                or (w.startswith(("بی", "نی")) and w[2:] in _second_plural_alef()):
            return True  # «باید ... بدهید»: the reader is told
        if w in _present_forms() or any(w.startswith(pre) and w[len(pre):] in _present_forms() for pre in ("ب", "ن")):
            return everyone and nxt == "که"  # «همه باید بدانند که ...»; «باید ... اقدام کنند» binds its subject
    return False


_NEG_COPULA = re.compile(r"(?<![^\W\d_])(?:نیست|نیستند|نیستیم|نبود|نبودند|نباشد|نباشند|نمی[\u200c ]?باشد|نمی[\u200c ]?باشند)(?![^\W\d_])")


def _negated(ft: str, m, end: int) -> bool:
    """A cue whose verb or copula is negated: in the match, or the word right after it
    («موظف نیست»); literal prohibitions («نباید», «حق ندارند») carry no verb and stay."""
    if m.verb is not None:
        return m.verb.negated
    if _NEG_COPULA.search(ft, m.start, m.end):
        return True
    i = m.end
    while i < end and ft[i] in " \u200c":
        i += 1
    return _NEG_COPULA.match(ft, i, end) is not None


def is_question(ft: str, start: int, end: int) -> bool:
    """A clause with a question word, or one that ends with a question mark."""
    return bool(_QUESTION.search(ft, start, end)) or ft[end:end + 3].strip().startswith(("؟", "?"))


#: words that may stand before a clause's subject («همه شهرداری‌ها», «همچنین باغداران», «امروز مردم»): a group
#: noun after any other word is a possessor or a complement («کمک‌هزینه ورزشکاران»: the allowance is the topic)
_BEFORE_SUBJECT = frozenset(key(w) for w in (
    "همه", "همه‌ی", "همهٔ", "تمام", "تمامی", "کلیه", "کلیهٔ", "کلیه‌ی", "این", "آن", "برخی", "بعضی", "سایر", "اکثر",
    "همچنین", "نیز", "البته", "امروز", "اکنون", "هم", "و", "اما", "ولی", "لذا", "بنابراین", "پس", "سپس", "ضمنا",
    "ضمناً", "حتی", "دیگر", "بسیاری", "تعدادی", "شمار", "عموم", "اغلب"))
#: a name right after one of these is its complement, not the clause's actor («برای مریم ... جشنواره ... برگزار خواهد شد»)
_PREPOSITIONS = frozenset(key(w) for w in ("برای", "به", "از", "با", "در", "بر", "درباره", "جهت", "توسط", "نزد", "پیش"))


def _actor(doc: Document, ents: list[Span], cs: int, cue_start: int, sources: frozenset[str]) -> str | None:
    groups = word_set("group_nouns")
    head = words(doc.text, cs, cue_start)[:3]
    limit = head[-1][1] if head else cs
    for e in ents:
        if cs <= e.start < limit and e.end <= cue_start and e.label in ("ORG", "PER"):
            if e.label == "ORG" and any(key(e.text).startswith(s) for s in sources):
                continue
            if ACTOR_POSITION and e.start > cs:
                pw = prev_word(doc.text, e.start)
                if pw is not None and pw[0] >= cs and key(pw[2]) in _PREPOSITIONS:
                    continue
            return e.text
    generic = word_set("generic_orgs")
    plural_bodies = {k for k in generic if k.endswith(("ها", "های"))} | {k + p for k in generic for p in ("ها", "های")}
    head = words(doc.text, cs, cue_start)[:4]
    for i, (ws, we, w) in enumerate(head[:3]):
        if ACTOR_POSITION and i and key(head[i - 1][2]) not in _BEFORE_SUBJECT:
            break  # «کمک‌هزینه ورزشکاران ...»: a group after a noun is its possessor, not the actor
        # a group of people («باغداران») or of institutions («شهرداری‌ها», «دستگاه‌های اجرایی»); the plural
        # suffix may be written apart («شهرداری ها»)
        if i + 1 < len(head) and key(head[i + 1][2]) in ("ها", "های") and key(w) + key(head[i + 1][2]) in plural_bodies:
            return doc.text[ws:head[i + 1][1]]
        if key(w) in groups or key(w) in plural_bodies:
            return w
    return None


def classify_clause(ft: str, cl, model=None, cues=None, use_model: bool = True,
                    dates: list[tuple[int, int]] | None = None,
                    blocked: list[tuple[int, int]] | None = None) -> str | None:
    """The commitment kind of clause ``cl`` of folded text ``ft``, or None.

    A cue kind stands unless the classifier is its ``cue_threshold`` sure the clause is not a
    commitment (decision and agreement cues always stand); when the cue's kind is one of the
    model's ``model_kinds`` («scheduled»: a plan from ``commitment.scheduled`` cues only; «plan»,
    «promise»: any such cue) the cue says a commitment and the model says whether plan or promise. A clause with no cue gets the classifier's kind.
    ``use_model=False``: the cue classes alone (the rule baseline). ``dates``: the article's DATE
    spans (features of the classifier); ``blocked``: ROLE/ORG spans, whose words are no cues. The
    consequence of a condition (:func:`is_consequence`) with no cue but scheduled work is none.
    """
    cues = cue_classes() if cues is None else cues
    if is_question(ft, cl.start, cl.end):
        return None
    kind, scheduled = cue_kind_detail(ft, cl.start, cl.end, cues, dates, blocked, getattr(cl, "sent_start", None))
    if kind == "not":
        return None
    if CONDITIONS and is_condition(ft, cl, cues):
        return None  # «اگر ... برسند که طرح باید تصویب شود»: the condition itself
    if CONDITIONS and (kind is None or scheduled) and is_consequence(ft, cl, cues) \
            and not _FIRST_PERSON_FUTURE.search(ft, cl.start, cl.end):
        return None  # «اگر ...، ... برطرف خواهد شد»: a prediction, not a commitment
    if DIRECTIVES and kind == "obligation" and not cl.after_colon and directive_only(ft, cl.start, cl.end, cues):
        kind = None  # a directive is a speaker's: outside a statement the classifier decides
    if not use_model:
        return kind
    model = current_model() if model is None else model
    feats = clause_features(ft, cl, cues, dates)
    if kind is not None:
        if kind in UNVETOED:
            return kind
        p = model.probs(feats)
        if p[model.classes.index("none")] >= model.cue_threshold:
            return None
        if kind in model.model_kinds or (scheduled and "scheduled" in model.model_kinds):
            kind = model.kind_among(p, ("plan", "promise"))
        return learned_kind(ft, cl, kind, model, cues, dates)
    kind = model.predict(feats)[0]
    return learned_kind(ft, cl, kind, model, cues, dates) if kind is not None else None


def learned_kind(ft: str, cl, kind: str, model=None, cues=None, dates=None) -> str:
    """The kind of commitment clause ``cl`` once it is known to be one: the rules' ``kind``, or the
    model's kind classifier (:class:`~pipeline.records.commitment_model.KindModel`) where it has a say
    (its ``scope``: between plan and promise, or any kind but a decision or agreement cue's)."""
    km = (current_model() if model is None else model).kind_model
    if km is None or kind in UNVETOED:
        return kind
    if km.scope == "plan/promise":
        if kind not in ("plan", "promise"):
            return kind
        return km.kind(kind_features(ft, cl, cues, dates), ("plan", "promise")) or kind
    return km.kind(kind_features(ft, cl, cues, dates), ("obligation", "promise", "plan")) or kind


def find_commitments(doc: Document) -> list[Commitment]:
    """All commitments of ``doc`` in text order (see the module docstring)."""
    model = current_model()
    cues = cue_classes()
    text = doc.text
    ft = fold(text)
    ents = sorted_entities(doc)
    starts = [e.start for e in ents]
    sources = word_set("news_sources")
    co = None
    dates = [(e.start, e.end) for e in ents if e.label == "DATE"]
    blocked = [(e.start, e.end) for e in ents if e.label in ("ROLE", "ORG")]
    out: list[Commitment] = []
    last_end = -1  # end of the last commitment clause
    for sent in doc.sentences:
        for cl in split_clauses(text, sent.start, sent.end, ft):
            kind = classify_clause(ft, cl, model, cues, dates=dates, blocked=blocked)
            if kind is None:
                continue
            if (DIRECTIVES and kind == "obligation" and out and out[-1].kind == "obligation" and sent.start <= last_end
                    and not ft[last_end:cl.start].strip(" \u200c،,؛و") and directive_only(ft, cl.start, cl.end, cues)):
                # «... لغو شود، دستگاه‌ها ... جلوگیری کنند»: directives coordinated with an obligation are one
                prev = out[-1]
                cs0 = text.find(prev.content, prev.evidence.start)
                more = [e.text for e in ents[bisect.bisect_left(starts, cl.start):bisect.bisect_left(starts, cl.end)]
                        if e.label == "FIG" and e.end <= cl.end]
                out[-1] = prev.model_copy(update={"content": text[cs0:cl.end].rstrip(_STRIP),
                                                  "figures": prev.figures + more})
                last_end = cl.end
                continue
            last_end = cl.end
            cs, ce = cl.start, cl.end
            for m in _THAT_RE.finditer(ft, cs, ce):
                if m.end() < ce:
                    cs = m.end()
            while cs < ce and text[cs] in _STRIP:
                cs += 1
            content = text[cs:ce]
            if not content or _repeats(content, out):
                continue
            cue = cues.search(ft, "commitment", cs, ce, folded=True)
            inside = ents[bisect.bisect_left(starts, cs):bisect.bisect_left(starts, ce)]
            inside = [e for e in inside if e.end <= ce]
            actor = _actor(doc, inside, cs, cue.start if cue is not None else ce, sources)
            if actor is None and kind in ("promise", "plan", "decision", "obligation"):
                co = analyze(doc) if co is None else co
                ref = co.speaker_at(cs)
                if ref is not None and kind != "obligation":
                    actor = ref.display
            counterparty = None
            for e in inside:
                if e.label in ("ORG", "PER") and e.text != actor:
                    pw = prev_word(text, e.start)
                    if pw is not None and fold(pw[2]) == "با":
                        counterparty = e.text
                        break
            deadline = next((e.text for e in inside if e.label == "DATE"), None)
            figures = [e.text for e in inside if e.label == "FIG"]
            out.append(Commitment(kind=kind, actor=actor, counterparty=counterparty, content=content,
                                  deadline=deadline, figures=figures, evidence=evidence(doc, cs, ce)))
    return out


