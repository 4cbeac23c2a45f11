"""The Store interface both backends implement, and what they share.

A store keeps each Article as its JSON (``Article.to_dict``) plus indexed columns; the
identity of a page is its URL, or ``hash:<content_hash>`` when it has none, so ingesting
the same page twice updates it instead of duplicating it.
"""

from __future__ import annotations

import abc
import builtins
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from zixun.model import Article
from zixun.recommend.index import IndexRow, RelatedIndex

COREAD_READERS = 500  # co-read looks at an article's most recent readers, at most this many
CATCH_UP_SECONDS = 1.0  # other processes' new or changed articles reach 大家还在看 within this


def article_key(article: Article) -> str:
    return article.url or f"hash:{article.content_hash}"



@dataclass(slots=True)
class SearchHit:
    id: int
    article: Article
    score: float
    snippet: str


class Store(abc.ABC):
    """What the library needs from storage. Every method is safe to call from one thread."""

    @abc.abstractmethod
    def upsert(self, article: Article) -> tuple[str, int]:
        """Insert or update; returns ("stored" | "updated" | "unchanged", id). Atomic."""

    @abc.abstractmethod
    def get(self, article_id: int) -> Article:
        """The article with this id; raises NotFound."""

    @abc.abstractmethod
    def find_id(self, url_or_key: str) -> int | None:
        """Id of the article with this URL (or key), or None."""

    @abc.abstractmethod
    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        tag: str | None = None,
        outlet: str | None = None,
        category: str | None = None,
    ) -> builtins.list[tuple[int, Article]]:
        """Newest first (publish time, then id)."""

    @abc.abstractmethod
    def count(self) -> int: ...

    @abc.abstractmethod
    def search(self, query: str, *, limit: int = 10, offset: int = 0, **filters: Any) -> builtins.list[SearchHit]: ...

    @abc.abstractmethod
    def record_view(self, article_id: int, reader: str, at: datetime) -> None: ...

    @abc.abstractmethod
    def views(self, since: datetime | None = None) -> builtins.list[tuple[int, str, datetime]]: ...

    @abc.abstractmethod
    def tag_counts(self, limit: int = 100) -> builtins.list[tuple[str, int]]: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    # -- recommendation support -----------------------------------------------------------
    # Concrete defaults built on the methods above, so every backend works; a backend
    # overrides them with one query each (SQLite does).
    _related_index: RelatedIndex | None = None
    _caught_up: float = 0.0  # time.monotonic() of the last catch-up with other processes' changes

    def index_rows(self, since: str = "") -> builtins.list[IndexRow]:
        """Rows for the related index changed at or after ``since`` (updated_at); all when "".

        The default pages through ``list`` (no change tracking, no near-duplicate groups):
        it returns everything once and nothing afterwards.
        """
        if since:
            return []
        rows: builtins.list[IndexRow] = []
        offset = 0
        while batch := self.list(limit=1000, offset=offset):
            rows += [IndexRow(i, a.title, sorted(a.tags), a.category, i, "0") for i, a in batch]
            offset += len(batch)
        return rows

    def related_index(self) -> RelatedIndex:
        """The in-memory neighbour index: built on first use, then caught up with rows other
        processes changed (``upsert`` in this process adds its own at once).

        The catch-up runs at most every ``CATCH_UP_SECONDS``: it re-reads every row stamped
        with the watermark's second (a batch ingest stamps hundreds), and a site asks for the
        index on every 大家还在看 it computes."""
        now = time.monotonic()
        if self._related_index is None:
            self._related_index = RelatedIndex()
            self._related_index.add_many(self.index_rows(""))
            self._caught_up = now
        elif now - self._caught_up >= CATCH_UP_SECONDS:
            for row in self.index_rows(self._related_index.watermark):
                self._related_index.add(row)
            self._caught_up = now
        return self._related_index

    def use_related_index(self, index: RelatedIndex) -> None:
        """Take an index another connection built (a server builds it at start-up beside the
        connections that serve requests); it catches up with later changes on its next use."""
        self._related_index = index
        self._caught_up = 0.0

    def trending_scores(self, half_life_hours: float, now: datetime, *, horizon: timedelta) -> dict[int, float]:
        """Decayed view score per article: a view ``h`` hours old counts ``0.5 ** (h / half_life)``;
        views older than ``horizon`` are not read. The default reads the views each time."""
        scores: dict[int, float] = {}
        for article_id, _reader, at in self.views(now - horizon):
            at = at if at.tzinfo else at.replace(tzinfo=UTC)
            age_h = max(0.0, (now - at).total_seconds() / 3600.0)
            scores[article_id] = scores.get(article_id, 0.0) + 0.5 ** (age_h / half_life_hours)
        return scores

    def viewed_by(self, reader: str) -> set[int]:
        """Ids of the articles this reader has viewed."""
        return {a for a, r, _ in self.views() if r == reader}

    def coviews(self, article_id: int, *, since: datetime | None = None, limit: int = 50) -> builtins.list[tuple[int, int]]:
        """(other article, number of readers who viewed both), most shared readers first."""
        views = self.views(since)
        readers = {r for a, r, _ in views if a == article_id}
        counts: dict[int, set[str]] = {}
        for a, r, _ in views:
            if r in readers and a != article_id:
                counts.setdefault(a, set()).add(r)
        ranked = sorted(((a, len(rs)) for a, rs in counts.items()), key=lambda x: (-x[1], x[0]))
        return ranked[:limit]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
