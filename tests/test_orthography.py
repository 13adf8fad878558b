"""The same sentence in the modern and in older spellings gives the same result.

Older text writes Arabic «ي/ك», a space where modern text has a half-space
(«مي شود», «شهرداري ها», «حسن زاده», «خليل آباد»), glues «و/در/به» to the next
word and uses Arabic-Indic digits. Sentences written for these tests.
"""
import pytest

from pipeline.normalize import normalize

Z = "\u200c"
AR = str.maketrans({"ی": "ي", "ک": "ك"})
AR_DIGITS = str.maketrans(dict(zip("۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")))


def old(s: str) -> str:
    """Arabic letters, every half-space a space."""
    return s.translate(AR).replace(Z, " ")


# (modern spelling with «|» for a half-space, older spelling or None for old(modern))
PAIRS = [
    ("شهرداری|ها می|شود", None),
    ("برنامه|ریزی برای بزرگراه|ها", None),
    ("جلسه شورای شهر کرمان", None),
    ("شهردار حاجی|آباد گفت", None),               # place name + «آباد»
    ("اهالی روستای خلیل|آباد", None),
    ("فرماندار، علی حسن|زاده، گفت", None),         # surname + «زاده»
    ("مهدی محمدزاده به شورا رفت", "مهدي محمد زاده به شورا رفت"),
    ("احمد ملک|پور عضو شورا", None),               # surname + «پور»
    ("معاون استاندار، نصرت|اله کریمی", None),       # given name + «اله/الله»
    ("حجت|الاسلام قطب|الدین رضایی", None),
    ("رئیس جمهور احمدی|نژاد", None),
    ("در سال ۱۴۰۲ و ۱۳۹۸", "در سال ١٤٠٢ و ١٣٩٨"),
    ("و امسال در تهران", "وامسال درتهران"),
]


@pytest.mark.parametrize("modern, older", PAIRS)
def test_normalized_text_is_the_same(modern, older):
    modern = modern.replace("|", Z)
    older = old(modern) if older is None else older
    assert normalize(older).text == normalize(modern).text


@pytest.mark.parametrize("text", ["او در تهران زاده شد", "به الله", "مردم به آباد کردن شهر کمک کردند"])
def test_name_pieces_not_joined_after_function_words(text):
    """«زاده» before a verb is «born», and a piece after a function word stays apart
    (after a content word «آباد» is joined even as an adjective: «کشور آباد»; a known cost)."""
    out = normalize(text).text
    assert Z not in out and out.split() == text.split()


# Whole sentences: the extracted entities and officials are the same.
SENTENCES = [
    "علی حسن|زاده، شهردار حاجی|آباد، گفت: برنامه|ریزی برای خیابان|ها انجام می|شود.",
    "نصرت|اله کریمی، فرماندار شهرستان، در جلسه شورای شهر گفت: این طرح تا پایان سال ۱۴۰۳ اجرا خواهد شد.",
    "احمد ملک|پور، رئیس شورای اسلامی شهر کرمان، از ساخت ۱۲ مدرسه در منطقه خبر داد.",
]


@pytest.fixture(scope="module")
def extractor(shipped_model):
    from pipeline.extract import Extractor

    return Extractor(model=shipped_model, threads=1)


def _facts(art):
    ents = sorted((e.label, e.text.replace(Z, "").replace(" ", "")) for e in art.entities)
    offs = sorted((o.person or "", o.role or "") for o in art.officials)
    return ents, [(p.replace(Z, "").replace(" ", ""), r.replace(Z, "").replace(" ", "")) for p, r in offs]


@pytest.mark.parametrize("modern", SENTENCES)
@pytest.mark.parametrize("variant", ["old", "glued"])
def test_extraction_is_the_same(extractor, modern, variant):
    modern = modern.replace("|", Z)
    older = old(modern).translate(AR_DIGITS) if variant == "old" else modern.replace(Z, "")
    a = _facts(extractor.extract_text(modern, doc_id="m"))
    b = _facts(extractor.extract_text(older, doc_id="o"))
    assert a[0], "the modern sentence has entities"
    assert b == a
