"""Keyword tags: TF-IDF over rjieba words, with repeated word pairs merged into phrases.

Why by hand: jieba's dictionary lacks most new company and product names ("摩尔线程" is
cut as 摩尔/线程). A name the article repeats shows up as the same adjacent pair again and
again, so pairs that always travel together are merged before ranking.
"""

from __future__ import annotations

import re
from collections import Counter

from zixun.model import Article
from zixun.read.page import Page
from zixun.settings import get as setting
from zixun.text.segment import idf_table, is_content_word, pos_tag

_KEEP_POS = ("n", "nr", "ns", "nt", "nz", "nw", "eng", "vn", "an", "j", "l")
_BAD = re.compile(r"^[\d\W_]+$|^\d+[年月日号%]|^[a-z]$", re.I)


def _tokens(text: str) -> list[tuple[str, str]]:
    return pos_tag(text)


def tag(text: str, *, title: str | None = None, k: int | None = None) -> list[str]:
    """Top ``k`` keywords of ``title`` + ``text`` (title words weigh double)."""
    k = k or int(setting("tags_k"))
    idf, median = idf_table()
    toks = _tokens((title + "\n" if title else "") + text)
    tf: Counter[str] = Counter()
    pos: dict[str, str] = {}
    pairs: Counter[tuple[str, str]] = Counter()
    prev: tuple[str, str] | None = None
    for w, p in toks:
        ok = is_content_word(w) and not _BAD.match(w)
        if ok:
            tf[w] += 1
            pos.setdefault(w, p)
        if ok and prev is not None:
            pairs[(prev[0], w)] += 1
        prev = (w, p) if ok else None
    merged: dict[str, int] = {}
    for (a, b), n in pairs.items():
        if n >= 2 and len(a + b) <= 8 and n >= 0.6 * min(tf[a], tf[b]):
            merged[a + b] = n
    if title:
        for w, p in _tokens(title):
            if w in tf:
                tf[w] += 1
    scores: dict[str, float] = {}
    for w, n in tf.items():
        if len(w) < 2 or not pos.get(w, "n").startswith(_KEEP_POS):
            continue
        scores[w] = n * idf.get(w, median * 1.1)
    for phrase, n in merged.items():
        parts_idf = max(idf.get(phrase, median * 1.3), median)
        scores[phrase] = n * parts_idf * 1.5
    for phrase in merged:
        for w in list(scores):
            if w != phrase and w in phrase and scores[w] <= scores[phrase] * 1.2:
                scores[w] *= 0.3
    ranked = sorted(scores, key=lambda w: (-scores[w], w))
    out: list[str] = []
    for w in ranked:
        if any(w in o for o in out):
            continue
        out.append(w)
        if len(out) >= k:
            break
    return out


def run(article: Article, page: Page) -> None:
    article.tags = tag(article.text, title=None if article.title_generated else article.title)
