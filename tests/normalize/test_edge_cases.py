"""Persian edge cases for every normalization rule and model decision, with
the packaged lexicon and bigram model, in both orthographies: modern Persian
letters and the older Arabic «ي»/«ك» of scraped archives.

Every sentence here was written for these tests.  ``|`` stands for a ZWNJ.
"""

import pytest

from pipeline.normalize import Normalizer, normalize

from ._helpers import Z, arabic, both, canonical, z


def both_single(texts):
    """Each text in both orthographies (one parameter)."""
    out = []
    for t in texts:
        out.append(pytest.param(t, id=f"fa:{t}"))
        if arabic(t) != t:
            out.append(pytest.param(arabic(t), id=f"ar:{t}"))
    return out


# --------------------------------------------------------------------------- glued words
MUST_SPLIT = [
    ("شهردار وامسال گفت", "شهردار و امسال گفت"),
    ("ومدیر منطقه گفت", "و مدیر منطقه گفت"),
    ("در شهرتهران", "در شهر تهران"),
    ("دراحداث پارک", "در احداث پارک"),
    ("بازدید ازپروژه", "بازدید از پروژه"),
    ("همراه باشهردار", "همراه با شهردار"),
    ("گفت کهشورا", "گفت که شورا"),
    ("بهشهرداری رفت", "به شهرداری رفت"),
    ("بابیان اینکه", "با بیان اینکه"),
    ("پروژه دارندرئیس شورا گفت", "پروژه دارند رئیس شورا گفت"),  # heading run into the next sentence
    ("درساختمانهای بلند", "در ساختمان|های بلند"),  # the piece lost its half-space too
    ("وبرنامههای شهرداری اجرا شد", "و برنامه|های شهرداری اجرا شد"),
    ("در کنار خیابانپارک", "در کنار خیابان پارک"),  # two common words never seen side by side
    # a clitic before a word seen only a few times
    ("ودامداری رونق گرفت", "و دامداری رونق گرفت"),
    ("جاده درشاهراه شمال", "جاده در شاهراه شمال"),
    # after a clitic the split needs a margin of 9 (``clitic_margin``), not 10
    ("وشعار داد", "و شعار داد"),
    # seen glued a few times in the corpora (their own lost spaces): still split
    ("استاندارفارس گفت", "استاندار فارس گفت"),
    ("استاندار وفرمانداری", "استاندار و فرمانداری"),
]

MUST_NEVER_SPLIT = [
    "برای درمان بیماران",  # «در مان»
    "فصل بهار",  # «به ار»
    "اینکه شورا",  # seen far more often than «این که»
    "وزیر کشور",  # «و زیر»
    "بابک زنجانی",  # a name: «با بک»
    "به گفته کاظمیان",
    "صدامیان",  # «صدا میان» never side by side, and «صدام» + «یان» reads as a surname
    "آقای حسنیان گفت",
    "آقای محمدرحیم کریمی گفت",  # a compound given name: «محمد» is a given name
    "میدان وزیرآباد",
    "این روش باصرفهتر است",  # «باصرفه» + «تر», not «با صرفه‌تر»
    "فرمانداریها و بخشداریها",  # «ی» + «ها» is a suffix, never a word: no «فرماندار ی‌ها»  # «آباد» ends place names: a bound suffix  # «حسن» + «یان»: a derived word is never freely split («حسنی» «ان»)
    "درباره شهر",
    "وزن بار",
    "استاد جنگشناسی",  # a compound: it gets a half-space, not a space
    "بهبود وضعیت",  # «به بود»
    "آزادراه تهران",
    "#شهرتهران_پاک",  # hashtags are glued on purpose
    "@شهرداریتهران",
]


@pytest.mark.parametrize("text, expected", both(MUST_SPLIT))
def test_glued_words_are_split(text, expected):
    assert normalize(text).text == z(expected)


@pytest.mark.parametrize("text", both_single(MUST_NEVER_SPLIT))
def test_words_are_never_split(text):
    out = normalize(text).text
    assert out.count(" ") == text.count(" "), out


# a token the corpora show on its own is split only when the split is more
# probable than the token as seen (``split_seen_margin``), not merely more
# probable than an unseen word of its letters
SEEN_ON_ITS_OWN = ["درواقع این طرح", "درواقع، این کار", "موردنیاز شهر"]


@pytest.mark.parametrize("text", both_single(SEEN_ON_ITS_OWN))
def test_token_seen_on_its_own_is_not_split(text):
    assert normalize(text).text == text.replace("ي", "ی").replace("ك", "ک")
    # scored as an unseen word (the previous rule), it was split
    assert Normalizer(split_seen_margin=None, clitic_margin=None).normalize(text).text.count(" ") > text.count(" ")


def test_splitting_can_be_switched_off():
    assert Normalizer(split_glued=False).normalize("شهردار وامسال گفت").text == "شهردار وامسال گفت"


# --------------------------------------------------------------------------- half-spaces
MUST_HALF_SPACE = [
    ("مي شود", "می|شود"),
    ("ميشود", "می|شود"),
    ("شهرداري ها", "شهرداری|ها"),
    ("شهرداريها", "شهرداری|ها"),
    ("بزرگ ترين", "بزرگ|ترین"),
    ("برنامه ريزي", "برنامه|ریزی"),
    ("مي توانند", "می|توانند"),
    ("كتابها", "کتاب|ها"),
    ("نمیتوانند", "نمی|توانند"),
    ("گفته اند", "گفته|اند"),
    ("پنداشته\u200fاند", "پنداشته|اند"),  # RLM deleted, then the half-space restored
]

MUST_STAY_JOINED = ["تنها", "آنها", "بیمار", "همسر", "میدان", "میزان", "بنابراین", "نمایندگان مجلس", "مسئولان شهری", "ویژه",
                    # frequent joined words: never read as two words with a half-space
                    "کتابخانه شهر", "دانشگاه تهران", "بیمارستان", "دادگستری", "آبرسانی روستا", "کتابفروشی", "خیابان ولیعصر",
                    "آزادراه", "اینکه", "همزمان"]

# compounds: attested with a half-space («مدرسه‌سازی»), or two known words
# never seen joined with a head the corpora write after a half-space
# («قبیله‌گرایی», «جنگ‌شناسی»): a half-space, never a space
MUST_HALF_SPACE_COMPOUND = [
    ("طرح مدرسهسازی در روستا", "طرح مدرسه|سازی در روستا"),
    ("کارگاه اسکلهسازی بندر", "کارگاه اسکله|سازی بندر"),
    ("با پدیده قبیلهگرایی", "با پدیده قبیله|گرایی"),
    ("پرونده کودکآزاری", "پرونده کودک|آزاری"),
    ("طرح کوچهسازی در محله", "طرح کوچه|سازی در محله"),
    ("با هدف فرهنگزدایی", "با هدف فرهنگ|زدایی"),
    ("استاد جنگشناسی", "استاد جنگ|شناسی"),
    # a word that already has a half-space gets no second one inside its stem
    ("محله|هایی قدیمی", "محله|هایی قدیمی"),
    ("محلههایی قدیمی", "محله|هایی قدیمی"),
    ("امامزادههای شهر", "امامزاده|های شهر"),
]


# a word never seen in any spelling: the junction model may read «X‌های» and
# «Xه‌ای» at once; only one of the two half-spaces is kept, never «آستان‌ه‌ای»
ONE_READING = ["در آستانهای تازه", "بالای آستانهای جدید", "پروانهای زرد", "یگانهای در شهر"]


@pytest.mark.parametrize("text", both_single(ONE_READING))
def test_one_reading_per_word(text):
    for word in normalize(text).text.split():
        parts = word.split(Z)
        assert all(len(p) >= 2 for p in parts[1:-1]), word  # no one-letter piece between two half-spaces


@pytest.mark.parametrize("text, expected", both([(z(a), b) for a, b in MUST_HALF_SPACE_COMPOUND]))
def test_compound_gets_half_space(text, expected):
    assert normalize(text).text == z(expected)


def test_compounds_can_be_switched_off():
    n = Normalizer(zwnj_options={"junctions": False})
    n.zwnj.compounds = False
    assert n.normalize("با پدیده قبیلهگرایی").text == "با پدیده قبیلهگرایی"  # never seen: only the compound rule
    # ... or the junction model (pipeline/normalize/junction.py), which reads it as a compound too
    m = Normalizer()
    m.zwnj.compounds = False
    assert m.normalize("با پدیده قبیلهگرایی").text == "با پدیده قبیله\u200cگرایی"


@pytest.mark.parametrize("text, expected", both([(arabic(a), b) for a, b in MUST_HALF_SPACE] + MUST_HALF_SPACE))
def test_half_space_restored(text, expected):
    assert normalize(text).text == z(expected)


@pytest.mark.parametrize("text", both_single(MUST_STAY_JOINED))
def test_stays_joined(text):
    assert Z not in normalize(text).text


@pytest.mark.parametrize(
    "text, expected",
    both(
        [
            # the same letters, two half-space placements: the neighbours decide
            ("او گفت حرفهای زیادی دارد", "او گفت حرف|های زیادی دارد"),
            ("این حرفهای تکراری است", "این حرف|های تکراری است"),
            ("او یک ورزشکار حرفهای است", "او یک ورزشکار حرفه|ای است"),
        ]
    ),
)
def test_context_chooses_half_space_placement(text, expected):
    assert normalize(text).text == z(expected)


@pytest.mark.parametrize("text, expected", both([("کلان شهری", "کلان|شهری"), ("مناطق کم برخوردار", "مناطق کم|برخوردار")]))
def test_model_joins_two_words_only_when_asked(text, expected):
    assert Normalizer(model_joins=True).normalize(text).text == z(expected)
    assert normalize(text).text == normalize(text).text.replace(Z, "")  # off by default


@pytest.mark.parametrize("text", both_single(["به کار گرفته شد", "بالغ بر صد نفر", "در این شهر"]))
def test_model_never_joins_separate_words(text):
    assert Z not in Normalizer(model_joins=True).normalize(text).text


def test_context_can_be_switched_off():
    # without the model the lexicon alone picks one placement for every context
    n = Normalizer(use_context=False)
    texts = ("او گفت حرفهای زیادی دارد", "او یک ورزشکار حرفهای است")
    outs = {w for s in texts for w in n.normalize(s).text.split() if w.startswith("حرف")}
    assert len(outs) == 1


# --------------------------------------------------------------------------- old typography
TYPOGRAPHY = [
    ("ش\u200fهردار تهران", "شهردار تهران"),  # RLM inside a word: deleted, not a ZWNJ
    ("شه\u200eرداری", "شهرداری"),  # LRM
    ("شهر\u061cدار", "شهردار"),  # ALM
    ("شهر\u00adدار", "شهردار"),  # soft hyphen
    ("شهـــردار", "شهردار"),  # kashida
    ("سلام\u00a0\u00a0 دنیا", "سلام دنیا"),  # NBSP runs
    ("روز ٢٥ آذر", "روز ۲۵ آذر"),  # Arabic-Indic digits
    ("■ خبر ►► شهرداری", "• خبر • شهرداری"),  # decorative symbols: one bullet per run
    ("◄ شهردار\n★★ شورا", "• شهردار\n• شورا"),
    ("كميسيون عمران", "کمیسیون عمران"),
    # thousands groups stay one number; a list of numbers gets its space
    ("مبلغ ۱،۲۳۴،۵۶۷ ریال", "مبلغ ۱،۲۳۴،۵۶۷ ریال"),
    ("مبلغ ١،٢٣٤،٥٦٧ ريال", "مبلغ ۱،۲۳۴،۵۶۷ ریال"),
    ("۱۲۳،۴۵۶ نفر در جلسه بودند", "۱۲۳،۴۵۶ نفر در جلسه بودند"),
    ("قیمت 12.500.000 تومان", "قیمت ۱۲.۵۰۰.۰۰۰ تومان"),
    ("بودجه 1.250.000.000 ریال", "بودجه ۱.۲۵۰.۰۰۰.۰۰۰ ریال"),
    ("رشد 12.5 درصد", "رشد ۱۲.۵ درصد"),  # a decimal point stays as written (not Hazm's «٫»)
    ("رشد ۱۲٫۵ درصد", "رشد ۱۲٫۵ درصد"),  # ... and so does a momayyez
    ("نرخ 50% شد", "نرخ ۵۰% شد"),        # the percent sign too
    ("نرخ ۵۰٪ شد", "نرخ ۵۰٪ شد"),
    ("سال ۱۳۹۰،۱۳۹۱ و ۱۳۹۲", "سال ۱۳۹۰، ۱۳۹۱ و ۱۳۹۲"),
    ("ساعت ۱۲،۳۰ دقیقه", "ساعت ۱۲، ۳۰ دقیقه"),
    ("شهرها،روستاها", "شهرها، روستاها"),
]


@pytest.mark.parametrize("text, expected", both(TYPOGRAPHY))
def test_old_typography(text, expected):
    assert normalize(text).text == z(expected)


@pytest.mark.parametrize("text", [t for t, _ in TYPOGRAPHY] + [t for t, _ in MUST_SPLIT] + [t for t, _ in MUST_HALF_SPACE])
def test_offsets_exact_through_every_rule(text):
    nt = normalize(text)
    for m in __import__("re").finditer(r"\S+", nt.text):
        assert canonical(nt.raw_slice(m.start(), m.end())) == canonical(m.group())


# --------------------------------------------------------------------------- half-space case or two words
# A glued token that is a half-space case («به‌گزارش») but whose two words the
# corpora write with a space far more often («به گزارش»): in a text that writes
# its half-spaces (or writes them as spaces) the glued token is a lost space and
# the bigram model, with both neighbours, decides (``split_space_margin``); in a
# text that drops its half-spaces it is a lost half-space.
WRITES = " و طرح|ها اجرا می|شود"  # the rest of the text writes half-spaces
AS_SPACES = " و طرح ها اجرا می شود"  # ... or writes them as spaces
DROPS = " و طرحها اجرا میشود"  # ... or drops them

SPACE_NOT_HALF_SPACE = [
    ("بهگزارش خبرنگار ما، شهردار گفت", "به گزارش خبرنگار ما، شهردار گفت", "به|گزارش خبرنگار ما، شهردار گفت"),
    ("بهدلیل بارندگی جلسه لغو شد", "به دلیل بارندگی جلسه لغو شد", "به|دلیل بارندگی جلسه لغو شد"),
    ("مدیر روابطعمومی شهرداری گفت", "مدیر روابط عمومی شهرداری گفت", "مدیر روابط|عمومی شهرداری گفت"),
    ("بهخاطر این", "به خاطر این", "به|خاطر این"),
]


def _cases_in_three_texts(cases):
    out = []
    for text, spaced, half in cases:
        for tag, t in (("fa", text), ("ar", arabic(text))):
            out.append(pytest.param(t + z(WRITES), spaced + WRITES, id=f"{tag}:writes:{text}"))
            out.append(pytest.param(t + AS_SPACES, spaced + WRITES, id=f"{tag}:spaces:{text}"))
            out.append(pytest.param(t + DROPS, half + WRITES, id=f"{tag}:drops:{text}"))
    return out


@pytest.mark.parametrize("text, expected", _cases_in_three_texts(SPACE_NOT_HALF_SPACE))
def test_glued_half_space_case_is_two_words_where_half_spaces_are_written(text, expected):
    assert normalize(text).text == z(expected)


@pytest.mark.parametrize("text", [pytest.param(t + z(WRITES), id=t) for t, _, _ in SPACE_NOT_HALF_SPACE[:2]])
def test_glued_half_space_case_split_can_be_switched_off(text):
    out = Normalizer(split_space_margin=None).normalize(text).text
    assert out.split(" ")[0].count(Z) == 1 and out.count(" ") == text.count(" ")


# the context keeps the half-space, or the token is no two words at all:
# it keeps its half-space (or stays joined) even where half-spaces are written
KEEPS_HALF_SPACE = [
    ("شهرداری بهعنوان متولی", "شهرداری به|عنوان متولی"),  # «به‌عنوان متولی» in context
    ("این کار بهخوبی انجام شد", "این کار به|خوبی انجام شد"),
    ("او بهطور کلی گفت", "او به|طور کلی گفت"),
    ("نرمافزار جدید", "نرم|افزار جدید"),
    ("هیچگونه مشکلی", "هیچ|گونه مشکلی"),  # «هیچ» + «گونه»: a bound second piece
    ("پیشبینی شد", "پیش|بینی شد"),  # «پیش»: a bound prefix
    ("برنامهریزی شد", "برنامه|ریزی شد"),
    ("راهاندازی شد", "راه|اندازی شد"),
    ("کتابها", "کتاب|ها"),  # a plural is never two words
    ("اجرا میشود", "اجرا می|شود"),  # nor «می» + a verb
    ("همزمان با جلسه", "همزمان با جلسه"),  # joined in the corpora: stays joined
    ("امامزاده", "امامزاده"),
    ("اینکه شورا", "اینکه شورا"),
    ("خوشحال", "خوشحال"),
]


@pytest.mark.parametrize("text, expected", both([(t + z(WRITES), e + WRITES) for t, e in KEEPS_HALF_SPACE]))
def test_half_space_case_is_not_split_when_it_reads_as_one_word(text, expected):
    assert normalize(text).text == z(expected)


# a word plus a plural or comparative suffix is never split inside the word,
# even where its pieces are seen side by side («کشتار» «گاه‌ها»: «گاه‌ها» is
# "sometimes"); the half-space goes before the suffix (``split_keep_inflected``)
MUST_STAY_INFLECTED = [
    ("ساخت بزرگراههای جدید", "ساخت بزرگراه|های جدید"),
    ("بازرسی از کشتارگاهها و فرودگاهها", "بازرسی از کشتارگاه|ها و فرودگاه|ها"),
    ("خوابگاههای دانشجویی", "خوابگاه|های دانشجویی"),
]


@pytest.mark.parametrize("text, expected", both(MUST_STAY_INFLECTED))
def test_inflected_word_is_not_split(text, expected):
    assert normalize(text).text == z(expected)
    # without the rule the word was split at its compound head
    off = Normalizer(split_keep_inflected=False).normalize(text).text
    assert off.count(" ") > text.count(" ")
