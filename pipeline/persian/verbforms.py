"""Persian verb inflection as regular expressions: every form of a verb from its two stems.

A verb is given by its past stem and present stem («کرد», «کن»); :func:`verb_pattern` returns
regex source that matches its finite forms and participle in either orthography:

============  =========================================  ===========================
tense          forms                                       examples (کرد / کن)
============  =========================================  ===========================
past           [ن]P + ending                               کرد، کردند، نکردیم
past           [ن]می P + ending                            می‌کرد، نمی کردند
present        [ن]می S + ending                            می‌کند، میکنیم، نمی‌کنند
subjunctive    [ب/ن]S + ending                             کند، بکنند، نکنیم
future         [ن]خواه + ending  P                         خواهد کرد، نخواهند کرد
perfect        [ن]P ه [است/ام/ایم/اند/بود/باشد ...]        کرده است، کرده‌اند، کرده اند
participle     P ه                                         کرده (before «شد», a comma ...)
============  =========================================  ===========================

Between «می»/«نمی» and the stem, between «ـه» and «است/اند», and between «خواهد» and
the stem a space, a ZWNJ or nothing is accepted («می‌شود», «مي شود», «میشود»); letters are
matched on folded text (:func:`fold`: Arabic ي/ك as ی/ک), so the patterns are written in
Persian letters only. Present stems ending in a vowel take «ی» before the ending
(«گو» -> «می‌گوید», «نما» -> «می‌نمایند»).

«داشتن» has no «می» in the present («داریم» is present, not subjunctive): :data:`NO_MI_PRESENT`.

Each alternative carries named groups so :func:`verb_form` can say which tense and
person a match is (``tense``, ``person``: 1/2/3, ``plural``, ``negated``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: separator that may stand between the parts of one verb form
_SEP = r"[ \u200c]*"
PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند")
PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
#: forms of «بودن/استن» that follow a participle («کرده است», «رسیده‌اند», «شده بود»)
_AUX = ("است", "ام", "ای", "ایم", "اید", "اند", "بود", "بودم", "بودیم", "بودند", "باشد", "باشند", "باشیم",
        "باشم", "نیست", "نبود")
#: copula forms standing alone after a predicate («موظف است», «ملزم هستند», «آماده‌ایم»)
COPULA = ("است", "هست", "هستم", "هستی", "هستیم", "هستید", "هستند", "نیست", "نیستند", "نیستیم", "بود", "بودند",
          "بودیم", "نبود", "باشد", "باشند", "باشیم", "نباشد", "می‌باشد", "می‌باشند", "میباشد", "میباشند",
          "خواهد بود", "خواهند بود", "خواهیم بود")
#: endings glued to a predicate in place of a copula («موظفند», «آماده‌ایم», «مصممیم»)
CLITIC_COPULA = ("ند", "یم", "ید", "م", "ام", "اند", "ایم", "اید")

#: verbs whose present indicative takes no «می» («دارد», «داریم»)
NO_MI_PRESENT = frozenset({"داشت"})

_PERSON = {"": (3, False), "م": (1, False), "ی": (2, False), "د": (3, False), "یم": (1, True), "ید": (2, True),
           "ند": (3, True)}


def _alt(items) -> str:
    items = sorted(set(items), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(i) for i in items) + ")"


def _present_endings(stem: str) -> str:
    ends = _alt(PRESENT_ENDINGS)
    if stem.endswith(("ا", "و")):
        return f"ی?{ends}"
    return ends


def _mi() -> str:
    return f"می{_SEP}"


#: lookbehinds: not right after a future auxiliary («خواهد شد» is no past «شد»)
_NOT_AFTER_FUTURE = "".join(f"(?<!خواه{e}{sep})" for e in PRESENT_ENDINGS for sep in (" ", "\u200c", ""))


def verb_pattern(past: str, present: str, tenses: frozenset[str] | None = None, tag: str = "v") -> str:
    """Regex source for the forms of one verb (named groups prefixed with ``tag``).

    ``tenses`` limits the forms (names from the module table); None means all.
    """
    p, s = re.escape(past), re.escape(present)
    want = (lambda t: True) if tenses is None else (lambda t: t in tenses)
    alts = []
    pe = f"(?P<{tag}_pe>{_alt(PAST_ENDINGS[1:])})?"
    sen = f"(?P<{tag}_se>{_present_endings(present)})"
    if want("future"):
        alts.append(f"(?P<{tag}_fut>(?P<{tag}_nf>ن)?خواه(?P<{tag}_fe>{_alt(PRESENT_ENDINGS)}){_SEP}{p})")
    if want("perfect"):
        alts.append(f"(?P<{tag}_perf>(?P<{tag}_nperf>ن)?{p}ه{_SEP}(?P<{tag}_aux>{_alt(_AUX)}))")
    if want("present"):
        mi = f"(?:{_mi()})?" if past in NO_MI_PRESENT else _mi()
        alts.append(f"(?P<{tag}_pres>(?P<{tag}_npres>ن)?{mi}{s}{sen})")
    if want("past"):
        alts.append(f"(?P<{tag}_ppast>(?P<{tag}_nppast>ن)?{_mi()}{p}{pe.replace(tag + '_pe', tag + '_ppe')})")
    if want("participle"):
        alts.append(f"(?P<{tag}_part>{p}ه)")
    if want("past"):
        # a bare past stem right after «خواهد/خواهند ...» is the future's, not a simple past
        alts.append(f"{_NOT_AFTER_FUTURE}(?P<{tag}_past>(?P<{tag}_npast>ن)?{p}{pe})")
    if want("subjunctive"):
        alts.append(f"(?P<{tag}_subj>(?P<{tag}_nsubj>[بن])?{s}{sen.replace(tag + '_se', tag + '_sse')})")
    return "(?:" + "|".join(alts) + ")"


@dataclass(frozen=True)
class VerbForm:
    """Tense, person (1/2/3, None for a participle), number and polarity of one matched form."""

    tense: str
    person: int | None
    plural: bool
    negated: bool
    #: a past with «می» («می‌شد», «ابلاغ می‌کردند»): an ongoing or habitual past, not one act
    progressive: bool = False
    #: a perfect with a subjunctive auxiliary («خواسته باشد», «کرده باشند»): a supposition, not a fact
    hypothetical: bool = False


def verb_form(m: re.Match[str], tag: str = "v", vowel_stem: bool = False) -> VerbForm | None:
    """The :class:`VerbForm` of a match of :func:`verb_pattern` (None when the verb did not take part).

    ``vowel_stem``: the present stem ends in a vowel, so a present ending starts with the glide «ی»
    («گوید» is third person singular, «گویید» second plural)."""
    g = m.groupdict()

    def has(name: str) -> bool:
        return g.get(f"{tag}_{name}") is not None

    def person(ending: str | None, present: bool = False) -> tuple[int | None, bool]:
        e = ending or ""
        if present and vowel_stem and len(e) > 1 and e.startswith("ی"):
            e = e[1:]
        return _PERSON.get(e, (3, False))

    if has("fut"):
        pr, pl = person(g[f"{tag}_fe"])
        return VerbForm("future", pr, pl, has("nf"))
    if has("perf"):
        aux = g[f"{tag}_aux"]
        pr, pl = {"ام": (1, False), "ای": (2, False), "ایم": (1, True), "اید": (2, True), "اند": (3, True),
                  "بودم": (1, False), "بودیم": (1, True), "بودند": (3, True), "باشند": (3, True),
                  "باشیم": (1, True), "باشم": (1, False)}.get(aux, (3, False))
        return VerbForm("perfect", pr, pl, has("nperf") or aux in ("نیست", "نبود"),
                        hypothetical=aux.startswith("باش"))
    if has("pres"):
        pr, pl = person(g[f"{tag}_se"], True)
        return VerbForm("present", pr, pl, has("npres"))
    if has("ppast"):
        pr, pl = person(g[f"{tag}_ppe"])
        return VerbForm("past", pr, pl, has("nppast"), progressive=True)
    if has("part"):
        return VerbForm("participle", None, False, False)
    if has("past"):
        pr, pl = person(g[f"{tag}_pe"])
        return VerbForm("past", pr, pl, has("npast"))
    if has("subj"):
        pr, pl = person(g[f"{tag}_sse"], True)
        return VerbForm("subjunctive", pr, pl, g.get(f"{tag}_nsubj") == "ن")
    return None


@lru_cache(maxsize=None)
def compiled(past: str, present: str) -> re.Pattern[str]:
    """A whole-word compiled :func:`verb_pattern` (for tests and one-off checks on folded text)."""
    return re.compile(r"(?<![^\W\d_])(?:" + verb_pattern(past, present) + r")(?![\u200c]*[^\W\d_])")
