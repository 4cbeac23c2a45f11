"""Turning a user's search words into a safe full-text query, and snippets with highlights.

The query is segmented exactly like the index (``index_text``), every token is quoted
(so FTS operators, quotes and brackets in user input are plain text) and tokens are
ANDed. Snippets mark matches with ``【】``-free sentinels that the web layer escapes.
"""

from __future__ import annotations

import html
import re

from zixun.model import Article
from zixun.text.segment import cut_for_search

MAX_QUERY_CHARS = 200
MARK_OPEN, MARK_CLOSE = "\u0002", "\u0003"


def query_tokens(query: str) -> list[str]:
    q = query[:MAX_QUERY_CHARS]
    toks = []
    for w in cut_for_search(q):
        w = re.sub(r"[\W_]+", "", w)
        if w and w not in toks:
            toks.append(w)
    return toks[:12]


def fts_query(query: str) -> str:
    """An FTS5 MATCH string: every token double-quoted, ANDed; '' when nothing is searchable."""
    toks = query_tokens(query)
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in toks)


def make_snippet(article: Article, query: str, width: int = 80) -> str:
    """A window of the body around the first match, matches wrapped in sentinel marks."""
    toks = sorted(query_tokens(query), key=len, reverse=True)
    text = article.summary + " " + article.text
    pos = min((i for i in (text.find(t) for t in toks) if i >= 0), default=0)
    start = max(0, pos - width // 3)
    window = text[start : start + width]
    if toks:
        window = re.sub("|".join(re.escape(t) for t in toks), lambda m: MARK_OPEN + m.group(0) + MARK_CLOSE, window)
    return ("…" if start else "") + window + ("…" if start + width < len(text) else "")


def snippet_html(snippet: str) -> str:
    """Escape a snippet and turn its sentinel marks into <mark> elements."""
    return html.escape(snippet).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")
