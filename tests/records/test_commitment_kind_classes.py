"""Commitment kinds by classes of the clause verb (ninth pass), each with its kind and actor, in three
spellings: as written, the older orthography (Arabic ي/ك, half-spaces as spaces: «مي شود») and with
the affixes glued («میشود»).

Classes (ANNOTATION.md, settled points, plan vs promise): an announced completion date is a promise
even in the third person; other scheduled work (a start or an event date, a present passive with a
future meaning) stays a plan; what an official spoke about («با اشاره به ...، افزود») is no
commitment; a plan told as a state of the past («قرار داشت», «بود») is none, an adopted plan
(«قرار گرفت») stays one; scheduled work in a clause-final third-person subjunctive with nothing that
makes it dependent is a directive, an obligation. Sentences written for these tests.
"""
import pytest

from pipeline.records.commitments import find_commitments

from .conftest import make_doc


def _old(text: str) -> str:
    return text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")


def _glued(text: str) -> str:
    return text.replace("می\u200c", "می").replace("نمی\u200c", "نمی")


SPELLINGS = {"modern": lambda t: t, "old": _old, "glued": _glued}
SPEAKER = "بهرام نیک‌نفس"

#: (sentence, entities, kind, actor): the one commitment the sentence holds
ONE = [
    # an announced completion date: a promise of the official who announces it (third person)
    (f"{SPEAKER} گفت: دو پل عابر پیاده تا پایان سال افتتاح می‌شود.",
     [("PER", SPEAKER), ("DATE", "تا پایان سال")], "promise", SPEAKER),
    (f"{SPEAKER} گفت: ساختمان کتابخانه محله تا خرداد آینده به بهره‌برداری می‌رسد.",
     [("PER", SPEAKER), ("DATE", "تا خرداد آینده")], "promise", SPEAKER),
    (f"{SPEAKER} گفت: تونل شمالی تا پایان تابستان تکمیل خواهد شد.",
     [("PER", SPEAKER), ("DATE", "تا پایان تابستان")], "promise", SPEAKER),
    # the same work without a date: scheduled work, a plan
    (f"{SPEAKER} گفت: دو پل عابر پیاده در این محله افتتاح می‌شود.",
     [("PER", SPEAKER)], "plan", SPEAKER),
    # a start or event date is no completion date: a plan (a schedule announcement)
    (f"{SPEAKER} گفت: عملیات ساخت پارکینگ طبقاتی از هفته آینده آغاز می‌شود.",
     [("PER", SPEAKER), ("DATE", "از هفته آینده")], "plan", SPEAKER),
    (f"{SPEAKER} گفت: جشنواره گل و گیاه دوشنبه آینده در بوستان ملت برگزار خواهد شد.",
     [("PER", SPEAKER), ("DATE", "دوشنبه آینده"), ("LOC", "بوستان ملت")], "plan", SPEAKER),
    # a present passive with a future meaning, no date: a plan
    (f"{SPEAKER} گفت: در حاشیه رودخانه یک مسیر پیاده‌روی احداث می‌شود.",
     [("PER", SPEAKER)], "plan", SPEAKER),
    # the first person stays a promise with or without a date
    (f"{SPEAKER} گفت: این بوستان را تا پایان سال افتتاح می‌کنیم.",
     [("PER", SPEAKER), ("DATE", "تا پایان سال")], "promise", SPEAKER),
    # a plan adopted (inchoative past) stays a plan
    ("شهرداری بابلسر احداث دو بوستان محله‌ای را در دستور کار قرار داد.",
     [("ORG", "شهرداری بابلسر")], "plan", "شهرداری بابلسر"),
    # a topic with a commitment of its own («با بیان اینکه ...») keeps it
    (f"{SPEAKER} با بیان اینکه شهرداری‌ها باید پسماند را تفکیک کنند، افزود: این کار آغاز شده است.",
     [("PER", SPEAKER)], "obligation", "شهرداری‌ها"),
    # the speakers' own estimate is no forecast: a plan
    (f"{SPEAKER} گفت: پیش‌بینی می‌کنیم که ساخت این مجموعه در سال آینده آغاز خواهد شد.",
     [("PER", SPEAKER), ("DATE", "سال آینده")], "plan", SPEAKER),
    # a present passive with a time ahead is scheduled work: a plan
    ("به‌زودی جشنواره غذای محلی در بوستان ساحلی برگزار می‌شود.",
     [("LOC", "بوستان ساحلی")], "plan", None),
    (f"{SPEAKER} گفت: کمک‌هزینه تحصیلی تا پایان ماه پرداخت می‌شود.",
     [("PER", SPEAKER), ("DATE", "تا پایان ماه")], "plan", SPEAKER),
    # a group noun after another noun is its possessor, not the actor: the speaker's plan
    (f"{SPEAKER} گفت: کمک‌هزینه ورزشکاران تا پایان ماه پرداخت می‌شود.",
     [("PER", SPEAKER), ("DATE", "تا پایان ماه")], "plan", SPEAKER),
    ("طرح جامع ترافیک هفته آینده در کمیسیون شورا مورد بررسی قرار می‌گیرد.",
     [("DATE", "هفته آینده")], "plan", None),
    # an agreement reached («به توافق رسیدند»)
    ("شهرداری بابلسر و اداره آب با یکدیگر به توافق رسیدند.",
     [("ORG", "شهرداری بابلسر")], "agreement", "شهرداری بابلسر"),
    # scheduled work as a clause-final third-person subjunctive in a statement: a directive, an obligation
    (f"{SPEAKER} گفت: طرح‌های نیمه‌تمام محله‌ها تا پایان هفته به بهره‌برداری برسد.",
     [("PER", SPEAKER), ("DATE", "تا پایان هفته")], "obligation", None),
    # ... but not after a plan cue («قرار است ... برسد»: a plan) or a hope («امیدواریم ... برسد»: a promise)
    (f"{SPEAKER} گفت: قرار است طرح‌های نیمه‌تمام تا پایان هفته به بهره‌برداری برسد.",
     [("PER", SPEAKER), ("DATE", "تا پایان هفته")], "plan", SPEAKER),
    (f"{SPEAKER} گفت: امیدواریم طرح‌های نیمه‌تمام تا پایان هفته به بهره‌برداری برسد.",
     [("PER", SPEAKER), ("DATE", "تا پایان هفته")], "promise", SPEAKER),
]

#: sentences that hold no commitment
NONE = [
    # the topic of a speech frame: what the official spoke about
    (f"{SPEAKER} با اشاره به برنامه‌ریزی برای نوسازی ناوگان اتوبوسرانی، افزود: کار بزرگی است.",
     [("PER", SPEAKER)]),
    (f"{SPEAKER} در رابطه با درخواست کسبه برای تمدید قرارداد اجاره گفت: بررسی نشده است.",
     [("PER", SPEAKER)]),
    (f"{SPEAKER} ضمن اشاره به طرح‌های در دست اجرای شهرداری اظهار کرد: مردم صبور باشند.",
     [("PER", SPEAKER)]),
    # a third party's forecast before scheduled work told with a light verb
    ("بانک جهانی پیش‌بینی می‌کند که رشد اقتصادی منطقه در سال آینده متوقف خواهد شد.", [("DATE", "سال آینده")]),
    ("به نظر می‌رسد بازار مسکن در ماه‌های آینده آرام خواهد شد.", []),
    ("احتمال دارد مسابقه فردا به دلیل بارش برف لغو شود و بعدا برگزار خواهد شد.", []),
    # a present passive without a time ahead: a habit or a rule, and a negated one
    ("جشنواره غذای محلی هر سال در بوستان ساحلی برگزار می‌شود.", [("LOC", "بوستان ساحلی")]),
    ("کمک‌هزینه ورزشکاران تا پایان ماه پرداخت نمی‌شود.", [("DATE", "تا پایان ماه")]),
    # a plan told as a state of the past
    ("ساماندهی دستفروشان در نوروز گذشته در دستور کار شهرداری قرار داشت.", []),
    ("بازسازی این بنا در سال‌های جنگ در حال اجرا بود.", []),
]


def _doc(text, entities, spelling):
    sp = SPELLINGS[spelling]
    return make_doc(sp(text), [(label, sp(sub)) for label, sub in entities])


@pytest.mark.parametrize("spelling", list(SPELLINGS))
@pytest.mark.parametrize("text, entities, kind, actor", ONE)
def test_kind_class_and_actor(text, entities, kind, actor, spelling):
    cs = find_commitments(_doc(text, entities, spelling))
    assert [c.kind for c in cs] == [kind], [(c.kind, c.content) for c in cs]
    expected = None if actor is None else SPELLINGS[spelling](actor)
    assert cs[0].actor == expected


@pytest.mark.parametrize("spelling", list(SPELLINGS))
@pytest.mark.parametrize("text, entities", NONE)
def test_no_commitment(text, entities, spelling):
    cs = find_commitments(_doc(text, entities, spelling))
    assert cs == [], [(c.kind, c.content) for c in cs]


@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_topic_frame_switch_off_keeps_the_cue(spelling, monkeypatch):
    """The topic check is what drops the frame's cue (the same sentence yields a plan without it)."""
    from pipeline.records import commitments

    monkeypatch.setattr(commitments, "TOPICS", False)
    text, entities = NONE[0]
    cs = find_commitments(_doc(text, entities, spelling))
    assert [c.kind for c in cs] == ["plan"]


@pytest.mark.parametrize("spelling", list(SPELLINGS))
@pytest.mark.parametrize("text, dropped", [
    ("ساماندهی دستفروشان در دستور کار شهرداری قرار داشت.", True),
    ("ساماندهی دستفروشان در دستور کار شهرداری قرار دارد.", False),
    ("بازسازی این بنا در حال اجرا بود.", True),
    ("بازسازی این بنا در حال اجرا بوده است.", False),
    ("بازسازی این بنا در حال اجرا است.", False),
])
def test_past_state(text, dropped, spelling):
    from pipeline.records.commitments import cue_kind_detail
    from pipeline.textkey import fold

    t = SPELLINGS[spelling](text)
    kind, _ = cue_kind_detail(fold(t), 0, len(t))
    assert (kind == "not") if dropped else (kind == "plan")
