"""The ``repair`` entity stage: fix common tagger slips before the records read the entities.

:func:`repair_document` replaces ``doc.entities`` with the repaired spans, so the output's
entities are exactly what the record rules use. Every repair is a general Persian
news pattern, and each one is conservative (it needs a lexicon word or punctuation to fire):

* a PER that covers only part of a name written between guillemets («ژان دوپون» tagged
  «دوپون») takes the whole guillemet text; a short «...» right before a title
  («ژان دوپون» شهردار لیون), untagged or tagged ORG/LOC but holding no org head, place type,
  known place or known organization, is a name;
* brackets never stay in a PER/ORG/LOC: the first bracket-free piece is kept («امیر مؤمنان علی) ع (»
  of older text, «حسین [ع]» -> «حسین»), a bracketed honorific alone («(ره)») is dropped; a span
  that stops right before its closing guillemet takes it («هفته‌نامه «نیوزویک»»);
* two PER spans separated by a space only («ژان» + «دوپون») are one name;
* a title that is the whole text between guillemets («سفیر», «آقای شهردار» as the name of a film,
  a book or a series) is a work's name, not a ROLE; a holy honorific written without brackets at
  the end of a name («امام‌حسین ع») is not part of it;
* a given name tagged alone (as PER or LOC) with the next, untagged word before a title
  («زهرا» + «کریمی» + «عضو ...») is one name with that word; an untagged given name right
  before a PER («نسرین» + «کریمی‌نژاد») belongs to it;
* a given name with its surname tagged as a place or organization («محمد» + LOC «اسماعیل نوری»,
  «علیرضا» + ORG «رزم حسینی», LOC «پیمان نوری») is one name when a speech verb, a title or
  «(را) به عنوان» + title follows; known places and words that head places or organizations never are;
* a lone untagged word at a sentence start before a colon speech verb («کریمی افزود:», also after a
  connective: «کریمی در ادامه افزود:») is a surname (pronouns, titles, institution words excluded);
* a lowercase Latin word is never a name (metadata keys such as ``date``);
* a ROLE that runs on into a coordinated group title («شهردار و اعضای» + ORG) is two titles;
* an ORG that starts with a plural people noun («شهرداران استان ...») is a group title (ROLE);
* ROLE/ORG boundaries (README "ROLE and ORG boundaries"): lists split at «،» (and ORGs at «و»
  between two org heads), a title after a closing adjective, ORGs ending on «عالی/کل» or before
  a name pair or a place extended, council members as one group ROLE, a title's department
  words taken back from the next ORG; a state's name or a lone place tagged ORG (also after an
  area word: «استان قم») is a LOC, a
  surname tagged ORG before a colon speech verb a PER;
* a title of two or more words ending on a department word, cut before «و», takes the one to three
  untagged words after «و» when «و» + a person or its organization follows («مدیرکل برنامه‌ریزی و
  سرمایه انسانی و» PER);
* an untagged title right before an ORG or LOC at a clause start is a ROLE («مسئول کمیته ...
  گفت», «عضو کمیسیون ... اظهار داشت»; words that are titles only there: org_title_heads.txt);
* a PER ends at its last name word: a list number before it («۲۱- سنایی»), a dash or a connective
  after it («مهرداد خدیر-», «حسینی همچنین») are out, and a connective is never an untagged surname;
* after a place's official (شهردار، استاندار، فرماندار، بخشدار، دهیار) a place tagged ORG is a LOC, even
  when an agency shares its name («استاندار فارس»);
* a ROLE «A و B» between two names («X، وزیر خارجه و مشاور امنیت ملی Y») is two titles.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from pipeline.document import Document, Span
from pipeline.lexicons import load_lexicon, load_table, word_set
from pipeline.lexicons.matcher import cue_classes
from pipeline.textkey import fold, key
from pipeline.records.textutil import PUNCT_GAP_RE, words

_SPACE_GAP_RE = re.compile(r"^[ \t\u200c]+$")
_LATIN_RE = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
#: function words that never end a name («زهرا در ...», «علی و ...»)
_FUNCTION = frozenset(key(w) for w in "و در به از با که را برای تا این آن نیز هم بر طی ضمن یا اما ولی همانند مانند نظیر مثل چون".split())
_GUILLEMET_RE = re.compile(r"«([^«»\n]{2,60})»")
MAX_GUILLEMET_WORDS = 4


def _span(text: str, label: str, s: int, e: int, like: Span | None = None) -> Span:
    return Span(label, s, e, text[s:e], like.score if like is not None else None)


def _inside(ents: list[Span], s: int, e: int) -> list[Span]:
    return [x for x in ents if x.start < e and s < x.end]


def _drop_latin_lowercase(text: str, ents: list[Span]) -> list[Span]:
    """A PER that is a lowercase Latin word («date», «source») is markup, not a name."""
    return [e for e in ents if not (e.label == "PER" and _LATIN_RE.match(e.text.strip())
                                    and not any(c.isupper() for c in e.text))]


#: brackets never belong to a name, an organization or a place (the gold spans hold none); older
#: (Bijankhan-era) text writes them mirrored around honorifics («علی) ع (») and brackets honorifics
#: («(ره)», «[ع]», «(علیه‌السلام)»)
_BRACKET_RE = re.compile(r"[()\[\]{}]")
#: bracketed honorific abbreviations and formulas after a holy name: never a name by themselves
_BRACKET_HONORIFICS = frozenset(key(w) for w in (
    "ع ره عج ص س رض علیه‌السلام علیهاالسلام علیهم‌السلام علیه السلام علیها السلام علیهم السلام "
    "صلی‌الله‌علیه‌وآله قدس‌سره سلام‌الله‌علیها").split())
_NAME_LABELS = ("PER", "ORG", "LOC")


def _segment_words(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    return [w for w in words(text, s, e) if any(c.isalpha() for c in w[2])]


def _trim_brackets(text: str, ents: list[Span]) -> list[Span]:
    """A PER/ORG/LOC with a bracket in it keeps its first bracket-free piece that holds a word other
    than a bracketed honorific («امیر مؤمنان علی) ع (» -> «امیر مؤمنان علی», «حسین [ع» -> «حسین»);
    a span with no such piece («(», «(ره)», «(علیهاالسلام)») is dropped."""
    out: list[Span] = []
    for x in ents:
        if x.label not in _NAME_LABELS or not _BRACKET_RE.search(x.text):
            out.append(x)
            continue
        cuts = [x.start] + [x.start + m.start() for m in _BRACKET_RE.finditer(x.text)] + [x.end]
        kept = None
        for a, b in zip(cuts, cuts[1:]):
            ws = _segment_words(text, a, b)
            if ws and not all(key(w) in _BRACKET_HONORIFICS for _, _, w in ws) \
                    and key(" ".join(w for _, _, w in ws)) not in _BRACKET_HONORIFICS:
                kept = (ws[0][0], ws[-1][1])
                break
        if kept is not None:
            out.append(_span(text, x.label, kept[0], kept[1], x))
    return out


#: what may stand between a guillemet and the span it encloses
_PAD = " \t\u200c"


def _work_titles(text: str, ents: list[Span]) -> list[Span]:
    """A ROLE that is all the text between a pair of guillemets names a work («ساخت فیلم «سفیر»»):
    dropped."""
    out: list[Span] = []
    for x in ents:
        if x.label == "ROLE":
            before = text[:x.start].rstrip(_PAD)
            after = text[x.end:].lstrip(_PAD)
            if before.endswith("«") and after.startswith("»"):
                continue
        out.append(x)
    return out


#: honorific abbreviations written after a holy name without brackets («امام‌حسین ع»)
_BARE_HONORIFICS = frozenset(key(w) for w in "ع عج ص س".split())


def _trim_bare_honorific(text: str, ents: list[Span]) -> list[Span]:
    """A PER of two or more words whose last word is a bare honorific abbreviation drops it."""
    out: list[Span] = []
    for x in ents:
        if x.label == "PER":
            ws = _segment_words(text, x.start, x.end)
            if len(ws) >= 2 and key(ws[-1][2]) in _BARE_HONORIFICS:
                x = _span(text, "PER", x.start, ws[-2][1], x)
        out.append(x)
    return out


#: connectives that may follow a name and never end one («حسینی همچنین یادآور شد»)
_CONNECTIVES = _FUNCTION | frozenset(key(w) for w in "همچنین سپس ضمنا ضمناً".split())


def _trim_list_marks(text: str, ents: list[Span]) -> list[Span]:
    """A PER starts at its first word and ends at its last name word: a list number or a dash before
    it («۲۱- سنایی»), a dash after it («مهرداد خدیر-») and a connective after it («حسینی همچنین»)
    are not part of it."""
    out: list[Span] = []
    for x in ents:
        if x.label == "PER" and (not x.text[:1].isalpha() or not x.text[-1:].isalpha()
                                 or key(x.text.split()[-1]) in _CONNECTIVES):
            ws = [w for w in _segment_words(text, x.start, x.end) if w[2][:1].isalpha()]
            while len(ws) > 1 and key(ws[-1][2]) in _CONNECTIVES:
                ws.pop()
            if not ws:
                continue
            end = ws[-1][1]
            while end > ws[-1][0] and not text[end - 1].isalpha():
                end -= 1
            x = _span(text, "PER", ws[0][0], end, x)
        out.append(x)
    return out


def _close_guillemets(text: str, ents: list[Span]) -> list[Span]:
    """An ORG/LOC/PER that opens a guillemet and stops right before its closing one takes it
    («هفته‌نامه «نیوزویک» + «»» -> «هفته‌نامه «نیوزویک»»); one that ends on a lone opening
    guillemet drops it."""
    out: list[Span] = []
    for x in ents:
        if x.label in _NAME_LABELS and x.text.count("«") > x.text.count("»"):
            if text[x.end:x.end + 1] == "»" and x.text.count("«") == x.text.count("»") + 1:
                x = _span(text, x.label, x.start, x.end + 1, x)
            elif x.text.rstrip(" \t\u200c").endswith("«"):
                head = x.text.rstrip(" \t\u200c")[:-1].rstrip(" \t\u200c")
                if not head:
                    continue
                x = _span(text, x.label, x.start, x.start + len(head), x)
        out.append(x)
    return out


def _merge_adjacent_per(text: str, ents: list[Span]) -> list[Span]:
    """«ژان» + «دوپون» (space only between): one name."""
    out: list[Span] = []
    for e in ents:
        if out and e.label == "PER" and out[-1].label == "PER" and _SPACE_GAP_RE.match(text[out[-1].end:e.start]):
            out[-1] = _span(text, "PER", out[-1].start, e.end, out[-1])
            continue
        out.append(e)
    return out


def _guillemet_names(text: str, ents: list[Span]) -> list[Span]:
    """Names written between guillemets: complete a partial PER, or tag one before a title."""
    heads = word_set("org_heads") | word_set("place_types")
    for m in _GUILLEMET_RE.finditer(text):
        s, e = m.start(1), m.end(1)
        inner = text[s:e]
        ws = words(text, s, e)
        if not ws or len(ws) > MAX_GUILLEMET_WORDS or re.search(r"\d", fold(inner)) \
                or key(ws[0][2]) in heads or any(key(w) in _FUNCTION for _, _, w in ws):
            continue
        s, e = ws[0][0], ws[-1][1]
        over = _inside(ents, s, e)
        if over and all(x.label == "PER" for x in over) and all(s <= x.start and x.end <= e for x in over):
            if len(over) == 1 and (over[0].start, over[0].end) == (s, e):
                continue
            ents = [x for x in ents if x not in over] + [_span(text, "PER", s, e, over[0])]
            continue
        # an untagged «...» followed by a title: «ژان دوپون» شهردار لیون
        later = sorted((x for x in ents if x.start >= m.end()), key=lambda x: x.start)[:1]
        after = later[0] if later else None
        gap = text[m.end():after.start] if after is not None else ""
        titled = after is not None and after.label == "ROLE" and PUNCT_GAP_RE.match(gap) and "\n" not in gap \
            and gap.count("،") <= 1
        if over:
            # the same, tagged as an organization or a place: «اولگ کیپر»، فرماندار اودسا
            if titled and len(over) == 1 and over[0].label in ("ORG", "LOC") \
                    and (over[0].start, over[0].end) == (s, e) and not _named_body_or_place(text, s, e, heads):
                ents = [x for x in ents if x is not over[0]] + [_span(text, "PER", s, e, over[0])]
            continue
        if titled:
            ents = ents + [_span(text, "PER", s, e)]
    return sorted(ents, key=lambda x: x.start)


def _named_body_or_place(text: str, s: int, e: int, heads: frozenset[str]) -> bool:
    """``text[s:e]`` holds an org head or place type word, or is a known place or organization."""
    lx = _lx()
    toks = _toks(text, s, e)
    return any(t.key in heads for t in toks) or not toks or lx["place"].match(toks, 0) == len(toks) \
        or lx["known_org"].match(toks, 0) == len(toks) or lx["org"].match(toks, 0) > 0


def _surname_before_speech(text: str, ws: list[tuple[int, int, str]], ents: list[Span]) -> int | None:
    """End of the surname words in ``ws`` (one or two untagged words, no function word, title word or
    verb form) when a speech verb follows them right away; else None."""
    roles = word_set("roles")
    for n in (1, 2):
        if len(ws) < n:
            break
        part = ws[:n]
        if any(key(w) in _CONNECTIVES or key(w) in roles or fold(w).startswith("می") for _, _, w in part) \
                or any(y.start < part[-1][1] and part[0][0] < y.end for y in ents):
            return None
        if n == 2 and not _SPACE_GAP_RE.match(text[part[0][1]:part[1][0]]):
            return None
        end = part[-1][1]
        vm = cue_classes().search(text, "speech", end, min(len(text), end + 40))
        if vm is not None and not text[end:vm.start].strip(" \t\u200c"):
            return end
    return None


#: a colon after optional spaces / ZWNJ (the colon of a speech verb «X گفت:»)
_COLON_RE = re.compile(r"[ \t\u200c]*:")


def _given_name_surname(text: str, ents: list[Span]) -> list[Span]:
    """«زهرا» (PER/LOC) + untagged surname + title -> one PER; untagged given name + PER -> one PER.

    Given names come from the broad list (``given_names_broad``, ~16k) and the hand list; whether the
    PER already starts with a given name is checked on the hand list only (the broad list also holds
    words that are surnames too, such as «کاظمی»)."""
    curated = word_set("given_names")
    given = curated | word_set("given_names_broad")
    particles = word_set("name_particles")
    out = list(ents)
    for i, x in enumerate(ents):
        # 1) a given name tagged alone, its surname left out, a title right after
        if x.label in ("PER", "LOC") and len(x.text.split()) == 1 and key(x.text) in given:
            ws = words(text, x.end, min(len(text), x.end + 40))
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if ws and _SPACE_GAP_RE.match(text[x.end:ws[0][0]]) and nxt is not None:
                ws0, we0, w = ws[0]
                gap = text[we0:nxt.start]
                if key(w) not in _FUNCTION and not any(y.start < we0 and ws0 < y.end for y in ents) \
                        and nxt.label == "ROLE" and PUNCT_GAP_RE.match(gap) and "\n" not in gap and gap.count("،") <= 1:
                    out[out.index(x)] = _span(text, "PER", x.start, we0, x)
                    continue
            # 1b) ... or one or two untagged surname words and then a speech verb («علیرضا رزم حسینی افزود:»)
            if ws and _SPACE_GAP_RE.match(text[x.end:ws[0][0]]):
                end = _surname_before_speech(text, ws[:2], ents)
                if end is not None:
                    out[out.index(x)] = _span(text, "PER", x.start, end, x)
                    continue
        # 2) an untagged given name right before a PER («نسرین» + «کریمی‌نژاد»)
        if x.label == "PER":
            ws = words(text, max(0, x.start - 30), x.start)
            if not ws or not _SPACE_GAP_RE.match(text[ws[-1][1]:x.start]):
                continue
            ps, pe, pw = ws[-1]
            first = key(x.text.split()[0]) if x.text.split() else ""
            if key(pw) in given and first not in curated and first not in particles \
                    and not any(y.start < pe and ps < y.end for y in ents):
                out[out.index(x)] = _span(text, "PER", ps, x.end, x)
    return sorted(out, key=lambda e: e.start)


_DIGIT_RE = re.compile(r"\d")
_TITLE_AFTER_RE = re.compile(r"^[ \t\u200c]*(?:(?:را[ \t\u200c]+)?به[ \t\u200c]*عنوان[ \t\u200c]+)")


def _name_evidence(text: str, end: int, nxt: Span | None) -> bool:
    """What follows a name at ``end``: a speech verb right away («... افزود:»), a title after a comma
    or space, or «(را) به عنوان» + a title."""
    vm = cue_classes().search(text, "speech", end, min(len(text), end + 40))
    if vm is not None and not text[end:vm.start].strip(" \t\u200c"):
        return True
    if nxt is None or nxt.label != "ROLE":
        return False
    gap = text[end:nxt.start]
    if PUNCT_GAP_RE.match(gap) and "\n" not in gap and gap.count("،") <= 1:
        return True
    m = _TITLE_AFTER_RE.match(fold(gap))
    return m is not None and m.end() == len(gap)


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    return frozenset(key(p) for p in load_table("places"))


def _surname_as_place(text: str, ents: list[Span]) -> list[Span]:
    """«محمد» (PER) + LOC/ORG «اسماعیل نوری», or LOC/ORG «پیمان نوری» starting with a given name, with
    a speech verb or a title after it: one PER. The LOC/ORG has at most three words, is not a known
    place and holds no place-type or organization-head word."""
    given = word_set("given_names") | word_set("given_names_broad")
    blocked = word_set("place_types") | word_set("org_heads") | word_set("generic_orgs") | _FUNCTION
    places = _place_keys()
    out: list[Span] = []
    for i, x in enumerate(ents):
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        ws = x.text.split()
        if x.label not in ("LOC", "ORG") or not 1 <= len(ws) <= 3 or "\n" in x.text or key(x.text) in places \
                or any(key(w) in blocked or _DIGIT_RE.search(fold(w)) for w in ws) \
                or not _name_evidence(text, x.end, nxt):
            out.append(x)
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.label == "PER" and _SPACE_GAP_RE.match(text[prev.end:x.start]) \
                and prev.text.split() and key(prev.text.split()[-1]) in given and len(ws) <= 2:
            out[-1] = _span(text, "PER", prev.start, x.end, prev)
            continue
        if len(ws) >= 2 and key(ws[0]) in given and key(ws[-1]) not in given:
            out.append(dataclasses.replace(x, label="PER"))
            continue
        out.append(x)
    return out


#: the first word of a sentence and the space after it
_SUBJECT_RE = re.compile(r"[ \t\u200c]*([^\W\d_]+(?:\u200c[^\W\d_]+)*)[ \t\u200c]+")


#: discourse connectives between a speaker and a colon speech verb («در ادامه», «همچنین», «نیز»), folded text
_CONNECTIVE_RE = re.compile(fold(
    r"(?:همچنین|نیز|سپس|ضمنا|در ادامه(?:[ \t\u200c]+سخنان[ \t\u200c]+خود)?|در پایان|"
    r"در این (?:باره|خصوص|زمینه|رابطه))[ \t\u200c]+"))


def _speech_subject_surnames(text: str, ents: list[Span], starts: list[int]) -> list[Span]:
    """«کریمی افزود: ...» at the start of a sentence: a lone untagged word that is the subject of
    a colon speech verb is a surname, unless it is a pronoun, a title, an institution or a
    function word («وی گفت:», «شهردار افزود:», «سازمان اعلام کرد:»). ``starts``: sentence start offsets."""
    verbs = cue_classes()
    not_names = (word_set("pronouns") | word_set("anaphoric_nouns") | word_set("group_nouns") | word_set("org_heads")
                 | word_set("generic_orgs") | word_set("honorifics") | word_set("news_sources") | _FUNCTION
                 | {key(r.split()[0]) for r in load_lexicon("roles") if r.split()})
    ft = fold(text)
    out = list(ents)
    for start in starts:
        m = _SUBJECT_RE.match(text, start)
        if m is None:
            continue
        s, e = m.start(1), m.end(1)
        k = key(m.group(1))
        if k in not_names or len(k) < 3 or any(x.start < e and s < x.end for x in ents):
            continue
        vstart = m.end()
        cm = _CONNECTIVE_RE.match(ft, vstart)
        if cm is not None:  # «هرش در ادامه افزود:», «کریمی همچنین گفت:»
            vstart = cm.end()
        vm = verbs.search(ft, "speech", vstart, min(len(text), vstart + 40), folded=True)
        if vm is None or vm.start != vstart or not _COLON_RE.match(text, vm.end):
            continue
        out.append(_span(text, "PER", s, e))
    return sorted(out, key=lambda x: x.start)


def _split_coordinated_group_role(text: str, ents: list[Span]) -> list[Span]:
    """«شهردار و اعضای» (+ ORG): a title coordinated with a group title is two titles."""
    groups = word_set("group_nouns")
    out: list[Span] = []
    for x in ents:
        if x.label == "ROLE":
            m = re.search(r"\s+و\s+", x.text)
            if m is not None:
                rest = x.text[m.end():].split()
                if rest and key(rest[0]) in groups and x.text[:m.start()].strip():
                    out.append(_span(text, "ROLE", x.start, x.start + m.start(), x))
                    out.append(_span(text, "ROLE", x.start + m.end(), x.end, x))
                    continue
        out.append(x)
    return out


def _group_orgs_as_roles(text: str, ents: list[Span]) -> list[Span]:
    """«شهرداران استان زنجان» tagged ORG: a plural people noun heads a group title."""
    groups = word_set("group_nouns") - word_set("org_heads")  # «هیئت» heads boards: «هیئت جودوی استان»
    out = []
    for x in ents:
        ws = x.text.split()
        if x.label == "ORG" and ws and key(ws[0]) in groups:
            x = dataclasses.replace(x, label="ROLE")
        out.append(x)
    return out


_GROUP_HEAD_RE = re.compile(r"(?:\d{1,3}[،٬,.٫])+$")


def _extend_grouped_numbers(text: str, ents: list[Span]) -> list[Span]:
    """A FIG that starts inside a grouped number («۱،۲۳۴،» + «۵۶۷ ریال») takes the whole number."""
    ft = fold(text)
    out = []
    for x in ents:
        if x.label == "FIG" and x.start > 0 and ft[x.start].isdigit():
            m = _GROUP_HEAD_RE.search(ft, max(0, x.start - 24), x.start)
            head = re.match(r"\d{3}", ft[x.start:])
            if m is not None and head is not None and not (m.start() > 0 and ft[m.start() - 1].isdigit()) \
                    and not any(y.start < x.start and y.end > m.start() for y in ents if y is not x):
                x = _span(text, "FIG", m.start(), x.end, x)
        out.append(x)
    return out


def repair_entities(text: str, ents: list[Span], sentence_starts: list[int] | None = None) -> list[Span]:
    """The entity spans with the repairs of the module docstring applied, in text order.

    ``sentence_starts``: start offsets of the document's sentences (``doc.sentences``); when not
    given they come from :func:`pipeline.tokenize.sentences_of`, the one sentence splitter.
    """
    if sentence_starts is None:
        from pipeline.tokenize import sentences_of

        sentence_starts = [s.start for s in sentences_of(text)]
    ents = sorted(ents, key=lambda e: (e.start, e.end))
    for fix in (_extend_grouped_numbers, _drop_latin_lowercase, _trim_brackets, _trim_list_marks, _trim_bare_honorific, _work_titles,
                _close_guillemets, _guillemet_names, _merge_adjacent_per,
                _surname_as_place, _given_name_surname):
        ents = fix(text, ents)
    ents = _speech_subject_surnames(text, ents, sentence_starts)
    for fix in (_split_lists, _role_then_org_modifiers, _split_coordinated_group_role, _group_orgs_as_roles, _extend_open_orgs, _group_roles, _org_name_pairs, _org_then_place,
                _states_as_places, _places_tagged_org, _speakers_tagged_org, _title_tail_after_and,
                _second_title_before_name):
        ents = fix(text, ents)
    ents = _untagged_titles_before_org(text, ents, sentence_starts)
    ents = _speaking_places(text, ents, sentence_starts)
    return sorted(ents, key=lambda e: (e.start, e.end))


def repair_document(doc: Document) -> Document:
    """The ``repair`` stage: ``doc.entities`` repaired in place.

    The repairs read :attr:`~pipeline.document.Document.flat` (hard line wraps as spaces, same
    offsets) and ``doc.sentences``, as the record rules do; the repaired spans' texts are taken
    from ``doc.text``.
    """
    view = doc.flat_view()
    fixed = repair_entities(view.text, list(view.entities), [s.start for s in doc.sentences])
    doc.entities = [e if e.text == doc.text[e.start:e.end] else dataclasses.replace(e, text=doc.text[e.start:e.end])
                    for e in fixed]
    return doc


# ---------------------------------------------------------------- ROLE/ORG boundaries (span classes)
#: modifiers that never end an organization's name («شورای عالی» + «ترافیک»)
_OPEN_MODIFIERS = frozenset(key(w) for w in "عالی کل".split())
#: ordinals: «شورای چهارم» is one council's term, a named body
_ORDINALS = frozenset(key(w) for w in "اول دوم سوم چهارم پنجم ششم هفتم هشتم نهم دهم یازدهم دوازدهم".split())
#: place-like words a membership group may keep («اعضای شورای اداری استان»): not a named place
_GENERIC_PLACE = frozenset(key(w) for w in "استان شهرستان شهر کشور روستا روستاها منطقه ناحیه بخش".split())
MAX_EXTEND_WORDS = 4
#: adjectives that close a title («بخشدار مرکزی»): a title word after one starts a new title
_SPECIALISTS = frozenset(key(w) for w in "متخصص فوق‌تخصص فوق‌متخصص".split())
_CLOSED_MODIFIERS = frozenset(key(w) for w in "مرکزی سابق اسبق پیشین جدید".split())
#: plural membership words and the council words that still need a name after them («اعضای شورای» + ...)
_MEMBERS = frozenset(key(w) for w in "اعضای اعضا اعضاء".split())
_OPEN_COUNCIL = frozenset(key(w) for w in "شورای شوراهای اسلامی".split())


def _lx():
    from pipeline.tag.lexindex import finder_lexicons

    return finder_lexicons()


def _toks(text: str, s: int, e: int):
    from pipeline.tag.lexindex import tokenize_words

    return [dataclasses.replace(t, start=t.start + s, end=t.end + s) for t in tokenize_words(text[s:e])]


def _starts_head(toks, i: int, kind: str) -> bool:
    """Token ``i`` starts a role title / group noun (``kind="ROLE"``) or an org head / known org (``"ORG"``)."""
    lx = _lx()
    if i >= len(toks) or not toks[i].is_word:
        return False
    if kind == "ROLE":
        return lx["role"].match(toks, i) > i or toks[i].key in word_set("group_nouns")
    return lx["org"].match(toks, i) > i or lx["known_org"].match(toks, i) > i


def _known_whole(toks) -> bool:
    """The tokens are exactly one known name or one org head phrase («آموزش و پرورش», «صدا و سیما»)."""
    lx = _lx()
    return bool(toks) and (lx["known_org"].match(toks, 0, max_tokens=12) == len(toks)
                           or lx["org"].match(toks, 0, max_tokens=12) == len(toks))


def _split_lists(text: str, ents: list[Span]) -> list[Span]:
    """A ROLE or ORG that runs over a list is split into its members.

    * at «،» when the part after it starts a new title (ROLE: a title or group noun,
      «شهردار، معاونان»; ORG: an org head or known name, «هلال‌احمر، نیروی انتظامی»);
    * an ORG at «و» when both sides start with an org head or are known names
      («ستاد ... و پلیس راهور»), unless the whole is one known name or the two words
      around «و» are a name pair («راه و شهرسازی»).
    A part that is a bare institution word or has no title word is dropped."""
    from pipeline.tag.find_orgs import _ORG_PAIRS

    generic = {key(w) for w in load_lexicon("generic_orgs")}
    out: list[Span] = []
    for x in ents:
        if x.label not in ("ROLE", "ORG") or (x.label == "ORG" and not re.search(r"[،,]| و ", x.text)):
            out.append(x)
            continue
        toks = _toks(text, x.start, x.end)
        cuts: list[tuple[int, int]] = []  # (index of the separator token, index where the next part starts)
        if x.label == "ORG" and _known_whole(toks):
            out.append(x)
            continue
        for k, t in enumerate(toks):
            if k == 0:
                continue
            if x.label == "ROLE" and k >= 2 and t.is_word and toks[k - 1].key in _CLOSED_MODIFIERS \
                    and _lx()["role"].match(toks, k) > k and not (cuts and cuts[-1][1] == k - 1):
                cuts.append((k, k))  # «بخشدار مرکزی» | «رئیس ...»: a title after an adjective that closed the last
                continue
            if k + 1 >= len(toks):
                continue
            if t.text in ("،", ","):
                if _starts_head(toks, k + 1, x.label):
                    cuts.append((k, k + 1))
            elif x.label == "ORG" and t.key == "و":
                left_from = cuts[-1][1] if cuts else 0
                left = toks[left_from:k]
                pair = (toks[k - 1].key, toks[k + 1].key) in _ORG_PAIRS
                if not pair and _starts_head(toks, k + 1, "ORG") \
                        and (_starts_head(left, 0, "ORG") or _known_whole(left)) \
                        and not _known_whole(toks[left_from:]):
                    cuts.append((k, k + 1))
        if not cuts:
            out.append(x)
            continue
        bounds, a = [], 0
        for sep, nxt in cuts:
            bounds.append((a, sep))  # sep == nxt: no separator token between the parts
            a = nxt
        bounds.append((a, len(toks)))
        for a, b in bounds:
            if a >= b:
                continue
            s, e = toks[a].start, toks[b - 1].end
            part = text[s:e]
            if x.label == "ORG" and key(part) in generic:
                continue
            if x.label == "ROLE" and not (_starts_head(toks, a, "ROLE") or any(
                    _starts_head(toks, i, "ROLE") for i in range(a, b))):
                continue
            out.append(_span(text, x.label, s, e, x))
    return out


def _name_words_after(text: str, end: int, ents: list[Span], limit: int = MAX_EXTEND_WORDS,
                      stop_at_place: bool = True) -> int:
    """End offset of the untagged name words right after ``end`` (space-separated, no function word,
    verb, title or org head, up to a named place); ``end`` itself when there are none."""
    from pipeline.tag.wordclass import name_word_at

    lx = _lx()
    nxt = min((y.start for y in ents if y.start >= end), default=len(text))
    toks = _toks(text, end, min(nxt, end + 80))
    new_end, n = end, 0
    for k, t in enumerate(toks):
        if n >= limit or not t.is_word or not _SPACE_GAP_RE.match(text[new_end:t.start] or " "):
            break
        if key(t.text) in _FUNCTION or not name_word_at(toks, k, lx) or lx["role"].match(toks, k) > k \
                or lx["org"].match(toks, k) > k or lx["given"].match(toks, k) > k:
            break
        if stop_at_place and lx["place_any"].match(toks, k) > k and t.key not in _GENERIC_PLACE:
            break
        new_end, n = t.end, n + 1
    return new_end


def _extend_open_orgs(text: str, ents: list[Span]) -> list[Span]:
    """An ORG that ends on a modifier that never ends a name («شورای عالی», «ستاد کل») or on its
    head alone takes the untagged name words after it, and a place right after them
    («شورای عالی» + «ترافیک» -> «شورای عالی ترافیک»)."""
    out = list(ents)
    for idx, x in enumerate(out):
        if x.label != "ORG":
            continue
        ws = x.text.split()
        if not ws or key(ws[-1]) not in _OPEN_MODIFIERS:
            continue
        others = [y for y in out if y is not x]
        end = _name_words_after(text, x.end, others)
        if end > x.end:
            nxt = next((y for y in sorted(others, key=lambda y: y.start) if y.start >= end), None)
            if nxt is not None and nxt.label == "LOC" and _SPACE_GAP_RE.match(text[end:nxt.start]):
                out.remove(nxt)
                end = nxt.end
            out[out.index(x)] = _span(text, "ORG", x.start, end, x)
    return sorted(out, key=lambda e: e.start)


def _group_roles(text: str, ents: list[Span]) -> list[Span]:
    """Members of a council with no named place are one group ROLE (ANNOTATION: «اعضای شورای شهر»),
    and a specialist keeps the field («متخصص» + «بیماری‌های چشم»):

    * ROLE «اعضای» + ORG «شورای ...» without a named place -> one ROLE;
    * a ROLE that stops on its council words («اعضای شورای») takes the name words after it
      («اداری استان»), up to a named place."""
    lx = _lx()
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        x = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if x.label == "ROLE":
            ws = x.text.split()
            if nxt is not None and nxt.label == "ORG" and len(ws) == 1 and key(ws[0]) in _MEMBERS \
                    and _SPACE_GAP_RE.match(text[x.end:nxt.start]):
                toks = _toks(text, nxt.start, nxt.end)
                if toks and toks[0].key in _OPEN_COUNCIL and not any(
                        (lx["place_any"].match(toks, k) > k and toks[k].key not in _GENERIC_PLACE)
                        or toks[k].key in _ORDINALS or not toks[k].is_word for k in range(1, len(toks))):
                    out.append(_span(text, "ROLE", x.start, nxt.end, x))
                    i += 2
                    continue
            if (len(ws) >= 2 and key(ws[0]) in _MEMBERS and key(ws[-1]) in _OPEN_COUNCIL) \
                    or (ws and key(ws[-1]) in _SPECIALISTS):  # «متخصص» + its field («بیماری‌های چشم»)
                end = _name_words_after(text, x.end, [y for y in ents if y is not x], limit=3)
                if end > x.end:
                    x = _span(text, "ROLE", x.start, end, x)
        out.append(x)
        i += 1
    return out


def _org_then_place(text: str, ents: list[Span]) -> list[Span]:
    """An ORG followed right away (a space, no comma) by a LOC keeps the place inside
    (ANNOTATION: «استانداری زنجان», «جمعیت هلال‌احمر» + «خراسان جنوبی» is one ORG)."""
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Span] = []
    for x in ents:
        prev = out[-1] if out else None
        if x.label == "LOC" and prev is not None and prev.label == "ORG" and _SPACE_GAP_RE.match(text[prev.end:x.start]):
            out[-1] = _span(text, "ORG", prev.start, x.end, prev)
            continue
        out.append(x)
    return out


#: a state's formal name: «جمهوری اسلامی» (+ a country) is the country, a LOC
_STATE_FORMS = ("جمهوری اسلامی", "جمهوری", "پادشاهی")
#: «نظام (مقدس)» before a state's name is not part of it
_SYSTEM_WORDS = frozenset(key(w) for w in "نظام مقدس".split())


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from pipeline.lexicons import load_table

    return frozenset(key(p) for p, row in load_table("places").items()
                     if (row[0] if isinstance(row, (list, tuple)) else row) == "country")


def _states_as_places(text: str, ents: list[Span]) -> list[Span]:
    """A country tagged ORG is a LOC (ANNOTATION: LOC is a place, country included):
    «جمهوری اسلامی ایران», «جمهوری اسلامی»; a leading «نظام (مقدس)» is left out."""
    forms = [key(f) for f in _STATE_FORMS]
    countries = None
    out = []
    for x in ents:
        if x.label == "ORG":
            ws = words(text, x.start, x.end)
            while len(ws) > 1 and key(ws[0][2]) in _SYSTEM_WORDS:
                ws = ws[1:]
            k = key(text[ws[0][0]:x.end]) if ws else ""
            if countries is None:
                countries = _countries()
            if k and (k in forms or any(k == f + c for f in forms for c in countries)):
                x = _span(text, "LOC", ws[0][0], x.end, x)
        out.append(x)
    return out


def _org_name_pairs(text: str, ents: list[Span]) -> list[Span]:
    """An ORG that stops before «و» + the second word of a name pair («سازمان فنی» + «و حرفه‌ای»,
    «اداره راه» + «و شهرسازی») takes it."""
    from pipeline.tag.find_orgs import _ORG_PAIRS

    out = sorted(ents, key=lambda e: e.start)
    for idx, x in enumerate(out):
        if x.label != "ORG" or not x.text.split():
            continue
        m = re.match(r"[ \t\u200c]+و[ \t\u200c]*(?=[^\W\d_])", text[x.end:x.end + 40])
        if m is None:
            continue
        ws = words(text, x.end + m.end(), min(len(text), x.end + 60))[:2]
        last = key(x.text.split()[-1])
        # the second word, or the second word split at its ZWNJ («حرفه ای»)
        ends = [w[1] for k, w in enumerate(ws) if k == 0 or _SPACE_GAP_RE.match(text[ws[k - 1][1]:w[0]])]
        e2 = next((e for e in ends if (last, key(text[ws[0][0]:e])) in _ORG_PAIRS), None)
        if not ws or e2 is None or any(y.start < e2 and ws[0][0] < y.end for y in out if y is not x):
            continue
        out[idx] = _span(text, "ORG", x.start, e2, x)
    return out


_AND_GAP_RE = re.compile(r"[ \t\u200c]+و[ \t\u200c]+")
MAX_TITLE_TAIL_WORDS = 3


def _title_tail_after_and(text: str, ents: list[Span]) -> list[Span]:
    """A title of two or more words ending on a department word, then «و» and one to three untagged
    words, then «و» and a name, or then its organization: the words after «و» are the rest of the
    department («مدیرکل برنامه‌ریزی» + «و سرمایه انسانی» + «و» PER -> «مدیرکل برنامه‌ریزی و سرمایه
    انسانی»; «مدیر کل هماهنگی، نظارت» + «و کنترل» + ORG). Title words, group nouns, function
    words, verbs and numbers never join."""
    lx = _lx()
    stop = _FUNCTION | word_set("group_nouns")
    out = sorted(ents, key=lambda e: e.start)
    for i, x in enumerate(out):
        if x.label != "ROLE" or i + 1 >= len(out):
            continue
        toks = [t for t in _toks(text, x.start, x.end) if t.is_word]
        if len(toks) < 2 or lx["role"].match(toks, len(toks) - 1) > len(toks) - 1:
            continue
        m = _AND_GAP_RE.match(text, x.end)
        nxt = out[i + 1]
        if m is None or nxt.label not in ("PER", "ORG") or nxt.start <= m.end():
            continue
        region = text[m.end():nxt.start]
        tail = _AND_GAP_RE.search(region)
        if nxt.label == "PER":  # «... و سرمایه انسانی و» + the next person of a list
            if tail is None or tail.end() != len(region):
                continue
            body_end = m.end() + tail.start()
        else:  # «... و کنترل» + the organization the department belongs to
            body_end = m.end() + len(region.rstrip(" \t\u200c"))
            if not _SPACE_GAP_RE.match(text[body_end:nxt.start] or " "):
                continue
        ws = [t for t in _toks(text, m.end(), body_end)]
        if not ws or len(ws) > MAX_TITLE_TAIL_WORDS or not all(t.is_word for t in ws) \
                or any(t.key in stop or fold(t.text).startswith("می") or re.search(r"\d", t.key)
                       or lx["role"].match(ws, k) > k or lx["org"].match(ws, k) > k or lx["place_any"].match(ws, k) > k
                       for k, t in enumerate(ws)):
            continue
        out[i] = _span(text, "ROLE", x.start, ws[-1].end, x)
    return out


def _second_title_before_name(text: str, ents: list[Span]) -> list[Span]:
    """A ROLE «A و B» right after a name, where A and B each start with a title word and another
    name follows right after B («X، وزیر خارجه و مشاور امنیت ملی Y»): A is X's title and B is Y's,
    two ROLEs. («دبیر و خزانه‌دار» with no name right after it stays one title, and so do two titles
    before one name.)"""
    lx = _lx()
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Span] = []
    for i, x in enumerate(ents):
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        prv = ents[i - 1] if i else None
        if x.label == "ROLE" and nxt is not None and nxt.label == "PER" and _SPACE_GAP_RE.match(text[x.end:nxt.start]) \
                and prv is not None and prv.label == "PER" and PUNCT_GAP_RE.match(text[prv.end:x.start]) \
                and "\n" not in text[prv.end:x.start]:
            toks = [t for t in _toks(text, x.start, x.end) if t.is_word]
            cut = max((k for k, t in enumerate(toks) if t.key == "و"), default=-1)
            if 0 < cut < len(toks) - 1 and lx["role"].match(toks, 0) > 0 and lx["role"].match(toks, cut + 1) > cut + 1:
                out.append(_span(text, "ROLE", x.start, toks[cut - 1].end, x))
                out.append(_span(text, "ROLE", toks[cut + 1].start, x.end, x))
                continue
        out.append(x)
    return out


#: officials of a place: their scope is a LOC and they have no organization (the guideline)
_PLACE_OFFICIALS = frozenset(key(w) for w in "شهردار استاندار فرماندار بخشدار دهیار".split())


def _places_tagged_org(text: str, ents: list[Span]) -> list[Span]:
    """An ORG that is only a place name («تهران» after «شهردار»), or an administrative area word and
    a known place («استان قم», «شهرستان بانه»), is a LOC."""
    lx = _lx()
    out = []
    for x in ents:
        if x.label == "ORG":
            toks = _toks(text, x.start, x.end)
            k = 1 if len(toks) > 1 and toks[0].key in _GENERIC_PLACE else 0
            # after a place's official («استاندار فارس»): a place even when an agency shares its name
            official = bool(out) and out[-1].label == "ROLE" and _SPACE_GAP_RE.match(text[out[-1].end:x.start]) \
                and key(out[-1].text.split()[-1]) in _PLACE_OFFICIALS
            place = lx["place_any" if official else "place"]
            if toks and place.match(toks, k) == len(toks) and lx["org"].match(toks, 0) == 0 \
                    and (official or lx["known_org"].match(toks, 0) == 0):
                x = dataclasses.replace(x, label="LOC")
        out.append(x)
    return out


def _speakers_tagged_org(text: str, ents: list[Span]) -> list[Span]:
    """A one- or two-word ORG with no org head, known name or place in it, not after a title, right
    before a colon speech verb («کاظمیان بیان داشت:») is the speaker's surname: PER."""
    lx = _lx()
    verbs = cue_classes()
    out = []
    for x in ents:
        titled = out and out[-1].label == "ROLE" and PUNCT_GAP_RE.match(text[out[-1].end:x.start])
        if x.label == "ORG" and len(x.text.split()) <= 2 and not titled:
            toks = _toks(text, x.start, x.end)
            if toks and not any(lx["org"].match(toks, k) > k or lx["known_org"].match(toks, k) > k
                                or lx["place_any"].match(toks, k) > k
                                or key(t.text) in word_set("news_sources") for k, t in enumerate(toks)):
                vm = verbs.search(text, "speech", x.end, min(len(text), x.end + 30))
                if vm is not None and not text[x.end:vm.start].strip(" \t\u200c") \
                        and _COLON_RE.match(text, vm.end):
                    x = dataclasses.replace(x, label="PER")
        out.append(x)
    return out


#: words that end a title only in the lexicon's «نماینده مردم»: the people's place follows as LOC
_TRAILING_NON_TITLE = frozenset(key(w) for w in "مردم".split())


def _role_then_org_modifiers(text: str, ents: list[Span]) -> list[Span]:
    """A title's department words tagged as the start of the next ORG go to the title:
    ROLE «معاون» + ORG «خدمات شهری شهرداری مشهد» -> ROLE «معاون خدمات شهری» + ORG «شهرداری مشهد»;
    what is left of the ORG is an ORG if it starts with an org head, a LOC if it is a place
    («مدیرکل» + «حراست آذربایجان شرقی»); «نماینده مردم» + place: ROLE «نماینده»."""
    lx = _lx()
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        x = ents[i]
        if x.label == "ROLE":
            ws = words(text, x.start, x.end)
            if len(ws) >= 2 and key(ws[-1][2]) in _TRAILING_NON_TITLE:
                x = _span(text, "ROLE", x.start, ws[-2][1], x)
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if x.label == "ROLE" and nxt is not None and nxt.label == "ORG" and _SPACE_GAP_RE.match(text[x.end:nxt.start]):
            toks = _toks(text, nxt.start, nxt.end)
            k = 0
            while k < len(toks) and lx["org"].match(toks, k) == k and lx["known_org"].match(toks, k) == k:
                m = lx["mod"].match(toks, k)
                if m == k:
                    break
                k = m
            rest_is_org = k < len(toks) and lx["org"].match(toks, k) > k
            rest_is_place = k < len(toks) and lx["place_any"].match(toks, k) == len(toks)
            if k > 0 and (rest_is_org or rest_is_place):
                out.append(_span(text, "ROLE", x.start, toks[k - 1].end, x))
                out.append(_span(text, "ORG" if rest_is_org else "LOC", toks[k].start, nxt.end, nxt))
                i += 2
                continue
        out.append(x)
        i += 1
    return out


# ---------------------------------------------------------------- titles the tagger left out
#: at most this many words of an untagged title before its organization
MAX_TITLE_WORDS = 4
#: what may stand right before an untagged title at a clause start: a line start or punctuation
_CLAUSE_OPENERS = set("،,:؛(«\"/-–—*•\n")


@lru_cache(maxsize=1)
def _org_title_heads():
    from pipeline.tag.lexindex import PhraseIndex

    return PhraseIndex(load_lexicon("org_title_heads"))


def _title_end(toks, i: int) -> int:
    """End of a title starting at token ``i``: a title of roles.txt or org_title_heads.txt, then
    title modifiers or more title words; ``i`` when no title starts there."""
    lx = _lx()
    j = max(lx["role"].match(toks, i), _org_title_heads().match(toks, i))
    if j == i:
        return i
    while j < len(toks):
        k = max(lx["mod"].match(toks, j), lx["role"].match(toks, j))
        if k == j:
            break
        j = k
    return j


def _untagged_titles_before_org(text: str, ents: list[Span], sentence_starts: list[int]) -> list[Span]:
    """An untagged title right before an ORG or LOC at the start of a clause is a ROLE
    («مسئول کمیته ... در شهرستان بانه گفت», «عضو کمیسیون آموزش مجلس اظهار داشت»): the title
    words (roles.txt, or org_title_heads.txt, which are titles only before an organization),
    with their modifiers, fill the whole gap between the clause start and the ORG/LOC. A clause
    starts at a sentence start, after punctuation, or right after a name (a title in apposition)."""
    import bisect

    ents = sorted(ents, key=lambda e: (e.start, e.end))
    added: list[Span] = []
    for n, x in enumerate(ents):
        if x.label not in ("ORG", "LOC"):
            continue
        prev = ents[n - 1] if n else None
        k = bisect.bisect_right(sentence_starts, x.start) - 1
        lo = max(sentence_starts[k] if k >= 0 else 0, prev.end if prev is not None else 0)
        toks = [t for t in _toks(text, lo, x.start)]
        # the last clause opener in the gap: the title must fill everything after it
        cut = max((q + 1 for q, t in enumerate(toks) if not t.is_word and t.text[:1] in _CLAUSE_OPENERS), default=0)
        if cut == 0 and lo > 0 and not (lo in sentence_starts or (prev is not None and lo == prev.end
                                                                   and prev.label == "PER")):
            continue
        toks = toks[cut:]
        if not toks or len(toks) > MAX_TITLE_WORDS or not all(t.is_word for t in toks):
            continue
        if not _SPACE_GAP_RE.match(text[toks[-1].end:x.start]):
            continue
        if _title_end(toks, 0) != len(toks):
            continue
        added.append(_span(text, "ROLE", toks[0].start, toks[-1].end))
    return ents + added if added else ents


#: at most this many words of a sentence-opening LOC that speaks
MAX_SPEAKER_WORDS = 3
#: how far into its sentence a speech verb may be for a sentence-opening LOC to be its subject
SPEECH_REACH = 300


_PREPOSITIONS = frozenset(key(w) for w in "با از به در برای".split())


def _object_of_preposition(text: str, x: Span) -> bool:
    """``x`` follows a preposition («در گفت‌وگو با ایرنا»): it is no subject."""
    ws = words(text, max(0, x.start - 30), x.start)
    return bool(ws) and key(ws[-1][2]) in _PREPOSITIONS and not text[ws[-1][1]:x.start].strip(" \t\u200c")


def _speaking_places(text: str, ents: list[Span], sentence_starts: list[int]) -> list[Span]:
    """Places do not speak: a LOC that opens its sentence and is the subject of the sentence's
    speech verb («[LOC کرکه‌آبادی] با اشاره به اینکه ... تصریح کرد:», «[LOC X Y] در گفت‌وگو با
    ایرنا ... گفت») is a name, when it is not a known place, has no place-type word, is at most
    :data:`MAX_SPEAKER_WORDS` words on one line, and no name, title, organization or pronoun stands
    between it and the verb (an organization after a preposition may: «در گفت‌وگو با ایرنا»)."""
    import bisect

    lx = _lx()
    verbs = cue_classes()
    pronouns = word_set("pronouns")
    ft = fold(text)
    ents = sorted(ents, key=lambda e: (e.start, e.end))
    starts = [e.start for e in ents]
    out = list(ents)
    for n, x in enumerate(ents):
        if x.label != "LOC" or "\n" in x.text or len(x.text.split()) > MAX_SPEAKER_WORDS:
            continue
        k = bisect.bisect_right(sentence_starts, x.start) - 1
        if k < 0 or text[sentence_starts[k]:x.start].strip(" \t\u200c«\"*•-–—"):
            continue  # not the sentence's first words
        toks = _toks(text, x.start, x.end)
        if not toks or any(lx["place_any"].match(toks, i) > i or lx["ptype"].match(toks, i) > i
                           or lx["org"].match(toks, i) > i or toks[i].key in lx["role_words"]
                           for i in range(len(toks))):
            continue
        end = sentence_starts[k + 1] if k + 1 < len(sentence_starts) else len(text)
        vm = verbs.search(ft, "speech", x.end, min(end, x.end + SPEECH_REACH), folded=True)
        if vm is None:
            continue
        between = ents[n + 1:bisect.bisect_left(starts, vm.start)]
        if any(y.label in ("PER", "ROLE") or (y.label == "ORG" and not _object_of_preposition(text, y))
               for y in between):
            continue
        if any(key(w) in pronouns for _s, _e, w in words(text, x.end, vm.start)):
            continue
        out[n] = dataclasses.replace(x, label="PER")
    return out
