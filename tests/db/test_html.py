"""HTML pages (show and view) without a browser: structure, isolation, pagination."""
import re

from pipeline.cli import main
from pipeline.db.html import article_page, article_pages, render_text
from tests.db.conftest import article, write_jsonl

ADJACENT = article("id-7/LATIN", "1403/01/20",
                   [("شهرداری", "ORG"), " ", ("۴۰ درصد", "FIG"), " و ", ("وزیر کشور", "ROLE"), ("12 دستگاه", "FIG"),
                    " واگن خرید."],
                   figures=[{"text": "۴۰ درصد", "value": 40, "unit": "درصد", "kind": "percent", "approx": False}],
                   quotes=[{"speaker": None, "text": "شهرداری ۴۰ درصد", "evidence": "شهرداری ۴۰ درصد و وزیر کشور12 دستگاه واگن خرید."}])


def test_each_entity_is_its_own_isolate():
    html = render_text(ADJACENT)
    marks = re.findall(r'<mark class="ent ent-(\w+)"[^>]*><bdi>([^<]*)</bdi><bdi class="lbl" dir="ltr">(\w+)</bdi></mark>',
                       html)
    assert [(m[0], m[1]) for m in marks] == [("ORG", "شهرداری"), ("FIG", "۴۰ درصد"), ("ROLE", "وزیر کشور"),
                                             ("FIG", "12 دستگاه")]
    assert "</mark><mark" in html  # the digit-initial figure right after a role stays a separate mark
    plain = re.sub(r'<bdi class="lbl"[^>]*>\w+</bdi>', "", html)
    assert re.sub(r"<[^>]+>", "", plain) == ADJACENT["text"]  # nothing lost or added


def test_evidence_links_and_latin_ids():
    html = article_page(ADJACENT)
    assert '<meta charset="utf-8">' in html and 'dir="rtl"' in html
    ev = ADJACENT["quotes"][0]["evidence"]
    anchor = f'id="ev-{ev["start"]}-{ev["end"]}"'
    assert anchor in html and f'href="#ev-{ev["start"]}-{ev["end"]}"' in html
    fig = ADJACENT["figures"][0]
    assert f'href="#ent-{fig["start"]}-{fig["end"]}"' in html and f'id="ent-{fig["start"]}-{fig["end"]}"' in html
    assert '<bdi dir="ltr">id-7/LATIN</bdi>' in html
    assert "<script" not in html and "http" not in html  # nothing to load, nothing to run


def test_crossing_evidence_becomes_an_anchor():
    art = dict(ADJACENT)
    text = art["text"]
    art["quotes"] = [{"speaker": None, "text": "x", "evidence": {"text": "", "start": 3, "end": len(text)}}]
    html = render_text(art)  # the span would cut «شهرداری» in two: an anchor instead of a wrapper
    assert f'<a class="ev-anchor" id="ev-3-{len(text)}"></a>' in html


def test_view_pages_with_navigation(tmp_path, capsys):
    arts = [dict(ADJACENT, id=f"a{i}", title=f"خبر {i}") for i in range(7)]
    f = write_jsonl(tmp_path / "many.jsonl", arts)
    out = tmp_path / "view.html"
    assert main(["view", str(f), "-o", str(out), "--per-page", "3"]) == 0
    pages = sorted(p.name for p in tmp_path.glob("view*.html"))
    assert pages == ["view-2.html", "view-3.html", "view.html"]
    first = out.read_text(encoding="utf-8")
    assert 'href="view-2.html"' in first and first.count("<article") == 3 and 'href="#a-a0"' in first
    last = (tmp_path / "view-3.html").read_text(encoding="utf-8")
    assert last.count("<article") == 1 and 'rel="prev" href="view-2.html"' in last and 'rel="next"' not in last
    assert main(["view", str(f), "-o", str(out), "--per-page", "0"]) == 2
    assert len(article_pages(arts, "v.html", 50)) == 1


def test_show_from_db_matches_show_from_jsonl(tmp_path, archive, facts):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    assert main(["show", "tabriz-2", "--db", str(archive), "--html", str(a)]) == 0
    assert main(["show", "tabriz-2", str(facts), "--html", str(b)]) == 0
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")
    html = a.read_text(encoding="utf-8")
    assert "مقام‌ها (1)" in html and "نشست‌ها (1)" in html and "تعهدها (1)" in html and "ارقام (1)" in html
