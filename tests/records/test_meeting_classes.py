"""Meeting classes of the ninth pass, in both orthographies: group phrase boundaries, coordinated groups,
who a quote's speaker is, announced or ordered meetings against sessions held, honourees, revered
figures and sports matches. Sentences written for the project; the participant filter is off (these
tables assert what the rules propose)."""
import pytest

from pipeline.records.meetings import _planned, find_meetings
from pipeline.records.participant_model import using_model
from pipeline.lexicons.matcher import cue_classes
from pipeline.textkey import fold, key

from .conftest import make_doc


def _old(text: str) -> str:
    """Older orthography: Arabic ي/ك, split affixes («مي شود», «شهرداري ها»: ZWNJ written as a space)."""
    return text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")


def _meetings(text, ents, old):
    if old:
        text, ents = _old(text), [(lab, _old(s)) for lab, s in ents]
    with using_model(None):
        return find_meetings(make_doc(text, ents))


def _names(m):
    return [key(p.person or p.group or p.org or "") for p in m.participants]


def _groups(m):
    return [key(p.group) for p in m.participants if p.group]


ORTH = pytest.mark.parametrize("old", [False, True], ids=["new", "old"])


# ---------------------------------------------------------------- group phrase boundaries
@ORTH
@pytest.mark.parametrize("text, ents, group", [
    # the plural «ها» without a linking «ی» closes the phrase: the next noun is the verb's object
    ("مدیرعامل سازمان پایانه‌ها در جلسه‌ای با مدیران شرکت‌ها اقدامات اولیه را بررسی کرد.",
     [("ROLE", "مدیرعامل"), ("ORG", "سازمان پایانه‌ها")], "مدیران شرکت‌ها"),
    # a final «ا» closes it too («اعضا» + adjective would be «اعضای»)
    ("نشست هماهنگی ستاد دهه فجر با حضور کلیه اعضا امروز برگزار شد.",
     [("DATE", "امروز")], "کلیه اعضا"),
    # the noun of a compound verb is the verb's («برگزار» of «برگزار شد»), not the group's
    ("نشست فصلی شهرداری یزد با حضور مدیران مناطق برگزار شد.",
     [("ORG", "شهرداری یزد")], "مدیران مناطق"),
])
def test_a_group_stops_where_its_phrase_ends(text, ents, group, old):
    (m,) = _meetings(text, ents, old)
    assert key(_old(group) if old else group) in _groups(m), _groups(m)


# ---------------------------------------------------------------- coordinated groups
@ORTH
@pytest.mark.parametrize("text, ents, joined, apart", [
    # bare titles before one scoped by a place share the scope: one group as the text lists it
    ("همایش پدافند غیرعامل با حضور مدیران کل، شهرداران و فرمانداران استان سمنان در سمنان برگزار شد.",
     [("LOC", "استان سمنان"), ("LOC", "سمنان")], "مدیران کل، شهرداران و فرمانداران استان سمنان", []),
    ("مراسم تجلیل از نیروهای خدمات شهری با حضور معاونان و مدیران شهرداری منطقه ۳ برگزار شد.",
     [("ORG", "شهرداری منطقه ۳")], "معاونان و مدیران شهرداری منطقه ۳", []),
    # without a named scope the items stay apart
    ("جلسه ستاد بحران با حضور معاونان و فرمانداران در استانداری برگزار شد.",
     [("ORG", "استانداری")], None, ["معاونان", "فرمانداران"]),
])
def test_bare_groups_before_a_scoped_one_are_one_group(text, ents, joined, apart, old):
    (m,) = _meetings(text, ents, old)
    got = _groups(m)
    if joined:
        assert got == [key(_old(joined) if old else joined)], got
    else:  # (the body whose session it is may stand beside them)
        assert {key(_old(g) if old else g) for g in apart} <= set(got), got
        assert not any(g.startswith(key("معاونان")) and g != key("معاونان") for g in got), got


# ---------------------------------------------------------------- who a quote's speaker is
@ORTH
@pytest.mark.parametrize("text, ents, present, absent", [
    # the speaker reports a visit of others: the visitor takes part, the speaker does not
    ("رضا کاوه گفت: در بازدید شهردار ارومیه از پارک‌های شهر، مسافران رضایت خود را اعلام کردند.",
     [("PER", "رضا کاوه"), ("ROLE", "شهردار"), ("LOC", "ارومیه")], ["ارومیه"], ["رضا کاوه"]),
    # in the first person the speaker was there
    ("رضا کاوه گفت: ما در نشست با فرماندار مرند درباره آب شرب گفت‌وگو کردیم.",
     [("PER", "رضا کاوه"), ("ROLE", "فرماندار"), ("LOC", "مرند")], ["رضا کاوه", "مرند"], []),
    # a session of today that the speaker speaks at
    ("مینا صالحی، عضو شورای شهر گفت: در جلسه امروز با حضور معاونان شهردار نرخ کرایه تاکسی تصویب شد.",
     [("PER", "مینا صالحی"), ("ROLE", "عضو شورای شهر"), ("DATE", "امروز"), ("ROLE", "معاونان شهردار")],
     ["مینا صالحی"], []),
])
def test_a_quote_speaker_attends_only_when_the_quote_says_so(text, ents, present, absent, old):
    (m,) = _meetings(text, ents, old)
    names = _names(m)
    for n in present:
        assert any(key(_old(n) if old else n) in x for x in names), names
    for n in absent:
        assert key(_old(n) if old else n) not in names, names


@ORTH
def test_the_attribution_around_a_quote_names_the_speaker_not_a_participant(old):
    text = ("کاوه امیری امروز در گفت‌وگو با خبرنگار ایسنا در کرمان گفت: هفته آینده جشن تقدیر از "
            "فعالان ستاد نوروزی استان کرمان برگزار می‌شود.")
    ents = [("PER", "کاوه امیری"), ("DATE", "امروز"), ("ORG", "ایسنا"), ("LOC", "کرمان"), ("LOC", "استان کرمان")]
    (m,) = _meetings(text, ents, old)
    names = _names(m)
    assert key(_old("کاوه امیری") if old else "کاوه امیری") not in names
    assert any(g.startswith(key("فعالان")) for g in _groups(m)), names  # the honourees


# ---------------------------------------------------------------- announced or ordered vs held
@ORTH
@pytest.mark.parametrize("verb, planned", [
    ("برگزار شد", False), ("برگزار گردید", False), ("برگزار شده است", False), ("دیدار کرد", False),
    ("برگزار می‌شود", True), ("برگزار خواهد شد", True), ("برگزار شود", True), ("برگزار کنند", True),
    ("تشکیل شود", True),
    ("برگزار می‌کنیم", False),  # first person: the speakers take part
])
def test_the_verb_tells_a_meeting_held_or_announced(verb, planned, old):
    text = f"جلسه‌ای با حضور مدیران استان {verb}."
    if old:
        text = _old(text)
    ft = fold(text)
    cm = next(cue_classes().finditer(ft, "meeting.noun", folded=True))
    assert _planned(text, ft, cm, (0, len(text))) is planned


@ORTH
def test_an_ordered_meeting_keeps_its_invitees_and_the_session_held_keeps_its_people(old):
    text = ("نادر کامرانی در جلسه صبح امروز شورای‌عالی مسکن گفت: تسهیلات کافی نیست.\n"
            "وی دستور داد ظرف دو هفته جلسه‌ای با حضور وزیر راه و مدیران بانک‌ها برگزار شود تا نتیجه "
            "در این جلسه بررسی شود.\n"
            "در جلسه امروز شورای‌عالی مسکن که با حضور استانداران سراسر کشور برگزار شد، گزارش‌ها ارائه شد.")
    ents = [("PER", "نادر کامرانی"), ("DATE", "صبح امروز"), ("ORG", "شورای‌عالی مسکن"),
            ("DATE", "دو هفته"), ("ROLE", "وزیر راه"), ("DATE", "امروز"), ("ORG", "شورای‌عالی مسکن")]
    ms = _meetings(text, ents, old)
    assert len(ms) == 2
    held, ordered = ms
    person = key(_old("نادر کامرانی") if old else "نادر کامرانی")
    assert person in _names(held)
    assert any(g.startswith(key(_old("استانداران") if old else "استانداران")) for g in _groups(held))
    assert person not in _names(ordered)  # who orders a meeting does not thereby attend it
    assert any(g.startswith(key(_old("مدیران بانک") if old else "مدیران بانک")) for g in _groups(ordered))
    assert not any(g.startswith(key("استانداران")) for g in _groups(ordered))


@ORTH
def test_an_announced_meeting_in_a_quote_does_not_take_the_speaker(old):
    text = "لیلا مرادی گفت: همایش دهیاران استان هفته آینده با حضور استانداران برگزار خواهد شد."
    ents = [("PER", "لیلا مرادی"), ("DATE", "هفته آینده")]
    (m,) = _meetings(text, ents, old)
    assert key(_old("لیلا مرادی") if old else "لیلا مرادی") not in _names(m)
    assert _groups(m)


# ---------------------------------------------------------------- not participants, not meetings
@ORTH
@pytest.mark.parametrize("honorific", ["(علیه‌السلام)", "(سلام‌الله‌علیها)", "(رحمه‌الله)"])
def test_a_spelled_out_honorific_marks_a_revered_figure(honorific, old):
    text = (f"مراسم اختتامیه جشنواره در جوار حرم امام رضا {honorific} با حضور سارا نوری فرماندار مشهد "
            "برگزار خواهد شد.")
    ents = [("PER", "رضا"), ("PER", "سارا نوری"), ("ROLE", "فرماندار"), ("LOC", "مشهد")]
    (m,) = _meetings(text, ents, old)
    names = _names(m)
    assert key("رضا") not in names
    assert key(_old("سارا نوری") if old else "سارا نوری") in names


@ORTH
@pytest.mark.parametrize("text, ents", [
    ("بهرام نیکو معتقد است در دیدار امروز بازیکنانش با غرور کار نخواهند کرد.",
     [("PER", "بهرام نیکو"), ("DATE", "امروز")]),
    ("سرمربی تیم گفت: در دیدار فردا با تمام توان بازی می‌کنیم و پرویز راد نیز حاضر است.",
     [("DATE", "فردا"), ("PER", "پرویز راد")]),
])
def test_players_and_coaches_make_a_match(text, ents, old):
    assert _meetings(text, ents, old) == []
