"""Blend of recommendation sources into one 大家还在看 list without self or duplicates.

First version: related by the article's own tags and title words (full-text search),
then trending (recent views), then fresh; near-duplicates collapse by content hash and
normalised title.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from zixun.store.base import Store
from zixun.text.normalize import for_matching


@dataclass(slots=True)
class RelatedArticle:
    id: int
    title: str
    url: str | None
    tags: list[str] = field(default_factory=list)
    reason: str = "related"
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def recommend(article_id: int, *, store: Store, k: int = 10, reader: str | None = None) -> list[RelatedArticle]:
    me = store.get(article_id)
    seen_keys = {for_matching(me.title), me.content_hash}
    already = {a for a, r, _ in store.views() if reader and r == reader}
    out: list[RelatedArticle] = []

    def add(i: int, reason: str, score: float) -> None:
        if i == article_id or i in already or any(o.id == i for o in out) or len(out) >= k:
            return
        art = store.get(i)
        keys = {for_matching(art.title), art.content_hash}
        if keys & seen_keys:
            return
        seen_keys.update(keys)
        out.append(RelatedArticle(i, art.title, art.url, list(art.tags), reason, score))

    query = " ".join(me.tags[:5]) or me.title
    for tag in me.tags[:6]:
        for hit in store.search(tag, limit=6):
            add(hit.id, "related", hit.score)
        if len(out) >= max(1, k // 2):
            break
    _ = query
    since = datetime.now(UTC) - timedelta(days=7)
    for i, _n in Counter(a for a, _, _ in store.views(since)).most_common(k):
        add(i, "trending", float(_n))
    for i, _a in store.list(limit=k * 2):
        add(i, "fresh", 0.0)
    return out
