"""pipeline.normalize.rules: each rule table applied on its own to hand-written strings.

The rows are applied through TrackedText (as the normalizer does), so every row is also
checked to be a minimal, offset-keeping edit.
"""
from __future__ import annotations

import re

import pytest

from pipeline.normalize import rules as R
from pipeline.normalize.tracked import TrackedText

Z = "\u200c"


def _run(table, s: str) -> str:
    t = TrackedText(s)
    for pattern, repl in table:
        t.sub(pattern, Z if repl == "JOIN" else repl)
    t.check()
    return t.text


@pytest.mark.parametrize("raw, expected", [
    ("كيك", "کیک"),                 # Arabic kaf/yeh (older orthography)
    ("مى", "می"),                   # alef maksura
    ("مدرسة", "مدرسه"),             # teh marbuta
    ("خانۀ", "خانه"),               # heh with yeh above
    ("\ufedb\ufe8e\ufeae", "کار"),   # presentation forms
    ("a\tb\u2003c", "a b c"),        # tab and em space
    ("a\u2028b", "a\nb"),            # line separator
    ("\u201cمتن\u201d", '"متن"'),    # curly quotes
])
def test_char_map(raw, expected):
    assert raw.translate(R.CHAR_MAP) == expected


def test_char_map_is_one_char_to_one_char():
    assert all(len(v) == 1 for v in R.CHAR_MAP.values())
    assert len(R.TRANSLATION_SRC) == len(R.TRANSLATION_DST)


def test_digit_tables():
    assert "0912 ٣٤ 5%".translate(R.DIGITS_TO_PERSIAN) == "۰۹۱۲ ۳۴ ۵%"
    assert "۱۲٪ ٣".translate(R.DIGITS_TO_ASCII) == "12% 3"


@pytest.mark.parametrize("raw, expected", [
    ("شهرداری¬ها", "شهرداری" + Z + "ها"),   # old code-page ZWNJ
    ("بقیةالله", "بقیة" + Z + "الله"),                      # keep the boundary after ة
    ("a¬b", "a¬b"),                                           # not between Arabic-script letters
])
def test_pre_rules(raw, expected):
    assert _run(R.PRE_RULES, raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("کتابِ مَن", "کتاب من"),              # diacritics
    ("اعلا\u0670م", "اعلام"),              # superscript alef (specials)
    ("شهـــر\r", "شهر"),                   # kashida, carriage return
    ("ش\u200fهردار\u200b", "شهردار"),       # RLM inside a word, zero-width space
])
def test_delete_rules(raw, expected):
    assert _run(R.DELETE_RULES, raw) == expected


def test_decorative_run_becomes_one_bullet():
    assert re.sub(R.DECORATIVE, R.BULLET, "الف ★★ ب ► ج") == "الف • ب • ج"


def test_unicode_ligatures():
    assert _run(R.UNICODE_REPLACEMENTS, "۵۰۰\ufdfc \ufefb") == "۵۰۰ریال لا"


@pytest.mark.parametrize("raw, expected", [
    ("12.5", "12.5"),                  # a decimal point stays as written (Hazm: momayyez)
    ("12.500.000", "12.500.000"),      # a chain of thousands groups keeps its dots
    ("۳.۷۵ درصد", "۳.۷۵ درصد"),
    ("سلام...", "سلام …"),
    ("سلام ...", "سلام …"),
    ("پایان.", "پایان."),
])
def test_persian_style_rules(raw, expected):
    assert _run(R.PERSIAN_STYLE_RULES, raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("a   b", "a b"),
    ("  a b  \nc ", "a b\nc"),
    ("a\n\n\n\nb", "a\n\nb"),
    ("x" + Z + Z + "y", "x" + Z + "y"),
    (Z + "x" + Z + " ", "x"),
])
def test_extra_space_rules(raw, expected):
    assert _run(R.EXTRA_SPACE_RULES, raw) == expected


def test_spurious_zwnj_after_non_joining_letter():
    assert _run([R.SPURIOUS_ZWNJ], "دار" + Z + "ها کتاب" + Z + "ها") == "دارها کتاب" + Z + "ها"


@pytest.mark.parametrize("raw, expected", [
    ("سلام ، خوبی ؟", "سلام، خوبی؟"),
    ("( متن )", "(متن)"),
    ("گفت:سلام", "گفت: سلام"),
    ("الف،ب", "الف، ب"),
    ("۱،۲۳۴،۵۶۷ ریال", "۱،۲۳۴،۵۶۷ ریال"),  # thousands groups stay unspaced
    ("۹متر", "۹ متر"),
    ("طول۹", "طول ۹"),
    ("ساعت 10:30", "ساعت 10:30"),
    ("www.site.ir", "www.site.ir"),
    ("نامه«الف»", "نامه «الف»"),
])
def test_punctuation_rules(raw, expected):
    assert _run(R.PUNCTUATION_RULES, raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("خانه ی ما", "خانه" + Z + "ی ما"),
    ("کتاب ها", "کتاب" + Z + "ها"),
    ("بزرگ ترین", "بزرگ" + Z + "ترین"),
    ("نامه ای", "نامه" + Z + "ای"),
    ("گفته اند", "گفته" + Z + "اند"),
    ("شنبهها", "شنبه" + Z + "ها"),
    ("۱۰ ها", "۱۰ ها"),          # not after a digit
    ("کتاب هاشم", "کتاب هاشم"),  # «ها» must end the word
])
def test_affix_rules(raw, expected):
    # the normalizer decides ZWNJ vs nothing for "JOIN" rows; here JOIN is read as ZWNJ
    assert _run(R.AFFIX_RULES, raw) == expected


@pytest.mark.parametrize("raw, groups", [
    ("او مي رود", [("می", "رود")]),        # after the char map: older orthography
    ("نمی شود", [("نمی", "شود")]),
    ("ماه می سال", [("می", "سال")]),      # matched; the verb check in code rejects it
    ("کمی سرد", []),                      # «می» inside a word
])
def test_mi_space_pattern(raw, groups):
    assert [m.groups() for m in re.finditer(R.MI_SPACE, raw.translate(R.CHAR_MAP))] == groups


def test_repeated_letters():
    assert re.sub(R.REPEATED_LETTER, r"\1", "خیلیییی خوب") == "خیلی خوب"
    assert re.sub(R.REPEATED_LETTER, r"\1", "سسلام") == "سسلام"  # a double letter is kept
    assert re.fullmatch(R.REPEATED_WORD, "خیلیییی")
    assert not re.fullmatch(R.REPEATED_WORD, "خیلی")


def test_url_or_email():
    s = "به www.tehran.ir/news/12 یا info@tehran.ir و http://x.com/a?b=1 مراجعه"
    assert R.URL_OR_EMAIL.findall(s) == ["www.tehran.ir/news/12", "info@tehran.ir", "http://x.com/a?b=1"]
    assert R.URL_OR_EMAIL.findall("ساعت 10.30 و شماره 12") == []
