"""HTML views of extracted articles: entities highlighted by label, right to left, paginated.

    munifacts view facts.jsonl -o view.html [--id ARTICLE_ID ...] [--per-page 50]

Many articles are split into pages (view.html, view-2.html, ...) with page links and a
table of contents; ``munifacts show`` gives one article with its records beside it.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.db.html import COLORS, article_pages  # noqa: F401  (COLORS kept for callers)


def render_articles(articles: Iterable[dict], base_name: str = "view.html", per_page: int = 50) -> list[tuple[str, str]]:
    """(file name, HTML) per page; ValueError when there is nothing to show."""
    articles = list(articles)
    if not articles:
        raise ValueError("no articles to show (check --id against the ids in the file)")
    return article_pages(articles, base_name, per_page)


def write_view(articles: Iterable[dict], output: str | Path, per_page: int = 50) -> list[Path]:
    """Write the pages next to ``output``; returns their paths (the first is ``output``)."""
    output = Path(output)
    pages = render_articles(articles, output.name, per_page)
    written = []
    for name, html in pages:
        path = output.with_name(name)
        path.write_text(html, encoding="utf-8")
        written.append(path)
    return written


def load_articles(paths: Iterable[str | Path], ids: set[str] | None = None) -> list[dict]:
    from pipeline.query import iter_articles

    return [a for a in iter_articles(paths) if ids is None or a.get("id") in ids]
