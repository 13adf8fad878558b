"""Mention -> person resolution shared by officials, quotes, meetings and commitments.

:func:`analyze` groups an article's mentions into :class:`Referent` objects:

* PER spans: a bare surname («کاظمی») or partial name joins the fullest name it fits
  (the last matching one before it, else the first after it); near-identical spellings
  of a multi-word name (one letter apart per word) are one person;
* titles written next to a name (:mod:`pipeline.records.mentions`) become that person's roles;
* speech-event subjects (:mod:`pipeline.records.attribution`) are resolved in text order:
  «وی/او» and «این مسئول» -> the current speaker; a bare title («مدیرعامل سازمان آتش‌نشانی
  ... افزود») -> the person who holds that title in the article; a headline-style title
  with no holder yet («شهردار زنجان گفت: ...») waits for the next named speaker and is
  linked to them; when the current speaker has no title yet and the article goes on
  with a title subject («معاون ... استانداری در ادامه همین نشست گفت»), the title
  is theirs (unless «نیز» marks a new speaker).

The result is cached per document content, so the record modules can each call it.
"""
from __future__ import annotations

import bisect
import difflib
from functools import lru_cache
import re
from dataclasses import dataclass, field

from pipeline.document import Document, Span
from pipeline.textkey import fold, key
from pipeline.records.attribution import Mention, SpeechEvent, sentence_subjects, speech_events
from pipeline.records.mentions import Apposition, RoleMention, appositions, role_mentions
from pipeline.records.textutil import sorted_entities

@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(key(w) for w in fold(name).replace("«", " ").replace("»", " ").split() if key(w))


def name_words(name: str) -> list[str]:
    """Comparison words of a name: folded, ZWNJ-free («کریمی‌نژاد» -> «کریمینژاد»)."""
    return list(_name_words(name))


@lru_cache(maxsize=4096)
def _zwnj_parts(name: str) -> frozenset[str]:
    """First ZWNJ-parts of the words («کریمی‌نژاد» -> «کریمی»): a surname written short."""
    out = set()
    for w in fold(name).split():
        parts = [key(p) for p in w.split("\u200c") if key(p)]
        if len(parts) > 1:
            out.add(parts[0])
    return frozenset(out)


def _edit1(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a:
            return True
    return False


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from pipeline.lexicons import word_set

    return word_set("given_names") | word_set("given_names_broad")


def _glued_given_name(word: str, surname: str) -> bool:
    """``word`` is a given name glued to ``surname`` («امیرنادری» = «امیر» + «نادری»)."""
    if len(surname) < 3 or len(word) - len(surname) < 2 or not word.endswith(surname):
        return False
    return word[:-len(surname)] in _given_names()


def _joined_suffix(ws: list[str], wf: list[str]) -> bool:
    """The words of ``ws`` written without spaces end the words of ``wf`` written without spaces, at a
    word start of ``wf``, and one side splits a word the other writes joined («علی بندعلیان» and
    «علی بند علیان», «بندعلیان» and «علی بند علیان»)."""
    sj, fj = "".join(ws), "".join(wf)
    if len(sj) < 4 or not fj.endswith(sj):
        return False
    cut, pos = len(fj) - len(sj), 0
    starts = set()
    for w in wf:
        starts.add(pos)
        pos += len(w)
    if cut not in starts:
        return False
    tail = wf[len(starts & set(range(cut))) :]
    return tail != ws


@lru_cache(maxsize=65536)
def names_match(short: str, full: str) -> bool:
    """Whether mention ``short`` can name the person called ``full``."""
    ws, wf = name_words(short), name_words(full)
    if not ws or not wf:
        return False
    if ws == wf:
        return True
    if _joined_suffix(ws, wf):
        return True  # «بندعلیان» / «علی بند علیان»: a surname of two words written split or joined
    if len(ws) <= len(wf) and set(ws) <= set(wf) and ws[-1] == wf[-1]:
        return True
    if len(ws) == 1 and (ws[0] in _zwnj_parts(full) or (len(wf) > 1 and ws[0] in wf[1:])):
        return True
    if len(ws) == 1 and len(wf) >= 2 and _glued_given_name(wf[-1], ws[0]):
        return True  # «نادری» names «سید امیرنادری» (given name glued to the surname)
    if len(ws) == len(wf) >= 2 and ws[-1] == wf[-1] and all(_edit1(a, b) for a, b in zip(ws, wf)):
        return True
    return False


def role_key(role: str | None) -> str:
    return key(role or "")


#: place-type words that one mention of a scope may leave out («منطقه ۴ شهرداری تبریز» = «منطقه ۴ تبریز»)
_SCOPE_FILLERS = frozenset(key(w) for w in "شهر شهرداری شهرستان استان کشور".split())


@lru_cache(maxsize=1 << 16)  # pure; asked again and again for the same pairs of scopes
def scopes_compatible(a: str | None, b: str | None) -> bool:
    """Missing, equal, one inside the other, the same words up to place-type words, or a
    near-identical spelling (a typo)."""
    ka, kb = key(a or ""), key(b or "")
    if not ka or not kb or ka == kb or ka in kb or kb in ka:
        return True
    wa = {key(w) for w in fold(a or "").split()} - _SCOPE_FILLERS - {""}
    wb = {key(w) for w in fold(b or "").split()} - _SCOPE_FILLERS - {""}
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    if re.findall(r"\d+", ka) != re.findall(r"\d+", kb):  # «منطقه ۹» is not a typo of «منطقه ۲»
        return False
    return len(ka) > 8 and difflib.SequenceMatcher(None, ka, kb).ratio() >= 0.9


_SIGS: dict[tuple, tuple[str, str | None]] = {}


def role_sig(rm: RoleMention) -> tuple[str, str | None]:
    """What :func:`roles_compatible` reads of a title: (key of its member form, its scope)."""
    k = (rm.role, rm.plural, rm.org, rm.location)
    sig = _SIGS.get(k)
    if sig is None:
        if len(_SIGS) > 1 << 16:
            _SIGS.clear()
        r = rm.member_form()
        sig = _SIGS[k] = (role_key(r[0]), r[1] or rm.location)
    return sig


def _sigs_compatible(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    ka, kb = a[0], b[0]
    if not ka or not kb or not (ka == kb or ka.startswith(kb) or kb.startswith(ka)):
        return False
    return scopes_compatible(a[1], b[1])


def roles_compatible(a: RoleMention, b: RoleMention) -> bool:
    return _sigs_compatible(role_sig(a), role_sig(b))


@dataclass
class Referent:
    """One person (or one unnamed titled speaker) of the article."""

    id: int
    names: list[Span] = field(default_factory=list)
    roles: list[tuple[RoleMention, int]] = field(default_factory=list)  # (title, offset of the link)
    label: str | None = None  # text for an unnamed referent («وزیر کشور ایتالیا»)
    speaker: bool = False
    orgs: list[Span] = field(default_factory=list)
    # index of ``roles`` (distinct signatures, link starts), kept in step with appends to it
    _idx: tuple | None = field(default=None, repr=False, compare=False)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)  # derived values, see :meth:`memo`

    def memo(self, what: str, source: list, compute):
        """``compute()``, remembered while ``source`` (this referent's ``names`` or ``roles``) is
        the same list with the same length (both only grow by appends, or are replaced)."""
        hit = self._memo.get(what)
        if hit is not None and hit[0] is source and hit[1] == len(source):
            return hit[2]
        val = compute()
        self._memo[what] = (source, len(source), val)
        return val

    def _role_index(self) -> tuple[dict, set]:
        idx = self._idx
        if idx is None or idx[0] is not self.roles or idx[1] > len(self.roles):
            idx = self._idx = (self.roles, 0, {}, set())
        lst, n, sigs, starts = idx
        if n < len(lst):
            for rm, _ in lst[n:]:
                sigs.setdefault(role_sig(rm), None)
                starts.add(rm.start)
            self._idx = (lst, len(lst), sigs, starts)
        return sigs, starts

    @property
    def name(self) -> str | None:
        if not self.names:
            return None
        return self.memo("name", self.names, lambda: max(
            self.names, key=lambda s: (len(name_words(s.text)), len(key(s.text)))).text.strip("«» "))

    @property
    def display(self) -> str | None:
        return self.name or self.label

    def has_role(self, rm: RoleMention) -> bool:
        sig = role_sig(rm)
        return any(_sigs_compatible(s, sig) for s in self._role_index()[0])

    def add_role(self, rm: RoleMention, offset: int) -> None:
        if rm.start not in self._role_index()[1]:
            self.roles.append((rm, offset))


def title_fit(ref: Referent, rm: RoleMention) -> int:
    """How closely ``ref``'s titles fit ``rm``: 2 the same title with the same scope, 1 the same
    title, 0 only a compatible one (:func:`roles_compatible`)."""
    sig = role_sig(rm)
    best = 0
    for s in ref._role_index()[0]:
        if not _sigs_compatible(s, sig):
            continue
        if s[0] == sig[0]:
            best = max(best, 2 if s[1] and sig[1] and key(s[1]) == key(sig[1]) else 1)
    return best


@dataclass
class Coref:
    referents: list[Referent]
    by_per: dict[int, Referent]
    by_role: dict[int, Referent]
    events: list[tuple[SpeechEvent, Referent | None]]
    roles: list[RoleMention]
    apps: list[Apposition]
    subjects: list[tuple[int, Referent]] = field(default_factory=list)  # clause-initial people

    def referent_of(self, per: Span) -> Referent | None:
        return self.by_per.get(per.start)

    def current_speaker(self, offset: int) -> Referent | None:
        """What «وی» refers to at ``offset``: the last speaker, or a person who became the
        sentence subject after that speaker spoke."""
        cur, pos = None, -1
        for ev, ref in self.events:
            if ev.verb_start >= offset:
                break
            if ref is not None:
                cur, pos = ref, ev.verb_start
        later = [r for off, r in self.subjects if pos < off < offset]
        return later[-1] if later else cur

    def speaker_at(self, offset: int) -> Referent | None:
        """The speaker whose statement contains ``offset`` (None in narration)."""
        for ev, ref in self.events:
            if ev.statement is not None and ev.statement[0] <= offset < ev.statement[1]:
                return ref
        return None


def _cluster_people(pers: list[Span]) -> tuple[list[Referent], dict[int, Referent]]:
    refs: list[Referent] = []
    by_per: dict[int, Referent] = {}
    order = sorted(pers, key=lambda p: p.start)
    full = [p for p in order if len(name_words(p.text)) >= 2]
    short = [p for p in order if len(name_words(p.text)) < 2]
    # per referent: its distinct name texts (the tests below read only the text) and its sorted starts
    texts: list[dict[str, None]] = []
    starts: list[list[int]] = []

    def add(r: Referent, p: Span) -> None:
        r.names.append(p)
        texts[r.id].setdefault(p.text, None)
        bisect.insort(starts[r.id], p.start)
        by_per[p.start] = r

    def new() -> Referent:
        r = Referent(len(refs))
        refs.append(r)
        texts.append({})
        starts.append([])
        return r

    for p in full:
        hit = None
        for r in reversed(refs):
            if any(names_match(p.text, t) or names_match(t, p.text) for t in texts[r.id]):
                hit = r
                break
        add(hit if hit is not None else new(), p)
    for p in short:
        matching = [r for r in refs if any(names_match(p.text, t) for t in texts[r.id])]
        before = [r for r in matching if starts[r.id] and starts[r.id][0] < p.start]
        if before:
            hit = max(before, key=lambda r: starts[r.id][bisect.bisect_left(starts[r.id], p.start) - 1])
        else:
            hit = min(matching, key=lambda r: starts[r.id][0]) if matching else None
        add(hit if hit is not None else new(), p)
    return refs, by_per


_CACHE: dict[tuple, Coref] = {}


def analyze(doc: Document) -> Coref:
    """Referents, resolved speech events and title holders of ``doc`` (cached)."""
    fp = (doc.id, doc.text, tuple((e.label, e.start, e.end) for e in doc.entities))
    hit = _CACHE.get(fp)
    if hit is not None:
        return hit
    result = _analyze(doc)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[fp] = result
    return result


def _analyze(doc: Document) -> Coref:
    ents = sorted_entities(doc)
    roles = role_mentions(doc)
    apps = appositions(doc, roles)
    refs, by_per = _cluster_people([e for e in ents if e.label == "PER"])
    by_role: dict[int, Referent] = {}
    for a in apps:
        r = by_per[a.person.start]
        r.add_role(a.role, a.person.start)
        by_role[a.role.start] = r
    events = speech_events(doc)
    resolved: list[tuple[SpeechEvent, Referent | None]] = []
    current: Referent | None = None
    pending: list[tuple[Referent, int]] = []  # unnamed title/ORG speakers, with the event index

    def new_ref(label: str) -> Referent:
        r = Referent(len(refs), label=label)
        refs.append(r)
        return r

    def holder_of(rm: RoleMention) -> Referent | None:
        named = [r for r in refs if r.names and r.has_role(rm)]
        if named:
            # the person who holds this very title with this very scope before one whose title only
            # fits it (no scope, or a shorter title: «رئیس سابق یگان ...» vs «رئیس اداره کل ...»)
            return max(enumerate(named), key=lambda ir: (title_fit(ir[1], rm), ir[0]))[1]
        # a title given to a name later in the article («... گفت» ... «X، شهردار اردبیل»)
        for a in apps:
            if a.role.start != rm.start and roles_compatible(a.role, rm):
                return by_per[a.person.start]
        unnamed = [r for r, _ in pending if r.has_role(rm)]
        return unnamed[-1] if unnamed else None

    def merge(into: Referent, other: Referent) -> None:
        for rm, off in other.roles:
            into.add_role(rm, off)
        for k, v in list(by_role.items()):
            if v is other:
                by_role[k] = into
        for i, (ev_, r_) in enumerate(resolved):
            if r_ is other:
                resolved[i] = (ev_, into)
        other.label = None
        other.roles = []
        other.speaker = False
        into.orgs.extend(other.orgs)

    # names inside a statement (a person the speaker talks about) are not what a later «وی» refers to
    stm = sorted(ev.statement for ev in events if ev.statement is not None)
    stm_starts = [a for a, _ in stm]

    def in_statement(pos: int) -> bool:
        i = bisect.bisect_right(stm_starts, pos) - 1
        return any(stm[j][0] <= pos < stm[j][1] for j in range(i, max(-1, i - 3), -1))

    subjects = [(m.start, by_per[m.per.start]) for m in sentence_subjects(doc)
                if m.per is not None and m.per.start in by_per and not in_statement(m.start)]
    narrated = sorted((n for r in refs for n in r.names if not in_statement(n.start)), key=lambda n: n.start)
    narrated_ends = [n.end for n in narrated]

    def last_person_before(pos: int) -> Span | None:
        i = bisect.bisect_right(narrated_ends, pos) - 1
        return narrated[i] if i >= 0 else None

    def introduced_next(idx: int) -> bool:
        """The next speech event's subject is a name first mentioned after event ``idx`` (a title
        subject followed by a new name that goes on speaking: «دبیر هیئت ... گفت: ... X افزود: ...»)."""
        if idx + 1 >= len(events):
            return False
        nxt = events[idx + 1].subject
        if nxt is None or nxt.kind != "PER" or nxt.per is None or nxt.role is not None:
            return False
        r = by_per.get(nxt.per.start)
        return r is not None and min(n.start for n in r.names) > events[idx].verb_end

    for idx, ev in enumerate(events):
        subj: Mention | None = ev.subject
        ref: Referent | None = None
        pending = [(r, i) for r, i in pending if idx - i <= 4 and not r.names]
        if subj is None:
            ref = current
        elif subj.kind == "PER" and subj.per is not None:
            ref = by_per.get(subj.per.start)
            if ref is not None and subj.role is not None:
                ref.add_role(subj.role, subj.per.start)
                by_role[subj.role.start] = ref
            if ref is not None and pending:
                cand, _ = pending[-1]
                conflict = any(not any(roles_compatible(a, b) for b, _ in cand.roles) for a, _ in ref.roles) \
                    if ref.roles and cand.roles else False
                if not conflict:
                    merge(ref, cand)
                    pending = pending[:-1]
        elif subj.kind == "ROLE" and subj.role is not None:
            rm = subj.role
            ref = holder_of(rm)
            if ref is None and current is not None and current.names and not current.roles and not subj.also \
                    and resolved and resolved[-1][1] is current and not introduced_next(idx):
                ref = current
            if ref is None:
                ref = new_ref(subj.text)
                pending.append((ref, idx))
            ref.add_role(rm, rm.start)
            by_role[rm.start] = ref
        elif subj.kind in ("PRON", "DEM"):
            last_pos = next((e_.verb_start for e_, r_ in reversed(resolved) if r_ is not None), -1)
            later = [r for off, r in subjects if last_pos < off < subj.start]
            ref = later[-1] if later else current
            if ref is None:
                p = last_person_before(subj.start)
                ref = by_per.get(p.start) if p is not None else None
            if ref is not None and subj.role is not None:
                if not ref.has_role(subj.role) or ref.names:
                    ref.add_role(subj.role, subj.role.start)
                by_role[subj.role.start] = ref
        elif subj.kind == "ORG":
            ref = next((r for r, _ in pending if r.label and key(r.label) == key(subj.text)), None)
            if ref is None:
                ref = new_ref(subj.text)
                pending.append((ref, idx))
            if subj.org is not None:
                ref.orgs.append(subj.org)
        if ref is not None:
            ref.speaker = True
        resolved.append((ev, ref))
        current = ref if ref is not None else current
    live = [r for r in refs if r.names or r.label]
    return Coref(live, by_per, by_role, resolved, roles, apps, subjects)
