"""Hazm-style normalization rules, with exact expectations."""

import ast
import threading
from pathlib import Path

import pytest

from pipeline.normalize import NormalizedText, Normalizer, normalize, persian_ratio, rules

Z = "\u200c"


@pytest.fixture(scope="module")
def plain():
    """No ZWNJ restoration: Hazm's rules only."""
    return Normalizer(restore_zwnj=False)


def test_char_table_is_hazms():
    """rules.TRANSLATION_SRC/DST are copied from the installed Hazm 0.10.0."""
    import importlib.util

    spec = importlib.util.find_spec("hazm")  # locate without importing (slow)
    if spec is None or not spec.origin:
        pytest.skip("hazm not installed")
    src = (Path(spec.origin).parent / "normalizer.py").read_text(encoding="utf-8")
    vals = {}
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Attribute):
            if node.targets[0].attr in ("translation_src", "translation_dst"):
                vals[node.targets[0].attr] = ast.literal_eval(node.value)
    assert vals["translation_src"] == rules.TRANSLATION_SRC
    assert vals["translation_dst"] == rules.TRANSLATION_DST


@pytest.mark.parametrize(
    "text, expected",
    [
        # Arabic letters -> Persian
        ("كتاب علي", "کتاب علی"),
        ("مدرسة", "مدرسه"),
        ("بقیةالله", "بقیه" + Z + "الله"),  # ة does not join: keep the boundary with ZWNJ
        ("خانۀ ما", "خانه ما"),
        ("ﻛﺘﺎﺏ", "کتاب"),  # presentation forms
        # digits and percent
        ("سال 1402", "سال ۱۴۰۲"),
        ("٢٠ درصد", "۲۰ درصد"),
        ("50%", "۵۰%"),  # the sign stays as written (Hazm: «٪»)
        ("12.5 درصد", "۱۲.۵ درصد"),  # the decimal point too (Hazm: «٫»)
        ("3,000 ریال", "۳,۰۰۰ ریال"),
        ("تاریخ 1402/06/04", "تاریخ ۱۴۰۲/۰۶/۰۴"),  # Hazm would split the date
        ("ساعت 10:30", "ساعت ۱۰:۳۰"),
        ("به طول ۹متر و عرض۶", "به طول ۹ متر و عرض ۶"),
        # diacritics, kashida, specials
        ("اِعلام کَرد", "اعلام کرد"),
        ("بُزرگیِ", "بزرگی"),
        ("سلام دنیـــا", "سلام دنیا"),
        ("خانهٔ ما", "خانه ما"),
        ("ﷲ", "الله"),
        ("ﻻ", "لا"),
        # spaces
        ("سلام   دنیا", "سلام دنیا"),
        ("  سلام  ", "سلام"),
        ("\t سلام", "سلام"),
        ("سلام\u00a0دنیا", "سلام دنیا"),
        ("کاروان" + Z + Z + "سرا", "کاروان" + Z + "سرا"),
        (Z + "سلام" + Z + " به " + Z + "همه" + Z, "سلام به همه"),
        ("نیرو" + Z + "ها", "نیروها"),  # ZWNJ after a non-joining letter is invisible
        ("گفته\u200fاند", "گفتهاند"),  # RLM deleted, not read as a ZWNJ (restoration is off here)
        # punctuation
        ("اعلام کرد : خوب", "اعلام کرد: خوب"),
        ("او گفت.سپس رفت", "او گفت. سپس رفت"),
        ("سلام ، دنیا", "سلام، دنیا"),
        ("( سلام )", "(سلام)"),
        ("گفت«سلام»رفت", "گفت «سلام» رفت"),
        ('گفت:"این طرح"اجرا شد.', "گفت: «این طرح» اجرا شد."),
        ("ریشتر ...", "ریشتر …"),
        ("ریشتر...", "ریشتر …"),
        ("چرا ؟", "چرا؟"),
        ("سلام!!!", "سلام!!!"),
        # Latin, URLs, e-mails stay whole
        ("سایت www.farsnews.ir را", "سایت www.farsnews.ir را"),
        ("http://example.com/news/12", "http://example.com/news/12"),
        ("ایمیل a.b@c.com است", "ایمیل a.b@c.com است"),
        ("The Mayor said: hello. OK", "The Mayor said: hello. OK"),
        # affix spacing (Hazm)
        ("می شود", "می" + Z + "شود"),
        ("نمی شود", "نمی" + Z + "شود"),
        ("کتاب ها", "کتاب" + Z + "ها"),
        ("شهرداری ها", "شهرداری" + Z + "ها"),
        ("بزرگ ترین شهر", "بزرگ" + Z + "ترین شهر"),
        ("خانه ی ما", "خانه" + Z + "ی ما"),
        ("نامه ای نوشت", "نامه" + Z + "ای نوشت"),
        ("گفته اند", "گفته" + Z + "اند"),
        ("آرزو ها", "آرزوها"),  # no ZWNJ after a non-joining letter
        ("زمین لرزه ای", "زمین" + Z + "لرزه" + Z + "ای"),
        ("ماه می سال جدید", "ماه می سال جدید"),  # «می» (May) is not a verb prefix here
        ("به کار گرفته شد", "به کار گرفته شد"),
        # repeated letters
        ("سلامممم", "سلامم"),
        # newlines
        ("سطر یک\nسطر دو", "سطر یک\nسطر دو"),
        ("بند یک\n\nبند دو", "بند یک\n\nبند دو"),
        ("بند یک  \n\n\n\n  بند دو", "بند یک\n\nبند دو"),
        ("الف\r\nب", "الف\nب"),
        ("", ""),
    ],
)
def test_rules(plain, text, expected):
    assert plain.normalize(text).text == expected


def test_hazm_docstring_example():
    out = normalize("اِعلاممممم کَرد : « زمین لرزه ای به بُزرگیِ 6 دهم ریشتر ...»").text
    assert out == "اعلام کرد: «زمین" + Z + "لرزه" + Z + "ای به بزرگی ۶ دهم ریشتر …»"


def test_ascii_digits_option():
    n = Normalizer(persian_digits=False)
    assert n.normalize("سال ۱۴۰۲ و ٢٠ و 7٪").text == "سال 1402 و 20 و 7%"


def test_empty_and_type():
    nt = normalize("")
    assert nt.text == "" and nt.to_raw == (0,) and nt.raw_span(0, 0) == (0, 0)
    with pytest.raises(TypeError):
        normalize(None)  # type: ignore[arg-type]


def test_frozen_and_cached_default():
    nt = normalize("سلام")
    assert isinstance(nt, NormalizedText)
    with pytest.raises(Exception):
        nt.text = "x"  # type: ignore[misc]
    from pipeline.normalize import default_normalizer

    assert default_normalizer() is default_normalizer()


def test_english_only_text_is_untouched_but_digits():
    s = "Tehran municipality, 2023 report (draft) - see page 4."
    assert normalize(s).text == s.replace("2023", "۲۰۲۳").replace("4", "۴")


def test_thread_safe():
    n = Normalizer()
    texts = [f"شهرداریها {i} میتواند برنامهریزی کند" for i in range(40)]
    expected = [n.normalize(t).text for t in texts]
    results = [None] * len(texts)

    def work(k):
        for i in range(k, len(texts), 4):
            results[i] = Normalizer.normalize(n, texts[i]).text

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


@pytest.mark.parametrize(
    "text, lo, hi",
    [
        ("", 0.0, 0.0),
        ("1234 !!", 0.0, 0.0),
        ("شهردار تهران", 1.0, 1.0),
        ("The mayor", 0.0, 0.0),
        ("شهردار تهران said", 0.6, 0.8),
        ("شهرداري", 1.0, 1.0),
    ],
)
def test_persian_ratio(text, lo, hi):
    assert lo <= persian_ratio(text) <= hi


@pytest.mark.parametrize("text", ["شهردار تبریز گفت", "شهرداري كرج و Tehran Municipality", "۱۲ km ٣٤ ﻻ ﷲ",
                                  "ARABIC: شورای‌شهر ۵ نفر", "123 !!", "", "ڤ ۀ ە ê ß"])
def test_persian_ratio_counts_arabic_script_letters_among_all_letters(text):
    import re

    letters = re.findall(r"[^\W\d_]", text)
    arabic = [c for c in letters if re.match("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]", c)]
    assert persian_ratio(text) == (len(arabic) / len(letters) if letters else 0.0)
