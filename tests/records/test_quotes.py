"""Quotes: colon statements over sentences/lines, reported speech, background clauses."""
import pytest

from pipeline.records.quotes import find_quotes

from .conftest import make_doc


def test_colon_quote_runs_over_sentences_until_next_attribution():
    text = ("نرگس یاوری گفت: پارک محله تا بهار آماده می‌شود. دو زمین بازی هم ساخته شده است. "
            "وی افزود: نگهداری آن با شهرداری است.")
    doc = make_doc(text, [("PER", "نرگس یاوری")])
    qs = find_quotes(doc)
    assert len(qs) == 2
    assert "دو زمین بازی" in qs[0].text and "نگهداری" not in qs[0].text
    assert qs[1].text.startswith("نگهداری")


def test_colon_at_line_end_takes_the_next_paragraph_only():
    text = ("کامران فتحی در پایان اظهار داشت:\n\nبازار روز تا پایان سال افتتاح می‌شود.\n\n"
            "خبرنگاران از محل دیدن کردند.")
    doc = make_doc(text, [("PER", "کامران فتحی")])
    (q,) = find_quotes(doc)
    assert q.text.startswith("بازار روز") and "خبرنگاران" not in q.text
    assert q.speaker == "کامران فتحی"


def test_wrapped_lines_continue_an_unfinished_sentence():
    text = "بهزاد کیانی گفت: ساخت این مجموعه ورزشی در محله\nشمالی شهر ادامه دارد.\nپایان خبر"
    doc = make_doc(text, [("PER", "بهزاد کیانی")])
    (q,) = find_quotes(doc)
    assert "شمالی شهر ادامه دارد" in q.text and "پایان خبر" not in q.text


def test_reported_speech_from_and_ra_frames():
    text = ("مدیرعامل شرکت آب‌وفاضلاب تبریز از آغاز لوله‌گذاری در سه محله خبر داد.\n"
            "کیوان ارجمند ضمن قدردانی از مردم، صرفه‌جویی در مصرف آب را وظیفه همگانی عنوان کرد و گفت: "
            "مصرف باید کم شود.")
    doc = make_doc(text, [("ROLE", "مدیرعامل"), ("ORG", "شرکت آب‌وفاضلاب تبریز"), ("PER", "کیوان ارجمند")])
    qs = find_quotes(doc)
    texts = [q.text for q in qs]
    assert texts[0] == "آغاز لوله‌گذاری در سه محله"
    assert texts[1].startswith("صرفه‌جویی") and "قدردانی" not in texts[1]
    assert texts[2].startswith("مصرف باید")
    assert {q.speaker for q in qs} == {"کیوان ارجمند"}


def test_background_clause_is_not_a_quote():
    text = "وحید سلامی با بیان اینکه بودجه کم است، گفت: پروژه‌ها اولویت‌بندی می‌شوند."
    doc = make_doc(text, [("PER", "وحید سلامی")])
    (q,) = find_quotes(doc)
    assert "بودجه کم" not in q.text and q.text.startswith("پروژه‌ها")


def test_old_orthography_and_according_to():
    text = "به گفته فرماندار كاشان، طرح تا پايان سال اجرا مي شود.\nفرماندار كاشان گفت: اعتبار لازم تامين شده است."
    doc = make_doc(text, [("ROLE", "فرماندار"), ("LOC", "كاشان"), ("ROLE", "فرماندار"), ("LOC", "كاشان")])
    qs = find_quotes(doc)
    assert [q.text for q in qs][0].startswith("طرح تا پايان سال")
    assert all(q.speaker and "فرماندار" in q.speaker for q in qs)


def _arabic(s: str) -> str:
    return s.replace("ی", "ي").replace("ک", "ك")


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
def test_titled_speaker_takes_the_name_the_article_gives_the_title(form):
    # the title speaks first; the holder is named later with «به عنوان» + the same title
    text = form("فرماندار میبد گفت: جاده تا پایان سال تمام می‌شود.\n"
                "در این مراسم مهدی نوری به عنوان فرماندار میبد معرفی شد و از خدمات مدیران قبلی تقدیر کرد.")
    doc = make_doc(text, [("ROLE", form("فرماندار")), ("LOC", form("میبد")), ("PER", form("مهدی نوری")),
                          ("ROLE", form("فرماندار")), ("LOC", form("میبد"))])
    assert [q.speaker for q in find_quotes(doc)] == [form("مهدی نوری")]
