"""Co-read: "readers of this article also read …", item-to-item from view sessions.

A session is one reader's views (web app cookie or ``api.record_view``'s reader id)
within ``window_days``. Two articles are co-read when one reader viewed both; the score
is the number of distinct such readers (one SQL self-join on the indexed ``views``
table). Raw counts favour popular articles a little; the blend's per-source cap and the
trending source, which owns popularity, keep that in check.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from zixun.store.base import Store


def coread(
    store: Store, article_id: int, *, window_days: float = 30.0, now: datetime | None = None, limit: int = 50
) -> list[tuple[int, float]]:
    """(article id, readers shared with ``article_id``), strongest first; empty when nobody read it."""
    now = now or datetime.now(UTC)
    since = now - timedelta(days=window_days)
    return [(a, float(n)) for a, n in store.coviews(article_id, since=since, limit=limit)]
