"""Speech events: who (a subject mention) says what (a statement span), before coreference.

A :class:`SpeechEvent` is one ``speech.*`` cue of ``pipeline/lexicons/cues.tsv`` (any tense: «گفت»,
«می‌گوید», «گفته است»; belief verbs «بر این باور است», «معتقد است») with

* its **subject**: the mention in subject position before the verb: a PER span, a role
  phrase («شهردار زنجان»), a pronoun («وی»), a demonstrative («این مسئول») or an ORG;
  names after prepositions («در دیدار با X») are never subjects;
* its **statement**: after a colon (running over the following lines until the next
  attribution, the end of the paragraph, or a finished sentence), or the reported clause
  («X از ... خبر داد», «X ... را ... عنوان کرد», «خواستار ... شد», «بر ... تأکید کرد»,
  «از مردم خواست ...», «به گفته X، ...»). «با بیان اینکه ...» background clauses before
  the verb are never statements.

Resolution of subjects to people is done in :mod:`pipeline.records.coref`.
"""
from __future__ import annotations

import bisect

import re
from dataclasses import dataclass, field

from pipeline.document import Document, Span
from pipeline.textkey import fold, key
from pipeline.lexicons.matcher import cue_classes
from pipeline.records.cues import lexicon_cues, word_set
from pipeline.records.mentions import RoleMention, appositions, role_mentions
from pipeline.records.textutil import TERMINAL, EntityIndex, next_word, prev_word, sorted_entities, words

#: words before a subject that keep it in subject position
_OPENERS = {"همچنین", "نیز", "سپس", "ضمنا", "ضمناً", "همچنان", "اما", "ولی", "و", "بعد", "آنگاه", "ادامه", "پایان", "ابتدای", "ابتدا"}
#: prepositions (and preposition-like nouns) that make the next mention an object, not a subject
_OBJECT_MARKERS = {"با", "به", "از", "برای", "تا", "بر", "درباره", "توسط", "بین", "میان", "دیدار", "حضور",
                   "ریاست", "همراهی", "سوی", "طرف", "نزد", "علیه", "مانند", "مثل", "چون", "گفته", "نقل",
                   "گزارش", "نوشته", "ملاقات", "نشست", "جلسه", "تذکری", "نامه", "همتای", "معاون", "تماس",
                   "اقامتگاه", "خانواده", "رهبری", "پیروزی"}
#: demonstratives that close a noun phrase («این جلسه», «همان نشست»)
_DEMONSTRATIVES = {"این", "آن", "همین", "همان"}
#: true prepositions among the object markers (never nouns closed by a demonstrative)
_PREPOSITIONS = {"با", "به", "از", "برای", "تا", "بر", "درباره", "توسط", "بین", "میان", "سوی", "طرف", "نزد", "علیه",
                 "مانند", "مثل", "چون"}
#: adverbial openers of a background segment before the statement («ضمن تبریک ...، X را ...»)
_ADVERBIAL = ("ضمن", "با", "در", "پس از", "بعد از", "طی", "همزمان با", "ضمن اشاره", "به مناسبت", "پیش از")


@dataclass(frozen=True)
class Mention:
    """A subject mention: kind PER | ROLE | PRON | DEM | ORG, its extent and its source."""

    kind: str
    start: int
    end: int
    text: str
    per: Span | None = None
    role: RoleMention | None = None
    org: Span | None = None
    also: bool = False  # followed by «نیز»: a new speaker


@dataclass
class SpeechEvent:
    verb_start: int
    verb_end: int
    verb: str
    frame: str
    colon: bool
    sent_start: int
    subject: Mention | None = None
    statement: tuple[int, int] | None = None
    extra: dict = field(default_factory=dict)


def _quote_depth_before(text: str, para_start: int, pos: int) -> int:
    seg = text[para_start:pos]
    return seg.count("«") - seg.count("»")


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _logical_start(doc: Document, pos: int) -> int:
    sent = doc.sentence_at(pos)
    start = sent.start if sent is not None else _line_start(doc.text, pos)
    return start


def _prev_nonblank_line(text: str, line_start: int) -> tuple[int, int] | None:
    i = line_start - 1
    while i > 0 and text[i - 1] in "\n \t":
        i -= 1
    if i <= 0:
        return None
    s = text.rfind("\n", 0, i) + 1
    return s, i


_PREFIX_END_RE = re.compile(r"[،,:]")


def _skip_report_prefix(doc: Document, s: int, e: int, index: EntityIndex | None = None) -> int:
    """After «به گزارش خبرگزاری ...،» (up to its comma) when the region starts with it; a name
    before that comma starts the clause («به نقل از دفتر فرماندار ... حسن نوری در ...، ...»)."""
    m = lexicon_cues("report_prefixes").search(doc.text, s, e)
    if m is not None and not doc.text[s:m.start].strip(" \u200c\n«»:،"):
        c = _PREFIX_END_RE.search(doc.text, m.end, e)
        if c is not None:
            if index is not None:
                per = next((x for x in index.within(m.end, c.start()) if x.label == "PER"), None)
                if per is not None:
                    return per.start
            return c.end()
    return s


class _Ctx:
    """Per-document lookups used while finding subjects."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.ents = sorted_entities(doc)
        self.index = EntityIndex(self.ents)
        self._covered: set[int] | None = None
        self.roles = role_mentions(doc)
        self.role_starts = {m.start: m for m in self.roles}
        self.apps = appositions(doc, self.roles)
        self.app_by_role = {a.role.start: a for a in self.apps}
        self.app_by_per = {a.person.start: a for a in self.apps}
        self.pronouns = word_set("pronouns")
        self.anaphoric = word_set("anaphoric_nouns")
        self.sources = [fold(x) for x in sorted(word_set("news_sources"))]

    @property
    def covered(self) -> set[int]:
        """Offsets inside an entity."""
        if self._covered is None:
            self._covered = {k for e in self.ents for k in range(e.start, e.end)}
        return self._covered

    def is_source(self, org: Span) -> bool:
        k = key(org.text)
        return any(k.startswith(s) for s in self.sources)


def _position_class(ctx: _Ctx, start: int, region_start: int) -> str:
    """good (clause-initial), bad (after a preposition) or weak (anything else)."""
    t = ctx.text
    i = start
    while i > region_start and t[i - 1] in " \t\u200c«\"":
        i -= 1
    if i <= region_start:
        return "good"
    if not t[i - 1].isalnum():
        return "good" if t[i - 1] in "،,:؛(\n-–—" else "weak"
    pw = prev_word(t, i)
    if pw is None:
        return "good"
    k = key(pw[2])
    if k in _OBJECT_MARKERS:
        # «در این جلسه X گفت»: a demonstrative closes the noun phrase, so X starts the clause
        ppw = prev_word(t, pw[0])
        if ppw is not None and key(ppw[2]) in _DEMONSTRATIVES and k not in _PREPOSITIONS:
            return "weak"
        return "bad"
    if k in _OPENERS:
        return "good"
    # a DATE right before («رضا امینی عصر سه‌شنبه ...» is after, but «صبح امروز X» is before)
    for e in ctx.index.ending_in(pw[1], i):
        if e.label == "DATE":
            return "good"
    return "weak"


def in_title(text: str, start: int, end: int, lo: int) -> bool:
    """Whether ``[start, end)`` lies inside a «...» (opened after ``lo``) that holds other words
    too: a word of a book, film or programme title, never a subject («در کتاب «X و Y» ...»)."""
    seg = text[lo:start]
    if seg.count("«") <= seg.count("»"):
        return False
    op = seg.rfind("«") + lo
    close = text.find("»", end)
    nl = text.find("\n", end)
    if close < 0 or (0 <= nl < close):
        return False
    return bool(text[op + 1:start].strip(" \u200c")) or bool(text[end:close].strip(" \u200c"))


def _candidates(ctx: _Ctx, s: int, e: int) -> list[Mention]:
    t = ctx.text
    out: list[Mention] = []
    role_starts = ctx.role_starts
    for ent in ctx.index.within(s, e):
        if in_title(t, ent.start, ent.end, s):
            continue
        if ent.label == "PER":
            app = ctx.app_by_per.get(ent.start)
            end = max(ent.end, app.role.end) if app and app.role.start >= ent.end else ent.end
            out.append(Mention("PER", ent.start, end, ent.text, per=ent, role=app.role if app else None))
        elif ent.label == "ROLE":
            m = role_starts.get(ent.start)
            if m is None:
                continue
            pw = prev_word(t, ent.start)
            if pw is not None and key(pw[2]) in ("این", "همین"):
                out.append(Mention("DEM", pw[0], m.end, t[pw[0]:m.end], role=m))
                continue
            app = ctx.app_by_role.get(m.start)
            if app is not None:
                p = app.person
                out.append(Mention("PER", min(p.start, m.start), max(p.end, m.end), p.text, per=p, role=m))
            else:
                start = m.start
                # «یکی از اعضای ...»
                pw2 = prev_word(t, start)
                if pw2 is not None and key(pw2[2]) == "از":
                    pw3 = prev_word(t, pw2[0])
                    if pw3 is not None and key(pw3[2]) in ("یکی", "یک"):
                        start = pw3[0]
                out.append(Mention("ROLE", start, m.end, t[start:m.end], role=m))
        elif ent.label == "ORG" and not ctx.is_source(ent):
            out.append(Mention("ORG", ent.start, ent.end, ent.text, org=ent))
    for ws, we, w in words(t, s, e):
        k = key(w)
        if k in ctx.pronouns:
            if ctx.index.covering(ws) is not None:
                continue
            out.append(Mention("PRON", ws, we, w))
        elif k in ("این", "همین"):
            nw = next_word(t, we)
            if nw is None:
                continue
            nk = key(nw[2])
            if nk in ctx.anaphoric and nw[0] not in ctx.covered:
                end = nw[1]
                nw2 = next_word(t, end)
                if nw2 is not None and key(nw2[2]) in ("ارشد", "ایالتی", "محلی", "مسئول"):
                    end = nw2[1]
                out.append(Mention("DEM", ws, end, t[ws:end]))
    # drop mentions nested in others (a PER inside a ROLE+PER mention)
    out.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in out:
        if kept and m.start < kept[-1].end and m.kind != "PER":
            continue
        if kept and m.start < kept[-1].end and m.kind == "PER" and kept[-1].kind == "PER":
            continue
        kept.append(m)
    return kept


def find_subject(ctx: _Ctx, s: int, e: int) -> Mention | None:
    """The subject mention of a clause ``[s, e)`` that ends with a speech verb."""
    s = _skip_report_prefix(ctx.doc, s, e, ctx.index)
    cands = [m for m in _candidates(ctx, s, e)]
    if not cands:
        return None
    ranked: list[tuple[int, int, Mention]] = []
    for i, m in enumerate(cands):
        pos = _position_class(ctx, m.start, s)
        if pos == "bad":
            continue
        rank = (0 if pos == "good" else 1) + (2 if m.kind == "ORG" else 0)
        ranked.append((rank, i, m))
    if not ranked:
        return None
    ranked.sort(key=lambda x: (x[0], x[1]))
    m = ranked[0][2]
    nw = next_word(ctx.text, m.end)
    if nw is not None and key(nw[2]) == "نیز":
        m = Mention(m.kind, m.start, m.end, m.text, m.per, m.role, m.org, also=True)
    return m


def sentence_subjects(doc: Document, ctx: _Ctx | None = None) -> list[Mention]:
    """Clause-initial PER mentions of every sentence (what a later «وی» may refer to)."""
    ctx = _Ctx(doc) if ctx is None else ctx
    out: list[Mention] = []
    for sent in doc.sentences:
        s = _skip_report_prefix(doc, sent.start, sent.end, ctx.index)
        for m in _candidates(ctx, s, sent.end):
            if m.kind == "PER" and _position_class(ctx, m.start, s) == "good":
                out.append(m)
                break
    return out


def _strip_background(ctx: _Ctx, s: int, e: int) -> int:
    """Skip DATEs, «نیز», and adverbial segments «ضمن ...،» / «با اشاره به ...،» at the start."""
    t = ctx.text
    changed = True
    while changed and s < e:
        changed = False
        while s < e and t[s] in " \t\n\u200c،,":
            s += 1
        for ent in ctx.index.within(s, e)[:1]:
            if ent.label == "DATE" and ent.start == s:
                s = ent.end
                changed = True
        nw = next_word(t, s)
        if nw is not None and nw[1] <= e and key(nw[2]) in ("نیز", "همچنین"):
            s = nw[1]
            changed = True
            continue
        seg = fold(t[s:e])
        if any(seg.startswith(a + " ") for a in _ADVERBIAL):
            comma = re.compile(r"[،,]").search(t, s, e)
            if comma is not None:
                s = comma.end()
                changed = True
    return s


def _clause_end_after(text: str, pos: int) -> bool:
    """Whether a verb ending at ``pos`` ends its clause (reported speech before it)."""
    rest = text[pos:pos + 12]
    stripped = rest.lstrip(" \t\u200c")
    if not stripped or stripped[0] in ".،,؛!؟?\n»":
        return True
    nw = next_word(text, pos)
    return nw is not None and key(nw[2]) in ("و", "که", "تا")


#: how each speech cue class (``pipeline/lexicons/cues.tsv``) frames its statement
FRAMES = {"say": "say", "object": "say", "belief": "after", "from": "from", "after": "after", "frame": "frame"}


def _reported_after(text: str, pos: int) -> bool:
    """Whether a clause of at least three words, ending with a finite verb, follows ``pos`` in its sentence."""
    from pipeline.records.clauses import looks_finite

    end = _sentence_end(text, pos)
    ws = [key(w) for _, _, w in words(text, pos, end)]
    return len(ws) >= 3 and looks_finite(ws)


def _quoted_extent(text: str, s: int, e: int) -> tuple[int, int]:
    """A statement ``[s, e)`` that opens with «: only up to the matching » («او گفت «...» و رفت»)."""
    i = s
    while i < e and text[i] in " \t\u200c":
        i += 1
    if i >= e or text[i] != "«":
        return s, e
    depth = 0
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    for j in range(i, line_end):
        c = text[j]
        if c == "«":
            depth += 1
        elif c == "»":
            depth -= 1
            if depth == 0:
                return i + 1, j
    return s, e


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[.!؟?\n]").search(text, pos)
    return m.start() if m else len(text)


def speech_events(doc: Document) -> list[SpeechEvent]:
    """All speech events of ``doc`` in text order, statements included (see module doc)."""
    ctx = _Ctx(doc)
    t = doc.text
    ft = fold(t)
    cues = cue_classes()
    events: list[SpeechEvent] = []
    for cm in cues.finditer(ft, "speech", folded=True):
        para = _line_start(t, cm.start)
        if _quote_depth_before(t, para, cm.start) > 0:
            continue  # inside «...»
        after = ft[cm.end:cm.end + 4]
        colon = bool(re.match(r"^[\s\u200c]*:", after))
        sent_start = _logical_start(doc, cm.start)
        ev = SpeechEvent(cm.start, cm.end, cm.cue, FRAMES[cm.label], colon, sent_start)
        region_end = cm.start if ev.frame != "frame" else cm.start
        subj = find_subject(ctx, sent_start, region_end)
        if subj is None:
            # wrapped lines (old web copies): the clause may start on an earlier line
            prev = _prev_nonblank_line(t, sent_start)
            if prev is not None and t[prev[1] - 1] not in TERMINAL + ":؛" and cm.start - prev[0] < 400:
                subj = find_subject(ctx, prev[0], region_end)
                if subj is not None:
                    ev.sent_start = sent_start = prev[0]
        ev.subject = subj
        if subj is None and not colon:
            continue
        # the statement
        if colon:
            ev.statement = None  # filled below, once all attribution starts are known
        elif ev.frame == "frame" and cm.gap is not None:
            ev.statement = cm.gap
        elif ev.frame == "after":
            s = cm.end
            nw = next_word(t, s)
            if nw is not None and key(nw[2]) in ("که", "تا"):
                s = nw[1]
            ev.statement = _quoted_extent(t, s, _sentence_end(t, s))
        elif ev.frame == "from":
            s0 = subj.end if subj is not None else sent_start
            s0 = _strip_background(ctx, s0, cm.start)
            for ws, we, w in words(t, s0, cm.start):
                if key(w) == "از" and ws not in ctx.covered:
                    ev.statement = (we, cm.start)
                    break
        elif (nw := next_word(t, cm.end)) is not None and key(nw[2]) == "که" and cm.label == "say":
            # «X گفت که ...»: the statement follows «که»
            ev.statement = _quoted_extent(t, nw[1], _sentence_end(t, nw[1]))
        elif cm.label == "say" and not _clause_end_after(t, cm.end) and _reported_after(t, cm.end):
            # «X گفت بودجه ... تأمین شده است»: no colon, the statement follows the verb
            ev.statement = _quoted_extent(t, cm.end, _sentence_end(t, cm.end))
        else:  # say, reported
            if not _clause_end_after(t, cm.end):
                ev.statement = None
                ev.extra["no_statement"] = True
            else:
                s0 = subj.end if subj is not None else sent_start
                s0 = _strip_background(ctx, s0, cm.start)
                if key(cm.cue).startswith(key("تأکید")) or key(cm.cue).startswith(key("تاکید")):
                    for ws, we, w in words(t, s0, cm.start):
                        if key(w) == "بر":
                            s0 = we
                            break
                ev.statement = (s0, cm.start)
        events.append(ev)
    # «به گفته X، ...»
    for m in re.finditer(r"به[\s\u200c]*گفته[\s\u200c]+", ft):
        comma = re.compile(r"[،,]").search(t, m.end(), _sentence_end(t, m.end()))
        if comma is None:
            continue
        cands = _candidates(ctx, m.end(), comma.start())
        if not cands:
            continue
        ev = SpeechEvent(m.start(), m.end(), "به گفته", "according", False, _logical_start(doc, m.start()),
                         subject=cands[0], statement=(comma.end(), _sentence_end(t, comma.end())))
        events.append(ev)
    events.sort(key=lambda e: e.verb_start)
    # colon statements: run until the next attribution, a finished paragraph, or 3 wrapped lines
    starts = sorted({e.sent_start for e in events if e.subject is not None})
    for ev in events:
        if not ev.colon:
            continue
        c = t.index(":", ev.verb_end)
        ev.statement = _colon_extent(t, c + 1, starts)
    # drop empty statements (but keep the events: they still move the speaker)
    for ev in events:
        if ev.statement is not None:
            s, e = ev.statement
            while s < e and t[s] in " \t\n\u200c«\"،,":
                s += 1
            while e > s and t[e - 1] in " \t\n\u200c،,":
                e -= 1
            ev.statement = (s, e) if len(words(t, s, e)) >= 2 else None
    return events


def _colon_extent(t: str, start: int, starts: list[int]) -> tuple[int, int]:
    pos = start
    while pos < len(t) and t[pos] in " \t\u200c":
        pos += 1
    if pos < len(t) and t[pos] == "\n":
        while pos < len(t) and t[pos] in " \t\n\u200c":
            pos += 1
    qstart = pos
    lines = 0
    end = pos
    while pos < len(t):
        line_end = t.find("\n", pos)
        line_end = len(t) if line_end < 0 else line_end
        k = bisect.bisect_right(starts, pos)  # ``starts`` is sorted: the first start after ``pos``
        stop = starts[k] if k < len(starts) and starts[k] < line_end else None
        if stop is not None:
            return qstart, stop
        end = line_end
        seg = t[qstart:end].rstrip(" \t\u200c")
        if not seg or seg[-1] in TERMINAL or lines >= 3:
            break
        nxt = line_end
        while nxt < len(t) and t[nxt] in " \t\n\u200c":
            nxt += 1
        if nxt >= len(t) or nxt in starts:
            break
        pos = nxt
        lines += 1
    return qstart, end
