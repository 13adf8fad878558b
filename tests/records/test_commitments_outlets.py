"""Commitments that hold on other outlets: classes of clauses that look like commitments but bind
nobody (README, "Eighth pass"). Each table runs in three spellings: modern, older (Arabic ي/ك with
ZWNJ as a space: «مي شود») and glued (ZWNJ dropped: «میشود»)."""
import pytest

from pipeline.records.commitments import classify_clause, find_commitments
from pipeline.records.clauses import split_clauses
from pipeline.textkey import fold

from .conftest import make_doc

SPELLINGS = ("modern", "old", "glued")


def _spell(text: str, how: str) -> str:
    if how == "old":
        return text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")
    if how == "glued":
        return text.replace("\u200c", "")
    return text


def _kinds(text: str) -> list[str | None]:
    """The rule-and-classifier kind of every clause of a one-sentence text."""
    ft = fold(text)
    return [classify_clause(ft, cl) for cl in split_clauses(text, 0, len(text), ft)]


@pytest.mark.parametrize("how", SPELLINGS)
@pytest.mark.parametrize("text,kinds", [
    # a generic individual or the reader before «باید»: moralizing or advice, nobody in charge
    ("هر کس باید به قانون احترام بگذارد.", [None]),
    ("انسان باید همیشه به فکر آینده باشد.", [None]),
    ("شما باید پیش از شروع کار با اهالی مشورت می‌کردید.", [None]),
    # the modal's verb in the second person: a manual, advice to the reader
    ("برای تمدید کارت باید فرم زیر را پر کنید.", [None]),
    # the modal frames a proposition with no one in charge («باید توجه داشت که», «همه باید بدانند که»)
    ("باید توجه داشت که قیمت مصالح بالا رفته است.", [None]),
    ("همه باید بدانند که آب شهر محدود است.", [None]),
    ("نباید فراموش کرد که شهر بزرگ‌تر شده است.", [None]),
    # near misses: a body in charge, everyone called to act, a concrete measure, a request
    ("شهرداری باید تا پایان سال پیاده‌روها را بازسازی کند.", ["obligation"]),
    ("همه دستگاه‌ها باید در طرح تفکیک زباله همکاری کنند.", ["obligation"]),
    ("همه باید در طرح تفکیک زباله مشارکت کنند.", ["obligation"]),
    ("باید نام این خیابان را تغییر داد.", ["obligation"]),
    ("پیمانکار باید ظرف یک ماه گزارش کار را ارائه کند.", ["obligation"]),
])
def test_modals_with_nobody_in_charge(text, kinds, how):
    assert _kinds(_spell(text, how)) == kinds


@pytest.mark.parametrize("how", SPELLINGS)
@pytest.mark.parametrize("text,kinds", [
    # the consequence of a clause condition is a prediction (scheduled work told with a light verb)
    ("اگر شهرداری در این کار ورود کند، بسیاری از مشکلات برطرف خواهد شد.", [None, None]),
    ("چنانچه بارندگی ادامه یابد، سطح آب سد بالا می‌رود.", [None, None]),
    ("در صورتی که اعتبارات برسد، پروژه تا پایان سال تکمیل می‌شود.", [None]),
    # a commitment cue inside the condition does not count
    ("اگر کارشناسان به این نتیجه برسند که طرح باید تصویب شود.", [None]),
    # near misses: an explicit cue or a first-person verb in the consequence, a procedural condition
    ("اگر مجوز صادر شود، این پروژه را اجرا خواهیم کرد.", [None, "promise"]),
    ("اگر اعتبار برسد، شهرداری موظف است کار را تمام کند.", ["obligation"]),  # one clause
    ("اگر خواهان امنیت هستیم باید از ظرفیت بخش خصوصی استفاده کنیم.", ["obligation"]),
    ("قرار است پل عابر پیاده تا پایان سال ساخته شود.", ["plan"]),
])
def test_conditions(text, kinds, how):
    assert _kinds(_spell(text, how)) == kinds


@pytest.mark.parametrize("how", SPELLINGS)
@pytest.mark.parametrize("text,kind", [
    # a legal consequence, a plan told as past (it did not happen as planned), an aim
    ("هر کس از محل پلمب‌شده استفاده کند به حبس محکوم خواهد شد.", None),
    ("متخلفان به پرداخت جزای نقدی محکوم می‌شوند.", None),
    ("قرار بود این پل سال گذشته افتتاح شود.", None),
    ("هدف این طرح کاهش ترافیک در مرکز شهر است.", None),
    # near misses
    ("قرار است این پل سال آینده افتتاح شود.", "plan"),
    ("قرار شد این پل سال آینده افتتاح شود.", "decision"),
    ("با هدف کاهش ترافیک، خط جدید اتوبوس راه‌اندازی خواهد شد.", "plan"),
])
def test_penalties_past_plans_and_aims(text, kind, how):
    kinds = [k for k in _kinds(_spell(text, how)) if k is not None]
    assert kinds == ([kind] if kind else [])


@pytest.mark.parametrize("how", SPELLINGS)
@pytest.mark.parametrize("text,role,kind", [
    # a cue word inside a title or an organization's name is no cue
    ("استان گلستان: علی رضایی (معاون برنامه‌ریزی استانداری)", "معاون برنامه‌ریزی استانداری", None),
    ("محمد کریمی، رئیس مرکز مطالعات و برنامه‌ریزی شهر تهران، در این جلسه حضور داشت.",
     "رئیس مرکز مطالعات و برنامه‌ریزی شهر تهران", None),
    # near miss: the same word outside the span is a plan
    ("معاون استاندار گفت: برنامه‌ریزی برای بازسازی مدارس در حال انجام است.", "معاون استاندار", "plan"),
])
def test_cue_words_inside_titles(text, role, kind, how):
    text, role = _spell(text, how), _spell(role, how)
    doc = make_doc(text, [("ROLE", role)])
    kinds = [c.kind for c in find_commitments(doc)]
    assert kinds == ([kind] if kind else [])


@pytest.mark.parametrize("how", SPELLINGS)
@pytest.mark.parametrize("text,kinds", [
    # a third person of a vowel stem («نماید», «فرماید») is no second person plural («نمایید»)
    ("جشنواره باید بر حل مشکلات شهری تأکید نماید.", ["obligation"]),
    ("برای ثبت نام باید مدارک خود را ارسال نمایید.", [None]),
])
def test_third_person_of_vowel_stems(text, kinds, how):
    assert _kinds(_spell(text, how)) == kinds
