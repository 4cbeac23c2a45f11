"""Trending: page views with exponential time decay, overall and per channel.

A view ``h`` hours old counts ``0.5 ** (h / half_life)`` (setting
``trending_half_life_hours``, 24 h by default), so yesterday's hit fades by half a day
later without a cliff at a window edge. Views older than eight half-lives (< 0.4 %) are
not read at all.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol

from zixun.recommend.index import IndexRow
from zixun.store.base import Store


class Rows(Protocol):
    def row(self, article_id: int) -> IndexRow | None: ...

HORIZON_HALF_LIVES = 8


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def trending(
    store: Store,
    *,
    half_life_hours: float,
    now: datetime | None = None,
    channel: str | None = None,
    limit: int = 50,
    rows: Rows | None = None,
) -> list[tuple[int, float]]:
    """(article id, decayed view score), hottest first; only ``channel``'s articles when given
    (their channels read from ``rows``, default the store's related index)."""
    now = _aware(now or datetime.now(UTC))
    scores = store.trending_scores(half_life_hours, now, horizon=timedelta(hours=half_life_hours * HORIZON_HALF_LIVES))
    if channel is not None:
        index = rows if rows is not None else store.related_index()
        scores = {a: s for a, s in scores.items() if (row := index.row(a)) is not None and row.category == channel}
    return sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:limit]

