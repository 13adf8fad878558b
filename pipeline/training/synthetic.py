#!/usr/bin/env python3
"""Synthetic Persian municipal-news sentences with BIO tags over PER ROLE ORG LOC FIG DATE.

The templates and name parts are written here by hand (no corpus text); slots are filled from
``pipeline/lexicons``. Labels follow ../shared/ANNOTATION.md: ROLE without its org, honorifics
(دکتر، مهندس، آیت‌الله ...) outside PER, «سید» inside, bare institution words («شهرداری»,
«این سازمان», «شورای شهر») not entities, an ORG keeps its contained place, FIG keeps its
approximator and counted noun, DATE keeps a deadline preposition («تا پایان سال»).
Orthography is randomized a little (ZWNJ -> space or joined, Arabic ي/ك) so the model also sees
older spelling.

    python scripts/make_synthetic_ner.py --n 4000 --out work/ner/synthetic.jsonl

``generate(n, seed)`` is used by :mod:`pipeline.training.ner_data`.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from pipeline.lexicons import load_lexicon, load_table

ROOT = Path(__file__).resolve().parents[2]

Z = "\u200c"
P_DIG = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# ------------------------------------------------------------------ slot material (hand-written)
SURNAME_BASES = """احمد کریم رضا حسین محمد علی تقی نوری صادق رحیم جعفر موسو کاظم سلیم قاسم یزد شیراز تهران اصفهان
کرمان قزوین تبریز همدان کاشان زنجان لاهیج رشت گیلان مشهد سبزوار نیشاب بهبهان دزفول خراسان طالق فراهان شاهرود
امین شریف ملک نصر فتح نیک پاک روشن سپهر مهر کیان آزاد زمان اکبر اسد توکل صالح صفا خادم امید مرتض عباس حیدر
جهان فرهاد بهرام ایزد یزدان خسرو شکور غفار صبور منصور مظفر پیروز سلطان میر شاه باقر هاشم کمال جمال قربان""".split()
SURNAME_SUFFIX = ["ی", "ی", "ی", "پور", "زاده", "نژاد", "فر", "نیا", "راد", "ی" + Z + "فر", "ی" + Z + "پور", "ی" + Z + "نژاد", "یان", "لو", "وند", "ی" + Z + "زاده"]
SURNAME_WHOLE = """توکلی نادری صالحی امینی بابایی قنبری فرجی جلالی دهقانی قالیباف چمران زاکانی کرباسچی
رحمانی محمدی حسینی موسوی رضایی کریمی جعفری قاسمی صادقی نوروزی مرادی عباسی سلطانی طاهری کاظمی هاشمی
شریفی رحیمی ملکی بهرامی اسدی ابراهیمی یوسفی فتحی نجفی کرمانی تهرانی شیرازی اصفهانی یزدی قزوینی""".split()
ORG_TAILS = """همیاری شهرداری‌های {P}|پارک‌ها و فضای سبز شهرداری {C}|مدیریت پسماند شهرداری {C}|آتش‌نشانی و خدمات ایمنی شهرداری {C}
حمل‌ونقل و ترافیک شهرداری {C}|نوسازی و بهسازی شهر {C}|تأمین اجتماعی|برنامه و بودجه|شهرداری‌ها و دهیاری‌های کشور
میراث فرهنگی، صنایع دستی و گردشگری استان {P}|مدیریت بحران استان {P}|زیباسازی شهرداری {C}|عمران شهرداری {C}
اتوبوسرانی شهرداری {C}|قطار شهری {C}|فاوای شهرداری {C}|املاک و مستغلات شهرداری {C}|بازیافت و تبدیل مواد شهرداری {C}
حفاظت محیط زیست|نظام مهندسی ساختمان استان {P}|بهزیستی استان {P}|جهاد کشاورزی استان {P}""".replace("\n", "|").split("|")
ORG_FIXED = """وزارت کشور|وزارت راه و شهرسازی|وزارت نیرو|وزارت امور اقتصادی و دارایی|وزارت بهداشت|وزارت میراث فرهنگی، گردشگری و صنایع دستی
خبرگزاری مهر|خبرگزاری ایرنا|خبرگزاری ایسنا|خبرگزاری فارس|خبرگزاری تسنیم|خبرگزاری صدا و سیما|باشگاه خبرنگاران جوان
بانک ملی|بانک شهر|بانک مسکن|سازمان ملل|مجلس شورای اسلامی|دیوان محاسبات|سازمان بازرسی کل کشور|شورای عالی استان‌ها
انجمن شهرداران کلان‌شهرها|مجمع شهرداران آسیایی|جمعیت هلال‌احمر|کمیته امداد امام خمینی|بنیاد مسکن انقلاب اسلامی|ستاد اجرایی فرمان امام""".replace("\n", "|").split("|")
ORG_PLACED = """شهرداری {C}|استانداری {P}|فرمانداری {C}|بخشداری {C}|شورای اسلامی شهر {C}|شورای شهر {C}|شهرداری منطقه {N} {C}
اداره‌کل راه و شهرسازی استان {P}|شرکت آب و فاضلاب استان {P}|شرکت گاز استان {P}|دانشگاه {C}|دانشگاه علوم پزشکی {C}
اداره‌کل بهزیستی استان {P}|دفتر امور شهری و شوراهای استانداری {P}|دادگستری استان {P}|اداره‌کل مدیریت بحران استان {P}
سازمان همیاری شهرداری‌های استان {P}|مرکز بهداشت شهرستان {C}|اداره آموزش و پرورش {C}|شرکت واحد اتوبوسرانی {C}""".replace("\n", "|").split("|")
ROLE_MODS = ["عمران", "عمران و توسعه امور شهری و روستایی", "برنامه‌ریزی و توسعه", "خدمات شهری", "حمل‌ونقل و ترافیک",
             "فرهنگی و اجتماعی", "مالی و اداری", "اداری و مالی", "شهرسازی و معماری", "هماهنگی امور عمرانی", "سیاسی و امنیتی",
             "امور شهری و شوراها", "فنی و عمرانی", "امور اقتصادی", "برنامه‌ریزی، توسعه و سرمایه‌گذاری", "امور عمرانی",
             "اقتصادی", "مدیریت بحران", "سرمایه‌گذاری و مشارکت‌ها", "حقوقی و امور مجلس"]
ROLE_SIMPLE = ["شهردار", "استاندار", "فرماندار", "بخشدار", "دهیار", "مدیرعامل", "مدیرکل", "معاون", "رئیس", "نایب‌رئیس", "دبیر",
               "سخنگو", "نماینده", "وزیر", "معاون وزیر", "مشاور", "سرپرست", "مدیر", "کارشناس", "بازرس", "دادستان", "امام جمعه",
               "رئیس‌جمهور", "دبیر و سخنگو", "کارشناس خبره", "معاون شهردار", "معاون استاندار", "معاون فرماندار", "قائم‌مقام",
               "رئیس هیئت‌مدیره", "عضو هیئت‌مدیره", "مدیر روابط عمومی", "رئیس کمیسیون عمران", "رئیس کمیسیون برنامه و بودجه",
               "نایب‌رئیس کمیسیون عمران", "رئیس شورای شهر", "اعضای شورای شهر", "عضو شورای شهر", "سخنگوی شورای شهر",
               "رئیس شورای اسلامی شهر", "معاون عمرانی استاندار", "معاون هماهنگی امور عمرانی استاندار"]
ROLE_MOD_HEADS = ["معاون", "معاونان", "مدیرکل", "مدیر", "رئیس", "سرپرست", "مشاور", "معاون شهردار در امور"]
STREET_NAMES = ["امام خمینی", "آزادی", "چمران", "ولیعصر", "شهید بهشتی", "انقلاب", "مطهری", "جمهوری", "وحدت", "شهید همت", "نواب",
                "کشاورز", "فردوسی", "ملت", "لاله", "ساعی", "شهر", "بعثت", "رسالت", "صیاد شیرازی", "فلسطین", "سعدی", "حافظ", "امام رضا"]
LOC_TYPES = ["بزرگراه", "خیابان", "بلوار", "میدان", "پارک", "بوستان", "چهارراه", "پل", "تقاطع", "محله", "کوی", "پایانه"]
UNITS = ["میلیارد تومان", "میلیارد ریال", "میلیون تومان", "میلیون ریال", "هزار میلیارد ریال", "درصد", "هکتار", "متر مربع",
         "مترمربع", "کیلومتر", "متر", "نفر", "دستگاه اتوبوس", "پروژه", "طرح", "شهر", "روستا", "واحد مسکونی", "دستگاه", "تن",
         "مسئله", "تولیدکننده", "شهرداری", "بخش", "خانوار", "اصله نهال", "تاکسی", "کلاس درس", "مدرسه", "هزار نفر"]
APPROX = ["", "", "", "بیش از ", "حدود ", "بالغ بر ", "قریب به ", "حداقل ", "کمتر از ", "نزدیک به "]
NUM_WORDS = ["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "دوازده", "پانزده", "بیست", "سی", "پنجاه", "صد"]
MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
WEEKDAYS = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"]
DATE_REL = ["صبح امروز", "امروز", "دیروز", "عصر امروز", "شامگاه {W}", "صبح {W}", "روز {W}", "هفته گذشته", "هفته آینده", "سال آینده",
            "سال گذشته", "ماه آینده", "تا پایان سال", "طی یک ماه آینده", "ظرف دو هفته", "تا پایان {M} ماه", "تا پایان {M}",
            "طی سال‌های گذشته", "طی هفته‌های اخیر", "روز گذشته", "امسال", "در سال ۱۴۰۲", "نیمه دوم سال", "تا پایان هفته جاری",
            "ظرف شش ماه", "دهه فجر", "{D} {M}", "{D} {M} {Y}", "{W} {D} {M}", "{W} {D} {M} ماه", "سال {Y}", "{M} ماه"]
MEETINGS = ["نشست", "جلسه", "دیدار", "نشست مشترک", "جلسه شورای اداری", "بازدید", "همایش", "گردهمایی", "جلسه هم‌اندیشی", "جلسه کارگروه"]
TOPICS = ["بررسی مشکلات حمل‌ونقل عمومی", "ساماندهی پسماند", "توسعه فضای سبز", "تکمیل پروژه‌های نیمه‌تمام", "احداث پارک",
          "بهسازی معابر", "نوسازی بافت فرسوده", "تأمین اعتبار طرح‌های عمرانی", "مدیریت بحران", "ساماندهی دستفروشان",
          "آسفالت معابر", "توسعه ناوگان اتوبوسرانی", "ایمنی ساختمان‌ها", "افزایش درآمدهای پایدار", "بازگشایی معبر"]
GENERIC_O = ["شهرداری", "این سازمان", "شورای شهر", "استانداری", "دولت", "شهرداری‌ها", "این نهاد", "مدیریت شهری", "دستگاه‌های اجرایی"]
SAY = ["گفت", "افزود", "اظهار کرد", "تأکید کرد", "عنوان کرد", "خاطرنشان کرد", "بیان کرد", "اعلام کرد"]
QUOTE = ["این پروژه با جدیت دنبال می‌شود", "مشکلات شهروندان باید در اسرع وقت برطرف شود", "برنامه‌ریزی لازم انجام شده است",
         "همکاری دستگاه‌ها ضروری است", "اعتبار لازم تأمین خواهد شد", "کار اجرایی این طرح آغاز شده است",
         "تلاش داریم رضایت مردم جلب شود", "وی از شهروندان خواست همکاری کنند", "عملیات اجرایی با سرعت ادامه دارد"]

TEMPLATES = [
    "{ROLE} {ORG} {SAY} : {QUOTE} .",
    "{PER} ، {ROLE} {ORG} ، در {MEET} با {ROLE} {ORG} {SAY} : {QUOTE} .",
    "{ROLE} {LOC} {PER} از {FIG_NP} برای {TOPIC} خبر داد .",
    "به گزارش {ORG} ، {PER} {ROLE} {ORG} {DATE} در {MEET} {TOPIC} {SAY} : {QUOTE} .",
    "{HON} {PER} ، {ROLE} {LOC} ، {DATE} از {LOCF} بازدید کرد .",
    "{ROLE} {ORG} ( {PER} ) {DATE} با {ROLE} {ORG} دیدار کرد .",
    "{MEMBERS} {CITY} {DATE} با {PER} ، {ROLE} {ORG} دیدار و گفت‌وگو کردند .",
    "{PER} در دیدار با {MEMBERS} {SAY} : {QUOTE} .",
    "{ROLE} {ORG} {DATE} با حضور در جمع {MEMBERS} {CITY} {SAY} : {QUOTE} .",
    "{PER} {SAY} : {FIG} برای {TOPIC} در {LOC} اختصاص یافته است .",
    "وی با اشاره به {TOPIC} {SAY} : {GEN} موظف است {DATE} {FIG} را تأمین کند .",
    "{ROLE} {ORG} {DATE} در {MEET} {ORG} {SAY} : {QUOTE} .",
    "در این {MEET} ، {PER} ، {ROLE} {ORG} و {PER} ، {ROLE} {ORG} حضور داشتند .",
    "{ROLE} {LOC} با بیان اینکه {FIG} در {LOC} اجرا شده است ، {SAY} : {QUOTE} .",
    "قرار شد {ORG} {DATE} نسبت به {TOPIC} در {LOCF} اقدام کند .",
    "{ORG} و {ORG} تفاهم‌نامه‌ای برای {TOPIC} به ارزش {FIG} امضا کردند .",
    "{HON} {PER} {ROLE} {ORG} {DATE} از پیشرفت {FIG} فیزیکی پروژه {LOCF} خبر داد .",
    "به گفته {ROLE} {ORG} ، {FIG} در {LOC} از این طرح بهره‌مند می‌شوند .",
    "{PER} در {MEET} {ROLE} با {GEN} {SAY} : {QUOTE} .",
    "{ROLE} {ORG} گفت : {GEN} {DATE} {FIG} را به {TOPIC} اختصاص می‌دهد .",
    "{ROLE} {LOC} {SAY} : {DATE} {FIG} در محدوده {LOCF} آسفالت شد .",
    "{PER} ، {ROLE} ، {DATE} در حاشیه {MEET} به خبرنگار {ORG} گفت : {QUOTE} .",
    "با حضور {ROLE} {ORG} ، {FIG} در {LOC} افتتاح شد .",
    "{ROLE} {ORG} از اختصاص {FIG} به {LOC} خبر داد و {SAY} : {QUOTE} .",
    "{PER} ({ROLE} {ORG}) {DATE} {SAY} : {QUOTE} .",
    "{SURNAME} {SAY} : {QUOTE} .",
    "{ROLE} {ORG} {DATE} در {LOC} {SAY} : {GEN} {FIG} را {DATE} تکمیل خواهد کرد .",
    "{ROLE} {ORG} و {ROLE} {ORG} {DATE} از {LOCF} و {LOCF} بازدید کردند .",
    "این {MEET} با حضور {PER} ، {ROLE} و {PER} ، {ROLE} {ORG} در محل {ORG} برگزار شد .",
    "{ROLE} {LOC} در گفت‌وگو با {ORG} {SAY} : {FIG} در {DATE} به بهره‌برداری می‌رسد .",
    "{ROLE} {ORG} {SAY} : {DATE} {FIG} در {LOC} ساخته می‌شود .",
    "دومین {MEET} {TOPIC} {DATE} در {ORG} برگزار شد .",
]


class Gen:
    def __init__(self, seed: int = 13):
        self.r = random.Random(seed)
        places = load_table("places")
        self.cities = [p for p, t in places.items() if (t if isinstance(t, str) else t[0]) in ("city",)]
        self.provinces = [p for p, t in places.items() if (t if isinstance(t, str) else t[0]) == "province"]
        self.countries = [p for p, t in places.items() if (t if isinstance(t, str) else t[0]) in ("country", "capital")]
        self.given = [g for g in load_lexicon("given_names")]
        self.honor = [h for h in load_lexicon("honorifics") if h not in ("حاجیه خانم", "سرکار خانم")]
        self.roles = load_lexicon("roles")

    def c(self, seq):
        return self.r.choice(seq)

    def num(self, small=False):
        r = self.r.random()
        if small or r < 0.35:
            return self.c(NUM_WORDS) if self.r.random() < 0.5 else str(self.r.randint(2, 99)).translate(P_DIG)
        if r < 0.6:
            return str(self.r.randint(10, 9999)).translate(P_DIG)
        if r < 0.8:
            return f"{self.c(NUM_WORDS)} هزار و {str(self.r.randint(1, 999)).translate(P_DIG)}"
        return f"{self.r.randint(1, 99)}/{self.r.randint(1, 9)}".translate(P_DIG)

    def surname(self):
        if self.r.random() < 0.35:
            return self.c(SURNAME_WHOLE)
        s = self.c(SURNAME_BASES) + self.c(SURNAME_SUFFIX)
        if self.r.random() < 0.08:
            s = self.c(SURNAME_BASES) + "ی " + s  # two-word surnames («رضایی کهنسال»)
        return s

    def per(self):
        g = self.c(self.given)
        if self.r.random() < 0.15:
            g = g + " " + self.c(self.given[:120])
        if self.r.random() < 0.12:
            g = self.c(["سید", "سیده", "سید", "میر"]) + " " + g
        return f"{g} {self.surname()}"

    def city(self):
        return self.c(self.cities)

    def prov(self):
        return self.c(self.provinces)

    def fill(self, pat):
        return pat.replace("{C}", self.city()).replace("{P}", self.prov()).replace("{N}", self.num(small=True))

    def org(self):
        r = self.r.random()
        if r < 0.45:
            return self.fill(self.c(ORG_PLACED))
        if r < 0.75:
            return "سازمان " + self.fill(self.c(ORG_TAILS))
        return self.c(ORG_FIXED)

    def role(self):
        r = self.r.random()
        if r < 0.55:
            return self.c(ROLE_SIMPLE)
        if r < 0.8:
            return self.c(ROLE_MOD_HEADS) + " " + self.c(ROLE_MODS)
        return self.c(self.roles)

    def loc(self):
        r = self.r.random()
        if r < 0.35:
            return self.city()
        if r < 0.5:
            return self.prov()
        if r < 0.6:
            return "استان " + self.prov()
        if r < 0.68:
            return "شهر " + self.city()
        if r < 0.78:
            return f"منطقه {self.num(small=True)} " + self.c(["", "", "شهرداری "]) + self.city()
        if r < 0.85:
            return self.c(self.countries)
        return self.locf()

    def locf(self):
        return f"{self.c(LOC_TYPES)} {self.c(STREET_NAMES)}"

    def fig(self):
        r = self.r.random()
        if r < 0.08:
            return "این " + self.c(["دو", "سه", "چهار"]) + " " + self.c(["پروژه", "طرح", "شهر"])
        return f"{self.c(APPROX)}{self.num()} {self.c(UNITS)}"

    def date(self):
        p = self.c(DATE_REL)
        return (p.replace("{W}", self.c(WEEKDAYS)).replace("{M}", self.c(MONTHS))
                .replace("{D}", str(self.r.randint(1, 30)).translate(P_DIG))
                .replace("{Y}", str(self.r.randint(1385, 1404)).translate(P_DIG)))

    def sentence(self):
        tpl = self.c(TEMPLATES)
        toks, tags = [], []
        for part in re.split(r"(\{[A-Z_]+\})", tpl):
            if not part:
                continue
            m = re.fullmatch(r"\{([A-Z_]+)\}", part)
            if not m:
                self._add(part, "O", toks, tags)
                continue
            slot = m.group(1)
            if slot == "PER":
                self._add(self.per(), "PER", toks, tags)
            elif slot == "SURNAME":
                self._add(self.surname(), "PER", toks, tags)
            elif slot == "HON":
                if self.r.random() < 0.6:
                    self._add(self.c(self.honor), "O", toks, tags)
            elif slot == "ROLE":
                self._add(self.role(), "ROLE", toks, tags)
            elif slot == "ORG":
                o = self.org()
                if self.r.random() < 0.1:  # a generic mention instead of a name
                    self._add(self.c(GENERIC_O), "O", toks, tags)
                else:
                    self._add(o, "ORG", toks, tags)
            elif slot == "LOC":
                self._add(self.loc(), "LOC", toks, tags)
            elif slot == "MEMBERS":
                self._add(self.c(["اعضای شورای شهر", "اعضای شورای اسلامی شهر", "اعضای شورا", "رئیس و اعضای شورای شهر"]), "ROLE", toks, tags)
            elif slot == "CITY":
                self._add(self.city(), "LOC", toks, tags)
            elif slot == "LOCF":
                self._add(self.locf(), "LOC", toks, tags)
            elif slot == "FIG":
                self._add(self.fig(), "FIG", toks, tags)
            elif slot == "FIG_NP":
                self._add(self.fig(), "FIG", toks, tags)
            elif slot == "DATE":
                self._add(self.date(), "DATE", toks, tags)
            elif slot == "MEET":
                self._add(self.c(MEETINGS), "O", toks, tags)
            elif slot == "TOPIC":
                self._add(self.c(TOPICS), "O", toks, tags)
            elif slot == "SAY":
                self._add(self.c(SAY), "O", toks, tags)
            elif slot == "QUOTE":
                self._add(self.c(QUOTE), "O", toks, tags)
            elif slot == "GEN":
                self._add(self.c(GENERIC_O), "O", toks, tags)
        return self._orthography(toks, tags)

    @staticmethod
    def _add(text, label, toks, tags):
        words = re.findall(r"[^\s()،:.؛«»]+|[()،:.؛«»]", text)
        for k, w in enumerate(words):
            toks.append(w)
            tags.append("O" if label == "O" else ("B-" if k == 0 else "I-") + label)

    def _orthography(self, toks, tags):
        r = self.r.random()
        if r < 0.12:  # ZWNJ lost as space: split tokens
            nt, ng = [], []
            for t, g in zip(toks, tags):
                parts = [p for p in t.split(Z) if p]
                for k, p in enumerate(parts):
                    nt.append(p)
                    ng.append(g if k == 0 or g == "O" else "I-" + g[2:])
            toks, tags = nt, ng
        elif r < 0.24:  # ZWNJ lost, joined
            toks = [t.replace(Z, "") for t in toks]
        if self.r.random() < 0.05:
            toks = [t.replace("ی", "ي").replace("ک", "ك") for t in toks]
        if self.r.random() < 0.1:
            toks = [t.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")) for t in toks]
        return toks, tags


def generate(n: int = 4000, seed: int = 13) -> list[dict]:
    g = Gen(seed)
    out = []
    for _ in range(n):
        toks, tags = g.sentence()
        out.append({"tokens": toks, "tags": tags, "source": "synthetic", "silver": []})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", default=str(ROOT / "work" / "ner" / "synthetic.jsonl"))
    a = ap.parse_args(argv)
    rows = generate(a.n, a.seed)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} sentences to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
