"""The Extractor end to end: output offsets index the output's own text; ``import pipeline`` stays light."""
import subprocess
import sys

import pytest

from pipeline.inputs import iter_inputs
from pipeline.schema import Article
from tests.conftest import ROOT
from tests.records.test_old_orthography import WRAPPED

SAMPLES = ROOT / "data" / "samples"


def _records(art: Article):
    for name in ("officials", "meetings", "commitments", "quotes"):
        yield from getattr(art, name)


@pytest.fixture(scope="module")
def extractor(shipped_model):
    from pipeline.extract import Extractor

    return Extractor(model=shipped_model, threads=1)


@pytest.mark.slow
def test_evidence_and_entities_index_the_output_text(extractor):
    arts = [a for a in extractor.run(iter_inputs([str(SAMPLES)]))]
    arts.append(extractor.extract_text(WRAPPED, doc_id="wrapped", date="1402/05/10"))
    assert all(isinstance(a, Article) for a in arts)
    n = 0
    for art in arts:
        for rec in _records(art):
            ev = rec.evidence
            if ev is not None:
                n += 1
                assert art.text[ev.start:ev.end] == ev.text, (art.id, ev)
        for e in art.entities:
            assert art.text[e.start:e.end] == e.text
    assert n >= 10 and sum(len(a.entities) for a in arts) >= 50  # the checks above ran on real output
    wrapped = arts[-1]
    # the hard-wrapped sentence is one piece of evidence, with its line breaks as in the output text
    assert any("\n" in r.evidence.text for r in _records(wrapped) if r.evidence is not None)


def test_import_pipeline_loads_neither_torch_nor_spacy():
    code = ("import sys, pipeline, pipeline.extract, pipeline.stages; "
            "print(sorted(m for m in ('torch', 'spacy', 'transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


@pytest.fixture
def logging_stages():
    """Two per-document stages that log their calls; ``first`` fails on the article with id «bad»."""
    from pipeline.registry import REGISTRY, stage

    calls: list[tuple[str, str]] = []

    @stage("log_first", requires=("entities",), assigns=("records.log_first",))
    def log_first(doc):
        calls.append((doc.id, "first"))
        if doc.id == "bad":
            raise ValueError("this article breaks the stage")
        doc.records["log_first"] = [len(doc.entities)]
        return doc

    @stage("log_second", requires=("records.log_first",), assigns=("records.log_second",))
    def log_second(doc):
        calls.append((doc.id, "second"))
        doc.records["log_second"] = doc.records["log_first"]
        return doc

    yield calls
    REGISTRY.pop("log_first")
    REGISTRY.pop("log_second")


def test_per_document_stages_run_one_article_at_a_time_and_a_failure_stays_with_its_article(logging_stages):
    from pipeline.extract import Extractor
    from pipeline.inputs import InputItem
    from pipeline.schema import InputError

    text = "شهردار یزد گفت ساخت پل تا پایان سال به پایان می‌رسد."
    ex = Extractor(model="rules", stages=["normalize", "tokenize", "tag", "repair", "log_first", "log_second"])
    items = [InputItem(id=i, text=text, location=i) for i in ("a", "bad", "c")]
    out = list(ex.run(items))
    assert [r.id for r in out] == ["a", "bad", "c"]
    assert isinstance(out[1], InputError) and "breaks the stage" in out[1].reason
    assert out[0].extensions["log_second"] == out[2].extensions["log_second"] == [len(out[0].entities)]
    # after the batched tagger, each article goes through both stages before the next one starts
    assert logging_stages == [("a", "first"), ("a", "second"), ("bad", "first"), ("c", "first"), ("c", "second")]
