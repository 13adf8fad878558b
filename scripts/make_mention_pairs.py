#!/usr/bin/env python3
"""Build tests/db/data/mention_pairs.jsonl: labelled person-mention pairs across the articles in data/samples.

The hand annotation is the inventory below: which person each mention in each sample article names,
and the office that article gives them. Pairs are drawn from it deterministically (no randomness):

* same=true   two mentions of one person, preferring pairs whose spellings differ the most
              (honorifics, «سید», Arabic ي/ك, ZWNJ or space, surname only, roster order, office change);
              plus a few surname-only mentions paired with the full name in the same article;
* same=false  different people who share a surname, whose surname is a prefix of the other's
              («حسینی» / «حسینی‌پور»), who held the same office one after the other, or who share a given name.

Every mention must occur as a whole word in its article's text (checked here and by
tests/db/test_mention_pairs_data.py). Add an article to data/samples, add its mentions here, rerun:

    python scripts/make_mention_pairs.py            # writes tests/db/data/mention_pairs.jsonl
"""
from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.inputs import InputItem, iter_inputs  # noqa: E402

OUT = ROOT / "tests" / "db" / "data" / "mention_pairs.jsonl"
Z = "\u200c"

# person key -> (given name, surname, {article id: office in that article})
PEOPLE: dict[str, tuple[str, str, dict[str, str]]] = {
    "aa_hosseini": ("سید علی\u200cاکبر", "حسینی", {
        "tbz-1402-05-08-metro-credit": "شهردار تبریز",
        "tbz-1402-07-15-renewal-agreement": "شهردار تبریز",
        "tbz-1402-09-28-new-mayor": "شهردار تبریز",
        "tbz-1402-11-10-snow-plan": "مدیرکل دفتر امور شهری و شوراهای استانداری آذربایجان شرقی"}),
    "m_hosseini": ("مریم", "حسینی", {
        "tbz-1402-06-20-underpass-delay": "رئیس کمیسیون عمران شورای اسلامی شهر تبریز",
        "tbz-1403-02-18-budget-report": "رئیس کمیسیون عمران شورای اسلامی شهر تبریز"}),
    "r_hosseini": ("رضا", "حسینی", {
        "shz-1402-08-01-quake-drill": "مدیرکل مدیریت بحران استانداری فارس"}),
    "hosseinipour": ("جواد", "حسینی\u200cپور", {
        "shz-1402-08-01-quake-drill": "مدیرعامل سازمان آتش\u200cنشانی شهرداری شیراز",
        "shz-1403-01-08-nowruz-incidents": "مدیرعامل سازمان آتش\u200cنشانی شهرداری شیراز"}),
    "nikpour": ("کامران", "نیک\u200cپور", {
        "01_tabriz_metro": "شهردار تبریز",
        "tbz-1402-05-08-metro-credit": "معاون عمرانی شهردار تبریز",
        "tbz-1402-09-28-new-mayor": "شهردار تبریز",
        "tbz-1402-11-10-snow-plan": "شهردار تبریز",
        "tbz-1403-02-18-budget-report": "شهردار تبریز"}),
    "gholizadeh": ("بهروز", "قلی\u200cزاده", {
        "tbz-1402-05-08-metro-credit": "رئیس شورای اسلامی شهر تبریز",
        "tbz-1402-09-28-new-mayor": "رئیس شورای اسلامی شهر تبریز",
        "tbz-1403-02-18-budget-report": "رئیس شورای اسلامی شهر تبریز"}),
    "asadi": ("بهمن", "اسدی", {
        "tbz-1402-07-15-renewal-agreement": "رئیس سازمان شهرداری‌ها و دهیاری‌های کشور",
        "mhd-1402-10-14-metro3-call": "رئیس سازمان شهرداری‌ها و دهیاری‌های کشور",
        "rst-1403-02-10-asadi-visit": "رئیس سازمان شهرداری‌ها و دهیاری‌های کشور",
        "krm-1403-02-30-storm-call": "رئیس سازمان شهرداری‌ها و دهیاری‌های کشور"}),
    "taherkhani": ("محمدحسن", "طاهرخانی", {
        "mhd-1402-05-22-pilgrim-transport": "شهردار مشهد",
        "mhd-1402-10-14-metro3-call": "شهردار مشهد",
        "mhd-1403-01-20-nowruz-report": "شهردار مشهد",
        "mhd-1403-03-05-surface-water": "شهردار مشهد"}),
    "razavipour": ("سید مهدی", "رضوی\u200cپور", {
        "mhd-1402-05-22-pilgrim-transport": "رئیس شورای اسلامی شهر مشهد",
        "mhd-1403-01-20-nowruz-report": "رئیس شورای اسلامی شهر مشهد"}),
    "a_salehi": ("علی", "صالحی", {
        "mhd-1402-05-22-pilgrim-transport": "مدیرعامل سازمان حمل‌ونقل و ترافیک شهرداری مشهد",
        "mhd-1402-10-14-metro3-call": "مدیرعامل سازمان حمل‌ونقل و ترافیک شهرداری مشهد"}),
    "sadeghian": ("حمید", "صادقیان", {
        "03_mashhad_visit": "معاون عمرانی استاندار خراسان رضوی",
        "mhd-1402-07-03-district9-visit": "معاون عمرانی استاندار خراسان رضوی"}),
    "kazemifar": ("ناصر", "کاظمی\u200cفر", {
        "mhd-1402-07-03-district9-visit": "شهردار منطقه ۹ مشهد",
        "mhd-1403-03-05-surface-water": "شهردار منطقه ۹ مشهد"}),
    "f_kazemi": ("فاطمه", "کاظمی", {
        "mhd-1402-08-25-fare-increase": "سخنگوی شورای اسلامی شهر مشهد"}),
    "fakhari": ("رضا", "فخاری", {
        "02_council_yazd": "رئیس شورای اسلامی شهر یزد",
        "yzd-1402-06-05-historic-houses": "رئیس شورای اسلامی شهر یزد",
        "yzd-1402-08-12-presidium": "رئیس شورای اسلامی شهر یزد"}),
    "s_dehghani": ("سمیه", "دهقانی", {
        "02_council_yazd": "نایب‌رئیس شورای اسلامی شهر یزد",
        "yzd-1402-08-12-presidium": "نایب‌رئیس شورای اسلامی شهر یزد",
        "yzd-1403-02-25-womens-park": "نایب‌رئیس شورای اسلامی شهر یزد"}),
    "ma_dehghani": ("محمدعلی", "دهقانی", {
        "yzd-1402-06-05-historic-houses": "شهردار یزد",
        "yzd-1402-12-02-qanat-agreement": "شهردار یزد",
        "yzd-1403-02-25-womens-park": "شهردار یزد"}),
    "rahiminejad": ("کاوه", "رحیمی\u200cنژاد", {"yzd-1402-08-12-presidium": "منشی شورای اسلامی شهر یزد"}),
    "sharifzadeh": ("اکبر", "شریف\u200cزاده", {"yzd-1402-12-02-qanat-agreement": "معاون خدمات شهری شهرداری یزد"}),
    "safarinia": ("بهرام", "صفری\u200cنیا", {
        "rst-1402-05-30-landfill": "شهردار رشت",
        "rst-1402-12-20-flooding": "شهردار رشت",
        "rst-1403-02-10-asadi-visit": "شهردار رشت"}),
    "m_ghorbani": ("مهدی", "قربانی", {
        "04_rasht_waste": "مدیرعامل سازمان مدیریت پسماند شهرداری رشت",
        "rst-1402-05-30-landfill": "مدیرعامل سازمان مدیریت پسماند شهرداری رشت",
        "rst-1403-02-10-asadi-visit": "مدیرعامل سازمان مدیریت پسماند شهرداری رشت"}),
    "h_ghorbani": ("حسن", "قربانی", {"rst-1402-09-07-wage-arrears": "رئیس شورای اسلامی شهر رشت"}),
    "sotoudeh": ("امیرحسین", "ستوده", {
        "shz-1402-06-12-budget-supplement": "شهردار شیراز",
        "shz-1402-10-30-nowruz-agreement": "شهردار شیراز",
        "shz-1403-01-08-nowruz-incidents": "شهردار شیراز"}),
    "azarnoush": ("پرویز", "آذرنوش", {
        "shz-1402-06-12-budget-supplement": "رئیس شورای اسلامی شهر شیراز",
        "shz-1403-03-15-metro-delay": "رئیس شورای اسلامی شهر شیراز"}),
    "tavakoli": ("علیرضا", "توکلی", {
        "isf-1402-05-15-bike-lanes": "معاون حمل‌ونقل و ترافیک شهرداری اصفهان",
        "isf-1402-09-18-metro-line2": "معاون حمل‌ونقل و ترافیک شهرداری اصفهان",
        "isf-1403-07-02-acting-mayor": "سرپرست شهرداری اصفهان",
        "sample-isfahan-bus": "سرپرست شهرداری اصفهان",
        "isf-1403-09-12-electric-buses": "سرپرست شهرداری اصفهان"}),
    "nourbakhsh": ("داریوش", "نوربخش", {
        "isf-1402-05-15-bike-lanes": "شهردار اصفهان",
        "isf-1403-07-02-acting-mayor": "شهردار پیشین اصفهان"}),
    "moradi": ("ژیلا", "مرادی", {
        "isf-1403-07-02-acting-mayor": "رئیس کمیسیون فرهنگی شورای اسلامی شهر اصفهان",
        "isf-1403-09-12-electric-buses": "عضو شورای اسلامی شهر اصفهان"}),
    "zarei": ("احمد", "زارعی", {
        "05_old_orthography": "فرماندار کاشان",
        "ksh-1402-11-22-fajr-projects": "فرماندار کاشان"}),
    "s_bagheri": ("سعید", "باقری", {
        "krm-1402-07-25-ring-road": "شهردار کرمان",
        "krm-1403-01-28-green-belt": "شهردار کرمان",
        "krm-1403-02-30-storm-call": "شهردار کرمان"}),
    "m_bagheri": ("محسن", "باقری", {"krm-1402-10-05-air-pollution": "فرماندار کرمان"}),
    "z_salehi": ("زهرا", "صالحی", {
        "krm-1402-07-25-ring-road": "رئیس شورای اسلامی شهر کرمان",
        "krm-1403-02-30-storm-call": "رئیس شورای اسلامی شهر کرمان"}),
    "karimi": ("محمدرضا", "کریمی", {"sample-ahvaz-flood": "استاندار خوزستان"}),
}

# article id -> [(mention exactly as written, person key)]
MENTIONS: dict[str, list[tuple[str, str]]] = {
    "01_tabriz_metro": [("کامران نیک\u200cپور", "nikpour"), ("نیک\u200cپور", "nikpour")],
    "02_council_yazd": [("رضا فخاری", "fakhari"), ("سمیه دهقانی", "s_dehghani")],
    "03_mashhad_visit": [("حمید صادقیان", "sadeghian"), ("صادقیان", "sadeghian")],
    "04_rasht_waste": [("مهدی قربانی", "m_ghorbani")],
    "05_old_orthography": [("احمد زارعي", "zarei")],
    "sample-isfahan-bus": [("علیرضا توکلی", "tavakoli")],
    "sample-ahvaz-flood": [("محمدرضا کریمی", "karimi")],
    "tbz-1402-05-08-metro-credit": [("سید علی\u200cاکبر حسینی", "aa_hosseini"), ("حسینی", "aa_hosseini"),
                                    ("کامران نیک\u200cپور", "nikpour"), ("بهروز قلی\u200cزاده", "gholizadeh")],
    "tbz-1402-06-20-underpass-delay": [("مریم حسینی", "m_hosseini"), ("حسینی", "m_hosseini")],
    "tbz-1402-07-15-renewal-agreement": [("دکتر بهمن اسدی", "asadi"), ("اسدی", "asadi"),
                                         ("سید علی\u200cاکبر حسینی", "aa_hosseini"), ("حسینی", "aa_hosseini")],
    "tbz-1402-09-28-new-mayor": [("سيد علي اكبر حسيني", "aa_hosseini"), ("حسيني", "aa_hosseini"),
                                 ("كامران نيك پور", "nikpour"), ("نيك پور", "nikpour"),
                                 ("بهروز قلي زاده", "gholizadeh")],
    "tbz-1402-11-10-snow-plan": [("مهندس نیک\u200cپور", "nikpour"), ("کامران نیک\u200cپور", "nikpour"),
                                 ("علی\u200cاکبر حسینی", "aa_hosseini"), ("حسینی", "aa_hosseini")],
    "tbz-1403-02-18-budget-report": [("نیک\u200cپور", "nikpour"), ("دکتر مریم حسینی", "m_hosseini"),
                                     ("بهروز قلی زاده", "gholizadeh")],
    "mhd-1402-05-22-pilgrim-transport": [("محمدحسن طاهرخانی", "taherkhani"), ("طاهرخانی", "taherkhani"),
                                         ("حجت\u200cالاسلام سید مهدی رضوی\u200cپور", "razavipour"),
                                         ("رضوی\u200cپور", "razavipour"), ("علی صالحی", "a_salehi")],
    "mhd-1402-07-03-district9-visit": [("حمید صادقیان", "sadeghian"), ("صادقیان", "sadeghian"),
                                       ("ناصر کاظمی\u200cفر", "kazemifar"), ("کاظمی\u200cفر", "kazemifar")],
    "mhd-1402-08-25-fare-increase": [("فاطمه کاظمی", "f_kazemi"), ("کاظمی", "f_kazemi")],
    "mhd-1402-10-14-metro3-call": [("مهندس طاهرخانی", "taherkhani"), ("بهمن اسدی", "asadi"),
                                   ("علی صالحی", "a_salehi")],
    "mhd-1403-01-20-nowruz-report": [("محمد حسن طاهرخانی", "taherkhani"), ("طاهرخانی", "taherkhani"),
                                     ("مهدی رضوی\u200cپور", "razavipour"), ("رضوی\u200cپور", "razavipour")],
    "mhd-1403-03-05-surface-water": [("محمدحسن طاهرخاني", "taherkhani"), ("طاهرخاني", "taherkhani"),
                                     ("ناصر كاظمي فر", "kazemifar")],
    "yzd-1402-06-05-historic-houses": [("محمدعلی دهقانی", "ma_dehghani"), ("رضا فخاری", "fakhari"),
                                       ("فخاری", "fakhari")],
    "yzd-1402-08-12-presidium": [("فخاری، رضا", "fakhari"), ("دهقانی، سمیه", "s_dehghani"),
                                 ("رحیمی\u200cنژاد، کاوه", "rahiminejad"), ("رضا فخاری", "fakhari"),
                                 ("سمیه دهقانی", "s_dehghani")],
    "yzd-1402-12-02-qanat-agreement": [("مهندس دهقانی", "ma_dehghani"), ("اکبر شریف\u200cزاده", "sharifzadeh"),
                                       ("شریف\u200cزاده", "sharifzadeh")],
    "yzd-1403-02-25-womens-park": [("محمد علی دهقانی", "ma_dehghani"), ("دکتر سمیه دهقانی", "s_dehghani")],
    "rst-1402-05-30-landfill": [("بهرام صفری\u200cنیا", "safarinia"), ("صفری\u200cنیا", "safarinia"),
                                ("مهدی قربانی", "m_ghorbani"), ("قربانی", "m_ghorbani")],
    "rst-1402-09-07-wage-arrears": [("حسن قربانی", "h_ghorbani"), ("قربانی", "h_ghorbani")],
    "rst-1402-12-20-flooding": [("بهرام صفري نيا", "safarinia"), ("صفري نيا", "safarinia")],
    "rst-1403-02-10-asadi-visit": [("دکتر بهمن اسدی", "asadi"), ("اسدی", "asadi"),
                                   ("دکتر صفری\u200cنیا", "safarinia"), ("مهدی قربانی", "m_ghorbani")],
    "shz-1402-06-12-budget-supplement": [("مهندس پرویز آذرنوش", "azarnoush"), ("آذرنوش", "azarnoush"),
                                         ("دکتر امیرحسین ستوده", "sotoudeh"), ("دکتر ستوده", "sotoudeh")],
    "shz-1402-08-01-quake-drill": [("دکتر رضا حسینی", "r_hosseini"), ("حسینی", "r_hosseini"),
                                   ("جواد حسینی\u200cپور", "hosseinipour"), ("حسینی\u200cپور", "hosseinipour")],
    "shz-1402-10-30-nowruz-agreement": [("ستوده", "sotoudeh")],
    "shz-1403-01-08-nowruz-incidents": [("جواد حسینی\u200cپور", "hosseinipour"), ("امیر حسین ستوده", "sotoudeh"),
                                        ("ستوده", "sotoudeh")],
    "shz-1403-03-15-metro-delay": [("آذرنوش", "azarnoush"), ("پرویز آذرنوش", "azarnoush")],
    "isf-1402-05-15-bike-lanes": [("علیرضا توکلی", "tavakoli"), ("توکلی", "tavakoli"),
                                  ("داریوش نوربخش", "nourbakhsh"), ("نوربخش", "nourbakhsh")],
    "isf-1402-09-18-metro-line2": [("علي رضا توكلي", "tavakoli"), ("توكلي", "tavakoli")],
    "isf-1403-07-02-acting-mayor": [("علی\u200cرضا توکلی", "tavakoli"), ("توکلی", "tavakoli"),
                                    ("داریوش نوربخش", "nourbakhsh"), ("نوربخش", "nourbakhsh"),
                                    ("ژیلا مرادی", "moradi"), ("مرادی", "moradi")],
    "isf-1403-09-12-electric-buses": [("علیرضا توکلی", "tavakoli"), ("توکلی", "tavakoli"),
                                      ("ژیلا مرادی", "moradi"), ("مرادی", "moradi")],
    "ksh-1402-11-22-fajr-projects": [("احمد زارعی", "zarei"), ("زارعی", "zarei")],
    "krm-1402-07-25-ring-road": [("سعید باقری", "s_bagheri"), ("زهرا صالحی", "z_salehi"), ("صالحی", "z_salehi")],
    "krm-1402-10-05-air-pollution": [("محسن باقری", "m_bagheri"), ("باقری", "m_bagheri")],
    "krm-1403-01-28-green-belt": [("سعيد باقري", "s_bagheri"), ("باقري", "s_bagheri")],
    "krm-1403-02-30-storm-call": [("مهندس باقری", "s_bagheri"), ("سعید باقری", "s_bagheri"),
                                  ("دکتر اسدی", "asadi"), ("زهرا صالحی", "z_salehi")],
}

# people who held one office one after the other
# people whose office changes between articles (other role differences are only wording)
OFFICE_CHANGES = {"aa_hosseini", "nikpour", "tavakoli"}
SUCCESSIONS = [("aa_hosseini", "nikpour", "شهردار تبریز"), ("nourbakhsh", "tavakoli", "شهردار / سرپرست شهرداری اصفهان")]
HONORIFICS = ("حجت\u200cالاسلام", "دکتر", "مهندس")
N_SAME, N_WITHIN = 108, 12
DIFF_QUOTA = {0: 200, 1: 14, 2: 12, 3: 6}  # shared surname (all of them), prefix, succession, given name


def fold(s: str) -> str:
    return s.replace("ي", "ی").replace("ك", "ک")


def key(s: str) -> str:
    return "".join(fold(s).replace(Z, "").split())


class Mention:
    def __init__(self, article: str, text: str, person: str, date: str | None):
        self.article, self.text, self.person, self.date = article, text, person, date
        given, surname, roles = PEOPLE[person]
        self.role = roles[article]
        rest = text
        self.honorifics = []
        for h in HONORIFICS + ("سید", "سيد"):
            if rest.startswith(h + " "):
                self.honorifics.append(fold(h))
                rest = rest[len(h) + 1:]
        self.bare = rest  # without honorifics (سید counts as one here)
        self.roster = "،" in rest
        self.surname_only = key(rest) == key(surname)
        self.arabic = "ي" in text or "ك" in text

    @property
    def where(self) -> str:
        return f"{self.article} ({self.date or 'undated'})"


def load_articles() -> dict[str, InputItem]:
    items = [x for x in iter_inputs([str(ROOT / "data" / "samples")]) if isinstance(x, InputItem)]
    return {x.id: x for x in items}


def occurs_as_word(mention: str, text: str) -> bool:
    start = text.find(mention)
    while start >= 0:
        end = start + len(mention)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalpha() or before == Z) and not (after.isalpha() or after == Z):
            return True
        start = text.find(mention, start + 1)
    return False


def resolved_by(m: Mention, by_article: dict[str, list[Mention]]) -> str:
    fuller = [o for o in by_article[m.article] if o.person == m.person and not o.surname_only]
    if fuller:
        return f"resolved there by «{fuller[0].text}»"
    return f"resolved there by the role «{m.role}»"


def same_note(a: Mention, b: Mention, by_article) -> tuple[str, int]:
    given, surname, _ = PEOPLE[a.person]
    why, kinds = [], set()
    for h in sorted(set(a.honorifics) ^ set(b.honorifics)):
        why.append(f"«{h}» written in only one")
        kinds.add("honorific")
    if a.arabic != b.arabic:
        why.append(f"older orthography (Arabic ي/ك) in {(a if a.arabic else b).article}")
        kinds.add("arabic")
    for m in (a, b):
        if m.surname_only:
            why.append(f"surname-only «{m.text}» in {m.article}, {resolved_by(m, by_article)}")
            kinds.add("surname")
        if m.roster:
            why.append(f"surname-first roster form «{m.text}»")
            kinds.add("roster")
    full = [fold(m.bare) for m in (a, b) if not m.surname_only and not m.roster]
    if len(full) == 2 and full[0] != full[1] and key(full[0]) == key(full[1]):
        if full[0].replace(Z, " ") == full[1].replace(Z, " "):
            why.append(f"ZWNJ vs space («{full[0]}» / «{full[1]}»)")
        elif full[0].replace(Z, "") == full[1].replace(Z, ""):
            why.append(f"ZWNJ vs joined («{full[0]}» / «{full[1]}»)")
        else:
            why.append(f"name parts joined vs split by a space («{full[0]}» / «{full[1]}»)")
        kinds.add("joins")
    if a.role != b.role:
        if a.person in OFFICE_CHANGES:
            why.append(f"office changed: {a.role} in {a.where}, {b.role} in {b.where}")
            kinds.add("office")
        else:
            why.append(f"described as {a.role} in {a.article} and {b.role} in {b.article}")
    score = len(kinds) - (0.5 if a.surname_only and b.surname_only else 0)
    if not why:
        why.append("same name in both articles" if a.text == b.text else "same name")
    return f"same person ({given} {surname}): " + "; ".join(why), score


def diff_note(a: Mention, b: Mention) -> tuple[str, int] | None:
    ga, sa, _ = PEOPLE[a.person]
    gb, sb, _ = PEOPLE[b.person]
    who = f"{ga} {sa}, {a.role} vs {gb} {sb}, {b.role}"
    extra = "".join(f"; surname-only «{m.text}» in {m.article} names {PEOPLE[m.person][0]} {PEOPLE[m.person][1]} there"
                    for m in (a, b) if m.surname_only)
    if key(sa) == key(sb):
        return f"different people sharing the surname «{sa}»: {who}{extra}", 0
    short, long_ = sorted((sa, sb), key=len)
    if long_.startswith(short + Z):
        return f"different people; «{short}» is a prefix of «{long_}»: {who}{extra}", 1
    for p, q, office in SUCCESSIONS:
        if {a.person, b.person} == {p, q}:
            return f"different people who held the same office ({office}) one after the other: {who}", 2
    if key(ga.replace("سید ", "")) == key(gb.replace("سید ", "")):
        return f"different people sharing the given name «{ga}»: {who}", 3
    return None


def round_robin(groups: dict, n: int) -> list:
    """Take from each group in turn (groups already sorted best first) until n are taken."""
    out, queues = [], [list(v) for _, v in sorted(groups.items())]
    while len(out) < n and any(queues):
        for q in queues:
            if q and len(out) < n:
                out.append(q.pop(0))
    return out


def build_rows() -> list[dict]:
    """The labelled pairs, in file order. Raises ValueError when the inventory does not match data/samples."""
    articles = load_articles()
    mentions, by_article = [], {}
    for art_id, ms in MENTIONS.items():
        if art_id not in articles:
            raise ValueError(f"unknown article id {art_id}: add it to data/samples or fix MENTIONS")
        for text, person in ms:
            if not occurs_as_word(text, articles[art_id].text):
                raise ValueError(f"«{text}» does not occur as a whole word in {art_id}: fix MENTIONS")
            m = Mention(art_id, text, person, articles[art_id].date)
            mentions.append(m)
            by_article.setdefault(art_id, []).append(m)

    same_groups, within, diff_groups = {}, [], {}
    for a, b in itertools.combinations(mentions, 2):
        if a.person == b.person:
            note, score = same_note(a, b, by_article)
            if a.article != b.article:
                group = same_groups.setdefault(a.person, [])
                group.append((-score, a.text == b.text, len(group), a, b, note))
            elif a.surname_only != b.surname_only:
                within.append((a, b, note))
        else:
            d = diff_note(a, b)
            if d:
                note, rank = d
                diff_groups.setdefault((rank, *sorted((a.person, b.person))), []).append((a, b, note))
    for g in same_groups.values():
        g.sort(key=lambda t: t[:3])
    same = [(a, b, note) for *_, a, b, note in round_robin(same_groups, N_SAME)]
    same += within[:N_WITHIN]
    diff = []
    for rank, quota in DIFF_QUOTA.items():
        groups = {k: v for k, v in diff_groups.items() if k[0] == rank}
        diff += round_robin(groups, quota)
    return [{"a": {"article": a.article, "mention": a.text}, "b": {"article": b.article, "mention": b.text},
             "same": label, "note": note} for label, pairs in ((True, same), (False, diff)) for a, b, note in pairs]


def main() -> int:
    try:
        rows = build_rows()
    except ValueError as e:
        print(e, file=sys.stderr)
        return 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    n_same = sum(r["same"] for r in rows)
    print(f"{len(rows)} pairs ({n_same} same, {len(rows) - n_same} different) -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
