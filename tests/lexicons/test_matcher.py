"""The cue-class matcher: light-verb constructions with gaps, inflections, both orthographies."""
import pytest

from pipeline.lexicons.matcher import CueClasses, CueError, cue_classes

from tests.persian.test_verbforms import old

ORTHOGRAPHIES = pytest.mark.parametrize("orth", [lambda s: s, old], ids=["modern", "old"])


@ORTHOGRAPHIES
@pytest.mark.parametrize("sentence,cls,cue_text", [
    ("طرح جامع حمل و نقل به تصویب شورای شهر رسید.", "commitment.decision", "به تصویب شورای شهر رسید"),
    ("این لایحه در جلسه دیروز به تصویب رسیده است.", "commitment.decision", "به تصویب رسیده است"),
    ("پیمانکاران موظفند کارگاه را ایمن کنند.", "commitment.obligation", "موظفند"),
    ("مدیران مناطق موظف هستند گزارش بدهند.", "commitment.obligation", "موظف هستند"),
    ("لازم است دستگاه‌ها همکاری کنند.", "commitment.obligation", "لازم است"),
    ("تلاش می‌کنیم ناوگان را نوسازی کنیم.", "commitment.promise", "تلاش می‌کنیم"),
    ("امیدواریم مشکل تا پایان سال حل شود.", "commitment.promise", "امیدواریم"),
    ("این پل تا پایان سال به بهره‌برداری می‌رسد.", "commitment.completion", "بهره‌برداری می‌رسد"),
    ("قرار است خط دوم مترو ساخته شود.", "commitment.plan", "قرار است"),
    ("بازسازی بازار در دستور کار قرار گرفت.", "commitment.plan", "در دستور کار"),
    ("تفاهم‌نامه همکاری دو شهرداری امضا شد.", "commitment.agreement", "تفاهم‌نامه"),
    ("حکم تخریب این بنا صادر شد.", "commitment.decision", "حکم تخریب این بنا صادر شد"),
    ("شورای شهر خواستار توقف ساخت شد.", "commitment.obligation", "خواستار توقف ساخت شد"),
])
def test_commitment_classes(orth, sentence, cls, cue_text):
    text = orth(sentence)
    hits = [m for m in cue_classes().finditer(text, "commitment")]
    assert any(m.cls == cls and text[m.start:m.end] == orth(cue_text) for m in hits), \
        [(m.cls, text[m.start:m.end]) for m in hits]


@ORTHOGRAPHIES
@pytest.mark.parametrize("sentence,cls,tense,person", [
    ("شهردار می‌گوید: کار تمام است.", "speech.say", "present", 3),
    ("وی گفت: کار تمام است.", "speech.say", "past", 3),
    ("معاون شهردار اعلام کرده است که طرح اجرا می‌شود.", "speech.say", "perfect", 3),
    ("او بر این باور است که شهر آماده نیست.", "speech.belief", None, None),
    ("شهردار از افتتاح دو پارک خبر داد.", "speech.from", "past", 3),
    ("رئیس شورا این طرح را ضروری دانست.", "speech.object", "past", 3),
])
def test_speech_classes_with_verb_form(orth, sentence, cls, tense, person):
    text = orth(sentence)
    m = cue_classes().search(text, "speech")
    assert m is not None and m.cls == cls
    if tense is None:
        assert m.verb is None
    else:
        assert (m.verb.tense, m.verb.person) == (tense, person)


@pytest.mark.parametrize("sentence", [
    "این موضوع مورد بررسی قرار گرفت.",          # «قرار گرفت» is not «قرار شد»
    "باید اعلام کنند که چه کسی مسئول است.",     # subjunctive speech verb: no speech event
    "شهرداری کردستان گزارش سالانه را منتشر کرد.",
])
def test_non_cues(sentence):
    hits = [(m.cls, sentence[m.start:m.end]) for m in cue_classes().finditer(sentence, ("speech", "commitment.decision"))]
    assert hits == []


def test_gap_limit_and_offsets():
    cc = CueClasses([("x.decision", "به تصویب [2] <رسید>", None)], {"رسید": "رس"})
    near = "طرح به تصویب شورای شهر رسید."
    far = "طرح به تصویب اعضای محترم شورای شهر رسید."
    m = cc.search(near)
    assert m is not None and near[m.gap[0]:m.gap[1]].strip() == "شورای شهر"
    assert cc.search(far) is None
    assert cc.search("طرح به تصویب. شورا رسید") is None  # never across a sentence end


def test_meeting_nouns_carry_their_kind():
    m = cue_classes().search("در گردهم‌آیی شهرداران استان", "meeting.noun")
    assert m is not None and m.label == "گردهمایی"


def test_errors_name_the_fix(tmp_path):
    bad = tmp_path / "cues.tsv"
    bad.write_text("x.y\tتصمیم <گرفت>\n", encoding="utf-8")
    with pytest.raises(CueError, match="@verb"):
        CueClasses.from_file(bad)
    bad.write_text("x.y\n", encoding="utf-8")
    with pytest.raises(CueError, match="class<TAB>pattern"):
        CueClasses.from_file(bad)


# ---------------------------------------------------------------- speed: prefilter and per-cue memo
def _unfiltered(cc: CueClasses) -> CueClasses:
    """The same cues without their literal-piece prefilter (every regex scans the text)."""
    import dataclasses

    plain = CueClasses([], {})
    plain.cues = [dataclasses.replace(c, needs=()) for c in cc.cues]
    return plain


@ORTHOGRAPHIES
@pytest.mark.parametrize("sentence", [
    "شهردار گفت: قرارداد احداث پل با پیمانکار بسته شد و تفاهم‌نامه‌ای هم به امضا رسید.",
    "اعضای شورا با طرح موافقت کردند و قرار شد کار از هفته آینده آغاز شود.",
    "وی افزود شهرداری موظف است گزارش را به شورا بدهد؛ نشست بعدی شنبه برگزار می‌شود.",
    "معاون استاندار در دیدار با اعضای شورای شهر خواستار تسریع در اجرای پروژه شد.",
    "به گفته او بودجه طرح تصویب شد ولی هنوز اعتباری تخصیص نیافته است.",
    "رئیس کمیسیون تصریح کرد: «ما تلاش می‌کنیم تا پایان سال ناوگان را نوسازی کنیم».",
    "جلسه‌ای با حضور فرماندار و مدیران برگزار شد و درباره ترافیک گفت‌وگو کردند.",
    "این خبر را خبرنگار ما از شهر گزارش داد.",
    "",
])
def test_prefilter_never_drops_a_match(orth, sentence):
    text = orth(sentence)
    fast, plain = cue_classes(), _unfiltered(cue_classes())
    for prefix in ("", "commitment", "speech", "meeting", ("commitment", "speech", "meeting.verb")):
        got = [(m.start, m.end, m.cls, m.cue) for m in fast.finditer(text, prefix, overlaps=True)]
        want = [(m.start, m.end, m.cls, m.cue) for m in plain.finditer(text, prefix, overlaps=True)]
        assert got == want


def test_every_literal_cue_has_a_prefilter():
    """Cues that start with or hold a literal word are skipped by a substring test when it is absent."""
    cc = cue_classes()
    literal = [c for c in cc.cues if not c.pattern.startswith("<")]
    assert literal and all(c.needs for c in literal if not c.pattern.startswith(("(", "[")))
    assert not any(c.may_match("") for c in cc.cues if c.needs)


@ORTHOGRAPHIES
def test_prefix_results_do_not_depend_on_what_was_asked_before(orth):
    text = orth("شهردار گفت قرارداد بسته شد و جلسه شورا برگزار شد؛ وی افزود کار آغاز می‌شود.")
    combined = ("commitment", "speech", "meeting.verb")
    first = CueClasses.from_file(_lexicon_path())
    later = CueClasses.from_file(_lexicon_path())
    a = [(m.start, m.end, m.cls) for m in first.finditer(text, combined)]
    for p in combined:  # the parts first: their matches are remembered per cue and reused
        list(later.finditer(text, p))
    b = [(m.start, m.end, m.cls) for m in later.finditer(text, combined)]
    assert a == b and a


def _lexicon_path():
    from pipeline.lexicons.matcher import LEXICON

    return LEXICON


def _longest_first(matches):
    """The documented rule, written plainly: longest first (then earliest), kept if it overlaps no kept one."""
    taken = []
    for c in sorted(matches, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


@ORTHOGRAPHIES
@pytest.mark.parametrize("sentence", [
    "شهردار گفت: قرارداد احداث پل با پیمانکار بسته شد و تفاهم‌نامه‌ای هم به امضا رسید.",
    "وی افزود شهرداری موظف است گزارش را به شورا بدهد و باید تا پایان سال اجرا شود.",
    "رئیس کمیسیون تصریح کرد: «ما تلاش می‌کنیم تا پایان سال ناوگان را نوسازی کنیم».",
])
def test_overlapping_matches_keep_the_longest(orth, sentence):
    text = orth(" ".join([sentence] * 30))  # many matches: the kept set is found by bisection
    cc = cue_classes()
    for prefix in ("", "commitment", ("commitment", "speech", "meeting.verb")):
        every = list(cc.finditer(text, prefix, overlaps=True))
        assert list(cc.finditer(text, prefix)) == _longest_first(every)
        assert list(cc.finditer(text, prefix, start=40, end=400)) == _longest_first(
            [c for c in every if c.start >= 40 and c.end <= 400])


def test_every_shipped_cue_compiles():
    # cues are compiled on first use; a broken pattern must still show up here, not mid-run
    for c in cue_classes().cues:
        assert c.regex.pattern == c.source


@pytest.mark.parametrize("text", ["شهردار گفت که پروژه تمام شد", "شهردار گفت كه پروژه تمام شد"])  # both orthographies
def test_a_cue_is_compiled_only_once_a_text_passes_its_prefilter(text):
    from pipeline.lexicons import matcher

    cc = CueClasses([("say", "گفت", None), ("promise", "وعده داد", None)], {}, "<test>")
    say, promise = cc.cues
    for c in cc.cues:
        matcher._COMPILED.pop(c.source, None)
    found = [m.cls for m in cc.finditer(text)]
    assert found == ["say"]
    assert say.source in matcher._COMPILED and promise.source not in matcher._COMPILED
