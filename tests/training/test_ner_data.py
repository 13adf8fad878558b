"""NER data builder: mapping, normalization, silver labels, BIO validity (inline fixtures)."""
import json
import sys
from pathlib import Path

import pytest

from pipeline.training import ner_data as bnd

ROOT = Path(__file__).resolve().parents[2]

Z = "\u200c"


def valid_bio(tags):
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            return False
        if t != "O" and t[2:] not in bnd.LABELS:
            return False
        prev = t
    return True


@pytest.mark.parametrize("raw,want", [
    ("B_PER", "B-PER"), ("I_ORG", "I-ORG"), ("B-LOC", "B-LOC"), ("B_DAT", "B-DATE"), ("I-TIM", "I-DATE"),
    ("B_MON", "B-FIG"), ("I_PCT", "I-FIG"), ("B-EVE", "O"), ("I-POG", "O"), ("B-NAT", "O"), ("O", "O"),
    ("I-DATO", "I-DATE"), ("OB-ORG", "B-ORG"), ("I-TIMO", "I-DATE"), ("B-PERO", "B-PER"), ("$ارگان", "O"), ("", "O"),
])
def test_map_tag(raw, want):
    assert bnd.map_tag(raw) == want


def test_repair_bio():
    assert bnd.repair_bio(["O", "I-PER", "I-PER", "B-LOC", "I-ORG"]) == ["O", "B-PER", "I-PER", "B-LOC", "B-ORG"]


def test_norm_token_one_to_one():
    toks = ["روش های", "كرج", "نايب", "123", "٤٥", "مُدیر", "  ", "شهرـداری"]
    out = [bnd.norm_token(t) for t in toks]
    assert len(out) == len(toks)
    assert out[0] == "روش" + Z + "های"
    assert out[1] == "کرج" and out[2] == "نایب"
    assert out[3] == "۱۲۳" and out[4] == "۴۵"
    assert out[5] == "مدیر"
    assert all(o for o in out)
    assert out[7] == "شهرداری"


def test_read_conll_peyma_last_pipe(tmp_path):
    p = tmp_path / "p.txt"
    p.write_text("روش های|O\nمهر|B_ORG\na|b|O\n\nقم|B_LOC\n", encoding="utf-8")
    sents = bnd.read_conll(p, "|")
    assert sents[0] == (["روش های", "مهر", "a|b"], ["O", "B_ORG", "O"])
    rows = bnd.convert(sents, "peyma")
    assert rows[0]["tokens"][0] == "روش" + Z + "های"
    assert rows[0]["tags"] == ["O", "B-ORG", "O"] and rows[1]["tags"] == ["B-LOC"]


def test_silver_role_never_overwrites_gold():
    row = {"tokens": ["مدیرعامل", "سازمان", "آب", "گفت", "و", "شهردار", "قم", "افزود"],
           "tags": ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-LOC", "O"], "source": "t", "silver": []}
    before = list(row["tags"])
    bnd.add_silver(row, None)
    for b, a in zip(before, row["tags"]):
        if b != "O":
            assert a == b
    assert row["tags"][5] == "B-ROLE" and "ROLE" in row["silver"]
    assert valid_bio(row["tags"])


def test_silver_approximator_extends_fig():
    row = {"tokens": ["بیش", "از", "۸۰", "درصد", "پیشرفت"], "tags": ["O", "O", "B-FIG", "I-FIG", "O"], "source": "t", "silver": []}
    bnd.add_silver(row, None, do_role=False)
    assert row["tags"] == ["B-FIG", "I-FIG", "I-FIG", "I-FIG", "O"]


def test_silver_fig_from_find_figures_skips_overlap():
    class S:
        def __init__(self, s, e):
            self.start, self.end = s, e

    def fake_find(text):
        i = text.index("۱۷ شهر")
        j = text.index("۵۰ درصد")
        return [S(i, i + len("۱۷ شهر")), S(j, j + len("۵۰ درصد"))]

    row = {"tokens": ["در", "۱۷", "شهر", "و", "۵۰", "درصد"], "tags": ["O", "O", "O", "O", "B-FIG", "I-FIG"], "source": "t", "silver": []}
    bnd.add_silver(row, fake_find, do_role=False)
    assert row["tags"] == ["O", "B-FIG", "I-FIG", "O", "B-FIG", "I-FIG"]


def test_gold_dedup_key():
    blob = bnd.text_key("متن یک خبر درباره شهرداری قم و سازمان بازیافت شهرداری‌ها که طولانی است")
    row = {"tokens": ["شهرداری", "قم", "و", "سازمان", "بازیافت", "شهرداریها"], "tags": ["O"] * 6}
    assert bnd.in_gold(row, blob)
    row2 = {"tokens": ["جمله", "ای", "کاملا", "متفاوت", "و", "بی", "ربط", "دیگر"], "tags": ["O"] * 8}
    assert not bnd.in_gold(row2, blob)


OUT = ROOT / "work" / "ner"


@pytest.mark.skipif(not (OUT / "dev.jsonl").exists(), reason="work/ner not built")
def test_built_files_bio_valid():
    for name in ("dev.jsonl", "peyma_test.jsonl"):
        with open(OUT / name, encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                r = json.loads(line)
                assert len(r["tokens"]) == len(r["tags"]) and valid_bio(r["tags"])
                if name == "peyma_test.jsonl":
                    assert not r["silver"] and not any(t.endswith("ROLE") for t in r["tags"])
                if k > 2000:
                    break
