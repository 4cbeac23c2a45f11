"""Per-app state shared by the page and API routes: store connections, templates, caches, view writer.

The event loop only does fast work (one article by id, rendering a template, queueing a
page view). Slow reads run in worker-thread lanes with their own connections, and their
results are cached: fresh for a while, then served stale while a background refresh runs
(大家还在看 lists, rendered home/list pages, search answers, the channel list). Nothing in
the caches is personal; a page view is stored by one writer thread on its own connection.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar, cast
from urllib.parse import urlsplit

import anyio
import anyio.to_thread
from fastapi import Request
from fastapi.responses import Response
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from zixun import api
from zixun.model import Article
from zixun.recommend.blend import RelatedArticle
from zixun.recommend.index import RelatedIndex
from zixun.render import byline_text, reader_time
from zixun.settings import get as setting
from zixun.store import Store
from zixun.store.base import SearchHit
from zixun.store.query import snippet_html
from zixun.text.t2s import is_traditional
from zixun.web.fragments import channel_options, chips_html, meta_html, nav_html, path_quote

RELATED_SPARE = 6  # extra 大家还在看 candidates kept so a reader's already-read ones can be dropped

log = logging.getLogger(__name__)

READER_COOKIE = "zx_reader"
READER_RE = re.compile(r"[0-9a-f]{32}")
PAGE_SIZE = 20
SEARCH_PAGE_SIZE = 10  # results per search page, as news search engines show; lists show PAGE_SIZE
QUICK_EXTRA = 1  # search connections beyond the first: SQLite runs two queries at once on two cores
HERE = Path(__file__).parent

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


class TTLCache(Generic[K, V]):
    """An LRU cache whose entries are fresh for ``ttl`` seconds and then stale until evicted.

    ``lookup`` tells the caller which, so a stale value can be served while a fresh one is
    computed in the background. Safe to share between the event loop and worker threads.
    """

    def __init__(self, ttl: float, maxsize: int) -> None:
        self.ttl, self.maxsize = ttl, maxsize
        self._data: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()

    def lookup(self, key: K) -> tuple[V, bool] | None:
        """(value, still fresh) or None."""
        with self._lock:
            hit = self._data.get(key)
            if hit is None:
                return None
            self._data.move_to_end(key)
        return hit[1], hit[0] > time.monotonic()

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._data[key] = (time.monotonic() + self.ttl, value)
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def pop_where(self, test: Callable[[K], bool]) -> None:
        with self._lock:
            for key in [k for k in self._data if test(k)]:
                del self._data[key]

    def __len__(self) -> int:
        return len(self._data)


class Lane:
    """Store connections used from worker threads, each by one call at a time.

    Slow reads (the newest-first sorts behind lists, the 大家还在看 blend, search) run here
    so the event loop keeps answering cached pages meanwhile. SQLite lets go of the GIL
    while it runs a query, so a lane with two connections runs two searches at once on
    two cores while the event loop renders. With an in-memory database there is only one
    connection and the call runs inline.
    """

    def __init__(self, store: Store, *, inline: bool, extra: Sequence[Store] = ()) -> None:
        self.store, self.inline = store, inline
        self.stores = [store, *extra]
        self.idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        for st in self.stores:
            self.idle.put(st)
        self._limits: tuple[asyncio.AbstractEventLoop, anyio.CapacityLimiter] | None = None

    async def run(self, fn: Callable[[Store], T]) -> T:
        if self.inline:
            return fn(self.store)
        return await anyio.to_thread.run_sync(self._call, fn, limiter=self._limiter())

    def _limiter(self) -> anyio.CapacityLimiter:
        """One worker thread per connection: callers queue on the event loop, not in threads.

        Without it, sixteen concurrent searches took sixteen pool threads, fourteen of them
        parked on the connection queue. A limiter belongs to one event loop, so a new loop
        (a test client) gets its own.
        """
        loop = asyncio.get_running_loop()
        if self._limits is None or self._limits[0] is not loop:
            self._limits = (loop, anyio.CapacityLimiter(len(self.stores)))
        return self._limits[1]

    def _call(self, fn: Callable[[Store], T]) -> T:
        st = self.idle.get()
        try:
            return fn(st)
        finally:
            self.idle.put(st)


def safe_url(value: str | None) -> str | None:
    """The URL if it is plain http(s), else None: a crawled ``javascript:`` link never reaches a page."""
    if not value:
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def html_lang(article: Article) -> str:
    """The page's ``lang``: zh-Hant for a traditional-script story (screen readers and fonts
    pick their glyphs and voice by it), zh-CN for simplified, else the detected language."""
    if article.lang != "zh":
        return article.lang or "zh-CN"
    return "zh-Hant" if is_traditional(article.title + article.text[:2000]) else "zh-CN"


def excerpt(value: str, n: int = 80) -> str:
    value = " ".join(value.split())
    return value if len(value) <= n else value[: n - 1] + "…"


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["reader_time"] = reader_time
    env.filters["byline_text"] = byline_text
    env.filters["snippet_html"] = lambda s: Markup(snippet_html(s))
    env.filters["path_quote"] = path_quote
    env.filters["safe_url"] = safe_url
    env.filters["excerpt"] = excerpt
    env.filters["html_lang"] = html_lang
    env.globals.update(meta_html=meta_html, chips_html=chips_html, nav_html=nav_html,
                       channel_options=channel_options)
    return env


@dataclass
class Site:
    """Everything a request handler needs; one per app (``app.state.site``).

    Connections: ``store`` is read on the event loop (one article by id, writes of ingest),
    ``slow`` and ``quick`` are lanes for worker threads (lists and 大家还在看; search),
    ``writer`` takes page views from the view thread. All are the same object for an
    in-memory database.
    """

    store: Store
    slow: Lane
    quick: Lane
    writer: Store
    db: str = ""  # the store URL: the start-up build opens a connection of its own
    env: Environment = field(default_factory=make_env)
    related_cache: TTLCache[int, list[RelatedArticle]] = field(
        default_factory=lambda: TTLCache(300.0, 20_000))
    small_cache: TTLCache[str, Any] = field(default_factory=lambda: TTLCache(60.0, 256))
    page_cache: TTLCache[str, str] = field(default_factory=lambda: TTLCache(10.0, 512))
    article_cache: TTLCache[tuple[int, str], str] = field(default_factory=lambda: TTLCache(60.0, 5000))
    search_cache: TTLCache[tuple[object, ...], list[SearchHit]] = field(default_factory=lambda: TTLCache(60.0, 2000))
    nav: list[str] = field(default_factory=list)
    views: ViewWriter | None = None
    # Articles each recent reader has viewed, so 大家还在看 can leave them out without a
    # database read per request; filled from the store on a reader's first page in this process.
    read_by: TTLCache[str, set[int]] = field(default_factory=lambda: TTLCache(3600.0, 50_000))
    _refreshing: set[tuple[int, object]] = field(default_factory=set)
    _pending: dict[tuple[int, object], asyncio.Future[Any]] = field(default_factory=dict)
    ready: bool = False  # the start-up work (the related index) is done

    def __post_init__(self) -> None:
        self.views = ViewWriter(self.writer)

    @classmethod
    def open(cls, db: str) -> Site:
        store = api.open_db(db)
        if db.rstrip("/") in ("sqlite:", "sqlite:/") or ":memory:" in db:
            return cls(store=store, slow=Lane(store, inline=True), quick=Lane(store, inline=True), writer=store)
        quick = Lane(api.open_db(db), inline=False, extra=[api.open_db(db) for _ in range(QUICK_EXTRA)])
        return cls(store=store, slow=Lane(api.open_db(db), inline=False), quick=quick, writer=api.open_db(db), db=db)

    async def cached(self, cache: TTLCache[Any, V], key: object, lane: Lane, compute: Callable[[Store], V]) -> V:
        """A fresh cached value; a stale one while a refresh runs in the background; else computed now.

        Requests that miss on a key already being computed wait for that computation: after a
        restart, sixteen readers of one page start one 大家还在看 build, not sixteen in a row.
        """
        hit = cache.lookup(key)
        if hit is not None:
            value, fresh = hit
            tag = (id(cache), key)
            if not fresh and tag not in self._refreshing:
                self._refreshing.add(tag)
                asyncio.get_running_loop().create_task(self._refresh(cache, key, lane, compute, tag))
            return value
        tag = (id(cache), key)
        pending = self._pending.get(tag)
        if pending is not None:  # the same value is being computed for another request: wait for it
            try:
                return cast(V, await asyncio.shield(pending))
            except asyncio.CancelledError:
                if not pending.cancelled():
                    raise  # this request itself was cancelled
                # the request computing it went away: compute it here instead
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[tag] = future
        try:
            value = await lane.run(compute)
        except asyncio.CancelledError:
            future.cancel()
            raise
        except Exception as exc:
            future.set_exception(exc)
            future.exception()  # marked retrieved: the waiters re-raise it
            raise
        finally:
            if self._pending.get(tag) is future:
                del self._pending[tag]
        cache.put(key, value)
        future.set_result(value)
        return value

    async def _refresh(self, cache: TTLCache[Any, V], key: object, lane: Lane, compute: Callable[[Store], V],
                       tag: tuple[int, object]) -> None:
        try:
            cache.put(key, await lane.run(compute))
        except Exception:  # the stale value stays; the next request past the TTL tries again
            log.exception("refreshing a cached value failed")
        finally:
            self._refreshing.discard(tag)

    def render(self, template: str, /, **context: object) -> str:
        context.setdefault("nav_channels", self.nav)
        return self.env.get_template(template).render(**context)

    async def update_nav(self) -> None:
        """The channel list shown in every page's header (refreshed every few minutes)."""
        self.nav = await self.cached(self.small_cache, "channels", self.slow, lambda st: api.channels(store=st))

    async def related(self, article_id: int) -> list[RelatedArticle]:
        """大家还在看 candidates for an article (a few spare ones), shared by all readers for a few minutes."""
        k = int(setting("related_k")) + RELATED_SPARE
        if not self.ready:  # the index is still being built: related by tags now, not cached
            return await self.quick.run(lambda st: api.related(article_id, store=st, k=k, quick=True))

        def compute(store: Store) -> list[RelatedArticle]:
            return api.related(article_id, store=store, k=k)

        return await self.cached(self.related_cache, article_id, self.slow, compute)

    async def already_read(self, reader: str, *, new: bool) -> set[int]:
        """What this reader has viewed (empty for a new reader), from memory after the first look-up."""
        if new:
            return set()
        hit = self.read_by.lookup(reader)
        if hit is not None:
            return hit[0]
        seen = await self.quick.run(lambda st: st.viewed_by(reader))
        self.read_by.put(reader, seen)
        return seen

    async def related_html(self, article_id: int, *, exclude: set[int] | None = None) -> Markup:
        """The 大家还在看 block for one reader: the shared list without what the reader already read."""
        skip = exclude or set()
        items = [r for r in await self.related(article_id) if r.id not in skip][: int(setting("related_k"))]
        return Markup(self.env.get_template("_related.html").render(related=items))

    async def search(self, q: str, *, limit: int, offset: int, **filters: Any) -> list[SearchHit]:
        """``api.search`` with the answer kept for a minute: news queries repeat a lot."""
        key = (q, limit, offset, *sorted(filters.items()))
        return await self.cached(self.search_cache, key, self.quick,
                                 lambda st: api.search(q, store=st, limit=limit, offset=offset, **filters))

    async def channels(self) -> list[str]:
        await self.update_nav()
        return self.nav

    def forget(self, article_id: int) -> None:
        """Drop what was rendered from the store after a write (ingest)."""
        self.article_cache.pop_where(lambda key: key[0] == article_id)
        self.small_cache.clear()
        self.page_cache.clear()
        self.search_cache.clear()

    def record_view(self, article_id: int, reader: str) -> None:
        """Queue one page view; a writer thread stores it with ``api.record_view`` (no fsync on the request)."""
        assert self.views is not None
        self.views.put(article_id, reader)
        hit = self.read_by.lookup(reader)
        if hit is not None:
            hit[0].add(article_id)

    async def warm_up(self) -> None:
        """Build the 大家还在看 neighbour index as the server starts, not on the first article
        request after it (seconds on a 100k archive); until it is done article pages get their
        大家还在看 by shared tags (``StoreRows``) and nothing waits. A failure leaves the build
        to the first request after it. ``ready`` (``/api/health``) turns true when it is done
        either way."""
        try:
            if self.slow.inline or not self.db:
                await self.slow.run(lambda st: st.related_index())
            else:  # on a connection of its own, so lists and pages on the slow lane do not queue behind it
                index = await anyio.to_thread.run_sync(self._build_index)
                for st in self.slow.stores:
                    st.use_related_index(index)
        except Exception:
            log.exception("building the related index at start-up failed; the first article page will retry")
        finally:
            self.ready = True

    def _build_index(self) -> RelatedIndex:
        store = api.open_db(self.db)
        try:
            return store.related_index()
        finally:
            store.close()

    def close(self) -> None:
        if self.views is not None:
            self.views.stop()
        seen: set[int] = set()
        for st in (self.writer, *self.slow.stores, *self.quick.stores, self.store):
            if id(st) not in seen:
                seen.add(id(st))
                st.close()


class ViewWriter:
    """One background thread that stores page views in order, holding the store's write lock.

    A SQLite commit waits for the disk (~0.2–0.5 ms); doing it on the request path would
    block the event loop. Views reach the store a few milliseconds later; ``flush`` waits.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.lock = threading.Lock()
        self.q: queue.SimpleQueue[tuple[int, str, datetime] | threading.Event | None] = queue.SimpleQueue()
        self.thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def put(self, article_id: int, reader: str) -> None:
        self._ensure_thread()
        self.q.put((article_id, reader, datetime.now(UTC)))

    def flush(self, timeout: float = 10.0) -> None:
        if self.thread is None:
            return
        done = threading.Event()
        self.q.put(done)
        done.wait(timeout)

    def stop(self) -> None:
        if self.thread is not None:
            self.flush()
            self.q.put(None)
            self.thread.join(5)
            self.thread = None

    def _ensure_thread(self) -> None:
        if self.thread is None:
            with self._start_lock:
                if self.thread is None:
                    self.thread = threading.Thread(target=self._run, name="zixun-views", daemon=True)
                    self.thread.start()

    def _run(self) -> None:
        while True:
            batch = [self.q.get()]
            while len(batch) < 500:
                try:
                    batch.append(self.q.get_nowait())
                except queue.Empty:
                    break
            with self.lock:
                for item in batch:
                    if isinstance(item, tuple):
                        try:
                            api.record_view(item[0], item[1], item[2], store=self.store)
                        except Exception:  # a lost view must not kill the writer
                            log.exception("could not record a page view")
            for item in batch:
                if isinstance(item, threading.Event):
                    item.set()
                elif item is None:
                    return


def site_of(request: Request) -> Site:
    site = request.app.state.site
    assert isinstance(site, Site)
    return site


def reader_id(request: Request) -> tuple[str, bool]:
    """The reader's random id from the first-party cookie, or a new one (``True`` when new).

    The id is 32 random hex digits and nothing else: no IP, no user agent, no personal data.
    """
    value = request.cookies.get(READER_COOKIE, "")
    if READER_RE.fullmatch(value):
        return value, False
    return uuid.uuid4().hex, True


def set_reader_cookie(response: Response, rid: str) -> None:
    response.set_cookie(READER_COOKIE, rid, max_age=3600 * 24 * 365, httponly=True, samesite="lax", path="/")
