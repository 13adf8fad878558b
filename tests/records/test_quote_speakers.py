"""Quote speakers are officials: an institution alone, a bracketed honorific or a word of a
«...» title is never a speaker (ANNOTATION.md, quotes). Modern text, Arabic ي/ك with «مي گويد»,
and glued words."""
import pytest

from pipeline.records.attribution import in_title
from pipeline.records.quotes import find_quotes, is_bracket_honorific

from .conftest import make_doc

ORG_ONLY = [
    # an organisation as the subject, no title: no quote
    ("سازمان آتش‌نشانی تبریز اعلام کرد: ایستگاه تازه تا بهار آماده می‌شود.", [("ORG", "سازمان آتش‌نشانی تبریز")]),
    ("سازمان آتش نشاني تبريز مي گويد: ايستگاه تازه تا بهار آماده مي شود.", [("ORG", "سازمان آتش نشاني تبريز")]),
    ("شرکت‌واحداتوبوسرانی یزد گفت: ناوگان تا پایان سال نو می‌شود.", [("ORG", "شرکت‌واحداتوبوسرانی یزد")]),
]


@pytest.mark.parametrize("text,ents", ORG_ONLY)
def test_institution_alone_is_no_speaker(text, ents):
    assert find_quotes(make_doc(text, ents)) == []


TITLED = [
    # a title (with its organisation) speaks: kept
    ("مدیرعامل سازمان آتش‌نشانی تبریز گفت: ایستگاه تازه تا بهار آماده می‌شود.",
     [("ROLE", "مدیرعامل"), ("ORG", "سازمان آتش‌نشانی تبریز")], "مدیرعامل"),
    ("مديرعامل سازمان آتش نشاني تبريز مي گويد: ايستگاه تازه تا بهار آماده مي شود.",
     [("ROLE", "مديرعامل"), ("ORG", "سازمان آتش نشاني تبريز")], "مديرعامل"),
    ("اعضای شورای شهر رشت اعلام کردند: بودجه پارک‌ها افزایش می‌یابد.",
     [("ROLE", "اعضای شورای شهر"), ("LOC", "رشت")], "اعضای شورای شهر"),
]


@pytest.mark.parametrize("text,ents,who", TITLED)
def test_title_or_official_group_speaks(text, ents, who):
    (q,) = find_quotes(make_doc(text, ents))
    assert q.speaker is not None and who in q.speaker


@pytest.mark.parametrize("text,expected", [
    ("(ره)", True), ("(ع)", True), ("(عج", True), ("ره)", True), (" ( س ) ", True),
    ("خمینی", False), ("(رضا)احمدی", False), ("علی (ع) رضایی", False), ("", False),
])
def test_bracket_honorific(text, expected):
    assert is_bracket_honorific(text) is expected


HONORIFIC = [
    ("امام خمینی (ره) گفت: مردم باید در صحنه باشند.", [("PER", "(ره)")]),
    ("امام خميني (ره) مي گويد: مردم بايد در صحنه باشند.", [("PER", "(ره)")]),
    ("حضرت‌علی(ع)گفت: عدالت پایه حکومت است.", [("PER", "(ع)")]),
]


@pytest.mark.parametrize("text,ents", HONORIFIC)
def test_bracketed_honorific_tagged_as_name_is_no_speaker(text, ents):
    assert [q for q in find_quotes(make_doc(text, ents)) if q.speaker and "(" in q.speaker] == []


@pytest.mark.parametrize("text,name,expected", [
    ("در کتاب «سفر پیامبر به مدینه» آمده است", "پیامبر", True),
    ("در كتاب «سفر پيامبر» آمده است", "پيامبر", True),
    ("فیلم«مهدی‌رضایی و شهر»گفته می‌شود", "مهدی‌رضایی", True),
    ("«سرگئی آکسایونوف»، رئیس جمهوری کریمه گفت", "سرگئی آکسایونوف", False),  # the name alone in «»
    ("مهدی رضایی گفت «کار ادامه دارد»", "مهدی رضایی", False),
])
def test_in_title(text, name, expected):
    i = text.index(name)
    assert in_title(text, i, i + len(name), 0) is expected


BOOK = [
    # the title word is tagged PER; the real subject is the titled person before it
    ("«پیامبر و شاهان» کتابی است که نرگس یاوری، مدیر فرهنگی شهرداری کرج، درباره آن گفت: این کتاب در کتابخانه‌های محله توزیع می‌شود.",
     [("PER", "پیامبر"), ("PER", "نرگس یاوری"), ("ROLE", "مدیر فرهنگی"), ("ORG", "شهرداری کرج")]),
    ("«پيامبر و شاهان» كتابي است كه نرگس ياوري، مدير فرهنگي شهرداري كرج، درباره آن مي گويد: اين كتاب در كتابخانه هاي محله توزيع مي شود.",
     [("PER", "پيامبر"), ("PER", "نرگس ياوري"), ("ROLE", "مدير فرهنگي"), ("ORG", "شهرداري كرج")]),
]


@pytest.mark.parametrize("text,ents", BOOK)
def test_word_of_a_title_is_never_the_speaker(text, ents):
    qs = find_quotes(make_doc(text, ents))
    assert qs and all(q.speaker is not None and "ياوري" in q.speaker.replace("ی", "ي") for q in qs)


PRIVATE = [
    # a named person called by a private occupation, with no title: no quote
    ("روزنامه‌نگار آمریکایی کامران فتحی گفت: پل تازه ناایمن است.", [("PER", "کامران فتحی")]),
    ("كامران فتحي، نويسنده كتاب شهر، مي گويد: پل تازه ناايمن است.", [("PER", "كامران فتحي")]),
    ("کامران فتحی،خواننده پاپ، گفت: کنسرت لغو شد.", [("PER", "کامران فتحی")]),
    # «این روزنامه‌نگار افزود» after a named private person
    ("روزنامه‌نگار آمریکایی کامران فتحی گزارشی نوشت. این روزنامه‌نگار افزود: پل تازه ناایمن است.",
     [("PER", "کامران فتحی")]),
    ("روزنامه نگار امريكايي كامران فتحي گزارشي نوشت. اين روزنامه‌نگار افزود: پل تازه ناايمن است.",
     [("PER", "كامران فتحي")]),
]


@pytest.mark.parametrize("text,ents", PRIVATE)
def test_private_person_is_no_speaker(text, ents):
    assert find_quotes(make_doc(text, ents)) == []


KEPT = [
    # the same shapes with a title, or a plain untitled name: kept
    ("کامران فتحی، شهردار منطقه ۲، گفت: پل تازه ایمن است.", [("PER", "کامران فتحی"), ("ROLE", "شهردار منطقه ۲")]),
    ("كامران فتحي مي گويد: پل تازه ايمن است.", [("PER", "كامران فتحي")]),
    ("روزنامه‌نگاران از پل دیدن کردند و کامران فتحی، معاون شهردار، گفت: پل ایمن است.",
     [("PER", "کامران فتحی"), ("ROLE", "معاون شهردار")]),
]


@pytest.mark.parametrize("text,ents", KEPT)
def test_titled_or_plain_named_speaker_is_kept(text, ents):
    (q,) = find_quotes(make_doc(text, ents))
    assert q.speaker is not None and "فتح" in q.speaker
