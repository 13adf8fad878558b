"""HTML views of extracted articles with displaCy: entities highlighted, right to left.

    munifacts view facts.jsonl -o view.html [--id ARTICLE_ID ...]
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

COLORS = {"PER": "#f4b6c2", "ROLE": "#b6d7f4", "ORG": "#c9f4b6", "LOC": "#f4e3b6", "FIG": "#e0c3f4", "DATE": "#b6f4ec"}


def render_articles(articles: Iterable[dict]) -> str:
    """One HTML page with every article's normalized text and its entity spans."""
    from spacy import displacy

    parsed = [{"text": a["text"], "title": a.get("title") or a["id"],
               "ents": [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in a.get("entities", [])],
               "settings": {"lang": "fa", "direction": "rtl"}} for a in articles]
    if not parsed:
        raise ValueError("no articles to show (check --id against the ids in the file)")
    return displacy.render(parsed, style="ent", manual=True, page=True, options={"colors": COLORS})


def load_articles(paths: Iterable[str | Path], ids: set[str] | None = None) -> list[dict]:
    from pipeline.query import iter_articles

    return [a for a in iter_articles(paths) if ids is None or a.get("id") in ids]
