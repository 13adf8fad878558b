"""HTML pages of extracted articles, right to left, with no script and no outside resources.

``article_page(article)`` shows one article with its entities highlighted by label and its
officials, meetings, commitments, quotes and figures beside it, each linked to its evidence
in the text. ``article_pages(articles, per_page)`` writes many articles as numbered pages
with navigation. ``article`` is one line of ``munifacts extract`` output (a dict).

Every highlight is its own bidi isolate (``<mark>`` with ``unicode-bidi: isolate`` and a
``<bdi>`` label), so a figure that starts with a digit right after another entity, or a
Latin id, is never drawn inside its neighbour.
"""
from __future__ import annotations

from html import escape

COLORS = {"PER": "#f4b6c2", "ROLE": "#b6d7f4", "ORG": "#c9f4b6", "LOC": "#f4e3b6", "FIG": "#e0c3f4", "DATE": "#b6f4ec"}
LABEL_NAMES = {"PER": "شخص", "ROLE": "سمت", "ORG": "سازمان", "LOC": "مکان", "FIG": "رقم", "DATE": "تاریخ"}

CSS = """
body { font-family: "Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, sans-serif; margin: 0;
       background: #fafafa; color: #222; line-height: 2.1; }
header, nav.pages { padding: .5rem 1.5rem; background: #263238; color: #fff; }
header a, nav.pages a { color: #b3e5fc; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1.5rem; padding: 1rem 1.5rem; }
main.single { grid-template-columns: minmax(0, 1fr); }
article { background: #fff; padding: 1rem 1.5rem; border: 1px solid #ddd; border-radius: 6px; }
article h2 { line-height: 1.6; }
.meta { color: #555; font-size: .9rem; }
.text { white-space: pre-wrap; font-size: 1.05rem; }
mark.ent { unicode-bidi: isolate; padding: .1em .3em; border-radius: .3em; margin: 0 .1em;
           box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.ent .lbl { unicode-bidi: isolate; font-size: .65em; font-weight: bold; margin-inline-start: .4em; padding-inline-start: .1em;
                font-family: sans-serif; opacity: .75; }
.ev:target, .ev-anchor:target + *, mark.ent:target { outline: 3px solid #ff9800; background: #fff3cd; }
aside section { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .3rem 1rem; margin-bottom: 1rem; }
aside h3 { margin: .3rem 0; font-size: 1rem; }
aside ul { padding-inline-start: 1.2rem; margin: .2rem 0; }
aside li { margin-bottom: .3rem; line-height: 1.7; }
a.evlink { font-size: .85em; text-decoration: none; }
.legend mark { margin-inline-end: .5rem; }
.toc li { line-height: 1.6; }
""" + "\n".join(f"mark.ent-{lab} {{ background: {col}; }}" for lab, col in COLORS.items())


def _bdi_ltr(text) -> str:
    return f'<bdi dir="ltr">{escape(str(text))}</bdi>'


def _ev_id(prefix: str, start, end) -> str:
    return f"{prefix}-{start}-{end}"


def _laminar(intervals: list[tuple[int, int]], fixed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Intervals that neither cross each other nor any fixed interval (so tags nest)."""
    kept: list[tuple[int, int]] = []

    def crosses(a, b):
        return a[0] < b[0] < a[1] < b[1] or b[0] < a[0] < b[1] < a[1]

    for iv in sorted(set(intervals), key=lambda x: (x[0], -x[1])):
        if not any(crosses(iv, o) for o in kept + fixed):
            kept.append(iv)
    return kept


def _entities(article: dict) -> list[dict]:
    text = article["text"]
    out, last = [], 0
    for e in sorted(article.get("entities") or [], key=lambda e: (e["start"], -e["end"])):
        if e["start"] < last or not (0 <= e["start"] < e["end"] <= len(text)):
            continue  # overlapping or out of range: skip rather than break the page
        out.append(e)
        last = e["end"]
    return out


def _evidence_spans(article: dict) -> list[tuple[int, int]]:
    spans = []
    for kind in ("officials", "meetings", "commitments", "quotes"):
        for rec in article.get(kind) or []:
            ev = rec.get("evidence") or {}
            if ev.get("start") is not None and ev.get("end") is not None and ev["start"] < ev["end"] <= len(article["text"]):
                spans.append((ev["start"], ev["end"]))
    return spans


def render_text(article: dict) -> str:
    """The article text with entity marks and evidence spans (``id="ev-START-END"``)."""
    text = article["text"]
    ents = _entities(article)
    ent_spans = [(e["start"], e["end"]) for e in ents]
    evs = _evidence_spans(article)
    wrapped = _laminar(evs, ent_spans)
    anchors = sorted(set(evs) - set(wrapped))
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for s, e in sorted(wrapped, key=lambda x: (x[0], -x[1])):
        opens.setdefault(s, []).append(f'<span class="ev" id="{_ev_id("ev", s, e)}">')
        closes.setdefault(e, []).insert(0, "</span>")
    for s, e in anchors:
        opens.setdefault(s, []).insert(0, f'<a class="ev-anchor" id="{_ev_id("ev", s, e)}"></a>')
    for ent in ents:
        s, e, lab = ent["start"], ent["end"], ent["label"]
        opens.setdefault(s, []).append(
            f'<mark class="ent ent-{escape(lab)}" id="{_ev_id("ent", s, e)}" data-label="{escape(lab)}" '
            f'title="{escape(LABEL_NAMES.get(lab, lab))}"><bdi>')
        closes.setdefault(e, []).insert(0, f'</bdi><bdi class="lbl" dir="ltr">{escape(lab)}</bdi></mark>')
    cuts = sorted(set(opens) | set(closes) | {0, len(text)})
    out = []
    for i, pos in enumerate(cuts):
        out.extend(closes.get(pos, []))
        out.extend(opens.get(pos, []))
        if i + 1 < len(cuts):
            out.append(escape(text[pos:cuts[i + 1]]))
    return "".join(out)


def _link(rec: dict, article_text_len: int) -> str:
    ev = rec.get("evidence") or {}
    if ev.get("start") is None or ev.get("end") is None or not ev["start"] < ev["end"] <= article_text_len:
        return ""
    return f' <a class="evlink" href="#{_ev_id("ev", ev["start"], ev["end"])}" title="شاهد در متن">↩ شاهد</a>'


def _fmt(*parts) -> str:
    return "، ".join(escape(str(p)) for p in parts if p)


def _facts(article: dict) -> str:
    n = len(article["text"])
    secs = []
    off = [f"<li><bdi>{_fmt(o.get('person'))}</bdi>: {_fmt(o.get('role'), o.get('org'), o.get('location'))}{_link(o, n)}</li>"
           for o in article.get("officials") or []]
    meets = []
    for m in article.get("meetings") or []:
        who = "؛ ".join(escape(" ".join(str(x) for x in (p.get("person") or p.get("group"), p.get("role"), p.get("org")) if x))
                       for p in m.get("participants") or [])
        meets.append(f"<li><b>{_fmt(m.get('kind'))}</b> {_fmt(m.get('topic'), m.get('date'))}"
                     f"{' — ' + who if who else ''}{_link(m, n)}</li>")
    coms = [f"<li><b>{_fmt(c.get('kind'))}</b> ({_fmt(c.get('actor')) or '—'}): {_fmt(c.get('content'))}"
            f"{' — مهلت: ' + _fmt(c.get('deadline')) if c.get('deadline') else ''}{_link(c, n)}</li>"
            for c in article.get("commitments") or []]
    quotes = [f"<li><bdi>{_fmt(q.get('speaker')) or '—'}</bdi>: «{_fmt(q.get('text'))}»{_link(q, n)}</li>"
              for q in article.get("quotes") or []]
    figs = [f'<li><a href="#{_ev_id("ent", f["start"], f["end"])}"><bdi>{_fmt(f.get("text"))}</bdi></a>'
            f' — {_fmt(f.get("kind"))}{" " + _bdi_ltr(_num(f.get("value"))) if f.get("value") is not None else ""}'
            f' {_fmt(f.get("unit"))}</li>' for f in article.get("figures") or []]
    for title, items in (("مقام‌ها", off), ("نشست‌ها", meets), ("تعهدها", coms), ("نقل‌قول‌ها", quotes), ("ارقام", figs)):
        body = "<ul>" + "".join(items) + "</ul>" if items else '<p class="meta">—</p>'
        secs.append(f'<section class="facts"><h3>{title} ({len(items)})</h3>{body}</section>')
    return "".join(secs)


def _num(v) -> str:
    return f"{int(v):,}" if isinstance(v, (int, float)) and float(v).is_integer() else str(v)


def _article_block(article: dict) -> str:
    title = article.get("title") or ""
    meta = " · ".join(x for x in (_bdi_ltr(article.get("id", "")), escape(str(article.get("date") or "")),
                                  escape(str(article.get("source") or ""))) if x)
    return (f'<article id="a-{escape(str(article.get("id", "")))}"><h2><bdi>{escape(title) or _bdi_ltr(article.get("id", ""))}'
            f'</bdi></h2><p class="meta">{meta}</p><div class="text">{render_text(article)}</div></article>')


def _legend() -> str:
    return '<p class="legend">' + "".join(
        f'<mark class="ent ent-{lab}"><bdi>{LABEL_NAMES[lab]}</bdi><bdi class="lbl" dir="ltr">{lab}</bdi></mark>'
        for lab in COLORS) + "</p>"


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<link rel=\"icon\" href=\"data:,\">"
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>{body}</body></html>\n")


def article_page(article: dict) -> str:
    """One article with its facts beside it."""
    head = f"<header><b>munifacts</b> — {_legend()}</header>"
    return _page(article.get("title") or str(article.get("id")),
                 f"{head}<main>{_article_block(article)}<aside>{_facts(article)}</aside></main>")


def page_name(base: str, i: int) -> str:
    """File name of page ``i`` (0-based): view.html, view-2.html, ..."""
    if i == 0:
        return base
    stem, dot, ext = base.rpartition(".")
    return f"{stem}-{i + 1}.{ext}" if dot else f"{base}-{i + 1}"


def article_pages(articles: list[dict], base_name: str, per_page: int = 50) -> list[tuple[str, str]]:
    """(file name, HTML) for pages of ``per_page`` articles, each with page links and a table of contents."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    chunks = [articles[i:i + per_page] for i in range(0, len(articles), per_page)]
    out = []
    for i, chunk in enumerate(chunks):
        links = " ".join(f"<b>{j + 1}</b>" if j == i else f'<a href="{escape(page_name(base_name, j))}">{j + 1}</a>'
                         for j in range(len(chunks)))
        prev = f'<a rel="prev" href="{escape(page_name(base_name, i - 1))}">قبلی</a>' if i > 0 else ""
        nxt = f'<a rel="next" href="{escape(page_name(base_name, i + 1))}">بعدی</a>' if i + 1 < len(chunks) else ""
        nav = (f'<nav class="pages">صفحه {i + 1} از {len(chunks)} ({len(articles)} خبر) · {prev} {links} {nxt}</nav>'
               if len(chunks) > 1 else "")
        toc = '<ol class="toc">' + "".join(
            f'<li><a href="#a-{escape(str(a.get("id", "")))}"><bdi>{escape(a.get("title") or str(a.get("id", "")))}</bdi></a></li>'
            for a in chunk) + "</ol>"
        body = (f"<header><b>munifacts</b> — {_legend()}</header>{nav}<main class=\"single\"><section>{toc}</section>"
                + "".join(_article_block(a) for a in chunk) + f"</main>{nav}")
        out.append((page_name(base_name, i), _page(f"munifacts — {i + 1}/{len(chunks)}", body)))
    return out
