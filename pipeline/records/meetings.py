"""Meetings: visits, sessions, gatherings and ceremonies that took place or are announced.

A ``meeting.noun`` cue of ``pipeline/lexicons/cues.tsv`` starts a meeting when it is used as an event:
«در نشست/جلسه/دیدار ...», «در سومین همایش ...», «جلسه ... برگزار شد», «... با X دیدار
کرد», «دیدار X با Y». «این نشست», «در ادامه جلسه», «در پایان این دیدار» refer back to
the last meeting; a second «در دیدار با ...» of the same kind with the same people is
the same meeting. A meeting noun inside the phrase of the cue just before («آیین گشایش جشنواره ...») is
that meeting's topic, and its later mentions are that meeting; «مراسم افتتاحیه این جشنواره» is the
festival already told. Participants come from the sentences that mention the meeting:

* named people (with their first title) and speakers of those sentences;
* titles with no name but with a scope, as ``{"person": None, "role", "org"}`` (a title
  held by a named person elsewhere in the article is that person);
* groups: plural titles («اعضای شورای شهر» + place) and group nouns («شهرداران استان ...»);
* for the article's main meeting (introduced in its first sentences, outside quotes)
  every named speaker of the article until the next meeting;
* for a meeting mentioned inside a quote, the people the quote names, and the quote's speaker only when the
  quote says the speaker was there (first person, a session of today: :meth:`_Builder.speaker_attends`).

A meeting whose clause verb is future, present or subjunctive is *planned* (announced or ordered,
:func:`_planned`): its announcer is not a participant and later mentions of a session held do not join it.
Group phrases end where Persian closes a noun phrase (:func:`_group_text`); bare group nouns coordinated
before one with a named scope are one group (:func:`_join_coordinated`).

Visits without a meeting noun are told by the cue class ``meeting.visit`` («X با حضور در بیمارستان ...»,
«X ... وارد یاسوج شد»; :func:`_visit_frame`), and «X برای بازدید از ... حاضر شد» is a visit. Meeting nouns
outside every frame become weak drafts only for the meeting model (:mod:`pipeline.records.meeting_model`).

Each candidate carries tags saying how it was found; a learned filter
(:mod:`pipeline.records.participant_model`) keeps those that take part. Meetings with no
participant are dropped (nothing a reader could use).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from pipeline.document import Document, Span
from pipeline.textkey import fold, key
from pipeline.records.clauses import looks_finite, split_clauses
from pipeline.records.coref import Coref, Referent, analyze, scopes_compatible
from pipeline.lexicons.matcher import cue_classes
from pipeline.lexicons import group_words
from pipeline.records.cues import lexicon_cues, word_set
from pipeline.records.evidence import evidence
from pipeline.records.mentions import RoleMention
from pipeline.records.officials import official_fields
from pipeline.records.meeting_model import current_model as current_meeting_model
from pipeline.records.meeting_model import keep as keep_meeting
from pipeline.records.participant_model import current_model as current_participant_model
from pipeline.records.participant_model import features as participant_features
from pipeline.records.participant_model import keep as keep_participants
from pipeline.records.textutil import EntityIndex, next_word, prev_word, sorted_entities, words
from pipeline.schema import Meeting, Participant

#: a new meeting must be introduced within this many sentences to be the article's main event
MAIN_EVENT_SENTENCES = 3
_ORDINAL_RE = re.compile(r"(?:مین|مینِ|ین)$")


@dataclass
class _Draft:
    kind: str
    start: int
    sent: tuple[int, int]
    in_quote: Referent | None
    participants: list[Participant] = field(default_factory=list)
    refs: list[Referent] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    location: str | None = None
    date: str | None = None
    topic: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    cue: object = None
    body: str | None = None
    #: how each participant was found (participant key -> tags), the features of the participant model
    tags: dict[str, set[str]] = field(default_factory=dict)
    #: a meeting noun outside every frame the rules know («سفر وزیر ...», «طی ملاقاتی با ...»): kept only when the
    #: meeting model (:mod:`pipeline.records.meeting_model`) accepts it
    weak: bool = False
    #: features of the meeting model (filled when the drafts are complete)
    features: dict[str, float] = field(default_factory=dict)
    #: told as announced or ordered, not as held: the verb of the cue's clause is future, present or
    #: subjunctive («... برگزار خواهد شد/می‌شود», «دستور داد جلسه‌ای ... برگزار شود»); see :func:`_planned`
    planned: bool = False
    #: where each group participant was read (group key -> text offsets), to join coordinated groups
    group_at: dict[str, tuple[int, int]] = field(default_factory=dict)


def _sentence_bounds(doc: Document, pos: int) -> tuple[int, int]:
    s = doc.sentence_at(pos)
    if s is not None:
        return s.start, s.end
    a = doc.text.rfind("\n", 0, pos) + 1
    b = doc.text.find("\n", pos)
    return a, len(doc.text) if b < 0 else b


def _prev_words(text: str, pos: int, n: int) -> list[str]:
    out: list[str] = []
    i = pos
    while len(out) < n:
        pw = prev_word(text, i)
        if pw is None:
            break
        out.append(key(pw[2]))
        i = pw[0]
    return out


def _frame(doc: Document, ft: str, cm, sent: tuple[int, int]) -> str | None:
    """"new", "anaphoric" or None (a generic use of the word)."""
    text = doc.text
    before = _prev_words(text, cm.start, 7)
    blockers = word_set("meeting_blockers")
    anaphora = word_set("meeting_anaphora")
    if before and before[0] == "برای" and _came_for(text, ft, cm, sent):
        return "new"  # «X برای بازدید از ... حاضر شد»: the purpose of a presence told as done
    if before and before[0] in blockers:
        return None
    if _sports_match(text, cm, sent):
        return None
    if before and (before[0] in anaphora or (len(before) > 1 and before[0] in ("این", "همین")
                                              and before[1] in anaphora)):
        return "anaphoric"
    if before and before[0] == "در":
        return "new"
    # «در سومین همایش», «در صد و دوازدهمین جلسه»
    if before and _ORDINAL_RE.search(before[0]) and "در" in before[1:]:
        return "new"
    rest_end = sent[1]
    # verbal use: «... دیدار کرد», «با یکدیگر دیدار و ...»
    nw = next_word(text, cm.end)
    if nw is not None and key(nw[2]) in ("و", "کرد", "کردند", "داشت", "داشتند", "نمود", "نمودند") and not (
            key(nw[2]) == "و" and key(text[cm.start:cm.end]).endswith("ی")):
        # «دیداری و شنیداری»: an adjective in «ی» before «و», not the verbal noun
        return "new"
    vm = cue_classes().search(ft, "meeting.verb", cm.start, rest_end, folded=True)
    if vm is not None and vm.start - cm.end < 400:
        return "new"
    # headline style «دیدار X با Y»
    nxt = words(text, cm.end, min(rest_end, cm.end + 120))
    if any(key(w) == "با" for _, _, w in nxt[:8]) and (not before or before[0] in ("محور",)):
        return "new"
    return None


def _participant_of(ref: Referent) -> Participant:
    fields = official_fields(ref)
    if fields:
        role, org, _loc, _ = fields[0]
        return Participant(person=ref.name, role=role, org=org)
    return Participant(person=ref.name, role=None, org=None)


#: a religious honorific in parentheses right after a name (either orthography: «(ره)», «( ع )», «(مدظله‌العالی)»)
#: (also spelled out: «(علیه‌السلام)», «(عليهاالسلام)», «(سلام‌الله‌علیها)», «(رحمه‌الله)»)
_REVERED = re.compile(r"[ \u200c]*\([ \u200c]*(?:ره|ع|ص|س|عج|مدظله[^)]{0,12}|قدس[^)]{0,12}|عل[یي]ه[^)]{0,14}|سلام[^)]{0,16}|"
                      r"رحمه[^)]{0,14})[ \u200c]*\)")
#: words before the name of someone who has died («مرحوم», «زنده‌یاد», «شهید», «شادروان»)
_LATE = frozenset(key(w) for w in "مرحوم زنده‌یاد زنده‌یادان شهید شهیدان شادروان فقید".split())
#: the public at large is not a participant (ANNOTATION.md: «مردم», «شهروندان» are not participants)
_PUBLIC = frozenset(key(w) for w in "مردم شهروندان اهالی عموم همشهریان".split())
#: first-person pronouns: a speaker who tells a meeting with them was there
_FIRST_PERSON = frozenset(fold(w) for w in "ما من بنده اینجانب".split())
#: day words of a meeting held the day it is reported
_TODAY = frozenset(key(w) for w in "امروز امشب".split())
#: words that may open a sentence before its subject
_OPENERS = frozenset(key(w) for w in "همچنین نیز سپس ضمنا اما ولی و".split())
_STOP = {"با", "در", "به", "از", "که", "و", "را", "برای", "تا", "این", "آن", "نیز", "هم", "بر", "طی", "ضمن"}


def _group_text(doc: Document, index: EntityIndex, s: int, e: int) -> str:
    """Extend a group noun over its modifiers and an adjacent ORG/LOC («شهرداران» + «استان سمنان»).

    The noun phrase ends where Persian grammar closes it: after a word ending in a vowel letter «ا/و»
    or in the plural «ها» without the linking «ی» («مدیران شرکت‌ها | اقدامات ...», «همه اعضا | مکلف»:
    a modifier after such a word would be written «شرکت‌های ...», «اعضای ...»), and before the
    non-verbal part of a compound verb (a word right before a finite verb: «... بانک‌ها | برگزار شود»)."""
    text = doc.text
    end = e
    last = text[s:e].split()[-1] if text[s:e].split() else ""
    for _ in range(4):
        if _closes_phrase(last):
            break
        nw = next_word(text, end)
        ent = index.first_from(end)
        if ent is not None and text[end:ent.start].strip(" \u200c«»"):
            ent = None
        if ent is not None and ent.label in ("ORG", "LOC", "ROLE"):
            end = ent.end
            break
        if nw is None or ent is not None or key(nw[2]) in _STOP or has_verb_form(nw[2]) or _starts_speech_verb(text, nw[0]):
            break
        after = next_word(text, nw[1])
        if after is not None and not text[nw[1]:after[0]].strip(" \u200c") and looks_finite([fold(after[2])]) \
                and key(after[2]) not in _COPULAS:
            break  # «برگزار» of «برگزار شود»: the light verb's, not the group's (a copula's predicate may end
            # the group: «میزبان خبرنگاران شهرستان بود»)
        end = nw[1]
        last = nw[2]
    return text[s:end].strip()


_COPULAS = frozenset(key(w) for w in "است هست هستند بود بودند باشد باشند نیست نبود اند".split())


def _closes_phrase(w: str) -> bool:
    """A word after which no modifier can follow without a written linking «ی»: a final «ا» or «و»
    («اعضا»; not «ان», which takes an unwritten ezafe), or the plural «ها» («شرکت‌ها», «شرکت ها»)."""
    k = fold(w).replace("\u200c", "")
    return k == "ها" or (len(k) > 2 and k.endswith(("ا", "و")))  # («شرکت ها»: the plural written apart)


#: words that open a list of those present («با حضور», «با شرکت», «با مشارکت», «در جمع»)
_PRESENCE = frozenset(key(w) for w in "حضور شرکت مشارکت جمع".split())
#: words right before a group noun that make it a participant («با مدیران», «حضور ...», «در جمع ...», «میزبان
#: خبرنگاران ... بود»: the host's guests)
_GROUP_OPENERS = frozenset(key(w) for w in "با حضور جمع جمعی میزبان".split())
#: a ceremony's honourees are among those present («همایش تجلیل از بانوان ...», «جشن تقدیر از فعالان ...»)
_HONOUR = frozenset(key(w) for w in "تجلیل تقدیر تکریم قدردانی".split())
#: determiners that open a group («سایر مسئولین استانی», «کلیه مدیران», «تمامی اعضای»)
_GROUP_DETERMINERS = frozenset(key(w) for w in "سایر کلیه تمامی همه برخی".split())
#: how many words a list of those present may run over before a group noun
_LIST_WORDS = 12


def _pkey(p: Participant) -> str:
    return key(p.person or p.group or "") + "|" + key(p.role or "") + "|" + key(p.org or "")


def _prev_tag(text: str, pos: int) -> str:
    """The word before a mention, as a feature («با», «حضور», «و» ...; «،» after a comma)."""
    pw = prev_word(text, pos)
    if pw is None:
        return "prev=punct"
    k = key(pw[2])
    return f"prev={k}" if k in _PREV_WORDS else "prev=other"


_PREV_WORDS = frozenset(key(w) for w in "با حضور جمع و از در به ریاست میزبانی توسط".split())


def _dist_tag(cue: tuple[int, int] | None, pos: int) -> str:
    """Where a mention stands from the meeting's cue (same sentence only)."""
    if cue is None:
        return "dist=none"
    d = pos - cue[1]
    return "dist=before" if pos < cue[0] else "dist=near" if d < 40 else "dist=mid" if d < 120 else "dist=far"


def _in_presence_list(text: str, s: int, pos: int, index: EntityIndex | None = None) -> bool:
    """Whether ``pos`` starts a later item of a list of those present: «با حضور شهردار، معاونان و
    مدیران مناطق» (after «،» or «و», with «حضور/شرکت/مشارکت/جمع» earlier in the list and no verb or
    other preposition between; sentence start ``s`` bounds the look back). With the article's
    entity ``index``, a tagged title, name, body or place counts as one word of the list, so a list of
    long titles («با حضور مدیرکل ...، معاونان شهردار، دهیاران و ...») is followed to its start."""
    i = pos
    for n in range(_LIST_WORDS):
        j = i
        while j > s and text[j - 1] in " \t\u200c":
            j -= 1
        comma = j > s and text[j - 1] in "،,"
        if comma:
            j -= 1
        pw = prev_word(text, j)
        if pw is None or pw[0] < s:
            return False
        ent = index.covering(pw[0]) if index is not None else None
        if ent is not None and ent.label in ("PER", "ROLE", "ORG", "LOC") and ent.start >= s and ent.start < pw[0]:
            pw = (ent.start, pw[1], text[ent.start:pw[1]].split()[0])  # the entity as one word: its first word
        k = key(pw[2])
        if n == 0 and not comma and k != "و":
            return False
        if k in _PRESENCE:
            return n > 0
        if (k in _STOP and k != "و" and k != "از") or has_verb_form(pw[2]):
            return False
        i = pw[0]
    return False


def _presence_start(text: str, s: int, e: int) -> int | None:
    """Where «با حضور/شرکت/مشارکت» opens a list of those present in ``[s, e)`` (None if it does not)."""
    ws = words(text, s, e)
    for (a, _, w), (_, b, w2) in zip(ws, ws[1:]):
        if key(w) == "با" and key(w2) in _PRESENCE and key(w2) != "جمع":
            return a
    return None


_AS = (key("به"), key("عنوان")), (key("به"), key("سمت"))


def _as_title(text: str, pos: int) -> bool:
    """Whether the title at ``pos`` follows «به عنوان» / «به سمت»: a post someone is appointed or introduced
    to («X به عنوان مدیرعامل شرکت ...»), the predicate of that person rather than another participant."""
    pw = prev_word(text, pos)
    pw2 = prev_word(text, pw[0]) if pw is not None else None
    return pw2 is not None and (key(pw2[2]), key(pw[2])) in _AS


def _appointed(text: str, index: EntityIndex, end: int) -> bool:
    """Whether a name ending at ``end`` (with its title right after) is the object of an appointment or
    introduction: «X (R) را به عنوان/به سمت ...» (the cabinet «X را به عنوان استاندار ... تعیین کرد»)."""
    nxt = index.first_from(end)
    if nxt is not None and nxt.label == "ROLE" and not text[end:nxt.start].strip(" ‌،,«»"):
        end = nxt.end
    ws = [key(w) for _, _, w in words(text, end, min(len(text), end + 40))[:3]]
    return len(ws) == 3 and ws[0] == key("را") and tuple(ws[1:]) in _AS


def _starts_speech_verb(text: str, pos: int) -> bool:
    """Whether a speech verb («گفت», «اظهار داشت») starts at ``pos``: the end of a group's words."""
    m = cue_classes().search(text, "speech", pos, min(len(text), pos + 40))
    return m is not None and m.start == pos


def has_verb_form(w: str) -> bool:
    k = key(w)
    return k in word_set("finite_verbs") or fold(w).startswith("می\u200c") or k.endswith("ند")


class _Builder:
    def __init__(self, doc: Document, co: Coref) -> None:
        self.doc = doc
        self.co = co
        self.ents = sorted_entities(doc)
        self.index = EntityIndex(self.ents)
        self._holders: dict[int, Referent | None] = {}
        # statements after a colon: people named in them did not attend (a reported object clause, «X را ...
        # دانست», has a guessed start that may swallow the list of those present)
        self.statements = sorted(st for ev, _ in co.events if (st := ev.statement) is not None and ev.colon)
        self.stmt_starts = [st[0] for st in self.statements]
        self.roles_by_end = sorted(co.roles, key=lambda m: m.end)
        self.role_ends = [m.end for m in self.roles_by_end]
        self.role_by_start = {m.start: m for m in co.roles}
        self.claimed_roles = {a.role.start: a for a in co.apps}
        self.in_roles = {i for m in co.roles for i in range(m.start, m.end)}  # offsets inside a title
        ev_order = sorted(range(len(co.events)), key=lambda i: co.events[i][0].verb_start)
        self.ev_by_verb = ev_order
        self.ev_verbs = [co.events[i][0].verb_start for i in ev_order]
        self.groups = group_words()
        self.sources = word_set("news_sources")
        self._dateline: str | None = None
        self.why: tuple[str, ...] = ()  # tags of the participant being added (see _Draft.tags)
        self._clauses: dict[tuple[int, int], list] = {}
        self.ft = fold(doc.text)

    def holder(self, rm: RoleMention) -> Referent | None:
        ref = self.co.by_role.get(rm.start)
        if ref is not None and ref.names:
            return ref
        if rm.start not in self._holders:
            named = [r for r in self.co.referents if r.names and r.has_role(rm)]
            self._holders[rm.start] = named[-1] if named else None
        return self._holders[rm.start]

    def add_sentence(self, d: _Draft, s: int, e: int, cue: tuple[int, int] | None = None,
                     presence: bool = False) -> None:
        """Participants, organizations, place and date from sentence ``[s, e)``.

        Quoted statements in the sentence are skipped (people named inside a quote did not
        attend), unless the meeting itself is mentioned inside that quote. ``presence``: ``[s, e)`` is
        a list of those present («با حضور ...» to the sentence end); its speakers are not added.
        """
        doc, text = self.doc, self.doc.text
        if (s, e) in d.sentences:
            return
        d.sentences.append((s, e))
        sent0 = (s, e)
        where = "sent=cue" if cue is not None else "sent=presence" if presence else "sent=other"
        anchor = cue[0] if cue else None
        i = bisect.bisect_left(self.stmt_starts, s - 5000)
        quoted = [st for st in self.statements[i:bisect.bisect_left(self.stmt_starts, e)]
                  if st[1] > s and not (anchor is not None and st[0] <= anchor < st[1])]
        own = [st for st in self.statements[i:bisect.bisect_left(self.stmt_starts, e)]
               if anchor is not None and st[0] <= anchor < st[1]]
        if own:
            # a meeting told inside a quote: its people are those the quote names; the attribution around
            # it («X در گفت‌وگو با ... اظهار داشت: ...») names the speaker, who is added (or not) as such
            s, e = max(s, own[-1][0]), min(e, own[-1][1])

        def inside_quote(pos: int) -> bool:
            return any(a <= pos < b for a, b in quoted)
        # skip «به گزارش ...،» openers
        m = lexicon_cues("report_prefixes").search(text, s, e)
        if m is not None and not text[s:m.start].strip(" \u200c\n«»:،"):
            c = re.compile(r"[،,]").search(text, m.end, e)
            if c is not None:
                s = c.end()
        in_role: set[int] = set()
        claimed_roles = self.claimed_roles
        agents = self.agents(cue, s) if cue is not None else {}
        for ent in self.index.within(s, e):
            if inside_quote(ent.start):
                continue
            if ent.label == "PER":
                # «معاون X»: a name that completes someone else's title is not present
                j = bisect.bisect_right(self.role_ends, ent.start) - 1
                before = self.roles_by_end[j] if j >= 0 else None
                if before is not None and text[before.end:ent.start].strip(" \u200c«»"):
                    before = None
                if before is not None and before.start in claimed_roles and claimed_roles[before.start].person is not ent:
                    continue
                ref = self.co.referent_of(ent)
                if ref is not None and cue is not None and _appointed(text, self.index, ent.end):
                    continue  # «X را به عنوان R ... تعیین کرد»: the one appointed or introduced by the clause's subject
                if ref is not None:
                    self.why = (where, "src=per", _prev_tag(text, ent.start), _dist_tag(cue, ent.start))
                    self.why += self.scope(sent0, cue, ent.start)
                    self.why += (agents[ent.start],) if ent.start in agents else ()
                    self.add_ref(d, ref)
            elif ent.label == "ROLE":
                rm = self.role_by_start.get(ent.start)
                if rm is None:
                    continue
                in_role.update(range(rm.start, rm.end))
                ref = self.holder(rm)
                if rm.start in claimed_roles:
                    continue  # a name's title: the name is the participant
                if _as_title(text, rm.start):
                    continue  # «به عنوان/به سمت R»: the post someone is appointed or introduced to, not a second person
                self.why = (where, _prev_tag(text, rm.start), _dist_tag(cue, rm.start)) + self.scope(sent0, cue, rm.start)
                self.why += (agents[ent.start],) if ent.start in agents else ()
                # a title in the plural names a group («فرماندهان», «نمایندگان»: any one-word title's plural)
                plural = rm.plural or key(rm.role.split()[0] if rm.role.split() else "") in self.groups
                if ref is not None and not plural:
                    self.why += ("src=role_holder",)
                    self.add_ref(d, ref)
                elif plural:
                    # «با/حضور/جمع اعضای ...», «X و اعضای ...», or clause-initial; not «بازدیدهای اعضای ...»
                    pw = prev_word(text, rm.start)
                    if pw is None or key(pw[2]) in ("با", "حضور", "جمع", "و", "از") or (
                            cue is not None and 0 <= rm.start - cue[1] < 40) or _in_presence_list(text, s, rm.start, self.index):
                        self.why += ("src=plural_role",)
                        g = self._plural_role_text(rm)
                        self.add_group(d, g, text.find(g, max(0, rm.start - 20)))
                elif rm.scope:
                    self.why += ("src=scoped_role",)
                    self.add(d, Participant(person=None, role=rm.role, org=rm.scope))
                elif cue is not None and (key((prev_word(text, rm.start) or (0, 0, ""))[2]) in _PRESENCE
                                          or _in_presence_list(text, s, rm.start, self.index)):
                    # «با حضور استاندار، فرماندار و ...»: a title without scope is the local one (the place
                    # the sentence or the article's dateline names)
                    place = self.place_before(s, rm.start)
                    if place is not None:
                        self.why += ("src=local_role",)
                        self.add(d, Participant(person=None, role=rm.role, org=place))
                if rm.org and not self._is_source(rm.org):
                    self.add_org(d, rm.org)
            elif ent.label == "ORG" and not self._is_source(ent.text) and ent.start not in in_role:
                if ent.start not in self.in_roles:
                    self.add_org(d, ent.text)
            elif ent.label == "DATE" and d.date is None:
                d.date = ent.text
            elif ent.label == "LOC" and d.location is None and ent.start not in in_role:
                pw = prev_word(text, ent.start)
                if pw is not None and key(pw[2]) == "در" and ent.start not in self.in_roles:
                    d.location = ent.text
        # speakers of this sentence, and a clause-initial «وی» (the current speaker)
        lo, hi = bisect.bisect_left(self.ev_verbs, s), bisect.bisect_left(self.ev_verbs, e)
        if presence or d.planned or own:
            # an announced or ordered meeting: who announces or orders it is not thereby present; inside a
            # quote, a speech verb's subject is the quote's speaker (added, or not, as such)
            lo = hi
        for ev, ref in (self.co.events[i] for i in sorted(self.ev_by_verb[lo:hi])):
            if ref is not None and ref.names:
                at = [n.start for n in ref.names if s <= n.start < e]
                self.why = (where, "src=speaker") + (self.scope(sent0, cue, at[0]) if at else ("spk=unnamed_here",) if cue else ())
                self.add_ref(d, ref)
        pronouns = word_set("pronouns")
        ws_all = words(text, s, e)
        for i, (ws, we, w) in enumerate(ws_all[:0 if presence or d.planned or own else 3]):
            if key(w) in pronouns:
                ref = self.co.current_speaker(ws)
                if ref is not None and ref.names:
                    self.why = (where, "src=pronoun")
                    self.add_ref(d, ref)
                break
        # group nouns outside entities: «با/حضور/جمع X», or right after the cue («نشست فصلی دهیاران»)
        cue_words = [i for i, (ws, we, w) in enumerate(ws_all) if cue and ws >= cue[1]][:4]
        for i, (ws, we, w) in enumerate(ws_all):
            if key(w) not in self.groups or self.index.covering(ws) is not None or inside_quote(ws):
                continue
            # a determiner before the group noun belongs to the group («سایر مسئولین ...», «کلیه مدیران ...»)
            j = i - 1 if i > 0 and key(ws_all[i - 1][2]) in _GROUP_DETERMINERS else i
            prev = [key(x[2]) for x in ws_all[max(0, j - 2):j]]
            honoured = len(prev) == 2 and prev[1] == "از" and prev[0] in _HONOUR and cue is not None
            if (i in cue_words and (not prev or prev[-1] not in _STOP)) or (prev and (prev[-1] in _GROUP_OPENERS or prev[-2:] == ["جمعی", "از"])) or honoured or _in_presence_list(text, s, ws_all[j][0], self.index):
                start = ws_all[j - 2][0] if prev[-2:] == ["جمعی", "از"] else ws_all[j][0]
                self.why = (where, "src=group_noun", _prev_tag(text, start), _dist_tag(cue, start)) + self.scope(sent0, cue, start)
                self.add_group(d, _group_text(doc, self.index, start, we), start)

    def scope(self, sent: tuple[int, int], cue: tuple[int, int] | None, pos: int) -> tuple[str, ...]:
        """Where a mention at ``pos`` stands from the meeting's cue in the cue's sentence ``sent``: in the
        cue's clause or the next, previous or a farther one (clauses of
        :func:`pipeline.records.clauses.split_clauses`: cut at «،/و» after a finite verb, at «:» and «؛»),
        and how many words lie between (features of the participant filter: the meeting's own clause
        names its people, another clause of the sentence often names someone else)."""
        if cue is None or not sent[0] <= pos < sent[1]:
            return ()
        cls = self._clauses.get(sent)
        if cls is None:
            cls = self._clauses[sent] = split_clauses(self.doc.text, sent[0], sent[1], self.ft)

        def at(x: int) -> int | None:
            return next((i for i, c in enumerate(cls) if c.start <= x < c.end), None)
        ci, mi = at(cue[0]), at(pos)
        if ci is None or mi is None:
            cl = "cl=none"
        else:
            k = mi - ci
            cl = "cl=same" if k == 0 else "cl=next" if k == 1 else "cl=prev" if k == -1 else "cl=after" if k > 1 else "cl=before"
        a, b = (cue[1], pos) if pos >= cue[1] else (pos, cue[0])
        n = len(words(self.doc.text, a, b)) - (0 if pos >= cue[1] else 1)
        wd = "wd=0" if n <= 0 else "wd=1-2" if n <= 2 else "wd=3-7" if n <= 7 else "wd=8-15" if n <= 15 else "wd=16+"
        side = "side=after" if pos >= cue[1] else "side=before"
        out = (cl, wd, f"{cl}|{side}", f"{cl}|{wd}")
        # the mention's role in its clause: the object of «را» (someone appointed, introduced, praised), the
        # first words of the clause (its subject)
        ent = self.index.covering(pos)
        end = ent.end if ent is not None else pos
        nw = next_word(self.doc.text, end)
        if nw is not None and key(nw[2]) == "را":
            out += ("obj=ra",)
        if mi is not None and len(words(self.doc.text, cls[mi].start, pos)) <= 1:
            out += ("clause_initial",)
        return out

    def speaker_attends(self, cm, sent: tuple[int, int]) -> bool:
        """Whether the speaker of a quote that tells a meeting (with people of its own) was there: the quote
        says so in the first person («ما در این نشست ...», «... دیدار کردیم»), or tells of a meeting of
        today («در جلسه امروز ...», «امشب»: the session the speaker speaks at). Otherwise the speaker
        reports a meeting of others («در بازدید شهردار از ... »)."""
        text = self.doc.text
        st = next((x for x in self.statements if x[0] <= cm.start < x[1]), None)
        a, e = (st[0], min(st[1], sent[1])) if st is not None else sent
        a = max(a, sent[0])
        for _, _, w in words(text, a, e):
            f = fold(w).replace("\u200c", "")
            if f in _FIRST_PERSON or (f.endswith(("یم", "م")) and looks_finite([f])):
                return True
        return any(ent.label == "DATE" and any(key(x) in _TODAY for x in ent.text.split())
                   for ent in self.index.within(a, e))

    def place_before(self, s: int, pos: int) -> str | None:
        """The place an unscoped title belongs to: the last LOC before ``pos`` in its sentence (not a
        title's own), else the article's dateline («به گزارش ... از قم،»)."""
        for ent in reversed(self.index.within(s, pos)):
            if ent.label == "LOC" and ent.start not in self.in_roles:
                return ent.text
        if self._dateline is None:
            self._dateline = ""
            first = self.doc.sentences[0] if self.doc.sentences else None
            end = first.end if first is not None else min(len(self.doc.text), 200)
            m = lexicon_cues("report_prefixes").search(self.doc.text, 0, end)
            if m is not None:
                for ent in self.index.within(m.end, end):
                    if ent.label != "LOC":
                        continue
                    pw = prev_word(self.doc.text, ent.start)
                    if pw is not None and key(pw[2]) == "از":
                        self._dateline = ent.text
                    break
        return self._dateline or None

    def agents(self, cue: tuple[int, int], s: int) -> dict[int, str]:
        """The person or title who holds the meeting, by position: right after the cue as its genitive
        («سفر وزیر ...», «بازدید شهردار اردبیل از ...», «دیدار استاندار با ...»: ``agent=after``) or as
        the subject right before «در» + the cue («شهردار تهران در مراسم ...», «X امروز در نخستین
        جلسه ...»: ``agent=before``; dates and ordinals may stand between). Entity start -> tag."""
        text = self.doc.text
        out: dict[int, str] = {}
        ent = self.index.first_from(cue[1])
        if ent is not None and ent.label in ("PER", "ROLE") and not text[cue[1]:ent.start].strip(" \u200c"):
            out[ent.start] = "agent=after"
        i = cue[0]
        seen_dar = False
        for _ in range(8):
            pw = prev_word(text, i)
            if pw is None or pw[0] < s:
                break
            covering = self.index.covering(pw[0])
            if covering is not None and covering.label in ("PER", "ROLE"):
                if seen_dar:
                    out[covering.start] = "agent=before"
                break
            k = key(pw[2])
            if covering is not None and (covering.label == "DATE" or (seen_dar and covering.label in ("LOC", "ORG"))):
                i = covering.start  # a date, or the scope of the title before it («شهردار کرج امروز در ...»)
                continue
            if k == "در":
                seen_dar = True
            elif seen_dar or not (_ORDINAL_RE.search(k) or k == "و" or k.isdigit()):
                break
            i = pw[0]
        return out

    def body_of(self, cm, sent: tuple[int, int]) -> str | None:
        """The body whose session the cue names: an ORG right after the cue («جلسه علنی شورای اسلامی
        شهر کرج», at most two words between), or an ORG that opens the sentence and holds the meeting
        («کمیسیون عمران شورای شهر ... جلسه‌ای ... برگزار کرد», «شورای شهر ... در جلسه رسمی خود ...»).
        News agencies are not bodies."""
        text = self.doc.text
        ent = self.index.first_from(cm.end)
        after = cm.end
        # the day may stand between the session and its body («جلسه صبح امروز (۳ مهر) شورای‌عالی مسکن»)
        while ent is not None and ent.label == "DATE" and not text[after:ent.start].strip(" \u200c()"):
            after = ent.end
            ent = self.index.first_from(ent.end)
        if ent is not None and ent.label == "ORG" and ent.end <= sent[1] and not self._is_source(ent.text):
            between = words(text, after, ent.start)
            if len(between) <= 2 and not any(key(w) in _STOP for _, _, w in between):
                return ent.text
        untagged = self._untagged_body(cm, sent)
        if untagged is not None:
            return untagged
        first = self.index.first_from(sent[0])
        if first is not None and first.label == "ORG" and first.end <= cm.start and not self._is_source(first.text):
            lead = words(text, sent[0], first.start)
            if all(key(w) in _OPENERS for _, _, w in lead) and (key(text[cm.start:cm.end]).endswith(("ای", "ی"))
                                                                 or _own_session(text, cm.end, sent[1])):
                return first.text
        return None

    def _untagged_body(self, cm, sent: tuple[int, int]) -> str | None:
        """A body word of ``meeting.body`` right after the cue (at most one word between) that the
        tagger left without an ORG: «جلسه شورای سلامت ...», «جلسه فوق‌العاده ستاد ...». The body
        runs over its modifiers as a group noun does (:func:`_group_text`)."""
        text = self.doc.text
        ws = words(text, cm.end, min(sent[1], cm.end + 80))[:2]
        for n, (s, e, w) in enumerate(ws):
            if key(w) in _STOP or self.index.covering(s) is not None:
                return None
            m = cue_classes().search(text, "meeting.body", s, e)
            if m is not None and m.start == s and m.end == e:
                # a body named by its head word alone («جلسه شورای») is not told apart from others
                # at most two words after the head: without a tag the end is a guess, and a short name
                # still names the body (the scorer and readers match names by containment)
                body = " ".join(_group_text(self.doc, self.index, s, e).split()[:3])
                # «... دامغان مقرر شد»: the word before a finite verb is the verb's (a light-verb compound)
                nw = next_word(text, s + len(body))
                if nw is not None and looks_finite([fold(nw[2])]) and len(body.split()) > 2:
                    body = body.rsplit(None, 1)[0]
                return body if len(body.split()) > 1 else None
            if n == 0 and has_verb_form(w):
                return None
        return None

    def _plural_role_text(self, rm: RoleMention) -> str:
        """A group title as written: a bare group noun runs on over its modifiers and an adjacent
        ORG/LOC when the tagger cut it short («اعضای» + «پارلمان», «نمایندگان» + «هیأت تجاری» + LOC),
        and keeps a «جمعی از» quantifier before it."""
        text = self.doc.text
        start, end = rm.start, rm.end
        if rm.org is None and rm.location is None:
            end = max(end, start + len(_group_text(self.doc, self.index, rm.start, rm.end)))
        before = _prev_words(text, start, 2)
        if before == ["از", "جمعی"]:
            start = prev_word(text, prev_word(text, start)[0])[0]
        return text[start:end].strip()

    def revered(self, ref: Referent) -> bool:
        """A name written with a religious honorific («(ره)», «(ع)», «(ص)», «(س)», «(عج)», «(مدظله)»):
        a revered figure named in the text (a saint, the late founder), never a meeting's participant."""
        text = self.doc.text

        def late(n) -> bool:  # «مرحوم X», «زنده‌یاد X», «شهید X»: the dead do not attend
            pw = prev_word(text, n.start)
            if pw is None:
                return key(text[n.start:n.end].split()[0]) in _LATE or listed_late(n.start)
            pw2 = prev_word(text, pw[0])  # «زنده یاد» written apart
            return key(pw[2]) in _LATE or (pw2 is not None and key(pw2[2] + pw[2]) in _LATE) or \
                key(text[n.start:n.end].split()[0]) in _LATE or listed_late(n.start)

        def listed_late(pos: int) -> bool:  # «شهیدان X، Y و Z»: a later name of a list opened by a word of _LATE
            sep = False
            for _ in range(12):
                j = pos
                while j > 0 and text[j - 1] in " \u200c":
                    j -= 1
                if j > 0 and text[j - 1] in "،,":
                    sep, pos = True, j - 1
                pw = prev_word(text, pos)
                if pw is None:
                    return False
                k = key(pw[2])
                if k in _LATE:
                    return sep
                ent = self.index.covering(pw[0])
                if k == "و" or text[pw[1]:pos].strip(" \u200c") in ("،", ","):
                    sep = True
                elif ent is None or ent.label != "PER":
                    pw2 = prev_word(text, pw[0])  # the list's first name, untagged: «شهیدان X، Y و Z»
                    return sep and pw2 is not None and key(pw2[2]) in _LATE
                pos = ent.start if ent is not None and ent.label == "PER" and ent.start < pw[0] else pw[0]
            return False
        return ref.memo("revered", ref.names, lambda: any(
            _REVERED.search(text[n.start:n.end]) or _REVERED.match(text, n.end) or late(n) for n in ref.names))

    def _is_source(self, org: str) -> bool:
        k = key(org)
        return any(k.startswith(x) for x in self.sources)

    def add_ref(self, d: _Draft, ref: Referent) -> None:
        if self.revered(ref):
            return
        if any(r is ref for r in d.refs):
            d.tags.setdefault(_pkey(_participant_of(ref)), set()).update(self.why)
            return
        d.refs.append(ref)
        p = _participant_of(ref)
        self.add(d, p)
        if p.org:
            self.add_org(d, p.org)

    def add(self, d: _Draft, p: Participant) -> None:
        k = _pkey(p)
        d.tags.setdefault(k, set()).update(self.why)
        for q in d.participants:
            if _pkey(q) == k:
                return
        d.participants.append(p)

    def add_group(self, d: _Draft, g: str, at: int | None = None) -> None:
        kg = key(g)
        if at is not None and at >= 0:
            d.group_at[kg] = (at, at + len(g))
        ws = g.split()
        # «مردم شریف استان»: the public, however qualified (not the compound «مردم‌نهاد», NGOs)
        public_head = bool(ws) and key(ws[0]) in _PUBLIC and not (len(ws) > 1 and key(ws[1]).startswith("نهاد"))
        if not kg or kg in _PUBLIC or public_head:
            return
        p = Participant(group=g)
        for i, q in enumerate(d.participants):
            if q.group:
                kq = key(q.group)
                if kg in kq:
                    d.tags.setdefault(_pkey(q), set()).update(self.why)
                    return
                if kq in kg:
                    d.participants[i] = p
                    d.tags.setdefault(_pkey(p), set()).update(self.why + tuple(d.tags.get(_pkey(q), ())))
                    return
        d.tags.setdefault(_pkey(p), set()).update(self.why)
        d.participants.append(p)

    def add_org(self, d: _Draft, org: str) -> None:
        if all(key(o) != key(org) for o in d.organizations):
            d.organizations.append(org)


_TOPIC_STOP = re.compile(r"[.:؛\n]|[،,]?\s(?:برگزار|گفت|گفتگو|گفت\u200cوگو|دیدار|رایزنی|تاکید|تأکید|پرداخت|"
                         r"با حضور|به ریاست|با مشارکت|با همراهی|اظهار|عنوان|افزود|در محل|که|را(?!\w))")


def _topic(doc: Document, ft: str, cm, sent: tuple[int, int], ents: list[Span]) -> str | None:
    text = doc.text
    tm = lexicon_cues("meeting_topic_markers").search(ft, sent[0], sent[1])
    if tm is not None:
        s = tm.end
        stop = _TOPIC_STOP.search(fold(text), s, sent[1])
        e = stop.start() if stop else sent[1]
        t = text[s:e].strip(" \u200c«»")
        if 1 <= len(t.split()) <= 20:
            return t
    # «نشست هم‌اندیشی مدیران ...», «جلسه بررسی ...», «مراسم گرامیداشت ...»: the cue's own name
    speech = [m.start for m in cue_classes().finditer(ft, "speech", cm.end, sent[1], folded=True)]
    out_end = None
    for ws, we, w in words(text, cm.end, sent[1])[:8]:
        if out_end is not None and ws < out_end:
            continue
        k = key(w)
        if k in _STOP or k in ("را", "مشترکی", "مشترک", "خواستار") or has_verb_form(w) or ws in speech or any(
                x.start <= ws < x.end and x.label in ("DATE", "PER", "ROLE") for x in ents):
            break
        ent = next((x for x in ents if x.start <= ws < x.end and x.label in ("ORG", "LOC")), None)
        if ent is not None:
            out_end = ent.end
            break
        out_end = we
    if out_end is not None:
        return text[cm.start:out_end].strip()
    return None


def _covering_index(spans: list[tuple[int, int, object]]):
    """``spans`` sorted by start, for :func:`_first_covering`."""
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    longest = max((e - s for s, e, _ in spans), default=0)
    return [spans[i][0] for i in order], order, spans, longest


def _first_covering(index, pos: int):
    """The value of the first span in list order with ``start <= pos < end`` (None if none)."""
    starts, order, spans, longest = index
    hi = bisect.bisect_right(starts, pos)
    lo = bisect.bisect_left(starts, pos - longest)
    hits = [i for i in order[lo:hi] if pos < spans[i][1]]
    return spans[min(hits)][2] if hits else None


def _drafts(doc: Document, weak_drafts: bool = True):
    """The meeting drafts of ``doc`` with their candidate participants (see the module docstring);
    ``weak_drafts``: also the meeting nouns outside the known frames (for the meeting model)."""
    co = analyze(doc)
    text = doc.text
    ft = fold(text)
    b = _Builder(doc, co)
    drafts: list[_Draft] = []
    sent_index = {(s.start, s.end): i for i, s in enumerate(doc.sentences)}
    quote_spans = [(ev.statement[0], ev.statement[1], ref) for ev, ref in co.events
                   if ev.statement is not None and ev.colon]
    quote_index = _covering_index(quote_spans)
    cues = list(cue_classes().finditer(ft, "meeting.noun", folded=True))
    cues += list(cue_classes().finditer(ft, ("meeting.body", "meeting.among", "meeting.visit"), folded=True))
    cues.sort(key=lambda c: c.start)
    last_cue: tuple[int, tuple[int, int], _Draft] | None = None  # the last cue that told a meeting, its sentence, draft
    embedded: dict[str, _Draft] = {}  # kinds named inside another meeting's phrase -> that meeting
    weak: list = []  # meeting nouns outside the known frames: candidates for the meeting model
    for cm in cues:
        sent = _sentence_bounds(doc, cm.start)
        in_quote = _first_covering(quote_index, cm.start)
        if cm.cls == "meeting.noun" and last_cue is not None and last_cue[1] == sent and \
                _in_cue_phrase(text, last_cue[0], cm.start):
            # «آیین گشایش جشنواره ...», «مراسم جشن ...»: a noun in the phrase of the cue just before names
            # what that meeting was about, not a second meeting; later mentions of it are that meeting
            embedded.setdefault(cm.label or cm.cue, last_cue[2])
            continue
        if cm.cls == "meeting.noun":
            frame = _frame(doc, ft, cm, sent)
            if frame is None:
                weak.append((cm, sent, in_quote))
        elif cm.cls == "meeting.visit":
            frame = _visit_frame(doc, ft, cm, sent, b, in_quote)
        else:
            frame = _body_frame(doc, ft, cm, sent, b, in_quote)
        if frame is None:
            continue
        kind = cm.label or cm.cue
        if frame == "anaphoric" and drafts:
            # «در این مراسم»: the last meeting of that kind, else the last one told
            # (a meeting held rather than one announced or ordered in between: «دستور داد جلسه‌ای ... برگزار
            # شود ... در این جلسه» still tells of the session held)
            ante = next((o for o in reversed(drafts) if o.kind == kind and not o.planned),
                        next((o for o in reversed(drafts) if o.kind == kind), drafts[-1]))
            last_cue = (cm.end, sent, ante)
            if not any(o.sent == sent and o is not ante for o in drafts):
                # (a sentence that tells another meeting keeps its people for that one: «دستور داد جلسه‌ای با
                # حضور X ... برگزار شود تا ... در این جلسه ...»)
                b.add_sentence(ante, *sent, cue=(cm.start, cm.end) if in_quote is not None else None)
            continue
        if kind in embedded:
            last_cue = (cm.end, sent, embedded[kind])
            b.add_sentence(embedded[kind], *sent, cue=(cm.start, cm.end) if in_quote is not None else None)
            continue
        told = _told_in_phrase(text, ft, cm, drafts)
        if told is not None:
            # «در مراسم افتتاحیه این جشنواره ...»: a ceremony of the event already told is that event
            last_cue = (cm.end, sent, told)
            b.add_sentence(told, *sent, cue=(cm.start, cm.end) if in_quote is not None else None)
            continue
        d = _Draft(kind, cm.start, sent, in_quote, cue=cm, planned=_planned(text, ft, cm, sent))
        last_cue = (cm.end, sent, d)
        d.topic = _topic(doc, ft, cm, sent, b.index.within(sent[0], sent[1]))
        b.add_sentence(d, *sent, cue=(cm.start, cm.end))
        if in_quote is not None and in_quote.names and not d.planned and (
                b.speaker_attends(cm, sent)):
            b.why = ("src=quote_speaker",)
            b.add_ref(d, in_quote)
        body = None if cm.cls == "meeting.visit" else b.body_of(cm, sent) if cm.cls != "meeting.body" else _body_at(b, cm)  # the body whose session it is («جلسه علنی شورای شهر ...») takes part
        if body is not None:
            if in_quote is not None:
                # a speaker telling of a body's session («... گفت: در جلسه شورای سلامت استان مقرر شد ...»):
                # the body met; the speaker reports it
                d.participants, d.refs = [], []
            b.why = ("src=body",)
            b.add_group(d, body)
            d.body = body
        # the same meeting again («در دیدار فرماندار با ...» in the headline, then in the body)
        same = None
        lead = sent_index.get(sent, 99) <= 4
        tkey = _topic_key(text, cm, b.index.within(cm.start, cm.end + 200))
        nxt = b.index.first_from(cm.end)
        day_only = nxt is not None and nxt.label == "DATE" and not text[cm.end:nxt.start].strip(" \u200c")
        for o in reversed(drafts):
            if o.kind != d.kind or (o.planned and not d.planned and o.sent != sent):
                continue  # (a session held is not the one announced or ordered before it)
            others = [p for p in d.participants if not (d.body and p.group == d.body)]
            subset = bool(others) and all(_has_participant(o, p) for p in others)
            o_text = text[o.sent[0]:o.sent[1]].rstrip()
            o_lead = sent_index.get(o.sent, 99) == 0 and not o_text.endswith((".", "!", "؟"))  # a title line
            same_topic = tkey and tkey == _topic_key(text, o.cue, b.index.within(o.cue.start, o.cue.end + 200))
            same_body = bool(d.body and o.body and scopes_compatible(d.body, o.body)) and _same_day(d.date, o.date)
            if same_topic or same_body or ((o.in_quote is None) == (in_quote is None) and ((lead and o_lead) or subset)) \
                    or (day_only and not d.body) or o.sent == sent:
                # «در جلسه امروز ...» after a session of the same kind: the day names the session already told;
                # two cues of one kind in one sentence («در حاشیه جلسه ... گفت: ... در جلسه شورا ...») are one
                same = o
                break
        if same is not None:
            last_cue = (cm.end, sent, same)
            for s_, e_ in d.sentences:
                b.add_sentence(same, s_, e_)
            for r in d.refs if not same.planned else ():  # (who announces a meeting does not attend it)
                b.why = ("src=merged",)
                b.add_ref(same, r)
            same.date = same.date or d.date
            same.location = same.location or d.location
            same.topic = same.topic or d.topic
            continue
        drafts.append(d)
    # the article's main meeting: every named speaker until the next narrative meeting
    narrative = [d for d in drafts if d.in_quote is None]
    for i, d in enumerate(narrative):
        idx = sent_index.get(d.sent, 99)
        if idx >= MAIN_EVENT_SENTENCES or d.planned:
            continue
        until = narrative[i + 1].start if i + 1 < len(narrative) else len(text)
        for ev, ref in co.events:
            if ref is not None and ref.names and ev.verb_start < until:
                b.why = ("src=main_speaker",)
                b.add_ref(d, ref)
    # «... با حضور A، B و C برگزار شد» in a sentence that names no meeting: those present at the main one
    # (only when the article tells of one meeting: with several, the list could belong to any)
    main = next((d for d in narrative if sent_index.get(d.sent, 99) < MAIN_EVENT_SENTENCES), None)
    if main is not None and len(narrative) == 1:
        told = {se for d in drafts for se in d.sentences}
        for sent in doc.sentences:
            if (sent.start, sent.end) in told or _first_covering(quote_index, sent.start) is not None:
                continue
            pos = _presence_start(text, sent.start, sent.end)
            if pos is not None and _first_covering(quote_index, pos) is None:
                b.add_sentence(main, pos, sent.end, presence=True)
    # meeting nouns outside every frame («سفر وزیر ...», «طی ملاقاتی با ...»): weak drafts the meeting model
    # decides on; not in a sentence that already tells a meeting, one per sentence
    told = {se for d in drafts for se in d.sentences}
    for cm, sent, in_quote in weak if weak_drafts else ():
        if sent in told:
            continue
        told.add(sent)
        d = _Draft(cm.label or cm.cue, cm.start, sent, in_quote, cue=cm, weak=True)
        d.topic = _topic(doc, ft, cm, sent, b.index.within(sent[0], sent[1]))
        b.add_sentence(d, *sent, cue=(cm.start, cm.end))
        if in_quote is not None and in_quote.names:
            b.why = ("src=quote_speaker",)
            b.add_ref(d, in_quote)
        body = b.body_of(cm, sent)
        if body is not None:
            b.why = ("src=body",)
            b.add_group(d, body)
            d.body = body
        drafts.append(d)
    out: list[tuple[_Draft, list[tuple[Participant, dict[str, float]]]]] = []
    for d in drafts:
        _join_coordinated(d, text, b.index)
        parts = _drop_unnamed_dupes(d.participants, d.refs)
        parts = _drop_body_if_named(parts, d.body)
        if not parts:
            continue
        n = len(parts)
        cands = [(p, participant_features(d.tags.get(_pkey(p), set()), p, d.kind, n, d.in_quote is not None))
                 for p in parts]
        d.features = _meeting_features(doc, ft, d, cands, drafts, sent_index, b.index)
        out.append((d, cands))
    out.sort(key=lambda x: x[0].start)
    return out


#: function words kept as themselves in the meeting model's features (any other word is «other»: content words
#: would tie the model to the outlets it was trained on)
_FUNCTION_WORDS = frozenset(key(w) for w in "در با از به برای طی این همین آن و که را تا".split())


def _closed(k: str) -> str:
    return k if k in _FUNCTION_WORDS else "other"


def _meeting_features(doc: Document, ft: str, d: _Draft, cands, drafts: list[_Draft],
                      sent_index: dict[tuple[int, int], int], index: EntityIndex) -> dict[str, float]:
    """How a meeting draft was told: the cue and the words around it, its sentence's verbs (future,
    present, meeting and speech verbs), the quote it stands in, where it stands in the article and how its
    candidate participants were found (the features of :mod:`pipeline.records.meeting_model`)."""
    text = doc.text
    cm = d.cue
    before = _prev_words(text, cm.start, 2)
    nw = next_word(text, cm.end)
    tags = set().union(*(d.tags.get(_pkey(p), set()) for p, _ in cands)) if cands else set()
    idx = sent_index.get(d.sent, 99)
    sent_words = [fold(w) for _, _, w in words(text, d.sent[0], d.sent[1])]
    after = [fold(w) for _, _, w in words(text, cm.end, d.sent[1])]
    types = {("person" if p.person else "group" if p.group else "unnamed") for p, _ in cands}
    earlier = [o for o in drafts if o.start < d.start and o is not d]
    verbs = cue_classes()
    f: dict[str, float] = {
        "bias": 1.0,
        f"weak={int(d.weak)}": 1.0,
        f"cls={cm.cls}": 1.0,
        f"kind={key(d.kind)}": 1.0,
        f"prev={_closed(before[0]) if before else '<punct>'}": 1.0,
        f"next={_closed(key(nw[2])) if nw else '<punct>'}": 1.0,
        f"quote={int(d.in_quote is not None)}": 1.0,
        f"sent={min(idx, 6)}": 1.0,
        f"body={int(d.body is not None)}": 1.0,
        f"date={int(d.date is not None)}": 1.0,
        f"ncand={min(len(cands), 4)}": 1.0,
        f"earlier_kind={int(any(o.kind == d.kind for o in earlier))}": 1.0,
        f"earlier={min(len(earlier), 3)}": 1.0,
        f"future={int(any(w.startswith(('خواهد', 'خواهند', 'خواهیم')) for w in after))}": 1.0,
        f"present={int(any(w.startswith('می' + chr(0x200c)) for w in after))}": 1.0,
        f"plural={int(key(text[cm.start:cm.end]).endswith(('ها', 'هایی', 'ات', 'اتی')))}": 1.0,
        f"mverb={int(verbs.search(ft, 'meeting.verb', cm.end, d.sent[1], folded=True) is not None)}": 1.0,
        f"speech={int(verbs.search(ft, 'speech', d.sent[0], d.sent[1], folded=True) is not None)}": 1.0,
        f"with_after={int(any(key(w) == 'با' for w in after[:4]))}": 1.0,
        f"that_before={int(any(w in ('که', 'آیا') for w in sent_words[:max(0, len(sent_words) - len(after))]))}": 1.0,
    }
    ent = index.first_from(cm.end)
    if ent is not None and not text[cm.end:ent.start].strip(" \u200c"):
        f[f"next_ent={ent.label}"] = 1.0
    for t in types:
        f[f"has={t}"] = 1.0
    for t in tags:
        if t.startswith(("src=", "agent=")):
            f[f"cand|{t}"] = 1.0
    srcs = {t for t in tags if t.startswith("src=")}
    if srcs and srcs <= {"src=speaker", "src=main_speaker", "src=quote_speaker", "src=pronoun", "src=merged"}:
        f["only_speakers"] = 1.0
    return f


def find_meetings(doc: Document) -> list[Meeting]:
    """All meetings of ``doc`` (see the module docstring); the participant model
    (:mod:`pipeline.records.participant_model`) keeps the candidates that take part."""
    model = current_participant_model()
    mmodel = current_meeting_model()
    out: list[Meeting] = []
    for d, cands in _drafts(doc, weak_drafts=mmodel is not None):
        if not keep_meeting(mmodel, d.features, d.weak):
            continue
        parts = keep_participants(model, cands)
        if not parts:
            continue
        out.append(Meeting(kind=d.kind, participants=parts, organizations=d.organizations, location=d.location,
                           date=d.date, topic=d.topic, evidence=evidence(doc, d.sent[0], d.sent[1])))
    return out


def meeting_candidates(doc) -> list[tuple[_Draft, list[tuple[Participant, dict[str, float]]]]]:
    """Every meeting draft of ``doc`` with its candidate participants and their features, before the
    participant model (training data for it). ``doc``: a tagged Document, or the cached extract output
    of one article (``text``, ``entities``)."""
    if isinstance(doc, dict):
        doc = _document_of(doc)
    return _drafts(doc)


def _document_of(tagged: dict) -> Document:
    from pipeline.tokenize import tokenize

    doc = Document(id=tagged.get("id", ""), raw=tagged["text"], text=tagged["text"], date=tagged.get("date"),
                   source=tagged.get("source"))
    tokenize(doc)
    doc.entities = [Span(e["label"], e["start"], e["end"], e["text"], e.get("score")) for e in tagged["entities"]]
    return doc


def _topic_key(text: str, cm, ents: list[Span] | None = None) -> str:
    """The two words after the cue («نشست هم‌اندیشی مدیران ...»): the meeting's name
    (empty when they are a participant's title or name rather than a name of the meeting)."""
    ws = words(text, cm.end, min(len(text), cm.end + 60))[:2]
    if len(ws) < 2 or any(key(w) in _STOP for _, _, w in ws):
        return ""
    if ents and any(x.start <= ws[0][0] < x.end and x.label in ("PER", "ROLE") for x in ents):
        return ""
    return key(cm.cue) + "|" + "|".join(key(w) for _, _, w in ws)


def _same_day(a: str | None, b: str | None) -> bool:
    """Two meeting dates that may name the same day: one missing, one inside the other, or a shared
    word («امروز» and «صبح امروز دوشنبه»)."""
    if not a or not b:
        return True
    ka, kb = key(a), key(b)
    if ka in kb or kb in ka:
        return True
    return bool({key(w) for w in a.split()} & {key(w) for w in b.split()} - {""})


def _has_participant(d: _Draft, p: Participant) -> bool:
    if p.person is None and p.group is None:  # an unnamed official: same title and scope
        return any(q.person is None and q.group is None and key(q.role or "") == key(p.role or "")
                   and scopes_compatible(q.org, p.org) for q in d.participants)
    kp = key(p.person or p.group or "")
    for q in d.participants:
        kq = key(q.person or q.group or "")
        if kp and kq and (kp == kq or kp in kq or kq in kp):
            return True
    return False


_LIST_SEP = re.compile(r"^[\s\u200c]*(?:[،,][\s\u200c]*|و[\s\u200c]+|[،,][\s\u200c]*و[\s\u200c]+)$")
#: the second word of a two-word title that is one title («مدیران کل»)
_TITLE_TAILS = frozenset((key("کل"),))


def _join_coordinated(d: _Draft, text: str, index: EntityIndex) -> None:
    """Bare group nouns coordinated before one scoped by a named body or place (an ORG/LOC inside it) share
    that scope and are one group, as the text lists them: «معاونان و مدیران شهرداری منطقه ۹», «مدیران کل، شهرداران و فرمانداران استان»
    (ANNOTATION.md: a group is written as the text has it). Groups with their own modifier
    («معاونان فرماندار، بخشداران و ...») and lists without a scope («معاونان و فرمانداران») stay apart."""
    placed = sorted((d.group_at[key(p.group)] + (p,) for p in d.participants
                     if p.group and key(p.group) in d.group_at), key=lambda x: x[0])
    if len(placed) < 2:
        return

    def bare(g: str) -> bool:
        ws = g.split()
        return len(ws) == 1 or (len(ws) == 2 and key(ws[1]) in _TITLE_TAILS)

    chains: list[list[tuple[int, int, Participant]]] = []
    run = [placed[0]]
    for prev, cur in zip(placed, placed[1:]):
        if bare(prev[2].group) and cur[0] >= prev[1] and _LIST_SEP.match(text[prev[1]:cur[0]]):
            run.append(cur)
        else:
            chains.append(run)
            run = [cur]
    chains.append(run)
    for chain in chains:
        if len(chain) < 2 or not any(e.label in ("ORG", "LOC") for e in index.within(chain[-1][0], chain[-1][1])):
            continue
        joined = Participant(group=text[chain[0][0]:chain[-1][1]].strip())
        tags: set[str] = set()
        for _, _, q in chain:
            tags |= d.tags.get(_pkey(q), set())
        i = next(i for i, q in enumerate(d.participants) if q is chain[0][2])
        members = {id(q) for _, _, q in chain}
        d.participants = [q for q in d.participants[:i] if id(q) not in members] + [joined] + \
            [q for q in d.participants[i:] if id(q) not in members]
        d.tags[_pkey(joined)] = tags


def _drop_unnamed_dupes(parts: list[Participant], refs: list[Referent]) -> list[Participant]:
    """An unnamed title whose holder is also listed by name is dropped."""
    out = []
    for p in parts:
        if p.person is None and p.role and not p.group:
            if any(q.person and key(q.role or "") == key(p.role) and scopes_compatible(q.org, p.org)
                   for q in parts):
                continue
        out.append(p)
    return out


def _drop_body_if_named(parts: list[Participant], body: str | None) -> list[Participant]:
    """The body whose session it is takes part only when no named person does: «جلسه شورای اداری
    استان با حضور استاندار X» has X as participant and the council as its organization; «جلسه علنی
    شورای شهر» alone has the council as participant."""
    if body is None or not any(p.person for p in parts):
        return parts
    kb = key(body)
    return [p for p in parts if not (p.group and key(p.group) == kb)]


def _told_in_phrase(text: str, ft: str, cm, drafts: list[_Draft]) -> _Draft | None:
    """The meeting already told that the phrase of cue ``cm`` refers back to with «این/همین» + its noun
    («مراسم افتتاحیه این جشنواره», «آیین پایانی همین همایش»), or None."""
    if not drafts or cm.cls != "meeting.noun":
        return None
    m = cue_classes().search(ft, "meeting.noun", cm.end, min(len(ft), cm.end + 60), folded=True)
    if m is None:
        return None
    pw = prev_word(text, m.start)
    if pw is None or key(pw[2]) not in ("این", "همین") or not _in_cue_phrase(text, cm.end, pw[0]):
        return None
    kind = m.label or m.cue
    return next((d for d in reversed(drafts) if d.kind == kind), None)


def _in_cue_phrase(text: str, end: int, start: int, max_words: int = 3) -> bool:
    """Whether ``start`` follows a cue ending at ``end`` inside its noun phrase: at most ``max_words``
    words between, none of them a verb, a conjunction, a preposition or a punctuation mark."""
    between = text[end:start]
    if any(ch in between for ch in "،,.:؛;!؟?«»()\n"):
        return False
    ws = [w for _, _, w in words(text, end, start)]
    if len(ws) > max_words:
        return False
    return not any(key(w) in _PHRASE_BREAKS or has_verb_form(w) for w in ws)


_PHRASE_BREAKS = frozenset(("و", "با", "در", "به", "از", "که", "تا", "برای"))


def _own_session(text: str, end: int, sent_end: int) -> bool:
    """«خود» within the three words after the cue: the subject's own session («شورای شهر در صد و دوازدهمین
    نشست عادی خود ...»)."""
    return any(key(w) == "خود" for _, _, w in words(text, end, min(sent_end, end + 60))[:3])


def _body_at(b: "_Builder", cm) -> str | None:
    """The ORG that a ``meeting.body`` cue opens («در شورای پشتیبانی سوادآموزی استان ...»)."""
    ent = b.index.covering(cm.start)
    if ent is not None and ent.label == "ORG" and not b._is_source(ent.text):
        return ent.text
    return None


def _body_frame(doc: Document, ft: str, cm, sent: tuple[int, int], b: "_Builder", in_quote) -> str | None:
    """"new" when a body word or «جمع» names a gathering the sentence reports, else None.

    ``meeting.body`` («شورای», «ستاد», «کمیته» ...): right after «در» (or «در نخستین»), outside a
    quote, with a speech verb or a meeting verb later in the sentence («X امروز در ستاد ... اظهار کرد»,
    «در کمیته ... که با حضور ... برگزار شد»); not «عضویت در شورای ...» with no such verb.
    ``meeting.among``: «در جمع» + a group noun or a title («در جمع خبرنگاران», «در جمع اعضای ...»)."""
    if in_quote is not None:
        return None
    before = _prev_words(doc.text, cm.start, 2)
    if not before:
        return None
    if not (before[0] == "در" or (_ORDINAL_RE.search(before[0]) and before[1:] == ["در"])):
        return None
    if cm.cls == "meeting.among":
        nw = next_word(doc.text, cm.end)
        if nw is None:
            return None
        ent = b.index.covering(nw[0])
        if key(nw[2]) in b.groups or (ent is not None and ent.label == "ROLE"):
            return "new"
        # any noun in the human plural «ان/ین» («در جمع منتخبان ...») when the sentence reports speech there
        k = key(nw[2])
        if ent is None and len(k) >= 5 and k.endswith(("ان", "ین")) and not has_verb_form(nw[2]):
            sp = cue_classes().search(ft, "speech", cm.end, sent[1], folded=True)
            # the speech verb of the same clause: no finite verb between («... بودند و X گفت» is another clause)
            if sp is not None and not any(looks_finite([fold(w)]) for _, _, w in words(doc.text, cm.end, sp.start)):
                return "new"
        return None
    # the body must stand in the main clause, before its verb: not inside a «که» clause («... این سوال که
    # آیا نقشه تازه در شورای ... تصویب شود، اظهار داشت») nor after a finite verb
    lead = [fold(w) for _, _, w in words(doc.text, sent[0], cm.start)]
    if any(w in ("که", "آیا") for w in lead):
        return None
    verbs = cue_classes()
    if verbs.search(ft, "speech", cm.end, sent[1], folded=True) is None and \
            verbs.search(ft, "meeting.verb", cm.end, sent[1], folded=True) is None:
        return None
    return "new"


#: subjunctive and present forms that end an announced or ordered meeting's clause («برگزار شود/گردد», «تشکیل دهند»)
_NOT_PAST = frozenset(fold(w) for w in "شود شوند گردد گردند کند کنند نماید نمایند دهد دهند یابد یابند آید آیند".split())


def _planned(text: str, ft: str, cm, sent: tuple[int, int]) -> bool:
    """Whether the meeting verb of the cue's clause (``meeting.verb`` after the cue, no other finite verb
    between) tells the meeting as announced or ordered: future («برگزار خواهد شد»), present («برگزار
    می‌شود», «مي شود»), or subjunctive («دستور داد ... جلسه‌ای ... برگزار شود», «... برگزار کنند»); not
    in the first person plural («برگزار می‌کنیم»: the speakers take part)."""
    m = cue_classes().search(ft, "meeting.verb", cm.end, sent[1], folded=True)
    if m is None or any(looks_finite([fold(w)]) for _, _, w in words(text, cm.end, m.start)):
        return False
    vw = [fold(w).replace("\u200c", "") for w in text[m.start:m.end].split()]
    if not vw or vw[-1].endswith("یم"):
        return False
    return any(w.startswith("خواه") for w in vw) or any(w.startswith("می") and len(w) > 3 for w in vw[1:]) or \
        "می" in vw[1:] or vw[-1] in _NOT_PAST


#: presence verbs among ``meeting.verb`` (their stems): «حاضر شد», «حضور یافت/داشت», «آمد»
_PRESENCE_VERBS = ("حاضر", "حضور", "آمد", "آمده")


def _came_for(text: str, ft: str, cm, sent: tuple[int, int]) -> bool:
    """Whether a presence verb of ``meeting.verb`` («حاضر شد», «حضور یافت», «آمد») follows the cue in its
    clause with no other finite verb between: «X برای بازدید از ... حاضر شده بود» tells a visit that took
    place, «برای بازدید از نمایشگاه دعوت کرد» does not."""
    m = cue_classes().search(ft, "meeting.verb", cm.end, sent[1], folded=True)
    if m is None or not key(text[m.start:m.end]).startswith(tuple(key(w) for w in _PRESENCE_VERBS)):
        return False
    return not any(looks_finite([fold(w)]) for _, _, w in words(text, cm.end, m.start))


def _visit_frame(doc: Document, ft: str, cm, sent: tuple[int, int], b: "_Builder", in_quote) -> str | None:
    """"new" when a ``meeting.visit`` cue tells an official's visit without a meeting noun, else None.

    «(با|ضمن) حضور در» + a place («استاندار ... با حضور در بیمارستان ... قدردانی کرد»): outside quotes, not
    when a meeting noun follows «در» (that noun tells the meeting: «با حضور در جلسه ...») nor a contest or an
    election (``meeting.not_visit``). «وارد X شد» (arrival: «فرماندار ... وارد یاسوج شد»).
    Both need an official (a name or a title) before the cue in its clause: visitors are officials, not
    tourists («هزاران مسافر وارد شهر شدند»)."""
    text = doc.text
    if cm.label == "بازدید":
        if in_quote is not None:
            return None
        verbs = cue_classes()
        after = min(sent[1], cm.end + 40)
        for cls in ("meeting.noun", "meeting.not_visit"):
            m = verbs.search(ft, cls, cm.end, after, folded=True)
            if m is not None and len(words(text, cm.end, m.start)) <= 1:
                return None
    elif not any(e.label == "LOC" for e in b.index.within(cm.start, cm.end)):
        return None  # «وارد X شد» with a place X, not «خسارت ... وارد شد»
    # the clause before the cue: back to the sentence start or the last «:» / «؛»
    start = max(sent[0], text.rfind(":", sent[0], cm.start) + 1, text.rfind("؛", sent[0], cm.start) + 1)
    if not any(e.label in ("PER", "ROLE") for e in b.index.within(start, cm.start)):
        return None
    return "new"


#: words that make a «دیدار» a sports match between teams, not a meeting («دیدار تیم ... مقابل ...»)
_SPORTS = frozenset(key(w) for w in "تیم تیم‌های مقابل لیگ فوتبال فوتسال والیبال بسکتبال".split())
#: the same, before the cue in its sentence («تیم ... با تیم ... دیدار می‌کند»)
_SPORTS_BEFORE = frozenset(key(w) for w in "تیم تیم‌های لیگ جدول فوتبال فوتسال والیبال بسکتبال".split())
#: players and coaches, any form («بازیکنان», «بازیکنانش», «سرمربی»): a match, before or after the cue
_SPORTS_STEMS = tuple(key(w) for w in "بازیکن سرمربی".split())


def _sports_match(text: str, cm, sent: tuple[int, int]) -> bool:
    """A «دیدار» followed within a few words by a team or «مقابل» is a match («دیدار دو تیم»,
    «دیداری نسبتاً راحت مقابل ...»), not a meeting of officials."""
    if not key(text[cm.start:cm.end]).startswith("دیدار"):
        return False
    after = [key(w) for _, _, w in words(text, cm.end, sent[1])[:6]]
    before = [key(w) for _, _, w in words(text, sent[0], cm.start)[-8:]]
    return any(k in _SPORTS for k in after) or any(k in _SPORTS_BEFORE for k in before) or any(
        k.startswith(_SPORTS_STEMS) for k in after + before)
