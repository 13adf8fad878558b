"""Synthetic municipal-news articles for benchmarks, built from sentences written for this project.

``article(i, words)`` strings sentences together (a fixed pseudo-random order per ``i``) until
the article holds about ``words`` words; every article gets a new id. A benchmark can instead
repeat real articles with ``--source FILE.jsonl`` (e.g. ../shared/gold/train.jsonl), read at
run time and never copied.
"""
from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

SENTENCES = [
    "شهردار تبریز روز دوشنبه در جلسه شورای اسلامی شهر گفت خط دوم قطار شهری تا پایان سال ۱۴۰۳ به بهره‌برداری می‌رسد.",
    "به گفته وی اعتبار این طرح ۴ هزار و ۵۰۰ میلیارد ریال است که ۶۰ درصد آن از محل اوراق مشارکت تأمین می‌شود.",
    "اعضاي شوراي اسلامي شهر يزد با اختصاص ۱۲۰ ميليارد ريال براي مرمت بافت تاريخي موافقت كردند.",
    "معاون عمرانی استاندار گیلان صبح امروز از کارخانه پردازش پسماند سراوان بازدید کرد.",
    "او افزود: ظرفیت این کارخانه تا شهریور ماه آینده به ۸۰۰ تن در روز افزایش می‌یابد.",
    "رئیس سازمان پارک‌ها و فضای سبز شهرداری مشهد اعلام کرد ۳۵ هکتار بوستان جدید در منطقه ۹ احداث شده است.",
    "به گزارش روابط عمومی شهرداری اصفهان، قرارداد احداث پل غدیر با اعتبار ۸۰۰ میلیارد تومان امضا شد.",
    "علی رضایی، عضو کمیسیون عمران شورا، خواستار شفافیت در هزینه‌کرد درآمدهای عوارض نوسازی شد.",
    "در این نشست که با حضور فرماندار و نمایندگان مردم در مجلس برگزار شد، مشکلات ترافیکی ورودی شهر بررسی شد.",
    "سرپرست شهرداری کرمان گفت: تا پایان خرداد ۱۴۰۲ همه معابر اصلی بخش مرکزی آسفالت خواهد شد.",
    "مدیرعامل سازمان آتش‌نشانی شیراز از خرید ۱۲ دستگاه خودروی امدادی با همکاری وزارت کشور خبر داد.",
    "وي تصريح كرد كه شهرداري موظف است گزارش پيشرفت پروژه را هر سه ماه يك بار به شورا ارائه دهد.",
    "طبق این مصوبه، نرخ کرایه تاکسی‌ها از ابتدای فروردین ۲۵ درصد افزایش می‌یابد.",
    "دکتر مریم احمدی، رئیس کمیته بهداشت شورا، از وضعیت جمع‌آوری زباله در حاشیه شهر انتقاد کرد.",
    "استاندار فارس در سفر به لارستان با امام جمعه و مدیران شهرستان دیدار و گفت‌وگو کرد.",
    "شهرداري رشت اعلام كرد طرح ساماندهي دستفروشان از هفته آينده در خيابان مطهري اجرا مي‌شود.",
    "جمعیت این شهر بر اساس سرشماری سال ۱۳۹۵ حدود ۱ میلیون و ۲۰۰ هزار نفر برآورد شده است.",
    "رئیس شورای شهر قم در پایان جلسه گفت بودجه پیشنهادی شهرداری هفته آینده در صحن شورا بررسی می‌شود.",
    "قرار است عملیات اجرایی بیمارستان ۵۰۰ تختخوابی شهر در مهر ماه سال جاری آغاز شود.",
    "مديركل راه و شهرسازي استان با اشاره به كمبود اعتبارات گفت تكميل كمربندي جنوبي دو سال زمان مي‌برد.",
    "حسین محمدی، شهردار منطقه ۲، وعده داد ظرف شش ماه پارکینگ طبقاتی میدان امام افتتاح شود.",
    "این در حالی است که سال گذشته تنها ۴۰ درصد از بودجه عمرانی شهرداری محقق شده بود.",
    "نایب رئیس شورای اسلامی شهر اهواز گفت: آب‌گرفتگی معابر در بارندگی اخیر نتیجه انسداد کانال‌ها بود.",
    "شهرداری و اداره کل میراث فرهنگی تفاهم‌نامه‌ای برای احیای خانه‌های تاریخی محله جلفا امضا کردند.",
    "معاون خدمات شهری همچنین از نصب ۲ هزار سطل زباله جدید در سطح شهر تا پایان تابستان خبر داد.",
]


def article_text(i: int, words: int = 400) -> str:
    rng = random.Random(i)
    out, n = [], 0
    while n < words:
        s = rng.choice(SENTENCES)
        out.append(s)
        n += len(s.split())
        if rng.random() < 0.25:
            out.append("\n")
    return " ".join(out).replace(" \n ", "\n")


def articles(n: int, words: int = 400, source: Path | None = None) -> Iterator[dict]:
    """``n`` articles with new ids: synthetic ones, or the texts of ``source`` (a JSONL file) repeated."""
    if source is None:
        for i in range(n):
            yield {"id": f"bench-{i:06d}", "date": "1402/05/01", "text": article_text(i % 997, words)}
        return
    real = [json.loads(x) for x in Path(source).read_text(encoding="utf-8").splitlines() if x.strip()]
    for i in range(n):
        r = real[i % len(real)]
        yield {"id": f"bench-{i:06d}", "date": r.get("date"), "text": r["text"]}


def write_archive(path: Path, n: int, words: int = 400, source: Path | None = None) -> tuple[int, int]:
    """Write ``n`` articles as JSONL; return (articles, words)."""
    total = 0
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles(n, words, source):
            total += len(a["text"].split())
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    return n, total
