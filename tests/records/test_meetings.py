"""Meetings: event frames, merging repeated mentions, participants, groups, generic uses."""
from pipeline.textkey import key
from pipeline.records.meetings import find_meetings

from .conftest import make_doc


def _people(m):
    return [p.person or p.group or p.org for p in m.participants]


def test_visit_mentioned_twice_is_one_meeting_with_both_sides():
    text = ("ناصر کرمی، استاندار گیلان صبح امروز در دیدار با مینا شریفی شهردار رشت در رشت گفت: "
            "همکاری ادامه دارد.\nدر این دیدار شریفی گفت: طرح‌ها آماده است.")
    doc = make_doc(text, [("PER", "ناصر کرمی"), ("ROLE", "استاندار"), ("LOC", "گیلان"), ("DATE", "صبح امروز"),
                          ("PER", "مینا شریفی"), ("ROLE", "شهردار"), ("LOC", "رشت"), ("LOC", "رشت"),
                          ("PER", "شریفی")])
    (m,) = find_meetings(doc)
    assert m.kind == "دیدار"
    assert set(_people(m)) == {"ناصر کرمی", "مینا شریفی"}
    assert m.date == "صبح امروز"
    assert m.location == "رشت"


def test_generic_and_plural_uses_are_not_meetings():
    text = "آرش نیکو گفت: برگزاری جلسات پشت سر هم بدون خروجی فایده‌ای ندارد و تعداد بازدید از سایت بالا رفته است."
    doc = make_doc(text, [("PER", "آرش نیکو")])
    assert find_meetings(doc) == []


def test_session_with_topic_unnamed_official_and_groups():
    text = ("جلسه شورای ترافیک شهر قزوین با موضوع ساماندهی پایانه‌ها با حضور مدیرکل حمل‌ونقل استانداری قزوین و "
            "جمعی از رانندگان تاکسی برگزار شد.")
    doc = make_doc(text, [("ORG", "شورای ترافیک شهر قزوین"), ("ROLE", "مدیرکل حمل‌ونقل"),
                          ("ORG", "استانداری قزوین")])
    (m,) = find_meetings(doc)
    assert m.kind == "جلسه"
    assert key(m.topic) == key("ساماندهی پایانه‌ها")
    unnamed = [p for p in m.participants if p.person is None and p.role]
    assert unnamed and unnamed[0].org == "استانداری قزوین"
    assert any(p.group and p.group.startswith("جمعی از رانندگان") for p in m.participants)
    assert "شورای ترافیک شهر قزوین" in m.organizations


def test_main_meeting_collects_the_speakers_that_follow():
    text = ("ششمین گردهمایی دهیاران استان ایلام در ایلام برگزار شد.\n"
            "مهدی راد، معاون استاندار گفت: دهیاری‌ها نوسازی می‌شوند.\n"
            "سارا کیانی، مدیرکل امور روستایی نیز گفت: آموزش‌ها ادامه دارد.")
    doc = make_doc(text, [("LOC", "استان ایلام"), ("LOC", "ایلام"), ("PER", "مهدی راد"), ("ROLE", "معاون استاندار"),
                          ("PER", "سارا کیانی"), ("ROLE", "مدیرکل امور روستایی")])
    (m,) = find_meetings(doc)
    assert m.kind == "گردهمایی"
    names = _people(m)
    assert "مهدی راد" in names and "سارا کیانی" in names
    assert any(p.group and p.group.startswith("دهیاران") for p in m.participants)


def test_two_different_meetings_stay_apart():
    text = ("وزیر نیرو ایران در دیدار با وزیر انرژی ترکیه درباره برق گفت‌وگو کرد.\n"
            "وزیر راه ایران با سفیر ژاپن در تهران دیدار کرد.")
    doc = make_doc(text, [("ROLE", "وزیر نیرو"), ("LOC", "ایران"), ("ROLE", "وزیر انرژی"), ("LOC", "ترکیه"),
                          ("ROLE", "وزیر راه"), ("LOC", "ایران"), ("ROLE", "سفیر"), ("LOC", "ژاپن"), ("LOC", "تهران")])
    ms = find_meetings(doc)
    assert len(ms) == 2
    assert {p.org for p in ms[0].participants} == {"ایران", "ترکیه"}
    assert {p.org for p in ms[1].participants} == {"ایران", "ژاپن"}


# ---------------------------------------------------------------- sessions named by their body, «در جمع»
def _old(text: str) -> str:
    """Older orthography: Arabic ي/ك, ZWNJ written as a space."""
    return text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")


_BODY_ROWS = [
    # (sentence, entities, body, named participant)
    ("بهروز نادری صبح امروز در شورای برنامه‌ریزی استان یزد اظهار کرد: اعتبارات تخصیص یافت.",
     [("PER", "بهروز نادری"), ("DATE", "صبح امروز"), ("ORG", "شورای برنامه‌ریزی استان یزد")],
     "شورای برنامه‌ریزی استان یزد", "بهروز نادری"),
    ("لیلا صدری عصر دیروز در نخستین کمیته ایمنی شهرداری ساوه گفت: بازرسی‌ها ادامه دارد.",
     [("PER", "لیلا صدری"), ("DATE", "عصر دیروز"), ("ORG", "کمیته ایمنی شهرداری ساوه")],
     "کمیته ایمنی شهرداری ساوه", "لیلا صدری"),
    ("در ستاد تسهیلات سفر شهرستان بم که امروز برگزار شد، طرح‌های نوروزی بررسی شد.",
     [("ORG", "ستاد تسهیلات سفر شهرستان بم"), ("DATE", "امروز")],
     "ستاد تسهیلات سفر شهرستان بم", None),
]


import pytest  # noqa: E402


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text,ents,body,person", _BODY_ROWS)
def test_session_named_by_its_body(text, ents, body, person, old):
    if old:
        text, ents, body = _old(text), [(lab, _old(s)) for lab, s in ents], _old(body)
        person = _old(person) if person else None
    (m,) = find_meetings(make_doc(text, ents))
    assert m.kind == "جلسه"
    names = _people(m)
    if person is None:  # a session with nobody named: the body is the participant
        assert names == [body]
    else:  # a named person takes part; the body is the meeting's organization, not a participant
        assert names == [person]
        assert body in m.organizations


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text,ents", [
    ("نرگس امینی سال گذشته به عضویت در شورای شهر زنجان درآمد.",
     [("PER", "نرگس امینی"), ("DATE", "سال گذشته"), ("ORG", "شورای شهر زنجان")]),
    ("بودجه عمرانی در کمیسیون ماده صد شهرداری کرج تصویب نشده است.",
     [("ORG", "کمیسیون ماده صد شهرداری کرج")]),
    ("حمید فاضلی گفت: امروز در شورای شهر لایحه را بررسی می‌کنیم.",
     [("PER", "حمید فاضلی"), ("DATE", "امروز")]),
])
def test_body_word_without_a_reported_session_is_not_a_meeting(text, ents, old):
    if old:
        text, ents = _old(text), [(lab, _old(s)) for lab, s in ents]
    assert find_meetings(make_doc(text, ents)) == []


@pytest.mark.parametrize("old", [False, True])
def test_among_reporters_is_a_meeting_with_the_group(old):
    text = "محسن رحیمی، شهردار بابل امروز در جمع خبرنگاران گفت: پل جدید تا پایان سال افتتاح می‌شود."
    ents = [("PER", "محسن رحیمی"), ("ROLE", "شهردار"), ("LOC", "بابل"), ("DATE", "امروز")]
    if old:
        text, ents = _old(text), [(lab, _old(s)) for lab, s in ents]
    (m,) = find_meetings(make_doc(text, ents))
    names = [key(n) for n in _people(m)]
    assert key(_old("محسن رحیمی") if old else "محسن رحیمی") in names
    assert key("خبرنگاران") in names


def test_in_total_is_not_a_gathering():
    text = "در جمع ۱۲ پروژه در سال جاری تکمیل شد و سارا نیک گفت: کار ادامه دارد."
    doc = make_doc(text, [("FIG", "۱۲ پروژه"), ("PER", "سارا نیک")])
    assert find_meetings(doc) == []


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text,ents", [
    ("تیم شهرداری ارومیه فردا در دیداری حساس مقابل تیم ملوان قرار می‌گیرد و کامران یزدی گفت: آماده‌ایم.",
     [("ORG", "شهرداری ارومیه"), ("DATE", "فردا"), ("PER", "کامران یزدی")]),
    ("در دیدار دو تیم شهرداری بندرعباس و نفت آبادان، کاوه نوری گفت: نتیجه خوبی گرفتیم.",
     [("ORG", "شهرداری بندرعباس"), ("PER", "کاوه نوری")]),
])
def test_sports_match_is_not_a_meeting(text, ents, old):
    if old:
        text, ents = _old(text), [(lab, _old(s)) for lab, s in ents]
    assert find_meetings(make_doc(text, ents)) == []


# ---------------------------------------------------------------- rules added with the participant filter
# (run with the filter off: these assert what the rules propose)
from pipeline.records.participant_model import using_model as _using_participant_model  # noqa: E402


def _rules(text, ents, old):
    if old:
        text, ents = _old(text), [(lab, _old(s)) for lab, s in ents]
    with _using_participant_model(None):
        return find_meetings(make_doc(text, ents))


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("honorific", ["(ره)", "(ع)", "(ص)", "( س )", "(مدظله)"])
def test_a_revered_name_is_never_a_participant(honorific, old):
    text = (f"فرهاد نیکزاد در مراسم بزرگداشت امام خمینی {honorific} با حضور کاوه سلامی فرماندار ساری "
            "گفت: برنامه‌ها ادامه دارد.")
    ents = [("PER", "فرهاد نیکزاد"), ("PER", "امام خمینی"), ("PER", "کاوه سلامی"), ("ROLE", "فرماندار"),
            ("LOC", "ساری")]
    (m,) = _rules(text, ents, old)
    names = [key(n) for n in _people(m)]
    assert key("کاوه سلامی") in names and key("فرهاد نیکزاد") in names
    assert key("امام خمینی") not in names


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, ents, groups", [
    # groups after the first item of a «با حضور» list, joined by «،» or «و»
    ("نشست شورای اداری شهرستان نور با حضور رضا کاظمی فرماندار، بخشداران و دهیاران در فرمانداری برگزار شد.",
     [("ORG", "شورای اداری شهرستان نور"), ("PER", "رضا کاظمی"), ("ROLE", "فرماندار"), ("LOC", "فرمانداری")],
     ["بخشداران", "دهیاران"]),
    ("آیین افتتاح پارک با شرکت مریم فرهادی شهردار و معاونان در محل پارک برگزار شد.",
     [("PER", "مریم فرهادی"), ("ROLE", "شهردار")], ["معاونان"]),
])
def test_later_items_of_a_presence_list_are_groups(text, ents, groups, old):
    (m,) = _rules(text, ents, old)
    got = {key(p.group) for p in m.participants if p.group}
    assert all(any(g.startswith(key(x)) for g in got) for x in groups), got


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("group", ["مردم شریف استان", "شهروندان عزیز منطقه"])
def test_the_public_however_qualified_is_not_a_group(group, old):
    text = f"جلسه شورای شهر کاشان با حضور {group} در سالن شورا برگزار شد."
    ents = [("ORG", "شورای شهر کاشان"), ("LOC", "سالن شورا")]
    (m,) = _rules(text, ents, old)
    assert all(not (p.group and key(p.group).startswith(key(group.split()[0]))) for p in m.participants)


@pytest.mark.parametrize("old", [False, True])
def test_a_body_session_told_in_a_quote_has_the_body_not_the_speaker(old):
    text = ("سهیل مرادی گفت: در جلسه شورای سلامت استان گیلان مقرر شد مدارس تعطیل شود.")
    ents = [("PER", "سهیل مرادی"), ("ORG", "شورای سلامت استان گیلان")]
    (m,) = _rules(text, ents, old)
    body = _old("شورای سلامت استان گیلان") if old else "شورای سلامت استان گیلان"
    assert _people(m) == [body]


@pytest.mark.parametrize("old", [False, True])
def test_a_body_in_its_own_session_holds_it(old):
    text = "شورای اسلامی شهر یزد در صد و دهمین جلسه رسمی خود طرح ساماندهی پسماند را تصویب کرد."
    ents = [("ORG", "شورای اسلامی شهر یزد")]
    (m,) = _rules(text, ents, old)
    body = _old("شورای اسلامی شهر یزد") if old else "شورای اسلامی شهر یزد"
    assert _people(m) == [body]


@pytest.mark.parametrize("old", [False, True])
def test_visual_and_audio_adjectives_are_not_a_meeting(old):
    text = "علی توکلی گفت: رسانه‌های دیداری و شنیداری در اطلاع‌رسانی نقش دارند."
    assert _rules(text, [("PER", "علی توکلی")], old) == []


# ---------------------------------------------------------------- bodies, groups, local titles, agents
from pipeline.records.meetings import meeting_candidates  # noqa: E402


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text,body", [
    # the tagger left the body without an ORG: the words after the body noun name it
    ("پروین ساعدی گفت: در جلسه شورای ایمنی شهرستان دامغان مقرر شد بازارچه تعطیل شود.", "شورای ایمنی شهرستان دامغان"),
    ("کیوان بهاری افزود: در جلسه قرارگاه بحران استان تصمیمات لازم اتخاذ شد.", "قرارگاه بحران استان"),
])
def test_an_untagged_body_after_the_cue_is_the_session(text, body, old):
    speaker = text.split(" گفت")[0].split(" افزود")[0]
    (m,) = _rules(text, [("PER", speaker)], old)
    (got,) = _people(m)
    want = _old(body) if old else body
    # the body's head and at least one word of its name, never the words of the clause after it
    assert len(got.split()) >= 2 and key(want).startswith(key(got)), got


@pytest.mark.parametrize("old", [False, True])
def test_a_lone_body_word_is_not_a_body(old):
    # «جلسه شورای» with nothing after it does not say which council met: the speaker's session
    text = "نسرین فلاح گفت: در جلسه شورای امروز بحث شد."
    ms = _rules(text, [("PER", "نسرین فلاح"), ("DATE", "امروز")], old)
    assert all(not p.group for m in ms for p in m.participants)


@pytest.mark.parametrize("old", [False, True])
def test_a_plural_title_after_ba_is_a_group(old):
    text = "سهراب دلاوری فرماندار نهاوند امروز با فرماندهان نیروی انتظامی شهرستان دیدار کرد."
    ents = [("PER", "سهراب دلاوری"), ("ROLE", "فرماندار"), ("LOC", "نهاوند"), ("DATE", "امروز"),
            ("ROLE", "فرماندهان"), ("ORG", "نیروی انتظامی شهرستان")]
    (m,) = _rules(text, ents, old)
    assert any(p.group and key(p.group).startswith(key("فرماندهان")) for p in m.participants)


@pytest.mark.parametrize("old", [False, True])
def test_a_body_inside_a_question_clause_is_no_session(old):
    text = ("آرمان یزدی در پاسخ به پرسشی درباره اینکه آیا نقشه تازه را شورای عالی شهرسازی تصویب کند، "
            "اظهار داشت: هنوز تصمیمی گرفته نشده است.")
    assert _rules(text, [("PER", "آرمان یزدی"), ("ORG", "شورای عالی شهرسازی")], old) == []


@pytest.mark.parametrize("old", [False, True])
def test_the_session_of_the_day_is_the_session_already_told(old):
    text = ("جلسه شورای اداری استان زنجان عصر امروز با حضور رامین توکلی استاندار برگزار شد.\n"
            "در جلسه امروز همچنین بهنام شیرازی به عنوان فرماندار ابهر معرفی شد.")
    ents = [("ORG", "شورای اداری استان زنجان"), ("DATE", "عصر امروز"), ("PER", "رامین توکلی"), ("ROLE", "استاندار"),
            ("DATE", "امروز"), ("PER", "بهنام شیرازی"), ("ROLE", "فرماندار"), ("LOC", "ابهر")]
    ms = _rules(text, ents, old)
    assert len(ms) == 1
    names = [key(n) for n in _people(ms[0])]
    assert key(_old("بهنام شیرازی") if old else "بهنام شیرازی") in names


@pytest.mark.parametrize("old", [False, True])
def test_a_team_before_the_visit_makes_it_a_match(old):
    text = "تیم شهرداری ساری در این هفته با تیم پایین جدولی نفت دیدار می‌کند و یاسر نادری گفت: آماده‌ایم."
    assert _rules(text, [("ORG", "شهرداری ساری"), ("PER", "یاسر نادری")], old) == []


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text,ents,place", [
    # the place of the sentence
    ("آیین کلنگ‌زنی سالن ورزشی روستای کلاته با حضور فرماندار، بخشدار و جمعی از مسئولان برگزار شد.",
     [("LOC", "روستای کلاته"), ("ROLE", "فرماندار"), ("ROLE", "بخشدار")], "روستای کلاته"),
    # the article's dateline
    ("به گزارش خبرگزاری مهر از سمنان، جلسه ستاد تسهیلات نوروزی با حضور استاندار و مدیران کل برگزار شد.",
     [("ORG", "خبرگزاری مهر"), ("LOC", "سمنان"), ("ORG", "ستاد تسهیلات نوروزی"), ("ROLE", "استاندار")], "سمنان"),
])
def test_an_unscoped_title_present_is_the_local_one(text, ents, place, old):
    (m,) = _rules(text, ents, old)
    local = [p for p in m.participants if p.person is None and p.role and not p.group]
    assert local and all(key(p.org) == key(_old(place) if old else place) for p in local)


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text,ents,who,tag", [
    ("شهردار کرج امروز در مراسم افتتاح پل گفت: پل آماده است.",
     [("ROLE", "شهردار"), ("LOC", "کرج"), ("DATE", "امروز")], "شهردار", "agent=before"),
    ("نیما صالحی گفت: در بازدید شهردار اردبیل از بوستان‌ها مشکلات بررسی شد.",
     [("PER", "نیما صالحی"), ("ROLE", "شهردار"), ("LOC", "اردبیل")], "شهردار", "agent=after"),
])
def test_the_meetings_agent_is_tagged_for_the_filter(text, ents, who, tag, old):
    if old:
        text, ents = _old(text), [(lab, _old(s)) for lab, s in ents]
    ((_d, cands),) = meeting_candidates(make_doc(text, ents))
    tagged = [p for p, f in cands if f.get(tag)]
    assert [p.role for p in tagged] == [who]
    assert all(not f.get(tag) for p, f in cands if p.role != who)


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text,ents,is_meeting", [
    # «در جمع» + a noun in the human plural, with speech in the sentence: an address to that group
    ("بیژن کاظمی امروز در جمع منتخبان شوراهای روستایی بخش مرکزی اظهار داشت: همکاری ادامه دارد.",
     [("PER", "بیژن کاظمی"), ("DATE", "امروز")], True),
    # the same noun without speech there: «in total», not a gathering
    ("در جمع منتخبان این دوره دو نفر از روستای پایین بودند و آرش پاکزاد گفت: کار ادامه دارد.",
     [("PER", "آرش پاکزاد")], False),
])
def test_among_a_plural_noun_with_speech_is_a_gathering(text, ents, is_meeting, old):
    ms = _rules(text, ents, old)
    assert bool(ms) is is_meeting


@pytest.mark.parametrize("old", [False, True])
def test_a_presence_list_later_in_the_article_joins_its_only_meeting(old):
    text = ("مهران صفوی امروز در آیین گشایش نمایشگاه کتاب قزوین گفت: کتاب‌خوانی رو به رشد است.\n"
            "این نمایشگاه با حضور کارن وثوقی مدیرکل فرهنگ و ارشاد و ناشران استان در حال برگزاری است.\n"
            "صفوی افزود: نمایشگاه یک هفته ادامه دارد.")
    ents = [("PER", "مهران صفوی"), ("DATE", "امروز"), ("LOC", "قزوین"), ("PER", "کارن وثوقی"),
            ("ROLE", "مدیرکل فرهنگ و ارشاد"), ("PER", "صفوی")]
    (m,) = _rules(text, ents, old)
    names = [key(n) for n in _people(m)]
    assert key(_old("کارن وثوقی") if old else "کارن وثوقی") in names


@pytest.mark.parametrize("old", [False, True])
def test_a_presence_list_is_not_given_to_one_of_several_meetings(old):
    text = ("مهران صفوی امروز در آیین گشایش نمایشگاه کتاب قزوین گفت: کتاب‌خوانی رو به رشد است.\n"
            "وی عصر نیز با ناشران استان دیدار کرد.\n"
            "برنامه پایانی طرح با حضور کارن وثوقی مدیرکل فرهنگ و ارشاد اجرا می‌شود.")
    ents = [("PER", "مهران صفوی"), ("DATE", "امروز"), ("LOC", "قزوین"), ("PER", "کارن وثوقی"),
            ("ROLE", "مدیرکل فرهنگ و ارشاد")]
    ms = _rules(text, ents, old)
    assert all(key(_old("کارن وثوقی") if old else "کارن وثوقی") not in [key(n) for n in _people(m)] for m in ms)


@pytest.mark.parametrize("old", [False, True])
def test_two_mentions_of_a_session_in_one_sentence_are_one_meeting(old):
    text = ("پژمان رادمنش امروز در حاشیه جلسه علنی شورای شهر اراک گفت: در جلسه کارشناسی لایحه بودجه "
            "بررسی شد.")
    ents = [("PER", "پژمان رادمنش"), ("DATE", "امروز"), ("ORG", "شورای شهر اراک")]
    assert len(_rules(text, ents, old)) == 1


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("late", ["مرحوم", "زنده‌یاد", "شادروان"])
def test_the_late_are_never_participants(late, old):
    text = (f"سعید مرادی امروز در مراسم بزرگداشت {late} حسن کریمی با حضور فرماندار گرگان گفت: یاد او گرامی است.")
    ents = [("PER", "سعید مرادی"), ("DATE", "امروز"), ("PER", "حسن کریمی"), ("ROLE", "فرماندار"), ("LOC", "گرگان")]
    (m,) = _rules(text, ents, old)
    names = [key(n) for n in _people(m)]
    assert key("حسن کریمی") not in names and key("سعید مرادی") in names


# ---------------------------------------------------------------- festivals, celebrations; events named inside a cue's phrase
@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text,ents,kind,person", [
    ("مینا رستمی، فرماندار بابل عصر امروز در جشنواره گل و گیاه بابل گفت: غرفه‌ها افزایش یافت.",
     [("PER", "مینا رستمی"), ("ROLE", "فرماندار"), ("LOC", "بابل"), ("DATE", "عصر امروز"), ("LOC", "بابل")],
     "جشنواره", "مینا رستمی"),
    ("جشن روز شهردار با حضور نادر فرهی، شهردار اراک صبح امروز در تالار شهر برگزار شد.",
     [("PER", "نادر فرهی"), ("ROLE", "شهردار"), ("LOC", "اراک"), ("DATE", "صبح امروز")],
     "جشن", "نادر فرهی"),
])
def test_festivals_and_celebrations_are_meetings(text, ents, kind, person, old):
    if old:
        text, ents, person = _old(text), [(lab, _old(s)) for lab, s in ents], _old(person)
    ms = find_meetings(make_doc(text, ents))
    assert [m.kind for m in ms] == [kind]
    assert person in _people(ms[0])


@pytest.mark.parametrize("old", [False, True])
def test_an_event_named_in_a_ceremony_phrase_is_that_ceremony(old):
    text = ("کاوه سلامی، فرماندار ساری بامداد امروز در آیین آغاز جشنواره کشوری مرکبات در ساری گفت: "
            "باغداران استان حاضرند.\n"
            "سلامی افزود: در جشنواره کشوری مرکبات یافته‌های تازه عرضه می‌شود.")
    ents = [("PER", "کاوه سلامی"), ("ROLE", "فرماندار"), ("LOC", "ساری"), ("DATE", "بامداد امروز"), ("LOC", "ساری"),
            ("PER", "سلامی")]
    ms = _rules(text, ents, old)
    assert [m.kind for m in ms] == ["مراسم"]
    assert _people(ms[0]) == [_old("کاوه سلامی") if old else "کاوه سلامی"]


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("demonstrative", ["این", "همین"])
def test_a_ceremony_of_the_event_already_told_is_that_event(demonstrative, old):
    text = ("جشنواره فرهنگی بانوان استان زنجان با حضور لاله مرادی، مدیرکل ورزش استان صبح امروز برگزار شد.\n"
            f"رضا امینی، فرماندار زنجان در مراسم افتتاحیه {demonstrative} جشنواره گفت: ورزشگاه‌ها آماده است.")
    ents = [("LOC", "استان زنجان"), ("PER", "لاله مرادی"), ("ROLE", "مدیرکل ورزش"), ("DATE", "صبح امروز"),
            ("PER", "رضا امینی"), ("ROLE", "فرماندار"), ("LOC", "زنجان")]
    ms = _rules(text, ents, old)
    assert [m.kind for m in ms] == ["جشنواره"]
    names = [_old(n) if old else n for n in ("لاله مرادی", "رضا امینی")]
    assert set(names) <= set(_people(ms[0]))


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("anaphor", ["در این مراسم", "در همین مراسم", "در ادامه مراسم", "در حاشیه این مراسم"])
def test_a_back_reference_goes_to_the_last_meeting_of_its_kind(anaphor, old):
    text = ("مهسا نوری، شهردار کاشان صبح امروز در مراسم افتتاح پارک بانوان گفت: پارک آماده است.\n"
            "ساخت این پارک دو سال طول کشید.\nزمین آن پیش‌تر بایر بود.\n"
            "نوری سپس با کامران یزدی، مدیرکل میراث فرهنگی استان دیدار کرد.\n"
            f"{anaphor} بهرام سعیدی، معاون استاندار نیز گفت: بودجه تامین شد.")
    ents = [("PER", "مهسا نوری"), ("ROLE", "شهردار"), ("LOC", "کاشان"), ("DATE", "صبح امروز"),
            ("PER", "نوری"), ("PER", "کامران یزدی"), ("ROLE", "مدیرکل میراث فرهنگی"),
            ("PER", "بهرام سعیدی"), ("ROLE", "معاون استاندار")]
    ms = {m.kind: m for m in _rules(text, ents, old)}
    assert set(ms) == {"مراسم", "دیدار"}
    said = _old("بهرام سعیدی") if old else "بهرام سعیدی"
    assert said in _people(ms["مراسم"])
    assert said not in _people(ms["دیدار"])


# ---------------------------------------------------------------- groups: determiners, hosts, long lists
@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, ents, group", [
    # a determiner opens the group and belongs to it
    ("آیین کلنگ‌زنی مدرسه با حضور فرماندار و سایر مسئولان شهرستانی در روستا برگزار شد.",
     [("ROLE", "فرماندار")], "سایر مسئولان شهرستانی"),
    ("همایش ایمنی با حضور کلیه مدیران مناطق در تالار شهرداری برگزار شد.", [], "کلیه مدیران مناطق"),
    # the host's guests («میزبان ... بود»)
    ("سارا نوری امروز میزبان خبرنگاران شهرستان بود و در این نشست گفت: کارها پیش می‌رود.",
     [("PER", "سارا نوری"), ("DATE", "امروز")], "خبرنگاران شهرستان"),
    # a list of long tagged titles is followed back to «با حضور» (each entity one word of the list)
    ("جلسه هم‌اندیشی با حضور امید سالاری مدیرکل دفتر امور اجتماعی و فرهنگی وزارت کشور، معاونان شهردار، "
     "دهیاران و روسای انجمن‌های صنفی شهرستان در فرمانداری برگزار شد.",
     [("PER", "امید سالاری"), ("ROLE", "مدیرکل"), ("ORG", "دفتر امور اجتماعی و فرهنگی وزارت کشور"),
      ("ROLE", "معاونان شهردار")], "روسای انجمن‌های صنفی شهرستان"),
])
def test_groups_with_determiners_hosts_and_long_lists(text, ents, group, old):
    (m,) = _rules(text, ents, old)
    got = [key(p.group) for p in m.participants if p.group]
    assert any(g.startswith(key(_old(group) if old else group)) for g in got), got


@pytest.mark.parametrize("old", [False, True])
def test_a_determiner_alone_does_not_make_a_group(old):
    # «همه» before a plural noun that no list, preposition or cue introduces stays out
    text = "شهردار در جلسه شورا گفت: همه کارکنان باید دقیق باشند."
    (m,) = _rules(text, [("ROLE", "شهردار"), ("ORG", "شورا")], old)
    assert not any(p.group and key("کارکنان") in key(p.group) for p in m.participants)


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, ents, person", [
    # a meeting noun earlier in the sentence, told with a presence verb
    ("بهرام صفایی فرماندار هنگام مراسم گرامیداشت روز معلم در مدرسه حضور داشت.",
     [("PER", "بهرام صفایی"), ("ROLE", "فرماندار")], "بهرام صفایی"),
    ("مینا کریمی شهردار منطقه هنگام آیین بازگشایی کتابخانه محله در میان کودکان حاضر شد.",
     [("PER", "مینا کریمی"), ("ROLE", "شهردار")], "مینا کریمی"),
])
def test_a_presence_verb_tells_the_meeting(text, ents, person, old):
    ms = _rules(text, ents, old)
    assert len(ms) == 1
    assert key(_old(person) if old else person) in [key(n) for n in _people(ms[0])]


@pytest.mark.parametrize("old", [False, True])
def test_presence_without_a_meeting_noun_is_no_meeting(old):
    text = "بهرام صفایی فرماندار در محل حادثه حاضر شد."
    assert _rules(text, [("PER", "بهرام صفایی"), ("ROLE", "فرماندار")], old) == []


# ---------------------------------------------------------------- visits without a meeting noun (cue class meeting.visit)
@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, ents, kind, who", [
    # presence at a place: the subject's visit
    ("فرماندار ساوه و اعضای شورای تامین شهرستان با حضور در منزل جانباز رحمانی از خانواده وی دلجویی کردند.",
     [("ROLE", "فرماندار"), ("LOC", "ساوه"), ("ROLE", "اعضای شورای تامین شهرستان")], "بازدید",
     "اعضای شورای تامین شهرستان"),
    ("کیوان رحیمی، شهردار یاسوج صبح امروز ضمن حضور در بیمارستان شهید بهشتی از کادر درمان قدردانی کرد.",
     [("PER", "کیوان رحیمی"), ("ROLE", "شهردار"), ("LOC", "یاسوج"), ("DATE", "صبح امروز"),
      ("LOC", "بیمارستان شهید بهشتی")], "بازدید", "کیوان رحیمی"),
    # arrival at a place («وارد X شد»)
    ("بیژن کاوسی، فرماندار بانه دیروز در راس هیاتی وارد سقز شد و با مسئولان گفت‌وگو کرد.",
     [("PER", "بیژن کاوسی"), ("ROLE", "فرماندار"), ("LOC", "بانه"), ("DATE", "دیروز"), ("LOC", "سقز")], "سفر",
     "بیژن کاوسی"),
])
def test_a_visit_told_by_presence_or_arrival(text, ents, kind, who, old):
    ms = _rules(text, ents, old)
    assert [m.kind for m in ms] == [kind]
    assert key(_old(who) if old else who) in [key(n) for n in _people(ms[0])]


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, ents", [
    # a meeting noun after «در» tells the meeting itself (one meeting, of that kind)
    ("کیوان رحیمی، شهردار یاسوج با حضور در جلسه شورای شهر گفت: بودجه آماده است.",
     [("PER", "کیوان رحیمی"), ("ROLE", "شهردار"), ("LOC", "یاسوج")]),
    # contests and elections are no visits
    ("کارکنان شهرداری یاسوج با حضور در مسابقات طناب‌کشی کارمندان رتبه اول را به دست آوردند.", [("ORG", "شهرداری یاسوج")]),
    ("کیوان رحیمی شهردار یاسوج با حضور در انتخابات رای خود را به صندوق انداخت.",
     [("PER", "کیوان رحیمی"), ("ROLE", "شهردار"), ("LOC", "یاسوج")]),
    # arrival of people who are no officials, and «وارد ... شد» without a place
    ("بیش از ۴۰ هزار مسافر نوروزی دیروز وارد سقز شدند.", [("FIG", "۴۰ هزار مسافر"), ("DATE", "دیروز"), ("LOC", "سقز")]),
    ("بیژن کاوسی فرماندار بانه گفت: به این بافت خسارت زیادی وارد شده است.",
     [("PER", "بیژن کاوسی"), ("ROLE", "فرماندار"), ("LOC", "بانه")]),
])
def test_presence_and_arrival_that_are_no_visits(text, ents, old):
    assert all(m.kind not in ("بازدید", "سفر") for m in _rules(text, ents, old))


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, ents, visit", [
    # the purpose of a presence told as done is the visit
    ("سهیل مرادی عضو شورای شهر قزوین که برای بازدید از پروژه قطار شهری در ایستگاه مرکزی حاضر شده بود، گفت: "
     "کار پیش می‌رود.", [("PER", "سهیل مرادی"), ("ROLE", "عضو"), ("ORG", "شورای شهر قزوین")], True),
    ("سهیل مرادی عضو شورای شهر قزوین برای بازدید از کارگاه قطار شهری به ایستگاه مرکزی آمد.",
     [("PER", "سهیل مرادی"), ("ROLE", "عضو"), ("ORG", "شورای شهر قزوین")], True),
    # a purpose with another verb (an invitation, a plan) is no visit
    ("سهیل مرادی عضو شورای شهر قزوین شهروندان را برای بازدید از نمایشگاه دعوت کرد و گفت: نمایشگاه تا جمعه باز است.",
     [("PER", "سهیل مرادی"), ("ROLE", "عضو"), ("ORG", "شورای شهر قزوین")], False),
    ("سهیل مرادی عضو شورای شهر قزوین گفت: برای بازدید از پروژه‌ها برنامه‌ریزی کرده‌ایم و در محل حاضر می‌شویم.",
     [("PER", "سهیل مرادی"), ("ROLE", "عضو"), ("ORG", "شورای شهر قزوین")], False),
])
def test_a_visit_as_the_purpose_of_a_presence(text, ents, visit, old):
    ms = _rules(text, ents, old)
    assert [m.kind for m in ms] == (["بازدید"] if visit else [])
