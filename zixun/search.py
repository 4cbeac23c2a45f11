"""Chinese full-text search: the library entry point behind ``zixun search`` and ``/api/search``.

How a query is matched lives in ``zixun.store.query`` (shared by both backends): folded
(width, case, traditional → simplified), segmented like the index, every token quoted,
each token found as a whole word or as a substring of a longer word. Ranking (BM25 by
field, boosted for recent articles) and filtering are done by the store in one query.
This module checks the filters, so a bad date says what to type instead of failing in SQL.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from zixun.errors import ConfigError
from zixun.store.base import SearchHit, Store
from zixun.store.query import (
    MARK_CLOSE,
    MARK_OPEN,
    fold,
    fts_query,
    query_tokens,
    snippet_html,
)
from zixun.text.t2s import to_simplified

FILTERS = ("since", "until", "tag", "outlet", "category")

__all__ = [
    "FILTERS",
    "MARK_CLOSE",
    "MARK_OPEN",
    "fold",
    "fts_query",
    "query_tokens",
    "search",
    "snippet_html",
    "to_simplified",
]


def _day(name: str, value: Any, *, end: bool) -> str | None:
    """A date filter as the ISO prefix the store compares with; ``until`` covers its whole day."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value).strip()
        try:
            datetime.fromisoformat(text)
        except ValueError as exc:
            raise ConfigError(f"{name}={value!r} is not a date: use YYYY-MM-DD or an ISO 8601 time") from exc
    return text + "\uffff" if end and len(text) == 10 else text


def search(
    query: str,
    *,
    store: Store,
    limit: int = 10,
    offset: int = 0,
    since: date | str | None = None,
    until: date | str | None = None,
    tag: str | None = None,
    outlet: str | None = None,
    category: str | None = None,
) -> list[SearchHit]:
    """Best-first hits for ``query`` with highlighted snippets; [] when nothing is searchable.

    ``since``/``until`` are publish dates (inclusive, YYYY-MM-DD or ISO time); ``tag``,
    ``outlet`` and ``category`` must match exactly. Any user text is safe as ``query``.
    """
    filters: dict[str, Any] = {
        "since": _day("since", since, end=False),
        "until": _day("until", until, end=True),
        "tag": tag or None,
        "outlet": outlet or None,
        "category": category or None,
    }
    limit = max(0, min(int(limit), 100))
    return store.search(query, limit=limit, offset=max(0, int(offset)), **{k: v for k, v in filters.items() if v})
