"""Hand-written Persian articles for archive-run tests (new ids per copy)."""
import json

TEXTS = [
    "شهردار تبریز روز دوشنبه در نشست شورای شهر گفت: خط دوم قطار شهری تا پایان سال ۱۴۰۳ به بهره‌برداری می‌رسد.",
    "اعضاي شوراي اسلامي شهر يزد با اختصاص ۱۲۰ ميليارد ريال براي بازسازي بافت تاريخي موافقت كردند.",
    "معاون عمرانی استاندار گیلان از کارخانه پردازش پسماند رشت بازدید کرد و گفت ظرفیت آن دو برابر می‌شود.",
    "رئیس سازمان فضای سبز شهرداری مشهد اعلام کرد ۳۵ هکتار بوستان جدید تا خرداد ماه آینده افتتاح خواهد شد.",
    "به گزارش روابط عمومی شهرداری اصفهان، قرارداد احداث پل غدیر با اعتبار ۸۰۰ میلیارد تومان امضا شد.",
]


def article(i: int, **extra) -> dict:
    return {"id": f"a{i:05d}", "text": TEXTS[i % len(TEXTS)], **extra}


def write_jsonl(path, rows) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")


def lines(path) -> list[str]:
    """The file's complete lines (a run that is still writing may have half a line at the end)."""
    if not path.exists():
        return []
    data = path.read_bytes()
    return [x.decode("utf-8") for x in data[: data.rfind(b"\n") + 1].split(b"\n")[:-1]]


def by_id(path) -> list[str]:
    """The file's lines sorted by id (then by the line itself): the comparison --unordered/--resume promise."""
    return sorted(lines(path), key=lambda x: (json.loads(x).get("id") or "", x))
