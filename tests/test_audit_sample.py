"""scripts/audit_sample.py: the fixed selection rule, on small corpora written in a temporary folder."""
import json

import pytest

from scripts.audit_sample import hits, main, select


@pytest.mark.parametrize("text, n", [
    ("شهردار تبریز و اعضای شورای شهر دیدار کردند.", 2),
    ("شهردار تبريز و اعضاي شوراي اسلامي شهر ديدار كردند.", 2),        # Arabic ي/ك
    ("شهرداری و شورای\u200cشهر و استانداری", 3),                       # half-space in «شورای‌شهر»
    ("استاندارد تازه خودرو اجرا شد.", 0),                              # a standard is no governor
    ("فرماندار و بخشدار و دهیار آمدند.", 3),
    ("بازی فوتبال امروز برگزار شد.", 0),
])
def test_hits_count_municipal_words(text, n):
    assert hits(text) == n


def test_select_keeps_the_most_hits_in_corpus_order():
    units = [{"id": str(i), "text": t} for i, t in enumerate(
        ["شهردار", "هیچ", "شهردار و استاندار و فرماندار", "شهردار و استاندار", "شهردار"])]
    assert [u["id"] for u in select(units, 2, 1)] == ["2", "3"]
    assert [u["id"] for u in select(units, 3, 1)] == ["0", "2", "3"]   # a tie goes to the earlier unit
    assert [u["id"] for u in select(units, 9, 2)] == ["2", "3"]


def _write_corpora(root):
    def put(rel, text):
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")

    put("raw_tabnak/tabnak.txt", "عنوان یک\nشهردار کرج گفت کار تمام شد.\n\nعنوان دو\nبازار آرام بود.\n")
    put("raw_radiofarda/radiofarda.txt", "عنوان\nشورای شهر تهران جلسه داشت.\n")
    put("farsnews_2023/farsnews.csv", ",title,text,label,date\n0,عنوان,استاندار آمد.,social,x\n")
    put("raw_updt/updt_plain.txt", "\n".join(["جمله ساده ."] * 14 + ["فرماندار آمد ."]) + "\n")
    put("raw_perdt/perdt_sentences.txt", "\n".join(["جمله."] * 20 + ["بخشدار آمد."]) + "\n")
    return root


def test_main_writes_units_and_ids(tmp_path):
    corpora = _write_corpora(tmp_path / "corpora")
    out, ids = tmp_path / "audit.jsonl", tmp_path / "audit.ids"
    assert main([str(out), "--corpora", str(corpora), "--ids", str(ids)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["raw_tabnak:0", "raw_radiofarda:0", "farsnews_2023:0", "raw_updt:0",
                                       "raw_perdt:15"]
    assert rows[0]["title"] == "عنوان یک" and "شهردار کرج" in rows[0]["text"]
    assert ids.read_text(encoding="utf-8").split() == [r["id"] for r in rows]


def test_main_without_corpora_does_nothing(tmp_path):
    out = tmp_path / "audit.jsonl"
    assert main([str(out), "--corpora", str(tmp_path / "missing")]) == 0
    assert not out.exists()
