"""pipeline.records.official_model: pair features, the JSON model, title linking, training on invented articles."""
from __future__ import annotations

import pytest

from pipeline.records.coref import analyze
from pipeline.records.official_model import (
    LinkModel, ModelError, candidate_pairs, link, train_model, using_model,
)
from pipeline.records.officials import find_officials
from pipeline.textkey import key

from .conftest import make_doc


def _arabic(s: str) -> str:
    return s.replace("ی", "ي").replace("ک", "ك")


FORMS = pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])


def _pairs(text, ents):
    doc = make_doc(text, ents)
    co = analyze(doc)
    return {(p.ref.name, p.role.role): p.feats for p in candidate_pairs(doc, co)}


@FORMS
@pytest.mark.parametrize("text, ents, person, role, present, absent", [
    # «X (را) به عنوان ROLE»: apposition «as», the title after «به عنوان», no name between
    ("استاندار، سارا نیکو را به عنوان فرماندار کاشان منصوب کرد.",
     [("ROLE", "استاندار"), ("PER", "سارا نیکو"), ("ROLE", "فرماندار"), ("LOC", "کاشان")],
     "سارا نیکو", "فرماندار", ["rule=as", "as_title", "dir=after", "sd=0", "per_between=0"], ["other_link"]),
    # the appointer's title is before the name and held by nobody named
    ("استاندار، سارا نیکو را به عنوان فرماندار کاشان منصوب کرد.",
     [("ROLE", "استاندار"), ("PER", "سارا نیکو"), ("ROLE", "فرماندار"), ("LOC", "کاشان")],
     "سارا نیکو", "استاندار", ["dir=before", "unheld|sd=0|before", "role_early"], ["rule", "as_title"]),
    # a title that speaks in one sentence, a name that goes on in the next
    ("شهردار یزد گفت: کار پل تمام شد.\nحمید توانا افزود: جاده هم ساخته می‌شود.",
     [("ROLE", "شهردار"), ("LOC", "یزد"), ("PER", "حمید توانا")],
     "حمید توانا", "شهردار", ["sd=-1", "dir=before", "role_is_subject", "speaker"], ["role_in_statement"]),
    # a title inside another speaker's statement
    ("حمید توانا گفت: شهردار یزد از پل بازدید کرد.",
     [("PER", "حمید توانا"), ("ROLE", "شهردار"), ("LOC", "یزد")],
     "حمید توانا", "شهردار", ["role_in_statement", "role_in_own_statement"], ["rule"]),
])
def test_pair_features(text, ents, person, role, present, absent, form):
    feats = _pairs(form(text), [(lab, form(s)) for lab, s in ents])[(form(person), form(role))]
    assert all(f in feats for f in present), sorted(feats)
    assert not any(f in feats for f in absent), sorted(feats)


def test_model_json_round_trip_and_missing_file(tmp_path):
    m = LinkModel({"rule": 2.0, "plural": -1.0}, -1.0, threshold=0.4, untitled="speaker", card="c")
    m.save(tmp_path / "m.json")
    back = LinkModel.load(tmp_path / "m.json")
    assert (back.weights, back.bias, back.threshold, back.untitled, back.card) == (m.weights, -1.0, 0.4, "speaker", "c")
    assert back.prob({"rule": 1.0}) > 0.7 > 0.2 > back.prob({"plural": 1.0})
    with pytest.raises(ModelError, match="train_officials"):
        LinkModel.load(tmp_path / "none.json")


def test_link_gives_each_title_to_the_best_person_and_keeps_appositions():
    text = "استاندار، سارا نیکو را به عنوان فرماندار کاشان منصوب کرد."
    doc = make_doc(text, [("ROLE", "استاندار"), ("PER", "سارا نیکو"), ("ROLE", "فرماندار"), ("LOC", "کاشان")])
    co = analyze(doc)
    pairs = candidate_pairs(doc, co)
    # a model that scores nothing above the threshold: only the apposition stands
    linked = link(pairs, [0.0] * len(pairs), 0.5)
    assert [(rm.role) for roles in linked.values() for rm, _ in roles] == ["فرماندار"]
    # everything scores high: the one title each, no title twice
    linked = link(pairs, [0.9] * len(pairs), 0.5)
    titles = [rm.start for roles in linked.values() for rm, _ in roles]
    assert len(titles) == len(set(titles)) == 2


def _gold(i: int) -> dict:
    names = ["حمید توانا", "سارا نیکو", "کاوه نوری", "مریم احمدی", "رضا کاظمی", "لیلا صدری"]
    cities = ["یزد", "کاشان", "اراک", "ساری", "بم", "کرج"]
    p, q, c = names[i % 6], names[(i + 1) % 6], cities[i % 6]
    text = f"شهردار {c} در حضور {q} گفت: کار پل تمام شد.\n{p} افزود: جاده هم ساخته می‌شود."
    return {"id": f"x{i}", "text": text,
            "entities": [{"label": "ROLE", "text": "شهردار"}, {"label": "LOC", "text": c},
                         {"label": "PER", "text": q}, {"label": "PER", "text": p}],
            "officials": [{"person": p, "role": "شهردار", "org": None, "location": c}]}


def test_training_needs_both_labels():
    pytest.importorskip("sklearn")
    from pipeline.records.official_model import fit

    with pytest.raises(ModelError, match="both"):
        fit([{"bias": 1.0}, {"bias": 1.0}], [1, 1])


def test_training_on_invented_articles_learns_the_speaking_title():
    pytest.importorskip("sklearn")
    model = train_model([_gold(i) for i in range(12)], C=1.0, threshold=0.5)
    doc = make_doc("شهردار میبد در حضور علی رضایی گفت: پارک ساخته شد.\nنادر قاسمی افزود: بودجه تامین است.",
                   [("ROLE", "شهردار"), ("LOC", "میبد"), ("PER", "علی رضایی"), ("PER", "نادر قاسمی")])
    with using_model(model):
        got = {(key(o.person), key(o.role or "")) for o in find_officials(doc)}
    assert got == {(key("نادر قاسمی"), key("شهردار"))}


def _tagged(gold: dict, drop: str | None = None) -> dict:
    """The article as the cached tagger output has it (offsets in the text); ``drop``: a label the
    tagger missed."""
    ents, pos = [], 0
    for e in gold["entities"]:
        i = gold["text"].index(e["text"], pos)
        if e["label"] != drop:
            ents.append({"label": e["label"], "start": i, "end": i + len(e["text"]), "text": e["text"]})
        pos = i + 1
    return {"id": gold["id"], "text": gold["text"], "entities": ents}


def test_training_rows_add_the_taggers_pairs_and_measure_on_them():
    from pipeline.records.official_model import training_rows

    plain = _gold(0)
    tagged = {**_gold(1), "_tagged": _tagged(_gold(1), drop="LOC")}
    train, test = training_rows([plain, tagged])
    assert [len(rs) for rs in train] == [1, 2]  # gold pairs only / gold and the tagger's pairs
    (gold_rows,), (g2, t2) = train
    assert test == [gold_rows, t2]
    # the tagger's pairs are of its own entities: without the LOC the title has no scope
    assert all(p.role.scope is None for p in t2[0]) and any(p.role.scope for p in g2[0])
    assert sum(t2[1]) >= 1  # labelled from the gold officials all the same


def test_training_with_tagged_articles_still_learns_the_speaking_title():
    pytest.importorskip("sklearn")
    from pipeline.records.official_model import labelled_pairs

    docs = [{**_gold(i), "_tagged": _tagged(_gold(i))} for i in range(12)]
    model = train_model(docs, C=1.0, threshold=0.5)
    doc = make_doc("شهردار میبد در حضور علی رضایی گفت: پارک ساخته شد.\nنادر قاسمی افزود: بودجه تامین است.",
                   [("ROLE", "شهردار"), ("LOC", "میبد"), ("PER", "علی رضایی"), ("PER", "نادر قاسمی")])
    with using_model(model):
        got = {(key(o.person), key(o.role or "")) for o in find_officials(doc)}
    assert got == {(key("نادر قاسمی"), key("شهردار"))}
    # each article gave its gold pairs and its tagged pairs (the same here: the tagger missed nothing)
    assert model.meta["rows"] == 2 * sum(len(labelled_pairs(d)[0]) for d in docs)


def _split(s: str) -> str:
    return s.replace("\u200c", " ")


FORMS3 = pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])

#: a titled person speaks, a second title speaks with no name, the person goes on speaking
BETWEEN = ("کاوه نیکو، شهردار اراک گفت: پل ساخته شد.\nرئیس ستاد بحران استان مرکزی گفت: خیابان‌ها باز شد.\n"
           "نیکو افزود: بودجه کافی است.",
           [("PER", "کاوه نیکو"), ("ROLE", "شهردار"), ("LOC", "اراک"), ("ROLE", "رئیس"),
            ("ORG", "ستاد بحران استان مرکزی"), ("PER", "نیکو")])


@FORMS3
def test_title_speaking_between_a_persons_statements(form):
    text, ents = BETWEEN
    feats = _pairs(form(text), [(lab, form(s)) for lab, s in ents])[(form("کاوه نیکو"), form("رئیس"))]
    assert feats.get("speaks_between=prevnext") and feats.get("speaks_between|titled"), sorted(feats)


@FORMS3
def test_title_speaking_after_another_persons_statement_is_marked_other(form):
    text = "کاوه نیکو گفت: پل ساخته شد.\nرئیس ستاد بحران استان مرکزی گفت: خیابان‌ها باز شد.\nلیلا صدری افزود: بودجه هست."
    ents = [("PER", "کاوه نیکو"), ("ROLE", "رئیس"), ("ORG", "ستاد بحران استان مرکزی"), ("PER", "لیلا صدری")]
    pairs = _pairs(form(text), [(lab, form(s)) for lab, s in ents])
    assert pairs[(form("کاوه نیکو"), form("رئیس"))].get("speaks_between=prev")
    assert pairs[(form("لیلا صدری"), form("رئیس"))].get("speaks_between=next")


@FORMS3
@pytest.mark.parametrize("text, ents, person, present, absent", [
    # the person the report opens with, who speaks twice, under a full name
    ("به گزارش خبرنگار ما، مسعود رهنورد صبح امروز در جلسه گفت: پایانه‌ها آماده است.\nرهنورد افزود: اتوبوس‌ها نو شده‌اند.",
     [("PER", "مسعود رهنورد"), ("PER", "رهنورد")], "مسعود رهنورد",
     ["u_lede_speaker", "u_lede_speaker|full_name", "u_events=2", "u_mentions=2", "u_no_title_near"], ["u_given_only"]),
    # the word before the name counts only as a class: an honorific
    ("دکتر لیلا صدری در این جلسه گفت: کار ادامه دارد.", [("PER", "لیلا صدری")], "لیلا صدری",
     ["u_name_prev=honorific"], ["u_name_prev=دکتر"]),
    ("همچنین لیلا صدری در این جلسه گفت: کار ادامه دارد.", [("PER", "لیلا صدری")], "لیلا صدری",
     [], ["u_name_prev=honorific", "u_name_prev=همچنین"]),
    # a given name alone, named inside another person's statement
    ("کاوه نیکو گفت: کار را اصغر انجام داد و همه راضی هستند.",
     [("PER", "کاوه نیکو"), ("PER", "اصغر")], "اصغر",
     ["u_given_only", "u_only_in_statements", "u_events=0"], ["u_lede_speaker"]),
])
def test_untitled_features(text, ents, person, present, absent, form):
    from pipeline.records.official_model import current_model, untitled_features

    doc = make_doc(form(text), [(lab, form(s)) for lab, s in ents])
    co = analyze(doc)
    pairs = candidate_pairs(doc, co)
    ref = next(r for r in co.referents if r.name == form(person))
    feats = untitled_features(co, ref, pairs, current_model())
    assert all(f in feats for f in present), sorted(feats)
    assert not any(f in feats for f in absent), sorted(feats)


@FORMS3
def test_untitled_filter_lists_the_opening_speaker_only(form):
    from dataclasses import replace

    from pipeline.records.official_model import shipped_model

    text = ("به گزارش خبرنگار ما، مسعود رهنورد صبح امروز در جلسه گفت: پایانه‌ها آماده است.\n"
            "رهنورد افزود: کار را اصغر انجام داد.")
    doc = make_doc(form(text), [(lab, form(s)) for lab, s in
                                [("PER", "مسعود رهنورد"), ("PER", "رهنورد"), ("PER", "اصغر")]])
    m = replace(shipped_model(), untitled="model", untitled_weights={"u_lede_speaker|full_name": 4.0},
                untitled_bias=-2.0)
    with using_model(m):
        got = [(o.person, o.role) for o in find_officials(doc)]
    assert got == [(form("مسعود رهنورد"), None)]
    with using_model(replace(m, untitled="never")):
        assert find_officials(doc) == []


def test_model_json_keeps_the_untitled_filter(tmp_path):
    m = LinkModel({"rule": 2.0}, -1.0, untitled="model", untitled_weights={"u_subject": 1.5}, untitled_bias=-0.5)
    m.save(tmp_path / "m.json")
    back = LinkModel.load(tmp_path / "m.json")
    assert (back.untitled, back.untitled_weights, back.untitled_bias) == ("model", {"u_subject": 1.5}, -0.5)
    assert back.untitled_prob({"u_subject": 1.0}) > 0.5 > back.untitled_prob({})


#: a title speaks and names another person inside its own statement: (text, entities, that person, the title)
NAMED_IN_STATEMENT = [
    ("دبیر شورای شهر یزد تأکید کرد: اگر کاوه نیکو زودتر استعفا می‌داد، کار پل تمام شده بود.",
     [("ROLE", "دبیر"), ("ORG", "شورای شهر یزد"), ("PER", "کاوه نیکو")], "کاوه نیکو", "دبیر"),
    ("رئیس کمیسیون عمران افزود: لیلا صدری کار را به شهرداری سپرد.",
     [("ROLE", "رئیس"), ("ORG", "کمیسیون عمران"), ("PER", "لیلا صدری")], "لیلا صدری", "رئیس"),
]


@FORMS3
@pytest.mark.parametrize("text, ents, person, role", NAMED_IN_STATEMENT)
def test_a_speaking_title_is_not_given_to_a_person_its_statement_names(text, ents, person, role, form):
    text, ents = form(text), [(lab, form(s)) for lab, s in ents]
    assert _pairs(text, ents)[(form(person), form(role))].get("name_in_own_statement")
    doc = make_doc(text, ents)
    assert (key(person), key(role)) not in {(key(o.person), key(o.role or "")) for o in find_officials(doc)}


@FORMS3
def test_an_apposition_before_the_statement_still_holds_the_title(form):
    text = "کاوه نیکو، دبیر شورای شهر یزد تأکید کرد: اگر لیلا صدری زودتر استعفا می‌داد، کار تمام شده بود."
    ents = [("PER", "کاوه نیکو"), ("ROLE", "دبیر"), ("ORG", "شورای شهر یزد"), ("PER", "لیلا صدری")]
    doc = make_doc(form(text), [(lab, form(s)) for lab, s in ents])
    got = {(key(o.person), key(o.role or "")) for o in find_officials(doc)}
    assert (key("کاوه نیکو"), key("دبیر")) in got
    assert (key("لیلا صدری"), key("دبیر")) not in got
