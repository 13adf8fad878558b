"""The alignment from normalized text back to the raw input."""

import random

import pytest

from pipeline.normalize import Normalizer, normalize
from pipeline.normalize.tracked import TrackedText

from ._helpers import canonical

Z = "\u200c"

SENTENCES = [
    "شهردار تهران گفت: شهرداريها ميتوانند در برنامهريزي نقش داشته باشند.",
    "اِعلام كَرد : « زمين لرزه اي به بُزرگيِ 6 دهم ريشتر »",
    "نايبرئيس شوراي شهر و خزانهدار آن، بيادعا کار میکنند؛ تنها راه همافزايي است!",
    "در سال 1402/06/04 مبلغ 12.5 ميليارد ريال (معادل 3,000 دلار) براي 50% پروژهها تصويب شد.",
    "مي شود گفت شهرداري ها بزرگ ترين نهاد هاي محلي هستند\n\nبند دوم  با   فاصلههاي اضافي\nسطر سوم",
    "سایت www.farsnews.ir و ایمیل info@tehran.ir را ببینید.The end",
    "بقيةالله و رحمة الله؛ خانۀ ما، کتابها و آرزو ها و نيرو" + Z + "ها",
    "متن\u200fبا\u200eنشانه\u00adهای   جهت" + Z + Z + " و  ـــ کشیده",
    "  \t  فاصله در ابتدا و انتها  \n",
    "English text with 42 numbers, (parentheses) and a URL http://x.org/a?b=1.",
    "دغدغهها و چالشهای پنجنفره «شهرداریهاست» ... و بهکار گرفتن",
    # glued words, a heading run into the next sentence, marks inside words
    "شهردار وامسال ومدير منطقه دراحداث پارک در شهرتهران گفت كهشورا بابيان اينكه بودجه دارندرئيس شورا",
    "ش\u200fهردار و شه\u200eرداري و شهر\u061cدار\u00a0\u00a0 ■ خبر ►► شهرداری • بند",
    "او گفت حرفهاي زيادي دارد و يك ورزشكار حرفهاي است",
]


def _check_invariants(nt):
    assert len(nt.to_raw) == len(nt.text) + 1
    assert nt.to_raw[-1] == len(nt.raw)
    assert all(a <= b for a, b in zip(nt.to_raw, nt.to_raw[1:]))
    assert all(0 <= x <= len(nt.raw) for x in nt.to_raw)


@pytest.mark.parametrize("raw", SENTENCES)
def test_each_char_maps_to_its_source(raw):
    nt = normalize(raw)
    _check_invariants(nt)
    for i, ch in enumerate(nt.text):
        src = nt.raw_slice(i, i + 1)
        if ch in (" ", Z, "\n"):
            continue  # inserted/replaced separators may have an empty or whitespace source
        if ch in "«»…" and src in ('"', "..."):
            continue
        assert canonical(src) == canonical(ch) or (ch == " " and not src), (i, ch, src)


@pytest.mark.parametrize("seed", range(6))
def test_random_spans_round_trip(seed):
    rng = random.Random(seed)
    for raw in SENTENCES:
        for n in (Normalizer(), Normalizer(restore_zwnj=False), Normalizer(persian_digits=False)):
            nt = n.normalize(raw)
            _check_invariants(nt)
            L = len(nt.text)
            for _ in range(40):
                s = rng.randint(0, L)
                e = rng.randint(s, L)
                a, b = nt.raw_span(s, e)
                assert 0 <= a <= b <= len(raw)
                piece, src = nt.text[s:e], raw[a:b]
                if "…" in piece or "..." in src:
                    continue  # «...» -> « …»: a space and one char share three dots
                assert canonical(src) == canonical(piece), (raw, s, e, piece, src)


def test_split_glued_word_spans_are_exact():
    raw = "شهردار وامسال گفت"
    nt = normalize(raw)
    assert nt.text == "شهردار و امسال گفت"
    i = nt.text.index("امسال")
    assert nt.raw_slice(i, i + 5) == "امسال"
    assert nt.raw_slice(i - 2, i - 1) == "و"
    # the inserted space has an empty source, just before «امسال»
    assert nt.raw_span(i - 1, i) == (raw.index("امسال"), raw.index("امسال"))


def test_marks_inside_a_word_map_into_its_span():
    raw = "ش\u200fهردار تهران"
    nt = normalize(raw)
    assert nt.text == "شهردار تهران"
    assert nt.raw_slice(0, 6) == "ش\u200fهردار"
    assert nt.raw_slice(7, 12) == "تهران"


def test_word_spans_are_exact():
    raw = "  شهرداريها   ميتوانند"
    nt = normalize(raw)
    assert nt.text == "شهرداری" + Z + "ها می" + Z + "توانند"
    i = nt.text.index("می")
    assert nt.raw_slice(0, i - 1) == "شهرداريها"
    assert nt.raw_slice(i, len(nt.text)) == "ميتوانند"
    # the inserted ZWNJ has an empty source, just before «ها»
    k = nt.text.index(Z)
    a, b = nt.raw_span(k, k + 1)
    assert a == b == raw.index("ها")


def test_deleted_diacritics_belong_to_the_letter_before():
    raw = "کتابِ خوب"
    nt = normalize(raw)
    assert nt.text == "کتاب خوب"
    assert nt.raw_slice(0, 4) == "کتابِ"
    assert nt.raw_slice(5, 8) == "خوب"


def test_ligature_expansion_maps_each_letter_to_the_ligature():
    raw = "ﷲ و"
    nt = normalize(raw)
    assert nt.text == "الله و"
    assert nt.raw_slice(1, 2) == "ﷲ"
    assert nt.raw_slice(0, 4) == "ﷲ"


def test_newlines_preserved_and_mapped():
    raw = "بند اول\n\nبند دوم\nسطر"
    nt = normalize(raw)
    assert nt.text.split("\n") == ["بند اول", "", "بند دوم", "سطر"]
    for i, ch in enumerate(nt.text):
        if ch == "\n":
            assert nt.raw_slice(i, i + 1) == "\n"


def test_raw_span_bounds():
    nt = normalize("سلام")
    with pytest.raises(IndexError):
        nt.raw_span(2, 1)
    with pytest.raises(IndexError):
        nt.raw_span(0, 99)


def test_tracked_text_edits():
    t = TrackedText("abcdef")
    t.apply([(1, 2, "XY"), (3, 3, "_"), (4, 6, "")])
    assert t.text == "aXYc_d"
    assert t.starts == [0, 1, 1, 2, 3, 3]
    assert t.ends == [1, 2, 2, 3, 3, 4]
    t.check()
    with pytest.raises(ValueError):
        t.apply([(2, 4, "q"), (3, 5, "r")])


def test_long_text_keeps_offset_invariants():
    """A 40 K-character article keeps the offset map exact (speed: benchmarks/glued_words.py)."""
    text = ("\n\n".join(SENTENCES) + "\n\n") * 40  # ~40 K chars
    n = Normalizer()
    n.normalize("گرم")  # load the lexicon
    nt = n.normalize(text)
    _check_invariants(nt)


def test_to_norm_inverts_to_raw():
    raw = "  شهرداريها   ميتوانند"
    nt = normalize(raw)
    for i in range(len(nt.text)):
        if nt.text[i] != Z:  # inserted ZWNJs share the offset of the next char
            assert nt.to_norm(nt.to_raw[i]) <= i
    assert nt.text[nt.to_norm(raw.index("ميتوانند")):].startswith("می")
