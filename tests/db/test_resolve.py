"""People across articles: merges only when one candidate is left."""
import datetime as dt

from pipeline.db.resolve import ArticleNames, resolve


def _ids(res):
    return {(a, n): pid for a, n, pid, _ in res.mentions}


def _how(res):
    return {(a, n): h for a, n, _, h in res.mentions}


D = dt.date


def test_spellings_across_articles_are_one_person():
    arts = [
        ArticleNames("a1", D(2024, 4, 1), ["کامران نیک‌پور", "نیک‌پور"], [("کامران نیک‌پور", "شهردار", None, "تبریز")]),
        ArticleNames("a2", D(2024, 6, 1), ["مهندس کامران نيكپور"], [("مهندس کامران نيكپور", "شهردار", None, "تبریز")]),
        ArticleNames("a3", D(2024, 9, 1), ["نیکپور، کامران"], []),
    ]
    res = resolve(arts)
    ids = _ids(res)
    assert len({ids[("a1", "کامران نیک‌پور")], ids[("a1", "نیک‌پور")], ids[("a2", "مهندس کامران نيكپور")],
                ids[("a3", "نیکپور، کامران")]}) == 1
    assert _how(res)[("a1", "نیک‌پور")] == "surname-in-article"
    (p,) = res.people
    assert p.first_date == D(2024, 4, 1) and p.last_date == D(2024, 9, 1) and len(p.articles) == 3
    (role,) = res.roles  # «شهردار تبریز» twice: one office, two articles
    assert role["n_articles"] == 2 and role["first_date"] == D(2024, 4, 1) and role["last_date"] == D(2024, 6, 1)


def test_same_surname_different_given_names_stay_apart():
    arts = [ArticleNames("a1", None, ["حسن رضایی", "حسین رضایی", "رضایی"], [])]
    res = resolve(arts)
    ids = _ids(res)
    assert ids[("a1", "حسن رضایی")] != ids[("a1", "حسین رضایی")]
    # two candidates in the article: the bare surname joins neither
    assert ids[("a1", "رضایی")] not in (ids[("a1", "حسن رضایی")], ids[("a1", "حسین رضایی")])
    assert _how(res)[("a1", "رضایی")] == "unresolved"
    assert sorted(p.full_name for p in res.people) == [False, True, True]


def test_surname_alone_joins_by_office_only_when_unique():
    base = [
        ArticleNames("a1", D(2024, 1, 1), ["زهرا کاظمی"], [("زهرا کاظمی", "شهردار", None, "کرج")]),
        ArticleNames("a2", D(2024, 2, 1), ["علی کاظمی"], [("علی کاظمی", "فرماندار", None, "کرج")]),
    ]
    arts = base + [ArticleNames("a3", D(2024, 3, 1), ["کاظمی"], [("کاظمی", "شهردار", None, "کرج")])]
    ids = _ids(resolve(arts))
    assert ids[("a3", "کاظمی")] == ids[("a1", "زهرا کاظمی")]
    # same office, other city: not merged
    arts = base + [ArticleNames("a3", D(2024, 3, 1), ["کاظمی"], [("کاظمی", "شهردار", None, "قزوین")])]
    ids = _ids(resolve(arts))
    assert ids[("a3", "کاظمی")] not in (ids[("a1", "زهرا کاظمی")], ids[("a2", "علی کاظمی")])
    # no office given: not merged
    arts = base + [ArticleNames("a3", D(2024, 3, 1), ["کاظمی"], [])]
    assert _ids(resolve(arts))[("a3", "کاظمی")] not in (1, 2)


def test_office_change_gives_two_roles_for_one_person():
    arts = [
        ArticleNames("a1", D(2023, 5, 1), ["رضا فخاری"], [("رضا فخاری", "رئیس", "شورای اسلامی شهر یزد", None)]),
        ArticleNames("a2", D(2024, 2, 1), ["رضا فخاري"], [("رضا فخاري", "شهردار", None, "یزد")]),
    ]
    res = resolve(arts)
    assert len(res.people) == 1
    assert [r["role"] for r in res.roles] == ["رئیس", "شهردار"]


def test_organizations_folded():
    arts = [ArticleNames("a1", None, [], [], ["شورای اسلامی شهر یزد"]), ArticleNames("a2", None, [], [], ["شوراي شهر يزد"]),
            ArticleNames("a3", None, [], [], ["شهرداری یزد"])]
    res = resolve(arts)
    assert len(res.organizations) == 2
    by_name = {m[:2]: m[2] for m in res.org_mentions}
    assert by_name[("a1", "شورای اسلامی شهر یزد")] == by_name[("a2", "شوراي شهر يزد")]


def test_bare_office_joins_the_one_specific_office_of_that_title():
    arts = [
        ArticleNames("a1", D(2023, 8, 1), ["علی حسینی"], [("علی حسینی", "شهردار", None, "تبریز")]),
        ArticleNames("a2", D(2023, 12, 1), ["علی حسینی"], [("علی حسینی", "شهردار", None, None)]),
        ArticleNames("a3", D(2024, 2, 1), ["علی حسینی"], [("علی حسینی", "مدیرکل", "استانداری", None)]),
    ]
    roles = resolve(arts).roles
    assert [(r["role"], r["location"], r["n_articles"], r["last_date"]) for r in roles] == [
        ("شهردار", "تبریز", 2, D(2023, 12, 1)), ("مدیرکل", None, 1, D(2024, 2, 1))]
    # two places for the title: the bare one stays apart (which city is unknown)
    arts.append(ArticleNames("a4", D(2024, 3, 1), ["علی حسینی"], [("علی حسینی", "شهردار", None, "مرند")]))
    assert len(resolve(arts).roles) == 4


def test_given_name_alone_and_titles_taken_for_names():
    arts = [ArticleNames("a1", None, ["رضا فخاری", "رضا", "رئیس شورای شهر یزد", "مدیرعامل سازمان پسماند",
                                       "نایب‌رئيس شورای شهر"], [])]
    res = resolve(arts)
    ids = _ids(res)
    assert ids[("a1", "رضا")] == ids[("a1", "رضا فخاری")]
    assert len(res.people) == 1  # job titles tagged as names are not people
    two = [ArticleNames("a1", None, ["رضا فخاری", "رضا کریمی", "رضا"], [])]
    assert _how(resolve(two))[("a1", "رضا")] == "unresolved"


def test_office_with_less_detail_joins_the_one_that_agrees():
    arts = [ArticleNames("a1", D(2023, 8, 1), ["جواد صالحی"], [("جواد صالحی", "شهردار", "منطقه ۴ شهرداری تبریز", "تبریز"),
                                                               ("جواد صالحی", "شهردار", "منطقه ۴ شهرداری تبریز", None)])]
    (role,) = resolve(arts).roles
    assert role["location"] == "تبریز" and role["n_articles"] == 1


def test_one_office_however_it_is_split():
    arts = [
        ArticleNames("a1", D(2023, 8, 1), ["مهدی رضوی‌پور"], [("مهدی رضوی‌پور", "رئیس شورای اسلامی", None, "شهر مشهد")]),
        ArticleNames("a2", D(2024, 4, 1), ["مهدی رضوی‌پور"], [("مهدی رضوی‌پور", "رئیس", "شورای اسلامی شهر مشهد", None)]),
        ArticleNames("a3", D(2024, 5, 1), ["مهدی رضوی‌پور"], [("مهدی رضوی‌پور", "رئیس شورا", None, None)]),
        ArticleNames("a4", D(2024, 6, 1), ["مهدی رضوی‌پور"], [("مهدی رضوی‌پور", "رئیس", "کمیسیون عمران", None)]),
    ]
    roles = resolve(arts).roles
    assert sorted((r["n_articles"], r["first_date"], r["last_date"]) for r in roles) == [
        (1, D(2024, 6, 1), D(2024, 6, 1)), (3, D(2023, 8, 1), D(2024, 5, 1))]
