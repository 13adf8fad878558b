"""The built-in stages: order, what each needs, and the DATE/FIG layers found once (stand-in tagger, no model)."""
import pytest

import pipeline.persian.spans as spans_mod
from pipeline.document import Document
from pipeline.extract import Extractor
from pipeline.registry import PipelineError, check
from pipeline.stages import DEFAULT_STAGES, RejectedInput

TEXT = ("شهردار یزد روز شنبه گفت: ساخت ۳ پل تا پایان سال جاری "
        "با اعتبار ۲۰ میلیارد ریال به پایان می‌رسد.")


def test_default_pipeline_checks():
    names = [s.name for s in check(DEFAULT_STAGES)]
    assert names.index("dates_figures") < names.index("rules") < names.index("combine") < names.index("repair")


def test_rules_need_the_date_and_figure_layers():
    with pytest.raises(PipelineError, match=r"'rules' requires 'spans.dates'.*'dates_figures'"):
        check(["normalize", "tokenize", "rules"])


def test_dates_are_found_once_per_article(monkeypatch):
    calls = []
    real = spans_mod.find_dates

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(spans_mod, "find_dates", counting)
    art = Extractor(model="rules").extract_text(TEXT, date="1402/05/10")
    assert len(calls) == 1
    # the article is of Tuesday 2023-08-01: «روز شنبه» is the Saturday before it
    assert [(d.text, d.iso) for d in art.dates] == [("روز شنبه", "2023-07-29"), ("تا پایان سال جاری", "2024-03-19")]
    assert [(f.text, f.value, f.unit) for f in art.figures] == [("۳ پل", 3, "پل"), ("۲۰ میلیارد ریال", 2e10, "ریال")]


def test_layers_carry_values_into_the_entities():
    ex = Extractor(model="rules", without=["records"])
    doc = Document(id="t", raw=TEXT, date="1402/05/10")
    for _name, run in ex.stages:
        doc = run(doc)
    figs = [e for e in doc.entities if e.label == "FIG"]
    assert [e.value.value for e in figs] == [3, 2e10]
    assert [e for e in doc.entities if e.label == "DATE"][1].value.jalali == "1402-12-29"


@pytest.mark.parametrize("raw,match", [("x" * 20, "not Persian"), ("ش" * 50, "more than the limit")])
def test_normalize_rejects_what_it_cannot_process(raw, match):
    ex = Extractor(model="rules", stages=["normalize"], max_chars=40)
    with pytest.raises(RejectedInput, match=match):
        ex.stages[0][1](Document(id="t", raw=raw))


def test_entities_only_run_survives_an_unreadable_article_date():
    art = Extractor(model="rules", without=["records"]).extract_text(TEXT, date="۱۳:۵۴ دیروز")
    assert [e.label for e in art.entities if e.label in ("FIG", "DATE")] == ["DATE", "FIG", "DATE", "FIG"]
