"""Merging model spans with rule spans: priorities, gap filling, clean-up, flatness."""
from pipeline.document import Span
from pipeline.tag.combine import combine


def S(label, text, whole, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = whole.index(text, start + 1)
    return Span(label, start, start + len(text), text)


TEXT = "دکتر علی کریمی شهردار کرج گفت: بیش از ۲۰ پارک تا پایان سال در شهرداری ساخته می‌شود."


def test_rule_fig_and_date_win_over_overlapping_model_spans():
    model = [S("FIG", "۲۰ پارک", TEXT), S("DATE", "پایان سال", TEXT)]
    rules = [S("FIG", "بیش از ۲۰ پارک", TEXT), S("DATE", "تا پایان سال", TEXT)]
    out = combine(model, rules)
    assert [(s.label, s.text) for s in out] == [("FIG", "بیش از ۲۰ پارک"), ("DATE", "تا پایان سال")]


def test_model_first_for_names_and_rules_fill_gaps():
    model = [S("PER", "علی کریمی", TEXT)]
    rules = [S("PER", "کریمی", TEXT), S("ROLE", "شهردار", TEXT), S("LOC", "کرج", TEXT)]
    out = combine(model, rules)
    assert [(s.label, s.text) for s in out] == [("PER", "علی کریمی"), ("ROLE", "شهردار"), ("LOC", "کرج")]
    assert [s.text for s in combine(model, rules, gap_fill=())] == ["علی کریمی"]


def test_generic_org_dropped_and_honorific_trimmed():
    model = [S("PER", "دکتر علی کریمی", TEXT), S("ORG", "شهرداری", TEXT)]
    out = combine(model, [])
    assert [(s.label, s.text) for s in out] == [("PER", "علی کریمی")]
    per = out[0]
    assert TEXT[per.start:per.end] == per.text


def test_output_is_flat_and_sorted():
    model = [S("ORG", "شهردار کرج", TEXT), S("LOC", "کرج", TEXT)]
    rules = [S("ROLE", "شهردار", TEXT), S("FIG", "۲۰ پارک", TEXT)]
    out = combine(model, rules)
    for a, b in zip(out, out[1:]):
        assert a.end <= b.start


def test_rule_span_that_contains_model_name_replaces_it():
    model = [S("PER", "علی", TEXT)]
    rules = [S("PER", "علی کریمی", TEXT)]
    assert [s.text for s in combine(model, rules)] == ["علی کریمی"]
    assert [s.text for s in combine(model, rules, extend=())] == ["علی"]


def test_role_without_a_title_word_is_dropped():
    text = "مدیر روابط عمومی سازمان گفت"
    model = [S("ROLE", "عمومی", text)]
    assert combine(model, []) == []
    assert [s.text for s in combine([S("ROLE", "مدیر", text)], [])] == ["مدیر"]


def test_role_head_written_with_a_space_is_kept():
    text = "قائم مقام شهردار گفت"
    assert [s.text for s in combine([S("ROLE", "قائم مقام", text)], [])] == ["قائم مقام"]


def test_indexed_overlap_check_keeps_exactly_what_the_pairwise_check_keeps():
    """combine() checks overlaps against the kept spans with a sorted index; the result equals the
    pairwise check on random span sets (many overlaps, shared starts and ends)."""
    import random

    import pipeline.tag.combine as cb

    rng = random.Random(3)
    labels = ["PER", "ROLE", "ORG", "LOC", "FIG", "DATE"]
    text = "ا" * 300

    def spans(n):
        out = []
        for _ in range(n):
            a = rng.randrange(0, 290)
            b = a + rng.randint(1, 12)
            out.append(Span(rng.choice(labels), a, b, text[a:b]))
        return out

    real = cb._KeptIndex
    for _ in range(300):
        model, rules = spans(rng.randint(0, 30)), spans(rng.randint(0, 30))
        fast = combine(model, rules)
        cb._KeptIndex = lambda: None  # the pairwise path
        try:
            slow = combine(model, rules)
        finally:
            cb._KeptIndex = real
        assert fast == slow


def test_flat_extend_equals_the_pairwise_extend():
    """Model spans that do not overlap (the tagger's) take the bisection path; same result."""
    import random

    import pipeline.tag.combine as cb

    rng = random.Random(5)
    text = "ا" * 400
    for _ in range(300):
        model, pos = [], 0
        while pos < 380 and len(model) < 25:
            a = pos + rng.randint(0, 6)
            b = a + rng.randint(1, 6)
            model.append(Span(rng.choice(["PER", "ROLE", "LOC"]), a, b, text[a:b]))
            pos = b
        rules = []
        for _ in range(rng.randint(0, 25)):
            a = rng.randrange(0, 380)
            b = a + rng.randint(0, 15)
            rules.append(Span(rng.choice(["PER", "ROLE", "LOC", "ORG"]), a, b, text[a:b]))
        rng.shuffle(model)
        fast = cb._extend(model, rules, cb.EXTEND)
        slow = list(model)  # the pairwise rule, written out
        for r in rules:
            if r.label not in cb.EXTEND:
                continue
            inside = [m for m in slow if cb._overlaps(m, r)]
            if inside and all(m.label == r.label and r.start <= m.start and m.end <= r.end for m in inside) \
                    and any((m.start, m.end) != (r.start, r.end) for m in inside):
                slow = [m for m in slow if m not in inside] + [r]
        key = lambda x: (x.start, x.end, x.label)  # noqa: E731
        assert sorted(fast, key=key) == sorted(slow, key=key)
