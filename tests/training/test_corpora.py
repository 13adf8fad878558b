"""Raw-text readers over a corpora folder the test writes itself; evaluation text filtered out."""
import json
import lzma

from pipeline.training.corpora import gold_filter, raw_paragraphs, text_key

NEWS = "شهردار منطقه دو از پروژه پل عابر پیاده بازدید کرد و گفت کار تا پایان سال تمام می‌شود."
OTHER = "در نشست شورای شهر بودجه سال آینده برای نوسازی ناوگان اتوبوسرانی بررسی شد."


def _corpora(root):
    (root / "fars_news_lm").mkdir(parents=True)
    with lzma.open(root / "fars_news_lm" / "part1.json.xz", "wt", encoding="utf-8") as fh:
        json.dump([{"title": "عنوان خبر", "abstract": "", "paragraphs": [NEWS, "  "]}], fh)
    (root / "raw_namnak").mkdir()
    (root / "raw_namnak" / "namnak.txt").write_text(OTHER + "\n\n", encoding="utf-8")
    (root / "peyma").mkdir()
    (root / "peyma" / "train.txt").write_text("شهردار|O\nتهران|B_LOC\n\nگفت|O\n", encoding="utf-8")
    (root / "arman").mkdir()
    (root / "arman" / "train.txt").write_text("متن آرمان که هرگز خوانده نمی‌شود\n", encoding="utf-8")
    return root


def test_raw_paragraphs_reads_each_source_and_never_arman(tmp_path):
    paras = list(raw_paragraphs(_corpora(tmp_path / "corpora")))
    assert paras == ["عنوان خبر", NEWS, OTHER, "شهردار تهران", "گفت"]


def test_text_key_ignores_letter_forms_spacing_and_punctuation():
    assert text_key("شهرداري‌ها، گفت.") == text_key("شهرداریها گفت")


def test_gold_filter_drops_paragraphs_of_evaluation_articles(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": "مقدمه. " + NEWS + " پایان."}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    keep = gold_filter([gold, tmp_path / "missing.jsonl"])
    assert not keep(NEWS.replace("ی", "ي"))  # found in the gold text, whatever the letter forms
    assert keep(OTHER)
    assert keep("کوتاه")                     # too short to tell: kept
