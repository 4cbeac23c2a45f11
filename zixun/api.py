"""The library façade that the CLI and the web call.

Every user-facing operation is one function here; ``cli.py`` and ``web/`` only parse
input, call one of these and render the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from zixun.errors import ConfigError
from zixun.model import Article
from zixun.pipeline import extract_page
from zixun.read.sources import InputItem, iter_inputs
from zixun.recommend.blend import BlendConfig, RelatedArticle
from zixun.settings import get as setting
from zixun.store import Store, open_store
from zixun.store.base import SearchHit


def _parse_base_time(base_time: datetime | str | None) -> datetime | None:
    if base_time is None or isinstance(base_time, datetime):
        return base_time
    try:
        value = datetime.fromisoformat(base_time)
    except ValueError as exc:
        raise ConfigError(f"base time {base_time!r} is not ISO 8601: use e.g. 2023-11-07T09:00:00+08:00") from exc
    return value


def extract(
    data: bytes | str,
    *,
    url: str | None = None,
    base_time: datetime | str | None = None,
    source: str = "<input>",
) -> Article:
    """One raw page (HTML bytes/str, page dump or plain text) → a finished ``Article``. Pure."""
    return extract_page(data, url=url, base_time=_parse_base_time(base_time), source=source)


def extract_item(item: InputItem) -> Article:
    """Extract one input item (file, JSONL record…), carrying its own url/time/title hints."""
    return extract_page(
        item.data, url=item.url, base_time=_parse_base_time(item.base_time), source=item.source, hints=item.hints
    )


@dataclass(slots=True)
class IngestReport:
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def ingest(
    paths: Iterable[str],
    *,
    db: str | None = None,
    store: Store | None = None,
    runner: str = "local",
    progress: Any = None,
) -> IngestReport:
    """Read every input under ``paths``, run the stages and store the articles.

    One bad page never stops the batch: its failure (source, reason, message) is recorded.
    Only this driver writes to the store; workers only extract.
    """
    from zixun.runner import get_runner

    own = store is None
    st = store or open_store(db or setting("db"))
    report = IngestReport()
    try:
        items: Iterator[InputItem | tuple[str, str, str]] = iter_inputs(paths)
        for result in get_runner(runner).map(items, progress=progress):
            if isinstance(result, Article):
                outcome, article_id = st.upsert(result)
                report.ids.append(article_id)
                if outcome == "stored":
                    report.stored += 1
                elif outcome == "updated":
                    report.updated += 1
                else:
                    report.unchanged += 1
            else:
                report.failed.append(result)
    finally:
        if own:
            st.close()
    return report


def get(article_id: int, *, store: Store) -> Article:
    return store.get(article_id)


def list_articles(*, store: Store, limit: int = 20, offset: int = 0, **filters: Any) -> list[tuple[int, Article]]:
    return store.list(limit=limit, offset=offset, **filters)


def open_db(url: str | None = None) -> Store:
    """Open the store named by ``url`` (default: the ``db`` setting)."""
    return open_store(url or setting("db"))


def resolve_id(id_or_url: str | int, *, store: Store) -> int:
    """An article id from an id, a URL or a store key; raises NotFound."""
    from zixun.errors import NotFound

    if isinstance(id_or_url, int) or str(id_or_url).isdigit():
        return int(id_or_url)
    found = store.find_id(str(id_or_url))
    if found is None:
        raise NotFound(f"no stored article with URL {id_or_url!r}: ingest it first or use `zixun list`")
    return found


def search(query: str, *, store: Store, limit: int = 10, offset: int = 0, **filters: Any) -> list[SearchHit]:
    """Chinese full-text search over title, summary, body and tags, best first.

    Filters: ``since``/``until`` (publish dates), ``tag``, ``outlet``, ``category``.
    """
    from zixun import search as search_mod

    unknown = sorted(set(filters) - set(search_mod.FILTERS))
    if unknown:
        raise ConfigError(f"unknown search filter(s) {unknown}: use {', '.join(search_mod.FILTERS)}")
    return search_mod.search(query, store=store, limit=limit, offset=offset, **filters)


def related(
    article_id: int,
    *,
    store: Store,
    k: int | None = None,
    reader: str | None = None,
    config: BlendConfig | None = None,
    now: datetime | None = None,
    quick: bool = False,
) -> list[RelatedArticle]:
    """大家还在看 for one article: a blend of related, co-read, trending and fresh items.

    Never the article itself, nothing ``reader`` already viewed, no two near-duplicates;
    each item's ``reason`` says which source chose it. ``config`` sets weights and slots.
    ``quick`` finds related items by shared tags instead of the in-memory related index
    (for a server still building it: no wait of seconds on the first page).
    """
    from zixun.recommend.blend import recommend

    return recommend(
        article_id, store=store, k=k or int(setting("related_k")), reader=reader, config=config, now=now,
        quick=quick,
    )


def record_view(article_id: int, reader_id: str, at: datetime | None = None, *, store: Store) -> None:
    """Record one page view (feeds trending and co-read)."""
    from datetime import UTC

    store.record_view(article_id, reader_id, at or datetime.now(UTC))


def sample_pages_dir() -> Path:
    """The bundled sample pages (the demo corpus and test fixtures)."""
    return Path(__file__).parent / "samples" / "pages"


# -- site and JSON API services (zixun.web calls these; the CLI may too) ------------------------


@dataclass(slots=True)
class IngestedPage:
    """What ``ingest_page`` did with one page: the outcome, the id and the stored article."""

    outcome: str
    id: int
    article: Article


def check_page_size(size: int, *, source: str = "<api>") -> None:
    """Refuse a page over the ``max_page_bytes`` setting before any parsing (InputError names the limit)."""
    from zixun.errors import InputError

    limit = int(setting("max_page_bytes"))
    if size > limit:
        raise InputError(source, f"page is {size} bytes, over the max_page_bytes limit of {limit}: "
                                 "send a smaller page or raise ZIXUN_MAX_PAGE_BYTES")


def store_article(article: Article, *, store: Store) -> IngestedPage:
    """Store one extracted article (insert or update by URL/content hash) and read it back."""
    outcome, article_id = store.upsert(article)
    return IngestedPage(outcome, article_id, store.get(article_id))


def ingest_page(
    data: bytes | str,
    *,
    url: str | None = None,
    base_time: datetime | str | None = None,
    store: Store,
    source: str = "<api>",
) -> IngestedPage:
    """Extract one raw page (HTML or text) and store it: ``extract`` then ``store_article``.

    The web endpoint runs the two halves apart (extraction in a worker thread, the write on
    the event loop's connection); this is the one-call form for scripts and tests.
    """
    check_page_size(len(data.encode("utf-8")) if isinstance(data, str) else len(data), source=source)
    return store_article(extract(data, url=url, base_time=base_time, source=source), store=store)


def tags(*, store: Store, limit: int = 100) -> list[tuple[str, int]]:
    """The most used tags with their article counts, most used first."""
    return store.tag_counts(limit=limit)


def channels(*, store: Store) -> list[str]:
    """The channels (categories) that hold at least one article, in the classifier's order.

    Store has no category count; one indexed ``LIMIT 1`` probe per channel is cheap.
    """
    from zixun.stages.category import CHANNELS

    return [ch for ch in CHANNELS if store.list(category=ch, limit=1)]


def trending(
    *, store: Store, limit: int = 10, channel: str | None = None, now: datetime | None = None
) -> list[tuple[int, float]]:
    """Most viewed articles lately as (id, score), hottest first; only ``channel``'s when given.

    Views decay with the ``trending_half_life_hours`` setting (``zixun.recommend.trending``).
    """
    from zixun.recommend.trending import trending as decayed

    return decayed(store, half_life_hours=float(setting("trending_half_life_hours")), now=now, channel=channel,
                   limit=limit)
