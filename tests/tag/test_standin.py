"""The lexicon stand-in tagger: rule entities as the model layer, reusing the DATE/FIG layers."""
from pipeline.document import Document
from pipeline.persian.spans import date_and_figure_spans
from pipeline.tag.standin import RuleTagger

TEXT = "شهردار قم مسعود کیانفر گفت ۵ پارک تا پایان سال ساخته می‌شود."


def test_standin_tags_with_the_rules_and_reuses_the_layers():
    doc = Document(id="t", raw=TEXT, text=TEXT)
    doc.spans["dates"], doc.spans["figures"] = date_and_figure_spans(TEXT, "1402/01/10")
    RuleTagger().tag_many([doc])
    assert [(e.label, e.text) for e in doc.entities] == [
        ("ROLE", "شهردار"), ("LOC", "قم"), ("PER", "مسعود کیانفر"), ("FIG", "۵ پارک"), ("DATE", "تا پایان سال")]
    assert doc.entities[3] is doc.spans["figures"][0] and doc.entities[4] is doc.spans["dates"][0]


def test_standin_without_layers_finds_dates_and_figures_itself():
    doc = RuleTagger().tag(Document(id="t", raw=TEXT, text=TEXT))
    assert [e.label for e in doc.entities] == ["ROLE", "LOC", "PER", "FIG", "DATE"]
