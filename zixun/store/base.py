"""The Store interface both backends implement, and what they share.

A store keeps each Article as its JSON (``Article.to_dict``) plus indexed columns; the
identity of a page is its URL, or ``hash:<content_hash>`` when it has none, so ingesting
the same page twice updates it instead of duplicating it.
"""

from __future__ import annotations

import abc
import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from zixun.model import Article
from zixun.text.segment import cut_for_search


def article_key(article: Article) -> str:
    return article.url or f"hash:{article.content_hash}"


def index_text(text: str) -> str:
    """Segmented, space-joined text for the full-text index (queries are cut the same way)."""
    return " ".join(w for w in cut_for_search(text) if w.strip() and w.isprintable())


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

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
