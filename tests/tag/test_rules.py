"""Rule-based entity finder: hand-written sentences (no shared data needed)."""
from pipeline.tag.rules import rule_entities, role_token_spans, word_key

Z = "\u200c"


def ents(text):
    return [(e.label, e.text) for e in rule_entities(text, with_external=False)]


def keyed(text):
    return {(lab, word_key(t)) for lab, t in ents(text)}


def has(text, label, span):
    return (label, word_key(span)) in keyed(text)


def test_role_stops_before_org():
    s = "مدیرعامل سازمان بازیافت شهرداری‌های آذربایجان غربی گفت: کار آغاز شد."
    assert has(s, "ROLE", "مدیرعامل")
    assert has(s, "ORG", "سازمان بازیافت شهرداری‌های آذربایجان غربی")


def test_role_with_modifiers_and_org_with_place():
    s = "معاون فنی و عمرانی و خدمات شهری استانداری سمنان از این طرح بازدید کرد."
    assert has(s, "ROLE", "معاون فنی و عمرانی و خدمات شهری")
    assert has(s, "ORG", "استانداری سمنان")


def test_role_then_district_loc():
    s = "شهردار منطقه ۴ تبریز گفت: پارک افتتاح شد."
    assert has(s, "ROLE", "شهردار")
    assert has(s, "LOC", "منطقه ۴ تبریز")


def test_council_membership_group_role():
    s = "اعضای شورای شهر کاشمر با استاندار دیدار کردند."
    assert has(s, "ROLE", "اعضای شورای شهر")
    assert has(s, "LOC", "کاشمر")
    assert has(s, "ROLE", "استاندار")


def test_org_keeps_place():
    s = "نشست شورای شهر کاشمر و شهرداری قم برگزار شد."
    assert has(s, "ORG", "شورای شهر کاشمر")
    assert has(s, "ORG", "شهرداری قم")
    assert not any(lab == "LOC" for lab, _ in ents(s))


def test_generic_institutions_are_not_entities():
    s = "شهرداری‌ها و این سازمان باید با شهرداری همکاری کنند و شورای شهر نیز موافق است."
    assert not any(lab == "ORG" for lab, _ in ents(s))


def test_commission_inside_role():
    s = "رئیس کمیسیون عمران شورا گفت: بودجه کافی نیست."
    assert has(s, "ROLE", "رئیس کمیسیون عمران")


def test_loc_gazetteer_and_typed_places():
    s = "این طرح در استان سمنان، شاهرود و پارک شقایق و بزرگراه چمران اجرا می‌شود."
    k = keyed(s)
    for span in ("استان سمنان", "شاهرود", "پارک شقایق", "بزرگراه چمران"):
        assert ("LOC", word_key(span)) in k, span


def test_per_with_honorific_outside_and_sayyid_inside():
    s = "آیت‌الله موسوی و دکتر سید محمدحسین طباطبایی‌نژاد در این نشست حضور یافتند."
    assert has(s, "PER", "موسوی")
    assert has(s, "PER", "سید محمدحسین طباطبایی‌نژاد")
    assert not any("دکتر" in t for _, t in ents(s))


def test_per_after_role_org_apposition_and_bare_surname():
    s = "شهردار قم مسعود کیانفر گفت: کیانفر افزود که کار ادامه دارد."
    out = ents(s)
    assert ("PER", "مسعود کیانفر") in out
    assert ("PER", "کیانفر") in out
    assert has(s, "ROLE", "شهردار")
    assert has(s, "LOC", "قم")


def test_orthography_variants():
    # lost ZWNJ as space, joined, and Arabic letters
    assert has("نایب رئیس شورا گفت.", "ROLE", "نایب‌رئیس شورا")
    assert has("نایب رئیس در جلسه گفت.", "ROLE", "نایب‌رئیس")
    assert has("مدیرکل امور اجتماعی و فرهنگی گفت.", "ROLE", "مدیرکل امور اجتماعی و فرهنگی")
    assert has("نايب رييس اتحاديه گفت.", "ROLE", "نایب‌رئیس")


def test_bare_plural_role_is_not_role():
    assert not any(lab == "ROLE" for lab, _ in ents("این طرح با شهرداران بررسی شد."))


def test_no_false_role_from_split_function_word():
    # «و زیر» must not be read as «وزیر»
    assert role_token_spans(["پل", "و", "زیر", "گذر"]) == []


def test_role_token_spans_respects_occupied():
    words = ["مدیرعامل", "سازمان", "آب", "گفت"]
    assert role_token_spans(words) == [(0, 1)]
    assert role_token_spans(words, [True, False, False, False]) == []


def test_spans_flat_and_offsets_match():
    s = "محمد توکلی، مدیرعامل سازمان بازیافت شهرداری‌های آذربایجان غربی، در مشهد گفت."
    out = rule_entities(s, with_external=False)
    assert [(e.label, e.text) for e in out] == [("PER", "محمد توکلی"), ("ROLE", "مدیرعامل"),
                                                ("ORG", "سازمان بازیافت شهرداری‌های آذربایجان غربی"), ("LOC", "مشهد")]
    assert all(s[e.start:e.end] == e.text for e in out)


def test_figure_and_date_layers_are_reused_with_their_values():
    from pipeline.persian.spans import date_and_figure_spans

    s = "شهردار گفت ۱۲ ایستگاه تا پایان سال ۱۴۰۲ ساخته می‌شود."
    dates, figures = date_and_figure_spans(s, "1402/05/01")
    out = rule_entities(s, dates=dates, figures=figures)
    assert [(e.label, e.text) for e in out] == [("ROLE", "شهردار"), ("FIG", "۱۲ ایستگاه"), ("DATE", "تا پایان سال ۱۴۰۲")]
    assert out[1] is figures[0] and out[2] is dates[0]  # the layer's own spans, parsed values included
    assert out[1].value.value == 12 and out[2].value.jalali == "1402-12-29"


def test_without_layers_the_rules_find_figures_and_dates_themselves():
    s = "شهردار گفت ۱۲ ایستگاه تا پایان سال ۱۴۰۲ ساخته می‌شود."
    assert [e.label for e in rule_entities(s)] == ["ROLE", "FIG", "DATE"]
    assert [e.label for e in rule_entities(s, with_external=False)] == ["ROLE"]
