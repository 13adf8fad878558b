"""The stage registry: registering, validating and leaving out stages (no model needed: ``model="rules"``)."""
import pytest

from pipeline.extract import Extractor
from pipeline.registry import REGISTRY, GROUPS, PipelineError, check, expand, stage

TEXT = ("مهندس رضا کریمی شهردار یزد روز شنبه در جلسه شورای شهر گفت: ساخت پل تا پایان سال جاری "
        "با اعتبار ۲۰ میلیارد ریال به پایان می‌رسد.")


@pytest.fixture
def shouting_stage():
    @stage("shout", requires=("entities",), assigns=("records.shouts",))
    def shout(doc):
        doc.records["shouts"] = [e.text + "!" for e in doc.entities if e.label == "PER"]
        return doc

    yield "shout"
    REGISTRY.pop("shout")


def test_a_custom_stage_runs_and_its_records_reach_the_output(shouting_stage):
    ex = Extractor(model="rules", stages=["normalize", "tokenize", "tag", "repair", "shout"])
    art = ex.extract_text(TEXT)
    pers = [e.text for e in art.entities if e.label == "PER"]
    assert pers, "the stand-in tagger finds the name in the fixture"
    assert art.extensions["shouts"] == [p + "!" for p in pers]
    assert not art.officials  # record stages left out


def test_a_missing_requirement_names_the_stage_that_provides_it():
    with pytest.raises(PipelineError, match=r"'officials' requires 'entities'.*'tag'"):
        check(["normalize", "tokenize", "officials"])
    with pytest.raises(PipelineError, match=r"'tokenize' requires 'text'.*'normalize'"):
        check(["tokenize"])


def test_unknown_stage_and_unknown_without_are_errors():
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        check(["normalize", "nope"])
    with pytest.raises(PipelineError, match="cannot leave out 'nope'"):
        Extractor(model="rules", without=["nope"])


def test_without_a_needed_stage_is_refused():
    with pytest.raises(PipelineError, match="'tokenize' requires 'text'"):
        Extractor(model="rules", without=["normalize"])


def test_records_group_and_without():
    assert set(GROUPS["records"]) == {"officials", "meetings", "commitments", "quotes", "figures", "dates"}
    assert "officials" not in expand(["normalize", "records"])[:1] and "dates" in expand(["records"])
    full = Extractor(model="rules").extract_text(TEXT)
    assert full.officials and full.figures and full.dates
    only_entities = Extractor(model="rules", without=["records"]).extract_text(TEXT)
    assert only_entities.entities == full.entities
    assert not (only_entities.officials or only_entities.figures or only_entities.dates or only_entities.quotes)
    no_quotes = Extractor(model="rules", without=["meetings", "quotes"]).extract_text(TEXT)
    assert no_quotes.officials == full.officials and not no_quotes.quotes and not no_quotes.meetings


def test_entities_are_what_the_records_used():
    art = Extractor(model="rules").extract_text(TEXT)
    people = {e.text for e in art.entities if e.label == "PER"}
    assert art.officials
    assert {o.person for o in art.officials} <= people
