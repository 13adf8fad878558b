"""The output schema: strict, typed, versioned."""
import pytest
from pydantic import ValidationError

from pipeline.schema import SCHEMA_VERSION, Article, Entity, ModelInfo, article_json_schema

ENT = dict(label="LOC", text="قم", start=0, end=2, raw_start=0, raw_end=2)


def test_a_valid_line_round_trips():
    art = Article(id="a", text="قم", entities=[Entity(**ENT)], model=ModelInfo(tagger="t", version="1"))
    again = Article.model_validate_json(art.model_dump_json())
    assert again == art and again.schema_version == SCHEMA_VERSION


@pytest.mark.parametrize("change", [{"label": "MISC"}, {"start": -1}, {"surprise": 1}])
def test_wrong_fields_fail_before_anything_is_written(change):
    with pytest.raises(ValidationError):
        Entity(**{**ENT, **change})


def test_json_schema_lists_every_record_type():
    props = article_json_schema()["properties"]
    assert {"entities", "officials", "meetings", "commitments", "quotes", "figures", "dates", "extensions"} <= set(props)
