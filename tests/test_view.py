"""pipeline.view: pages of articles, files written next to the output, id filtering."""
import json

import pytest

from pipeline.view import load_articles, render_articles, write_view


def _art(i: int) -> dict:
    text = f"شهردار اراک در جلسهٔ شماره {i} شورا حاضر شد."
    return {"id": f"خبر-{i}", "title": f"جلسهٔ {i}", "text": text,
            "entities": [{"label": "ROLE", "text": "شهردار", "start": 0, "end": 6},
                         {"label": "LOC", "text": "اراک", "start": 7, "end": 11}]}


def test_no_articles_says_how_to_fix():
    with pytest.raises(ValueError, match=r"^no articles to show \(check --id against the ids in the file\)$"):
        render_articles([])
    with pytest.raises(ValueError, match="no articles to show"):
        render_articles(iter(()))


@pytest.mark.parametrize("n, per_page, names", [
    (1, 50, ["view.html"]),
    (3, 2, ["view.html", "view-2.html"]),
    (4, 2, ["view.html", "view-2.html"]),
    (5, 1, ["view.html", "view-2.html", "view-3.html", "view-4.html", "view-5.html"]),
])
def test_page_names(n, per_page, names):
    pages = render_articles((_art(i) for i in range(n)), per_page=per_page)
    assert [name for name, _ in pages] == names


def test_each_article_on_exactly_one_page():
    pages = render_articles([_art(i) for i in range(5)], "out.html", per_page=2)
    for i in range(5):
        holders = [name for name, html in pages if f'href="#a-خبر-{i}"' in html]
        assert holders == [["out.html", "out-2.html", "out-3.html"][i // 2]]


def test_bad_per_page():
    with pytest.raises(ValueError, match="per_page must be at least 1"):
        render_articles([_art(0)], per_page=0)


def test_write_view(tmp_path):
    out = tmp_path / "v.html"
    written = write_view([_art(i) for i in range(3)], out, per_page=2)
    assert written == [tmp_path / "v.html", tmp_path / "v-2.html"]
    first = written[0].read_text(encoding="utf-8")
    assert 'data-label="ROLE"' in first and 'data-label="LOC"' in first and 'dir="rtl"' in first
    assert 'href="v-2.html"' in first
    assert "جلسهٔ شماره 2" in written[1].read_text(encoding="utf-8")
    assert "جلسهٔ شماره 2" not in first


def test_write_view_single_page_has_no_page_links(tmp_path):
    written = write_view([_art(0)], tmp_path / "one.html")
    html = written[0].read_text(encoding="utf-8")
    assert written == [tmp_path / "one.html"] and 'rel="next"' not in html and 'class="pages"' not in html


def test_load_articles_filters_by_id(tmp_path):
    f1, f2 = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    f1.write_text("".join(json.dumps(_art(i), ensure_ascii=False) + "\n" for i in range(3)), encoding="utf-8")
    f2.write_text("\n" + json.dumps(_art(7), ensure_ascii=False) + "\n", encoding="utf-8")
    assert [a["id"] for a in load_articles([f1, f2])] == ["خبر-0", "خبر-1", "خبر-2", "خبر-7"]
    assert [a["id"] for a in load_articles([f1, f2], {"خبر-7", "خبر-1", "nope"})] == ["خبر-1", "خبر-7"]
    assert load_articles([f1], set()) == []


def test_load_articles_bad_line(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text(json.dumps(_art(0)) + "\nنه جیسون\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: not a JSON line .*is this munifacts extract output\?"):
        load_articles([f])
