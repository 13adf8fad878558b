"""Commitments: each kind, clause splitting, exclusions, deadlines and figures."""
import pytest

from pipeline.records.commitments import find_commitments

from .conftest import make_doc


@pytest.mark.parametrize("sentence,kind", [
    ("تفاهم‌نامه همکاری میان شهرداری ساری و دانشگاه مازندران امضا شد.", "agreement"),
    ("در این جلسه مقرر شد ساعت کار ادارات کاهش یابد.", "decision"),
    ("پیمانکاران موظف هستند کارگاه‌ها را ایمن کنند.", "obligation"),
    ("شهرداری‌ها باید پسماند را تفکیک کنند.", "obligation"),
    ("تلاش داریم ناوگان اتوبوسرانی را نوسازی کنیم.", "promise"),
    ("امیدواریم مشکل آب شرب روستاها حل شود.", "promise"),
    ("ما این پروژه را به پایان خواهیم رساند.", "promise"),
    ("ساخت بیمارستان جدید در حال انجام است.", "plan"),
    ("برنامه‌ریزی‌های لازم برای بازگشایی مدارس انجام شده است.", "plan"),
])
def test_each_kind(sentence, kind):
    doc = make_doc(sentence, [])
    (c,) = find_commitments(doc)
    assert c.kind == kind
    assert c.evidence is not None and c.evidence.text == sentence


def test_spacing_variants_of_cues():
    for verb in ("هزینه می‌شود", "هزینه می شود", "هزینه میشود"):
        doc = make_doc(f"برای ساخت پل ۲۰ میلیارد تومان {verb}.", [("FIG", "۲۰ میلیارد تومان")])
        (c,) = find_commitments(doc)
        assert c.kind == "plan" and c.figures == ["۲۰ میلیارد تومان"]


def test_compound_sentence_gives_one_commitment_per_clause():
    text = "پروژه‌های عمرانی باید زودتر تمام شود و مدیران مناطق باید گزارش ماهانه ارائه کنند."
    doc = make_doc(text, [])
    cs = find_commitments(doc)
    assert len(cs) == 2
    assert cs[0].content.startswith("پروژه‌های عمرانی") and "مدیران" not in cs[0].content
    assert "گزارش ماهانه" in cs[1].content


def test_deadline_and_figures_inside_the_clause():
    text = "علی فرجی گفت: ۳ مدرسه جدید تا پایان سال به بهره‌برداری می‌رسد."
    doc = make_doc(text, [("PER", "علی فرجی"), ("FIG", "۳ مدرسه"), ("DATE", "تا پایان سال")])
    (c,) = find_commitments(doc)
    # an announced completion date: plan or promise (ANNOTATION.md; the classifier picks between them)
    assert c.kind in ("plan", "promise")
    assert c.deadline == "تا پایان سال" and c.figures == ["۳ مدرسه"]
    assert c.actor == "علی فرجی"  # the speaker
    assert "علی فرجی گفت" not in c.content


def test_predictions_are_not_commitments_and_repeats_are_merged():
    text = ("این طرح نقش مهمی در اشتغال خواهد داشت.\n"
            "پنج پارک تا پایان سال به بهره‌برداری می‌رسد.\n"
            "وی گفت: پنج پارک تا پایان سال به بهره‌برداری می‌رسد.")
    doc = make_doc(text, [])
    cs = find_commitments(doc)
    assert len(cs) == 1 and cs[0].kind in ("plan", "promise")  # scheduled work: the classifier picks


def test_obligation_inside_background_clause_starts_after_that():
    text = "مینا رادمنش با بیان اینکه پیاده‌روها باید بازسازی شوند، گفت: کار از هفته آینده شروع می‌شود."
    doc = make_doc(text, [("PER", "مینا رادمنش"), ("DATE", "هفته آینده")])
    cs = find_commitments(doc)
    assert cs[0].kind == "obligation" and cs[0].content.startswith("پیاده‌روها باید")


def _old(text: str) -> str:
    """Older orthography: Arabic ي/ك, ZWNJ written as a space."""
    return text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("sentence,kind", [
    # «باید» + an effort verb in the first person plural: the speakers commit themselves
    ("ما باید تلاش کنیم تا ترافیک مرکز شهر کاهش یابد.", "promise"),
    ("باید بکوشیم فضای سبز محله‌ها را گسترش دهیم.", "promise"),
    ("بایستی همت کنیم که پروژه‌های نیمه‌تمام شهر تکمیل شود.", "promise"),
    # other first-person duties and third-person duties stay obligations
    ("باید از ظرفیت بخش خصوصی استفاده کنیم.", "obligation"),
    ("پیمانکاران باید تلاش کنند تا کار زودتر تمام شود.", "obligation"),
])
def test_must_we_strive_is_a_promise(sentence, kind, old):
    sentence = _old(sentence) if old else sentence
    (c,) = find_commitments(make_doc(sentence, []))
    assert c.kind == kind


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("sentence,kind", [
    # administrative acts reported as done are decisions (ANNOTATION.md, settled points)
    ("استاندار دستور تعمیر فوری پل‌های روستایی را صادر کرد.", "decision"),
    ("مدارس شهرستان تا پایان هفته تعطیل اعلام شد.", "decision"),
    ("مریم کاظمی به عنوان شهردار جدید لاهیجان معرفی شد.", "decision"),
    ("وزیر کشور از مجلس رأی اعتماد گرفت.", "decision"),
    ("رضا توکلی به سمت مدیرکل حمل‌ونقل استان منصوب شد.", "decision"),
])
def test_administrative_acts_are_decisions(sentence, kind, old):
    sentence = _old(sentence) if old else sentence
    (c,) = find_commitments(make_doc(sentence, []))
    assert c.kind == kind


@pytest.mark.parametrize("old", [False, True])
def test_taking_a_share_is_not_an_allocation(old):
    sentence = "این پارک بیشترین بازدیدکننده شهر را به خود اختصاص داد."
    sentence = _old(sentence) if old else sentence
    assert find_commitments(make_doc(sentence, [])) == []


#: cue classes added for duties, prohibitions, expectations, council resolutions, permits, promises as
#: nouns, resolve, priorities, intentions and work under negotiation; each sentence also runs in the
#: older orthography
NEW_CUES = [
    ("پاسخگویی به مردم وظیفه همه مدیران شهری است.", "obligation"),
    ("نظارت بر پیمانکاران تکلیف قانونی شهرداری است.", "obligation"),
    ("کسبه حق ندارند پیاده‌رو را اشغال کنند.", "obligation"),
    ("شهرداری ناچار است هزینه جمع‌آوری پسماند را افزایش دهد.", "obligation"),
    ("انتظار می‌رود بازرسان شهرداری دقیق‌تر عمل کنند.", "obligation"),
    ("بر اساس مصوبه شورای شهر نرخ بلیت مترو ده درصد افزایش یافت.", "decision"),
    ("وعده استاندار برای تکمیل بیمارستان شهر هنوز عملی نشده است.", "promise"),
    ("بهسازی معابر فرسوده در اولویت قرار گرفته است.", "plan"),
    ("سازمان حمل و نقل در حال رایزنی با بانک‌ها برای خرید اتوبوس است.", "plan"),
    ("در نظر است دو کتابخانه محله‌ای دیگر ساخته شود.", "plan"),
    ("از پیمانکاران خواسته شده است مصالح را از معابر جمع کنند.", "obligation"),
    ("صدور مجوز ساخت برای این قطعه متوقف شد.", "decision"),
    ("اعضای شورا با تصویب این طرح ساعت کار کتابخانه‌ها را افزایش دادند.", "decision"),
    ("مدیران شهری برای حل مشکل پسماند عزم جدی دارند.", "promise"),
]


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, kind", NEW_CUES)
def test_new_cue_classes_in_both_orthographies(text, kind, old):
    from pipeline.records.commitments import cue_kind
    from pipeline.textkey import fold

    t = _old(text) if old else text
    assert cue_kind(fold(t), 0, len(t)) == kind


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, kind, scheduled", [
    ("سه بوستان محله‌ای تا پایان سال افتتاح می‌شود.", "plan", True),        # light verb: the model decides
    ("شهردار از افتتاح سه بوستان تا پایان سال خبر داد.", "plan", True),     # an announcement as a noun
    ("قرار است سه بوستان محله‌ای تا پایان سال افتتاح شود.", "plan", False),  # «قرار است»: a plan by the guideline
    ("بازسازی بازار در دستور کار قرار گرفت.", "plan", False),
    ("ما این بوستان‌ها را تا پایان سال افتتاح می‌کنیم.", "promise", False),   # first person
    ("ساخت کتابخانه مرکزی تا خرداد به اتمام می‌رسد.", "plan", True),
    ("حاشیه رودخانه به فضای سبز تبدیل خواهد شد.", "plan", True),              # a future passive
])
def test_scheduled_work_is_marked_for_the_classifier(text, kind, scheduled, old):
    from pipeline.records.commitments import cue_kind_detail
    from pipeline.textkey import fold

    t = _old(text) if old else text
    assert cue_kind_detail(fold(t), 0, len(t)) == (kind, scheduled)


@pytest.mark.parametrize("old", [False, True])
def test_explicit_plan_cue_stays_a_plan_whatever_the_classifier_says(old):
    text = "قرار است سه بوستان محله‌ای تا پایان سال افتتاح شود."
    t = _old(text) if old else text
    cs = find_commitments(make_doc(t, []))
    assert [c.kind for c in cs] == ["plan"]


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, kind", [
    # a negated necessity or duty is no commitment at all ("not"); a literal prohibition stays an obligation
    ("برای این کار ساختن یک ساختمان تازه لازم نیست.", "not"),
    ("نگهداری این پارک بر عهده شهرداری منطقه نیست.", "not"),
    ("پیمانکار موظف نیست هزینه برق را بپردازد.", "not"),
    ("شهرداری از شورا تمدید مهلت را نخواست.", "not"),
    ("پیمانکار موظف است هزینه برق را بپردازد.", "obligation"),
    ("پیمانکاران نباید پیاده‌رو را اشغال کنند.", "obligation"),
    ("کسبه حق ندارند پیاده‌رو را اشغال کنند.", "obligation"),
    # «باید» of discourse (saying, naming, waiting, not forgetting) is no duty
    ("باید گفت که بودجه امسال کافی نبود.", "not"),
    ("این جشنواره را باید یک اتفاق خوب نامید.", "not"),
    ("نباید فراموش کرد که ترافیک شهر سنگین است.", "not"),
    ("برای دیدن نتیجه باید منتظر ماند.", "not"),
    ("باید بگوییم که کار خوبی انجام شد.", "not"),
    ("شهرداری باید پیاده‌روها را بازسازی کند.", "obligation"),
    # ongoing work with «در حال» + a verbal noun, also with its ezafe («اجرای»)
    ("در حال ساخت خط لوله آب برای بوستان‌ها هستیم.", "plan"),
    ("در حال اجرای کارهای نهایی ساختمان هستیم.", "plan"),
    ("در حال حاضر ساختمان خالی است.", None),
    # «به دنبال ... هستیم»: the speakers pursue it, however long the object
    ("به دنبال حل مشکلات آب و برق و گاز ساکنان شهرک‌های تازه‌ساز شهر هستیم.", "promise"),
])
def test_negated_duties_discourse_must_and_ongoing_work(text, kind, old):
    from pipeline.records.commitments import cue_kind
    from pipeline.textkey import fold

    t = _old(text) if old else text
    assert cue_kind(fold(t), 0, len(t)) == kind


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, date, kind", [
    # the completion of scheduled work with a date in the clause announces a completion date: a promise
    ("سه بوستان محله‌ای تا پایان سال افتتاح می‌شود.", "تا پایان سال", ("promise", False)),
    ("ساخت کتابخانه مرکزی تا خرداد آینده به اتمام می‌رسد.", "تا خرداد آینده", ("promise", False)),
    ("این مجموعه در سال آینده به بهره‌برداری خواهد رسید.", "در سال آینده", ("promise", False)),
    # without a date it stays scheduled work (plan; the classifier may decide)
    ("سه بوستان محله‌ای افتتاح می‌شود.", None, ("plan", True)),
    # other scheduled work with a date is not a completion: still a plan
    ("عملیات ساخت پل از هفته آینده آغاز می‌شود.", "از هفته آینده", ("plan", True)),
    # an explicit plan cue keeps its kind
    ("قرار است سه بوستان تا پایان سال افتتاح شود.", "تا پایان سال", ("plan", False)),
])
def test_announced_completion_date_is_a_promise(text, date, kind, old, monkeypatch):
    from pipeline.records import commitments
    from pipeline.records.commitments import cue_kind_detail
    from pipeline.textkey import fold

    monkeypatch.setattr(commitments, "COMPLETION_DATE_PROMISE", True)

    t = _old(text) if old else text
    dates = [] if date is None else [(t.index(_old(date) if old else date), t.index(_old(date) if old else date) + len(date))]
    assert cue_kind_detail(fold(t), 0, len(t), dates=dates) == kind


@pytest.mark.parametrize("old", [False, True])
def test_completion_date_stays_a_plan_when_switched_off(old, monkeypatch):
    from pipeline.records import commitments
    from pipeline.records.commitments import cue_kind_detail
    from pipeline.textkey import fold

    monkeypatch.setattr(commitments, "COMPLETION_DATE_PROMISE", False)

    t = "سه بوستان محله‌ای تا پایان سال افتتاح می‌شود."
    t = _old(t) if old else t
    d = t.index("تا")
    assert cue_kind_detail(fold(t), 0, len(t), dates=[(d, d + len("تا پایان سال"))]) == ("plan", True)


#: directives (``clause.directive``): a clause-final third-person subjunctive with no subordinator,
#: condition, ability or modal before it; (text, is a directive). Also run glued («میشود») and in the
#: older orthography (Arabic ي/ك, ZWNJ as a space: «مي شود» must stay a present, not a subjunctive)
DIRECTIVE_CASES = [
    ("کلاس‌های حضوری مدارس تا پایان هفته تعطیل شود", True),
    ("پیمانکاران نسبت به جمع‌آوری نخاله‌ها اقدام کنند", True),
    ("دستگاه‌های اجرایی از مأموریت‌های غیرضروری خودداری نمایند", True),
    ("بازرسی از نانوایی‌ها هر هفته صورت گیرد", True),
    ("مدیران مناطق در جلسات محله شرکت نکنند", True),               # a prohibition
    ("جلسه شورای ترافیک هر هفته برگزار می‌شود", False),             # present, not subjunctive
    ("جلسه شورای ترافیک هر هفته برگزار میشود", False),
    ("اگر بودجه تأمین شود", False),                                 # a condition
    ("این طرح می‌تواند باعث رونق گردشگری شود", False),              # ability, cause
    ("تلاش می‌کنیم این پروژه زودتر تمام شود تا مردم راضی باشند", False),  # a subordinate clause ends it
    ("بوستان محله تا پایان سال افتتاح شد", False),                  # past
    ("ما در جلسات محله شرکت کنیم", False),                          # first person
]


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("text, expected", DIRECTIVE_CASES)
def test_directives_in_both_orthographies(text, expected, old):
    from pipeline.lexicons.matcher import cue_classes
    from pipeline.records.commitments import DIRECTIVE, is_directive
    from pipeline.textkey import fold

    ft = fold(_old(text) if old else text)
    cues = cue_classes()
    found = any(is_directive(ft, m, 0, len(ft), cues)
                for m in cues.finditer(ft, DIRECTIVE, 0, len(ft), folded=True, overlaps=True))
    assert found == expected


@pytest.mark.parametrize("old", [False, True])
def test_directives_are_obligations_when_switched_on(old, monkeypatch):
    from pipeline.records import commitments
    from pipeline.textkey import fold

    text = "فرماندار گفت: کلاس‌های حضوری مدارس تا پایان هفته تعطیل شود، ادارات با مرخصی کارکنان موافقت کنند و جلسات غیرضروری لغو شود."
    text = _old(text) if old else text
    clause = "کلاس‌های حضوری مدارس تا پایان هفته تعطیل شود"
    clause = _old(clause) if old else clause
    ft = fold(clause)
    monkeypatch.setattr(commitments, "DIRECTIVES", False)
    assert commitments.cue_kind(ft, 0, len(ft)) is None
    monkeypatch.setattr(commitments, "DIRECTIVES", True)
    assert commitments.cue_kind(ft, 0, len(ft)) == "obligation"
    # three coordinated directives of one statement are one obligation
    cs = [c for c in commitments.find_commitments(make_doc(text, [])) if c.kind == "obligation"]
    assert len(cs) == 1
    assert cs[0].content.startswith(_old("کلاس‌های") if old else "کلاس‌های") and cs[0].content.endswith(_old("لغو شود") if old else "لغو شود")
